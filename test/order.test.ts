/**
 * The project's one order of strings (src/lib/order.ts): by UTF-16 code units, and the strings of a
 * sorted list that begin with a prefix.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { byCodeUnits, startingWith } from '../src/lib/order.ts';

describe('byCodeUnits', () => {
  test('should order by code units, not by locale: capitals first, astral characters by their surrogates', () => {
    expect(['b', 'B', 'a', '民', 'ａ', '𠀋', '\uffff'].sort(byCodeUnits)).toEqual(['B', 'a', 'b', '民', '\ud840\udc0b', 'ａ', '\uffff']);
    expect(byCodeUnits('a', 'a')).toBe(0);
  });
});

describe('startingWith', () => {
  test('should give a notice’s own files, not those of a notice whose name begins with its name', () => {
    const files = ['anbei.md', 'anbei.txt', 'anbei.units.yaml', 'anbei-guangbao.md', 'anbei-guangbao.txt', 'anbeia.md', 'zhen.md'].sort(byCodeUnits);
    expect(startingWith(files, 'anbei.')).toEqual(['anbei.md', 'anbei.txt', 'anbei.units.yaml']);
    expect(startingWith(files, 'anbei-guangbao.')).toEqual(['anbei-guangbao.md', 'anbei-guangbao.txt']);
    expect(startingWith(files, 'an')).toEqual(files.slice(0, 6));
    expect(startingWith(files, 'b.')).toEqual([]);
    expect(startingWith([], 'a')).toEqual([]);
    expect(startingWith(files, '')).toEqual(files);
  });

  test('should give what filtering the sorted list gives, in the same order (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '.', '-', 'B', '民', '\ud840', '\udc0b', '\uffff') });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 40 }), text, (list, prefix) => {
        const sorted = [...list].sort(byCodeUnits);
        expect(startingWith(sorted, prefix)).toEqual(sorted.filter((s) => s.startsWith(prefix)));
      }),
      { numRuns: 2000 },
    );
  });
});
