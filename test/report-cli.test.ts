/**
 * `npm run --silent parse` on progress reports, run as a child process: a
 * report prints `kind: report`, `--against` ties its items to the notice, a
 * notice prints `kind: notice`, and misuse fails with one line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { Notice, Report } from '../src/lib/schema.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const node = join(projectRoot, 'node_modules', '.bin', 'node');
const fixture = join(projectRoot, 'test', 'fixtures', 'reports', 'table-rows');
const dir = mkdtempSync(join(tmpdir(), 'minsheng-report-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the parse script with `args`. */
function parse(...args: string[]) {
  const r = spawnSync(node, ['scripts/parse.ts', ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run parse on reports', () => {
  test('should print a report record with kind report and no commitments without --against', () => {
    const run = parse(join(fixture, 'report.txt'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = Report.parse(JSON.parse(run.stdout));
    expect(report.kind).toBe('report');
    expect(report.asOf).toBe('2024-09-30');
    expect(report.items).toHaveLength(8);
    expect(report.items.every((i) => i.commitment === undefined)).toBe(true);
  });

  test('should tie each item to a commitment with how and how sure when given --against', () => {
    const run = parse(join(fixture, 'report.txt'), '--against', join(fixture, 'notice.txt'));
    expect(run.status).toBe(0);
    const report = Report.parse(JSON.parse(run.stdout));
    expect(report.items.map((i) => [i.commitment, i.match?.by])).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, 'number']));
  });

  test('should print kind notice for a notice', () => {
    const run = parse(join(fixture, 'notice.txt'));
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { kind: string };
    expect(json.kind).toBe('notice');
    expect(Notice.parse(json).commitments).toHaveLength(8);
  });

  test('should fail with one line naming the file when a report states no status at all', () => {
    const file = join(dir, 'empty-report.txt');
    writeFileSync(file, '某区2024年民生实事进展情况\n本季度各单位认真落实。\n');
    const run = parse(file);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${file}: error: no item or overall statement with a status was found: is this a progress report?\n`);
  });

  test('should fail with the usage line when --against has no file', () => {
    const run = parse(join(fixture, 'report.txt'), '--against');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatchInlineSnapshot(`
      "usage: npm run --silent parse -- [--year YYYY] <notice|report: .txt .html .docx .doc .pdf> [--against <notice>]  (--against needs a value)
      "
    `);
  });
});
