/**
 * The cells reader: tables flattened without tabs — one cell per line, or a
 * row per line with `|` between cells — under a header row naming the
 * columns (序号, 项目名称, 建设内容/主要内容/目标任务, 建设地点, 完成时限,
 * 投资, 责任单位/牵头单位/主办单位, 配合单位/协办单位…). Columns are mapped
 * by their header names; a row without a 序号 continues the row above; a row
 * with missing cells is realigned by what each cell holds (a unit, a date, an
 * amount), not shifted.
 */
import type { SourceLine } from '../lines.ts';
import { isClosingLine } from '../lines.ts';
import type { Reading } from '../reading.ts';
import { emptyReading, pushAll } from '../reading.ts';
import type { Cell, ColumnRole, Table } from '../table.ts';
import { roleOf } from '../table.ts';
import { fold } from '../text.ts';
import { isWholeUnitName, splitUnitNames } from '../units.ts';
import { tableDrafts } from './outline.ts';

/** Header cells that name no role of ours but are columns all the same. */
const otherHeader =
  /^(建设地点|实施地点|地点|完成时限|完成时间|时间节点|时限|计划投资|总投资|投资|投资额|资金|资金来源|备注|进度安排|年度目标|建设规模|规模|数量)(（.{1,6}）|\(.{1,6}\))?$/u;

/** Returns true when a cell's text is a column header. */
function isHeaderCell(text: string): boolean {
  const t = text.replace(/\s+/gu, '');
  return t.length <= 12 && (roleOf(t) !== 'other' || otherHeader.test(t));
}

/** What a cell's content looks like, for realigning a short row. */
function contentKind(text: string): 'unit' | 'date' | 'money' | 'text' {
  const t = fold(text);
  if (t.length <= 16 && /(\d{1,2}月|年底|年内|年前|季度|\d{4}年)(底|前|内|末)?$/u.test(t)) return 'date';
  if (t.length <= 16 && /^[\d.]+\s*(万元|亿元|元)$/u.test(t)) return 'money';
  const names = splitUnitNames(t);
  if (t.length <= 40 && names.length > 0 && names.every((n) => n.length <= 14 && isWholeUnitName(n))) return 'unit';
  return 'text';
}

/** The column a header names for a kind of content. */
function columnFor(header: readonly string[], roles: readonly ColumnRole[], kind: 'date' | 'money'): number {
  const re = kind === 'date' ? /时限|时间|节点/u : /投资|资金/u;
  return header.findIndex((h, i) => roles[i] === 'other' && re.test(h));
}

/**
 * Returns the cells of a row placed under the header: in order when the row
 * is full, else by content (units to the unit columns, dates and amounts to
 * theirs, the rest to the title and text columns in order).
 */
function align(values: ReadonlyArray<{ text: string; line: number }>, header: readonly string[], roles: readonly ColumnRole[]): Cell[] {
  const row: Cell[] = header.map(() => ({ fragments: [], lines: [] }));
  const put = (i: number, v: { text: string; line: number }): void => {
    const cell = row[i];
    if (!cell) return;
    cell.fragments.push(v.text);
    cell.lines.push(v.line);
  };
  if (values.length === header.length) {
    values.forEach((v, i) => put(i, v));
    return row;
  }
  const free = roles.flatMap((r, i) =>
    r === 'title' || r === 'text' || (r === 'other' && columnFor(header, roles, 'date') !== i && columnFor(header, roles, 'money') !== i) ? [i] : [],
  );
  const unitCols = roles.flatMap((r, i) => (r === 'lead' || r === 'co' ? [i] : []));
  let nextFree = 0;
  let nextUnit = 0;
  for (const v of values) {
    const i = roles.indexOf('number');
    if (i >= 0 && row[i]?.fragments.length === 0 && /^\d{1,4}$/u.test(fold(v.text))) {
      put(i, v);
      continue;
    }
    const kind = contentKind(v.text);
    if (kind === 'unit' && unitCols.length > 0) {
      // More units than unit columns: the last column holds them all (a cell wrapped over lines).
      put(unitCols[Math.min(nextUnit++, unitCols.length - 1)] ?? 0, v);
      continue;
    }
    if (kind === 'date' || kind === 'money') {
      const c = columnFor(header, roles, kind);
      if (c >= 0) {
        put(c, v);
        continue;
      }
    }
    const c = free[Math.min(nextFree, free.length - 1)];
    if (c !== undefined) put(c, v);
    nextFree++;
  }
  return row;
}

/** Splits a `|`-separated line into its cells (outer bars dropped). */
function barCells(text: string): string[] {
  return text
    .replace(/^\s*[|｜]|[|｜]\s*$/gu, '')
    .split(/[|｜]/u)
    .map((c) => c.trim());
}

/** Reads a table of `|`-separated rows. */
function barTable(lines: readonly SourceLine[]): { table: Table; used: number[] } | undefined {
  const barred = lines.filter((l) => !l.tab && (l.read.match(/[|｜]/gu)?.length ?? 0) >= 2);
  const headerLine = barred.find((l) => barCells(l.read).filter(isHeaderCell).length >= 2);
  if (!headerLine) return undefined;
  const header = barCells(headerLine.read);
  const roles = header.map(roleOf);
  const used = [headerLine.no];
  /** The `| --- |` line under a Markdown header: part of the header. */
  const rule: number[] = [];
  const rows: Cell[][] = [];
  for (const l of barred) {
    if (l.no <= headerLine.no) continue;
    used.push(l.no);
    if (/^[\s|｜:：\-—]+$/u.test(l.read)) {
      rule.push(l.no);
      continue;
    }
    const cells = barCells(l.text);
    const values = cells.flatMap((text) => (text === '' ? [] : [{ text, line: l.no }]));
    // A row of as many cells as the header keeps its empty cells in place (a sub-row has no 序号).
    const row = cells.length === header.length ? cells.map((text) => ({ fragments: text ? [text] : [], lines: [l.no] })) : align(values, header, roles);
    rows.push(row);
  }
  if (rows.length === 0) return undefined;
  return {
    table: {
      header: { fragments: header, lines: [headerLine.no, ...rule] },
      roles: withText(roles),
      rows,
      startLine: headerLine.no,
      endLine: used.at(-1) ?? headerLine.no,
      warnings: [],
    },
    used,
  };
}

/** Returns the roles with a text column (the first `other` becomes it when none is named). */
function withText(roles: ColumnRole[]): ColumnRole[] {
  if (roles.includes('text') || roles.includes('title')) return roles;
  const i = roles.indexOf('other');
  return i < 0 ? roles : roles.map((r, k) => (k === i ? 'text' : r));
}

/** Reads a table flattened one cell per line: a run of header cells, then rows opened by 1, 2, 3…. */
function lineTable(lines: readonly SourceLine[]): { table: Table; used: number[] } | undefined {
  const body = lines.filter((l) => l.read !== '' && !l.tab);
  let at = -1;
  let width = 0;
  for (let i = 0; i < body.length && at < 0; i++) {
    let k = i;
    while (k < body.length && isHeaderCell(body[k]?.read ?? '')) k++;
    if (k - i >= 3 && /^\d{1,4}$/u.test(fold(body[k]?.read ?? ''))) {
      at = i;
      width = k - i;
    }
  }
  if (at < 0) return undefined;
  const headerLines = body.slice(at, at + width);
  const header = headerLines.map((l) => l.read.replace(/\s+/gu, ''));
  const roles = withText(header.map(roleOf));
  const rows: Cell[][] = [];
  const used = headerLines.map((l) => l.no);
  let expected = 1;
  let current: Array<{ text: string; line: number }> | undefined;
  const flush = (): void => {
    if (current) rows.push(align(current, header, roles));
  };
  for (const l of body.slice(at + width)) {
    if (isClosingLine(l.read)) break;
    if (fold(l.read) === String(expected)) {
      flush();
      current = [{ text: l.text, line: l.no }];
      expected++;
    } else if (current) current.push({ text: l.text, line: l.no });
    else break;
    used.push(l.no);
  }
  flush();
  if (rows.length === 0) return undefined;
  return {
    table: { header: { fragments: header, lines: headerLines.map((l) => l.no) }, roles, rows, startLine: headerLines[0]?.no ?? 0, endLine: used.at(-1) ?? 0, warnings: [] },
    used,
  };
}

/** Reads a zone holding a table without tabs; undefined when there is none. */
export function readCellTable(lines: readonly SourceLine[], appendix: boolean): Reading | undefined {
  const found = barTable(lines) ?? lineTable(lines);
  if (!found) return undefined;
  const { table, used } = found;
  const part = tableDrafts(table);
  const reading = emptyReading('cells');
  pushAll(reading.items, part.items);
  pushAll(reading.warnings, part.warnings);
  for (const [no, role] of part.roles) reading.roles.set(no, role);
  for (const no of part.joined) reading.joined.add(no);
  const inTable = new Set(used);
  for (const l of lines) {
    if (l.read === '' || inTable.has(l.no)) continue;
    reading.roles.set(l.no, l.no < table.startLine ? (appendix ? 'appendix' : 'preamble') : 'closing');
  }
  reading.notes.push(`表格（${table.rows.length}行）按表头“${(table.header?.fragments ?? []).join('、')}”对应各列`);
  return reading;
}
