/**
 * The text the parser reads structure from, apart from the text it keeps:
 * Traditional characters converted to Simplified (OpenCC, Taiwan/Hong Kong
 * forms to mainland ones), a mirror's pinyin after a character removed
 * (`鎮(zhèn)` → `镇`), and spaces inside numbers and before measure words
 * closed (`100 个` → `100个`). The record always keeps the source's own
 * wording; only decisions (markers, headings, counts) are taken on this text.
 */
import * as OpenCC from 'opencc-js/t2cn';

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** A pinyin syllable in brackets right after a Han character: a mirror's reading aid. */
const mirrorPinyin = /(?<=\p{Script=Han})[(（][ \u3000]*[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\d?[ \u3000]*[)）]/gu;
/** A space between a number and a measure word or another digit group. */
const spacedNumber = /(?<=\d)[ \u3000]+(?=[\p{Script=Han}%])/gu;

/** Returns true when `text` has characters outside ASCII and the basic CJK forms used in Simplified. */
function mayNeedConversion(text: string): boolean {
  // Any non-ASCII character may be Traditional; ASCII-only lines need nothing.
  return /[^\x00-\x7f]/u.test(text);
}

/** Returns the reading form of one line (see the module comment). */
export function readingText(text: string): string {
  if (text === '') return text;
  let out = mayNeedConversion(text) ? toSimplified(text) : text;
  out = out.replace(mirrorPinyin, '').replace(spacedNumber, '');
  return out;
}
