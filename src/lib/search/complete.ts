/**
 * The search index's completion record, `pagefind/complete.json`: written
 * last by `scripts/search-index.ts`, after every part, listing every file of
 * the index with its size. A build killed while indexing has no such record,
 * or files that disagree with it, and the checks (`npm run urls -- --check`,
 * `npm run check:site`) then fail. Pure: no I/O.
 */
import { partsFile } from './parts.ts';
import { byCodeUnits } from '../order.ts';

/** The record's file name, in `pagefind/`. */
export const completeFile = 'complete.json';

/** The folder of the index in a build. */
export const indexDir = 'pagefind';

/** A build's search page: where the index is needed. */
export const searchPage = 'search/index.html';

/** `pagefind/complete.json`. */
export interface IndexRecord {
  /** Always 1. */
  format: 1;
  /** Each part's folder, relative to `pagefind/` (`''` for the first). */
  parts: string[];
  /** Every file of the index but this record, relative to `pagefind/`, with its size in bytes; sorted by path. */
  files: Record<string, number>;
}

/** Returns the record's text for the parts and the index's files (path relative to `pagefind/` → size). */
export function indexRecord(parts: readonly string[], files: ReadonlyMap<string, number>): string {
  const paths = [...files.keys()].filter((p) => p !== completeFile).sort(byCodeUnits);
  const record: IndexRecord = { format: 1, parts: [...parts], files: Object.fromEntries(paths.map((p) => [p, files.get(p) ?? 0])) };
  return `${JSON.stringify(record, null, 1)}\n`;
}

/** The most file problems a report names one by one. */
const shown = 5;

/**
 * Returns why a build's search index is missing or incomplete (empty when it is whole): a build with
 * a search page needs `pagefind/complete.json`, every part's `pagefind-entry.json` and the parts list,
 * and every file the record lists, at its size, and no other. `files` maps each file of `pagefind/`
 * (relative to it) to its size; `record` is the text of `complete.json` when it exists.
 */
export function indexProblems(hasSearchPage: boolean, files: ReadonlyMap<string, number>, record: string | undefined): string[] {
  if (!hasSearchPage) return [];
  if (record === undefined) {
    return [
      files.size === 0
        ? `the search index is missing: no ${indexDir}/ (run npm run build)`
        : `the search index is unfinished: no ${indexDir}/${completeFile} (the indexer did not finish; run npm run build)`,
    ];
  }
  let parsed: IndexRecord;
  try {
    parsed = JSON.parse(record) as IndexRecord;
    if (parsed.format !== 1 || !Array.isArray(parsed.parts) || typeof parsed.files !== 'object' || parsed.files === null) throw new Error('shape');
  } catch {
    return [`${indexDir}/${completeFile} is not a completion record (run npm run build)`];
  }
  const listed = new Map(Object.entries(parsed.files));
  const problems: string[] = [];
  const needed = [partsFile, ...parsed.parts.map((p) => `${p}pagefind-entry.json`)];
  for (const path of needed) if (!listed.has(path)) problems.push(`${indexDir}/${completeFile} does not list ${indexDir}/${path}`);
  const missing = [...listed.keys()].filter((p) => !files.has(p));
  const resized = [...listed].filter(([p, size]) => files.has(p) && files.get(p) !== size).map(([p]) => p);
  const extra = [...files.keys()].filter((p) => p !== completeFile && !listed.has(p));
  const name = (label: string, paths: string[]): void => {
    if (paths.length === 0) return;
    const more = paths.length > shown ? ` and ${paths.length - shown} more` : '';
    problems.push(
      `the search index is incomplete: ${paths.length} ${label}: ${paths
        .slice(0, shown)
        .map((p) => `${indexDir}/${p}`)
        .join(', ')}${more}`,
    );
  };
  name('file(s) missing', missing);
  name('file(s) of another size than when indexed', resized);
  name('file(s) the index never wrote', extra);
  return problems;
}
