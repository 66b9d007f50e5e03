/**
 * The line-accounting rule, stated once for the tests: every non-blank line
 * of a notice is inside a commitment (its source or appendix range), inside
 * a passage, or named by a warning.
 */
import type { Notice } from '../../src/lib/schema.ts';

/** Returns the 1-based numbers of non-blank lines that nothing in the record accounts for. */
export function unaccountedLines(input: string, notice: Notice): number[] {
  const ranges = [
    ...notice.commitments.flatMap((c) => (c.appendixSource ? [c.source, c.appendixSource] : [c.source])),
    ...notice.passages.map((p) => p.source),
  ];
  const warned = new Set(notice.warnings.map((w) => w.line));
  return input
    .split(/\r\n|\r|\n/u)
    .map((line, i) => ({ line: line.replace(/\[bookmark\s*:[^\][]*\]/giu, ''), no: i + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .filter(({ no }) => !warned.has(no) && !ranges.some((r) => r.startLine <= no && no <= r.endLine))
    .map(({ no }) => no);
}
