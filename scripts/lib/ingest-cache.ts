/**
 * What `npm run ingest` keeps between runs: each notice's outcome (its content files, warnings and
 * number of commitments), under a key made of everything it was made from — its text, metadata and
 * departments files (by path and bytes) and the code that reads them (the ingest script and every
 * module it imports, and the lockfile: `code-key.ts`). A notice whose key is kept is not parsed again: a national corpus re-ingests in seconds
 * when one notice changed, and gives the same files as when every notice is parsed (tested).
 *
 * Kept in `node_modules/.cache/minsheng-ingest/` (`MINSHENG_INGEST_CACHE` names another folder), one
 * file per key, written whole under a temporary name and renamed, so runs side by side never read half
 * a file; a file that cannot be read as an outcome is a miss. Deleting the folder only costs time.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../../src/lib/hash.ts';
import type { NoticeOutcome } from '../../src/lib/content/ingest.ts';

/** The environment variable naming the cache folder. */
export const ingestCacheVariable = 'MINSHENG_INGEST_CACHE';

/** Returns the cache folder: `$MINSHENG_INGEST_CACHE`, else `node_modules/.cache/minsheng-ingest/` of the project. */
export function ingestCacheDir(project: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[ingestCacheVariable] || join(project, 'node_modules', '.cache', 'minsheng-ingest');
}

/** What a notice's outcome is made from: paths relative to the content directory, and the files' bytes or text. */
export interface NoticeInputs {
  path: string;
  bytes: Uint8Array;
  metaPath: string;
  metaText: string;
  unitsText?: string;
}

/** Returns the key of a notice's outcome: the code's key and each input, length-prefixed so no two inputs run together. */
export function outcomeKey(code: string, inputs: NoticeInputs): string {
  const parts: (string | Uint8Array)[] = [code, inputs.path, inputs.bytes, inputs.metaPath, inputs.metaText, inputs.unitsText === undefined ? '\0none' : inputs.unitsText];
  const hash = parts.map((part) => {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    return `${bytes.length}:${sha256(bytes)}`;
  });
  return sha256(hash.join('\n'));
}

/** Returns the outcome kept under `key`, or undefined when there is none or it cannot be read as one. */
export function readOutcome(dir: string, key: string): NoticeOutcome | undefined {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8'));
  } catch {
    return undefined;
  }
  return isOutcome(value) ? value : undefined;
}

/** Keeps `outcome` under `key` (a temporary file renamed into place). A cache that cannot be written is only slower. */
export function writeOutcome(dir: string, key: string, outcome: NoticeOutcome): void {
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(temporary, JSON.stringify(outcome));
    renameSync(temporary, join(dir, `${key}.json`));
  } catch {
    // A read-only or full disk: the next run parses the notice again.
  }
}

/** Returns whether a parsed JSON value has the shape of a notice's outcome. */
function isOutcome(value: unknown): value is NoticeOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  return (
    typeof o.path === 'string' &&
    typeof o.metaPath === 'string' &&
    typeof o.key === 'string' &&
    typeof o.commitmentCount === 'number' &&
    o.reported === false &&
    Array.isArray(o.files) &&
    o.files.every(
      (f: unknown) => typeof f === 'object' && f !== null && typeof (f as Record<string, unknown>).path === 'string' && typeof (f as Record<string, unknown>).contents === 'string',
    ) &&
    Array.isArray(o.warnings) &&
    o.warnings.every((w: unknown) => typeof w === 'object' && w !== null && typeof (w as Record<string, unknown>).message === 'string')
  );
}
