/**
 * File digests remembered with the files' stamps (`src/lib/digests.ts`): the same SHA-256 as reading
 * the files, a file read again only when its stamp changed, and a memo that cannot be read ignored.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fileDigests } from '../src/lib/digests.ts';
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

  test('should give each file’s SHA-256 and remember it with its stamp', () => {
    expect(fileDigests(base, paths, 'test', cache)).toEqual(truth());
    const [memo] = readdirSync(cache);
    const kept = JSON.parse(readFileSync(join(cache, memo ?? ''), 'utf8')) as Record<string, [string, string]>;
    expect(Object.keys(kept)).toEqual(paths);
    expect(kept['notices/a.txt']?.[1]).toBe(truth()[0]);
  });

  test('should not read a file whose stamp is the one remembered, and read one whose stamp changed', () => {
    fileDigests(base, paths, 'test', cache);
    const [memo = ''] = readdirSync(cache);
    // The memo says another digest for a.txt under its present stamp: it is believed, the file not read.
    const kept = JSON.parse(readFileSync(join(cache, memo), 'utf8')) as Record<string, [string, string]>;
    writeFileSync(join(cache, memo), JSON.stringify({ ...kept, 'notices/a.txt': [kept['notices/a.txt']?.[0], 'f'.repeat(64)] }));
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
    expect(Object.keys(JSON.parse(readFileSync(join(cache, before[0] ?? ''), 'utf8')) as object)).toEqual(paths);
    rmSync(join(cache, added[0] ?? ''));
  });

  test('should ignore a memo it cannot read, and forget the files no longer asked for', () => {
    const [memo = ''] = readdirSync(cache);
    writeFileSync(join(cache, memo), '{"notices/a.txt": ');
    expect(fileDigests(base, paths, 'test', cache)).toEqual(truth());
    expect(fileDigests(base, paths.slice(1), 'test', cache)).toEqual(truth().slice(1));
    expect(Object.keys(JSON.parse(readFileSync(join(cache, memo), 'utf8')) as object)).toEqual(['notices/b.txt']);
  });
});
