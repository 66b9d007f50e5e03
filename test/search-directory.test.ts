/**
 * The index's directory (src/lib/search/directory.ts): which parts can hold a query. What matters is
 * that it never leaves out a part holding a page the search page would show (`containsQuery`), for
 * any text and any query; and that it leaves out the parts that cannot.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { directoryShards, foldChar, keysPerShard, partsHolding, queryKeys, shardCount, shardOf, shardPath, shardsFor, textKeys } from '../src/lib/search/directory.ts';
import type { DirectoryShard, DirectorySummary } from '../src/lib/search/directory.ts';
import { containsQuery, textContains } from '../src/lib/search/results.ts';
import { indexText, indexWords } from '../src/lib/search/terms.ts';

/** The text the index gives back for a page's text (its words read back, as the parts are keyed). */
const indexWordsText = (text: string): string => indexText(indexWords(text));

/** Characters a text is made of here: Chinese, Latin in both cases and with accents, digits, full-width forms, punctuation, symbols, marks, white space. */
const alphabet = [
  '沙',
  '林',
  '托',
  '位',
  '个',
  'A',
  'a',
  'É',
  'é',
  'e',
  '\u0301',
  '1',
  '２',
  'Ｆ',
  'f',
  '㎡',
  'm',
  '2',
  '，',
  '、',
  '（',
  '）',
  '%',
  '+',
  '·',
  ' ',
  '\n',
  'ß',
  'Σ',
  'ς',
  'σ',
  '\u{20000}',
];
const char = fc.constantFrom(...alphabet);
const text = fc.array(char, { maxLength: 24 }).map((cs) => cs.join(''));

/** Returns the parts (by place) holding a page the search page shows for `query`: one whose text contains it. */
function partsShowing(parts: readonly (readonly string[])[], query: string): Set<number> {
  return new Set(parts.flatMap((pages, n) => (pages.some((page) => containsQuery(indexWords(page), query)) ? [n] : [])));
}

/** Returns the directory of parts (each a list of page texts) and a lookup of the parts holding a query, as the search page makes it. */
function directoryOf(parts: readonly (readonly string[])[]): { summary: DirectorySummary; files: Map<string, DirectoryShard>; holding: (query: string) => Set<number> } {
  const { summary, files } = directoryShards(parts.map((pages) => textKeys(pages.map(indexWordsText).join('\n'))));
  const holding = (query: string): Set<number> => {
    const keys = queryKeys(query);
    const loaded = new Map(shardsFor(keys, summary).map((path) => [path, files.get(path) as DirectoryShard]));
    return partsHolding(keys, summary, loaded, parts.length);
  };
  return { summary, files, holding };
}

describe('search directory: keys', () => {
  test('should give a text its characters and each two next to each other in a run, folded', () => {
    expect([...textKeys('沙林，Ａ1 托')].sort()).toEqual(['1', 'a', 'a1', '托', '林', '林a', '沙', '沙林'].sort());
  });

  test('should fold case, compatibility forms and accents, and leave out punctuation, symbols and marks', () => {
    expect(foldChar('Ａ'.codePointAt(0) ?? 0)).toBe('a');
    expect(foldChar('É'.codePointAt(0) ?? 0)).toBe('e');
    expect(foldChar('㎡'.codePointAt(0) ?? 0)).toBe('m2');
    expect(foldChar('，'.codePointAt(0) ?? 0)).toBe('');
    expect(foldChar('%'.codePointAt(0) ?? 0)).toBe('');
    expect(foldChar(0x0301)).toBe('');
  });

  test('should ask a one-character run for that character and a longer run for each two next to each other', () => {
    expect(queryKeys('托')).toEqual(['托']);
    expect(queryKeys('老旧小区')).toEqual(['小区', '旧小', '老旧'].sort());
    expect(queryKeys('沙林 托')).toEqual(['托', '沙林'].sort());
    expect(queryKeys('，。')).toEqual([]);
  });

  test('should give every key of a query a text contains to that text (any text, any query)', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), text, (whole, from, length, other) => {
        const chars = [...whole];
        const start = from % (chars.length + 1);
        const inside = chars.slice(start, start + length).join('');
        const keys = textKeys(indexWordsText(whole));
        for (const query of [inside, other]) {
          if (textContains(indexWordsText(whole), query))
            for (const key of queryKeys(query)) expect(keys.has(key), `${JSON.stringify(query)} in ${JSON.stringify(whole)}: ${key}`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('search directory: shards', () => {
  test('should never leave out a part that holds a page the search page shows (any parts, any query)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(text, { maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.array(text, { maxLength: 6 }), (parts, queries) => {
        const { holding } = directoryOf(parts);
        const probes = [...queries, ...parts.flat().map((page) => [...page].slice(1, 4).join(''))];
        for (const query of probes) {
          const held = holding(query);
          for (const n of partsShowing(parts, query)) expect(held.has(n), `${JSON.stringify(query)}: part ${n}`).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('should leave out the parts that hold a query’s characters but never next to each other', () => {
    const parts = [['甲区新增托位3个'], ['沙林社区新建口袋公园1个'], ['林沙路改造'], ['沙河、林地']];
    const { holding } = directoryOf(parts);
    expect([...holding('沙林')]).toEqual([1]);
    expect([...holding('沙')].sort()).toEqual([1, 2, 3]);
    expect([...holding('沙林 公园')]).toEqual([1]);
    expect([...holding('沙林 托位')]).toEqual([]);
    // Punctuation alone has no key: every part.
    expect([...holding('、')].sort()).toEqual([0, 1, 2, 3]);
  });

  test('should list a key by the parts holding it when they are at most half, else by those lacking it', () => {
    const { files } = directoryShards([['托位', '沙林'], ['托位'], ['托位'], ['托位', '林地']]);
    const all = [...files.values()];
    const find = (key: string): DirectoryShard | undefined => all.find((s) => key in s.in || key in s.out);
    expect(find('沙林')?.in['沙林']).toEqual([0]);
    expect(find('托位')?.out['托位']).toEqual([]);
    expect(find('林地')?.in['林地']).toEqual([3]);
  });

  test('should put each key in the shard its hash names, about a shard per thousand keys, the same files for the same keys', () => {
    expect(shardCount(0)).toBe(1);
    expect(shardCount(keysPerShard)).toBe(1);
    expect(shardCount(keysPerShard + 1)).toBe(2);
    expect(shardCount(9 * keysPerShard)).toBe(16);
    const keys = Array.from({ length: 5000 }, (_, i) => `键${i}`);
    const a = directoryShards([keys.slice(0, 3000), keys.slice(2000)]);
    const b = directoryShards([[...keys.slice(0, 3000)].reverse(), keys.slice(2000)]);
    expect(a.summary).toEqual({ shards: 8 });
    expect(JSON.stringify([...a.files])).toBe(JSON.stringify([...b.files]));
    for (const [path, shard] of a.files) for (const key of [...Object.keys(shard.in), ...Object.keys(shard.out)]) expect(shardPath(shardOf(key, 8))).toBe(path);
    const sizes = [...a.files.values()].map((s) => Object.keys(s.in).length + Object.keys(s.out).length);
    expect(Math.max(...sizes)).toBeLessThan(2 * keysPerShard);
  });

  test('should fail plainly when a shard the query needs is not loaded', () => {
    expect(() => partsHolding(['沙林'], { shards: 4 }, new Map(), 2)).toThrow(/directory\/\d\.json is not loaded/u);
  });
});
