/**
 * Each notice's share of its year's open-data files, kept between incremental builds: the I/O edge of
 * `yearFiles` (`dataset.ts`). A national year's JSON (200 MB) and CSV (67 MB) are most of what the
 * year-wide build renders, and adding one notice changes one share of 3,000 (BENCHMARKS.md).
 *
 * `build-shards --incremental` names a folder in `$MINSHENG_OPEN_DATA_SHARES` and writes there
 * `keys.json`: each district (`<year>/<slug>`) → its content key, made of everything its pages are made
 * of (its files, its reports', the code, the base path and the site's address:
 * `tools/build/incremental.ts`). A share is kept as `<key>.json` and `<key>.csv`, each written whole
 * under a temporary name and renamed; a share not kept, or one of whose files cannot be read, is made
 * and kept. The folder is in the build cache, which is emptied when the code changes; `build-shards`
 * removes the shares of keys no longer in use. Without the variable, or without a key for a district,
 * every share is made.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { District } from '../site/model.ts';
import type { NoticeShare, ShareSource } from './dataset.ts';

/** The environment variable naming the folder of kept shares. */
export const openDataSharesVariable = 'MINSHENG_OPEN_DATA_SHARES';

/** The file of the folder that names each district's key. */
export const shareKeysFile = 'keys.json';

/** Returns the files a share is kept in, in the folder `dir`, under `key`. */
export function shareFiles(dir: string, key: string): { json: string; csv: string } {
  return { json: join(dir, `${key}.json`), csv: join(dir, `${key}.csv`) };
}

const keyPattern = /^[0-9a-f]{64}$/u;

/** Writes `text` to `file` whole: under a temporary name, then renamed. */
function writeWhole(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/**
 * Returns the source of shares kept in the folder `$MINSHENG_OPEN_DATA_SHARES` names (see the module's
 * comment), or undefined when there is none or it names no keys. A share that cannot be kept (a full or
 * read-only disk) is only made again next time.
 */
export function keptShares(env: NodeJS.ProcessEnv = process.env): ShareSource | undefined {
  const dir = env[openDataSharesVariable];
  if (!dir) return undefined;
  let keys: Record<string, unknown>;
  try {
    keys = JSON.parse(readFileSync(join(dir, shareKeysFile), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  return (district: District, make: () => NoticeShare): NoticeShare => {
    const key = keys[`${district.notice.year}/${district.notice.slug}`];
    if (typeof key !== 'string' || !keyPattern.test(key)) return make();
    const files = shareFiles(dir, key);
    try {
      return { json: readFileSync(files.json, 'utf8'), csv: readFileSync(files.csv, 'utf8') };
    } catch {
      // Not kept yet: made below.
    }
    const share = make();
    try {
      writeWhole(files.json, share.json);
      writeWhole(files.csv, share.csv);
    } catch {
      // Made again next time.
    }
    return share;
  };
}
