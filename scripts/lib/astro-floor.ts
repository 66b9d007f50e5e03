/**
 * Writes the bench's Astro floor project (`tools/bench/astro-floor.ts`) into a folder, ready for
 * `astro build`: its files, and the project's packages linked but not its caches (`linkModules`), so that
 * the floor's data store is its own and the project's is never written. I/O edge of the bench and its test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { astroFloorFiles } from '../../tools/bench/astro-floor.ts';
import { linkModules } from './project-copy.ts';

/** Makes `dir` the Astro floor project over the commitments below `commitmentsDir`, with `project`'s packages; returns `dir`. */
export function writeAstroFloor(project: string, commitmentsDir: string, dir: string): string {
  for (const [file, text] of Object.entries(astroFloorFiles(commitmentsDir))) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  linkModules(project, join(dir, 'node_modules'));
  return dir;
}
