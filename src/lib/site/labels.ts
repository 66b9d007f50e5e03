/**
 * Words the pages show for values of the data. Pure.
 */
import type { Level, SourceFormat, Target } from '../schema.ts';

/** Returns the Chinese label of a task level. */
export function levelLabel(level: Level): string {
  return level === 'city' ? '属市级任务' : '属省级任务';
}

const comparatorWords: Record<NonNullable<Target['comparator']>, string> = { '>=': '不少于', '<=': '不超过', '~': '约' };

/** One formatter for every figure: making one costs more than formatting with it, and a national build formats hundreds of thousands. */
const numbers = new Intl.NumberFormat('zh-CN');

/** Returns a target as a short phrase: `不少于 17,800 人`, `4.5%` (no space before a per-cent sign). */
export function targetLabel(t: Target): string {
  const n = numbers.format(t.value);
  const gap = t.unit === '%' || t.unit === '‰' ? '' : ' ';
  return `${t.comparator ? `${comparatorWords[t.comparator]} ` : ''}${n}${gap}${t.unit}`;
}

const scopeWords: Record<'city' | 'province', string> = { city: '全市', province: '全省' };

/**
 * Returns a target as a chip that says what it counts and whose figure it is:
 * `新增托位 675 个`, `全市 办理法律援助案件 不少于 500 件`, `标准 每人每年 730 元`.
 */
export function targetChip(t: Target): string {
  const scope = t.scope === 'city' || t.scope === 'province' ? `${scopeWords[t.scope]} ` : '';
  const standard = t.kind === 'standard' && !(t.counts ?? '').includes('标准') ? '标准 ' : '';
  const counts = t.counts ? `${t.counts} ` : '';
  return `${scope}${standard}${counts}${targetLabel(t)}`;
}

/** Returns how a topic was assigned, for reviewers. */
export function topicHowLabel(how: 'heading' | 'rule' | 'override' | 'none', matched?: string): string {
  if (how === 'heading') return matched ? `依据原文分组标题中的“${matched}”归类` : '依据原文分组标题归类';
  if (how === 'rule') return `依据关键词${matched ? `“${matched}”` : ''}归类`;
  if (how === 'override') return '经人工复核归类';
  return '未能自动归类';
}

/** Returns a date `YYYY-MM-DD` in Chinese: `2023年1月10日`. */
export function dateLabel(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** Returns a department's name with its district: `济南市市中区` + `区教育体育局` → `济南市市中区教育体育局`. */
export function unitWithDistrict(districtFull: string, name: string): string {
  const prefix = name.charAt(0);
  if ((prefix === '区' || prefix === '县' || prefix === '市') && districtFull.endsWith(prefix)) return `${districtFull}${name.slice(1)}`;
  return `${districtFull} ${name}`;
}

/** Returns what a department does, leaving out a zero: `牵头 2 项，配合 1 项`, `牵头 2 项`, `配合 1 项`. */
export function workLabel(lead: number, co: number): string {
  const parts = [lead > 0 ? `牵头 ${lead} 项` : '', co > 0 ? `配合 ${co} 项` : ''].filter((p) => p !== '');
  return parts.length > 0 ? parts.join('，') : '未写明牵头或配合的事项';
}

/** Returns a line range of a source: `第 31 行`, `第 31–33 行`. */
export function linesLabel(range: { startLine: number; endLine: number }): string {
  return range.startLine === range.endLine ? `第 ${range.startLine} 行` : `第 ${range.startLine}–${range.endLine} 行`;
}

/** Returns when a report speaks for, for a commitment's status now: `截至2024年6月30日`, `2024年7月5日报告`, `报告未注明日期`. */
export function reportedLabel(entry: { asOf?: string | undefined; date?: string | undefined }): string {
  return entry.asOf ? `截至${dateLabel(entry.asOf)}` : entry.date ? `${dateLabel(entry.date)}报告` : '报告未注明日期';
}

/** Returns the date of an entry in a list of reports: `截至2024年6月30日`, `2024年7月5日`, `日期不详`. */
export function reportDateLabel(entry: { asOf?: string | undefined; date?: string | undefined }): string {
  return entry.asOf ? `截至${dateLabel(entry.asOf)}` : entry.date ? dateLabel(entry.date) : '日期不详';
}

const formatNames: Readonly<Record<SourceFormat, string>> = { text: '文本', html: '网页', docx: 'Word 文档', doc: 'Word 97–2003 文档', pdf: 'PDF' };

/** Returns the name of the format a notice was published in: `网页`, `Word 文档`, `PDF`. */
export function formatLabel(format: SourceFormat): string {
  return formatNames[format];
}

/** Returns a whole number with its digits grouped the Chinese way: `12,345`. */
export function groupedNumber(n: number): string {
  return numbers.format(n);
}

/** Returns a file's size in bytes as readers see it: `980 字节` below a kibibyte, `812.4 KB` below a mebibyte, `3.2 MB` from one. */
export function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
