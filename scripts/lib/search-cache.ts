/**
 * What `scripts/search-index.ts --content` keeps between runs: each part of the search index as
 * Pagefind wrote it (and as the index publishes it), under a key made of everything its files are
 * made from — whether it is the first part (which keeps Pagefind's runtime), its pages in order with
 * their filters and search records, the pages its units files list, the site's base path, the code
 * (the index's scripts and every module they import, the lockfile: `codeKey`, as the ingest cache keys it)
 * and Pagefind's version.
 * A part's place (`part-3/`) is not in its key: nothing in its files names it, so a part numbered
 * again when a part before it is split or joined (`planParts`) is still found. A part whose key is
 * kept is copied from the cache (hard links, else copies) instead of being indexed again: adding one
 * notice to a national site indexes one part of about ten.
 *
 * Kept in `node_modules/.cache/minsheng-search/` (`MINSHENG_SEARCH_CACHE` names another folder), a
 * folder per key holding the part's files and `entry.json` (each file's path, size, SHA-256 and stamp),
 * written whole under a temporary name and renamed. An entry whose record cannot be read, or whose
 * files are missing or differ from it (a file of the build changed in place through its hard link),
 * is a miss, and is indexed again; a file whose stamp (size, modification time, inode) is the one
 * recorded was not written since, and is not read to tell. After each run only the entries that run used are kept: an index
 * is rebuilt from the one before it, so older entries would only grow the cache (by a part for each
 * change), and what is kept is one index, which shares its disk blocks with the index built (hard
 * links). Deleting the folder only costs time.
 */
import { linkFile } from './links.ts';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { sha256 } from '../../src/lib/hash.ts';
import { fileFacts, filesBelow } from '../../src/lib/files.ts';
import type { SearchEntry } from '../../src/lib/search/entry.ts';
import { partsFile } from '../../src/lib/search/parts.ts';
import type { Part } from '../../src/lib/search/parts.ts';
import { completeFile } from '../../src/lib/search/complete.ts';
import { directoryFolder } from '../../src/lib/search/directory.ts';

/** The environment variable naming the cache folder. */
export const searchCacheVariable = 'MINSHENG_SEARCH_CACHE';

/** Returns the cache folder: `$MINSHENG_SEARCH_CACHE`, else `node_modules/.cache/minsheng-search/` of the project. */
export function searchCacheDir(project: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[searchCacheVariable] || join(project, 'node_modules', '.cache', 'minsheng-search');
}

/** What every part's key holds besides the part itself. */
export interface CacheContext {
  /** `codeKey` of the project. */
  code: string;
  /** Pagefind's version, from its package. */
  pagefind: string;
  /** The site's base path. */
  basePath: string;
}

/** Returns the key of a part: a SHA-256 over the context, whether it is the first part, and each of its pages (path, filters, record) and listed pages, a line each. */
export function partKey(context: CacheContext, part: Part, entries: readonly SearchEntry[]): string {
  const hash = createHash('sha256');
  hash.update(`${JSON.stringify(['minsheng-search-part', 1, context.code, context.pagefind, context.basePath, part.path === ''])}\n`);
  part.pages.forEach((page, n) => hash.update(`${JSON.stringify(['page', page.path, page.filters, entries[n] ?? null])}\n`));
  for (const page of part.listed) hash.update(`${JSON.stringify(['listed', page.path, page.filters])}\n`);
  return hash.digest('hex');
}

/** A kept part's record, `entry.json`. */
interface EntryRecord {
  format: 2;
  /** Characters of index words the part was made of (what the run reports). */
  chars: number;
  /** The keys of the part's text (`textKeys`, for the index's directory). */
  keys: string[];
  /**
   * Each file, relative to the part's folder: its size, SHA-256 and stamp when kept (`fileStamp`). A file
   * whose stamp is the same was not written since: it is not read again.
   */
  files: [string, number, string, string?][];
}

const recordFile = 'entry.json';
const keyPattern = /^[0-9a-f]{64}$/u;

/** Returns the files of the part at `partDir`, relative to it: the first part's folder (`pagefind/`) holds the other parts and the index's own records (the manifest, the directory, the completion record), which are not its own. */
export function partFiles(partDir: string, first: boolean): string[] {
  return filesBelow(partDir).filter((f) => !first || (!/^part-\d+\//u.test(f) && !f.startsWith(`${directoryFolder}/`) && f !== partsFile && f !== completeFile));
}

/** Returns the record of the entry under `key`, or undefined when there is none, it cannot be read, or a file of it is missing or differs from it. */
function readEntry(dir: string, key: string): EntryRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(join(dir, key, recordFile), 'utf8')) as EntryRecord;
    if (record.format !== 2 || typeof record.chars !== 'number' || !Array.isArray(record.keys) || !Array.isArray(record.files)) return undefined;
    for (const [path, size, digest, stamp] of record.files) {
      const file = join(dir, key, 'files', path);
      const facts = fileFacts(file);
      if (facts.size !== size || (facts.stamp !== stamp && sha256(readFileSync(file)) !== digest)) return undefined;
    }
    return record;
  } catch {
    return undefined;
  }
}

/**
 * Returns the files of the part kept under `key` (relative to the part's folder, as `restorePart` places
 * them) with where each is kept, unchecked (`restorePart` checks them); none when it has no readable record.
 */
export function entryFiles(dir: string, key: string): [path: string, kept: string][] {
  try {
    const record = JSON.parse(readFileSync(join(dir, key, recordFile), 'utf8')) as Partial<EntryRecord>;
    return Array.isArray(record.files) ? record.files.map(([path]) => [path, join(dir, key, 'files', path)]) : [];
  } catch {
    return [];
  }
}

/** What a kept part gives besides its files: its characters of index words, and its text's keys. */
export interface RestoredPart {
  chars: number;
  keys: string[];
}

/**
 * Copies the part kept under `key` into `partDir` and returns its characters of index words and its
 * keys; undefined when it is not kept whole (a damaged entry is removed, so that the part indexed
 * instead can be kept). A file already in place, the kept file itself (`inPlace`: a hard link to it,
 * left by an earlier index), is not placed again.
 */
export function restorePart(dir: string, key: string, partDir: string, inPlace: (path: string, kept: string) => boolean = () => false): RestoredPart | undefined {
  const record = readEntry(dir, key);
  if (record === undefined) {
    rmSync(join(dir, key), { recursive: true, force: true });
    return undefined;
  }
  try {
    for (const [path] of record.files) {
      const kept = join(dir, key, 'files', path);
      if (!inPlace(path, kept)) linkFile(kept, join(partDir, path));
    }
  } catch {
    // Removed meanwhile by another run's clean-up: the part is indexed instead.
    for (const [path] of record.files) rmSync(join(partDir, path), { force: true });
    return undefined;
  }
  return { chars: record.chars, keys: record.keys };
}

/** Keeps the part written at `partDir` under `key` (a temporary folder renamed into place). A cache that cannot be written is only slower. */
export function keepPart(dir: string, key: string, partDir: string, first: boolean, { chars, keys }: RestoredPart): void {
  const temporary = join(dir, `${key}.${process.pid}.tmp`);
  try {
    rmSync(temporary, { recursive: true, force: true });
    const files = partFiles(partDir, first).map((path): [string, number, string, string] => {
      const from = join(partDir, path);
      const to = join(temporary, 'files', path);
      linkFile(from, to);
      const { size, stamp } = fileFacts(to);
      return [path, size, sha256(readFileSync(to)), stamp];
    });
    writeFileSync(join(temporary, recordFile), JSON.stringify({ format: 2, chars, keys, files } satisfies EntryRecord));
    rmSync(join(dir, key), { recursive: true, force: true });
    renameSync(temporary, join(dir, key));
  } catch {
    // A read-only or full disk: the next run indexes the part again.
    rmSync(temporary, { recursive: true, force: true });
  }
}

/** Removes every entry but the `used` ones, and temporary folders older than a day (left by a run that was killed). */
export function pruneCache(dir: string, used: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    try {
      const stale = name.endsWith('.tmp') && Date.now() - statSync(join(dir, name)).mtimeMs > 86_400_000;
      if ((keyPattern.test(name) && !used.has(name)) || stale) rmSync(join(dir, name), { recursive: true, force: true });
    } catch {
      // Removed meanwhile.
    }
  }
}
