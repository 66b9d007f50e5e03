/**
 * The parse stage: a notice's canonical text in, its `Notice` record out (`parseNotice`), and whether
 * a text is a notice or a progress report (`documentKind`). Pure: no file system, clock or console;
 * bad input comes back as `{ ok: false, error }`, never as a throw.
 *
 * Also offered, for the report stage and the converters that read the same kind of text: the source
 * lines (`lines.ts`), numbering markers (`markers.ts`), Word tables flattened to tab-led lines
 * (`table.ts`), quantitative targets (`targets.ts`), unit names (`units.ts`) and the text folding
 * every step reads with (`text.ts`). The layout readers (`readers/`) and the chooser are internal.
 */
export type { ParseError, ParseOptions, ParseResult } from './notice.ts';
export { parseNotice } from './notice.ts';
export type { DocumentKind } from './kind.ts';
export { documentKind } from './kind.ts';

export type { SourceLine } from './lines.ts';
export { isAppendixStart, isClosingLine, isMeasuresLabel, readDate, readDocNumber, readIssuer, readLines, splitLines } from './lines.ts';
export type { Marker, MarkerStyle } from './markers.ts';
export { readMarker } from './markers.ts';
export { cellText, readTable, tableEnd } from './table.ts';
export { extractTargets } from './targets.ts';
export { isWholeUnitName } from './units.ts';
export { withoutNotes } from './item.ts';
export { fold, numeral, squash } from './text.ts';
