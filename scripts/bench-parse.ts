/**
 * `node scripts/bench-parse.ts [--sizes 10000,100000,1000000]`: prints the
 * parser's time and output size on the pathological inputs
 * (`tools/bench/pathological.ts`) at each size, with the time per thousand
 * characters so that linear growth shows as a flat column. `npm run bench`
 * runs it first. Figures only; no test depends on them.
 */
import { pathological, pathologicalKinds } from '../tools/bench/pathological.ts';
import { formatBytes, markdownTable } from '../tools/bench/stats.ts';
import { parseNotice } from '../src/lib/parse/index.ts';
import { fail } from './cli.ts';

const args = process.argv.slice(2).filter((a) => a !== '--');
let sizes = [10_000, 100_000, 1_000_000];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--sizes' && /^\d+(,\d+)*$/u.test(args[i + 1] ?? '')) sizes = (args[++i] ?? '').split(',').map(Number);
  else fail('usage: node scripts/bench-parse.ts [--sizes 10000,100000,1000000]', 2);
}

// Warm the parser (and OpenCC's dictionaries) once, so the first row measures parsing.
parseNotice(pathological('many-items', 10_000));

const rows: string[][] = [];
for (const kind of pathologicalKinds) {
  for (const size of sizes) {
    const input = pathological(kind, size);
    const start = performance.now();
    const result = parseNotice(input);
    const ms = performance.now() - start;
    const output = result.ok ? JSON.stringify(result.notice).length : 0;
    rows.push([
      kind,
      input.length.toLocaleString('en'),
      result.ok ? String(result.notice.commitments.length) : `error: ${result.error.message}`,
      `${ms.toFixed(0)} ms`,
      `${((ms / input.length) * 1000).toFixed(2)} ms`,
      formatBytes(output),
      (output / input.length).toFixed(1),
    ]);
  }
}
process.stdout.write('\n## Parser on pathological inputs\n\n');
process.stdout.write(`${markdownTable(['input', 'characters', 'commitments', 'parse', 'per 1,000 chars', 'JSON', 'JSON per char'], rows)}\n`);
