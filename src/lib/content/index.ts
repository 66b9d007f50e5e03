/**
 * The content stage: parsed records → the Markdown content collections, pure. The ingest plan of a
 * content directory, from parsed notices and their metadata to the files to write, with errors and
 * warnings named by file (`planIngest`); the entries themselves (`toMarkdown`, mdast and
 * remark-stringify); a new notice's metadata skeleton and review (`npm run add`); the check of a
 * notice's original file; and every path and permanent URL of the content and the site (`paths.ts`,
 * the one place they are built).
 */
export type { SourceNotice } from './ingest.ts';
export { planIngest, sha256 } from './ingest.ts';
export type { OutputFile } from './entries.ts';
export { toMarkdown } from './entries.ts';
export { metaSkeleton, placeSlug, readPlace, reviewLines } from './add.ts';
export { checkOriginal } from './original.ts';
export * from './paths.ts';
