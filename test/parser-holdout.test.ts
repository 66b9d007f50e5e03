/**
 * Hold-out notices: written last, modelled on the layout families, and never
 * used to tune a rule. They measure how general the readers are: the share
 * read to the exact commitment count (with the hand-read titles and units)
 * is printed. Whatever is not read exactly must say so: an error, or a
 * warning that names the count or the lines it could not place.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseNotice } from '../src/lib/parse/notice.ts';

const root = join(import.meta.dirname, 'parser-holdout');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** The facts read off a hold-out notice by hand. */
interface Facts {
  count: number;
  titles?: Record<string, string>;
  lead?: Record<string, string[]>;
}

/** Returns whether a hold-out notice is read exactly, and what went wrong when not. */
function judge(name: string): { exact: boolean; said: boolean; detail: string } {
  const input = readFileSync(join(root, name, 'input.txt'), 'utf8');
  const facts = JSON.parse(readFileSync(join(root, name, 'facts.json'), 'utf8')) as Facts;
  const result = parseNotice(input);
  if (!result.ok) return { exact: false, said: !result.error.message.startsWith('internal'), detail: result.error.message };
  const { commitments, warnings } = result.notice;
  const titleMisses = Object.entries(facts.titles ?? {}).filter(([n, t]) => commitments.find((c) => c.number === Number(n))?.title !== t);
  const leadMisses = Object.entries(facts.lead ?? {}).filter(([n, l]) => JSON.stringify(commitments.find((c) => c.number === Number(n))?.leadUnits) !== JSON.stringify(l));
  const exact = commitments.length === facts.count && titleMisses.length === 0 && leadMisses.length === 0;
  const said = warnings.some((w) => /项|未能|核对/u.test(w.message));
  const detail = `${commitments.length} of ${facts.count}${titleMisses.length ? `, titles ${titleMisses.map(([n]) => n).join(',')}` : ''}${leadMisses.length ? `, units ${leadMisses.map(([n]) => n).join(',')}` : ''}`;
  return { exact, said, detail };
}

describe('hold-out notices', () => {
  const results = cases.map((name) => ({ name, ...judge(name) }));

  test('should print the share read exactly', () => {
    const exact = results.filter((r) => r.exact).length;
    const lines = results.map((r) => `  ${r.exact ? '✓' : '✗'} ${r.name}: ${r.detail}`);
    console.log(`hold-out: ${exact} of ${results.length} read exactly (${Math.round((100 * exact) / results.length)} %)\n${lines.join('\n')}`);
    expect(results.length).toBeGreaterThanOrEqual(10);
  });

  test.each(cases)('should read %s exactly or say what it did not understand', (name) => {
    const r = results.find((x) => x.name === name);
    expect(r?.exact || r?.said, r?.detail).toBe(true);
  });
});
