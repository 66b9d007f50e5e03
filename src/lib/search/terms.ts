/**
 * How text becomes the search index's words, and a query Pagefind's search:
 * one character, one word, searched as an exact phrase.
 *
 * Pagefind matches each search term as the *start* of an indexed word, and
 * its own Chinese segmentation at index time (jieba-style words) disagrees
 * with the browser's (`Intl.Segmenter`): 育局 (in 区教育局), 内障 (白内障),
 * 方米 (平方米) are found nowhere. So the index does not segment at all (its
 * language is `und`: Pagefind neither segments nor stems), and each page's
 * text is given to it with a space between characters ({@link indexWords}):
 * every character is a word at its own position. A query is searched as
 * an exact phrase ({@link phraseQueries}, `"托 位"`): Pagefind's exact search
 * returns the pages where those words stand next to each other, in that
 * order — the pages whose text contains the query, whatever its length.
 * White space takes a position of its own, so a phrase never runs across it,
 * as a query never does; punctuation is left out of both, as Pagefind's
 * search box leaves it out of a query.
 *
 * The words are the text: {@link indexText} gives the text back from them,
 * for the excerpt and the check the search page makes. Each character is
 * stored once, where an earlier index added a word for every position of
 * the text (its next six characters): six times the text.
 *
 * The text is read the way Pagefind's search box reads a query: lower case,
 * punctuation removed, split at white space.
 *
 * Pure: no I/O.
 */

/** Punctuation Pagefind removes from a query (dashes, brackets, quotes, other punctuation), as it tests it. */
const punctuation = /^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u;

/** A grapheme Pagefind indexes: it holds a letter or a digit (the indexer keeps only those). */
const wordy = /[\p{L}\p{N}]/u;

/** In the index words, stands for white space in the text: punctuation, so Pagefind gives it a position and indexes nothing. */
export const spaceMark = '\u2027';

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** Returns the text's graphemes. */
function split(text: string): string[] {
  return [...graphemes.segment(text)].map((g) => g.segment);
}

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
      split(chunk)
        .filter((g) => g.trim() !== '' && !punctuation.test(g))
        .map((g) => stripDiacritics(g.toLocaleLowerCase())),
    )
    .filter((run) => run.length > 0);
}

/**
 * Returns the text as the index's words, separated by spaces: each letter, digit or character a
 * word; a punctuation mark or symbol stays with the word before it (Pagefind drops it from the word,
 * and its search box from the query: 个，推 is found by 个推, as before); each stretch of white space
 * is one {@link spaceMark}, a word of its own that takes a position, so no phrase runs across it.
 * {@link indexText} gives the text back.
 */
export function indexWords(text: string): string {
  const words: string[] = [];
  let space = false;
  for (const g of split(text.trim())) {
    if (g.trim() === '') {
      space = true;
      continue;
    }
    if (space) words.push(spaceMark);
    space = false;
    const last = words.length - 1;
    if (!wordy.test(g) && last >= 0 && words[last] !== spaceMark) words[last] += g;
    else words.push(g);
  }
  return words.join(' ');
}

/** Returns the text that {@link indexWords} made these words of (Pagefind's `content` of a page). */
export function indexText(words: string): string {
  return words
    .split(' ')
    .map((w) => (w === spaceMark ? ' ' : w))
    .join('');
}

/**
 * Returns the query as Pagefind searches, one per run of the query (Pagefind's exact search takes
 * one phrase): each run's characters as an exact phrase, `"老 旧 小 区"`. Symbols are left out (the
 * index has none: see {@link indexWords}); a run of symbols alone is no search. A page holds the
 * query when every phrase finds it.
 */
export function phraseQueries(query: string): string[] {
  return searchRuns(query)
    .map((run) => run.filter((g) => wordy.test(g)))
    .filter((run) => run.length > 0)
    .map((run) => `"${run.join(' ')}"`);
}
