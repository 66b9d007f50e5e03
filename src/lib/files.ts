/**
 * Walking a folder: the one file-system walk shared by the build's loaders (reports, snapshots) and the
 * command-line scripts. I/O edge; everything it returns is sorted, so what is built from it is
 * deterministic.
 */
import { existsSync, readdirSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Returns every file below `dir` (in every subfolder), as paths relative to `dir` and `/`-separated,
 * sorted; none when `dir` does not exist.
 *
 * @param dir the folder to walk
 * @param ending only files whose name ends with it (`.txt`, `report.md`); every file when omitted
 */
export function filesBelow(dir: string, ending = ''): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile() && d.name.endsWith(ending))
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}
