/**
 * The arithmetic and formatting behind `npm run bench`'s figures (tools/bench/stats.ts).
 */
import { describe, expect, test } from 'vitest';
import { fitLine, formatSeconds } from '../tools/bench/stats.ts';

describe('fitLine', () => {
  test('recovers the fixed and per-unit cost of points on a line', () => {
    const xs = [1000, 5000, 26000, 52000, 158000];
    const fit = fitLine(
      xs,
      xs.map((x) => 4 + 0.003 * x),
    );
    expect(fit?.intercept).toBeCloseTo(4, 6);
    expect(fit?.slope).toBeCloseTo(0.003, 9);
    expect(fit?.r2).toBeCloseTo(1, 9);
    expect(fit?.points).toBe(5);
  });

  test('says less than perfect when the points scatter, and nothing for fewer than two distinct sizes', () => {
    const fit = fitLine([1, 2, 3, 4], [1, 3, 2, 4]);
    expect(fit?.r2).toBeLessThan(1);
    expect(fit?.r2).toBeGreaterThan(0);
    expect(fitLine([5], [1])).toBeUndefined();
    expect(fitLine([5, 5], [1, 2])).toBeUndefined();
  });
});

describe('formatSeconds', () => {
  test.each([
    [4.26, '4.3 s'],
    [99.94, '99.9 s'],
    [119.6, '2 min 00 s'],
    [474.4, '7 min 54 s'],
    [1345, '22 min 25 s'],
    [Number.NaN, '–'],
  ])('writes %s seconds as %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});
