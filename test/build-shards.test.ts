/**
 * The sharded build (`tools/build/shards.ts`, `scripts/build-shards.ts`):
 * shards of whole provinces, and a result byte-identical to one `astro build`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileTree } from './helpers/files.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ShardNotice } from '../tools/build/shards.ts';
import fc from 'fast-check';
import { districtOutputs, isDistrictOutput, planShards } from '../tools/build/shards.ts';
import { astroBuildEnv } from '../scripts/lib/children.ts';

const notice = (province: string, city: string, slug: string, year = 2023): ShardNotice => ({ province, city, slug, year });

describe('the shard plan', () => {
  test('should keep provinces whole when they fit and pack them in order', () => {
    const list = [notice('甲省', 'a市', 'a1'), notice('甲省', 'a市', 'a2'), notice('乙省', 'b市', 'b1'), notice('丙省', 'c市', 'c1'), notice('丙省', 'c市', 'c2')];
    const shards = planShards(list, 3);
    // Provinces in code order (丙 < 乙 < 甲), packed while a shard has room.
    expect(shards.map((s) => s.notices.map((n) => n.slug))).toEqual([
      ['c1', 'c2', 'b1'],
      ['a1', 'a2'],
    ]);
    // Each province lies in one shard.
    for (const p of ['甲省', '乙省', '丙省']) expect(shards.filter((s) => s.provinces.includes(p))).toHaveLength(1);
    expect(
      shards
        .flatMap((s) => s.notices)
        .map((n) => n.slug)
        .sort(),
    ).toEqual(['a1', 'a2', 'b1', 'c1', 'c2']);
  });

  test('should split a province larger than a shard by city, never losing or repeating a notice', () => {
    const list = Array.from({ length: 23 }, (_, i) => notice('大省', `市${i % 4}`, `d${i}`));
    const shards = planShards(list, 5);
    for (const s of shards) expect(s.notices.length).toBeLessThanOrEqual(5);
    const slugs = shards.flatMap((s) => s.notices.map((n) => n.slug));
    expect(new Set(slugs).size).toBe(23);
    expect(slugs).toHaveLength(23);
  });

  test('should give a shard without the latest year one notice of it as an anchor', () => {
    const shards = planShards([notice('甲省', 'a市', 'old', 2022), notice('乙省', 'b市', 'new', 2024)], 1);
    const withOld = shards.find((s) => s.notices.some((n) => n.slug === 'old'));
    const withNew = shards.find((s) => s.notices.some((n) => n.slug === 'new'));
    expect(withOld?.anchors.map((n) => n.slug)).toEqual(['new']);
    expect(withNew?.anchors).toEqual([]);
  });

  test('should tell a district’s own outputs from the others', () => {
    expect(isDistrictOutput('2023/abc/1/index.html', 2023, 'abc')).toBe(true);
    expect(isDistrictOutput('data/2023/abc.json', 2023, 'abc')).toBe(true);
    expect(isDistrictOutput('2023/abcd/index.html', 2023, 'abc')).toBe(false);
    expect(isDistrictOutput('2023/index.html', 2023, 'abc')).toBe(false);
  });

  test('should find each district’s outputs in one pass, as asking each district finds them (property)', () => {
    const district = fc.record({ year: fc.constantFrom(2023, 2024), slug: fc.constantFrom('abc', 'abcd', 'ab', 'x-y') });
    const segment = fc.constantFrom('2023', '2024', 'abc', 'abcd', 'ab', 'x-y', 'data', 'abc.json', 'abcd.json', '1', 'index.html', '');
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(fc.uniqueArray(district, { selector: (d) => `${d.year}/${d.slug}`, maxLength: 4 }), fc.array(path, { maxLength: 30 }), (districts, paths) => {
        const found = districtOutputs(paths, districts);
        for (const d of districts) expect(found.get(d)).toEqual(paths.filter((p) => isDistrictOutput(p, d.year, d.slug)));
        expect([...found.keys()]).toEqual(districts);
      }),
      { numRuns: 1000 },
    );
    // A district's folder and its open-data file, in the order given; another district's, and the year's, not.
    const a = { year: 2023, slug: 'abc' };
    const outputs = districtOutputs(['2023/abc/1/index.html', 'data/2023/abc.json', '2023/abcd/index.html', '2023/index.html', '2023/abc/index.html'], [a]);
    expect(outputs.get(a)).toEqual(['2023/abc/1/index.html', 'data/2023/abc.json', '2023/abc/index.html']);
  });
});

describe('node scripts/build-shards.ts (and the pages of a year with more districts than charts tell apart)', () => {
  const project = join(import.meta.dirname, '..');
  const work = mkdtempSync(join(tmpdir(), 'minsheng-shards-test-'));
  const content = join(work, 'content');
  const node = process.execPath;
  const env = { ...process.env, ...astroBuildEnv, MINSHENG_CONTENT_DIR: content };

  const tree = (dir: string): Map<string, string> => fileTree(dir, 'base64');

  beforeAll(() => {
    execFileSync(node, [join(project, 'scripts', 'corpus.ts'), '--notices', '16', '--seed', 'shards', '--per-notice', '5', '--out', content], { cwd: project, stdio: 'pipe' });
    execFileSync(node, [join(project, 'scripts', 'ingest.ts')], { cwd: project, env, stdio: 'pipe' });
    // The whole build runs in a copy of the project too, so that no build here shares Astro's cache with another test's.
    const copy = join(work, 'project');
    for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
      if (existsSync(join(project, entry))) cpSync(join(project, entry), join(copy, entry), { recursive: true });
    }
    mkdirSync(join(copy, 'node_modules'));
    for (const entry of readdirSync(join(project, 'node_modules'))) {
      if (entry !== '.astro' && entry !== '.vite') symlinkSync(join(project, 'node_modules', entry), join(copy, 'node_modules', entry));
    }
    execFileSync(node, [join(copy, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', join(work, 'whole')], { cwd: copy, env, stdio: 'pipe' });
    execFileSync(node, [join(project, 'scripts', 'build-shards.ts'), '--out', join(work, 'sharded'), '--max-notices', '4', '--jobs', String(Math.min(2, availableParallelism()))], {
      cwd: project,
      env,
      stdio: 'pipe',
    });
    // The headers step, as `npm run build` runs it after either build: each page's policy then names its own inline styles.
    for (const site of ['whole', 'sharded']) execFileSync(node, [join(project, 'scripts', 'headers.ts'), join(work, site)], { cwd: project, stdio: 'pipe' });
  }, 900_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('should list the districts by province on the home page and the year overview, every link and page valid', () => {
    const site = join(work, 'whole');
    const year = readdirSync(site).find((f) => /^\d{4}$/u.test(f)) ?? '';
    const overview = readFileSync(join(site, year, 'index.html'), 'utf8');
    const provinces = [...overview.matchAll(/<section id="([^"]+)">/gu)].map((m) => m[1]);
    expect(provinces.length).toBeGreaterThan(1);
    expect(overview).toContain('按省份分色');
    const home = readFileSync(join(site, 'index.html'), 'utf8');
    for (const p of provinces) expect(home).toContain(`href="/${year}/#${p}"`);
    // Links (fragments included) resolve, every page is valid HTML, and the search index is whole
    // (indexed in a copy, so that the byte-for-byte comparison below sees what astro build wrote).
    const indexed = join(work, 'whole-indexed');
    cpSync(site, indexed, { recursive: true });
    execFileSync(node, [join(project, 'scripts', 'search-index.ts'), '--site', indexed], { cwd: project, stdio: 'pipe' });
    execFileSync(node, [join(project, 'scripts', 'check-site.ts'), indexed], { cwd: project, stdio: 'pipe' });
  });

  test('should write exactly the files one astro build and the headers step write, byte for byte', () => {
    const whole = tree(join(work, 'whole'));
    const sharded = tree(join(work, 'sharded'));
    expect([...sharded.keys()]).toEqual([...whole.keys()]);
    for (const [path, bytes] of whole) expect(sharded.get(path), path).toBe(bytes);
  });
});
