/**
 * The synthetic benchmark corpus (`tools/bench/`, `scripts/corpus.ts`):
 * deterministic from its seed, and every notice in it reads back, with the
 * project's own parser, as exactly the commitments the generator meant.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileTree } from './helpers/files.ts';
import { afterAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Corpus } from '../tools/bench/corpus.ts';
import { chineseNumber, generateCorpus, layouts, varyNumbers } from '../tools/bench/corpus.ts';
import { buildPool } from '../tools/bench/pool.ts';
import { mulberry32 } from '../tools/bench/random.ts';
import { parseNotice } from '../src/lib/parse/notice.ts';
import { NoticeMeta } from '../src/lib/schema.ts';

const project = join(import.meta.dirname, '..');
const builtIn = join(project, 'content', 'notices');
const poolTexts = (readdirSync(builtIn, { recursive: true, withFileTypes: true }) as Dirent[])
  .filter((d) => d.isFile() && d.name.endsWith('.txt'))
  .map((d) => join(d.parentPath, d.name))
  .sort()
  .map((f) => readFileSync(f, 'utf8'));
const pool = buildPool(poolTexts);

/** Returns the files of a corpus as path → contents. */
const filesOf = (corpus: Corpus): Map<string, string> => new Map(corpus.files.map((f) => [f.path, f.contents]));

/** Checks that every notice of a corpus parses into the intended number of commitments, with no line left over. */
function expectReadable(corpus: Corpus): void {
  const files = filesOf(corpus);
  for (const n of corpus.notices) {
    const text = files.get(n.path);
    expect(text, n.path).toBeDefined();
    const parsed = parseNotice(text ?? '');
    if (!parsed.ok) throw new Error(`${n.path} (${n.layout}): ${parsed.error.message}`);
    expect(parsed.notice.commitments.length, `${n.path} (${n.layout})`).toBe(n.commitments);
    expect(parsed.notice.year, n.path).toBe(n.year);
    const leftOver = parsed.notice.warnings.filter((w) => w.message.includes('未能归入'));
    expect(leftOver, `${n.path} (${n.layout})`).toEqual([]);
  }
}

describe('the sample pool', () => {
  test('should be read from the built-in notices: items with titles and bodies, units, measures, group names and titles', () => {
    expect(pool.items.length).toBeGreaterThan(100);
    expect(pool.units).toContain('区人社局');
    expect(pool.measures.length).toBeGreaterThan(50);
    expect(pool.groupNames).toContain('促进就业');
    expect(pool.titles).toHaveLength(poolTexts.length);
    expect(pool.sections.length).toBeGreaterThan(2);
    for (const item of pool.items) expect(item.body).toMatch(/[。！？][”’」）)]?$/u);
  });
});

describe('the corpus generator', () => {
  test('should write byte-identical files for the same seed and options', () => {
    const a = generateCorpus(pool, { seed: 'same', notices: 40, year: 2023, perNotice: 33 });
    const b = generateCorpus(pool, { seed: 'same', notices: 40, year: 2023, perNotice: 33 });
    expect(filesOf(a)).toEqual(filesOf(b));
  });

  test('should write a different corpus for a different seed', () => {
    const a = filesOf(generateCorpus(pool, { seed: 'one', notices: 10, year: 2023, perNotice: 33 }));
    const b = filesOf(generateCorpus(pool, { seed: 'two', notices: 10, year: 2023, perNotice: 33 }));
    expect([...a.keys()]).not.toEqual([...b.keys()]);
    expect([...a.values()].join('')).not.toBe([...b.values()].join(''));
  });

  test('should make a smaller corpus the first notices of a larger one with the same seed', () => {
    const small = generateCorpus(pool, { seed: 'prefix', notices: 30, year: 2023, perNotice: 33 });
    const large = generateCorpus(pool, { seed: 'prefix', notices: 90, year: 2023, perNotice: 33 });
    const largeFiles = filesOf(large);
    for (const f of small.files.filter((x) => x.path !== 'corpus.json')) expect(largeFiles.get(f.path), f.path).toBe(f.contents);
  });

  test('should write notices that parse into exactly the commitments it meant, with no line left unassigned', () => {
    for (const seed of ['alpha', 'beta', 'gamma']) {
      const corpus = generateCorpus(pool, { seed, notices: 150, year: 2023, perNotice: 33 });
      for (const layout of layouts)
        expect(
          corpus.notices.some((n) => n.layout === layout),
          `${seed}: ${layout}`,
        ).toBe(true);
      expectReadable(corpus);
    }
  });

  test('should keep notices readable with very few and very many commitments each, and in another year', () => {
    for (const perNotice of [1, 2, 3, 120]) expectReadable(generateCorpus(pool, { seed: `size-${perNotice}`, notices: 60, year: 2023, perNotice }));
    expectReadable(generateCorpus(pool, { seed: 'later', notices: 60, year: 2031, perNotice: 33 }));
  });

  test('should average the requested number of commitments per notice', () => {
    const corpus = generateCorpus(pool, { seed: 'mean', notices: 300, year: 2023, perNotice: 33 });
    const mean = corpus.manifest.commitments / corpus.manifest.notices;
    expect(mean).toBeGreaterThan(31);
    expect(mean).toBeLessThan(35);
    expect(Math.min(...corpus.notices.map((n) => n.commitments))).toBeGreaterThanOrEqual(22);
    expect(Math.max(...corpus.notices.map((n) => n.commitments))).toBeLessThanOrEqual(44);
  });

  test('should write metadata that validates against NoticeMeta, with unique slugs matching the file names', () => {
    const corpus = generateCorpus(pool, { seed: 'meta', notices: 400, year: 2024, perNotice: 5 });
    const slugs = new Set<string>();
    for (const f of corpus.files.filter((x) => x.path.endsWith('.yaml'))) {
      const meta = NoticeMeta.parse(parseYaml(f.contents));
      expect(f.path).toBe(`notices/2024/${meta.slug}.yaml`);
      expect(meta.year).toBe(2024);
      expect(meta.districtFull.endsWith(meta.district)).toBe(true);
      expect(meta.sourceUrl).toBeNull();
      expect(slugs.has(meta.slug), meta.slug).toBe(false);
      slugs.add(meta.slug);
    }
    expect(slugs.size).toBe(400);
  });
});

describe('the corpus helpers', () => {
  test('should write Chinese numerals up to 99', () => {
    expect([1, 10, 11, 20, 21, 99].map(chineseNumber)).toEqual(['一', '十', '十一', '二十', '二十一', '九十九']);
  });

  test('should vary quantities but keep years, ranges, codes, ages and titles', () => {
    const text = '自2023年5月1日起，为0-17岁残疾人服务，编号GB/T37516-2019，《办法》（淮残联〔2022〕13号）第12届，新增托位675个，完好率86%。';
    const varied = varyNumbers(text, mulberry32('x'));
    for (const kept of ['2023年5月1日', '0-17岁', 'GB/T37516-2019', '〔2022〕13号', '第12届']) expect(varied).toContain(kept);
    expect(varied).toMatch(/新增托位\d+个/u);
    expect(Number(/完好率(\d+)%/u.exec(varied)?.[1])).toBeLessThan(100);
  });
});

describe('npm run corpus', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** Runs the CLI into a new temporary directory and returns it. */
  const run = (args: string[]): string => {
    const out = mkdtempSync(join(tmpdir(), 'minsheng-corpus-'));
    dirs.push(out);
    execFileSync(process.execPath, [join(project, 'scripts', 'corpus.ts'), ...args, '--out', out], { cwd: project, stdio: 'pipe' });
    return out;
  };
  const tree = (dir: string): Map<string, string> => fileTree(dir, 'utf8');

  test('should write the same bytes twice for the same seed, text and metadata side by side', () => {
    const a = run(['--notices', '12', '--seed', 'cli', '--per-notice', '10']);
    const b = run(['--notices', '12', '--seed', 'cli', '--per-notice', '10']);
    const files = tree(a);
    expect(files).toEqual(tree(b));
    expect([...files.keys()].filter((p) => p.endsWith('.txt'))).toHaveLength(12);
    expect([...files.keys()].filter((p) => p.endsWith('.yaml'))).toHaveLength(12);
    expect(files.has('corpus.json')).toBe(true);
  });

  test('should refuse to write over notices already in the directory', () => {
    const a = run(['--notices', '2', '--seed', 'again']);
    let failed = false;
    try {
      execFileSync(process.execPath, [join(project, 'scripts', 'corpus.ts'), '--notices', '2', '--seed', 'again', '--out', a], { cwd: project, stdio: 'pipe' });
    } catch (error) {
      failed = true;
      expect(String((error as { stderr?: Buffer }).stderr)).toContain('already holds');
    }
    expect(failed).toBe(true);
  });
});
