/**
 * Putting a sharded build's output together: each file hard-linked from the cache (copied across file
 * systems) or moved to its place, each folder made once. A national site is 270,000 files in 160,000
 * folders, and making the folders is most of the time (tens of seconds, in the kernel): the districts
 * whose pages are kept from the cache are placed by a worker thread (`placeInWorker`) while the
 * builds run, the rest afterwards. I/O edge.
 *
 * An output the build replaced can be placed into again (`clearForReuse`): the files that are still
 * the cached ones (hard links to them) stay where they are, and only the rest is removed and placed, so
 * a build that changes one district makes a few folders, not 160,000.
 *
 * The same module is the worker's code: started with `workerData.placeWorker`, it places what it was
 * given and answers with nothing, or with the first error, in words.
 */
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { dirname, join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

/** Why a hard link may fail where a copy succeeds. */
const copyInstead: ReadonlySet<string> = new Set(['EXDEV', 'EMLINK', 'EPERM', 'ENOTSUP']);

/** A file to place that is not where it should be (a cache damaged by hand). */
export class MissingFile extends Error {}

/** A file to place: where it is, and its path relative to the output. */
export interface Placed {
  from: string;
  rel: string;
}

/** How a file is placed: hard-linked (the cache keeps it) or moved (a build's own output). */
export type How = 'link' | 'move';

/**
 * Places files below `outDir`. `folders` holds the folders made already (it is added to); a file placed
 * over another (`replace`) removes it first.
 */
export function placeFiles(outDir: string, files: Iterable<Placed>, how: How, folders: Set<string>, replace: (rel: string) => boolean = () => false): void {
  for (const { from, rel } of files) {
    const to = join(outDir, rel);
    const folder = dirname(to);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    if (replace(rel)) rmSync(to, { force: true });
    try {
      if (how === 'move') renameSync(from, to);
      else linkSync(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !existsSync(from)) throw new MissingFile(`${rel} cannot be placed: ${from} is missing`);
      // Another file system, a file linked too often, a file system without hard links: a copy.
      if (!copyInstead.has(code ?? '')) throw error;
      copyFileSync(from, to);
    }
  }
}

/** Whether `a` and `b` are the same file (hard links to one inode), `b` followed if a link; false when either is gone. */
export function sameFile(a: string, b: string): boolean {
  const one = lstatSync(a, { bigint: true, throwIfNoEntry: false });
  const other = one && statSync(b, { bigint: true, throwIfNoEntry: false });
  return one !== undefined && other !== undefined && one.ino === other.ino && one.dev === other.dev;
}

/**
 * Makes `outDir`, a folder that holds an earlier output, ready to be placed into again: each file that
 * is the very file `wanted` gives for its path (a hard link to it: the same inode) stays; every other
 * file, link or folder is removed, a folder when nothing in it stays. Returns the paths that stayed
 * (relative to `outDir`, `/`-separated) and the folders that remain, `outDir` among them.
 */
export function clearForReuse(outDir: string, wanted: ReadonlyMap<string, string>): { kept: Set<string>; folders: Set<string> } {
  const kept = new Set<string>();
  const folders = new Set<string>([outDir]);
  /** Clears a folder below `outDir`; returns whether anything in it stayed. */
  const clear = (folder: string, prefix: string): boolean => {
    let stays = false;
    for (const entry of readdirSync(folder, { withFileTypes: true }) as Dirent[]) {
      const path = join(folder, entry.name);
      const rel = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        if (clear(path, `${rel}/`)) {
          folders.add(path);
          stays = true;
        } else rmdirSync(path);
        continue;
      }
      const from = wanted.get(rel);
      if (from !== undefined && entry.isFile() && sameFile(path, from)) {
        kept.add(rel);
        stays = true;
      } else unlinkSync(path);
    }
    return stays;
  };
  clear(outDir, '');
  return { kept, folders };
}

/** What the worker is given. */
interface PlaceTask {
  placeWorker: true;
  outDir: string;
  files: Placed[];
  /** Whether `outDir` holds an earlier output to place into again (`clearForReuse`), else it is new. */
  reuse: boolean;
}

/** What the worker answers: how many files it found in place when all is placed, else the first error's message and whether a file was missing. */
type PlaceAnswer = { inPlace: number } | { message: string; missing: boolean };

/**
 * Hard-links `files` below `outDir` on a worker thread; resolves when all are placed, rejects with the
 * first error (naming the file; a `MissingFile` when a file to place is gone). With `reuse`, `outDir`
 * holds an earlier output: it is cleared for these files first (`clearForReuse`), and what stays is
 * not placed again; else the files must be new to the output: nothing is replaced. Resolves with the
 * number of files found in place.
 */
export function placeInWorker(outDir: string, files: Placed[], reuse = false): Promise<number> {
  return new Promise((done, failed) => {
    const task: PlaceTask = { placeWorker: true, outDir, files, reuse };
    const worker = new Worker(new URL(import.meta.url), { workerData: task });
    let answered = false;
    worker.on('message', (answer: PlaceAnswer) => {
      answered = true;
      if ('inPlace' in answer) done(answer.inPlace);
      else failed(answer.missing ? new MissingFile(answer.message) : new Error(answer.message));
    });
    worker.on('error', failed);
    worker.on('exit', (code) => {
      if (!answered) failed(new Error(`the placing worker stopped (exit code ${code})`));
    });
  });
}

if (!isMainThread && parentPort && (workerData as Partial<PlaceTask> | null)?.placeWorker === true) {
  const { outDir, files, reuse } = workerData as PlaceTask;
  try {
    let inPlace = 0;
    if (reuse) {
      const { kept, folders } = clearForReuse(outDir, new Map(files.map(({ from, rel }) => [rel, from])));
      inPlace = kept.size;
      placeFiles(
        outDir,
        files.filter(({ rel }) => !kept.has(rel)),
        'link',
        folders,
      );
    } else placeFiles(outDir, files, 'link', new Set([outDir]));
    parentPort.postMessage({ inPlace } satisfies PlaceAnswer);
  } catch (error) {
    parentPort.postMessage({ message: error instanceof Error ? error.message : String(error), missing: error instanceof MissingFile } satisfies PlaceAnswer);
  }
}
