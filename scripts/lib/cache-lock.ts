/**
 * A lock on a cache folder kept between builds, so that two builds never write one cache at once: two
 * `npm run build -- --incremental` of one project started together spoiled each other's year-wide build
 * (BENCHMARKS.md, “Issue 15, eleventh round”). The lock is a file beside the folder (`<dir>.lock`, so that
 * emptying the folder keeps it) holding the process id of the build that took it. A lock whose process is
 * no longer running (a build killed outright) is taken over. I/O edge.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isRunning } from '../../src/lib/processes.ts';

/** Returns the lock file of a cache folder. */
export function lockFile(dir: string): string {
  return `${dir}.lock`;
}

/**
 * Takes the lock of the cache folder `dir` for this process until it exits, and returns a function that
 * gives it back sooner. Returns the process id of the build holding it instead, when one that is running
 * does (nothing is taken then).
 */
export function lockCache(dir: string): { release: () => void } | { heldBy: number } {
  const file = lockFile(dir);
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      const release = (): void => {
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
        } catch {
          // Gone already.
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(file, 'utf8').trim());
    } catch {
      // Given back meanwhile: taken on the next attempt.
    }
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) return { heldBy: holder };
    // Left by a build that is no longer running.
    rmSync(file, { force: true });
  }
  throw new Error(`${file}: could not be taken`);
}
