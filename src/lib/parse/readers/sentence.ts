/**
 * The one-sentence reader: a list written inside one sentence after
 * `即`/`包括`/`分别是`, its names separated by `、` with the last often
 * joined by `和`/`及` (which also occur inside names: `罗家台村和平渠…`), or
 * quoted names run together (`“A”“B”“C”`). It splits only when a count the
 * text declares agrees; otherwise the sentence stays one item, with a warning.
 */
import type { ItemDraft } from '../item.ts';
import type { SourceLine } from '../lines.ts';
import { readDeclaredTotals } from '../meta.ts';
import type { Reading } from '../reading.ts';
import { emptyReading } from '../reading.ts';
import { squash } from '../text.ts';

/** The word that opens the list, and the list up to the sentence's end. */
const opener = /(即|包括|分别是|分别为|具体是|具体为|主要是|分别有)[：:，,]?\s*/u;

/** One way to cut the list: the pieces and where each starts in the line. */
interface Cut {
  pieces: Array<{ text: string; start: number }>;
  how: string;
}

/** Returns the ways a list may be cut into names: quoted names, or at `、` (and at the last `和`/`及`). */
function cuts(list: string, offset: number): Cut[] {
  const out: Cut[] = [];
  const quoted = [...list.matchAll(/[“"「]([^”"」]{1,40})[”"」]/gu)];
  const between = list.replace(/[“"「][^”"」]{1,40}[”"」]/gu, '').replace(/[、和及与以及，,\s等]/gu, '');
  if (quoted.length >= 2 && between.length <= 12) {
    out.push({ pieces: quoted.map((m) => ({ text: m[0], start: offset + m.index })), how: '引号中的名称' });
  }
  const parts: Array<{ text: string; start: number }> = [];
  let from = 0;
  for (const m of list.matchAll(/、/gu)) {
    parts.push({ text: list.slice(from, m.index), start: offset + from });
    from = m.index + 1;
  }
  parts.push({ text: list.slice(from), start: offset + from });
  if (parts.length >= 2) {
    out.push({ pieces: parts, how: '顿号分隔' });
    const last = parts.at(-1);
    const join = last ? /(以及|和|及|与)/u.exec(last.text) : null;
    if (last && join && join.index > 0) {
      const split = [
        ...parts.slice(0, -1),
        { text: last.text.slice(0, join.index), start: last.start },
        { text: last.text.slice(join.index + join[0].length), start: last.start + join.index + join[0].length },
      ];
      out.push({ pieces: split, how: `顿号分隔，最后一项以“${join[0]}”相连` });
    }
  }
  return out.map((c) => ({ ...c, pieces: c.pieces.map((p) => ({ ...p, text: squash(p.text) })).filter((p) => p.text !== '') }));
}

/** A quoted name, whole. */
const quotedName = /[“"「][^”"」]{1,40}[”"」]/gu;

/**
 * Returns the cut to keep among those whose count agrees: a cut at `、`
 * whose every piece holds one quoted name and words around it
 * (`“清水入户”工程、“夜间亮灯”行动和…`) keeps those words; else the first.
 */
function preferred(agreeing: readonly Cut[]): Cut | undefined {
  const whole = agreeing.find(
    (c) => !c.how.startsWith('引号') && c.pieces.every((p) => (p.text.match(quotedName) ?? []).length === 1) && c.pieces.some((p) => p.text.replace(quotedName, '') !== ''),
  );
  return whole ?? agreeing[0];
}

/** Reads a list written in one sentence; undefined when no sentence lists. */
export function readSentenceList(lines: readonly SourceLine[], appendix: boolean): Reading | undefined {
  for (const line of lines) {
    if (line.tab || line.read === '' || line.read !== line.text) continue;
    const m = opener.exec(line.text);
    if (!m) continue;
    const listStart = m.index + m[0].length;
    const end = line.text.slice(listStart).search(/[。；;！!]/u);
    const listEnd = end < 0 ? line.text.length : listStart + end;
    const list = line.text.slice(listStart, listEnd);
    const options = cuts(list, listStart);
    if (options.length === 0) continue;
    const index = lines.indexOf(line);
    const before = [
      ...lines
        .slice(0, index)
        .map((l) => l.read)
        .filter((t) => t !== ''),
      line.text.slice(0, m.index),
    ];
    const declared = readDeclaredTotals(before[0] ?? '', before.slice(1));
    const agreeing = preferred(options.filter((c) => declared.includes(c.pieces.length)));
    const reading = emptyReading('sentence');
    reading.unnumbered = true;
    const lead = squash(line.text.slice(0, listStart));
    if (lead) reading.inline.push({ role: appendix ? 'appendix' : 'preamble', text: lead, line: line.no });
    const tail = squash(line.text.slice(listEnd).replace(/^[。；;！!]/u, ''));
    if (tail !== '') reading.inline.push({ role: 'closing', text: tail, line: line.no });
    const item = (value: number, text: string): ItemDraft => ({ value, head: text, rest: [], parts: [], measures: [], lead: [], co: [], lines: [line.no] });
    if (agreeing) {
      agreeing.pieces.forEach((p, i) => reading.items.push(item(i + 1, p.text)));
      reading.notes.push(`一句话列举（${agreeing.how}），分项数与通知所称的${agreeing.pieces.length}项一致`);
    } else {
      reading.items.push(item(1, squash(list)));
      reading.warnings.push({
        line: line.no,
        message: `这一句列举了若干事项（${options.map((c) => `${c.how}可分为${c.pieces.length}项`).join('，')}），但没有与之相符的总数，作为一项收录，请核对`,
      });
    }
    for (const l of lines) {
      if (l.read === '' || l.no === line.no) continue;
      reading.roles.set(l.no, l.no < line.no ? (appendix ? 'appendix' : 'preamble') : 'closing');
    }
    return reading;
  }
  return undefined;
}
