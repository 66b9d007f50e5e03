/**
 * What a notice says about itself, outside its list: title, issuer, date,
 * document number, the year it is for, and the totals it declares.
 */
import type { PassageRole } from '../schema.ts';
import type { SourceLine } from './lines.ts';
import { readDate, readDocNumber, readIssuer } from './lines.ts';
import { chineseNumeral, fold } from './text.ts';

/** The notice's metadata lines. */
export interface Meta {
  docNumber: string | undefined;
  issuer: string | undefined;
  date: string | undefined;
  title: SourceLine | undefined;
}

/** Words a notice's title uses: a line with one of them is the title before any other line. */
const titleWords = /民生|实事|惠民|为民|民心|通知|公告|通告|清单|项目/u;

/** Returns the notice's metadata read from its lines outside the items (page chrome, `skip`, aside). */
export function readMeta(lines: readonly SourceLine[], roles: ReadonlyMap<number, PassageRole>, skip: ReadonlySet<number>): Meta {
  const outside = lines.filter((l) => l.text !== '' && !skip.has(l.no) && (roles.get(l.no) === 'preamble' || roles.get(l.no) === 'closing' || roles.get(l.no) === 'appendix'));
  let docNumber: string | undefined;
  let issuer: string | undefined;
  let date: string | undefined;
  let title: SourceLine | undefined;
  let named: SourceLine | undefined;
  for (const l of outside) {
    const role = roles.get(l.no);
    const d = readDocNumber(l.read);
    const i = readIssuer(l.read);
    const t = readDate(l.read);
    docNumber ??= d === undefined ? undefined : l.text;
    issuer ??= i === undefined ? undefined : l.text;
    date ??= t;
    const candidate = role === 'preamble' && !d && !i && !t && !/[:：]$/u.test(l.read);
    if (!title && candidate) title = l;
    if (!named && candidate && titleWords.test(l.read) && l.read.length <= 60 && !/。$/u.test(l.read)) named = l;
  }
  // A page's navigation comes before its title: prefer the first line that names what a title names.
  if (title && named && !titleWords.test(title.read)) title = named;
  title ??= outside.find((l) => roles.get(l.no) === 'appendix' && !/^附\s*件/u.test(l.read));
  return { docNumber, issuer, date, title };
}

const count = '([1-9]\\d{0,2}|[一二两三四五六七八九十百]{1,4})';

/** Returns the value of a count written in digits or Chinese numerals. */
function countValue(s: string): number | undefined {
  const f = fold(s);
  return /^\d+$/u.test(f) ? Number(f) : chineseNumeral(s);
}

/**
 * Returns the totals the title and preamble declare, the likeliest first:
 * the title's count (`20件`), then counts of what the notice lists
 * (`22个项目`, `十大民生工程`, `10件民生实事`). Counts of other things
 * (`1330条建议`, `12件候选项目`) are not totals.
 */
export function readDeclaredTotals(title: string, preamble: readonly string[]): number[] {
  const out: number[] = [];
  const add = (v: number | undefined): void => {
    if (v !== undefined && v > 0 && !out.includes(v)) out.push(v);
  };
  // A number cut off from digits before it by a space (`2 0项`, a tab in the source) is no count.
  const inTitle = /(?<![\d.]\s*)([1-9]\d{0,2})\s*(?:项|件|个|条)(?!百分点)/u.exec(fold(title));
  if (inTitle?.[1]) add(Number(inTitle[1]));
  const listed = new RegExp(`(?<![\\d.]\\s*)${count}\\s*(?:项|件|个|大|类)\\s*(?:重点|重大|主要)?(?:项目|民生|实事|民心|事项|惠民|工程|行动|为民)`, 'gu');
  const cn = new RegExp(`${count}\\s*(?:项|件|个|大)`, 'u');
  if (!inTitle) for (const m of fold(title).matchAll(listed)) add(countValue(m[1] ?? ''));
  if (!inTitle && cn.test(title)) add(countValue(cn.exec(title)?.[1] ?? ''));
  const total = new RegExp(`(?:共|总计|合计|\\d+\\s*类|确定|票决|办好|办理|推出|安排|实事项目|实事|工程)了?\\s*${count}\\s*(?:项|件|个)(?!候选|初选|备选)`, 'gu');
  for (const text of [title, ...preamble]) for (const m of fold(text).matchAll(total)) add(countValue(m[1] ?? ''));
  for (const text of preamble) {
    for (const m of fold(text).matchAll(listed)) {
      const before = fold(text).slice(Math.max(0, m.index - 3), m.index);
      if (/候选|征集|初选|备选/u.test(fold(text).slice(m.index, m.index + m[0].length + 3)) || /从|在/u.test(before)) continue;
      add(countValue(m[1] ?? ''));
    }
  }
  return out;
}

/** Returns the year the title states (`2023年`), if it states one. */
export function yearInTitle(title: string): number | undefined {
  const m = /((?:19|20|21)\d{2})\s*年/u.exec(fold(title));
  return m?.[1] ? Number(m[1]) : undefined;
}

/**
 * Returns the year the notice states it is for: its title's year, else the
 * year of its date of issue. A year named elsewhere (`2022年以来`) is no
 * statement of the notice's year: without title or date, the year must come
 * from the metadata.
 */
export function readYear(title: string, date: string | undefined): number | undefined {
  const fromTitle = yearInTitle(title);
  if (fromTitle !== undefined) return fromTitle;
  return date ? Number(date.slice(0, 4)) : undefined;
}
