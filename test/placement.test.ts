/**
 * Putting a sharded build's output together (`tools/build/placement.ts`): files hard-linked or moved into
 * their folders, on the main thread or a worker; a file to place that is gone fails naming it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { MissingFile, placeFiles, placeInWorker } from '../tools/build/placement.ts';

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
});
