/**
 * One runner for the parser fixtures. `test/fixtures/<quirk>/input.txt` is a
 * small notice showing one layout quirk (written for the project, modelled on
 * a layout family, never copied from a real notice):
 * - `facts.json` holds the facts read off it by hand (a partial record: what
 *   it names must match, arrays in full), or `{ "error": "…" }` with a part of
 *   the message when the input must be refused;
 * - `expected.json` is the golden record, compared whole. A missing golden is
 *   written on the first local run; `UPDATE=1` rewrites them; CI never writes
 *   (a missing golden fails there);
 * - `options.json`, when present, gives the parse options (e.g. the year the
 *   metadata knows).
 * (`fixtures/reports/` holds the report fixtures: `report-fixtures.test.ts`.)
 * Every record must validate against the schema and account for every line.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ParseOptions, ParseResult } from '../src/lib/parse/notice.ts';
import { parseNotice } from '../src/lib/parse/notice.ts';
import { Notice } from '../src/lib/schema.ts';
import { unaccountedLines } from './helpers/accounting.ts';

const root = join(import.meta.dirname, 'fixtures');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'reports')
  .map((d) => d.name)
  .sort();

const ci = Boolean(process.env.CI);
const update = process.env.UPDATE === '1' && !ci;

/** Returns what the golden file holds for a result: the record, or the error. */
function golden(result: ParseResult): unknown {
  return result.ok ? result.notice : { error: result.error };
}

/** Reads a fixture's input, facts, options and result. */
function run(name: string): { input: string; facts: Record<string, unknown>; result: ParseResult } {
  const dir = join(root, name);
  const input = readFileSync(join(dir, 'input.txt'), 'utf8');
  const facts = JSON.parse(readFileSync(join(dir, 'facts.json'), 'utf8')) as Record<string, unknown>;
  const optionsFile = join(dir, 'options.json');
  const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as ParseOptions) : {};
  return { input, facts, result: parseNotice(input, options) };
}

describe('parser fixtures', () => {
  test('should have a fixture for each layout quirk', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  test.each(cases)('should read %s as its hand-read facts say', (name) => {
    const { input, facts, result } = run(name);
    if (typeof facts.error === 'string') {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(facts.error);
      return;
    }
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    expect(Notice.safeParse(result.notice).success).toBe(true);
    expect(result.notice).toMatchObject(facts);
    expect(unaccountedLines(input, result.notice)).toEqual([]);
  });

  test.each(cases)('should give %s exactly its golden record', (name) => {
    const { result } = run(name);
    const file = join(root, name, 'expected.json');
    const actual = golden(result);
    if (update || (!existsSync(file) && !ci)) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    expect(existsSync(file), `${name}/expected.json is missing (run the tests locally to write it)`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
