/**
 * When content last changed, from the git history of the content files — deterministic for a commit,
 * unlike file times or the clock. `git log --format=%x00%cs --name-only --relative` is read once per
 * build (`src/lib/site/load.ts`); this module only parses it and answers lookups. Pure.
 *
 * Keys are paths relative to the content directory. Every folder (`commitments/2023/`, with its
 * trailing slash, and `''` for the whole content) and every file stem (`notices/2023/<slug>.`, all the
 * notice's files) gets the latest date of the files under it, so a page's lookup is one map read.
 */
import {
  commitmentPath,
  commitmentsDir,
  commitmentsFolder,
  correctionsPath,
  noticeMetaPath,
  noticesDir,
  noticeStem,
  noticesFolder,
  reportsDir,
  yearFolders,
} from '../content/paths.ts';

/**
 * The `git log` arguments whose output `parseHistory` reads, run in the content directory: the content the
 * pages are made from, not the files beside it (the published snapshot digests, a README), whose changes
 * change no page.
 */
export const historyLogArgs = ['log', '--format=%x00%cs', '--name-only', '--relative', '--', noticesDir, commitmentsDir, reportsDir, correctionsPath] as const;

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

/**
 * Returns the part of a `historyLogArgs` output that concerns one year's corpus (a yearly snapshot's: its
 * folders, `yearFolders`, and the corrections), commits left with no file dropped: the history a
 * snapshot's pages are dated from, whatever other years the content holds.
 */
export function yearHistoryLog(log: string, year: number | string): string {
  const folders = yearFolders(year);
  const kept: string[] = [];
  let commit: string | undefined;
  for (const line of log.split('\n')) {
    if (line.startsWith('\0')) {
      commit = line;
      continue;
    }
    const path = line.trim();
    if (path === '' || !(path === correctionsPath || folders.some((f) => path.startsWith(f)))) continue;
    if (commit !== undefined) {
      kept.push('', commit);
      commit = undefined;
    }
    kept.push(path);
  }
  return kept.length > 0 ? `${kept.slice(1).join('\n')}\n` : '';
}

/** Returns whether two histories give every key the same date. */
export function sameHistory(a: History, b: History): boolean {
  if (a.size !== b.size) return false;
  for (const [key, date] of a) if (b.get(key) !== date) return false;
  return true;
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
