/**
 * Shaping Pagefind's results for the search page: keeping the pages that
 * really contain what was typed, and cutting an excerpt around it from the
 * page's own text (its index words read back, `terms.ts`).
 *
 * Pure: no I/O, no DOM.
 */
import { indexText, searchRuns } from './terms.ts';

/** Whether a page's text contains the query, both read as the search box reads them (case, punctuation, white space): each run of the query inside one run of the text. */
export function textContains(text: string, query: string): boolean {
  const runs = searchRuns(text).map((r) => r.join(''));
  return searchRuns(query).every((q) => runs.some((r) => r.includes(q.join(''))));
}

/**
 * Whether a page (Pagefind's `content`, the page's index words) contains the query. Pagefind's
 * exact search finds the query's letters and digits next to each other; this also holds the
 * symbols between them (5%的 for 5的) and each run of a query of several.
 */
export function containsQuery(content: string, query: string): boolean {
  return textContains(indexText(content), query);
}

/** A piece of an excerpt: text, marked when it is what was searched for. */
export interface Run {
  text: string;
  mark: boolean;
}

/**
 * Returns an excerpt of about `length` characters of `text` around the first place that holds one of
 * the query's words (as typed, without white space), with each occurrence marked; the opening of the
 * text when none is there.
 */
export function excerptAround(text: string, query: string, length = 90): Run[] {
  const words = query
    .split(/\s+/u)
    .map((w) => w.trim())
    .filter((w) => w !== '')
    .sort((a, b) => b.length - a.length);
  const chars = [...text];
  const positions = words.map((w) => text.indexOf(w)).filter((i) => i >= 0);
  const first = positions.length > 0 ? [...text.slice(0, Math.min(...positions))].length : 0;
  const start = Math.max(0, Math.min(first - Math.floor(length / 3), chars.length - length));
  const end = Math.min(chars.length, start + length);
  const slice = chars.slice(start, end).join('');
  const runs: Run[] = [];
  if (start > 0) runs.push({ text: '…', mark: false });
  let rest = slice;
  while (rest !== '') {
    let best: { at: number; word: string } | undefined;
    for (const w of words) {
      const at = rest.indexOf(w);
      if (at >= 0 && (best === undefined || at < best.at)) best = { at, word: w };
    }
    if (best === undefined) {
      runs.push({ text: rest, mark: false });
      break;
    }
    if (best.at > 0) runs.push({ text: rest.slice(0, best.at), mark: false });
    runs.push({ text: best.word, mark: true });
    rest = rest.slice(best.at + best.word.length);
  }
  if (end < chars.length) runs.push({ text: '…', mark: false });
  return runs;
}
