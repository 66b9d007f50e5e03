/**
 * One part of the search index, written by a Pagefind process of its own:
 * `scripts/search-index.ts` runs this file as a worker thread per part, at
 * most `--jobs` at a time, so the parts are indexed on both cores while the
 * memory stays that of `--jobs` parts. Each worker has its own Pagefind
 * process (Pagefind's Node API keeps one per thread), closed when the part is
 * written, so a part's memory is given back before the next one starts.
 *
 * Reads the part's pages again rather than receiving them: a country's year
 * is 2.3 GB of HTML.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { searchEntry } from '../src/lib/search/entry.ts';
import type { SearchEntry } from '../src/lib/search/entry.ts';
import { unitFiles } from '../src/lib/search/parts.ts';
import { textKeys } from '../src/lib/search/directory.ts';
import { indexText } from '../src/lib/search/terms.ts';
import { byCodeUnits } from '../src/lib/order.ts';
import type { Part } from '../src/lib/search/parts.ts';

/** What a worker is given. */
export interface PartJob {
  /** The built site. */
  root: string;
  /** Where the index goes (`<site>/pagefind`). */
  out: string;
  part: Part;
  /** Index the pages as built (Pagefind's own reading of the HTML), not the records of src/lib/search/entry.ts. */
  plain: boolean;
  /** The site's base path; result URLs start with it. */
  basePath: string;
  /** The pages' records, made from the content (`--content`), in the part's page order; else each page is read from `root`. */
  entries?: SearchEntry[];
}

/** What a worker reports. */
export interface PartOutcome {
  errors: string[];
  /** Characters of content indexed. */
  chars: number;
  seconds: number;
  /** The keys of the part's text, sorted (`textKeys`, for the index's directory); none when plain. */
  keys: string[];
}

/** Writes one part of the index into `<out>/<part.path>`, with its units files (each district's departments, and the department pages it lists). */
export async function indexPart(job: PartJob): Promise<PartOutcome> {
  const t0 = performance.now();
  const { root, out, part, plain, basePath, entries } = job;
  const errors: string[] = [];
  let chars = 0;
  const keys = new Set<string>();
  // One character, one word: the index must not segment or stem (see terms.ts): language `und`.
  // Plain, it is what Pagefind does with the pages' own language, zh-CN.
  const { index, errors: started } = await pagefind.createIndex({ forceLanguage: plain ? 'zh-cn' : 'und' });
  if (!index) return { errors: [`Pagefind did not start: ${started.join('; ')}`], chars, seconds: 0, keys: [] };
  try {
    for (const [n, { path }] of part.pages.entries()) {
      const given = entries?.[n];
      const html = given ? '' : readFileSync(join(root, path), 'utf8');
      const url = basePath + path.replace(/index\.html$/u, '');
      const entry = given ?? (plain ? undefined : searchEntry(html));
      if (!plain && entry === undefined) {
        errors.push(`${path}: no data-pagefind-body`);
        continue;
      }
      chars += entry?.content.length ?? html.length;
      if (!plain && entry) textKeys(indexText(entry.content), keys);
      const added = entry ? await index.addCustomRecord({ url, language: 'und', ...entry }) : await index.addHTMLFile({ url, content: html });
      errors.push(...added.errors.map((e) => `${path}: ${e}`));
    }
    const written = await index.writeFiles({ outputPath: join(out, part.path) });
    errors.push(...written.errors);
    for (const [path, units] of unitFiles(part, basePath)) {
      mkdirSync(dirname(join(out, path)), { recursive: true });
      writeFileSync(join(out, path), `${JSON.stringify(units)}\n`);
    }
  } finally {
    await pagefind.close();
  }
  return { errors, chars, seconds: (performance.now() - t0) / 1000, keys: [...keys].sort(byCodeUnits) };
}

if (parentPort !== null && workerData !== null && typeof workerData === 'object') {
  const port = parentPort;
  indexPart(workerData as PartJob).then(
    (outcome) => port.postMessage(outcome),
    (error: unknown) => port.postMessage({ errors: [error instanceof Error ? error.message : String(error)], chars: 0, seconds: 0, keys: [] } satisfies PartOutcome),
  );
}
