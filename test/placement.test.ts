/**
 * Putting a sharded build's output together (`tools/build/placement.ts`): files hard-linked or moved into
 * their folders, on the main thread or a worker; a file to place that is gone fails naming it; an earlier
 * output placed into again keeps the files that are still the cached ones, and nothing else.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { clearForReuse, MissingFile, placeFiles, placeInWorker } from '../tools/build/placement.ts';
import { filesBelow } from '../src/lib/files.ts';

describe('placeFiles and placeInWorker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-placement-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cache = join(dir, 'cache');
  mkdirSync(join(cache, '2023', 'x', '1'), { recursive: true });
  writeFileSync(join(cache, '2023', 'x', 'index.html'), '区县');
  writeFileSync(join(cache, '2023', 'x', '1', 'index.html'), '第1项');
  const files = ['2023/x/index.html', '2023/x/1/index.html'].map((rel) => ({ from: join(cache, rel), rel }));

  test('should hard-link each file into its folder on a worker thread, the cache left as it was', async () => {
    const out = join(dir, 'worker');
    mkdirSync(out);
    await placeInWorker(out, files);
    for (const { from, rel } of files) {
      expect(readFileSync(join(out, rel), 'utf8')).toBe(readFileSync(from, 'utf8'));
      expect(statSync(join(out, rel)).ino).toBe(statSync(from).ino);
    }
  });

  test('should move files and replace the ones it is told to, on the main thread', () => {
    const out = join(dir, 'main');
    const built = join(dir, 'built');
    mkdirSync(out);
    mkdirSync(built);
    writeFileSync(join(built, 'index.html'), '首页');
    writeFileSync(join(built, 'x.html'), '新的');
    const folders = new Set<string>([out]);
    placeFiles(out, [{ from: join(cache, '2023', 'x', 'index.html'), rel: 'x.html' }], 'link', folders);
    placeFiles(
      out,
      ['index.html', 'x.html'].map((rel) => ({ from: join(built, rel), rel })),
      'move',
      folders,
      (rel) => rel === 'x.html',
    );
    expect(readFileSync(join(out, 'x.html'), 'utf8')).toBe('新的');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('首页');
    expect(existsSync(join(built, 'index.html'))).toBe(false);
    // The cached file it replaced is untouched (it was unlinked, not written through).
    expect(readFileSync(join(cache, '2023', 'x', 'index.html'), 'utf8')).toBe('区县');
  });

  test('should fail naming a file to place that is gone, on either thread', async () => {
    const gone = [...files, { from: join(cache, 'gone.html'), rel: 'gone.html' }];
    for (const name of ['gone-1', 'gone-2', 'gone-main']) mkdirSync(join(dir, name));
    await expect(placeInWorker(join(dir, 'gone-1'), gone)).rejects.toThrow(`gone.html cannot be placed: ${join(cache, 'gone.html')} is missing`);
    await expect(placeInWorker(join(dir, 'gone-2'), gone)).rejects.toBeInstanceOf(MissingFile);
    expect(() => placeFiles(join(dir, 'gone-main'), gone.slice(2), 'link', new Set([join(dir, 'gone-main')]))).toThrow(MissingFile);
  });

  test('should keep in an earlier output only the files that are still the cached ones, and place the rest on a worker', async () => {
    const out = join(dir, 'earlier');
    mkdirSync(join(out, '2023', 'x', '1'), { recursive: true });
    mkdirSync(join(out, '2023', 'gone', '5'), { recursive: true });
    mkdirSync(join(out, 'pagefind'), { recursive: true });
    // Still the cached page (a hard link to it); the same bytes but another file (a build since made it
    // again); a removed district's page; a file of another step; a link; an empty folder.
    linkSync(join(cache, '2023', 'x', 'index.html'), join(out, '2023', 'x', 'index.html'));
    writeFileSync(join(out, '2023', 'x', '1', 'index.html'), '第1项');
    writeFileSync(join(out, '2023', 'gone', '5', 'index.html'), '旧的');
    writeFileSync(join(out, 'pagefind', 'parts.json'), '{}');
    symlinkSync(join(cache, '2023', 'x', 'index.html'), join(out, 'link.html'));
    mkdirSync(join(out, 'empty'));
    const before = statSync(join(out, '2023', 'x', 'index.html')).ino;

    const { kept, folders } = clearForReuse(join(dir, 'earlier'), new Map(files.map(({ from, rel }) => [rel, from])));
    expect([...kept]).toEqual(['2023/x/index.html']);
    expect(filesBelow(out)).toEqual(['2023/x/index.html']);
    expect(existsSync(join(out, '2023', 'gone'))).toBe(false);
    expect(existsSync(join(out, 'empty'))).toBe(false);
    expect([...folders].sort()).toEqual([out, join(out, '2023'), join(out, '2023', 'x')].sort());

    // On the worker: cleared, then the rest placed; the file that stayed is the same file.
    writeFileSync(join(out, 'stale.html'), '旧的');
    await expect(placeInWorker(out, files, true)).resolves.toBe(1);
    expect(filesBelow(out)).toEqual(['2023/x/1/index.html', '2023/x/index.html']);
    expect(statSync(join(out, '2023', 'x', 'index.html')).ino).toBe(before);
    for (const { from, rel } of files) expect(statSync(join(out, rel)).ino).toBe(statSync(from).ino);
    // The cache is as it was.
    expect(readFileSync(join(cache, '2023', 'x', '1', 'index.html'), 'utf8')).toBe('第1项');
  });
});
