/**
 * `node scripts/lib/make-spare.ts <output> <spare> <spare-index>`: makes the spare output an incremental
 * build is made in (`scripts/build.ts`) when there is none yet — after the first incremental build, which
 * replaced no output of its own — as a copy of `<output>` made of hard links: the site in `<spare>`, its
 * search index in `<spare-index>`. `npm run build -- --incremental` starts it in the background, not waited
 * for. It copies into `.<spare>-making-<pid>` and renames that into place when whole and when no spare has
 * appeared meanwhile, so a build never takes a spare half made; a copy that fails (the output replaced while
 * it was read) is removed. The next build removes a copy its process left (the name carries its id).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { linkTree } from './links.ts';

const [output, site, index] = process.argv.slice(2);
if (output !== undefined && site !== undefined && index !== undefined) {
  const making = join(dirname(site), `${basename(site)}-making-${process.pid}`);
  try {
    linkTree(output, making);
    if (!existsSync(site) && !existsSync(index)) {
      if (existsSync(join(making, 'pagefind'))) renameSync(join(making, 'pagefind'), index);
      renameSync(making, site);
    }
  } catch {
    // The output went while it was copied: no spare; the next build makes its output anew.
  } finally {
    rmSync(making, { recursive: true, force: true });
  }
}
