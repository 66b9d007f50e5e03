/**
 * Text shaping for pages: highlighting targets in a commitment's wording and
 * laying out the original notice by lines and commitment blocks. Pure.
 */
import type { CommitmentEntry, Target } from '../schema.ts';

/** A run of text, marked when it is a quantitative target. */
export interface Run {
  text: string;
  mark: boolean;
}

/** Returns `text` cut into runs where each target's clause is marked (first occurrence, in order, no overlaps). */
export function highlightTargets(text: string, targets: readonly Target[]): Run[] {
  const spans: Array<[number, number]> = [];
  let from = 0;
  for (const t of targets) {
    const at = text.indexOf(t.text, from);
    const start = at >= 0 ? at : text.indexOf(t.text);
    if (start < 0) continue;
    const end = start + t.text.length;
    if (spans.some(([s, e]) => start < e && s < end)) continue;
    spans.push([start, end]);
    from = end;
  }
  spans.sort((a, b) => a[0] - b[0]);
  const runs: Run[] = [];
  let at = 0;
  for (const [s, e] of spans) {
    if (s > at) runs.push({ text: text.slice(at, s), mark: false });
    runs.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < text.length) runs.push({ text: text.slice(at), mark: false });
  return runs;
}

/** A line of the original notice. */
export interface NumberedLine {
  no: number;
  text: string;
}

/** A stretch of the original notice: loose lines, or the lines of one commitment (or its appendix part). */
export type SourceBlock = { kind: 'lines'; lines: NumberedLine[] } | { kind: 'commitment'; id: string; number: number; appendix: boolean; lines: NumberedLine[] };

/** Returns the anchor id of a commitment's block on the original-notice page. */
export function blockId(number: number, appendix: boolean): string {
  return appendix ? `c${number}-appendix` : `c${number}`;
}

/** Returns the original notice's lines in blocks: each commitment's range (and appendix range) is one block. */
export function sourceBlocks(lines: readonly string[], commitments: readonly CommitmentEntry[]): SourceBlock[] {
  const ranges = commitments
    .flatMap((c) => [
      { number: c.number, appendix: false, start: c.source.startLine, end: c.source.endLine },
      ...(c.appendixSource ? [{ number: c.number, appendix: true, start: c.appendixSource.startLine, end: c.appendixSource.endLine }] : []),
    ])
    .sort((a, b) => a.start - b.start);
  const blocks: SourceBlock[] = [];
  let loose: NumberedLine[] = [];
  let i = 0;
  for (const r of ranges) {
    if (r.start <= i) continue; // overlapping ranges never split a block
    for (; i < r.start - 1 && i < lines.length; i++) loose.push({ no: i + 1, text: lines[i] ?? '' });
    if (loose.length > 0) blocks.push({ kind: 'lines', lines: loose });
    loose = [];
    const own: NumberedLine[] = [];
    for (; i < r.end && i < lines.length; i++) own.push({ no: i + 1, text: lines[i] ?? '' });
    blocks.push({ kind: 'commitment', id: blockId(r.number, r.appendix), number: r.number, appendix: r.appendix, lines: own });
  }
  for (; i < lines.length; i++) loose.push({ no: i + 1, text: lines[i] ?? '' });
  if (loose.length > 0) blocks.push({ kind: 'lines', lines: loose });
  return blocks;
}

/** Returns `text` cut to at most `max` characters, with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
