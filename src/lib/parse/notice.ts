/**
 * The notice parser: text in, `Notice` record out. One set of rules for every
 * layout: numbered lists in any numbering style, group headings with declared
 * counts, explanatory sections around the list, flattened Word tables, and
 * appendices that repeat the items with their measures.
 *
 * Pure: no file system, clock or console. It never throws; bad input comes
 * back as `{ ok: false, error }`.
 */
import type { Group, Notice, Passage, PassageRole, Warning } from '../schema.ts';
import type { ItemDraft } from './item.ts';
import { toCommitment, withoutNotes, wordingDifference } from './item.ts';
import type { SourceLine } from './lines.ts';
import { isAppendixStart, readDate, readDocNumber, readIssuer, readLines } from './lines.ts';
import type { OutlineNode } from './outline.ts';
import { nodeLines, readOutline } from './outline.ts';
import type { ColumnRole, Table } from './table.ts';
import { cellText, readTable, rowNumber, tableEnd } from './table.ts';
import { fold, squash } from './text.ts';
import { findUnitNotes, joinWrappedNames } from './units.ts';

/** Why a text could not be read as a notice. */
export interface ParseError {
  /** The line concerned, or 0 for the whole text. */
  line: number;
  /** What is wrong, in one line. */
  message: string;
}

/** What `parseNotice` returns. */
export type ParseResult = { ok: true; notice: Notice } | { ok: false; error: ParseError };

/** A group heading while it is being read. */
interface GroupDraft {
  value: number;
  name: string;
  declared?: number;
  line: number;
  items: ItemDraft[];
}

/** What one zone (the main document, or one appendix) holds. */
interface Zone {
  appendix: boolean;
  items: ItemDraft[];
  groups: GroupDraft[];
  roles: Map<number, PassageRole>;
  /** Lines that continue the passage of the line before them (a table header's cells). */
  joined: Set<number>;
  warnings: Warning[];
}

const declaredCount = /[（(]\s*(\d+|[一二三四五六七八九十百]+)\s*(?:项|件|个|条)\s*[)）]\s*$/u;

/** Returns a group heading's name and the count it declares (`促进就业（3项）` → 促进就业, 3). */
function readGroupHeading(head: string): { name: string; declared?: number } {
  const m = declaredCount.exec(fold(head));
  if (!m?.[1]) return { name: squash(head) };
  const value = /^\d+$/u.test(m[1]) ? Number(m[1]) : undefined;
  const name = squash(head.slice(0, m.index));
  return value === undefined ? { name } : { name, declared: value };
}

/** Returns true when nodes read as headings of groups rather than as items. */
function areHeadings(nodes: readonly OutlineNode[]): boolean {
  return nodes.every((n) => declaredCount.test(fold(n.head)) || (n.head.length <= 30 && !/[。；;，,]/u.test(n.head)));
}

/**
 * Returns true when `node`, the only one of its siblings with numbered lines
 * under it, is a section holding the list (`四、主要内容` with items 1–22)
 * rather than an item with parts: it holds several lines, and either many
 * more than it has siblings or its heading names a list.
 */
function isContainer(node: OutlineNode, siblings: readonly OutlineNode[]): boolean {
  if (declaredCount.test(fold(node.head)) || node.children.length < 3) return false;
  return node.children.length >= 2 * siblings.length || /内容|项目|清单|事项|实事|工程/u.test(node.head);
}

/** Returns the draft of an item written as a numbered line. */
function nodeDraft(node: OutlineNode, category: string | undefined): ItemDraft {
  const childText = (c: OutlineNode): string[] => [c.line.text, ...c.body.map((l) => l.text), ...c.children.flatMap(childText)];
  const partText = (c: OutlineNode): string => squash([c.head, ...c.body.map((l) => l.text), ...c.children.flatMap(childText)].join(' '));
  const draft: ItemDraft = {
    value: node.marker.value,
    head: node.head,
    rest: [...node.body.map((l) => l.text), ...node.children.flatMap(childText)],
    parts: node.children.map(partText),
    // A bare `1．` under 推进举措 numbers nothing: its line is covered by the item, its text is empty.
    measures: node.measures
      .map((lines) => squash(lines.map((l) => l.text).join(' ').replace(/^\s*[0-9０-９]{1,3}\s*[.．、]\s*/u, '')))
      .filter((m) => m.length > 0),
    lead: [],
    co: [],
    lines: nodeLines(node),
  };
  if (category) draft.category = category;
  return draft;
}

/** Reads the outline part of a zone into items, groups and passage roles. */
function readOutlinePart(lines: readonly SourceLine[], zone: Zone, seenItems: boolean): boolean {
  const { roots, loose } = readOutline(lines);
  for (const stretch of loose) {
    const role: PassageRole =
      stretch.kind === 'closing' || seenItems ? 'closing' : zone.appendix ? 'appendix' : 'preamble';
    for (const l of stretch.lines) zone.roles.set(l.no, role);
  }
  const setAll = (node: OutlineNode, role: PassageRole): void => {
    for (const no of nodeLines(node)) zone.roles.set(no, role);
    zone.roles.set(node.line.no, 'heading');
  };

  let level = roots;
  let category: GroupDraft | undefined;
  const items: ItemDraft[] = [];
  for (;;) {
    const parents = level.filter((n) => n.children.length > 0);
    const allCircled = parents.every((p) => p.children.every((c) => c.marker.style === 'circled'));
    if (parents.length === 0 || allCircled) {
      for (const n of level) {
        const draft = nodeDraft(n, category?.name);
        items.push(draft);
        category?.items.push(draft);
      }
      break;
    }
    const only = parents[0];
    if (parents.length === 1 && only && isContainer(only, level)) {
      // One section holds every item; its siblings explain the list.
      for (const n of level) {
        if (n === only) {
          zone.roles.set(n.line.no, 'heading');
          for (const l of [...n.body, ...n.labels]) zone.roles.set(l.no, 'explanation');
        } else setAll(n, 'explanation');
      }
      level = only.children;
      continue;
    }
    const declared = parents.some((p) => declaredCount.test(fold(p.head)));
    if ((parents.length >= 2 || declared) && areHeadings(parents)) {
      for (const g of level) {
        const heading = readGroupHeading(g.head);
        const group: GroupDraft = { value: g.marker.value, name: heading.name, line: g.line.no, items: [] };
        if (heading.declared !== undefined) group.declared = heading.declared;
        zone.groups.push(group);
        zone.roles.set(g.line.no, 'heading');
        for (const l of [...g.body, ...g.labels]) zone.roles.set(l.no, 'explanation');
        for (const child of g.children) {
          const draft = nodeDraft(child, group.name);
          items.push(draft);
          group.items.push(draft);
        }
      }
      break;
    }
    // Items with nested parts.
    for (const n of level) items.push(nodeDraft(n, category?.name));
    break;
  }
  moveTrailingToClosing(items, zone);
  for (const item of items) for (const no of item.lines) zone.roles.delete(no);
  zone.items.push(...items);
  return seenItems || items.length > 0;
}

/**
 * The last item of a list is followed by the document's closing words, which
 * no numbering separates from it. Lines past the most any other item has
 * (when the others are consistent) are closing, not the item's.
 */
function moveTrailingToClosing(items: ItemDraft[], zone: Zone): void {
  const last = items.at(-1);
  if (!last || items.length < 3 || last.parts.length > 0) return;
  const bodyCounts = items.slice(0, -1).map((i) => i.rest.length);
  const most = Math.max(...bodyCounts);
  if (last.rest.length <= most) return;
  const keep = last.rest.length - (last.rest.length - most);
  const extra = last.rest.splice(keep);
  const lines = [...last.lines].sort((a, b) => a - b);
  const moved = lines.splice(lines.length - extra.length);
  last.lines = lines;
  for (const no of moved) zone.roles.set(no, 'closing');
}

/** Returns the drafts of a table's rows: a row without a number continues the row above it. */
function tableDrafts(table: Table, zone: Zone): ItemDraft[] {
  const drafts: ItemDraft[] = [];
  const col = (role: ColumnRole): number => table.roles.indexOf(role);
  const fragments = (row: Table['rows'][number], role: ColumnRole): string[] => {
    const i = col(role);
    return i >= 0 ? (row[i]?.fragments ?? []) : [];
  };
  for (const row of table.rows) {
    const number = rowNumber(row, table.roles);
    const content = squash(fragments(row, 'text').join(''));
    const title = fragments(row, 'title').join('');
    const others = table.roles.flatMap((r, i) => (r === 'other' ? [cellText(row[i] ?? { fragments: [], lines: [] })] : []));
    const lines = row.flatMap((c) => c.lines);
    const lead = joinWrappedNames(fragments(row, 'lead'));
    const co = joinWrappedNames(fragments(row, 'co'));
    const previous = drafts.at(-1);
    if (number === undefined && previous) {
      // A sub-row: another part of the numbered row above.
      if (previous.parts.length === 0 && previous.head) previous.parts.push(previous.head);
      if (content) {
        previous.parts.push(content);
        previous.rest.push(content);
      }
      previous.lead.push(...lead);
      previous.co.push(...co);
      previous.lines.push(...lines);
      continue;
    }
    if (!content && !title) {
      for (const no of new Set(lines)) zone.warnings.push({ line: no, message: '表格行只有序号、没有内容，未作为事项收录' });
      continue;
    }
    if (number === undefined) {
      zone.warnings.push({ line: lines[0] ?? table.startLine, message: '表格行没有序号，也没有可以归属的上一行' });
    }
    const draft: ItemDraft = {
      value: number ?? drafts.length + 1,
      head: content || title,
      rest: others.filter((o) => o.length > 0),
      parts: [],
      measures: [],
      lead,
      co,
      lines,
    };
    if (title) draft.title = squash(title);
    drafts.push(draft);
  }
  if (table.header) {
    for (const no of table.header.lines) zone.roles.set(no, 'heading');
    for (const no of table.header.lines.slice(1)) zone.joined.add(no);
  }
  zone.warnings.push(...table.warnings);
  return drafts;
}

/** Reads one zone: outline parts and flattened tables, in order. */
function readZone(lines: readonly SourceLine[], appendix: boolean): Zone {
  const zone: Zone = { appendix, items: [], groups: [], roles: new Map(), joined: new Set(), warnings: [] };
  let seenItems = false;
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line?.tab) continue;
    const end = tableEnd(lines, i, (l) => isAppendixStart(l.text));
    const tabbed = lines.slice(i, end).filter((l) => l.tab).length;
    if (tabbed < 3) continue;
    seenItems = readOutlinePart(lines.slice(from, i), zone, seenItems);
    const drafts = tableDrafts(readTable(lines.slice(i, end)), zone);
    zone.items.push(...drafts);
    seenItems ||= drafts.length > 0;
    from = end;
    i = end - 1;
  }
  readOutlinePart(lines.slice(from), zone, seenItems);
  return zone;
}

/** Returns the zones of a notice: the main document, then each appendix. */
function splitZones(lines: readonly SourceLine[]): Zone[] {
  const starts = lines.flatMap((l, i) => (isAppendixStart(l.text) ? [i] : []));
  const bounds = [0, ...starts, lines.length];
  const zones: Zone[] = [];
  for (let z = 0; z + 1 < bounds.length; z++) {
    const from = bounds[z] ?? 0;
    const to = bounds[z + 1] ?? lines.length;
    const zone = readZone(lines.slice(from, to), z > 0);
    if (z > 0) zone.roles.set((lines[from]?.no ?? 1), 'appendix');
    zones.push(zone);
  }
  return zones;
}

/** Returns the numbers the items get: as written when unique and rising, else their order. */
function numbering(items: readonly ItemDraft[], warnings: Warning[]): number[] {
  const values = items.map((i) => i.value);
  const rising = values.every((v, i) => i === 0 || v > (values[i - 1] ?? 0));
  if (!rising) {
    const restarts = values.filter((v) => v === 1).length > 1;
    if (!restarts) {
      warnings.push({ line: items[0]?.lines[0] ?? 0, message: `事项编号不是依次递增的（${values.join('、')}），按出现顺序重新编号` });
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
function finishGroups(groups: readonly GroupDraft[], numberOf: Map<ItemDraft, number>, warnings: Warning[]): Group[] {
  return groups.map((g) => {
    const items = g.items.map((d) => numberOf.get(d)).filter((n): n is number => n !== undefined);
    const group: Group = { number: g.value, name: g.name, items, source: { startLine: g.line, endLine: g.line } };
    if (g.declared !== undefined) group.declaredCount = g.declared;
    const warning = countWarning(g, '');
    if (warning) warnings.push(warning);
    return group;
  });
}

/** Returns the notice's metadata read from its lines outside the items. */
function readMeta(lines: readonly SourceLine[], roles: Map<number, PassageRole>) {
  const outside = lines.filter((l) => l.text !== '' && (roles.get(l.no) === 'preamble' || roles.get(l.no) === 'closing' || roles.get(l.no) === 'appendix'));
  let docNumber: string | undefined;
  let issuer: string | undefined;
  let date: string | undefined;
  let title: SourceLine | undefined;
  for (const l of outside) {
    const role = roles.get(l.no);
    const d = readDocNumber(l.text);
    const i = readIssuer(l.text);
    const t = readDate(l.text);
    docNumber ??= d;
    issuer ??= i;
    date ??= t;
    if (!title && role === 'preamble' && !d && !i && !t && !/[:：]$/u.test(l.text)) title = l;
  }
  title ??= outside.find((l) => roles.get(l.no) === 'appendix' && !/^附\s*件/u.test(l.text));
  return { docNumber, issuer, date, title };
}

/** Returns how many items the title or preamble says the notice holds (`20件`, `22个项目`). */
function readDeclaredTotal(title: string, preamble: readonly string[]): number | undefined {
  // A number cut off from digits before it by a space (`2 0项`, a tab in the source) is no count.
  const inTitle = /(?<![\d.]\s*)([1-9]\d{0,2})\s*(?:项|件|个|条)(?!百分点)/u.exec(fold(title));
  if (inTitle?.[1]) return Number(inTitle[1]);
  for (const text of preamble) {
    const m = /(?<![\d.]\s*)([1-9]\d{0,2})\s*(?:项|件|个)\s*(?:项目|民生|实事|民心|事项)/u.exec(fold(text));
    if (m?.[1]) return Number(m[1]);
  }
  return undefined;
}

/** Returns the year the notice is for: from its title, its date, or the first year it names. */
function readYear(title: string, date: string | undefined, lines: readonly SourceLine[]): number | undefined {
  const fromTitle = /((?:19|20|21)\d{2})\s*年/u.exec(fold(title));
  if (fromTitle?.[1]) return Number(fromTitle[1]);
  if (date) return Number(date.slice(0, 4));
  for (const l of lines) {
    const m = /((?:19|20|21)\d{2})\s*年/u.exec(fold(l.text));
    if (m?.[1]) return Number(m[1]);
  }
  return undefined;
}

/** Merges the appendices' items into the main list: measures attach, wording differences are noted. */
function mergeZones(zones: readonly Zone[], warnings: Warning[]): { items: ItemDraft[]; groups: GroupDraft[]; appendixOf: Map<ItemDraft, ItemDraft> } {
  const withItems = zones.filter((z) => z.items.length > 0);
  const primary = withItems[0];
  const appendixOf = new Map<ItemDraft, ItemDraft>();
  if (!primary) return { items: [], groups: [], appendixOf };
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
      main.measures.push(...extra.measures);
      if (main.parts.length === 0 && extra.parts.length > 0) main.parts.push(...extra.parts);
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
  return { items, groups, appendixOf };
}

/** Returns the passages: one per non-blank line (a line is a paragraph), a table header's cells together. */
function toPassages(lines: readonly SourceLine[], roles: Map<number, PassageRole>, joined: Set<number>): Passage[] {
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
export function parseNotice(input: string): ParseResult {
  try {
    return parse(input);
  } catch (error) {
    // A defect of the parser, not of the input: still no stack trace for the user.
    return { ok: false, error: { line: 0, message: `internal parser error: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

function parse(input: string): ParseResult {
  const { lines, warnings } = readLines(input);
  if (!lines.some((l) => l.text !== '')) return { ok: false, error: { line: 0, message: 'the notice is empty' } };

  const zones = splitZones(lines);
  const roles = new Map<number, PassageRole>();
  const joined = new Set<number>();
  for (const z of zones) {
    for (const [no, role] of z.roles) roles.set(no, role);
    for (const no of z.joined) joined.add(no);
    warnings.push(...z.warnings);
  }
  const { items, groups, appendixOf } = mergeZones(zones, warnings);
  if (items.length === 0) {
    return { ok: false, error: { line: 0, message: 'no recognisable commitments (no numbered list or table of items was found)' } };
  }

  const meta = readMeta(lines, roles);
  if (meta.title) roles.set(meta.title.no, 'title');
  const titleText = meta.title?.text ?? '';
  const year = readYear(titleText, meta.date, lines);
  if (year === undefined) return { ok: false, error: { line: 0, message: 'no year found (expected e.g. “2023年” in the title)' } };

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
  const finishedGroups = finishGroups(groups, numberOf, warnings);

  const preamble = lines.filter((l) => roles.get(l.no) === 'preamble' || roles.get(l.no) === 'explanation').map((l) => l.text);
  const declaredTotal = readDeclaredTotal(titleText, preamble);
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

  const notice: Notice = {
    title: titleText || '（无标题）',
    year,
    groups: finishedGroups,
    commitments,
    passages: toPassages(lines, new Map([...roles].filter(([no]) => !covered.has(no))), joined),
    warnings: warnings.sort((a, b) => a.line - b.line),
  };
  if (meta.issuer) notice.issuer = meta.issuer;
  if (meta.date) notice.date = meta.date;
  if (meta.docNumber) notice.docNumber = meta.docNumber;
  if (declaredTotal !== undefined) notice.declaredTotal = declaredTotal;
  return { ok: true, notice: reorder(notice) };
}

/** Returns the notice with its keys in the documented order (stable JSON). */
function reorder(n: Notice): Notice {
  const out: Notice = { title: n.title, year: n.year } as Notice;
  if (n.issuer) out.issuer = n.issuer;
  if (n.date) out.date = n.date;
  if (n.docNumber) out.docNumber = n.docNumber;
  if (n.declaredTotal !== undefined) out.declaredTotal = n.declaredTotal;
  out.groups = n.groups;
  out.commitments = n.commitments;
  out.passages = n.passages;
  out.warnings = n.warnings;
  return out;
}
