/**
 * The outline reader: numbered lines in any numbering style (`一、` `（一）`
 * `1.` `（1）` `1）` `①` `01`), group headings with declared counts,
 * explanatory sections around the list, and Word tables flattened to
 * tab-led lines. Each step returns its result; nothing is threaded through.
 */
import type { PassageRole, Warning } from '../../schema.ts';
import type { ItemDraft } from '../item.ts';
import type { SourceLine } from '../lines.ts';
import { isAppendixStart } from '../lines.ts';
import type { OutlineNode } from '../outline.ts';
import { nodeLines, readOutline } from '../outline.ts';
import type { GroupDraft, Reading } from '../reading.ts';
import { emptyReading, pushAll } from '../reading.ts';
import type { ColumnRole, Table } from '../table.ts';
import { cellText, readTable, rowNumber, tableEnd } from '../table.ts';
import { fold, squash } from '../text.ts';
import { joinWrappedNames } from '../units.ts';

/** A count a heading declares at its end: `（3项）`, `(十件)`. */
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
      .map((lines) =>
        squash(
          lines
            .map((l) => l.text)
            .join(' ')
            .replace(/^\s*[0-9０-９]{1,3}\s*[.．、]\s*/u, ''),
        ),
      )
      .filter((m) => m.length > 0),
    lead: [],
    co: [],
    lines: nodeLines(node),
  };
  if (category) draft.category = category;
  return draft;
}

/** What the outline part of a stretch gives: items, groups, and the roles of the other lines. */
interface OutlinePart {
  items: ItemDraft[];
  groups: GroupDraft[];
  roles: Map<number, PassageRole>;
  warnings: Warning[];
}

/** Reads an untabbed stretch as an outline into items, groups and passage roles. */
function readOutlinePart(lines: readonly SourceLine[], appendix: boolean, seenItems: boolean): OutlinePart {
  const roles = new Map<number, PassageRole>();
  const groups: GroupDraft[] = [];
  const { roots, loose } = readOutline(lines);
  for (const stretch of loose) {
    const role: PassageRole = stretch.kind === 'closing' || seenItems ? 'closing' : appendix ? 'appendix' : 'preamble';
    for (const l of stretch.lines) roles.set(l.no, role);
  }
  const setAll = (node: OutlineNode, role: PassageRole): void => {
    for (const no of nodeLines(node)) roles.set(no, role);
    roles.set(node.line.no, 'heading');
  };

  let level = roots;
  const items: ItemDraft[] = [];
  for (;;) {
    const parents = level.filter((n) => n.children.length > 0);
    const allCircled = parents.every((p) => p.children.every((c) => c.marker.style === 'circled'));
    if (parents.length === 0 || allCircled) {
      for (const n of level) items.push(nodeDraft(n, undefined));
      break;
    }
    const only = parents[0];
    if (parents.length === 1 && only && isContainer(only, level)) {
      // One section holds every item; its siblings explain the list.
      for (const n of level) {
        if (n === only) {
          roles.set(n.line.no, 'heading');
          for (const l of [...n.body, ...n.labels]) roles.set(l.no, 'explanation');
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
        groups.push(group);
        roles.set(g.line.no, 'heading');
        for (const l of [...g.body, ...g.labels]) roles.set(l.no, 'explanation');
        for (const child of g.children) {
          const draft = nodeDraft(child, group.name);
          items.push(draft);
          group.items.push(draft);
        }
      }
      break;
    }
    // Items with nested parts.
    for (const n of level) items.push(nodeDraft(n, undefined));
    break;
  }
  const trailing = trailingLines(items, new Map(lines.map((l) => [l.no, l])));
  const warnings: Warning[] = [];
  for (const l of trailing.closing) {
    roles.set(l.no, 'closing');
    if (closingWords.test(l.read)) continue;
    warnings.push({
      line: l.no,
      message: `最后一项之后的这一行按结尾文字处理，未归入第${items.at(-1)?.value ?? ''}项：${l.text.length > 40 ? `${l.text.slice(0, 40)}…` : l.text}`,
    });
  }
  for (const item of items) for (const no of item.lines) roles.delete(no);
  return { items, groups, roles, warnings };
}

/** Words of a document's closing: addressed to the units that carry out the list. */
export const closingWords = /^(各|请|要|以上|上述|特此|望|希望)|要把|务必|切实加强|高度重视|认真组织|抓好落实|确保各项|各项民生实事/u;

/** A line after the last item that says more about it: `其中，…`, `同时…`, `惠及…`. */
const continues = /^(其中|另外|此外|同时|并且|并|包括|含|惠及|涉及|覆盖|总投资|计划投资|预计|力争|确保)/u;

/**
 * Returns the lines after the last item that belong to the document's
 * closing words, which no numbering separates from the last item. Lines past
 * the most any other item has are closing,
 * unless they continue the item (`其中，新增电梯20部…`); the item keeps
 * those. The last item is shortened in place by the lines taken from it.
 */
function trailingLines(items: ItemDraft[], byNo: ReadonlyMap<number, SourceLine>): { closing: SourceLine[] } {
  const last = items.at(-1);
  if (!last || items.length < 3 || last.parts.length > 0) return { closing: [] };
  let most = 0;
  for (const i of items.slice(0, -1)) most = Math.max(most, i.rest.length);
  if (last.rest.length <= most) return { closing: [] };
  const lines = [...last.lines].sort((a, b) => a - b);
  // Lines past `most` body lines, unless a continuing line keeps them and every line before it.
  let keep = most;
  for (let k = most; k < last.rest.length; k++) if (continues.test(byNo.get(lines[k + 1] ?? 0)?.read ?? '')) keep = k + 1;
  if (keep >= last.rest.length) return { closing: [] };
  last.rest = last.rest.slice(0, keep);
  const moved = lines.splice(lines.length - (lines.length - 1 - keep));
  last.lines = lines;
  return { closing: moved.flatMap((no) => byNo.get(no) ?? []) };
}

/** The drafts of a table's rows, and the roles of its header lines. */
interface TablePart {
  items: ItemDraft[];
  roles: Map<number, PassageRole>;
  joined: Set<number>;
  warnings: Warning[];
}

/** Returns the drafts of a table's rows: a row without a number continues the row above it, keeping its own units. */
export function tableDrafts(table: Table): TablePart {
  const drafts: ItemDraft[] = [];
  const warnings: Warning[] = [];
  const roles = new Map<number, PassageRole>();
  const joined = new Set<number>();
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
      // A sub-row: another part of the numbered row above, with units of its own.
      if (previous.parts.length === 0 && previous.head) {
        previous.parts.push(previous.head);
        previous.partUnits = [{ lead: [...previous.lead], co: [...previous.co] }];
      }
      if (content) {
        previous.parts.push(content);
        previous.rest.push(content);
        previous.partUnits?.push({ lead, co });
      }
      pushAll(previous.lead, lead);
      pushAll(previous.co, co);
      pushAll(previous.lines, lines);
      continue;
    }
    if (!content && !title) {
      for (const no of new Set(lines)) warnings.push({ line: no, message: '表格行只有序号、没有内容，未作为事项收录' });
      continue;
    }
    if (number === undefined) {
      warnings.push({ line: lines[0] ?? table.startLine, message: '表格行没有序号，也没有可以归属的上一行' });
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
    for (const no of table.header.lines) roles.set(no, 'heading');
    for (const no of table.header.lines.slice(1)) joined.add(no);
  }
  pushAll(warnings, table.warnings);
  return { items: drafts, roles, joined, warnings };
}

/** Reads one zone (the main document or an appendix): outline parts and tab-led tables, in order. */
export function readOutlineZone(lines: readonly SourceLine[], appendix: boolean): Reading {
  const reading = emptyReading('outline');
  const take = (part: OutlinePart | TablePart): void => {
    pushAll(reading.items, part.items);
    for (const [no, role] of part.roles) reading.roles.set(no, role);
    pushAll(reading.warnings, part.warnings);
    if ('groups' in part) pushAll(reading.groups, part.groups);
    if ('joined' in part) for (const no of part.joined) reading.joined.add(no);
  };
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line?.tab) continue;
    const end = tableEnd(lines, i, (l) => isAppendixStart(l.read));
    let tabbed = 0;
    for (let k = i; k < end && tabbed < 3; k++) if (lines[k]?.tab) tabbed++;
    if (tabbed < 3) continue;
    take(readOutlinePart(lines.slice(from, i), appendix, reading.items.length > 0));
    take(tableDrafts(readTable(lines.slice(i, end))));
    from = end;
    i = end - 1;
  }
  take(readOutlinePart(lines.slice(from), appendix, reading.items.length > 0));
  return reading;
}
