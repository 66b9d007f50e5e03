/**
 * The synthetic benchmark corpus: N notices in the layouts the parser reads,
 * recombined from the lines of the built-in notices (`pool.ts`) with varied
 * numbers, invented districts (`places.ts`), and valid metadata. Pure and
 * deterministic: the same pool, seed and options give byte-identical files.
 *
 * Notice i depends only on the seed, i and the notices before it (for slug
 * uniqueness), so a corpus of 100 notices is the first 100 of a corpus of
 * 3000 with the same seed.
 */
import { noticeMetaPath, noticeTextPath } from '../../src/lib/content/paths.ts';
import YAML from 'yaml';
import type { NoticeMeta } from '../../src/lib/schema.ts';
import { isYear } from '../../src/lib/schema.ts';
import { isWholeUnitName } from '../../src/lib/parse/index.ts';
import type { Place, Province } from './places.ts';
import { citiesOf, newPlace } from './places.ts';
import type { Pool, PoolItem } from './pool.ts';
import { looksStructural } from './pool.ts';
import type { Random } from './random.ts';
import { mulberry32 } from './random.ts';

/** The layouts a generated notice can take (each one a layout of a built-in notice). */
export const layouts = ['heading-body', 'inline', 'container', 'groups', 'groups-appendix', 'table'] as const;
export type Layout = (typeof layouts)[number];

export interface CorpusOptions {
  /** Any string; the same seed gives the same corpus. */
  seed: string;
  /** How many notices. */
  notices: number;
  /** The year of every notice. */
  year: number;
  /** Commitments per notice on average: each notice has between ⌈2M/3⌉ and ⌊4M/3⌋ (at least 1, at most 999). */
  perNotice: number;
}

/** A file to write, relative to the corpus directory. */
export interface CorpusFile {
  path: string;
  contents: string;
}

/** What the generator meant one notice to be. */
export interface GeneratedNotice {
  slug: string;
  year: number;
  layout: Layout;
  /** How many commitments the notice holds: what the parser must read. */
  commitments: number;
  /** The text file, relative to the corpus directory. */
  path: string;
  meta: NoticeMeta;
}

export interface Corpus {
  files: CorpusFile[];
  notices: GeneratedNotice[];
  /** `corpus.json`: the options, the pool's hash and what each notice holds. */
  manifest: CorpusManifest;
}

export interface CorpusManifest {
  generator: string;
  seed: string;
  year: number;
  perNotice: number;
  poolSha256: string;
  notices: number;
  commitments: number;
  layouts: Record<string, number>;
  list: { slug: string; layout: Layout; commitments: number }[];
}

/** The generator's name and version: bump the version when the same seed gives a different corpus. */
export const generatorVersion = 'minsheng-corpus/1';

// ---------------------------------------------------------------------------
// Numbers and names

const cnDigits = '零一二三四五六七八九';

/** Returns `n` (1–99) as a Chinese numeral: 一, 十, 十一, 二十, 九十九. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new Error(`no Chinese numeral for ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${cnDigits[tens]}十`;
  return head + (ones === 0 ? '' : (cnDigits[ones] ?? ''));
}

/** Numbering styles: how the n-th item is marked. */
type Style = 'cn' | 'cn-paren' | 'arabic-dot' | 'arabic-comma' | 'arabic-paren' | 'arabic-half-paren';

function mark(style: Style, n: number): string {
  switch (style) {
    case 'cn':
      return `${chineseNumber(n)}、`;
    case 'cn-paren':
      return `（${chineseNumber(n)}）`;
    case 'arabic-dot':
      return `${n}.`;
    case 'arabic-comma':
      return `${n}、`;
    case 'arabic-paren':
      return `（${n}）`;
    case 'arabic-half-paren':
      return `${n}）`;
  }
}

/** Returns the numbered line `text` marked `n` in `style`; `1.` before a digit takes a space (`18.12类` would be a number). */
function numbered(style: Style, n: number, text: string): string {
  return `${mark(style, n)}${style === 'arabic-dot' && /^[0-9０-９]/u.test(text) ? ' ' : ''}${text}`;
}

const isChineseStyle = (s: Style): boolean => s === 'cn' || s === 'cn-paren';

/** Returns a style among `choices` that can number `count` items (Chinese numerals stop at 99). */
function styleFor(random: Random, choices: readonly Style[], count: number): Style {
  const usable = choices.filter((s) => count <= 99 || !isChineseStyle(s));
  return random.pick(usable.length > 0 ? usable : ['arabic-dot']);
}

/** Rounds to `decimals` places and writes it without exponent. */
function fixed(value: number, decimals: number): string {
  return decimals === 0 ? String(Math.round(value)) : value.toFixed(decimals);
}

/**
 * Returns `text` with its quantities varied (×0.5–1.6, same precision; a
 * percentage stays below 100). Numbers that are no quantity stay: years
 * (`localize` moves those), codes, ranges, ordinals, dates, ages, hours,
 * numbers inside 《titles》.
 */
export function varyNumbers(text: string, random: Random): string {
  return text.replace(/\d+(?:\.\d+)?/gu, (digits, offset: number) => {
    const before = text.charAt(offset - 1);
    const after = text.slice(offset + digits.length);
    const next = after.charAt(0);
    if (/^(?:19|20)\d{2}$/u.test(digits)) return digits;
    if (/[0-9A-Za-z第〔［[\-—–~～/.:：]/u.test(before) || before === '－') return digits;
    if (/^[\-—–~～/〕］\]号届:：]/u.test(next) || /^\s*(?:年|月|日|岁|周岁|小时|时|点|级|届)/u.test(after)) return digits;
    if (text.lastIndexOf('《', offset) > text.lastIndexOf('》', offset)) return digits;
    if (/^0\d/u.test(digits)) return digits;
    const value = Number(digits);
    if (value === 0) return digits;
    const decimals = digits.includes('.') ? (digits.split('.')[1]?.length ?? 0) : 0;
    let varied = value * (0.5 + random.next() * 1.1);
    if (/^\s*[%％]/u.test(after) && value < 100) varied = Math.min(varied, 99);
    const out = fixed(varied, decimals);
    return Number(out) <= 0 ? digits : out;
  });
}

/** Built-in place names and what they become in a generated notice. */
function placeNames(place: Place): [RegExp, string][] {
  const short = place.district.replace(/[区县]$/u, '');
  const cityShort = place.city.replace(/市$/u, '');
  return [
    [/济宁经济技术开发区|济宁经开区|经开区|市中区|河东区|相山区|兖州区/gu, place.district],
    [/相山经济开发区/gu, `${short}经济开发区`],
    [/兖州工业园区/gu, `${short}工业园区`],
    [/天津市|淮北市|济南市|济宁市/gu, place.city],
    [/天津|淮北|济南|济宁|兖州|相山/gu, cityShort],
    [/安徽省|山东省/gu, place.province],
    [/安徽|山东/gu, place.province.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/u, '')],
  ];
}

/** Returns a pool text made this notice's: its place names, its year, its count of commitments. */
function localize(text: string, place: Place, year: number, count: number): string {
  let out = text;
  for (const [re, name] of placeNames(place)) out = out.replace(re, name);
  if (place.county)
    out = out
      .replace(/全区/gu, '全县')
      .replace(/区政府/gu, '县政府')
      .replace(/区直/gu, '县直')
      .replace(/区委/gu, '县委');
  out = out.replace(/((?:19|20)\d{2})(?=\s*年)/gu, (y) => String(Number(y) - 2023 + year));
  // A count of the notice's items (`50项民生实事`, `22个项目`, `20件为民办实事`) is this notice's count.
  out = out.replace(/(?<![\d.])\d{1,3}(?=\s*(?:项|件|个)\s*(?:项目|民生|实事|民心|事项|为民))/gu, String(count));
  return out;
}

/** Returns a department name as this district writes it (区… or 县…). */
function unitOf(name: string, place: Place): string {
  return place.county ? name.replace(/^区/u, '县') : name;
}

// ---------------------------------------------------------------------------
// Items

/** One commitment as it will be written: pieces already localized and varied. */
interface Draft {
  title: string;
  body: string;
  titleIsAll: boolean;
  lead: string[];
  co: string[];
  city: boolean;
  measures: string[];
}

/** Returns `count` items from the pool: without repeats while the pool lasts. */
function sampleItems(pool: Pool, random: Random, count: number): PoolItem[] {
  const out: PoolItem[] = [];
  while (out.length < count) out.push(...random.shuffle(pool.items).slice(0, count - out.length));
  return out;
}

function draftOf(item: PoolItem, pool: Pool, random: Random, place: Place, year: number, count: number): Draft {
  const fix = (t: string): string => varyNumbers(localize(t, place, year, count), random);
  const title = fix(item.title);
  const body = item.titleIsAll ? title + (item.body.slice(item.title.length) || '。') : fix(item.body);
  let lead = item.lead.map((u) => unitOf(u, place));
  let co = item.co.map((u) => unitOf(u, place));
  const city = item.level !== undefined || (lead.length === 0 && co.length === 0 && random.chance(0.06));
  if (!city && lead.length === 0) {
    lead = random
      .shuffle(pool.units)
      .slice(0, random.chance(0.2) ? 2 : 1)
      .map((u) => unitOf(u, place));
    if (random.chance(0.3))
      co = random
        .shuffle(pool.units.filter((u) => !lead.includes(unitOf(u, place))))
        .slice(0, random.int(1, 2))
        .map((u) => unitOf(u, place));
  }
  const own = item.measures.length > 0 ? item.measures : random.shuffle(pool.measures).slice(0, random.int(1, 4));
  return { title, body, titleIsAll: item.titleIsAll, lead, co, city, measures: city ? [] : own.map(fix) };
}

/** The item's whole wording on one line: `title，body` (or the body alone when the title is all of it). */
function oneLine(d: Draft): string {
  if (d.titleIsAll) return d.body;
  return `${d.title}，${d.body}`;
}

/** A responsibility note in one of the built-in notices' ways. */
function note(d: Draft, random: Random, style: 'label' | 'suffix' | 'host'): string {
  if (d.city) return '（属市级任务）';
  const lead = d.lead.join('、');
  const co = d.co.join('、');
  if (style === 'suffix') return `（${[...d.lead, ...d.co].join('、')}负责）`;
  if (style === 'host') return co ? `（主办单位：${lead}；协办单位：${co}）` : `（主办单位：${lead}）`;
  return co && random.chance(0.5) ? `（牵头单位：${lead}；配合单位：${co}）` : `（牵头单位：${lead}）`;
}

// ---------------------------------------------------------------------------
// Layouts

/** What a layout needs to write one notice. */
interface Context {
  random: Random;
  pool: Pool;
  place: Place;
  year: number;
  drafts: Draft[];
  /** Localizes a pool text for this notice. */
  local: (text: string) => string;
}

/** Returns `text` with the indentation some notices put before their lines (spaces, full-width spaces). */
function indent(random: Random, text: string): string {
  const r = random.next();
  return r < 0.15 ? `    ${text}` : r < 0.25 ? `　　${text}` : text;
}

/** Returns a notice title from the pool, made this notice's, containing its year. */
function titleLine(c: Context): string {
  const candidates = c.pool.titles.map(c.local).filter((t) => t.includes(`${c.year}年`));
  return candidates.length > 0 ? c.random.pick(candidates) : `关于办好${c.year}年民生实事的通知`;
}

function dateLine(c: Context): string {
  return `${c.year}年${c.random.int(1, 3)}月${c.random.int(1, 28)}日`;
}

/** Opening lines: the addressees and one or two paragraphs. */
function opening(c: Context): string[] {
  const lines: string[] = [];
  if (c.pool.addressees.length > 0 && c.random.chance(0.6)) lines.push(c.local(c.random.pick(c.pool.addressees)));
  const paragraphs = c.random.shuffle(c.pool.openings).slice(0, c.random.int(1, 2));
  lines.push(...paragraphs.map((p) => indent(c.random, c.local(p))));
  return lines;
}

/** Closing lines after the list: a paragraph, the issuer and the date. */
function closing(c: Context): string[] {
  const lines: string[] = [];
  if (c.pool.closings.length > 0) lines.push(c.local(c.random.pick(c.pool.closings)));
  if (c.random.chance(0.5)) lines.push('', `${c.place.districtFull}人民政府`, dateLine(c));
  return lines;
}

/** `一、title（units负责）` then the body on the next line (济南市市中区). */
function headingBody(c: Context): string[] {
  const style = styleFor(c.random, ['cn', 'cn-paren', 'arabic-dot', 'arabic-comma', 'arabic-paren', 'arabic-half-paren'], c.drafts.length);
  const noteStyle = c.random.pick(['suffix', 'label'] as const);
  const lines = [titleLine(c), ''];
  if (c.random.chance(0.5)) lines.push(...opening(c));
  c.drafts.forEach((d, i) => {
    lines.push(numbered(style, i + 1, `${d.title}${note(d, c.random, noteStyle)}`));
    lines.push(d.body);
  });
  // The closing paragraph right after the last body is read as closing only when there are 3 items or more.
  if (c.drafts.length >= 3 && c.random.chance(0.5)) lines.push(...closing(c));
  return lines;
}

/** `一、title。body` on one line (天津市河东区), with optional notes and blank lines. */
function inline(c: Context): string[] {
  const style = styleFor(c.random, ['cn', 'arabic-dot', 'arabic-comma', 'cn-paren', 'arabic-paren'], c.drafts.length);
  const withNotes = c.random.chance(0.5);
  const lines = [titleLine(c), ''];
  lines.push(...opening(c));
  c.drafts.forEach((d, i) => {
    const text = d.titleIsAll ? d.body : `${d.title}。${d.body}`;
    lines.push(indent(c.random, numbered(style, i + 1, `${text}${withNotes ? note(d, c.random, 'label') : ''}`)));
    if (c.random.chance(0.3)) lines.push('');
  });
  if (c.drafts.length >= 3 && c.random.chance(0.6)) lines.push(...closing(c));
  return lines;
}

/** Explanatory sections `一、…背景` … with one section holding the list (济宁经开区). */
function container(c: Context): string[] {
  const style = styleFor(c.random, ['arabic-dot', 'arabic-comma', 'arabic-paren', 'cn-paren'], c.drafts.length);
  const lines = [titleLine(c)];
  lines.push(
    ...c.random
      .shuffle(c.pool.openings)
      .slice(0, 1)
      .map((p) => ` ${c.local(p)}`),
  );
  const sections = c.pool.sections;
  const listAt = sections.findIndex((s) => s.body.some((b) => /：$/u.test(b)));
  sections.forEach((s, i) => {
    lines.push(`${chineseNumber(i + 1)}、${c.local(s.heading)}`);
    lines.push(...s.body.map(c.local));
    if (i === listAt) {
      c.drafts.forEach((d, n) => {
        const text = d.titleIsAll ? d.body : `${d.title}。${d.body}`;
        lines.push(style === 'arabic-dot' ? `${n + 1}. ${text}` : numbered(style, n + 1, text));
      });
    }
  });
  return lines;
}

/** Splits `count` items into `groups` non-empty runs; returns their sizes. */
function partition(random: Random, count: number, groups: number): number[] {
  const cuts = random
    .shuffle(Array.from({ length: count - 1 }, (_, i) => i + 1))
    .slice(0, groups - 1)
    .sort((a, b) => a - b);
  const bounds = [0, ...cuts, count];
  return bounds.slice(1).map((b, i) => b - (bounds[i] ?? 0));
}

/** Group headings with declared counts over the items, as a list of (heading, drafts) runs. */
function groupsOf(c: Context): { heading: string; drafts: Draft[]; first: number }[] {
  const count = c.drafts.length;
  const wanted = Math.max(1, Math.min(c.pool.groupNames.length, Math.round(count / 5)));
  const names = c.random.shuffle(c.pool.groupNames).slice(0, wanted);
  const sizes = partition(c.random, count, names.length);
  let at = 0;
  return names.map((name, i) => {
    const drafts = c.drafts.slice(at, at + (sizes[i] ?? 0));
    const first = at;
    at += drafts.length;
    // Notices count all items, or (相山区) only the district's own: both agree with the parser.
    const own = drafts.filter((d) => !d.city).length;
    const declared = own === 0 || c.random.chance(0.5) ? drafts.length : own;
    const unit = c.random.chance(0.8) ? '项' : '件';
    return { heading: `${c.local(name)}（${declared}${unit}）`, drafts, first };
  });
}

/** Group headings `一、促进就业（3项）` with numbered items under them (淮北市相山区, without its appendix). */
function groups(c: Context): string[] {
  const groupStyle = c.random.pick(['cn', 'cn-paren'] as const);
  const itemStyle = styleFor(c.random, ['arabic-dot', 'arabic-comma', 'arabic-paren', 'arabic-half-paren'], c.drafts.length);
  const restart = c.random.chance(0.4);
  const lines = [titleLine(c), ''];
  lines.push(...opening(c));
  groupsOf(c).forEach((g, gi) => {
    lines.push(indent(c.random, `${mark(groupStyle, gi + 1)}${g.heading}`));
    g.drafts.forEach((d, i) => lines.push(numbered(itemStyle, restart ? i + 1 : g.first + i + 1, `${oneLine(d)}${note(d, c.random, 'label')}`)));
  });
  if (c.drafts.length >= 3 && c.random.chance(0.6)) lines.push(...closing(c));
  return lines;
}

/** Groups and items, then an appendix repeating them with 推进举措 (淮北市相山区). */
function groupsAppendix(c: Context): string[] {
  const count = c.drafts.length;
  const appendixTitle =
    c.pool.appendixTitles.map((t) => localize(t, c.place, c.year, count)).find((t) => /举措|措施/u.test(t)) ?? `${c.year}年${c.place.district}${count}项民生实事推进举措`;
  const lines = [titleLine(c), ''];
  lines.push(...opening(c));
  if (c.random.chance(0.5)) lines.push('', dateLine(c));
  lines.push(`${c.place.districtFull}${c.year}年${count}项民生实事`, '');
  const runs = groupsOf(c);
  const notes = c.drafts.map((d) => note(d, c.random, 'label'));
  runs.forEach((g, gi) => {
    lines.push(`${chineseNumber(gi + 1)}、${g.heading}`);
    g.drafts.forEach((d, i) => lines.push(numbered('arabic-dot', g.first + i + 1, `${oneLine(d)}${notes[g.first + i] ?? ''}`)));
  });
  if (count >= 3 && c.pool.closings.length > 0) lines.push(c.local(c.random.pick(c.pool.closings)));
  lines.push(`附件：1.${appendixTitle}`, '', '', '附件1', '', appendixTitle, '');
  const itemStyle: Style = count <= 99 ? 'cn-paren' : 'arabic-paren';
  runs.forEach((g, gi) => {
    lines.push(`${chineseNumber(gi + 1)}、${g.heading}`);
    g.drafts.forEach((d, i) => {
      const n = g.first + i + 1;
      lines.push(numbered(itemStyle, n, `${oneLine(d)}${notes[n - 1] ?? ''}`));
      if (d.measures.length > 0) {
        lines.push('推进举措：');
        d.measures.forEach((m, k) => lines.push(numbered('arabic-dot', k + 1, m)));
      }
    });
  });
  return lines;
}

/** The letters that end a whole department name (a wrapped name must not be cut after one). */
const unsafeEnd = /[局委办院会联部处所站队心司团道街镇乡村府社厅署馆台室组校]$/u;

/** Returns a cell's text wrapped over lines as Word tables flatten it: fragments of 3–7 characters. */
function wrap(random: Random, text: string, names: boolean): string[] {
  if (text.length <= 6 || random.chance(0.4)) return [text];
  const fragments: string[] = [];
  let rest = text;
  while (rest.length > 7) {
    let cut = random.int(3, Math.min(7, rest.length - 2));
    // Never cut a department name where its first part ends like a whole name.
    while (names && cut < rest.length - 1 && unsafeEnd.test(rest.slice(0, cut))) cut++;
    const head = rest.slice(0, cut);
    const tail = rest.slice(cut);
    if (!/\p{Script=Han}/u.test(head) || !/\p{Script=Han}/u.test(tail) || looksStructural(tail) || /^[，。、；：）》”]/u.test(tail)) break;
    fragments.push(head);
    rest = tail;
  }
  fragments.push(rest);
  // A continuation line must read as text, never as an issuer, a date or a closing line.
  return fragments.slice(1).some(looksStructural) ? [text] : fragments;
}

/** The lines of a table cell: a tab-led first fragment, then its wrapped continuation lines with blank lines between. */
function cellLines(fragments: readonly string[]): string[] {
  const [first = '', ...more] = fragments;
  return [`\t${first}`, ...more.flatMap((f) => ['', f])];
}

/** A Word table flattened to tab-led lines, in an appendix (济宁市兖州区). */
function table(c: Context): string[] {
  const count = c.drafts.length;
  const tableTitle = c.pool.appendixTitles.map((t) => localize(t, c.place, c.year, count)).find((t) => /汇总表|一览表|清单/u.test(t)) ?? `${c.year}年民生实事项目汇总表`;
  const issuer = `${c.place.districtFull}人民政府`;
  const lines = [`${c.place.city.slice(0, 1)}${c.place.district.slice(0, 1)}政发〔${c.year}〕${c.random.int(1, 30)}号`, '', issuer, '', titleLine(c), ''];
  for (const l of opening(c)) lines.push(l, '');
  lines.push(`附件：${tableTitle}`, '', issuer, '', dateLine(c), '', '（此件公开发布）', '', '附件', '', tableTitle, '');
  for (const head of ['序号', '项目名称', '项  目  主  要  内  容', '主办单位', '协办单位']) lines.push(`\t${head}`);
  lines.push('');
  c.drafts.forEach((d, i) => {
    lines.push(`\t${i + 1}`);
    lines.push(...cellLines(wrap(c.random, d.title, false)));
    lines.push(`\t${d.body}`);
    const lead = d.lead.length > 0 ? d.lead : [c.random.pick(c.pool.units)].map((u) => unitOf(u, c.place));
    lines.push(...cellLines(lead.length === 1 ? wrap(c.random, lead[0] ?? '', true) : [lead.join('、')]));
    const safeNames = d.co.every((n) => isWholeUnitName(n) && !looksStructural(n));
    lines.push(...(d.co.length === 0 ? ['\t'] : cellLines(safeNames && c.random.chance(0.6) ? d.co : [d.co.join('、')])));
    lines.push('');
  });
  lines.push('', '抄送：区委办公室，区人大常委会办公室，区政协办公室，区法院，', '', '区检察院。');
  return lines;
}

const writers: Record<Layout, (c: Context) => string[]> = {
  'heading-body': headingBody,
  inline,
  container,
  groups,
  'groups-appendix': groupsAppendix,
  table,
};

// ---------------------------------------------------------------------------
// The corpus

/** Returns the number of commitments notice `random` gets for an average of `m`. */
function countFor(random: Random, m: number): number {
  const low = Math.max(1, Math.ceil((2 * m) / 3));
  const high = Math.min(999, Math.max(low, Math.floor((4 * m) / 3)));
  return random.int(low, high);
}

/** Returns the metadata file of a generated notice. */
function metaText(meta: NoticeMeta, seed: string): string {
  const header = `# 合成的基准测试语料（${generatorVersion}，种子 ${JSON.stringify(seed)}）：由内置通知的语句重新组合而成，不是真实通知。\n`;
  return header + YAML.stringify(meta, { lineWidth: 0 });
}

/** Returns the corpus for `options`, sampled from `pool`. */
export function generateCorpus(pool: Pool, options: CorpusOptions): Corpus {
  const { seed, year } = options;
  if (!Number.isInteger(options.notices) || options.notices < 1) throw new Error('notices must be a positive integer');
  if (!Number.isInteger(options.perNotice) || options.perNotice < 1 || options.perNotice > 999) throw new Error('perNotice must be an integer from 1 to 999');
  if (!isYear(year)) throw new Error('year must be an integer from 1949 to 2200');
  if (pool.items.length === 0) throw new Error('the sample pool holds no items');

  const cityCache = new Map<string, { name: string; pinyin: string }[]>();
  const cities = (p: Province): { name: string; pinyin: string }[] => {
    let list = cityCache.get(p.name);
    if (!list) {
      list = citiesOf(p, mulberry32(`${seed}/cities/${p.pinyin}`));
      cityCache.set(p.name, list);
    }
    return list;
  };
  const taken = new Set<string>();
  const files: CorpusFile[] = [];
  const notices: GeneratedNotice[] = [];

  for (let i = 0; i < options.notices; i++) {
    const random = mulberry32(`${seed}/notice/${i}`);
    const place = newPlace(random, cities, taken);
    const count = countFor(random, options.perNotice);
    let layout = random.pick(layouts);
    // One section holds the list only when it holds three items or more; fewer are read as sections.
    if (layout === 'container' && count < 3) layout = 'inline';
    const drafts = sampleItems(pool, random, count).map((item) => draftOf(item, pool, random, place, year, count));
    const context: Context = { random, pool, place, year, drafts, local: (t) => localize(t, place, year, count) };
    const text = `${writers[layout](context).join('\n')}\n`;
    const meta: NoticeMeta = {
      slug: place.slug,
      year,
      province: place.province,
      city: place.city,
      district: place.district,
      districtFull: place.districtFull,
      sourceUrl: null,
      sourceNote: `合成语料：由 npm run corpus 按种子 ${seed} 生成，用于性能测试，不是真实通知。`,
    };
    const path = noticeTextPath({ year, slug: place.slug });
    files.push({ path, contents: text }, { path: noticeMetaPath({ year, slug: place.slug }), contents: metaText(meta, seed) });
    notices.push({ slug: place.slug, year, layout, commitments: count, path, meta });
  }

  const layoutCounts: Record<string, number> = {};
  for (const l of layouts) layoutCounts[l] = notices.filter((n) => n.layout === l).length;
  const manifest: CorpusManifest = {
    generator: generatorVersion,
    seed,
    year,
    perNotice: options.perNotice,
    poolSha256: pool.sha256,
    notices: notices.length,
    commitments: notices.reduce((n, x) => n + x.commitments, 0),
    layouts: layoutCounts,
    list: notices.map((n) => ({ slug: n.slug, layout: n.layout, commitments: n.commitments })),
  };
  files.push({ path: 'corpus.json', contents: `${JSON.stringify(manifest, null, 2)}\n` });
  return { files, notices, manifest };
}
