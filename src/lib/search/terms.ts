/**
 * The extra terms that make Chinese search find every page whose text
 * contains what was typed.
 *
 * Pagefind matches each search term as the *start* of an indexed word. For
 * Chinese it segments the page at index time (jieba-style words plus some
 * bigrams) and the query in the browser (`Intl.Segmenter`), and the two
 * disagree: 育局 (in 区教育局), 内障 (白内障), 方米 (平方米), 决不能 (解决不能)
 * are split into single characters that no indexed word starts with, and
 * the page is not found.
 *
 * So the index does not segment at all (its language is `und`, for which
 * Pagefind neither segments nor stems, in the browser or at index time), and
 * each page carries, for every position of its text, the next
 * {@link gramLength} characters as one word (`老旧小区改造` gives 老旧小区改造,
 * 旧小区改造…, 小区改造…, 区改造…, 改造…, 造…). Any query of up to
 * {@link gramLength} characters that the text contains is then the start of
 * the word at the position where the text contains it: found, whatever the
 * words are. Longer queries are cut into overlapping pieces by
 * {@link queryTerms} (each piece is in the text, so the page has them all).
 *
 * The text is normalized the way Pagefind's search box normalizes a query:
 * lower case, punctuation removed, split at white space.
 *
 * Pure: no I/O.
 */

/** How many characters each extra term holds: the longest query term found as typed. */
export const gramLength = 6;

/** Punctuation Pagefind removes from a query (dashes, brackets, quotes, other punctuation), as it tests it. */
const punctuation = /^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u;

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** Removes diacritics as Pagefind does (kana voicing marks kept). */
function stripDiacritics(text: string): string {
  const stripped = text.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '');
  return /[\u3099\u309A]/u.test(stripped) ? stripped.normalize('NFC') : stripped;
}

/** Returns the text as Pagefind's search box reads a query: its runs of characters between white space, lower case, without punctuation. */
export function searchRuns(text: string): string[][] {
  return text
    .split(/\s+/u)
    .map((chunk) =>
      [...graphemes.segment(chunk)]
        .map((g) => g.segment)
        .filter((g) => g.trim() !== '' && !punctuation.test(g))
        .map((g) => stripDiacritics(g.toLocaleLowerCase())),
    )
    .filter((run) => run.length > 0);
}

/** Returns the distinct terms for a text: at each position of each run, the next `length` characters (fewer at a run's end). */
export function positionGrams(text: string, length = gramLength): string[] {
  const grams = new Set<string>();
  for (const run of searchRuns(text)) {
    for (let i = 0; i < run.length; i++) grams.add(run.slice(i, i + length).join(''));
  }
  return [...grams];
}

/** The text that marks where a page's extra terms begin in Pagefind's `content` (the search page cuts excerpts there). */
export const termsMarker = '〔检索词〕';

/**
 * Returns the hidden block of extra terms for a page whose indexed text is `text`, to be put at the end of
 * its `data-pagefind-body`; the title's terms are weighted like a heading. Empty when there is nothing to add.
 */
export function extraTermsBlock(text: string, title = ''): string {
  const body = positionGrams(text);
  if (body.length === 0) return '';
  const head = positionGrams(title);
  return (
    `<div hidden>${termsMarker}` +
    (head.length > 0 ? ` <p data-pagefind-weight="7">${head.join(' ')}</p>` : '') +
    ` <p>${body.join(' ')}</p></div>`
  );
}

/**
 * Returns the query as Pagefind terms that find every page containing it: each run of more than
 * {@link gramLength} characters is cut into overlapping pieces of that length. A page whose text
 * contains the query contains each piece, so it is found; a page that holds the pieces apart is a rare
 * false hit, which the search page drops by checking the text.
 */
export function queryTerms(query: string): string {
  return searchRuns(query)
    .flatMap((run) => {
      if (run.length <= gramLength) return [run.join('')];
      const pieces: string[] = [];
      for (let i = 0; i + gramLength < run.length; i += gramLength - 1) pieces.push(run.slice(i, i + gramLength).join(''));
      pieces.push(run.slice(run.length - gramLength).join(''));
      return pieces;
    })
    .join(' ');
}
