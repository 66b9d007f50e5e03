/**
 * Running tasks a few at a time (tools/build/concurrency.ts), as the search
 * index runs its parts.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mapConcurrent } from '../tools/build/concurrency.ts';

/** Resolves after `n` turns of the event loop's microtask queue (no clock). */
const turns = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

describe('mapConcurrent', () => {
  test('should return every result in the items’ order, never running more than the limit at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(20), { maxLength: 30 }), fc.integer({ min: 1, max: 5 }), async (delays, limit) => {
        let running = 0;
        let most = 0;
        const out = await mapConcurrent(delays, limit, async (d, i) => {
          running++;
          most = Math.max(most, running);
          await turns(d);
          running--;
          return `${i}:${d}`;
        });
        expect(out).toEqual(delays.map((d, i) => `${i}:${d}`));
        expect(most).toBeLessThanOrEqual(limit);
        if (delays.length >= limit) expect(most).toBe(limit);
      }),
    );
  });

  test('should reject with the first error and start no task after it', async () => {
    const started: number[] = [];
    const run = mapConcurrent([0, 1, 2, 3, 4], 2, async (i) => {
      started.push(i);
      await turns(i === 1 ? 1 : 5);
      if (i === 1) throw new Error('part 2 failed');
      return i;
    });
    await expect(run).rejects.toThrow('part 2 failed');
    expect(started).toEqual([0, 1]);
  });

  test('should refuse a limit that is not a positive whole number', async () => {
    await expect(mapConcurrent([1], 0, async (x) => x)).rejects.toThrow();
    await expect(mapConcurrent([1], 1.5, async (x) => x)).rejects.toThrow();
  });
});
