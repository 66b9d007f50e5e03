/**
 * `npm run --silent parse -- [--year YYYY] <file.txt>`: prints the notice's
 * record as JSON. `--year` gives the year when the notice states none (its
 * metadata's year); a title that states another year is then warned about.
 * Exit codes: 0 ok, 1 unreadable or unparsable input, 2 usage.
 */
import { readNoticeFile, fail } from './cli.ts';

const usage = 'usage: npm run --silent parse -- [--year YYYY] <notice.txt>';
const args = process.argv.slice(2).filter((a) => a !== '--');
let year: number | undefined;
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i] ?? '';
  if (a === '--year') {
    const v = args[++i] ?? '';
    if (!/^(19|20|21)\d{2}$/u.test(v)) fail(`${usage}  (--year takes a year such as 2024, not “${v}”)`, 2);
    year = Number(v);
  } else if (a.startsWith('-')) fail(usage, 2);
  else files.push(a);
}
if (files.length !== 1) fail(usage, 2);
const notice = readNoticeFile(files[0] ?? '', year === undefined ? {} : { year });
process.stdout.write(`${JSON.stringify(notice, null, 2)}\n`);
