/**
 * Reads the quantitative targets (`新增托位675个`, `1.78万人以上`, `提高5%以上`) out of
 * the wording of a 民生实事 commitment. Pure: no I/O, never throws.
 */
import type { Target } from '../schema.ts';

type Comparator = NonNullable<Target['comparator']>;

/** A run of digits in the normalized text, with its position. */
interface NumberToken {
  readonly start: number;
  readonly end: number;
  /** The digits as read, thousands separators removed (`1.78`, `1200`). */
  readonly digits: string;
}

/**
 * Units and measure words that make a number a target. Order does not matter:
 * matching tries the longest first, so `个百分点` wins over `个`, `人次` over `人`.
 */
const UNITS: readonly string[] = [
  '个百分点', '平方米', '平方公里', '立方米', '公顷', '公里', '千米', 'km', '米', '亩',
  '个月', '个', '处', '所', '家', '名', '人次', '人', '户', '套', '间', '床位', '张',
  '场次', '场', '次', '项', '件', '例', '座', '条', '栋', '口', '辆', '台', '吨',
  '千伏安', '千瓦时', '千瓦', '千克', '元', '批次', '批', '期', '班', '本', '册',
  '棵', '株', '支', '块', '类', '村', '床', '组', '份', '篇', '节', '课时', '小时',
  '天', '%',
];

const UNITS_LONGEST_FIRST: readonly string[] = [...new Set(UNITS)].sort((a, b) => b.length - a.length);

/** Scale words and the power of ten they stand for. */
const SCALES: Readonly<Record<string, number>> = { 万: 4, 亿: 8, 千: 3 };

/** Words right before a number that qualify it; checked longest first. */
const COMPARATORS_BEFORE: readonly (readonly [string, Comparator])[] = [
  ['不少于', '>='], ['不低于', '>='], ['至少', '>='], ['最少', '>='], ['超过', '>='],
  ['高于', '>='], ['多于', '>='], ['逾', '>='],
  ['不超过', '<='], ['不高于', '<='], ['不多于', '<='], ['最多', '<='], ['低于', '<='],
  ['少于', '<='],
  ['大约', '~'], ['将近', '~'], ['接近', '~'], ['约', '~'], ['近', '~'],
];

const COMPARATORS_BEFORE_LONGEST_FIRST = [...COMPARATORS_BEFORE].sort((a, b) => b[0].length - a[0].length);

/** Words right after a unit that qualify the number; checked longest first. */
const COMPARATORS_AFTER: readonly (readonly [string, Comparator])[] = [
  ['及以上', '>='], ['以上', '>='], ['及以下', '<='], ['以下', '<='], ['以内', '<='], ['左右', '~'],
];

/** Characters that, before `约` or `近`, make a word that is no comparator (节约, 附近…). */
const NOT_APPROXIMATE_BEFORE: Readonly<Record<string, string>> = {
  约: '节预签制合违履集公特邀婚简契缔',
  近: '附就最亲临靠邻贴',
};

/** Clause punctuation (Chinese and ASCII), brackets and line breaks: where a target's `text` ends. */
const CLAUSE_BREAKS = new Set('，。；：、！？,.;:!?（）()【】[]《》〈〉〔〕「」『』{}｛｝\n\r');

/** Between two numbers, marks a range (`0-17`, `2023—2025`) or a code (`0561-3199330`). */
const RANGE_GAP = /^ *[-—–―~] *$/;

const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?/g;

/** Maps full-width digits, `．`, `％`, `－`, `～`, letters and spaces to ASCII, keeping every index. */
function normalize(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ch = text.charAt(i);
    if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) {
      out += String.fromCharCode(code - 0xfee0);
    } else if (ch === '．') out += '.';
    else if (ch === '％') out += '%';
    else if (ch === '－') out += '-';
    else if (ch === '～') out += '~';
    else if (ch === '\u3000' || ch === '\u00a0' || ch === '\t') out += ' ';
    else out += ch;
  }
  return out;
}

/** Every run of Arabic digits (with a decimal part and thousands separators) in `norm`. */
function findNumbers(norm: string): NumberToken[] {
  return [...norm.matchAll(NUMBER)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    digits: m[0].replaceAll(',', ''),
  }));
}

/** Indices of tokens that belong to a range or code written with a dash between two numbers. */
function rangeMembers(norm: string, tokens: readonly NumberToken[]): Set<number> {
  const members = new Set<number>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (a && b && RANGE_GAP.test(norm.slice(a.end, b.start))) {
      members.add(i);
      members.add(i + 1);
    }
  }
  return members;
}

/** For each index of `norm`, whether it lies inside a 《title》. */
function titleMask(norm: string): boolean[] {
  const mask: boolean[] = [];
  let depth = 0;
  for (const ch of norm.split('')) {
    if (ch === '《' || ch === '〈') depth++;
    else if ((ch === '》' || ch === '〉') && depth > 0) depth--;
    mask.push(depth > 0);
  }
  return mask;
}

/** For each index of `norm`, whether it ends a clause; a `.` or `,` inside a number does not. */
function breakMask(norm: string, tokens: readonly NumberToken[]): boolean[] {
  const mask = norm.split('').map((ch) => CLAUSE_BREAKS.has(ch));
  for (const token of tokens) mask.fill(false, token.start, token.end);
  return mask;
}

/** The clause `[start, end)` around positions `from`..`to`, bounded by clause breaks. */
function clauseAround(mask: readonly boolean[], from: number, to: number): { start: number; end: number } {
  let start = from;
  while (start > 0 && mask[start - 1] !== true) start--;
  let end = to;
  while (end < mask.length && mask[end] !== true) end++;
  return { start, end };
}

/** The position after any spaces from `pos`. */
function skipSpaces(norm: string, pos: number): number {
  let p = pos;
  while (norm.charAt(p) === ' ') p++;
  return p;
}

/** The unit written at `pos`, longest first, or undefined. */
function unitAt(norm: string, pos: number): string | undefined {
  return UNITS_LONGEST_FIRST.find((unit) => norm.startsWith(unit, pos));
}

/** Reads scale words (万, 亿, 千) at `pos`; a unit that starts with 千 (千米, 千伏安) is left for the unit. */
function readScale(norm: string, pos: number): { exponent: number; end: number } {
  let exponent = 0;
  let p = pos;
  for (;;) {
    const ch = norm.charAt(p);
    const power = SCALES[ch];
    if (power === undefined) break;
    if (ch === '千' && unitAt(norm, p)?.startsWith('千')) break;
    exponent += power;
    p++;
  }
  return { exponent, end: p };
}

/** Reads an optional `余` or `多` (`1000余人`, `3000余万元`, `100多个`): "more than". */
function readMore(norm: string, pos: number): { more: boolean; end: number } {
  const ch = norm.charAt(pos);
  return ch === '余' || ch === '多' ? { more: true, end: pos + 1 } : { more: false, end: pos };
}

/** `digits × 10^exponent`, computed on the decimal string so `1.78万` is exactly 17800. */
function scaleValue(digits: string, exponent: number): number {
  const [whole = '', fraction = ''] = digits.split('.');
  const shifted = fraction.length <= exponent
    ? whole + fraction + '0'.repeat(exponent - fraction.length)
    : `${whole}${fraction.slice(0, exponent)}.${fraction.slice(exponent)}`;
  return Number(shifted);
}

/** The comparator written right before a number (`不少于`, `约`…), if any. */
function comparatorBefore(before: string): Comparator | undefined {
  const head = before.trimEnd();
  for (const [word, comparator] of COMPARATORS_BEFORE_LONGEST_FIRST) {
    if (!head.endsWith(word)) continue;
    const previous = head.charAt(head.length - word.length - 1);
    const excluded = NOT_APPROXIMATE_BEFORE[word];
    if (excluded !== undefined && previous !== '' && excluded.includes(previous)) return undefined;
    return comparator;
  }
  return undefined;
}

/** The comparator written right after a unit (`以上`, `以内`, `左右`…), if any. */
function comparatorAfter(norm: string, pos: number): Comparator | undefined {
  const p = skipSpaces(norm, pos);
  return COMPARATORS_AFTER.find(([word]) => norm.startsWith(word, p))?.[1];
}

/** Whether the number at `token` is an ordinal (`第12届`) or part of a code (`GB/T37516`). */
function isOrdinalOrCode(norm: string, token: NumberToken): boolean {
  const before = norm.slice(0, token.start);
  return before.trimEnd().endsWith('第') || /[A-Za-z]$/.test(before);
}

/** The target a number token stands for, or undefined when it is none. */
function readTarget(text: string, norm: string, token: NumberToken, breaks: readonly boolean[]): Target | undefined {
  if (isOrdinalOrCode(norm, token)) return undefined;
  const first = readMore(norm, skipSpaces(norm, token.end));
  const scale = readScale(norm, first.end);
  const second = readMore(norm, scale.end);
  const more = first.more || second.more;
  const p = skipSpaces(norm, second.end);
  const unit = unitAt(norm, p);
  if (unit === undefined) return undefined;
  const value = scaleValue(token.digits, scale.exponent);
  if (!Number.isFinite(value)) return undefined;
  const clause = clauseAround(breaks, token.start, token.end);
  const comparator = comparatorBefore(norm.slice(clause.start, token.start))
    ?? comparatorAfter(norm, p + unit.length)
    ?? (more ? '>=' : undefined);
  if (value === 24 && unit === '小时' && comparator === undefined) return undefined;
  const target: Target = { value, unit, text: text.slice(clause.start, clause.end).trim() };
  if (comparator !== undefined) target.comparator = comparator;
  return target;
}

/** Returns the quantitative targets in a commitment's text, in order of appearance. */
export function extractTargets(text: string): Target[] {
  const norm = normalize(text);
  const tokens = findNumbers(norm);
  const ranges = rangeMembers(norm, tokens);
  const titles = titleMask(norm);
  const breaks = breakMask(norm, tokens);
  return tokens.flatMap((token, i) => {
    if (ranges.has(i) || titles[token.start] === true) return [];
    const target = readTarget(text, norm, token, breaks);
    return target === undefined ? [] : [target];
  });
}
