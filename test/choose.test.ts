/**
 * The chooser: competing readings of the same lines, and the evidence that
 * picks one.
 */
import { describe, expect, test } from 'vitest';
import { choose, unbroken } from '../src/lib/parse/choose.ts';
import type { ItemDraft } from '../src/lib/parse/item.ts';
import { readLines } from '../src/lib/parse/lines.ts';
import type { Reading } from '../src/lib/parse/reading.ts';
import { emptyReading } from '../src/lib/parse/reading.ts';

/** A reading by `reader` of items numbered `values`, each on the line given. */
function reading(reader: string, values: number[], lines: number[]): Reading {
  const r = emptyReading(reader);
  values.forEach((value, i) => {
    const item: ItemDraft = { value, head: `第${i + 1}项`, rest: [], parts: [], measures: [], lead: [], co: [], lines: [lines[i] ?? 1] };
    r.items.push(item);
  });
  return r;
}

describe('unbroken', () => {
  test.each([
    [[1, 2, 3], true],
    [[1, 2, 1, 2, 3], true],
    [[1, 1, 2], true],
    [[1, 3], false],
    [[2, 3], false],
    [[], false],
  ])('should say whether %j runs 1, 2, 3… (restarts at 1 allowed)', (values, expected) => {
    expect(unbroken(values)).toBe(expected);
  });
});

describe('choose', () => {
  const { lines } = readLines('2024年民生实事项目（共3项）\n甲\n乙\n丙\n丁\n');

  test('should prefer the reading whose count agrees with the declared total, and say so', () => {
    const four = reading('first', [1, 2, 3, 4], [2, 3, 4, 5]);
    const three = reading('second', [1, 2, 3], [2, 3, 4]);
    const choice = choose([four, three], lines);
    expect(choice?.reading.reader).toBe('second');
    expect(choice?.evidence[0]).toBe('读出3项，与通知所称的总数一致');
    expect(choice?.evidence.at(-1)).toBe('优于first读法4项');
  });

  test('should prefer unbroken numbers over a reading that skips', () => {
    const { lines: plain } = readLines('2024年民生实事\n甲\n乙\n丙\n');
    const skipping = reading('first', [1, 3, 4], [2, 3, 4]);
    const running = reading('second', [1, 2, 3], [2, 3, 4]);
    expect(choose([skipping, running], plain)?.reading.reader).toBe('second');
  });

  test('should give a tie to the reader listed first, and nothing to a reading without items', () => {
    const a = reading('first', [1, 2], [2, 3]);
    const b = reading('second', [1, 2], [2, 3]);
    expect(choose([a, b], lines)?.reading.reader).toBe('first');
    expect(choose([emptyReading('none')], lines)).toBeUndefined();
  });
});
