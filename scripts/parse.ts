/**
 * `npm run --silent parse -- <file.txt>`: prints the notice's record as JSON.
 * Exit codes: 0 ok, 1 unreadable or unparsable input, 2 usage.
 */
import { readNoticeFile, fail } from './cli.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.length !== 1 || args[0]?.startsWith('-')) {
  fail('usage: npm run --silent parse -- <notice.txt>', 2);
}
const file = args[0] ?? '';
const notice = readNoticeFile(file);
process.stdout.write(`${JSON.stringify(notice, null, 2)}\n`);
