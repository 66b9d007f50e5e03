/**
 * The search index in parts (src/lib/search/parts.ts): how pages are split,
 * and which parts a search loads.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { districtUnitsPath, partFilterValue, partsFor, partUnits, planParts, summarizePart, unitFiles } from '../src/lib/search/parts.ts';
import type { PartPage, PartsManifest } from '../src/lib/search/parts.ts';

/** Pages of a district: its notice page, and `n` more under it. */
function districtPages(year: string, slug: string, name: string, n: number): PartPage[] {
  return Array.from({ length: n + 1 }, (_, i) => ({ path: `${year}/${slug}/${i === 0 ? '' : `${i}/`}index.html`, filters: { year: [year], district: [name] } }));
}

const arbitraryPages = fc.array(fc.record({ year: fc.constantFrom('2023', '2024'), slug: fc.stringMatching(/^[a-z]{1,4}$/u), n: fc.nat(30) }), { maxLength: 30 }).map((ds) => {
  const seen = new Set<string>();
  return ds.filter((d) => !seen.has(`${d.year}/${d.slug}`) && seen.add(`${d.year}/${d.slug}`)).flatMap((d) => districtPages(d.year, d.slug, `${d.slug}区`, d.n));
});

describe('planParts', () => {
  test('should keep every page exactly once, a year’s district in one part, each part within the limit unless one district is larger', () => {
    fc.assert(
      fc.property(arbitraryPages, fc.integer({ min: 1, max: 80 }), (pages, max) => {
        const parts = planParts(pages, max);
        const placed = parts.flatMap((p) => p.pages.map((x) => x.path));
        expect([...placed].sort()).toEqual(pages.map((p) => p.path).sort());
        expect(new Set(placed).size).toBe(placed.length);
        const partOf = new Map<string, number>();
        parts.forEach((part, n) => {
          const districts = new Set(part.pages.map((p) => `${p.filters.year?.[0]}/${p.filters.district?.[0]}`));
          if (part.pages.length > max) expect(districts.size).toBe(1);
          for (const d of districts) {
            expect(partOf.get(d) ?? n).toBe(n);
            partOf.set(d, n);
          }
        });
        expect(parts.map((p) => p.path)).toEqual(parts.map((_, n) => (n === 0 ? '' : `part-${n + 1}/`)));
      }),
    );
  });

  test('should not depend on the order pages are found in', () => {
    fc.assert(
      fc.property(arbitraryPages, fc.integer({ min: 1, max: 80 }), (pages, max) => {
        expect(planParts([...pages].reverse(), max)).toEqual(planParts(pages, max));
      }),
    );
  });

  test('should fill parts before starting new ones', () => {
    const pages = [...districtPages('2023', 'a', '甲区', 9), ...districtPages('2023', 'b', '乙区', 9), ...districtPages('2023', 'c', '丙区', 9)];
    expect(planParts(pages, 20).map((p) => p.pages.length)).toEqual([20, 10]);
    expect(planParts(pages, 30).map((p) => p.pages.length)).toEqual([30]);
    expect(planParts(pages, 5).map((p) => p.pages.length)).toEqual([10, 10, 10]);
    expect(() => planParts(pages, 0)).toThrow();
  });

  test('should put each department page in the part of its year’s district, without indexing or counting it', () => {
    const unit = (year: string, slug: string, name: string): PartPage => ({
      path: `${year}/${slug}/units/min-zheng-ju/index.html`,
      filters: { year: [year], district: [name], unit: ['区民政局'] },
    });
    const pages = [...districtPages('2023', 'a', '甲区', 9), ...districtPages('2023', 'b', '乙区', 9)];
    const listed = [unit('2023', 'b', '乙区'), unit('2023', 'a', '甲区'), unit('2022', 'c', '丙区')];
    const parts = planParts(pages, 10, listed);
    // 乙区 (U+4E59) is the first group, 甲区 the second; 丙区 has no indexed page: it goes with the first part.
    expect(parts.map((p) => p.listed.map((x) => x.path))).toEqual([
      ['2022/c/units/min-zheng-ju/index.html', '2023/b/units/min-zheng-ju/index.html'],
      ['2023/a/units/min-zheng-ju/index.html'],
    ]);
    expect(parts.map((p) => summarizePart(p).pages)).toEqual([10, 10]);
    expect(planParts(pages, 10, [...listed].reverse())).toEqual(parts);
  });

  test('should list in its summary the districts and years a part holds', () => {
    const [first, second] = planParts([...districtPages('2023', 'a', '甲区', 3), ...districtPages('2024', 'a', '甲区', 3), ...districtPages('2024', 'b', '乙区', 3)], 8);
    // Groups go by year, then district name in code point order (乙 U+4E59 before 甲 U+7532).
    expect(first && summarizePart(first)).toEqual({ path: '', pages: 8, years: ['2023', '2024'], districts: ['乙区', '甲区'] });
    expect(second && summarizePart(second)).toEqual({ path: 'part-2/', pages: 4, years: ['2024'], districts: ['甲区'] });
  });
});

describe('partsFor', () => {
  const manifest: PartsManifest = {
    parts: [
      { path: '', pages: 10, years: ['2023'], districts: ['甲区', '乙区'] },
      { path: 'part-2/', pages: 10, years: ['2023', '2024'], districts: ['丙区', '甲区'] },
      { path: 'part-3/', pages: 10, years: ['2024'], districts: ['丁区'] },
    ],
  };

  test('should load every part for a search over everything, the newest year’s first, each year’s in the manifest’s order', () => {
    expect(partsFor(manifest, {})).toEqual(['part-2/', 'part-3/', '']);
    expect(partsFor(manifest, { district: '', topic: '养老服务' })).toEqual(['part-2/', 'part-3/', '']);
    const oneYear: PartsManifest = { parts: manifest.parts.map((p) => ({ ...p, years: ['2023'] })) };
    expect(partsFor(oneYear, {})).toEqual(['', 'part-2/', 'part-3/']);
  });

  test('should load only the parts holding the chosen district or year, the first only when it holds them', () => {
    expect(partsFor(manifest, { district: '丁区' })).toEqual(['part-3/']);
    expect(partsFor(manifest, { district: '甲区' })).toEqual(['part-2/', '']);
    expect(partsFor(manifest, { year: '2024' })).toEqual(['part-2/', 'part-3/']);
    expect(partsFor(manifest, { year: '2024', district: '甲区' })).toEqual(['part-2/']);
    expect(partsFor(manifest, { district: '戊区' })).toEqual([]);
  });

  test('should name each part’s own filter value, the first part’s too', () => {
    expect(manifest.parts.map((p) => partFilterValue(p.path))).toEqual(['part-1/', 'part-2/', 'part-3/']);
  });
});

describe('partUnits', () => {
  const pages: PartPage[] = [
    { path: '2023/a/1/index.html', filters: { year: ['2023'], district: ['甲区'], unit: ['区民政局', '区财政局'] } },
    { path: '2023/a/2/index.html', filters: { year: ['2023'], district: ['甲区'], unit: ['区民政局'] } },
    { path: '2023/a/index.html', filters: { year: ['2023'], district: ['甲区'] } },
    { path: '2022/a/index.html', filters: { year: ['2022'], district: ['甲区'] } },
    { path: '2023/b/index.html', filters: { year: ['2023'], district: ['乙区'] } },
    { path: 'search/index.html', filters: {} },
  ];
  const listed: PartPage[] = [
    { path: '2023/a/units/min-zheng-ju/index.html', filters: { year: ['2023'], district: ['甲区'], unit: ['区民政局'] } },
    { path: '2022/a/units/min-zheng-ju/index.html', filters: { year: ['2022'], district: ['甲区'], unit: ['区民政局'] } },
  ];

  test('lists each district’s departments as its pages name them, each once, sorted', () => {
    const [part] = planParts(pages, 100);
    expect(part && partUnits(part)).toEqual({ 乙区: {}, 甲区: { 区民政局: {}, 区财政局: {} } });
    expect(Object.keys(part ? (partUnits(part).甲区 ?? {}) : {})).toEqual(['区民政局', '区财政局'].sort());
  });

  test('gives each department the page the part lists for it in each year, under the base path', () => {
    const [part] = planParts(pages, 100, listed);
    expect(part && partUnits(part, '/minsheng/')).toEqual({
      乙区: {},
      甲区: { 区民政局: { '2022': '/minsheng/2022/a/units/min-zheng-ju/', '2023': '/minsheng/2023/a/units/min-zheng-ju/' }, 区财政局: {} },
    });
  });

  test('writes one small file per district, numbered by its place in the part’s summary', () => {
    const [first, second] = planParts(pages, 4, listed);
    expect(first && summarizePart(first).districts).toEqual(['乙区', '甲区']);
    expect(first && [...unitFiles(first)]).toEqual([
      ['units/0.json', {}],
      ['units/1.json', { 区民政局: { '2022': '/2022/a/units/min-zheng-ju/' } }],
    ]);
    expect(second && [...unitFiles(second)]).toEqual([['part-2/units/0.json', { 区民政局: { '2023': '/2023/a/units/min-zheng-ju/' }, 区财政局: {} }]]);
    expect(districtUnitsPath('part-2/', 0)).toBe('part-2/units/0.json');
  });
});
