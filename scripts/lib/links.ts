/**
 * Hard links for the build's throw-away trees (a snapshot's corpus, a shard's content, cached pages):
 * the same bytes under another name at no cost in time or space, a copy where a link cannot be made
 * (another file system). The trees are only read by what is built from them.
 */
import { copyFileSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { filesBelow } from '../../src/lib/files.ts';

/** Hard-links `from` to `to` (copies it across file systems), replacing `to`. */
export function linkFile(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Hard-links every file below the folder `from` to the same path below `to`; returns how many. */
export function linkTree(from: string, to: string): number {
  const files = filesBelow(from);
  for (const f of files) linkFile(join(from, f), join(to, f));
  return files.length;
}
