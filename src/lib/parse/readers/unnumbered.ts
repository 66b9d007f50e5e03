/**
 * The unnumbered reader: after an introducing sentence (`如下：`, `具体包括：`,
 * `分别是：`), one item per line — or, when one paragraph follows, one item per
 * sentence (`。` or `；`), also when the introducing sentence opens that
 * paragraph (`…具体如下：实施…。新建…。`, read only when a declared total
 * agrees). Lines may open with their quantity (`20万学生…`)
 * or a quoted name (`“常有善育”工程，包括…`). The reading is trusted when its
 * count agrees with one the text declares (`18项惠民实事如下`); otherwise it
 * comes with a warning asking for a check.
 */
import type { ItemDraft } from '../item.ts';
import type { SourceLine } from '../lines.ts';
import { isAppendixStart, isClosingLine } from '../lines.ts';
import { readMarker } from '../markers.ts';
import { readDeclaredTotals } from '../meta.ts';
import type { Reading } from '../reading.ts';
import { emptyReading } from '../reading.ts';
import { squash } from '../text.ts';
import { closingWords } from './outline.ts';

/** A sentence that introduces a list, ending with a colon. */
const intro = /(如下|下列|以下|具体包括|主要包括|包括|分别是|分别为|具体是|主要有|具体为|具体有|清单|项目|实事|民生)[^。；]{0,20}[：:]$/u;

/** Returns the sentences of a paragraph, each with its closing mark. */
function sentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if ('。；;'.includes(text[i] ?? '')) {
      const s = squash(text.slice(from, i + 1));
      if (s.replace(/[。；;]/gu, '') !== '') out.push(s);
      from = i + 1;
    }
  }
  const tail = squash(text.slice(from));
  if (tail) out.push(tail);
  return out;
}

/** Reads an unnumbered list after an introducing sentence; undefined when there is none. */
export function readUnnumbered(lines: readonly SourceLine[], appendix: boolean): Reading | undefined {
  const body = lines.filter((l) => l.read !== '' && !l.tab);
  const start = body.findIndex((l, i) => intro.test(l.read) && i + 1 < body.length && !isClosingLine(body[i + 1]?.read ?? ''));
  if (start < 0) return readIntroInLine(body, appendix);
  const introLine = body[start];
  if (!introLine) return undefined;
  const listed: SourceLine[] = [];
  let k = start + 1;
  for (; k < body.length; k++) {
    const l = body[k];
    if (!l || isClosingLine(l.read) || isAppendixStart(l.read) || closingWords.test(l.read) || readMarker(l.read)) break;
    listed.push(l);
  }
  if (listed.length === 0) return undefined;
  const reading = emptyReading('unnumbered');
  reading.unnumbered = true;
  const only = listed[0];
  const perSentence = listed.length === 1 && only ? sentences(only.text) : [];
  if (listed.length === 1 && only && perSentence.length >= 2) {
    perSentence.forEach((s, i) => reading.items.push(draft(i + 1, s, [only.no])));
    reading.notes.push(`引导句之后的一段按句读出${perSentence.length}项`);
  } else {
    listed.forEach((l, i) => reading.items.push(draft(i + 1, l.text, [l.no])));
    reading.notes.push(`引导句之后按每行一项读出${listed.length}项`);
  }
  const firstItem = listed[0]?.no ?? 0;
  const inList = new Set(listed);
  for (const l of body) {
    if (inList.has(l)) continue;
    reading.roles.set(l.no, l.no < firstItem ? (appendix ? 'appendix' : 'preamble') : 'closing');
  }
  const before = body.slice(0, start + 1).map((l) => l.read);
  const declared = readDeclaredTotals(before[0] ?? '', before.slice(1));
  if (!declared.includes(reading.items.length)) {
    reading.warnings.push({
      line: introLine.no,
      message: `引导句之后的未编号列表按${listed.length === 1 ? '每句' : '每行'}一项读出${reading.items.length}项，通知没有声明与之相符的总数，请核对`,
    });
  }
  return reading;
}

/** An introducing sentence inside a line, the list after its colon: `…实施民生实事6件，具体如下：实施…。新建…。`. */
const introInLine = /(如下|下列|以下|具体包括|主要包括|分别是|分别为|具体是|具体为|具体有)[^。；：:]{0,20}[：:]/u;

/** An ordinal opening a sentence of an inline list: `第一，`, `一是`. */
const ordinal = /^(第[一二三四五六七八九十]{1,3}[，,、：:]|[一二三四五六七八九十]{1,3}是)/u;

/**
 * Reads one item per sentence after an introducing sentence that opens the
 * same paragraph. Written this way, a paragraph of prose is easily mistaken
 * for a list, so the reading is made only when its count agrees with one the
 * text before the list declares.
 */
function readIntroInLine(body: readonly SourceLine[], appendix: boolean): Reading | undefined {
  for (let i = 0; i < body.length; i++) {
    const line = body[i];
    if (!line || line.read !== line.text) continue;
    const m = introInLine.exec(line.text);
    if (!m) continue;
    const listStart = m.index + m[0].length;
    const items = sentences(line.text.slice(listStart));
    // A list whose sentences open with numbers is the inline reader's (`（1）…`, `第一，…`, `一是…`).
    if (items.length < 2 || items.some((t) => readMarker(t) || ordinal.test(t))) continue;
    // Only the first such paragraph is tried: the declared totals are read once, and reading stays linear.
    const before = [...body.slice(0, i).map((l) => l.read), line.text.slice(0, listStart)];
    const declared = readDeclaredTotals(before[0] ?? '', before.slice(1));
    if (!declared.includes(items.length)) return undefined;
    const reading = emptyReading('unnumbered');
    reading.unnumbered = true;
    reading.inline.push({ role: appendix ? 'appendix' : 'preamble', text: squash(line.text.slice(0, listStart)), line: line.no });
    items.forEach((s, k) => reading.items.push(draft(k + 1, s, [line.no])));
    reading.notes.push(`引导句之后（同一段内）按句读出${items.length}项`);
    for (const l of body) {
      if (l.no !== line.no) reading.roles.set(l.no, l.no < line.no ? (appendix ? 'appendix' : 'preamble') : 'closing');
    }
    return reading;
  }
  return undefined;
}

/** Returns the draft of an unnumbered item. */
function draft(value: number, text: string, lines: number[]): ItemDraft {
  return { value, head: squash(text), rest: [], parts: [], measures: [], lead: [], co: [], lines };
}
