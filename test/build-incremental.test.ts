/**
 * The incremental build (`node scripts/build-shards.ts --incremental`, which
 * `npm run build -- --incremental` runs): after adding, changing and removing
 * notices, it rebuilds only the districts they touch, and its output is the
 * same bytes as one `astro build` of the edited content followed by the
 * headers step. Also the content keys it decides with.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { districtOfPath, historyByDistrict, inputKey } from '../tools/build/incremental.ts';
import { parseHistory } from '../src/lib/site/history.ts';
import { fileTree } from './helpers/files.ts';
import { addNotice, heldBackCorpus } from './helpers/corpus.ts';
import { astroBuildEnv } from '../scripts/lib/children.ts';
import { linkTree } from '../scripts/lib/links.ts';

describe('the content keys', () => {
  test('should tell a district’s files from the files every page shares', () => {
    expect(districtOfPath('notices/2023/abc.txt')).toBe('2023/abc');
    expect(districtOfPath('notices/2023/abc.units.yaml')).toBe('2023/abc');
    expect(districtOfPath('notices/2023/abc.')).toBe('2023/abc');
    expect(districtOfPath('commitments/2023/abc/12.md')).toBe('2023/abc');
    expect(districtOfPath('commitments/2023/abc/')).toBe('2023/abc');
    expect(districtOfPath('commitments/2023/')).toBeUndefined();
    expect(districtOfPath('corrections.yaml')).toBeUndefined();
    expect(districtOfPath('urls.txt')).toBeUndefined();
  });

  test('should give each district the dates of its own files only', () => {
    const history = parseHistory('\0' + '2024-03-01\n\nnotices/2023/a.txt\ncommitments/2023/b/1.md\n\0' + '2024-01-05\n\nnotices/2023/a.yaml\nurls.txt\n');
    const byDistrict = historyByDistrict(history);
    expect([...byDistrict.keys()].sort()).toEqual(['2023/a', '2023/b']);
    expect(byDistrict.get('2023/a')).toEqual(['notices/2023/a. 2024-03-01', 'notices/2023/a.txt 2024-03-01', 'notices/2023/a.yaml 2024-01-05']);
    expect(byDistrict.get('2023/b')).toEqual(['commitments/2023/b/ 2024-03-01', 'commitments/2023/b/1. 2024-03-01', 'commitments/2023/b/1.md 2024-03-01']);
  });

  test('should change the key with any name or byte, and never confuse where one part ends', () => {
    const key = inputKey([
      { name: 'a', bytes: 'xy' },
      { name: 'b', bytes: 'z' },
    ]);
    expect(key).toMatch(/^[0-9a-f]{64}$/u);
    expect(
      inputKey([
        { name: 'a', bytes: 'xy' },
        { name: 'b', bytes: 'z' },
      ]),
    ).toBe(key);
    expect(
      inputKey([
        { name: 'a', bytes: 'x' },
        { name: 'b', bytes: 'yz' },
      ]),
    ).not.toBe(key);
    expect(
      inputKey([
        { name: 'a', bytes: 'xy' },
        { name: 'c', bytes: 'z' },
      ]),
    ).not.toBe(key);
    expect(
      inputKey([
        { name: 'a', bytes: Buffer.from('xy') },
        { name: 'b', bytes: 'z' },
      ]),
    ).toBe(key);
  });
});

describe('node scripts/build-shards.ts --incremental after a notice is added, one changed and one removed', () => {
  const project = join(import.meta.dirname, '..');
  const work = mkdtempSync(join(tmpdir(), 'minsheng-incremental-test-'));
  const pool = join(work, 'pool');
  const content = join(work, 'content');
  const notices = join(content, 'notices', '2023');
  const cache = join(work, 'cache');
  const node = process.execPath;
  const env = { ...process.env, ...astroBuildEnv, MINSHENG_CONTENT_DIR: content };
  const logs: string[] = [];

  /** Runs the incremental build into `out` and keeps its log. */
  const incremental = (out: string, ...extra: string[]): void => {
    const args = [
      join(project, 'scripts', 'build-shards.ts'),
      ...extra,
      '--out',
      out,
      '--incremental',
      '--cache',
      cache,
      '--max-notices',
      '3',
      '--jobs',
      String(Math.min(2, availableParallelism())),
    ];
    logs.push(execFileSync(node, args, { cwd: project, env, encoding: 'utf8', stdio: 'pipe' }));
    execFileSync(node, [join(project, 'scripts', 'headers.ts'), out], { cwd: project, stdio: 'pipe' });
  };
  const slugs = (): string[] =>
    readdirSync(notices)
      .filter((f) => f.endsWith('.yaml') && !f.endsWith('.units.yaml'))
      .map((f) => f.slice(0, -'.yaml'.length))
      .sort();

  beforeAll(() => {
    const { added, first } = heldBackCorpus({ project, node, pool, notices, count: 8, seed: 'incremental' });
    execFileSync(node, [join(project, 'scripts', 'ingest.ts')], { cwd: project, env, stdio: 'pipe' });
    incremental(join(work, 'first'));

    // The edits: one notice added, one changed (a word added to a commitment), one removed.
    const [changed, , removed] = first;
    addNotice({ pool, notices }, added);
    const text = readFileSync(join(notices, `${changed}.txt`), 'utf8');
    const lines = text.split('\n');
    // The longest line past the title (an item, whatever its numbering style) gets a word more.
    const item = lines.reduce((best, l, k) => (k > 2 && l.length > (lines[best]?.length ?? 0) ? k : best), 3);
    expect(lines[item]).toContain('。');
    lines[item] = (lines[item] ?? '').replace('。', '，增补项目。');
    writeFileSync(join(notices, `${changed}.txt`), lines.join('\n'));
    for (const f of readdirSync(notices).filter((f) => f.startsWith(`${removed}.`))) rmSync(join(notices, f));
    rmSync(join(content, 'commitments', '2023', removed ?? ''), { recursive: true, force: true });
    execFileSync(node, [join(project, 'scripts', 'ingest.ts')], { cwd: project, env, stdio: 'pipe' });
    incremental(join(work, 'second'));

    // One astro build of the edited content, in a copy of the project (no Astro cache shared with another test).
    const copy = join(work, 'project');
    for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
      if (existsSync(join(project, entry))) cpSync(join(project, entry), join(copy, entry), { recursive: true });
    }
    mkdirSync(join(copy, 'node_modules'));
    for (const entry of readdirSync(join(project, 'node_modules'))) {
      if (entry !== '.astro' && entry !== '.vite' && entry !== '.cache') symlinkSync(join(project, 'node_modules', entry), join(copy, 'node_modules', entry));
    }
    execFileSync(node, [join(copy, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', join(work, 'whole')], { cwd: copy, env, stdio: 'pipe' });
    execFileSync(node, [join(project, 'scripts', 'headers.ts'), join(work, 'whole')], { cwd: project, stdio: 'pipe' });

    // Built once more into an earlier output, as `npm run build -- --incremental` does into the one it
    // replaced: the first output (its files linked as they are, so the kept districts' are the cache's).
    linkTree(join(work, 'first'), join(work, 'spare'));
    incremental(join(work, 'reused'), '--reuse', join(work, 'spare'));
  }, 900_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('should build every district the first time, then only the added and the changed one', () => {
    expect(logs[0]).toContain('7 notices, 7 to build');
    expect(logs[1]).toContain('7 notices, 2 to build');
    expect(logs[1]).toContain('5 unchanged');
    expect(slugs()).toHaveLength(7);
  });

  test('should keep each notice’s share of the year’s open data, and make again only the added and the changed one’s', () => {
    expect(logs[0]).toContain('(the open data of 0 of 7 notices kept)');
    expect(logs[1]).toContain('(the open data of 5 of 7 notices kept)');
    expect(logs[2]).toContain('(the open data of 7 of 7 notices kept)');
    // The removed notice's share is gone: two files for each of the 7, and the keys.
    expect(readdirSync(join(cache, 'open-data'))).toHaveLength(2 * 7 + 1);
  });

  test('should write exactly the files of one astro build of the edited content, byte for byte', () => {
    const whole = fileTree(join(work, 'whole'), 'base64');
    const second = fileTree(join(work, 'second'), 'base64');
    expect([...second.keys()]).toEqual([...whole.keys()]);
    for (const [path, bytes] of whole) expect(second.get(path), path).toBe(bytes);
  });

  test('should build into an earlier output the same bytes, leaving in place the files still cached', () => {
    const whole = fileTree(join(work, 'whole'), 'base64');
    const reused = fileTree(join(work, 'reused'), 'base64');
    expect([...reused.keys()]).toEqual([...whole.keys()]);
    for (const [path, bytes] of whole) expect(reused.get(path), path).toBe(bytes);
    expect(existsSync(join(work, 'spare'))).toBe(false);
    const [, inPlace, all] = /an earlier output built into again: (\d+) of (\d+) files left in place/u.exec(logs[2] ?? '') ?? [];
    expect(Number(inPlace)).toBeGreaterThan(0);
    expect(Number(inPlace)).toBeLessThan(Number(all));
  });

  test('should leave the removed district out and keep the first output as it was built', () => {
    const first = fileTree(join(work, 'first'), 'utf8');
    const second = fileTree(join(work, 'second'), 'utf8');
    const gone = [...first.keys()].filter((p) => !second.has(p));
    expect(gone.length).toBeGreaterThan(0);
    expect(gone.every((p) => /^(?:2023\/[^/]+\/|data\/2023\/[^/]+\.json$)/u.test(p))).toBe(true);
    // The changed commitment's new wording is in the new build, not in the first one (its pages were not written through).
    expect([...second.values()].some((html) => html.includes('增补项目'))).toBe(true);
    expect([...first.values()].some((html) => html.includes('增补项目'))).toBe(false);
  });

  test('should refuse in one line a cache another build is writing, and take over the lock a killed build left', () => {
    const shards = (to: string): ReturnType<typeof spawnSync> =>
      spawnSync(node, [join(project, 'scripts', 'build-shards.ts'), '--out', join(work, to), '--incremental', '--cache', cache], { cwd: project, env, encoding: 'utf8' });
    // A build still running holds the lock (a process that is running: this one, its id in the lock file).
    writeFileSync(`${cache}.lock`, `${process.pid}\n`);
    const refused = shards('locked');
    expect(refused.status).toBe(1);
    expect(String(refused.stderr)).toMatch(
      new RegExp(`^build-shards: error: \\S+ is in use by another build \\(process ${process.pid}\\); wait for it to end, or remove \\S+\\.lock if none is running\\n$`, 'u'),
    );
    expect(existsSync(join(work, 'locked'))).toBe(false);
    // A build killed outright left its lock: a process no longer running.
    const gone = spawnSync(node, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${cache}.lock`, `${String(gone.stdout)}\n`);
    const taken = shards('unlocked');
    expect(taken.status, String(taken.stderr)).toBe(0);
    expect(String(taken.stdout)).toContain('7 notices, 0 to build');
    // Given back when the build ends.
    expect(existsSync(`${cache}.lock`)).toBe(false);
  }, 300_000);

  test('should refuse a damaged cache in one line, naming the page its kept pages lack', () => {
    // A district whose key is kept but whose overview page is gone from the cache (a disk cleaned by hand).
    const [kept] = slugs();
    rmSync(join(cache, 'districts', '2023', kept ?? '', '2023', kept ?? '', 'index.html'));
    const run = spawnSync(node, [join(project, 'scripts', 'build-shards.ts'), '--out', join(work, 'third'), '--incremental', '--cache', cache], {
      cwd: project,
      env,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^build-shards: error: 2023/${kept}/index\\.html cannot be placed: \\S+ is missing; remove \\S+ and build again\\n$`, 'u'));
  }, 300_000);
});
