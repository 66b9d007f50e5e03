/**
 * One runner for the parser fixtures: `test/fixtures/<quirk>/input.txt` is a
 * small notice showing one layout quirk, and `facts.json` beside it holds the
 * facts read off it by hand (a partial record: what it names must match,
 * arrays in full). Every fixture must also validate against the schema.
 * (`fixtures/reports/` holds the report fixtures: `report-fixtures.test.ts`.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseNotice } from '../src/lib/parse/notice.ts';
import { Notice } from '../src/lib/schema.ts';
import { unaccountedLines } from './helpers/accounting.ts';

const root = join(import.meta.dirname, 'fixtures');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'reports')
  .map((d) => d.name)
  .sort();

describe('parser fixtures', () => {
  test('should have a fixture for each layout quirk', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  test.each(cases)('should read %s as its facts say', (name) => {
    const input = readFileSync(join(root, name, 'input.txt'), 'utf8');
    const facts: unknown = JSON.parse(readFileSync(join(root, name, 'facts.json'), 'utf8'));
    const result = parseNotice(input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    expect(Notice.safeParse(result.notice).success).toBe(true);
    expect(result.notice).toMatchObject(facts as object);
    expect(unaccountedLines(input, result.notice)).toEqual([]);
  });
});
