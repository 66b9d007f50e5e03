/**
 * The search index's part cache (`scripts/lib/search-cache.ts`, used by
 * `node scripts/search-index.ts --content`): after a notice is added, one
 * changed and one removed, the index made with the cache is the same bytes
 * as one made without it, and only the parts whose pages changed are indexed
 * again; made into the index before it (`--reuse`), it is the same bytes too.
 * Also what a damaged entry does, and what the cache keeps.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { partKey } from '../scripts/lib/search-cache.ts';
import { linkTree } from '../scripts/lib/links.ts';
import type { Part } from '../src/lib/search/parts.ts';
import { fileTree } from './helpers/files.ts';
import { addNotice, heldBackCorpus } from './helpers/corpus.ts';

describe('partKey', () => {
  const context = { code: 'c', pagefind: '1.6.0', basePath: '/' };
  const part: Part = {
    path: 'part-2/',
    pages: [{ path: '2023/a/index.html', filters: { year: ['2023'], district: ['甲区'] } }],
    listed: [{ path: '2023/a/units/x/index.html', filters: { year: ['2023'], district: ['甲区'], unit: ['区民政局'] } }],
  };
  const entry = { content: '甲 区', meta: { title: '甲区' }, filters: { year: ['2023'] } };

  test('should change with anything the part’s files are made of, and not with its place after the first', () => {
    const key = partKey(context, part, [entry]);
    expect(key).toMatch(/^[0-9a-f]{64}$/u);
    expect(partKey(context, { ...part, path: 'part-5/' }, [entry])).toBe(key);
    expect(partKey(context, { ...part, path: '' }, [entry])).not.toBe(key);
    expect(partKey({ ...context, code: 'd' }, part, [entry])).not.toBe(key);
    expect(partKey({ ...context, pagefind: '1.6.1' }, part, [entry])).not.toBe(key);
    expect(partKey({ ...context, basePath: '/minsheng/' }, part, [entry])).not.toBe(key);
    expect(partKey(context, part, [{ ...entry, content: '甲 区 二' }])).not.toBe(key);
    expect(partKey(context, { ...part, listed: [] }, [entry])).not.toBe(key);
    expect(partKey(context, { ...part, pages: [{ ...part.pages[0], path: '2023/b/index.html', filters: {} }] }, [entry])).not.toBe(key);
  });
});

describe('node scripts/search-index.ts --content with its cache, after a notice is added, one changed and one removed', () => {
  const project = join(import.meta.dirname, '..');
  const work = mkdtempSync(join(tmpdir(), 'minsheng-search-cache-test-'));
  const pool = join(work, 'pool');
  const content = join(work, 'content');
  const notices = join(content, 'notices', '2023');
  const cache = join(work, 'cache');
  const node = process.execPath;
  const env = { ...process.env, MINSHENG_CONTENT_DIR: content, MINSHENG_INGEST_CACHE: join(work, 'ingest-cache'), MINSHENG_SEARCH_CACHE: cache, BASE_PATH: '/' };
  /** Each step: its name, the parts reused and indexed, and whether the cached index equals the fresh one. */
  const steps: {
    name: string;
    reused: number;
    parts: number;
    same: boolean;
    /** Whether the index made into the step before's (`--reuse`) is the same as the fresh one, and how many files it left in place. */
    sameInEarlier?: boolean;
    inPlace?: number;
    /** The districts whose pages were read from the content, not kept, and all the districts. */
    read: number;
    districts: number;
    manifest: { parts: { path: string; districts: string[] }[] };
    fromCache: string[];
  }[] = [];
  let runs = 0;

  /** Indexes the content with the cache and without it, and records how they compare. */
  const step = (name: string): void => {
    execFileSync(node, [join(project, 'scripts', 'ingest.ts')], { cwd: project, env, stdio: 'pipe' });
    const args = (out: string): string[] => [join(project, 'scripts', 'search-index.ts'), '--content', '--max-pages', '40', '--jobs', '2', '--out', out];
    const cached = join(work, `cached-${++runs}`);
    const fresh = join(work, `fresh-${runs}`);
    const log = execFileSync(node, args(cached), { cwd: project, env, encoding: 'utf8' });
    const before = readdirSync(cache).sort();
    execFileSync(node, [...args(fresh), '--no-cache'], { cwd: project, env, stdio: 'pipe' });
    expect(readdirSync(cache).sort(), '--no-cache leaves the cache alone').toEqual(before);
    const reused = /search-index: (\d+) of (\d+) parts reused from the cache/u.exec(log);
    expect(reused, log).not.toBeNull();
    const [one, two] = [fileTree(cached, 'base64'), fileTree(fresh, 'base64')];
    expect(one.size).toBeGreaterThan(10);
    // The directory of which parts hold which text is part of what must be the same (an index of several parts has one).
    expect([...one.keys()].filter((path) => path.startsWith('directory/')).length).toBeGreaterThan(0);
    // Made again into the step before's index (its files linked as they are: the kept parts' are the cache's).
    let inEarlier: { same: boolean; inPlace: number } | undefined;
    if (runs > 1) {
      const spare = join(work, `spare-${runs}`);
      const into = join(work, `into-earlier-${runs}`);
      linkTree(join(work, `cached-${runs - 1}`), spare);
      const again = execFileSync(node, [...args(into), '--reuse', spare], { cwd: project, env, encoding: 'utf8' });
      expect(existsSync(spare)).toBe(false);
      inEarlier = {
        same: JSON.stringify([...fileTree(into, 'base64')]) === JSON.stringify([...two]),
        inPlace: Number(/(\d+) of their files left in place from an earlier index/u.exec(again)?.[1] ?? Number.NaN),
      };
      rmSync(into, { recursive: true, force: true });
    }
    steps.push({
      name,
      reused: Number(reused?.[1]),
      parts: Number(reused?.[2]),
      same: JSON.stringify([...one]) === JSON.stringify([...two]),
      read: Number(/search-index: (\d+) of \d+ districts read from the content/u.exec(log)?.[1] ?? Number.NaN),
      districts: Number(/search-index: \d+ of (\d+) districts read from the content/u.exec(log)?.[1] ?? Number.NaN),
      ...(inEarlier ? { sameInEarlier: inEarlier.same, inPlace: inEarlier.inPlace } : {}),
      manifest: JSON.parse(readFileSync(join(cached, 'parts.json'), 'utf8')) as { parts: { path: string; districts: string[] }[] },
      // The parts copied from the cache, by their path in this run.
      fromCache: [...log.matchAll(/search-index: part (\S+): \d+ pages, from the cache/gu)].map((m) => (m[1] === '(first)' ? '' : (m[1] ?? ''))),
    });
    // What the cache keeps after a run: an entry for each part of that run, no other.
    expect(readdirSync(cache).filter((f) => /^[0-9a-f]{64}$/u.test(f))).toHaveLength(Number(reused?.[2]));
    rmSync(fresh, { recursive: true, force: true });
  };
  /** Returns the cache's entries. */
  const entries = (): string[] => readdirSync(cache).filter((f) => /^[0-9a-f]{64}$/u.test(f));

  beforeAll(() => {
    const { added, first } = heldBackCorpus({ project, node, pool, notices, count: 14, seed: 'search-cache' });
    step('first');
    step('nothing changed');
    addNotice({ pool, notices }, added);
    step('one notice added');
    const [, changed, , , removed] = first;
    const lines = readFileSync(join(notices, `${changed}.txt`), 'utf8').split('\n');
    // A commitment (a line numbered 1) gets a word more.
    const item = lines.findIndex((l) => /^\s*[(（]?[1１][)）、.．]/u.test(l) && l.includes('。'));
    expect(lines[item]).toContain('。');
    lines[item] = (lines[item] ?? '').replace('。', '，增补项目。');
    writeFileSync(join(notices, `${changed}.txt`), lines.join('\n'));
    step('one notice changed');
    for (const f of readdirSync(notices).filter((f) => f.startsWith(`${removed}.`))) rmSync(join(notices, f));
    rmSync(join(content, 'commitments', '2023', removed ?? ''), { recursive: true, force: true });
    step('one notice removed');
    // A file of one entry changed (as through its hard link into a build), another entry without its record,
    // a third with a file rewritten to the same size (its stamp is no longer the one recorded), a fourth with
    // a file touched but the same bytes (read again, found the same: still kept).
    const [damaged, unrecorded, sameSize, touched] = entries();
    const fileOf = (entry: string | undefined): string => {
      const found = readdirSync(join(cache, entry ?? '', 'files'), { recursive: true, withFileTypes: true }).find((d) => d.isFile());
      return found ? join(found.parentPath, found.name) : '';
    };
    writeFileSync(fileOf(damaged), 'not what Pagefind wrote');
    rmSync(join(cache, unrecorded ?? '', 'entry.json'));
    const rewritten = readFileSync(fileOf(sameSize));
    rewritten[0] = (rewritten[0] ?? 0) ^ 1;
    writeFileSync(fileOf(sameSize), rewritten);
    utimesSync(fileOf(touched), new Date(), new Date());
    // And a district's kept pages unreadable: that district is read from the content again.
    const [district] = readdirSync(join(cache, 'districts'));
    writeFileSync(join(cache, 'districts', district ?? ''), '{"format": 1, "indexed": [');
    step('three entries damaged, one touched');
  }, 600_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('should write the same index byte for byte as without the cache, at every step', () => {
    expect(steps.map((s) => [s.name, s.same])).toEqual(steps.map((s) => [s.name, true]));
  });

  test('should make the same index into the one before it, its kept parts’ files left in place', () => {
    const later = steps.slice(1);
    expect(later.map((s) => [s.name, s.sameInEarlier])).toEqual(later.map((s) => [s.name, true]));
    for (const s of later) expect(s.inPlace, s.name).toBeGreaterThan(0);
  });

  test('should read from the content only the districts added or changed since, the others’ pages kept', () => {
    // The corpus: 14 notices, one held back until the third step.
    expect(steps.map((s) => s.districts)).toEqual([13, 13, 14, 14, 13, 13]);
    expect(steps.map((s) => [s.name, s.read])).toEqual([
      ['first', 13],
      ['nothing changed', 0],
      ['one notice added', 1],
      ['one notice changed', 1],
      ['one notice removed', 0],
      ['three entries damaged, one touched', 1],
    ]);
  });

  test('should index every part the first time, and none when nothing changed', () => {
    const [first, again] = steps;
    expect(first?.parts).toBeGreaterThan(3);
    expect(first?.reused).toBe(0);
    expect(again?.reused).toBe(again?.parts);
  });

  test('should index again only the part a notice added, changed or removed is in, or that and its neighbour', () => {
    const [added, changed, removed] = steps.slice(2, 5);
    for (const s of [added, changed]) {
      expect((s?.parts ?? 0) - (s?.reused ?? 0), s?.name).toBeGreaterThanOrEqual(1);
      expect((s?.parts ?? 0) - (s?.reused ?? 0), s?.name).toBeLessThanOrEqual(2);
    }
    // A part that held the removed district alone goes with it, and the others stay.
    expect((removed?.parts ?? 0) - (removed?.reused ?? 0)).toBeLessThanOrEqual(2);
    expect(removed?.reused).toBeGreaterThan(0);
  });

  test('should reuse a part numbered again because a part before it went or was split', () => {
    // A part's districts → its path, in each step; a part reused under another path than it had in the step before.
    const moved = steps.slice(1).flatMap((s, n) => {
      const before = new Map(steps[n]?.manifest.parts.map((p) => [p.districts.join(','), p.path]));
      return s.manifest.parts
        .filter((p) => s.fromCache.includes(p.path) && before.has(p.districts.join(',')) && before.get(p.districts.join(',')) !== p.path)
        .map((p) => `${s.name}: ${p.path}`);
    });
    expect(moved.length).toBeGreaterThan(0);
  });

  test('should index again a part whose entry is damaged, and reuse the others, a touched one among them', () => {
    const last = steps.at(-1);
    expect(last?.reused).toBe((last?.parts ?? 0) - 3);
    expect(last?.same).toBe(true);
  });
});
