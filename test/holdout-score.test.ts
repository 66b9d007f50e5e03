/**
 * Scoring of the blind hold-out measurement (tools/bench/holdout.ts) on
 * synthetic parser results, and the validity of the hold-out answer key
 * itself (test/holdout/<case>/facts.json). No test here asserts the rate:
 * that is a measurement, printed by `npm run --silent holdout`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { formatRate, formatReport, HoldoutFacts, outcomeOf, scoreCase, summarize, type Outcome } from '../tools/bench/holdout.ts';

const notice = (count: number, extra: Partial<HoldoutFacts> = {}): HoldoutFacts => ({
  kind: 'notice',
  count,
  first: '新建幼儿园',
  last: '改造道路',
  note: 'synthetic',
  ...extra,
});
const report: HoldoutFacts = { kind: 'report', count: 3, first: '', last: '', note: 'synthetic report' };
const items = (texts: string[]) => texts.map((text, i) => ({ number: i + 1, title: text.slice(0, 4), text }));

describe('outcomeOf', () => {
  test('reads the count, the first and last item and the year from an ok result', () => {
    const result = { ok: true, notice: { year: 2022, declaredTotal: 3, commitments: items(['新建幼儿园2所', '新增车位', '改造道路3条']) } };
    expect(outcomeOf(result)).toEqual({
      status: 'read',
      count: 3,
      firstText: '新建幼儿园2所',
      lastText: '改造道路3条',
      declaredTotal: 3,
      year: 2022,
    });
  });

  test('joins a title to a text that does not start with it, as in a table row', () => {
    const row = { title: '鹤鸣中学新建工程', text: '新建教学楼、综合楼' };
    expect(outcomeOf({ ok: true, notice: { commitments: [row] } })).toMatchObject({ firstText: '鹤鸣中学新建工程\n新建教学楼、综合楼' });
  });

  test('falls back to the title when a commitment has no text, and counts a bare notice', () => {
    const outcome = outcomeOf({ commitments: [{ title: '新建公园' }] });
    expect(outcome).toEqual({ status: 'read', count: 1, firstText: '新建公园', lastText: '新建公园' });
  });

  test('turns an error result into a refusal with its message', () => {
    expect(outcomeOf({ ok: false, error: { line: 0, message: 'no recognisable commitments' } })).toEqual({
      status: 'refused',
      message: 'no recognisable commitments',
    });
  });

  test('takes the kind from a separate classifier, as a string or as an object, before the notice’s own', () => {
    const read = { ok: true, notice: { kind: 'notice', commitments: [] } };
    expect(outcomeOf(read, 'report')).toMatchObject({ kind: 'report' });
    expect(outcomeOf(read, { kind: 'report', reason: '进展情况' })).toMatchObject({ kind: 'report' });
    expect(outcomeOf(read)).toMatchObject({ kind: 'notice' });
    expect(outcomeOf({ ok: false, error: { message: 'a report' } }, 'report')).toMatchObject({ status: 'refused', kind: 'report' });
  });
});

describe('scoreCase', () => {
  test('a notice is ok only when read to exactly the hand-read count', () => {
    const read = (count: number): Outcome => ({ status: 'read', count, firstText: '新建幼儿园2所', lastText: '改造道路3条' });
    expect(scoreCase('a', notice(3), read(3)).ok).toBe(true);
    expect(scoreCase('a', notice(3), read(2)).ok).toBe(false);
    expect(scoreCase('a', notice(3), read(4)).ok).toBe(false);
    expect(scoreCase('a', notice(3), { status: 'refused', message: 'no list' }).ok).toBe(false);
    expect(scoreCase('a', notice(3), { status: 'crashed', message: 'boom' }).ok).toBe(false);
  });

  test('a notice the parser calls a report is not ok, whatever its count', () => {
    expect(scoreCase('a', notice(2), { status: 'read', count: 2, kind: 'report' }).ok).toBe(false);
  });

  test('a report is ok when it is called a report, read or refused, and not otherwise', () => {
    expect(scoreCase('r', report, { status: 'read', count: 3, kind: 'report' }).ok).toBe(true);
    expect(scoreCase('r', report, { status: 'refused', message: 'this is a report', kind: 'report' }).ok).toBe(true);
    expect(scoreCase('r', report, { status: 'read', count: 3 }).ok).toBe(false);
    expect(scoreCase('r', report, { status: 'read', count: 3, kind: 'notice' }).ok).toBe(false);
    expect(scoreCase('r', report, { status: 'refused', message: 'no recognisable commitments' }).ok).toBe(false);
  });

  test('checks the first and last item’s start, ignoring spaces and full-width forms', () => {
    const facts = notice(2, { first: '新增学位600个（区教育局）', last: '新建公园3 个' });
    const good = scoreCase('a', facts, { status: 'read', count: 2, firstText: '新增学位600 个(区教育局)', lastText: '新建公园3个。' });
    expect(good.endsMatch).toBe(true);
    const shifted = scoreCase('a', facts, { status: 'read', count: 2, firstText: '新建公园3个', lastText: '新增学位600个' });
    expect(shifted.ok).toBe(true);
    expect(shifted.endsMatch).toBe(false);
  });
});

describe('summarize and formatReport', () => {
  const scores = [
    scoreCase('01-a', notice(3, { declaredTotal: 3, year: 2021 }), { status: 'read', count: 3, declaredTotal: 3, year: 2021 }),
    scoreCase('01-y', notice(3, { declaredTotal: 3, year: 2021 }), { status: 'read', count: 4, year: 2020 }),
    scoreCase('02-b', notice(5), { status: 'read', count: 4 }),
    scoreCase('03-c', notice(1), { status: 'crashed', message: 'Maximum call stack size exceeded' }),
    scoreCase('04-d', notice(2), { status: 'refused', message: 'no recognisable commitments' }),
    scoreCase('05-r', report, { status: 'read', count: 3, kind: 'report' }),
    scoreCase('06-s', report, { status: 'read', count: 3 }),
  ];

  test('counts exact notices over notices, reports over reports, declared totals and years over those stated, and names the crashes', () => {
    expect(summarize(scores)).toEqual({
      exact: { hits: 1, total: 5 },
      reports: { hits: 1, total: 2 },
      overall: { hits: 2, total: 7 },
      declared: { hits: 1, total: 2 },
      years: { hits: 1, total: 2 },
      crashes: ['03-c'],
    });
  });

  test('writes a rate as hits of total with a rounded percentage, and a dash for no cases', () => {
    expect(formatRate({ hits: 2, total: 3 })).toBe('2 of 3 (67 %)');
    expect(formatRate({ hits: 0, total: 0 })).toBe('0 of 0 (— %)');
  });

  test('prints one row per case with expected and read counts, then the rates', () => {
    const text = formatReport(scores);
    const lines = text.split('\n');
    expect(lines.find((l) => l.startsWith('02-b'))?.split(/\s{2,}/)).toEqual(['02-b', '5', '4', '—', '✗']);
    expect(lines.find((l) => l.startsWith('03-c'))).toMatch(/CRASH .*Maximum call stack/);
    expect(lines.find((l) => l.startsWith('04-d'))).toMatch(/refused .*no recognisable/);
    expect(lines.find((l) => l.startsWith('05-r'))?.split(/\s{2,}/)).toEqual(['05-r', 'report', '3', 'report', 'ok']);
    expect(text).toContain('exact count: 1 of 5 (20 %)\n');
    expect(text).toContain('declared totals read (informational): 1 of 2 (50 %)\n');
    expect(text).toContain('reports recognized: 1 of 2 (50 %)\n');
    expect(text).toContain('crashes: 1 (03-c)\n');
  });
});

describe('the hold-out answer key', () => {
  const dir = join(import.meta.dirname, 'holdout');
  const cases = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  test('holds at least 30 notices, 3 or more of them reports', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const kinds = cases.map((c) => HoldoutFacts.parse(JSON.parse(readFileSync(join(dir, c, 'facts.json'), 'utf8'))).kind);
    expect(kinds.filter((k) => k === 'report').length).toBeGreaterThanOrEqual(3);
  });

  test.each(cases)('%s has an input and facts that fit the schema and the text', (name) => {
    const input = join(dir, name, 'input.txt');
    expect(existsSync(input)).toBe(true);
    const text = readFileSync(input, 'utf8');
    const facts = HoldoutFacts.parse(JSON.parse(readFileSync(join(dir, name, 'facts.json'), 'utf8')));
    expect(name).toMatch(/^\d{2}-[a-z0-9-]+$/);
    const folded = text.replace(/\s+/g, '');
    expect(folded).toContain(facts.first.replace(/\s+/g, ''));
    expect(folded).toContain(facts.last.replace(/\s+/g, ''));
    if (facts.kind === 'notice') expect(facts.count).toBeGreaterThanOrEqual(3);
  });

  test('rejects facts with an unknown field or without a note', () => {
    expect(HoldoutFacts.safeParse({ ...notice(3), extra: 1 }).success).toBe(false);
    expect(HoldoutFacts.safeParse({ kind: 'notice', count: 3, first: 'a', last: 'b' }).success).toBe(false);
  });
});

describe('npm run holdout on another directory', () => {
  const projectRoot = fileURLToPath(new URL('..', import.meta.url));
  const node = join(projectRoot, 'node_modules', '.bin', 'node');
  const tmp = mkdtempSync(join(tmpdir(), 'holdout-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  /** Writes one case of a hold-out set under `set`. */
  function write(set: string, name: string, input: string, facts: unknown): void {
    mkdirSync(join(tmp, set, name), { recursive: true });
    writeFileSync(join(tmp, set, name, 'input.txt'), input);
    writeFileSync(join(tmp, set, name, 'facts.json'), typeof facts === 'string' ? facts : JSON.stringify(facts));
  }

  /** Runs the hold-out script on `dir`. */
  function run(dir: string) {
    return spawnSync(node, ['scripts/holdout.ts', dir], { cwd: projectRoot, encoding: 'utf8', timeout: 60_000 });
  }

  test('prints a row per case and the exact-count rate for a well-formed set', () => {
    const notice = '和美区2023年民生实事项目\n\n1.新建公园3个。\n2.新增车位500个。\n3.改造小区4个。\n\n和美区人民政府\n2023年1月5日\n';
    write('good', '01-plain', notice, { kind: 'notice', count: 3, year: 2023, first: '新建公园3个', last: '改造小区4个', note: 'plain 1. list' });
    write('good', '02-wrong-key', notice, { kind: 'notice', count: 4, first: '新建公园3个', last: '改造小区4个', note: 'a key that disagrees' });
    const result = run(join(tmp, 'good'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^01-plain +3 +\S+ +\S+ +(ok|✗)/m);
    expect(result.stdout).toMatch(/^02-wrong-key +4 +\S+ +\S+ +✗/m);
    expect(result.stdout).toMatch(/^exact count: [01] of 2 \(\d+ %\)$/m);
  });

  test('fails with one line naming the facts file when the facts are invalid', () => {
    write('bad', '01-bad', '1.新建公园3个。\n', '{"kind":"notice","count":"3","first":"","last":"","note":"n"}');
    const result = run(join(tmp, 'bad'));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${join(tmp, 'bad', '01-bad', 'facts.json')}: error: count: Invalid input: expected number, received string\n`);
  });
});
