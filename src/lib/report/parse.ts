/**
 * Reads a progress or completion report (进展情况, 完成情况, 进度公示) into a
 * typed record: its items with their status words, figures and lines, its
 * overall statements, and everything else as passages or warnings. Pure and
 * linear in its input: no I/O, never throws.
 *
 * Layouts read: tables with one row per line (cells split by `|` or tabs,
 * a header naming 序号/项目名称/实际完成/完成率…, cells may be missing);
 * Word tables flattened to tab-led cells; numbered lists; narrative paragraphs
 * (one item per sentence that states a status); overall sentences and summary
 * counts (`8项中7项基本完成`, `已完成26件，完成率40%`); lists of items under a
 * status heading (`进度滞后的项目：A、B`).
 */
import type { Actual, LineRange, Report, ReportItem, ReportStatement, ReportedStatus, Warning } from '../schema.ts';
import { readDate, readIssuer, readLines, type SourceLine } from '../parse/lines.ts';
import { readMarker } from '../parse/markers.ts';
import { cellText, readTable, tableEnd } from '../parse/table.ts';
import { extractTargets } from '../parse/targets.ts';
import { fold, numeral, squash } from '../parse/text.ts';
import { readStatus, statusFromRate } from './status.ts';

/** Why a text could not be read as a report. */
export interface ReportParseError {
  /** The line concerned, or 0 for the whole text. */
  line: number;
  /** What is wrong, in one line. */
  message: string;
}

/** What `parseReport` returns. */
export type ReportParseResult = { ok: true; report: Report } | { ok: false; error: ReportParseError };

/** What a report table's column holds. */
type Column = 'number' | 'title' | 'unit' | 'target' | 'actual' | 'rate' | 'note' | 'other';

/** Header words of each column role, tested in this order (完成率 before 完成情况). */
const columnWords: ReadonlyArray<readonly [Column, RegExp]> = [
  ['number', /序号|编号|^序$/u],
  ['rate', /完成率|完成比例|比例|百分比/u],
  ['note', /备注|说明|存在问题/u],
  ['unit', /单位|部门/u],
  ['actual', /实际|完成情况|进展|进度|完成|成效/u],
  ['target', /目标|计划|任务|内容/u],
  ['title', /名称|项目|事项|实事/u],
];

/** Returns the role a header cell names. */
function columnOf(text: string): Column {
  const t = text.replace(/\s+/gu, '');
  for (const [role, re] of columnWords) if (re.test(t)) return role;
  return 'other';
}

/** A stated completion rate: `完成率112%`, `完成比例为 95.5%`; a rate cell is just `112%`. */
const rateInText = /(?:完成率|完成比例|完成进度)\s*(?:为|达|达到|是)?\s*(\d+(?:\.\d+)?)\s*%/u;
const rateInCell = /(\d+(?:\.\d+)?)\s*%/u;

/** Returns the completion rate a text states, if any. */
function readRate(text: string, cell: boolean): number | undefined {
  const m = (cell ? rateInCell : rateInText).exec(fold(text));
  return m?.[1] === undefined ? undefined : Number(m[1]);
}

/** Words before a number that make it a restated target or a rate, not an achievement. */
const notAchieved = /目标|计划|任务|完成率|完成比例|完成进度|年度|全年/u;

/** Returns the achieved figures of a text: its numbers with units, less restated targets and rates. */
function readActuals(text: string): Actual[] {
  return extractTargets(text)
    .filter((t) => !notAchieved.test(t.text.slice(0, Math.max(0, t.text.search(/\d/u)))))
    .map((t) => ({ value: t.value, unit: t.unit, text: t.text }));
}

/** Splits a row-per-line table line into cells, or returns undefined when it is no table row. */
function splitRow(raw: string): string[] | undefined {
  const line = raw.trim();
  let cells: string[];
  if (/[|｜]/u.test(line)) cells = line.replace(/^[|｜]|[|｜]$/gu, '').split(/[|｜]/u);
  else if (/\S\t/u.test(raw)) cells = line.split('\t');
  else return undefined;
  cells = cells.map((c) => squash(c));
  return cells.length >= 3 ? cells : undefined;
}

/** Whether a line is a markdown table rule (`|---|---|`). */
const isRule = (raw: string): boolean => /^[\s|｜:：\-—–]+$/u.test(raw) && /[-—–]{3}/u.test(raw);

/** A count of items: `10项`, `七件`. */
const countRe = /(\d+|[一二三四五六七八九十百两]+)\s*(?:项|件)/gu;
/** Words a statement's clause may hold besides its count and status words. */
const statementFiller =
  /[。；;！!？?（）()]|其中|共计|共有|共|已有|还有|尚有|有|全部|均已|均|都|全年|今年|年度|截至目前|目前|累计|已经|已|民生实事|实事|项目|任务|工作|中|里|之中|当中|当年|[全本我各][市区县镇旗乡]|各|的|\s/gu;
/** Ends of a sentence: where a narrative item or statement ends. */
const sentenceEnd = /[。；;！？!?]/u;

/** Returns the value of a count written in Arabic or Chinese numerals. */
function countValue(s: string): number | undefined {
  return numeral(s.replace('两', '二'));
}

/**
 * Returns the statement a sentence makes about many items at once, or
 * undefined when it is none. Each clause holding a count (`7项`) may hold
 * nothing but counts, status words and filler words (`A、B两项已完成` names
 * items and is no statement); a clause may open with the total it divides
 * (`区政府确定的8项民生实事中…`). Status words right before a count are that
 * count's (`已完成26件`); otherwise they are the count's before them
 * (`7项基本完成`).
 */
function readStatement(sentence: string): Omit<ReportStatement, 'source'> | undefined {
  const text = fold(sentence);
  let total: number | undefined;
  const counts: ReportStatement['counts'] = [];
  let rate: number | undefined;
  let all: { status: ReportedStatus; words: string } | undefined;
  let sawCount = false;
  for (const clause of text.split(/[，,、：:]/u)) {
    const r = readRate(clause, false);
    if (r !== undefined && clause.replace(rateInText, '').replace(statementFiller, '') === '') {
      rate = r;
      continue;
    }
    let rest = clause;
    const head = /^(.*?)(\d+|[一二三四五六七八九十百两]+)\s*(?:项|件)(?:民生实事|实事|项目|任务)?\s*(?:中|里|之中|当中)/u.exec(rest);
    if (head?.[2] !== undefined) {
      total = countValue(head[2]);
      sawCount = true;
      rest = rest.slice(head[0].length);
    }
    const found = [...rest.matchAll(countRe)];
    if (found.length === 0) {
      const reading = readStatus(rest);
      if (reading && /全部|均|都/u.test(rest)) all = reading;
      continue;
    }
    // Segments: before the first count, between counts, after the last.
    const bounds = found.map((m) => ({ start: m.index, end: m.index + m[0].length, value: countValue(m[1] ?? '') }));
    const status: Array<{ status: ReportedStatus; words: string } | undefined> = bounds.map(() => undefined);
    let leftover = '';
    for (let k = 0; k <= bounds.length; k++) {
      const from = k === 0 ? 0 : (bounds[k - 1]?.end ?? 0);
      const to = k === bounds.length ? rest.length : (bounds[k]?.start ?? rest.length);
      const segment = rest.slice(from, to);
      const reading = readStatus(segment);
      let left = segment;
      if (reading) {
        left = segment.replace(reading.words, '');
        const atEnd = segment.replace(statementFiller, '').endsWith(reading.words.replace(statementFiller, ''));
        const owner = (atEnd && k < bounds.length) || k === 0 ? k : k - 1;
        if (status[owner] === undefined) status[owner] = reading;
      }
      leftover += left.replace(statementFiller, '').replace(/[如期按时顺利提前圆满正在基本了]/gu, '');
    }
    if (leftover !== '') return undefined;
    sawCount = true;
    bounds.forEach((b, k) => {
      const reading = status[k];
      if (b.value === undefined) return;
      if (reading) {
        counts.push({ status: reading.status, count: b.value, words: reading.words });
        if (/全部|均|都/u.test(rest) && total === undefined && bounds.length === 1) total = b.value;
      } else if (total === undefined) total = b.value;
    });
  }
  if (!sawCount) return undefined;
  if (all && total !== undefined && counts.length === 0) counts.push({ status: all.status, count: total, words: all.words });
  if (counts.length === 0) return undefined;
  if (total === undefined && rate !== undefined && rate > 0 && counts.length === 1) {
    total = Math.round(((counts[0]?.count ?? 0) * 100) / rate);
  }
  return { text: squash(sentence), ...(total !== undefined && total > 0 ? { total } : {}), counts };
}

/** A stretch of text with the source line of each of its characters. */
interface Span {
  text: string;
  lines: number[];
}

/** Returns the 1-based line range a part `[start, end)` of a span stands on. */
function rangeOf(span: Span, start: number, end: number): LineRange {
  const first = span.lines[start] ?? span.lines[0] ?? 1;
  const last = span.lines[Math.max(start, end - 1)] ?? first;
  return { startLine: first, endLine: last };
}

/** Splits a span into sentences (ending at 。；！？), each with its offsets. */
function sentences(span: Span): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  let start = 0;
  for (let i = 0; i < span.text.length; i++) {
    const ch = span.text.charAt(i);
    // A colon that ends a line ends its sentence too (`截至8月31日：` introduces what follows).
    const lineEndColon = (ch === '：' || ch === ':') && span.lines[i + 1] !== undefined && span.lines[i + 1] !== span.lines[i];
    if (sentenceEnd.test(ch) || lineEndColon || i === span.text.length - 1) {
      const text = span.text.slice(start, i + 1);
      if (text.trim() !== '') out.push({ start, end: i + 1, text });
      start = i + 1;
    }
  }
  return out;
}

/** The head of `名称：…` or `名称，…` when short enough to be an item's name. */
function titleOf(text: string): string | undefined {
  const m = /^([^：:，,。；]{2,30})[：:]/u.exec(text);
  return m?.[1] === undefined ? undefined : squash(m[1]);
}

/** The report being built. */
interface Draft {
  items: ReportItem[];
  statements: ReportStatement[];
  passages: Array<{ text: string; source: LineRange }>;
  warnings: Warning[];
}

/** A status heading over a list: `进度滞后的项目有：` — the status its items take unless they state their own. */
interface Inherit {
  status: ReportedStatus;
  words: string;
}

/** Builds an item from its text, status and figures; warns when no status could be read. */
function addItem(
  draft: Draft,
  fields: {
    text: string;
    statusText: string;
    actualText: string;
    rateText?: string;
    rateCell?: boolean;
    title?: string | undefined;
    number?: number | undefined;
    source: LineRange;
    inherit?: Inherit | undefined;
  },
): void {
  const reading = readStatus(fields.statusText);
  const rate = fields.rateText === undefined ? undefined : readRate(fields.rateText, fields.rateCell === true);
  let status: ReportedStatus | null = reading?.status ?? null;
  let words = reading?.words ?? '';
  if (status === null && fields.inherit) {
    status = fields.inherit.status;
    words = fields.inherit.words;
  }
  if (status === null && rate !== undefined) {
    const byRate = statusFromRate(rate);
    if (byRate) {
      status = byRate;
      words = fields.rateCell === true ? (fields.rateText ?? '').trim() : (rateInText.exec(fold(fields.rateText ?? ''))?.[0] ?? '');
    }
  }
  const item: ReportItem = { text: squash(fields.text), status, statusWords: words, actuals: readActuals(fields.actualText), source: fields.source };
  if (fields.title) item.title = fields.title;
  if (fields.number !== undefined) item.number = fields.number;
  if (rate !== undefined) item.completionRate = rate;
  if (status === null) draft.warnings.push({ line: fields.source.startLine, message: '这一项没有说明进度的词语，状态未定' });
  draft.items.push(item);
}

/** Reads a table given as its header cells and rows of cells (with the lines each row took). */
function readRows(draft: Draft, header: readonly string[], rows: ReadonlyArray<{ cells: string[]; source: LineRange }>): void {
  const roles = header.map(columnOf);
  const cell = (cells: readonly string[], role: Column): string => {
    const i = roles.indexOf(role);
    return i >= 0 ? (cells[i] ?? '') : '';
  };
  for (const row of rows) {
    const numberText = cell(row.cells, 'number');
    const number = numberText === '' ? undefined : numeral(numberText);
    const title = cell(row.cells, 'title') || undefined;
    const texts = row.cells.filter((c, i) => c !== '' && roles[i] !== 'number');
    if (texts.length === 0) {
      if (row.cells.some((c) => c !== '')) draft.warnings.push({ line: row.source.startLine, message: '表格这一行只有序号，没有内容' });
      else draft.passages.push({ text: '（空行）', source: row.source });
      continue;
    }
    if (number === undefined && !title) {
      draft.passages.push({ text: texts.join('；'), source: row.source });
      continue;
    }
    const said = [cell(row.cells, 'actual'), cell(row.cells, 'note'), ...row.cells.filter((_, i) => roles[i] === 'other')].join('；');
    addItem(draft, {
      text: texts.join('；'),
      statusText: said,
      actualText: cell(row.cells, 'actual'),
      rateText: cell(row.cells, 'rate'),
      rateCell: true,
      title,
      number,
      source: row.source,
    });
  }
}

/** Reads narrative lines: each sentence is a statement, an item (when it states a status) or a passage. */
function readParagraph(draft: Draft, span: Span): void {
  let pending: { start: number; end: number } | undefined;
  const flush = (): void => {
    if (!pending) return;
    const text = squash(span.text.slice(pending.start, pending.end));
    if (text !== '') draft.passages.push({ text, source: rangeOf(span, pending.start, pending.end) });
    pending = undefined;
  };
  for (const s of sentences(span)) {
    const source = rangeOf(span, s.start, s.end);
    const statement = readStatement(s.text);
    if (statement) {
      flush();
      draft.statements.push({ ...statement, source });
      continue;
    }
    const listed = readInlineList(s.text);
    if (listed) {
      flush();
      draft.passages.push({ text: squash(listed.heading), source });
      for (const name of listed.names) addItem(draft, { text: name, statusText: name, actualText: name, source, inherit: listed.inherit });
      continue;
    }
    if (readStatus(s.text)) {
      flush();
      addItem(draft, { text: s.text, statusText: s.text, actualText: s.text, rateText: s.text, title: titleOf(squash(s.text)), source });
      continue;
    }
    pending = pending ? { start: pending.start, end: s.end } : { start: s.start, end: s.end };
  }
  flush();
}

/** `进度滞后的项目有：A、B。` → the heading, its status and the names listed after the colon. */
function readInlineList(sentence: string): { heading: string; inherit: Inherit; names: string[] } | undefined {
  const m = /^([^：:]{2,40})[：:](.+)$/u.exec(sentence.trim());
  if (!m?.[1] || !m[2]) return undefined;
  const inherit = readStatus(m[1]);
  if (!inherit || !/项目|事项|实事|任务|有/u.test(m[1]) || readStatus(m[2])) return undefined;
  const names = m[2]
    .split(/[、，,；;。]/u)
    .map((n) => squash(n))
    .filter((n) => n !== '');
  if (names.length === 0) return undefined;
  return { heading: `${m[1]}：`, inherit: { status: inherit.status, words: inherit.words }, names };
}

/** `截至10月31日`, `截至2024年12月底`: the as-of date, `YYYY-MM-DD`, given a default year. */
function readAsOf(text: string, year: number | undefined): string | undefined {
  const m = /截(?:至|止)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|(底|末))/u.exec(fold(text));
  if (!m?.[2]) return undefined;
  const y = m[1] ? Number(m[1]) : year;
  if (y === undefined) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  const day = m[3] ? Number(m[3]) : new Date(Date.UTC(y, month, 0)).getUTCDate();
  if (day < 1 || day > 31) return undefined;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Returns true for a line that heads a list of items by status: `推进缓慢的项目有：`. */
function readListHeading(text: string): Inherit | undefined {
  if (!/[：:]$/u.test(text)) return undefined;
  const reading = readStatus(text);
  return reading && /项目|事项|实事|任务|有|如下/u.test(text) ? { status: reading.status, words: reading.words } : undefined;
}

/** Returns the report's record, or why the text is no report. */
export function parseReport(input: string): ReportParseResult {
  const { lines, warnings } = readLines(input);
  const nonBlank = lines.filter((l) => l.text !== '');
  if (nonBlank.length === 0) return { ok: false, error: { line: 0, message: 'the report is empty' } };
  const draft: Draft = { items: [], statements: [], passages: [], warnings: [...warnings] };

  // The title: the first line naming a report, else the first non-blank line.
  const titleLine = nonBlank.slice(0, 6).find((l) => /情况|报告|通报|公示|汇报|进展/u.test(l.text)) ?? nonBlank[0];
  const title = titleLine?.text ?? '';
  let issuer: string | undefined;
  let date: string | undefined;
  for (const line of nonBlank) {
    if (issuer === undefined && line !== titleLine) issuer = readIssuer(line.text);
    if (date === undefined) date = readDate(line.text);
  }
  const yearOf = /(\d{4})\s*年/u.exec(fold(title))?.[1];
  const year = date ? Number(date.slice(0, 4)) : yearOf ? Number(yearOf) : undefined;
  let asOf: string | undefined;
  for (const line of nonBlank) {
    asOf = readAsOf(line.text, year);
    if (asOf) break;
  }

  let inherit: Inherit | undefined;
  let current: { item: Omit<Parameters<typeof addItem>[1], 'source'>; start: number; end: number } | undefined;
  const endItem = (): void => {
    if (!current) return;
    addItem(draft, { ...current.item, source: { startLine: current.start, endLine: current.end } });
    current = undefined;
  };
  let paragraph: Span | undefined;
  const endParagraph = (): void => {
    if (paragraph) readParagraph(draft, paragraph);
    paragraph = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    if (line.text === '') {
      endItem();
      endParagraph();
      inherit = undefined;
      continue;
    }
    const meta = line === titleLine || readIssuer(line.text) === line.text || readDate(line.text) !== undefined;
    if (meta) {
      endItem();
      endParagraph();
      draft.passages.push({ text: line.text, source: { startLine: line.no, endLine: line.no } });
      continue;
    }
    // A Word table flattened to tab-led cells.
    if (line.tab) {
      endItem();
      endParagraph();
      const end = tableEnd(lines, i, () => false);
      const table = readTable(lines.slice(i, end));
      const header = table.header?.fragments ?? [];
      const width = Math.max(1, table.roles.length);
      const rows = table.rows.map((cells) => {
        const nos = cells.flatMap((c) => c.lines);
        return { cells: cells.map(cellText), source: { startLine: Math.min(...nos), endLine: Math.max(...nos) } };
      });
      if (table.header) {
        const nos = table.header.lines;
        draft.passages.push({ text: header.join('；'), source: { startLine: Math.min(...nos), endLine: Math.max(...nos) } });
      }
      readRows(draft, header.length === width ? header : table.roles.map((r) => r), rows);
      draft.warnings.push(...table.warnings);
      i = end - 1;
      continue;
    }
    // A table with one row per line.
    const headerCells = splitRow(line.raw);
    if (headerCells && headerCells.some((c) => /序号|名称|项目/u.test(c))) {
      endItem();
      endParagraph();
      draft.passages.push({ text: headerCells.join('；'), source: { startLine: line.no, endLine: line.no } });
      const rows: Array<{ cells: string[]; source: LineRange }> = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const next = lines[j] as SourceLine;
        if (isRule(next.raw)) {
          draft.passages.push({ text: '表格分隔线', source: { startLine: next.no, endLine: next.no } });
          continue;
        }
        const cells = splitRow(next.raw);
        if (!cells) break;
        rows.push({ cells, source: { startLine: next.no, endLine: next.no } });
      }
      readRows(draft, headerCells, rows);
      i = j - 1;
      continue;
    }
    const heading = readListHeading(line.text);
    if (heading) {
      endItem();
      endParagraph();
      inherit = heading;
      draft.passages.push({ text: line.text, source: { startLine: line.no, endLine: line.no } });
      continue;
    }
    const marker = readMarker(fold(line.text));
    if (marker) {
      endItem();
      endParagraph();
      const rest = line.text.slice(marker.length).trim();
      const isHeading = (marker.style === 'cn' || marker.style === 'cn-paren') && rest.length <= 20 && !readStatus(rest) && !/\d/u.test(rest);
      if (isHeading) {
        draft.passages.push({ text: line.text, source: { startLine: line.no, endLine: line.no } });
        continue;
      }
      current = {
        item: { text: rest, statusText: rest, actualText: rest, rateText: rest, title: titleOf(rest), number: marker.value, inherit },
        start: line.no,
        end: line.no,
      };
      continue;
    }
    if (inherit && !current) {
      endParagraph();
      addItem(draft, { text: line.text, statusText: line.text, actualText: line.text, title: titleOf(line.text), source: { startLine: line.no, endLine: line.no }, inherit });
      continue;
    }
    if (current) {
      current.item.text += line.text;
      current.item.statusText += line.text;
      current.item.actualText += line.text;
      current.item.rateText = `${current.item.rateText ?? ''}${line.text}`;
      current.end = line.no;
      continue;
    }
    // Narrative: lines of one paragraph are joined, then read sentence by sentence.
    paragraph ??= { text: '', lines: [] };
    paragraph.text += line.text;
    for (let k = 0; k < line.text.length; k++) paragraph.lines.push(line.no);
  }
  endItem();
  endParagraph();

  if (draft.items.length === 0 && draft.statements.length === 0) {
    return { ok: false, error: { line: 0, message: 'no item or overall statement with a status was found: is this a progress report?' } };
  }
  const report: Report = {
    kind: 'report',
    title,
    items: draft.items,
    statements: draft.statements,
    passages: draft.passages.sort((a, b) => a.source.startLine - b.source.startLine),
    warnings: draft.warnings.sort((a, b) => a.line - b.line),
  };
  if (issuer) report.issuer = issuer;
  if (date) report.date = date;
  if (asOf) report.asOf = asOf;
  return { ok: true, report: orderKeys(report) };
}

/** Returns the report with its keys in the documented order (kind, title, issuer, date, asOf, …). */
function orderKeys(r: Report): Report {
  return {
    kind: r.kind,
    title: r.title,
    ...(r.issuer ? { issuer: r.issuer } : {}),
    ...(r.date ? { date: r.date } : {}),
    ...(r.asOf ? { asOf: r.asOf } : {}),
    items: r.items,
    statements: r.statements,
    passages: r.passages,
    warnings: r.warnings,
  };
}
