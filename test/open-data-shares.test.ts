/**
 * Each notice's share of its year's open data, kept between incremental builds (src/lib/data/shares.ts):
 * made once per key, read back as made, made again when a file of it is gone; nothing kept without a key.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { NoticeShare } from '../src/lib/data/dataset.ts';
import { keptShares, openDataSharesVariable, shareFiles, shareKeysFile } from '../src/lib/data/shares.ts';
import type { District } from '../src/lib/site/model.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder of kept shares naming these keys. */
function folder(keys: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-shares-'));
  dirs.push(dir);
  writeFileSync(join(dir, shareKeysFile), JSON.stringify(keys));
  return dir;
}

/** A district as the source reads it: its year and slug. */
const district = (slug: string): District => ({ notice: { year: 2023, slug } }) as unknown as District;
const keyA = 'a'.repeat(64);

/** A share maker that counts its calls. */
function maker(text: string): { make: () => NoticeShare; calls: number } {
  const counter = {
    calls: 0,
    make: (): NoticeShare => {
      counter.calls++;
      return { json: `{"n": "${text}"}`, csv: `${text},1\r\n` };
    },
  };
  return counter;
}

describe('open data: kept shares', () => {
  test('should make a share once for its key, and read it back the same next time', () => {
    const dir = folder({ '2023/a': keyA });
    const env = { [openDataSharesVariable]: dir };
    const first = maker('甲');
    expect(keptShares(env)?.(district('a'), first.make)).toEqual({ json: '{"n": "甲"}', csv: '甲,1\r\n' });
    expect(first.calls).toBe(1);
    const again = maker('乙');
    // A later build: the share kept is given, not made.
    expect(keptShares(env)?.(district('a'), again.make)).toEqual({ json: '{"n": "甲"}', csv: '甲,1\r\n' });
    expect(again.calls).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([`${keyA}.csv`, `${keyA}.json`, shareKeysFile].sort());
  });

  test('should make a share again when one of its files is gone', () => {
    const dir = folder({ '2023/a': keyA });
    const env = { [openDataSharesVariable]: dir };
    keptShares(env)?.(district('a'), maker('甲').make);
    rmSync(shareFiles(dir, keyA).csv);
    const again = maker('乙');
    expect(keptShares(env)?.(district('a'), again.make)).toEqual({ json: '{"n": "乙"}', csv: '乙,1\r\n' });
    expect(again.calls).toBe(1);
    expect(existsSync(shareFiles(dir, keyA).csv)).toBe(true);
  });

  test('should make, and keep nothing of, a district the keys do not name or name with no key', () => {
    const dir = folder({ '2023/b': 'not a key' });
    const source = keptShares({ [openDataSharesVariable]: dir });
    const made = maker('丙');
    source?.(district('a'), made.make);
    source?.(district('b'), made.make);
    expect(made.calls).toBe(2);
    expect(readdirSync(dir)).toEqual([shareKeysFile]);
  });

  test('should give no source without the variable, or when the keys cannot be read', () => {
    expect(keptShares({})).toBeUndefined();
    const dir = folder({});
    writeFileSync(join(dir, shareKeysFile), '{ not json');
    expect(keptShares({ [openDataSharesVariable]: dir })).toBeUndefined();
  });
});
