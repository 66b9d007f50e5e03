/**
 * The ingest cache (`scripts/lib/ingest-cache.ts`): a notice whose inputs did not change is not parsed
 * again, and the content written is the same as when every notice is parsed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { outcomeKey, readOutcome, writeOutcome } from '../scripts/lib/ingest-cache.ts';
import type { NoticeInputs } from '../scripts/lib/ingest-cache.ts';

const project = join(import.meta.dirname, '..');
const node = join(project, 'node_modules', '.bin', 'node');
const seeds = join(project, 'content', 'notices', '2023');
const work = mkdtempSync(join(tmpdir(), 'minsheng-ingest-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the key of a notice’s outcome', () => {
  const inputs: NoticeInputs = { path: 'notices/2023/a.txt', bytes: Buffer.from('一、新增托位'), metaPath: 'notices/2023/a.yaml', metaText: 'slug: a\n' };

  test('should change with the code and with each input, and not when nothing changed', () => {
    const key = outcomeKey('code', inputs);
    expect(outcomeKey('code', { ...inputs })).toBe(key);
    const changed = [
      outcomeKey('other code', inputs),
      outcomeKey('code', { ...inputs, path: 'notices/2023/b.txt' }),
      outcomeKey('code', { ...inputs, bytes: Buffer.from('一、新增托位1') }),
      outcomeKey('code', { ...inputs, metaText: 'slug: b\n' }),
      outcomeKey('code', { ...inputs, unitsText: '' }),
      outcomeKey('code', { ...inputs, unitsText: 'units: []\n' }),
    ];
    expect(new Set([key, ...changed]).size).toBe(changed.length + 1);
  });

  test('should keep inputs apart: text moved from one file to the next is another key', () => {
    expect(outcomeKey('code', { ...inputs, metaPath: 'x', metaText: 'yz' })).not.toBe(outcomeKey('code', { ...inputs, metaPath: 'xy', metaText: 'z' }));
  });

  test('should read a kept outcome back, and a damaged file as none', () => {
    const dir = join(work, 'kept');
    const outcome = {
      path: 'notices/2023/a.txt',
      metaPath: 'notices/2023/a.yaml',
      key: '2023/a',
      files: [{ path: 'x.md', contents: '甲' }],
      warnings: [],
      commitmentCount: 1,
      reported: false,
    };
    writeOutcome(dir, 'k', outcome);
    expect(readOutcome(dir, 'k')).toEqual(outcome);
    writeFileSync(join(dir, 'k.json'), '{"path":');
    expect(readOutcome(dir, 'k')).toBeUndefined();
    expect(readOutcome(dir, 'missing')).toBeUndefined();
  });
});

describe('npm run ingest with its cache', () => {
  let content = '';
  let cache = '';

  beforeEach(({ task }) => {
    content = join(work, `content-${task.id}`);
    cache = join(work, `cache-${task.id}`);
    mkdirSync(join(content, 'notices', '2023'), { recursive: true });
    for (const slug of ['jinan-shizhong', 'huaibei-xiangshan']) {
      for (const ext of ['txt', 'yaml']) cpSync(join(seeds, `${slug}.${ext}`), join(content, 'notices', '2023', `${slug}.${ext}`));
    }
  });

  /** Runs ingest on `dir` with the cache in `cacheDir`. */
  function ingest(dir: string, cacheDir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const run = spawnSync(node, ['scripts/ingest.ts', ...args], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, MINSHENG_CONTENT_DIR: dir, MINSHENG_INGEST_CACHE: cacheDir },
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr.replaceAll(relative(project, dir), '<content>') };
  }

  /** Every file below `dir`, relative, with its text. */
  function files(dir: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (d.isFile()) out[relative(dir, join(d.parentPath, d.name))] = readFileSync(join(d.parentPath, d.name), 'utf8');
    }
    return out;
  }

  test('should parse every notice the first time and none the second, writing the same files and warnings', () => {
    const first = ingest(content, cache);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('2 notices (0 unchanged, from the cache)');
    const written = files(content);
    rmSync(join(content, 'commitments'), { recursive: true });
    // The entries go; the departments files stay, as they are the notices' inputs too.
    for (const f of Object.keys(written).filter((f) => f.endsWith('.md'))) rmSync(join(content, f), { force: true });
    const second = ingest(content, cache);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('2 notices (2 unchanged, from the cache)');
    expect(second.stderr).toBe(first.stderr);
    expect(files(content)).toEqual(written);
  });

  test('should parse again only the notice that changed, and write what a run without the cache writes', () => {
    expect(ingest(content, cache).status).toBe(0);
    const text = join(content, 'notices', '2023', 'huaibei-xiangshan.txt');
    writeFileSync(text, readFileSync(text, 'utf8').replace('（牵头单位：', '（牵头单位：区民政局、'));
    const cached = ingest(content, cache);
    expect(cached.status).toBe(0);
    expect(cached.stdout).toContain('2 notices (1 unchanged, from the cache)');

    const fresh = join(work, 'fresh');
    rmSync(fresh, { recursive: true, force: true });
    mkdirSync(join(fresh, 'notices', '2023'), { recursive: true });
    for (const f of readdirSync(join(content, 'notices', '2023')).filter((f) => f.endsWith('.txt') || (f.endsWith('.yaml') && !f.endsWith('.units.yaml')))) {
      cpSync(join(content, 'notices', '2023', f), join(fresh, 'notices', '2023', f));
    }
    const uncached = ingest(fresh, join(work, 'empty-cache'));
    expect(uncached.stdout).toContain('2 notices (0 unchanged, from the cache)');
    expect(files(content)).toEqual(files(fresh));
  });

  test('should never read or write the cache with --check', () => {
    expect(ingest(content, cache).status).toBe(0);
    const kept = readdirSync(cache);
    for (const f of kept) writeFileSync(join(cache, f), '{}');
    const checked = ingest(content, cache, '--check');
    expect(checked.status).toBe(0);
    expect(checked.stdout).toContain('content files are up to date');
    expect(readdirSync(cache).every((f) => readFileSync(join(cache, f), 'utf8') === '{}')).toBe(true);
  });

  test('should parse a notice a progress report names every time, its statuses from the report', () => {
    const report = join(content, 'reports', '2023', 'shizhong-progress');
    mkdirSync(report, { recursive: true });
    writeFileSync(join(report, 'report.txt'), '市中区2023年民生实事进展情况（测试用虚构样例）\n截至2023年9月30日：\n第1项已完成。\n');
    writeFileSync(join(report, 'report.yaml'), 'slug: shizhong-progress\nnotice: jinan-shizhong\nissuer: 测试\ndate: 2023-10-08\nsourceUrl: null\noverrides:\n  "3": [1]\n');
    const first = ingest(content, cache);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('2 notices (0 unchanged, from the cache), 1 reports');
    const second = ingest(content, cache);
    expect(second.stdout).toContain('2 notices (1 unchanged, from the cache), 1 reports');
    expect(second.stdout).toContain('0 files written');
    expect(readFileSync(join(content, 'commitments', '2023', 'jinan-shizhong', '1.md'), 'utf8')).toContain('statusHistory');
  });
});

describe('npm run ingest on worker threads (--jobs)', () => {
  /** A content folder holding copies of the built-in notices, one of them named by a progress report, one broken when `broken`. */
  function corpus(name: string, broken: boolean): string {
    const dir = join(work, name);
    mkdirSync(join(dir, 'notices', '2023'), { recursive: true });
    for (const f of readdirSync(seeds).filter((f) => f.endsWith('.txt') || (f.endsWith('.yaml') && !f.endsWith('.units.yaml')))) {
      cpSync(join(seeds, f), join(dir, 'notices', '2023', f));
    }
    const report = join(dir, 'reports', '2023', 'shizhong-progress');
    mkdirSync(report, { recursive: true });
    writeFileSync(join(report, 'report.txt'), '市中区2023年民生实事进展情况（测试用虚构样例）\n截至2023年9月30日：\n第1项已完成。\n');
    writeFileSync(join(report, 'report.yaml'), 'slug: shizhong-progress\nnotice: jinan-shizhong\nissuer: 测试\ndate: 2023-10-08\nsourceUrl: null\n');
    if (broken)
      writeFileSync(join(dir, 'notices', '2023', 'jining-yanzhou.yaml'), readFileSync(join(seeds, 'jining-yanzhou.yaml'), 'utf8').replace(/^slug: .*$/mu, 'slug: Not_A_Slug'));
    return dir;
  }
  /** Runs ingest with its own cache folder; the output with the content folder's name taken out. */
  function ingest(dir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const run = spawnSync(node, ['scripts/ingest.ts', ...args], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, MINSHENG_CONTENT_DIR: dir, MINSHENG_INGEST_CACHE: `${dir}-cache` },
    });
    const name = relative(project, dir);
    return { status: run.status, stdout: run.stdout.replaceAll(name, '<content>'), stderr: run.stderr.replaceAll(name, '<content>') };
  }
  /** Every file below `dir`, relative, with its text. */
  const tree = (dir: string): Record<string, string> =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => [relative(dir, join(d.parentPath, d.name)), readFileSync(join(d.parentPath, d.name), 'utf8')] as const),
    );

  test('should write the same files, warnings and cache as one thread', () => {
    const one = corpus('one-thread', false);
    const two = corpus('two-threads', false);
    const single = ingest(one, '--jobs', '1');
    const threaded = ingest(two, '--jobs', '2');
    expect(single.status, single.stderr).toBe(0);
    expect(threaded.status, threaded.stderr).toBe(0);
    expect(threaded.stdout).toContain('5 notices (0 unchanged, from the cache; the others parsed on 2 threads), 1 reports');
    expect(threaded.stdout.replace('; the others parsed on 2 threads', '')).toBe(single.stdout);
    expect(threaded.stderr).toBe(single.stderr);
    expect(tree(two)).toEqual(tree(one));
    expect(tree(`${two}-cache`)).toEqual(tree(`${one}-cache`));
  });

  test('should fail with the same one-line error as one thread, naming the file, and write nothing', () => {
    const one = corpus('one-thread-broken', true);
    const two = corpus('two-threads-broken', true);
    const single = ingest(one, '--jobs', '1');
    const threaded = ingest(two, '--jobs', '2');
    expect(single.status).toBe(1);
    expect(threaded.status).toBe(1);
    expect(threaded.stderr).toBe(single.stderr);
    expect(threaded.stderr).toContain('<content>/notices/2023/jining-yanzhou.yaml');
    expect(Object.keys(tree(two)).filter((f) => f.endsWith('.md'))).toEqual([]);
  });

  test('should refuse a --jobs that is not a whole number in one line', () => {
    const run = ingest(corpus('jobs-usage', false), '--jobs', '0');
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toEqual(['usage: npm run ingest [-- --check] [--jobs N]  (--jobs takes a whole number from 1 to 64)']);
  });
});
