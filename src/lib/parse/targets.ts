/**
 * Reads the quantitative targets (`新增托位675个`, `1.78万人以上`, `提高5%以上`,
 * `开展十场`) out of the wording of a 民生实事 commitment. Pure: no I/O, never
 * throws, linear in its input (each target's `text` is bounded).
 *
 * Besides the number, its unit and comparator, each target says
 * - its `kind`: a quantity to deliver (`target`, the default) or the amount a
 *   rule sets per case (`standard`: a rate such as `每人每年60元`, a premium, a
 *   cap `最高补助3万元`, a threshold `超过0.8万元`, a share `自费数额20%`);
 * - its `scope`: the district (the default), or the whole city or province
 *   when the sentence says so (`全市办理…不少于500件`) or the item is a city- or
 *   province-level task;
 * - `counts`: what the number counts (`新增托位`), for labels.
 */
import type { Level, Target } from '../schema.ts';
import { chineseNumeral, foldChar } from './text.ts';

type Comparator = NonNullable<Target['comparator']>;
type Scope = NonNullable<Target['scope']>;

/** A number in the normalized text, with its position. */
interface NumberToken {
  readonly start: number;
  readonly end: number;
  /** The digits as read, thousands separators removed (`1.78`, `1200`); a Chinese numeral as its value. */
  readonly digits: string;
  /** Whether it is written in Chinese numerals (`十`, `三百`). */
  readonly chinese: boolean;
}

/** A target as read, with its position, before its text and scope are settled. */
interface Reading {
  token: NumberToken;
  /** Where the unit (and what is read with it: a rate's `/月`) ends. */
  unitEnd: number;
  /** Where a comparator written after the unit (`以上`) ends, or `unitEnd`. */
  end: number;
  value: number;
  unit: string;
  comparator?: Comparator;
  /** Whether the comparator came from a word after the unit. */
  comparatorAfter: boolean;
  standard: boolean;
}

/**
 * Units and measure words that make a number a target. Order does not matter:
 * matching tries the longest first, so `个百分点` wins over `个`, `人次` over `人`.
 */
const UNITS: readonly string[] = [
  '个百分点',
  '平方米',
  '平方公里',
  '立方米',
  '公顷',
  '公里',
  '千米',
  'km',
  '米',
  '亩',
  '个月',
  '个',
  '处',
  '所',
  '家',
  '名',
  '人次',
  '人',
  '户',
  '套',
  '间',
  '床位',
  '张',
  '场次',
  '场',
  '次',
  '项',
  '件',
  '例',
  '座',
  '条',
  '栋',
  '口',
  '辆',
  '台',
  '吨',
  '千伏安',
  '千瓦时',
  '千瓦',
  '千克',
  '元',
  '批次',
  '批',
  '期',
  '班',
  '本',
  '册',
  '棵',
  '株',
  '支',
  '块',
  '类',
  '村',
  '床',
  '组',
  '份',
  '篇',
  '节',
  '课时',
  '小时',
  '天',
  '%',
  '倍',
];

const UNITS_LONGEST_FIRST: readonly string[] = [...new Set(UNITS)].sort((a, b) => b.length - a.length);

/** Units of amounts that a rule may set per case (money, shares, multiples). */
const AMOUNT_UNITS = new Set(['元', '%', '个百分点', '倍']);

/** Words near an amount that make it a rule's amount (a standard, cap, premium, share) rather than a quantity. */
const STANDARD_WORDS = /标准|限额|比例|保费|补助|补贴|自费|待遇|报销|资助/u;

/**
 * Nouns for people that, after a number scaled by 万 or 亿, stand in for the
 * measure word (`50.41万参保职工和居民` → 504100 人).
 */
const PEOPLE_AFTER_SCALE = /^[^，。；：、！？,;:!?\n]{0,6}?(?:居民|职工|群众|人口|市民|农民|村民|学生|儿童|老人|老年人|患者|妇女|游客|人员)/u;

/** Scale words and the power of ten they stand for. */
const SCALES: Readonly<Record<string, number>> = { 万: 4, 亿: 8, 千: 3 };

/** Words right before a number that qualify it; checked longest first. */
const COMPARATORS_BEFORE: readonly (readonly [string, Comparator])[] = [
  ['不少于', '>='],
  ['不低于', '>='],
  ['至少', '>='],
  ['最少', '>='],
  ['超过', '>='],
  ['高于', '>='],
  ['多于', '>='],
  ['逾', '>='],
  ['不超过', '<='],
  ['不高于', '<='],
  ['不多于', '<='],
  ['最多', '<='],
  ['低于', '<='],
  ['少于', '<='],
  ['最高', '<='],
  ['大约', '~'],
  ['将近', '~'],
  ['接近', '~'],
  ['约', '~'],
  ['近', '~'],
];

const COMPARATORS_BEFORE_LONGEST_FIRST = [...COMPARATORS_BEFORE].sort((a, b) => b[0].length - a[0].length);

/**
 * A cap written a little before its number, with what it caps in between
 * (`最高补助3万元`, `最高奖励5000元`): at most four characters, no punctuation.
 */
const CAP_BEFORE = /最高[^\d，。；：、！？,;:!?]{1,4}$/u;

/**
 * A comparator with the reference it compares to between it and the number
 * (`不低于当地最低生活保障标准的1.3倍`): up to 16 characters ending in 的, no punctuation.
 */
const RELATIVE_BEFORE = /(不少于|不低于|不超过|不高于|高于|低于)[^\d，。；：、！？,;:!?]{1,16}的$/u;

/** Words right after a unit that qualify the number; checked longest first. */
const COMPARATORS_AFTER: readonly (readonly [string, Comparator])[] = [
  ['及以上', '>='],
  ['以上', '>='],
  ['及以下', '<='],
  ['以下', '<='],
  ['以内', '<='],
  ['左右', '~'],
];

/** Characters that, before `约` or `近`, make a word that is no comparator (节约, 附近…). */
const NOT_APPROXIMATE_BEFORE: Readonly<Record<string, string>> = {
  约: '节预签制合违履集公特邀婚简契缔',
  近: '附就最亲临靠邻贴',
};

/** Where a clause ends: sentence and clause punctuation (Chinese and ASCII) and line breaks. */
const CLAUSE_BREAKS = new Set('，。；：！？,.;:!?\n\r');

/** What separates the parts of a list (`A 3个、B 4个`). */
const ENUMERATION_BREAKS = new Set('、');

/** Where a sentence ends, for the reach of a scope word (`全市…，…`). */
const SENTENCE_BREAKS = new Set('。；！？;!?\n\r');

/** The longest `text` a target keeps: its clause, cut to this many characters around the number. */
const MAX_TEXT = 40;
/** Of which at most this many stand before the number when the clause is cut. */
const MAX_TEXT_BEFORE = 26;
/** The longest `counts`. */
const MAX_COUNTS = 16;

/** Between two numbers, marks a range (`0-17`, `2023—2025`) or a code (`0561-3199330`). */
const RANGE_GAP = /^ *[-—–―~] *$/;

const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?/g;

/**
 * A run of Chinese numeral characters. Only those with 十, 百 or 千 in them are
 * read as quantities (`十场`, `三百人`): a lone 一 or 两 is far more often part of
 * a word (`一站式`, `两个一工程`, `一档`) than a count.
 */
const CHINESE_NUMBER = /[零〇一二两三四五六七八九十百千]+/gu;

/** The full-width characters folded before numbers are read: digits, letters, `．`, `％`, `－`, `～`, `／`; other full-width forms (`，`, `（`) stay, as the patterns below expect them. */
const NUMBER_WIDE = /[０-９Ａ-Ｚａ-ｚ．％－～／]/gu;

/** Maps full-width digits, `．`, `％`, `－`, `～`, `／`, letters and spaces to ASCII, keeping every index. */
function normalize(text: string): string {
  return text.replace(NUMBER_WIDE, foldChar).replace(/[\u3000\u00a0\t]/gu, ' ');
}

/** For each index of `norm`, whether it lies inside a 《title》 or a “quoted name”. */
function nameMasks(norm: string): { titles: boolean[]; quotes: boolean[] } {
  const titles: boolean[] = [];
  const quotes: boolean[] = [];
  let title = 0;
  let quote = 0;
  for (let i = 0; i < norm.length; i++) {
    const ch = norm.charAt(i);
    if (ch === '《' || ch === '〈') title++;
    else if ((ch === '》' || ch === '〉') && title > 0) title--;
    else if (ch === '“') quote++;
    else if (ch === '”' && quote > 0) quote--;
    else if (ch === '\n') quote = 0;
    titles.push(title > 0);
    quotes.push(quote > 0);
  }
  return { titles, quotes };
}

/** Every number in `norm`: Arabic digits, and Chinese numerals outside quoted names, in order. */
function findNumbers(norm: string, quotes: readonly boolean[]): NumberToken[] {
  const arabic = [...norm.matchAll(NUMBER)].map((m): NumberToken => ({
    start: m.index,
    end: m.index + m[0].length,
    digits: m[0].replaceAll(',', ''),
    chinese: false,
  }));
  const chinese = [...norm.matchAll(CHINESE_NUMBER)].flatMap((m): NumberToken[] => {
    const before = norm.charAt(m.index - 1);
    if (!/[十百千]/u.test(m[0]) || /[\d.]/.test(before) || quotes[m.index] === true) return [];
    const value = chineseNumeral(m[0].replaceAll('〇', '零'));
    return value === undefined ? [] : [{ start: m.index, end: m.index + m[0].length, digits: String(value), chinese: true }];
  });
  return [...arabic, ...chinese].sort((a, b) => a.start - b.start);
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

/**
 * For each index, where the run of non-break characters around it starts
 * (`starts[i]`) and ends (`ends[i]`), for the given break set. Linear.
 */
function runBounds(norm: string, breaks: ReadonlySet<string>, tokens: readonly NumberToken[]): { starts: number[]; ends: number[] } {
  const isBreak = norm.split('').map((ch) => breaks.has(ch));
  // A `.` or `,` inside a number breaks nothing.
  for (const token of tokens) isBreak.fill(false, token.start, token.end);
  const starts = new Array<number>(norm.length + 1);
  const ends = new Array<number>(norm.length + 1);
  let start = 0;
  for (let i = 0; i <= norm.length; i++) {
    starts[i] = start;
    if (isBreak[i] === true) start = i + 1;
  }
  let end = norm.length;
  for (let i = norm.length; i >= 0; i--) {
    if (isBreak[i] === true) end = i;
    ends[i] = end;
  }
  return { starts, ends };
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
  const shifted = fraction.length <= exponent ? whole + fraction + '0'.repeat(exponent - fraction.length) : `${whole}${fraction.slice(0, exponent)}.${fraction.slice(exponent)}`;
  return Number(shifted);
}

/** The comparator written right before a number (`不少于`, `约`, `最高补助`…), if any. */
function comparatorBefore(before: string): Comparator | undefined {
  const head = before.trimEnd();
  for (const [word, comparator] of COMPARATORS_BEFORE_LONGEST_FIRST) {
    if (!head.endsWith(word)) continue;
    const previous = head.charAt(head.length - word.length - 1);
    const excluded = NOT_APPROXIMATE_BEFORE[word];
    if (excluded !== undefined && previous !== '' && excluded.includes(previous)) return undefined;
    return comparator;
  }
  if (CAP_BEFORE.test(head)) return '<=';
  const relative = RELATIVE_BEFORE.exec(head);
  return relative?.[1] === undefined ? undefined : COMPARATORS_BEFORE.find(([word]) => word === relative[1])?.[1];
}

/** The comparator written right after a unit (`以上`, `以内`, `左右`…) and where it ends, if any. */
function comparatorAfter(norm: string, pos: number): { comparator: Comparator; end: number } | undefined {
  const p = skipSpaces(norm, pos);
  const found = COMPARATORS_AFTER.find(([word]) => norm.startsWith(word, p));
  return found ? { comparator: found[1], end: p + found[0].length } : undefined;
}

/** Whether the number at `token` is an ordinal (`第12届`) or part of a code (`GB/T37516`). */
function isOrdinalOrCode(norm: string, token: NumberToken): boolean {
  const before = norm.slice(Math.max(0, token.start - 8), token.start);
  return before.trimEnd().endsWith('第') || /[A-Za-z]$/.test(before);
}

/** Whether the number is a starting value: `从18万元提高到25万元`, `由每人每年610元提高至640元`. */
function isStartingValue(before: string, after: string): boolean {
  return /[从由](?:每[人户生年月日])*$/u.test(before) && /^(?:提高|增加|增长|提升|降低|减少|下降|上调|下调|调整|扩大)?(?:到|至|为)/u.test(after);
}

/** The rate written right before a number (`每人每年`, `每户`), as denominators (`['人', '年']`). */
function rateBefore(before: string): string[] {
  const m = /((?:每[人户生年月日])+)(?:进行|开展|举办|组织|不低于|不少于|不超过|达到|补助|资助)?$/u.exec(before);
  return m?.[1] ? [...m[1].matchAll(/每(.)/gu)].map((x) => x[1] ?? '') : [];
}

/** The rate written right after a unit (`/人`, `/月`, `/生•年`) and where it ends. */
function rateAfter(norm: string, pos: number): { denominators: string[]; end: number } {
  const m = /^(?:\/[人户生年月日](?:[•·][年月日])?)+/u.exec(norm.slice(pos, pos + 12));
  if (!m) return { denominators: [], end: pos };
  return { denominators: [...m[0].matchAll(/[人户生年月日]/gu)].map((x) => x[0]), end: pos + m[0].length };
}

/** The target a number token stands for (position and all), or undefined when it is none. */
function readAt(norm: string, token: NumberToken, clauseStart: number, clauseEnd: number): Reading | undefined {
  if (isOrdinalOrCode(norm, token)) return undefined;
  const first = readMore(norm, skipSpaces(norm, token.end));
  const scale = readScale(norm, first.end);
  const second = readMore(norm, scale.end);
  const more = first.more || second.more;
  const p = skipSpaces(norm, second.end);
  let unit = unitAt(norm, p);
  let unitEnd = p + (unit?.length ?? 0);
  if (unit === undefined && scale.exponent >= 4 && PEOPLE_AFTER_SCALE.test(norm.slice(p, p + 12))) {
    unit = '人';
    unitEnd = p;
  }
  if (unit === undefined) return undefined;
  const value = scaleValue(token.digits, scale.exponent);
  if (!Number.isFinite(value)) return undefined;
  const before = norm.slice(Math.max(clauseStart, token.start - 24), token.start);
  if (isStartingValue(before, norm.slice(unitEnd, unitEnd + 6))) return undefined;
  const after = rateAfter(norm, unitEnd);
  const denominators = [...rateBefore(before), ...after.denominators];
  const later = comparatorAfter(norm, after.end);
  const comparator = comparatorBefore(before) ?? later?.comparator ?? (more ? '>=' : undefined);
  // 24小时 is round-the-clock service, not a target.
  if (value === 24 && unit === '小时' && comparator === undefined) return undefined;
  const around = norm.slice(Math.max(clauseStart, token.start - 30), Math.min(clauseEnd, after.end + 12));
  const standard = AMOUNT_UNITS.has(unit) && ((unit === '元' && denominators.length > 0) || STANDARD_WORDS.test(around));
  const reading: Reading = {
    token,
    unitEnd: after.end,
    end: later?.end ?? after.end,
    value,
    unit: denominators.length > 0 ? [unit, ...denominators].join('/') : unit,
    comparatorAfter: comparatorBefore(before) === undefined && later !== undefined,
    standard,
  };
  if (comparator !== undefined) reading.comparator = comparator;
  return reading;
}

/**
 * Gives each number of `分别达到98%和95%以上` the comparator written after the
 * last: numbers of one unit joined by 和/与/及/、/或 share a trailing comparator.
 */
function shareTrailingComparators(norm: string, readings: Reading[]): void {
  for (let i = readings.length - 2; i >= 0; i--) {
    const a = readings[i];
    const b = readings[i + 1];
    if (!a || !b || a.comparator !== undefined || !b.comparatorAfter || a.unit !== b.unit) continue;
    if (/^ *[和与及、或] *$/u.test(norm.slice(a.unitEnd, b.token.start))) {
      a.comparator = b.comparator;
      a.comparatorAfter = true;
    }
  }
}

/** Scope words at the start of a clause, and the scope they set for the rest of the sentence. */
const SCOPE_WORDS: readonly (readonly [RegExp, Scope])[] = [
  [/^(?:全市|我市|市级)/u, 'city'],
  [/^(?:全省|我省|省级)/u, 'province'],
  [/^(?:全区|全县|我区|我县|本区|本县)/u, 'district'],
];

/** A time phrase a clause may open with before its subject (`到2023年底`, `2023年`, `年内`). */
const LEADING_TIME = /^(?:(?:到|至|截至)?\d{4}年(?:底|末)?|年内|全年)/u;

/**
 * For each clause start of `norm`, the scope set there: a clause that opens with
 * 全市 (after an optional time phrase) makes the rest of its sentence city-wide.
 */
function scopeAt(norm: string, clauses: { starts: number[] }, sentences: { starts: number[] }, base: Scope): (pos: number) => Scope {
  const changes = new Map<number, Scope>();
  let sentence = -1;
  let current: Scope = base;
  let clause = -1;
  for (let i = 0; i < norm.length; i++) {
    const s = sentences.starts[i] ?? 0;
    if (s !== sentence) {
      sentence = s;
      current = base;
    }
    const c = clauses.starts[i] ?? 0;
    if (c !== clause) {
      clause = c;
      const head = norm
        .slice(c, c + 16)
        .trimStart()
        .replace(LEADING_TIME, '');
      const found = SCOPE_WORDS.find(([re]) => re.test(head));
      if (found) current = found[1] === 'district' ? base : found[1];
      changes.set(c, current);
    }
  }
  return (pos) => changes.get(clauses.starts[pos] ?? 0) ?? base;
}

/** Words between what is counted and its number that say nothing of what it is. */
const FILLER_AT_END =
  /(?:[从由][\d.]+[万亿千]?[^\d]{0,3}|不少于|不低于|不超过|至少|超过|最高|达到|提高到|提高至|共计|合计|累计|总计|全部|共|达|约|近|为|到|至|计|分别|每[人户生年月日]|的)$/u;
const FILLER_AT_START = /^(?:[①-⑳]|为|对|向|给|在|将|按照|按|其中|年内|全年|全区|全市|全省|我区|我市|力争|争取|推动|继续|持续)/u;
/** Words after a noun that start what is done with it (`为797名残疾人提供…`): what is counted ends there. */
const VERB_AFTER = /提供|实施|开展|安装|进行|购买|发放|开通|治理|列为|成为|运行|监督|免费|达到|到|等|改造|由|分别|[\dA-Za-z]/u;
/** Characters after which a long phrase may be cut without cutting a word. */
const PHRASE_JOINS = /[的和及与等”]/gu;

/** `phrase` cut to at most `MAX_COUNTS` characters, at a join (的, 和…) when there is one. */
function shorten(phrase: string): string {
  if (phrase.length <= MAX_COUNTS) return phrase;
  const joins = [...phrase.matchAll(PHRASE_JOINS)].map((m) => m.index + 1).filter((i) => phrase.length - i >= 2 && phrase.length - i <= MAX_COUNTS);
  return joins.length > 0 ? phrase.slice(joins[0]) : phrase.slice(phrase.length - MAX_COUNTS);
}

/** The words before a number that say what it counts, without fillers (`新增托位`), or ''. */
function wordsBefore(before: string): string {
  let phrase = before.replace(/[（(][^（）()]*[）)]/gu, '');
  const open = phrase.lastIndexOf('（');
  // Inside brackets (`老年人家庭（约2万户）`): what is counted stands before them.
  if (
    open >= 0 &&
    phrase
      .slice(open + 1)
      .replace(FILLER_AT_END, '')
      .trim() === ''
  )
    phrase = phrase.slice(0, open);
  phrase = phrase.slice(Math.max(phrase.lastIndexOf('、'), phrase.lastIndexOf('（'), phrase.lastIndexOf('(')) + 1).trim();
  // `保障标准不低于当地最低生活保障标准的1.3倍`: what is compared stands before the comparator.
  const compared = RELATIVE_BEFORE.exec(phrase);
  if (compared) phrase = phrase.slice(0, compared.index);
  for (let i = 0; i < 4; i++) phrase = phrase.replace(FILLER_AT_END, '').replace(FILLER_AT_START, '').trim();
  return phrase;
}

/**
 * What a target counts: the noun after the number when the number comes
 * first (`为797名残疾人提供…` → 残疾人), else the words before it (`新增托位675个`).
 */
function countsOf(text: string, numberStart: number, unitEnd: number, previousEnd: number): string | undefined {
  const after = text.slice(unitEnd);
  let phrase = '';
  if (/^\p{Script=Han}|^[“"]/u.test(after) && !/^(?:及以上|以上|及以下|以下|以内|左右|[和及与或])/u.test(after)) {
    const noun = (after.split(/[、，。；：（()\s]/u)[0] ?? '').split(VERB_AFTER)[0] ?? '';
    const lastOf = noun.lastIndexOf('的');
    phrase = lastOf >= 0 && noun.length - lastOf > 2 ? noun.slice(lastOf + 1) : noun;
  }
  if (!/\p{Script=Han}/u.test(phrase)) phrase = wordsBefore(text.slice(Math.max(0, previousEnd), numberStart));
  const cut = shorten(phrase);
  return cut.length >= 2 && /\p{Script=Han}/u.test(cut) ? cut : undefined;
}

/**
 * What the i-th number of `A和B分别达到98%和95%` counts: the i-th of the things
 * named before 分别, when they are as many as the numbers after it.
 */
function respectively(norm: string, clauseStart: number, readings: readonly Reading[], i: number): string | undefined {
  const r = readings[i];
  if (!r) return undefined;
  const window = norm.slice(Math.max(clauseStart, r.token.start - 60), r.token.start);
  const found = window.lastIndexOf('分别');
  if (found < 0) return undefined;
  const at = r.token.start - window.length + found;
  // The numbers after 分别, up to the next comma: a handful at most.
  let first = i;
  while (first > 0 && i - first < 8 && (readings[first - 1]?.token.start ?? 0) > at) first--;
  let last = i;
  while (last + 1 < readings.length && last - i < 8 && !/[，,]/u.test(norm.slice(readings[last]?.end ?? 0, readings[last + 1]?.token.start ?? 0))) last++;
  const subjects = wordsBefore(norm.slice(Math.max(clauseStart, at - 60), at))
    .split(/[和与及、]/u)
    .map((x) => x.trim());
  if (subjects.length < 2 || subjects.length !== last - first + 1) return undefined;
  const subject = subjects[i - first] ?? '';
  return subject.length >= 2 ? shorten(subject) : undefined;
}

/** Options for reading a commitment's targets. */
export interface TargetContext {
  /** The item's level (`属市级任务`): its figures are the city's (or province's), not the district's. */
  level?: Level;
}

/** Returns the quantitative targets in a commitment's text, in order of appearance. */
export function extractTargets(text: string, context: TargetContext = {}): Target[] {
  const norm = normalize(text);
  const { titles, quotes } = nameMasks(norm);
  const tokens = findNumbers(norm, quotes);
  const ranges = rangeMembers(norm, tokens);
  const clauses = runBounds(norm, CLAUSE_BREAKS, tokens);
  const sentences = runBounds(norm, SENTENCE_BREAKS, tokens);
  const enumerations = runBounds(norm, ENUMERATION_BREAKS, tokens);
  const base: Scope = context.level ?? 'district';
  const scope = scopeAt(norm, clauses, sentences, base);
  const readings = tokens.flatMap((token, i) => {
    if (ranges.has(i) || titles[token.start] === true) return [];
    const reading = readAt(norm, token, clauses.starts[token.start] ?? 0, clauses.ends[token.start] ?? norm.length);
    return reading === undefined ? [] : [reading];
  });
  shareTrailingComparators(norm, readings);
  const results: Target[] = [];
  return readings.map((r, i) => {
    const clauseStart = clauses.starts[r.token.start] ?? 0;
    const clauseEnd = clauses.ends[r.token.start] ?? norm.length;
    // A list `A 3个、B 4个` gives each number its own part; otherwise the whole clause.
    const previous = readings[i - 1];
    const next = readings[i + 1];
    const listBefore = previous && previous.end > clauseStart ? (enumerations.starts[r.token.start] ?? 0) - 1 : -1;
    let start = previous && listBefore >= previous.end ? listBefore + 1 : clauseStart;
    const listAfter = next && next.token.start < clauseEnd ? (enumerations.ends[r.end] ?? norm.length) : -1;
    let end = next && listAfter >= 0 && listAfter < next.token.start ? listAfter : clauseEnd;
    if (end - start > MAX_TEXT) {
      start = Math.max(start, r.token.start - MAX_TEXT_BEFORE);
      end = Math.min(end, start + MAX_TEXT, Math.max(r.end, start + MAX_TEXT));
    }
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    const shift = start + (raw.length - raw.trimStart().length);
    const target: Target = { value: r.value, unit: r.unit, text: trimmed === '' ? text.slice(r.token.start, r.end) : trimmed };
    if (r.comparator !== undefined) target.comparator = r.comparator;
    if (r.standard) target.kind = 'standard';
    const s = scope(r.token.start);
    if (s !== 'district') target.scope = s;
    const counts =
      respectively(norm, clauseStart, readings, i) ??
      countsOf(norm.slice(shift, shift + trimmed.length), r.token.start - shift, r.unitEnd - shift, previous && previous.end > shift ? previous.end - shift : 0);
    // `分别达到98%和95%以上`, `达到每人每年730元`: what the number before counts.
    // The thing, not its change: `补助标准提高60元，达到每人每年730元` → 730 counts 补助标准.
    const inherited =
      counts ??
      (previous && sentences.starts[previous.token.start] === sentences.starts[r.token.start]
        ? results.at(-1)?.counts?.replace(/(?:分别)?(?:提高|增加|提升|增长)$/u, '')
        : undefined);
    if (inherited !== undefined && inherited !== '') target.counts = inherited;
    results.push(target);
    return target;
  });
}

/**
 * Returns the targets of an item written in pieces (its head line, then its
 * body lines), read piece by piece so a clause never runs across two source
 * lines. A number of a heading line that its body gives again (`9类困难群众…
 * 再提升` over `对9类困难群众…`) is counted once, from the body.
 */
export function extractItemTargets(pieces: readonly string[], context: TargetContext = {}): Target[] {
  const [head, ...body] = pieces.map((piece) => extractTargets(piece, context));
  const rest = body.flat();
  const again = (t: Target): boolean => rest.some((b) => b.value === t.value && b.unit === t.unit);
  return [...(head ?? []).filter((t) => !again(t)), ...rest];
}
