/**
 * One runner for the report fixtures: `test/fixtures/reports/<quirk>/` holds a
 * fixture report of one layout (`report.txt`, written for the tests, not a
 * real document), the small fixture notice it reports on (`notice.txt`), an
 * optional `report.yaml` with reviewed overrides, and `facts.json` with what
 * was read off them by hand: the record's header, every match in order as
 * `[first line, commitment, by, status, status words]`, figures, rates and the
 * lines warned about.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseNotice } from '../src/lib/parse/notice.ts';
import { matchReport } from '../src/lib/report/match.ts';
import { parseReport } from '../src/lib/report/parse.ts';
import { Report, ReportMeta } from '../src/lib/schema.ts';
import { unaccountedLines } from './helpers/accounting.ts';

const root = join(import.meta.dirname, 'fixtures', 'reports');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** The facts of one fixture, read by hand. */
interface Facts {
  report: Record<string, unknown>;
  matches: Array<[number, number | null, string | null, string | null, string]>;
  actuals?: Record<string, Array<[number, string]>>;
  rates?: Record<string, number>;
  sources?: Record<string, [number, number]>;
  warningLines: number[];
}

/** Reads, parses and matches one fixture. */
function load(name: string) {
  const dir = join(root, name);
  const input = readFileSync(join(dir, 'report.txt'), 'utf8');
  const facts = JSON.parse(readFileSync(join(dir, 'facts.json'), 'utf8')) as Facts;
  const metaFile = join(dir, 'report.yaml');
  const overrides = existsSync(metaFile) ? (ReportMeta.pick({ overrides: true }).parse(parseYaml(readFileSync(metaFile, 'utf8'))).overrides ?? {}) : {};
  const parsed = parseReport(input);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error.message}`);
  const notice = parseNotice(readFileSync(join(dir, 'notice.txt'), 'utf8'));
  if (!notice.ok) throw new Error(`${name}: notice: ${notice.error.message}`);
  const matched = matchReport(parsed.report, notice.notice, overrides);
  return { input, facts, report: parsed.report, matched };
}

describe('report fixtures', () => {
  test('should have a fixture for each report layout of the issue', () => {
    expect(cases).toEqual(
      expect.arrayContaining(['table-rows', 'flattened-table', 'numbered-list', 'narrative-statement', 'overall-all-done', 'summary-counts', 'lagging-list', 'ambiguous-override']),
    );
  });

  test.each(cases)('should read %s as its facts say', (name) => {
    const { input, facts, report, matched } = load(name);
    expect(Report.safeParse(report).success).toBe(true);
    expect(report).toMatchObject(facts.report);
    expect(matched.items.map((i) => [i.source.startLine, i.commitment, i.match?.by ?? null, i.status, i.statusWords])).toEqual(facts.matches);
    for (const [line, values] of Object.entries(facts.actuals ?? {})) {
      const item = report.items.find((i) => i.source.startLine === Number(line));
      expect(
        item?.actuals.map((a) => [a.value, a.unit]),
        `actuals of line ${line}`,
      ).toEqual(values);
    }
    for (const [line, rate] of Object.entries(facts.rates ?? {})) {
      expect(report.items.find((i) => i.source.startLine === Number(line))?.completionRate, `rate of line ${line}`).toBe(rate);
    }
    for (const [line, [start, end]] of Object.entries(facts.sources ?? {})) {
      expect(report.items.find((i) => i.source.startLine === Number(line))?.source).toEqual({ startLine: start, endLine: end });
    }
    const warnings = [...report.warnings, ...matched.warnings].map((w) => w.line).sort((a, b) => a - b);
    expect(warnings).toEqual(facts.warningLines);
    expect(unaccountedLines(input, report)).toEqual([]);
  });

  test('should tie every matched item with a score between 0 and 1 and leave unmatched ones without a match', () => {
    for (const name of cases) {
      for (const item of load(name).matched.items) {
        if (item.commitment === null) expect(item.match).toBeUndefined();
        else expect(item.match?.score).toBeGreaterThan(0);
      }
    }
  });
});
