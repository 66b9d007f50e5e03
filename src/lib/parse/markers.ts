/**
 * Numbering markers at the start of a line: the styles Chinese official
 * documents number their items with.
 */
import { chineseNumeralClass, fold, numeral } from './text.ts';

/**
 * A numbering style. Lines of one style are siblings in the outline.
 * - `cn`: 一、 二． 三.
 * - `cn-paren`: （一） (一)
 * - `arabic`: 1. 1、 1． 01 (a trailing dot, comma or a zero-padded number)
 * - `arabic-paren`: （1） (1)
 * - `arabic-half-paren`: 1） 1)
 * - `circled`: ① ② …
 */
export type MarkerStyle = 'cn' | 'cn-paren' | 'arabic' | 'arabic-paren' | 'arabic-half-paren' | 'circled';

/** A numbering marker found at the start of a line. */
export interface Marker {
  /** The style it is written in. */
  style: MarkerStyle;
  /** The number it stands for. */
  value: number;
  /** How many characters of the (trimmed) line the marker takes, spaces after it included. */
  length: number;
}

const cn = `[${chineseNumeralClass}]{1,4}`;
const patterns: Array<[MarkerStyle, RegExp]> = [
  // `一,教育`: an ASCII comma (or a full-width one, folded) stands for 、 after a Chinese numeral.
  ['cn', new RegExp(`^(${cn})[、.,]\\s*`, 'u')],
  ['cn-paren', new RegExp(`^[(（](${cn})[)）]\\s*`, 'u')],
  // `1.78万` is a number, not a marker: the dot must not be followed by a digit.
  // Up to six digits: a list longer than 999 items keeps its numbering.
  ['arabic', /^(\d{1,6})(?:、|\.(?!\d))\s*/u],
  ['arabic', /^(0\d)\s+/u],
  ['arabic-paren', /^[(（](\d{1,3})[)）]\s*/u],
  ['arabic-half-paren', /^(\d{1,3})[)）]\s*/u],
];
const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** Returns the numbering marker `line` (already trimmed) starts with, if any. */
export function readMarker(line: string): Marker | undefined {
  const first = line.charAt(0);
  const c = first === '' ? -1 : circled.indexOf(first);
  if (c >= 0) {
    const rest = line.slice(1);
    // Like any marker, ① must be followed by text.
    if (rest.trim() === '') return undefined;
    return { style: 'circled', value: c + 1, length: 1 + (rest.length - rest.trimStart().length) };
  }
  const f = fold(line);
  for (const [style, re] of patterns) {
    const m = re.exec(f);
    if (!m || m[1] === undefined) continue;
    const value = numeral(m[1]);
    if (value === undefined || value === 0) continue;
    // A marker must be followed by text: `一、` alone is a damaged line, not an item.
    if (m[0].length >= f.length) continue;
    return { style, value, length: m[0].length };
  }
  return undefined;
}

/** Circled digits, for splitting inline sub-items. */
export const circledDigits = circled;
