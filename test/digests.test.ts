/**
 * Values derived from files, remembered with the files' stamps (`src/lib/digests.ts`): the same SHA-256
 * as reading the files, a file read again only when its stamp changed, and a memo that cannot be read
 * ignored; any value (`fileValues`), each kept once in its memo, and nothing kept when deriving fails.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fileDigests, fileValues } from '../src/lib/digests.ts';
import { sha256 } from '../src/lib/hash.ts';

describe('fileDigests', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-digests-'));
  const base = join(dir, 'content');
  const cache = join(dir, 'cache');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(base, 'notices'), { recursive: true });
  const paths = ['notices/a.txt', 'notices/b.txt'];
  writeFileSync(join(base, 'notices', 'a.txt'), '新增托位675个');
  writeFileSync(join(base, 'notices', 'b.txt'), '改造老旧小区12个');
  const truth = (): string[] => paths.map((p) => sha256(readFileSync(join(base, p))));
  /** Returns what a memo file remembers: each path's stamp and value. */
  const remembered = (memo: string): Record<string, [string, string]> => {
    const { values, files } = JSON.parse(readFileSync(join(cache, memo), 'utf8')) as { values: string[]; files: Record<string, [string, number]> };
    return Object.fromEntries(Object.entries(files).map(([path, [stamp, place]]) => [path, [stamp, values[place] ?? '']]));
  };

  test('should give each file’s SHA-256 and remember it with its stamp', () => {
    expect(fileDigests(base, paths, 'test', cache)).toEqual(truth());
    const [memo] = readdirSync(cache);
    const kept = remembered(memo ?? '');
    expect(Object.keys(kept)).toEqual(paths);
    expect(kept['notices/a.txt']?.[1]).toBe(truth()[0]);
  });

  test('should not read a file whose stamp is the one remembered, and read one whose stamp changed', () => {
    fileDigests(base, paths, 'test', cache);
    const [memo = ''] = readdirSync(cache);
    // The memo says another digest for a.txt under its present stamp: it is believed, the file not read.
    const { values, files } = JSON.parse(readFileSync(join(cache, memo), 'utf8')) as { values: string[]; files: Record<string, [string, number]> };
    writeFileSync(join(cache, memo), JSON.stringify({ values: [...values, 'f'.repeat(64)], files: { ...files, 'notices/a.txt': [files['notices/a.txt']?.[0], values.length] } }));
    expect(fileDigests(base, paths, 'test', cache)[0]).toBe('f'.repeat(64));
    // Rewritten with bytes of the same length: a new stamp (its time set apart: the file system's clock is
    // coarser than the test), read again.
    writeFileSync(join(base, 'notices', 'a.txt'), '新增托位676个');
    utimesSync(join(base, 'notices', 'a.txt'), new Date(9000), new Date(9000));
    expect(fileDigests(base, paths, 'test', cache)).toEqual(truth());
    // Touched: read again, the same digest.
    utimesSync(join(base, 'notices', 'b.txt'), new Date(5000), new Date(5000));
    expect(fileDigests(base, paths, 'test', cache)).toEqual(truth());
  });

  test('should keep a memo for each use of a folder', () => {
    const before = readdirSync(cache);
    expect(fileDigests(base, paths.slice(0, 1), 'other', cache)).toEqual(truth().slice(0, 1));
    const added = readdirSync(cache).filter((f) => !before.includes(f));
    expect(added).toHaveLength(1);
    // The first use's memo still holds both files.
    expect(Object.keys(remembered(before[0] ?? ''))).toEqual(paths);
    rmSync(join(cache, added[0] ?? ''));
  });

  test('should ignore a memo it cannot read, and forget the files no longer asked for', () => {
    const [memo = ''] = readdirSync(cache);
    writeFileSync(join(cache, memo), '{"notices/a.txt": ');
    expect(fileDigests(base, paths, 'test', cache)).toEqual(truth());
    expect(fileDigests(base, paths.slice(1), 'test', cache)).toEqual(truth().slice(1));
    expect(Object.keys(remembered(memo))).toEqual(['notices/b.txt']);
  });
});

describe('fileValues', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-file-values-'));
  const cache = join(dir, 'cache');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const paths = ['a.html', 'b.html', 'c.html'];
  writeFileSync(join(dir, 'a.html'), '<meta content="style-src a">');
  writeFileSync(join(dir, 'b.html'), '<meta content="style-src a">');
  writeFileSync(join(dir, 'c.html'), '<p>');
  /** What the test derives: the meta's content, or nothing; every file it reads, in order. */
  const read: string[] = [];
  const policy = (file: string): string => {
    read.push(file.slice(dir.length + 1));
    return /content="([^"]*)"/u.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  };

  test('should derive each file’s value once, keep each value once, and read only the files changed since', () => {
    expect(fileValues(dir, paths, 'policies', policy, cache)).toEqual(['style-src a', 'style-src a', '']);
    expect(read).toEqual(paths);
    const [memo = ''] = readdirSync(cache);
    expect((JSON.parse(readFileSync(join(cache, memo), 'utf8')) as { values: string[] }).values).toEqual(['style-src a', '']);
    writeFileSync(join(dir, 'b.html'), '<meta content="style-src b">');
    utimesSync(join(dir, 'b.html'), new Date(9000), new Date(9000));
    expect(fileValues(dir, paths, 'policies', policy, cache)).toEqual(['style-src a', 'style-src b', '']);
    expect(read).toEqual([...paths, 'b.html']);
  });

  test('should keep nothing when deriving a value fails', () => {
    const [memo = ''] = readdirSync(cache);
    const before = readFileSync(join(cache, memo), 'utf8');
    writeFileSync(join(dir, 'c.html'), '<script>');
    utimesSync(join(dir, 'c.html'), new Date(8000), new Date(8000));
    const refuse = (file: string): string => {
      if (readFileSync(file, 'utf8').includes('<script>')) throw new Error(`${file}: no policy`);
      return policy(file);
    };
    expect(() => fileValues(dir, paths, 'policies', refuse, cache)).toThrow('c.html: no policy');
    expect(readFileSync(join(cache, memo), 'utf8')).toBe(before);
  });
});
