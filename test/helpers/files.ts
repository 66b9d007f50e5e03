/**
 * Reading a directory tree whole, for tests that compare two builds or two runs file by file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Returns every file below `dir` (path relative and `/`-separated, in path order) → its content in `encoding`. */
export function fileTree(dir: string, encoding: BufferEncoding): Map<string, string> {
  return new Map(
    (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name))
      .sort()
      .map((f) => [relative(dir, f).split(sep).join('/'), readFileSync(f).toString(encoding)]),
  );
}
