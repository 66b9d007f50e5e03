/**
 * `npm run --silent parse -- [--year YYYY] <file> [--against <notice>]`:
 * prints the record of a notice or, for a progress report, of the report
 * (matched to the notice's commitments with `--against`) as JSON. The file may
 * be text, HTML, Word (.docx, .doc) or PDF (scripts/source-file.ts). `--year`
 * gives the year when the notice states none (its metadata's year); a title
 * that states another year is then warned about.
 * Exit codes: 0 ok, 1 unreadable or unparsable input, 2 usage.
 */
import { documentKind } from '../src/lib/parse/index.ts';
import { fail } from './cli.ts';
import { commandLine } from './lib/args.ts';
import { reportRecord } from './report-io.ts';
import { convertSource, parseSource } from './source-file.ts';

const usage = 'usage: npm run --silent parse -- [--year YYYY] <notice|report: .txt .html .docx .doc .pdf> [--against <notice>]';
const { values, positionals } = commandLine({ usage, options: { year: { type: 'string' }, against: { type: 'string' } }, positionals: { min: 1, max: 1 } });
if (values.against?.startsWith('-')) fail(usage, 2);
if (values.year !== undefined && !/^(19|20|21)\d{2}$/u.test(values.year)) fail(`${usage}  (--year takes a year such as 2024, not “${values.year}”)`, 2);
const file = positionals[0] ?? '';
const converted = await convertSource(file);
if (!converted.ok) fail(converted.message);
let record: object;
if (documentKind(converted.source.text) === 'report') {
  record = await reportRecord(file, converted.source.text, values.against);
} else {
  if (values.against !== undefined) fail(`${file}: error: --against is for progress reports, and this file reads as a notice`, 2);
  const notice = parseSource(file, converted.source, values.year === undefined ? {} : { year: Number(values.year) });
  if (!notice.ok) fail(notice.message);
  record = notice.source.notice;
}
process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
