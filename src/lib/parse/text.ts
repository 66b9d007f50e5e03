/**
 * Character-level helpers shared by the parser: folding full-width forms,
 * Chinese numerals, whitespace.
 */

/**
 * Returns the ASCII form of one full-width ASCII character (U+FF01–U+FF5E:
 * `１` → `1`, `（` → `(`), a space for the ideographic space U+3000, and any
 * other character unchanged. Always one UTF-16 unit for one, so a string
 * folded character by character keeps its indices.
 */
export function foldChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000) return ' ';
  return ch;
}

/**
 * Returns `s` with full-width ASCII forms (U+FF01–U+FF5E) folded to ASCII and
 * the ideographic space to a space (see `foldChar`). Every character maps to
 * exactly one, so indices into the result are indices into `s`.
 */
export function fold(s: string): string {
  let out = '';
  for (const ch of s) out += foldChar(ch);
  return out;
}

/** Returns `s` with runs of white space collapsed to one space and the ends trimmed. */
export function squash(s: string): string {
  return s.replace(/[\s\u3000\u00a0\ufeff\u200b]+/gu, ' ').trim();
}

/** Returns `s` without any white space at all (for comparing wordings). */
export function compact(s: string): string {
  return s.replace(/[\s\u3000\u00a0\ufeff\u200b]+/gu, '');
}

const digits: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const powers: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters a Chinese numeral is written with. */
export const chineseNumeralClass = '零〇一二两三四五六七八九十百千';

/**
 * Returns the value of a Chinese numeral below 10 000 (`二十一` → 21,
 * `一百零五` → 105, `十` → 10), or undefined when `s` is not one.
 */
export function chineseNumeral(s: string): number | undefined {
  if (s.length === 0) return undefined;
  let total = 0;
  let pending: number | undefined;
  for (const ch of s) {
    const d = digits[ch];
    const p = powers[ch];
    if (d !== undefined) {
      pending = d;
    } else if (p !== undefined) {
      total += (pending ?? 1) * p;
      pending = undefined;
    } else {
      return undefined;
    }
  }
  return total + (pending ?? 0);
}

/** Returns the value of an Arabic or Chinese numeral, or undefined. */
export function numeral(s: string): number | undefined {
  const f = fold(s);
  if (/^\d+$/.test(f)) return Number.parseInt(f, 10);
  return chineseNumeral(s);
}
