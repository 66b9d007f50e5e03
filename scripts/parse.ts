/**
 * `npm run --silent parse -- <file>`: prints the notice's record as JSON. The
 * file may be text, HTML, Word (.docx, .doc) or PDF (scripts/source-file.ts).
 * Exit codes: 0 ok, 1 unreadable or unparsable input, 2 usage.
 */
import { fail } from './cli.ts';
import { readSourceFile } from './source-file.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.length !== 1 || args[0]?.startsWith('-')) {
  fail('usage: npm run --silent parse -- <notice.txt|.html|.docx|.doc|.pdf>', 2);
}
const file = args[0] ?? '';
const notice = await readSourceFile(file);
process.stdout.write(`${JSON.stringify(notice, null, 2)}\n`);
