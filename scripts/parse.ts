/**
 * `npm run --silent parse -- <file.txt> [--against <notice.txt>]`: prints the
 * record of a notice or, for a progress report, of the report (matched to the
 * notice's commitments with `--against`) as JSON.
 * Exit codes: 0 ok, 1 unreadable or unparsable input, 2 usage.
 */
import { documentKind } from '../src/lib/parse/kind.ts';
import { readNoticeFile, fail } from './cli.ts';
import { readTextFile, reportRecord } from './report-io.ts';

const usage = 'usage: npm run --silent parse -- <notice.txt | report.txt> [--against <notice.txt>]';
const args = process.argv.slice(2).filter((a) => a !== '--');
const at = args.indexOf('--against');
const against = at >= 0 ? args[at + 1] : undefined;
const files = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;
if (files.length !== 1 || files[0]?.startsWith('-') || (at >= 0 && (against === undefined || against.startsWith('-')))) {
  fail(usage, 2);
}
const file = files[0] ?? '';
const text = readTextFile(file);
let record: object;
if (documentKind(text) === 'report') {
  record = reportRecord(file, text, against);
} else {
  if (against !== undefined) fail(`${file}: error: --against is for progress reports, and this file reads as a notice`, 2);
  record = { kind: 'notice', ...readNoticeFile(file) };
}
process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
