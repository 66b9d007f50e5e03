/**
 * The notice parser: text in, `Notice` record out. Each step returns its
 * result: lines are read (and normalized for reading), page chrome set
 * apart, the text cut into zones (the main document, then each appendix);
 * every layout reader (`readers/`) reads each zone and the chooser keeps the
 * best-supported reading; appendices are merged into the main list; then
 * metadata, numbering, groups, passages and warnings make the record.
 *
 * Pure: no file system, clock or console. It never throws; bad input comes
 * back as `{ ok: false, error }`.
 */
import type { Group, Notice, Passage, PassageRole, Warning } from '../schema.ts';
import { chromeLines } from './chrome.ts';
import type { Choice } from './choose.ts';
import { choose } from './choose.ts';
import type { ItemDraft } from './item.ts';
import { toCommitment, withoutNotes, wordingDifference } from './item.ts';
import { documentKind } from './kind.ts';
import type { SourceLine } from './lines.ts';
import { isAppendixStart, readLines } from './lines.ts';
import { readMeta, readYear, yearInTitle } from './meta.ts';
import type { GroupDraft, Reading } from './reading.ts';
import { pushAll } from './reading.ts';
import { readCellTable } from './readers/cells.ts';
import { readInline } from './readers/inline.ts';
import { readLooseNumbers } from './readers/numbers.ts';
import { readOutlineZone } from './readers/outline.ts';
import { readSentenceList } from './readers/sentence.ts';
import { readUnnumbered } from './readers/unnumbered.ts';
import { squash } from './text.ts';
import { findUnitNotes } from './units.ts';

/** Why a text could not be read as a notice. */
export interface ParseError {
  /** The line concerned, or 0 for the whole text. */
  line: number;
  /** What is wrong, in one line. */
  message: string;
}

/** What `parseNotice` returns. */
export type ParseResult = { ok: true; notice: Notice } | { ok: false; error: ParseError };

/** What the caller knows that the text may not say. */
export interface ParseOptions {
  /** The year the notice is for, from its metadata (`<slug>.yaml`) or `--year`. */
  year?: number;
}

/** A layout reader: lines of one zone in, a reading out (undefined when its layout is not there). */
type Reader = (lines: readonly SourceLine[], appendix: boolean) => Reading | undefined;

/** The readers, in order of preference when the evidence ties: a table whose header names its columns is stronger evidence than numbers alone on their lines. */
const readers: readonly Reader[] = [readOutlineZone, readCellTable, readLooseNumbers, readInline, readUnnumbered, readSentenceList];

/** Returns the zones of a notice: the main document, then each appendix (from its `附件` line). */
function splitZones(lines: readonly SourceLine[]): SourceLine[][] {
  const starts = lines.flatMap((l, i) => (isAppendixStart(l.read) ? [i] : []));
  const bounds = [0, ...starts, lines.length];
  const zones: SourceLine[][] = [];
  for (let z = 0; z + 1 < bounds.length; z++) zones.push(lines.slice(bounds[z] ?? 0, bounds[z + 1] ?? lines.length));
  return zones;
}

/** Returns the best reading of one zone, or an empty outline reading when no reader finds items. */
function readZone(lines: readonly SourceLine[], appendix: boolean): Choice {
  const readings = readers.flatMap((read) => read(lines, appendix) ?? []);
  const choice = choose(readings, lines);
  if (choice) return choice;
  const fallback = readings[0] ?? readOutlineZone(lines, appendix);
  return { reading: fallback, evidence: [], declared: [] };
}

/** Returns the numbers the items get: as written when unique and rising, else their order. */
function numbering(items: readonly ItemDraft[], warnings: Warning[]): number[] {
  const values = items.map((i) => i.value);
  let rising = true;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) <= (values[i - 1] ?? 0)) rising = false;
  if (!rising) {
    const restarts = values.filter((v) => v === 1).length > 1;
    if (!restarts) {
      const shown = values.length > 30 ? `${values.slice(0, 30).join('、')}…` : values.join('、');
      warnings.push({ line: items[0]?.lines[0] ?? 0, message: `事项编号不是依次递增的（${shown}），按出现顺序重新编号` });
    }
    return values.map((_, i) => i + 1);
  }
  values.forEach((v, i) => {
    const prev = i === 0 ? 0 : (values[i - 1] ?? 0);
    if (v !== prev + 1) {
      warnings.push({ line: items[i]?.lines[0] ?? 0, message: `事项编号从${prev}跳到${v}` });
    }
  });
  return values;
}

/**
 * Returns a warning when a group's declared count disagrees with the items
 * under it. A count that leaves out the city- and province-level tasks
 * (属市级任务) agrees: notices count only their own district's tasks.
 */
function countWarning(g: GroupDraft, where: string): Warning | undefined {
  if (g.declared === undefined) return undefined;
  const levelled = g.items.filter((d) => findUnitNotes([d.head, ...d.rest].join(' ')).some((n) => n.level)).length;
  if (g.declared === g.items.length || g.declared === g.items.length - levelled) return undefined;
  const note = levelled > 0 ? `（其中属市级或省级任务${levelled}项）` : '';
  return { line: g.line, message: `${where}“${g.name}”声明${g.declared}项，其下实有${g.items.length}项${note}` };
}

/** Returns the groups of the notice and warnings on their declared counts. */
function finishGroups(groups: readonly GroupDraft[], numberOf: Map<ItemDraft, number>): { groups: Group[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const finished = groups.map((g) => {
    const items = g.items.map((d) => numberOf.get(d)).filter((n): n is number => n !== undefined);
    const group: Group = { number: g.value, name: g.name, items, source: { startLine: g.line, endLine: g.line } };
    if (g.declared !== undefined) group.declaredCount = g.declared;
    const warning = countWarning(g, '');
    if (warning) warnings.push(warning);
    return group;
  });
  return { groups: finished, warnings };
}

/** The main list with the appendices merged into it. */
interface Merged {
  items: ItemDraft[];
  groups: GroupDraft[];
  appendixOf: Map<ItemDraft, ItemDraft>;
  warnings: Warning[];
}

/** Merges the appendices' items into the main list: measures attach, wording differences are noted. */
function mergeZones(readings: readonly Reading[]): Merged {
  const warnings: Warning[] = [];
  const withItems = readings.filter((z) => z.items.length > 0);
  const primary = withItems[0];
  const appendixOf = new Map<ItemDraft, ItemDraft>();
  if (!primary) return { items: [], groups: [], appendixOf, warnings };
  const items = [...primary.items];
  const groups = [...primary.groups];
  for (const zone of withItems.slice(1)) {
    const byValue = new Map(items.map((d) => [d.value, d]));
    for (const extra of zone.items) {
      const main = byValue.get(extra.value);
      if (!main || appendixOf.has(main)) {
        warnings.push({ line: extra.lines[0] ?? 0, message: `附件中的第${extra.value}项在正文中没有对应事项，作为单独事项收录` });
        items.push(extra);
        continue;
      }
      appendixOf.set(main, extra);
      pushAll(main.measures, extra.measures);
      if (main.parts.length === 0 && extra.parts.length > 0) pushAll(main.parts, extra.parts);
      const diff = wordingDifference(withoutNotes(main.head), withoutNotes(extra.head)) ?? wordingDifference(main.head, extra.head);
      if (diff) {
        warnings.push({ line: extra.lines[0] ?? 0, message: `附件中第${extra.value}项的文字与正文（第${main.lines[0] ?? 0}行）不一致：正文${diff.replace(' ↔ ', '，附件')}` });
      }
    }
    for (const g of zone.groups) {
      const same = groups.find((m) => m.name === g.name);
      if (same && same.declared !== undefined && g.declared !== undefined && same.declared !== g.declared) {
        warnings.push({ line: g.line, message: `附件中“${g.name}”声明${g.declared}项，正文（第${same.line}行）声明${same.declared}项` });
      }
      const warning = countWarning(g, '附件中');
      if (warning) warnings.push(warning);
    }
  }
  return { items, groups, appendixOf, warnings };
}

/** Returns the passages: one per non-blank line (a line is a paragraph), a table header's cells together. */
function toPassages(lines: readonly SourceLine[], roles: ReadonlyMap<number, PassageRole>, joined: ReadonlySet<number>): Passage[] {
  const passages: Passage[] = [];
  let current: { role: PassageRole; texts: string[]; start: number; end: number } | undefined;
  const flush = (): void => {
    if (current) passages.push({ role: current.role, text: squash(current.texts.join(' ')), source: { startLine: current.start, endLine: current.end } });
    current = undefined;
  };
  for (const l of lines) {
    if (l.text === '' && !l.tab) continue;
    const role = roles.get(l.no);
    if (!role) {
      flush();
      continue;
    }
    if (current?.role !== role || !joined.has(l.no)) {
      flush();
      current = { role, texts: [], start: l.no, end: l.no };
    }
    if (l.text) current.texts.push(l.text);
    current.end = l.no;
  }
  flush();
  return passages.filter((p) => p.text.length > 0);
}

/** Parses the text of a notice. Never throws. */
export function parseNotice(input: string, options: ParseOptions = {}): ParseResult {
  try {
    return parse(input, options);
  } catch (error) {
    // A defect of the parser, not of the input: still no stack trace for the user.
    return { ok: false, error: { line: 0, message: `internal parser error: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

/** Returns the lines the readers see: chrome lines blanked (they stay in the record as passages). */
function withoutChrome(lines: readonly SourceLine[], chrome: ReadonlySet<number>): SourceLine[] {
  return lines.map((l) => (chrome.has(l.no) ? { no: l.no, raw: '', text: '', read: '', tab: false } : l));
}

function parse(input: string, options: ParseOptions): ParseResult {
  const read = readLines(input);
  const lines = read.lines;
  const warnings: Warning[] = [...read.warnings];
  if (!lines.some((l) => l.text !== '')) return { ok: false, error: { line: 0, message: 'the notice is empty' } };
  if (documentKind(input) === 'report') {
    return {
      ok: false,
      error: {
        line: 0,
        message: 'this is a progress report, not a notice: it reports on commitments (进展情况/完成情况/进度公示) rather than making them; reports are not read as commitments',
      },
    };
  }

  const chrome = chromeLines(lines);
  const choices = splitZones(withoutChrome(lines, chrome)).map((zone, z) => {
    const choice = readZone(zone, z > 0);
    if (z > 0 && zone[0]) choice.reading.roles.set(zone[0].no, 'appendix');
    return choice;
  });
  const roles = new Map<number, PassageRole>();
  const joined = new Set<number>();
  for (const { reading } of choices) {
    for (const [no, role] of reading.roles) roles.set(no, role);
    for (const no of reading.joined) joined.add(no);
    pushAll(warnings, reading.warnings);
  }
  const merged = mergeZones(choices.map((c) => c.reading));
  pushAll(warnings, merged.warnings);
  const { items, groups, appendixOf } = merged;
  if (items.length === 0) {
    return { ok: false, error: { line: 0, message: 'no recognisable commitments (no numbered list, table, or list after an introducing sentence was found)' } };
  }
  const main = choices.find((c) => c.reading.items.length > 0);

  // Chrome lines: before the first item they open the page, after it they close it.
  let firstItemLine = Number.POSITIVE_INFINITY;
  for (const no of items[0]?.lines ?? []) firstItemLine = Math.min(firstItemLine, no);
  for (const no of chrome) roles.set(no, no < firstItemLine ? 'preamble' : 'closing');

  const meta = readMeta(lines, roles, chrome);
  if (meta.title) roles.set(meta.title.no, 'title');
  const titleText = meta.title?.text ?? '';
  const stated = readYear(meta.title?.read ?? '', meta.date);
  const year = options.year ?? stated;
  if (year === undefined) {
    return { ok: false, error: { line: 0, message: 'no year found: the notice states none (expected e.g. “2023年” in its title); give it in the metadata or with --year' } };
  }
  const titleYear = yearInTitle(meta.title?.read ?? '');
  if (options.year !== undefined && titleYear !== undefined && titleYear !== options.year) {
    warnings.push({ line: meta.title?.no ?? 0, message: `标题写的是${titleYear}年，元数据给的是${options.year}年，按元数据` });
  }

  const numbers = numbering(items, warnings);
  const numberOf = new Map(items.map((d, i) => [d, numbers[i] ?? i + 1]));
  const commitments = items.map((draft) => {
    const c = toCommitment(draft, numberOf.get(draft) ?? 1);
    const extra = appendixOf.get(draft);
    if (extra) {
      const lines = [...extra.lines].sort((a, b) => a - b);
      c.appendixSource = { startLine: lines[0] ?? 1, endLine: lines.at(-1) ?? 1 };
    }
    return c;
  });
  const finished = finishGroups(groups, numberOf);
  pushAll(warnings, finished.warnings);

  const declaredTotal = main?.declared.includes(commitments.length) ? commitments.length : main?.declared[0];
  if (declaredTotal !== undefined && declaredTotal !== commitments.length) {
    warnings.push({ line: meta.title?.no ?? 0, message: `通知称共${declaredTotal}项，实际读出${commitments.length}项` });
  }
  if (!meta.title) warnings.push({ line: 0, message: '没有找到通知标题' });

  // Every non-blank line is in a commitment, a passage, or a warning.
  const covered = new Set<number>();
  for (const c of commitments) {
    for (const r of [c.source, c.appendixSource]) if (r) for (let n = r.startLine; n <= r.endLine; n++) covered.add(n);
  }
  for (const l of lines) {
    if (l.text === '' || covered.has(l.no) || roles.has(l.no)) continue;
    warnings.push({ line: l.no, message: `未能归入任何事项或段落的行：${l.text.length > 60 ? `${l.text.slice(0, 60)}…` : l.text}` });
  }

  const passages = toPassages(lines, new Map([...roles].filter(([no]) => !covered.has(no))), joined);
  for (const { reading } of choices) {
    for (const p of reading.inline) passages.push({ role: p.role, text: p.text, source: { startLine: p.line, endLine: p.line } });
  }
  passages.sort((a, b) => a.source.startLine - b.source.startLine);

  const notice: Notice = {
    kind: 'notice',
    title: titleText || '（无标题）',
    year,
    groups: finished.groups,
    commitments,
    passages,
    warnings: warnings.sort((a, b) => a.line - b.line),
  };
  if (meta.issuer) notice.issuer = meta.issuer;
  if (meta.date) notice.date = meta.date;
  if (meta.docNumber) notice.docNumber = meta.docNumber;
  if (declaredTotal !== undefined) notice.declaredTotal = declaredTotal;
  if (main) notice.reading = { reader: main.reading.reader, evidence: main.evidence };
  return { ok: true, notice: reorder(notice) };
}

/** Returns the notice with its keys in the documented order (stable JSON). */
function reorder(n: Notice): Notice {
  const out: Notice = { kind: n.kind, title: n.title, year: n.year } as Notice;
  if (n.issuer) out.issuer = n.issuer;
  if (n.date) out.date = n.date;
  if (n.docNumber) out.docNumber = n.docNumber;
  if (n.declaredTotal !== undefined) out.declaredTotal = n.declaredTotal;
  if (n.reading) out.reading = n.reading;
  out.groups = n.groups;
  out.commitments = n.commitments;
  out.passages = n.passages;
  out.warnings = n.warnings;
  return out;
}
