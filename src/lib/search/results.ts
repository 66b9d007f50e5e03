/**
 * Shaping Pagefind's results for the search page: keeping the pages that
 * really contain what was typed, and cutting an excerpt around it from the
 * page's own text (Pagefind's excerpt would show the hidden extra terms).
 *
 * Pure: no I/O, no DOM.
 */
import { queryTerms, termsMarker } from './terms.ts';

/**
 * Splits Pagefind's `content` of a page into its text and its extra terms (see terms.ts). In the text,
 * the `. ` Pagefind puts after a heading or a cell that ends without a full stop becomes ` · ` when it
 * follows Chinese (a Chinese sentence never ends with an ASCII full stop).
 */
export function splitContent(content: string): { text: string; terms: string } {
  const at = content.indexOf(termsMarker);
  const text = (at < 0 ? content : content.slice(0, at)).replace(/(?<=[^\x00-\x7f])\. /gu, ' · ').replace(/(?<=[^\x00-\x7f])\.$/u, '').trim();
  return { text, terms: at < 0 ? '' : content.slice(at + termsMarker.length) };
}

/** Returns the text to cut an excerpt from: the page's summary when it holds one of the query's words, else its text. */
export function excerptSource(content: string, meta: Record<string, string>, query: string): string {
  const summary = meta.summary ?? '';
  const words = query.split(/\s+/u).filter((w) => w !== '');
  return summary !== '' && (words.length === 0 || words.some((w) => summary.includes(w))) ? summary : splitContent(content).text;
}

/**
 * Whether a page (Pagefind's `content`) contains the query: each of its runs (as the search box reads
 * it) starts one of the page's extra terms, a long run piece by piece. Pagefind also returns pages
 * that only hold the query's characters apart (托育 … 位 for 托位); this drops them. A page without
 * extra terms is kept.
 */
export function containsQuery(content: string, query: string): boolean {
  const { terms } = splitContent(content);
  if (terms === '') return true;
  const words = ` ${terms.replace(/\s+/gu, ' ')}`;
  return queryTerms(query)
    .split(' ')
    .filter((piece) => piece !== '')
    .every((piece) => words.includes(` ${piece}`));
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
