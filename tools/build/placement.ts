/**
 * Putting a sharded build's output together: each file hard-linked from the cache (copied across file
 * systems) or moved to its place, each folder made once. A national site is 270,000 files in 160,000
 * folders, and making the folders is most of the time (tens of seconds, in the kernel): the districts
 * whose pages are kept from the cache are placed by a worker thread (`placeInWorker`) while the
 * builds run, the rest afterwards. I/O edge.
 *
 * The same module is the worker's code: started with `workerData.placeWorker`, it places what it was
 * given and answers with nothing, or with the first error, in words.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
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

/** What the worker is given. */
interface PlaceTask {
  placeWorker: true;
  outDir: string;
  files: Placed[];
}

/** What the worker answers: nothing when all is placed, else the first error's message and whether a file was missing. */
type PlaceAnswer = null | { message: string; missing: boolean };

/**
 * Hard-links `files` below `outDir` on a worker thread; resolves when all are placed, rejects with the
 * first error (naming the file; a `MissingFile` when a file to place is gone). The files must be new to
 * the output: nothing is replaced.
 */
export function placeInWorker(outDir: string, files: Placed[]): Promise<void> {
  return new Promise((done, failed) => {
    const task: PlaceTask = { placeWorker: true, outDir, files };
    const worker = new Worker(new URL(import.meta.url), { workerData: task });
    let answered = false;
    worker.on('message', (answer: PlaceAnswer) => {
      answered = true;
      if (answer === null) done();
      else failed(answer.missing ? new MissingFile(answer.message) : new Error(answer.message));
    });
    worker.on('error', failed);
    worker.on('exit', (code) => {
      if (!answered) failed(new Error(`the placing worker stopped (exit code ${code})`));
    });
  });
}

if (!isMainThread && parentPort && (workerData as Partial<PlaceTask> | null)?.placeWorker === true) {
  const { outDir, files } = workerData as PlaceTask;
  try {
    placeFiles(outDir, files, 'link', new Set([outDir]));
    parentPort.postMessage(null satisfies PlaceAnswer);
  } catch (error) {
    parentPort.postMessage({ message: error instanceof Error ? error.message : String(error), missing: error instanceof MissingFile } satisfies PlaceAnswer);
  }
}
