/**
 * The line-accounting rule for reports: every non-blank line of a report is
 * inside an item, a statement or a passage, or named by a warning.
 */
import type { Report } from '../../src/lib/schema.ts';

/** Returns the 1-based numbers of non-blank report lines that nothing in the record accounts for. */
export function unaccountedReportLines(input: string, report: Report): number[] {
  const ranges = [...report.items, ...report.statements, ...report.passages].map((x) => x.source);
  const warned = new Set(report.warnings.map((w) => w.line));
  return input
    .split(/\r\n|\r|\n/u)
    .map((line, i) => ({ line, no: i + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .filter(({ no }) => !warned.has(no) && !ranges.some((r) => r.startLine <= no && no <= r.endLine))
    .map(({ no }) => no);
}
