/**
 * What a commitment's permalink names: its fingerprint, and the test that a
 * commitment still matches the fingerprint it was published with. Pure.
 *
 * The fingerprint is the **opening of the commitment's source wording,
 * normalized**: the first {@link fingerprintLength} letters and digits of its
 * `text` after Unicode NFKC folding (full-width → half-width, ① → 1) and
 * lower-casing, with bracketed asides, white space, punctuation and symbols
 * dropped, e.g. `残疾人救助服务对符合条件的017岁残疾人实` for
 * `残疾人救助服务（区残联负责） 对符合条件的0-17岁残疾人实现…`. It is readable, so the
 * manifest can be reviewed like code, and it is made of the source's own
 * words, so it does not depend on what the parser makes of them:
 *
 * - the title, the units, the targets and the line range are not part of it,
 *   so a parser that reads them better changes nothing;
 * - white space, full-/half-width forms and punctuation are folded away;
 * - a text that grows (a continuation line kept in the item, a heading or a
 *   marker now included before it) still contains the fingerprint verbatim;
 * - a text re-read at its start (a marker or a quote dropped, a character
 *   fixed) keeps most of the fingerprint's character pairs in its opening.
 *
 * A different commitment fails both tests: two items of one notice do not
 * open with the same twenty characters (the built-in notices are checked for
 * this in the tests). Swapped items, and every item after a split or a merge
 * (their numbers shift), therefore show as changed. An item that was split
 * keeps its URL's meaning when its first part stays at the URL.
 */

/** How many normalized characters a fingerprint keeps. */
const fingerprintLength = 20;

/**
 * The share of a fingerprint's character pairs that must occur in the opening
 * of a re-read text. Measured on the built-in notices: a commitment against
 * any other of its notice shares at most about a third of them.
 */
export const pairThreshold = 0.6;

/**
 * Returns text folded for comparing meaning: NFKC, lower case, bracketed
 * asides dropped (`（区残联负责）`: units are not what an item promises, and
 * items of one notice often share them), then letters and digits only. A
 * text that is all aside keeps it.
 */
export function normalizeMeaning(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase();
  const kept = (s: string): string => s.replace(/[^\p{L}\p{N}]+/gu, '');
  return kept(withoutAsides(folded)) || kept(folded);
}

/** Returns text without its balanced `(…)` asides, nested ones included; an unclosed `(` stays. Linear. */
function withoutAsides(text: string): string {
  const out: string[] = [];
  const opens: number[] = [];
  for (const ch of text) {
    if (ch === '(') opens.push(out.length);
    if (ch === ')' && opens.length > 0) out.length = opens.pop() ?? out.length;
    else out.push(ch);
  }
  return out.join('');
}

/** Returns the fingerprint of a commitment's text: the first {@link fingerprintLength} characters of its normalized text. */
export function fingerprint(text: string): string {
  return [...normalizeMeaning(text)].slice(0, fingerprintLength).join('');
}

/** Returns the set of adjacent character pairs of `chars` (one character counts as a pair on its own). */
function pairs(chars: readonly string[]): Set<string> {
  if (chars.length === 1) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/**
 * Returns the share of the fingerprint's character pairs that occur in the
 * opening of `text` (its first twice-the-fingerprint's-length normalized
 * characters): 1 for the same opening, about 0.1–0.35 for another commitment.
 */
export function pairShare(fingerprintText: string, text: string): number {
  const expected = [...fingerprintText];
  const opening = pairs([...normalizeMeaning(text)].slice(0, expected.length * 2));
  const wanted = pairs(expected);
  let found = 0;
  for (const pair of wanted) if (opening.has(pair)) found += 1;
  return wanted.size === 0 ? 0 : found / wanted.size;
}

/**
 * Returns whether `text` still names the commitment published with
 * `fingerprintText`: the fingerprint occurs in its normalized text, or at
 * least {@link pairThreshold} of its character pairs occur in the text's
 * opening ({@link pairShare}).
 */
export function sameMeaning(fingerprintText: string, text: string): boolean {
  return normalizeMeaning(text).includes(fingerprintText) || pairShare(fingerprintText, text) >= pairThreshold;
}
