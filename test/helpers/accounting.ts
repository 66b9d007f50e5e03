/**
 * The line-accounting rule, stated once for the tests: every non-blank line
 * of a notice is inside a commitment (its source or appendix range) or a
 * passage, and every non-blank line of a report inside an item, a statement
 * or a passage — or the line is named by a warning. Lines are counted here,
 * independently of the parser.
 */
import type { LineRange, Notice, Report } from '../../src/lib/schema.ts';

/** Returns the input's lines: split at CR LF, CR or LF; a final line break does not make a line. */
export function inputLines(input: string): string[] {
  const lines = input.split(/\r\n|\r|\n/u);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

const bookmark = /\[bookmark\s*:[^\][]*\]/giu;

/**
 * Returns true when a line is non-blank: `[bookmark: …]` artefacts removed, it
 * has a character other than white space. Control and zero-width format
 * characters (NUL, U+200B, BOM…) are not text either: a line of nothing else
 * is blank.
 */
export function isNonBlank(line: string): boolean {
  return /[^\s\p{Cc}\p{Cf}]/u.test(line.replace(bookmark, ''));
}

/** Returns the line ranges a record accounts for. */
function accountedRanges(record: Notice | Report): LineRange[] {
  if (record.kind === 'report') return [...record.items, ...record.statements, ...record.passages].map((x) => x.source);
  return [...record.commitments.flatMap((c) => (c.appendixSource ? [c.source, c.appendixSource] : [c.source])), ...record.passages.map((p) => p.source)];
}

/** Returns the 1-based numbers of the non-blank lines that nothing in the record (a notice or a report) accounts for. */
export function unaccountedLines(input: string, record: Notice | Report): number[] {
  const ranges = accountedRanges(record);
  const warned = new Set(record.warnings.map((w) => w.line));
  return inputLines(input).flatMap((line, i) => {
    const no = i + 1;
    return isNonBlank(line) && !warned.has(no) && !ranges.some((r) => r.startLine <= no && no <= r.endLine) ? [no] : [];
  });
}
