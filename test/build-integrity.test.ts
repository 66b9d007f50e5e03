/**
 * The pure halves of atomic builds: the content check that stops `astro build`
 * on half-ingested content (src/lib/site/integrity.ts), and the search index's
 * completion record the checks verify (src/lib/search/complete.ts).
 */
import { describe, expect, test } from 'vitest';
import { indexProblems, indexRecord } from '../src/lib/search/complete.ts';
import { contentProblems, contentReport } from '../src/lib/site/integrity.ts';
import { commitment, notice, places, registry, unit } from './helpers/records.ts';

describe('contentProblems', () => {
  const shizhong = notice(places.shizhong, { commitmentCount: 2 });
  const both = [commitment(places.shizhong, 1, { leadUnits: ['区教育局'] }), commitment(places.shizhong, 2)];
  const units = [registry(places.shizhong, [unit('jiao-yu-ju', '区教育局', ['区教育局'], 'education')])];

  test('should find nothing wrong with whole notices', () => {
    expect(contentProblems([shizhong], both, units)).toEqual([]);
  });

  test('should refuse content without any notice entry', () => {
    expect(contentProblems([], [], [])).toEqual(['no notice entries at all (run `npm run ingest` first)']);
  });

  test('should name a notice whose commitment entries are missing', () => {
    expect(contentProblems([shizhong], [], units)).toEqual(['notice 2023/jinan-shizhong says it has 2 commitments, the content holds 0']);
    expect(contentProblems([shizhong], both.slice(0, 1), units)).toEqual(['notice 2023/jinan-shizhong says it has 2 commitments, the content holds 1']);
  });

  test('should name a commitment and a departments file whose notice has no entry', () => {
    const stray = commitment(places.hedong, 3);
    expect(contentProblems([shizhong], [...both, stray], [...units, registry(places.hedong, [])])).toEqual([
      'commitment 2023/tianjin-hedong/3 belongs to no notice entry',
      'departments file 2023/tianjin-hedong belongs to no notice entry',
    ]);
  });

  test('should name group items without an entry', () => {
    const grouped = notice(places.shizhong, { commitmentCount: 2, groups: [{ number: 1, name: '教育', items: [1, 2, 7], source: { startLine: 2, endLine: 2 } }] });
    expect(contentProblems([grouped], both, units)).toEqual(['notice 2023/jinan-shizhong: its groups name commitments without an entry: 7']);
  });

  test('should name departments a commitment uses that its departments file lacks (or a missing file)', () => {
    expect(contentProblems([shizhong], both, [])).toEqual(['notice 2023/jinan-shizhong: departments without an entry in its departments file: 区教育局']);
  });

  test('should report the first ten problems in one line, and count the rest', () => {
    const report = contentReport(
      '/c',
      Array.from({ length: 12 }, (_, i) => `p${i + 1}`),
    );
    expect(report).toBe('/c: error: the content is incomplete (half-ingested?), run `npm run ingest`: p1; p2; p3; p4; p5; p6; p7; p8; p9; p10; and 2 more');
  });
});

describe('the search index completion record', () => {
  const files = new Map([
    ['pagefind.js', 100],
    ['pagefind-entry.json', 20],
    ['parts.json', 30],
    ['fragment/a.pf_fragment', 5],
    ['part-2/pagefind-entry.json', 21],
    ['part-2/fragment/b.pf_fragment', 6],
  ]);
  const record = indexRecord(['', 'part-2/'], files);
  const withRecord = new Map([...files, ['complete.json', record.length]]);

  test('should list every file with its size, sorted, and not itself', () => {
    expect(JSON.parse(record)).toEqual({
      format: 1,
      parts: ['', 'part-2/'],
      files: { 'fragment/a.pf_fragment': 5, 'pagefind-entry.json': 20, 'pagefind.js': 100, 'part-2/fragment/b.pf_fragment': 6, 'part-2/pagefind-entry.json': 21, 'parts.json': 30 },
    });
    expect(Object.keys(JSON.parse(indexRecord([''], withRecord)).files)).not.toContain('complete.json');
  });

  test('should find a whole index whole', () => {
    expect(indexProblems(true, withRecord, record)).toEqual([]);
  });

  test('should not ask for an index when the build has no search page', () => {
    expect(indexProblems(false, new Map(), undefined)).toEqual([]);
  });

  test('should say the index is missing, or unfinished when files exist without the record', () => {
    expect(indexProblems(true, new Map(), undefined)).toEqual(['the search index is missing: no pagefind/ (run npm run build)']);
    expect(indexProblems(true, files, undefined)).toEqual(['the search index is unfinished: no pagefind/complete.json (the indexer did not finish; run npm run build)']);
  });

  test('should name a removed part, a truncated file and a file the index never wrote', () => {
    const damaged = new Map(withRecord);
    damaged.delete('part-2/pagefind-entry.json');
    damaged.delete('part-2/fragment/b.pf_fragment');
    damaged.set('pagefind.js', 50);
    damaged.set('fragment/stale.pf_fragment', 9);
    expect(indexProblems(true, damaged, record)).toEqual([
      'the search index is incomplete: 2 file(s) missing: pagefind/part-2/fragment/b.pf_fragment, pagefind/part-2/pagefind-entry.json',
      'the search index is incomplete: 1 file(s) of another size than when indexed: pagefind/pagefind.js',
      'the search index is incomplete: 1 file(s) the index never wrote: pagefind/fragment/stale.pf_fragment',
    ]);
  });

  test('should refuse a record that does not list the parts list or a part’s entry, or is not a record', () => {
    const partial = indexRecord(['', 'part-2/'], new Map([['pagefind-entry.json', 20]]));
    expect(indexProblems(true, new Map([['pagefind-entry.json', 20]]), partial)).toEqual([
      'pagefind/complete.json does not list pagefind/parts.json',
      'pagefind/complete.json does not list pagefind/part-2/pagefind-entry.json',
    ]);
    expect(indexProblems(true, files, '{"format":1,"par')).toEqual(['pagefind/complete.json is not a completion record (run npm run build)']);
  });
});
