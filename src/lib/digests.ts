/**
 * What is derived from many files — their SHA-256 (a national year's content is 100,000 of them, hashed
 * to tell whether its archive is current), the policy each built page declares — each file read only
 * when it changed since: the values are remembered with each file's stamp (`fileStamp`: size,
 * modification time in nanoseconds, inode — how `make` and `rsync` tell a changed file, as the content
 * loader does), one memo per use, in `digestCacheDir()`. A file whose stamp is the one remembered is not
 * read. A memo holds the files of its last call; one that cannot be read is ignored, one that cannot be
 * written only costs time; a memo not written for a week is removed (the folders of tests and one-off
 * corpora come and go). I/O edge.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { digestCacheDir } from './config.ts';
import { fileStamp } from './files.ts';
import { sha256 } from './hash.ts';

/** How long a memo no run wrote is kept. */
const memoLife = 7 * 24 * 3600 * 1000;

/** Removes the memos of `dir` older than `memoLife`. */
function pruneMemos(dir: string): void {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (Date.now() - statSync(file).mtimeMs > memoLife) rmSync(file, { force: true });
  }
}

/** A memo: the values remembered (each once), and each file's path with its stamp and its value's place among them. */
interface Memo {
  values: string[];
  files: Record<string, [stamp: string, value: number]>;
}

/** Returns the memo in `file`, or an empty one (none, unreadable, or of another form). */
function readMemo(file: string): Memo {
  try {
    const value = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined) as Partial<Memo> | undefined;
    if (Array.isArray(value?.values) && typeof value.files === 'object' && value.files !== null && !Array.isArray(value.files)) return value as Memo;
  } catch {
    // Read as empty.
  }
  return { values: [], files: {} };
}

/**
 * Returns `derive(file)` for each file of `base` named in `paths` (relative, `/`-separated), in order:
 * remembered when the file's stamp is the one it was derived at, else derived again. `memo` names the
 * memo (each caller its own: a memo holds only its last call's files), and must change whenever
 * `derive` would give another value for the same bytes (name its code); `cacheDir` is where memos are
 * kept. `derive` may throw: nothing is remembered then.
 */
export function fileValues(base: string, paths: readonly string[], memo: string, derive: (file: string) => string, cacheDir: string = digestCacheDir()): string[] {
  const memoFile = join(cacheDir, `${sha256(memo).slice(0, 32)}.json`);
  const known = readMemo(memoFile);
  const next: Memo = { values: [], files: {} };
  const placeOf = new Map<string, number>();
  let changed = Object.keys(known.files).length !== paths.length;
  const values = paths.map((path) => {
    const file = join(base, path);
    const stamp = fileStamp(file);
    const [knownStamp, knownPlace] = known.files[path] ?? [];
    const remembered = knownStamp === stamp && typeof knownPlace === 'number' ? known.values[knownPlace] : undefined;
    if (remembered === undefined) changed = true;
    const value = remembered ?? derive(file);
    let place = placeOf.get(value);
    if (place === undefined) placeOf.set(value, (place = next.values.push(value) - 1));
    next.files[path] = [stamp, place];
    // The value kept, not the one derived: equal values are one string, whatever each was cut from (a page's
    // policy is a slice of its text, which it would keep alive: 158,000 pages' texts at national scale).
    return next.values[place] ?? value;
  });
  if (changed) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(`${memoFile}.${process.pid}`, JSON.stringify(next));
      renameSync(`${memoFile}.${process.pid}`, memoFile);
      pruneMemos(cacheDir);
    } catch {
      // A read-only or full disk: the next run reads the files again.
    }
  }
  return values;
}

/**
 * Returns the SHA-256 (hex) of each file of `base` named in `paths` (relative, `/`-separated), in order
 * (`fileValues`). `use` names the memo among those of the same folder (each caller asks for its own
 * files: one memo would hold only the last caller's).
 */
export function fileDigests(base: string, paths: readonly string[], use: string, cacheDir: string = digestCacheDir()): string[] {
  return fileValues(base, paths, `${resolve(base)}\0${use}`, (file) => sha256(readFileSync(file)), cacheDir);
}
