/**
 * When content last changed, from the git history of the content files — deterministic for a commit,
 * unlike file times or the clock. `git log --format=%x00%cs --name-only --relative` is read once per
 * build (`src/lib/site/load.ts`); this module only parses it and answers lookups. Pure.
 *
 * Keys are paths relative to the content directory. Every folder (`commitments/2023/`, with its
 * trailing slash, and `''` for the whole content) and every file stem (`notices/2023/<slug>.`, all the
 * notice's files) gets the latest date of the files under it, so a page's lookup is one map read.
 */
import { commitmentPath, commitmentsFolder, noticeMetaPath, noticeStem, noticesFolder } from '../content/paths.ts';

/** The `git log` arguments whose output `parseHistory` reads, run in the content directory. */
export const historyLogArgs = ['log', '--format=%x00%cs', '--name-only', '--relative', '--', '.'] as const;

/** Names a file holding that output, read instead of running git (a sharded build's shards hold a partial copy of the content, outside git). */
export const contentHistoryVariable = 'MINSHENG_CONTENT_HISTORY';

/** Latest change date (`YYYY-MM-DD`) by path, folder or file stem. */
export type History = ReadonlyMap<string, string>;

/** Returns the history of a `git log --format=%x00%cs --name-only` output (newest commit first, any order works). */
export function parseHistory(log: string): History {
  const latest = new Map<string, string>();
  const note = (key: string, date: string): void => {
    const seen = latest.get(key);
    if (seen === undefined || seen < date) latest.set(key, date);
  };
  let date: string | undefined;
  for (const line of log.split('\n')) {
    if (line.startsWith('\0')) {
      date = /^\d{4}-\d{2}-\d{2}$/u.test(line.slice(1)) ? line.slice(1) : undefined;
      continue;
    }
    const path = line.trim();
    if (path === '' || date === undefined) continue;
    note(path, date);
    const dot = path.lastIndexOf('.');
    const slash = path.lastIndexOf('/');
    if (dot > slash) note(path.slice(0, path.indexOf('.', slash + 1) + 1), date);
    note('', date);
    for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) note(path.slice(0, i + 1), date);
  }
  return latest;
}

/** Returns the latest date among the keys (paths, folders with `/`, stems with `.`), or undefined when none is known. */
export function lastChanged(history: History, keys: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const key of keys) {
    const date = history.get(key);
    if (date !== undefined && (best === undefined || date > best)) best = date;
  }
  return best;
}

/** Returns the history keys of a district's notice: its notice files and its commitments' folder. */
export function districtKeys(year: number, slug: string): string[] {
  return [noticeStem({ year, slug }), commitmentsFolder(year, slug)];
}

/** Returns the history keys of one commitment: its own entry and its notice's metadata. */
export function commitmentKeys(year: number, slug: string, number: number): string[] {
  return [commitmentPath({ year, slug }, number), noticeMetaPath({ year, slug })];
}

/** Returns the history keys of a year. */
export function yearKeys(year: number): string[] {
  return [noticesFolder(year), commitmentsFolder(year)];
}
