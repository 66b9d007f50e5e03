/**
 * `npm run --silent parse -- <file> [--against <notice>]`: prints the record
 * of a notice or, for a progress report, of the report (matched to the
 * notice's commitments with `--against`) as JSON. The file may be text, HTML,
 * Word (.docx, .doc) or PDF (scripts/source-file.ts).
 * Exit codes: 0 ok, 1 unreadable or unparsable input, 2 usage.
 */
import { documentKind } from '../src/lib/parse/kind.ts';
import { fail } from './cli.ts';
import { reportRecord } from './report-io.ts';
import { convertSource, parseSource } from './source-file.ts';

const usage = 'usage: npm run --silent parse -- <notice|report: .txt .html .docx .doc .pdf> [--against <notice>]';
const args = process.argv.slice(2).filter((a) => a !== '--');
const at = args.indexOf('--against');
const against = at >= 0 ? args[at + 1] : undefined;
const files = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;
if (files.length !== 1 || files[0]?.startsWith('-') || (at >= 0 && (against === undefined || against.startsWith('-')))) {
  fail(usage, 2);
}
const file = files[0] ?? '';
const converted = await convertSource(file);
if (!converted.ok) fail(converted.message);
let record: object;
if (documentKind(converted.source.text) === 'report') {
  record = await reportRecord(file, converted.source.text, against);
} else {
  if (against !== undefined) fail(`${file}: error: --against is for progress reports, and this file reads as a notice`, 2);
  const parsed = parseSource(file, converted.source);
  if (!parsed.ok) fail(parsed.message);
  record = { kind: 'notice', ...parsed.source.notice };
}
process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
