/**
 * The pages the search index is made of, from the content (`search-index.ts --content`): each indexed
 * page's path, filters and record, and the department pages its parts list — for a national year
 * 101,000 pages, whose model takes seconds to read (100,000 files parsed) and their records more to make.
 *
 * With a cache folder, each district's pages are kept there under a key of everything they are made of
 * (`districtKey`): the district's own files (its notice entry, departments file and commitments), every
 * progress report (few; a report names the notice it is about in its own metadata), the code and the
 * base path. A district's part of the site model is made of those files alone (`buildModel`), so only
 * the districts whose key is not kept are read, in one model of those districts
 * (`readContentModel(root, only)`); the files' digests are remembered with their stamps (`fileDigests`),
 * so a district whose files were not written since is not read at all. A kept entry that cannot be
 * read is read from the content again. Only the entries of the last run are kept. I/O edge.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../../src/lib/config.ts';
import { commitmentsDir, noticesDir, reportsDir } from '../../src/lib/content/paths.ts';
import { fileDigests } from '../../src/lib/digests.ts';
import { filesBelow } from '../../src/lib/files.ts';
import { sha256 } from '../../src/lib/hash.ts';
import { marksEntry } from '../../src/lib/search/entry.ts';
import type { SearchEntry } from '../../src/lib/search/entry.ts';
import { indexedPages, listedPages, listingFilters } from '../../src/lib/search/pages.ts';
import type { PartPage } from '../../src/lib/search/parts.ts';
import type { Year } from '../../src/lib/site/model.ts';
import { districtOfEntry, readContentModel } from './content-model.ts';

/** The index's pages: those indexed (with their records, by path) and those its parts list. */
export interface ContentPages {
  toIndex: PartPage[];
  listed: PartPage[];
  entries: Map<string, SearchEntry>;
  /** How many districts were read from the content (the others were kept). */
  read: number;
  /** How many districts there are. */
  districts: number;
}

/** One district's pages, as kept: indexed pages (path, record: its filters are the page's) and listed pages (path, filters). */
interface DistrictPages {
  format: 1;
  indexed: [path: string, entry: SearchEntry][];
  listed: [path: string, filters: Record<string, string[]>][];
}

/** Returns the pages of a model's districts, each district's apart (by `<year>/<slug>`). */
function pagesOfModel(years: readonly Year[]): Map<string, DistrictPages> {
  const byDistrict = new Map<string, DistrictPages>();
  for (const year of years) {
    for (const district of year.districts) {
      const data = { years: [{ year: year.year, districts: [district] }], snapshots: [] };
      byDistrict.set(`${year.year}/${district.notice.slug}`, {
        format: 1,
        indexed: indexedPages(data).map((page) => [page.path, marksEntry(page.marks)]),
        listed: listedPages(data).map((page) => [page.path, listingFilters(page.listing)]),
      });
    }
  }
  return byDistrict;
}

/** Returns the index's pages of every district's pages, in one list each. */
function gathered(districts: Iterable<DistrictPages>, read: number, count: number): ContentPages {
  const pages: ContentPages = { toIndex: [], listed: [], entries: new Map(), read, districts: count };
  for (const district of districts) {
    for (const [path, entry] of district.indexed) {
      pages.toIndex.push({ path, filters: entry.filters });
      pages.entries.set(path, entry);
    }
    for (const [path, filters] of district.listed) pages.listed.push({ path, filters });
  }
  return pages;
}

/** Returns the key of a district's pages: the context (code, base path), the district, its files and their digests, and the reports' digest. */
export function districtKey(context: string, district: string, files: readonly (readonly [path: string, digest: string])[], reports: string): string {
  return sha256(`${JSON.stringify(['minsheng-search-district', 1, context, district, reports])}\n${files.map(([path, digest]) => `${path}\0${digest}\n`).join('')}`);
}

/** Returns the kept pages under `key`, or undefined when there are none or they cannot be read. */
function readKept(dir: string, key: string): DistrictPages | undefined {
  try {
    const kept = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as Partial<DistrictPages>;
    return kept.format === 1 && Array.isArray(kept.indexed) && Array.isArray(kept.listed) ? (kept as DistrictPages) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns the index's pages of the content at `root`. With `cacheDir`, each district's pages are taken
 * from there when its key (made with `context`: the code and base path) is kept, and kept there when read;
 * without, the whole model is read.
 */
export function contentPages(root: string = contentDir(), cacheDir?: string, context = ''): ContentPages {
  if (cacheDir === undefined) {
    const all = pagesOfModel(readContentModel(root));
    return gathered(all.values(), all.size, all.size);
  }
  // Each district's files (its notice entry and departments file, its commitments), by district.
  const filesOf = new Map<string, string[]>();
  for (const path of filesBelow(join(root, noticesDir)).filter((f) => f.endsWith('.md') || f.endsWith('.units.yaml'))) {
    const district = districtOfEntry(path);
    filesOf.set(district, [...(filesOf.get(district) ?? []), `${noticesDir}/${path}`]);
  }
  for (const [district, files] of filesOf) {
    // A departments file without a notice entry belongs to no district here (the build refuses it).
    if (files.includes(`${noticesDir}/${district}.md`)) files.push(...filesBelow(join(root, commitmentsDir, district), '.md').map((f) => `${commitmentsDir}/${district}/${f}`));
    else filesOf.delete(district);
  }
  const reportFiles = filesBelow(join(root, reportsDir)).map((f) => `${reportsDir}/${f}`);
  const paths = [...[...filesOf.values()].flat(), ...reportFiles];
  const digests = fileDigests(root, paths, 'search');
  const digestOf = new Map(paths.map((p, i) => [p, digests[i] ?? '']));
  const reports = sha256(reportFiles.map((f) => `${f}\0${digestOf.get(f) ?? ''}\n`).join(''));

  const dir = join(cacheDir, 'districts');
  const keyOf = new Map<string, string>();
  const byDistrict = new Map<string, DistrictPages>();
  for (const [district, files] of filesOf) {
    const key = districtKey(
      context,
      district,
      files.map((f) => [f, digestOf.get(f) ?? ''] as const),
      reports,
    );
    keyOf.set(district, key);
    const kept = readKept(dir, key);
    if (kept) byDistrict.set(district, kept);
  }
  const toRead = new Set([...filesOf.keys()].filter((d) => !byDistrict.has(d)));
  if (toRead.size > 0) {
    for (const [district, pages] of pagesOfModel(readContentModel(root, toRead))) {
      byDistrict.set(district, pages);
      const key = keyOf.get(district);
      if (key === undefined) continue;
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${key}.${process.pid}.tmp`), JSON.stringify(pages));
        renameSync(join(dir, `${key}.${process.pid}.tmp`), join(dir, `${key}.json`));
      } catch {
        // A read-only or full disk: the next run reads the district again.
      }
    }
  }
  // Only this run's entries are kept (and no temporary file a killed run left).
  const used = new Set([...keyOf.values()].map((key) => `${key}.json`));
  for (const name of existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []) if (name.isFile() && !used.has(name.name)) rmSync(join(dir, name.name), { force: true });
  return gathered(
    [...filesOf.keys()].sort().flatMap((d) => byDistrict.get(d) ?? []),
    toRead.size,
    filesOf.size,
  );
}
