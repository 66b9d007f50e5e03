/**
 * The search index in parts (src/lib/search/parts.ts): how pages are split,
 * and which parts a search loads.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { districtUnitsPath, keyFraction, partFilterValue, partsFor, partUnits, planParts, summarizePart, unitFiles } from '../src/lib/search/parts.ts';
import type { Part, PartPage, PartsManifest } from '../src/lib/search/parts.ts';

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

  test('should end a part after a district whose key falls below its share of half the limit, and before one that would take it over the limit', () => {
    // keyFraction: 丁区 0.4175, 丙区 0.5388, 乙区 0.6523, 己区 0.6792, 甲区 0.4533, 戊区 0.8867 (2023); in code point order 丁 丙 乙 己 甲 戊.
    const d = (slug: string, name: string): PartPage[] => districtPages('2023', slug, name, 9);
    const three = [...d('a', '甲区'), ...d('b', '乙区'), ...d('c', '丙区')];
    // A 10-page district ends its part when its fraction is below 10 / (max / 2).
    expect(planParts(three, 40).map((p) => p.pages.length)).toEqual([30]); // 0.5: 甲区 alone
    expect(planParts(three, 36).map((p) => p.pages.length)).toEqual([10, 20]); // 0.556: 丙区 and 甲区
    expect(planParts(three, 20).map((p) => p.pages.length)).toEqual([10, 10, 10]); // 1: every one
    expect(planParts(three, 5).map((p) => p.pages.length)).toEqual([10, 10, 10]); // larger than the limit: a part each
    // 0.4: none ends by its key; the sixth would take the part to 60 pages.
    const five = [...three, ...d('d', '丁区'), ...d('e', '戊区')];
    expect(planParts(five, 50).map((p) => p.pages.length)).toEqual([50]);
    expect(planParts([...five, ...d('f', '己区')], 50).map((p) => summarizePart(p).districts.length)).toEqual([5, 1]);
    expect(() => planParts(three, 0)).toThrow();
  });

  test('should keep, when a district is removed, the parts before its own (but the one its size cut), and every part after the next end the keys decide', () => {
    fc.assert(
      fc.property(arbitraryPages, fc.integer({ min: 1, max: 80 }), fc.nat(), (pages, max, pick) => {
        const key = (p: PartPage): string => `${p.filters.year?.[0]}/${p.filters.district?.[0]}`;
        const keys = [...new Set(pages.map(key))];
        const gone = keys[pick % Math.max(1, keys.length)];
        const content = (parts: Part[]): string[] => parts.map((p) => p.pages.map((x) => x.path).join(' '));
        const before = content(planParts(pages, max));
        const after = content(
          planParts(
            pages.filter((p) => key(p) !== gone),
            max,
          ),
        );
        const held = planParts(pages, max).findIndex((p) => p.pages.some((x) => key(x) === gone));
        if (held < 0) return;
        const parts = planParts(pages, max);
        /** Whether a part ends by its last district's key (and that district is still there). */
        const natural = (part: Part | undefined): boolean => {
          const last = part?.pages.at(-1);
          const size = part?.pages.filter((x) => last && key(x) === key(last)).length ?? 0;
          return last !== undefined && key(last) !== gone && keyFraction(`${last.filters.year?.[0]}\u0000${last.filters.district?.[0]}`) < size / (max / 2);
        };
        // The part just before was cut there for the district's size when it does not end by its key.
        const stable = held > 0 && !natural(parts[held - 1]) ? held - 1 : held;
        expect(after.slice(0, stable)).toEqual(before.slice(0, stable));
        // The parts after the next end its keys decide are all still there, whatever their number.
        const resync = parts.findIndex((p, n) => n >= held && natural(p));
        if (resync < 0) return;
        for (const kept of before.slice(resync + 1)) expect(after).toContain(kept);
      }),
    );
  });

  test('should index again, for a district added or removed among many, mostly its own part alone or with its neighbour', () => {
    // 400 districts of 5 to 64 pages, in parts of at most 1,000.
    const all = Array.from({ length: 400 }, (_, i) => districtPages('2023', `d${i}`, `区${String(i).padStart(3, '0')}`, 4 + ((i * 37) % 60)));
    const content = (parts: Part[]): Set<string> => new Set(parts.map((p) => p.pages.map((x) => x.path).join(' ')));
    const whole = content(planParts(all.flat(), 1000));
    expect(whole.size).toBeGreaterThan(20);
    const changed: number[] = [];
    for (let i = 0; i < all.length; i++) {
      const removed = content(planParts(all.filter((_, j) => j !== i).flat(), 1000));
      changed.push([...removed].filter((p) => !whole.has(p)).length);
      const extra = districtPages('2023', `d${i}x`, `区${String(i).padStart(3, '0')}x`, 20);
      const added = content(planParts([...all.flat(), ...extra], 1000));
      changed.push([...added].filter((p) => !whole.has(p)).length);
    }
    // Packed greedily, a change re-indexed every part after it: about half of them, 12, on average.
    expect(changed.reduce((a, b) => a + b, 0) / changed.length).toBeLessThan(2);
    expect(changed.filter((n) => n <= 2).length).toBeGreaterThan(changed.length * 0.75);
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
    const pages = [...districtPages('2023', 'a', '甲区', 3), ...districtPages('2024', 'a', '甲区', 3), ...districtPages('2024', 'b', '乙区', 3)];
    // Groups go by year, then district name in code point order (乙 U+4E59 before 甲 U+7532).
    expect(planParts(pages, 100).map(summarizePart)).toEqual([{ path: '', pages: 12, years: ['2023', '2024'], districts: ['乙区', '甲区'] }]);
    // keyFraction: 2023 甲区 0.4533, below 4 / 8: it ends the first part; 2024 乙区 0.9854 and 甲区 0.8104 do not.
    expect(planParts(pages, 16).map(summarizePart)).toEqual([
      { path: '', pages: 4, years: ['2023'], districts: ['甲区'] },
      { path: 'part-2/', pages: 8, years: ['2024'], districts: ['乙区', '甲区'] },
    ]);
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
    // keyFraction: 2022 甲区 0.3229, below 1 / 2, ends the first part; 2023 乙区 0.6523 does not; 2023 甲区 ends the second.
    const [first, second] = planParts(
      pages.filter((p) => p.filters.district),
      4,
      listed,
    );
    expect(first && summarizePart(first).districts).toEqual(['甲区']);
    expect(first && [...unitFiles(first)]).toEqual([['units/0.json', { 区民政局: { '2022': '/2022/a/units/min-zheng-ju/' } }]]);
    expect(second && summarizePart(second).districts).toEqual(['乙区', '甲区']);
    expect(second && [...unitFiles(second)]).toEqual([
      ['part-2/units/0.json', {}],
      ['part-2/units/1.json', { 区民政局: { '2023': '/2023/a/units/min-zheng-ju/' }, 区财政局: {} }],
    ]);
    expect(districtUnitsPath('part-2/', 0)).toBe('part-2/units/0.json');
  });
});
