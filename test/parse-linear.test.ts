/**
 * No input makes the parser blow up: each pathological input completes, is
 * read without an internal error, and its record stays within a bounded
 * multiple of the input's size. Time is the benchmark's business
 * (`npm run bench`), never a test's.
 */
import { describe, expect, test } from 'vitest';
import { pathological, pathologicalKinds } from '../tools/bench/pathological.ts';
import { parseNotice } from '../src/lib/parse/notice.ts';

/** The most output (JSON characters) a record may take per input character. */
const bound = 40;

describe('pathological inputs', () => {
  test.each(pathologicalKinds)(
    'should read %s of 100,000 characters into a record of bounded size',
    (kind) => {
      const input = pathological(kind, 100_000);
      const result = parseNotice(input);
      if (!result.ok) throw new Error(`${kind}: ${result.error.message}`);
      const size = JSON.stringify(result.notice).length;
      expect(size).toBeLessThan(bound * input.length);
    },
    60_000,
  );

  test('should keep the numbering of a list longer than 999 items', () => {
    const input = pathological('many-items', 60_000);
    const result = parseNotice(input);
    if (!result.ok) throw new Error(result.error.message);
    const numbers = result.notice.commitments.map((c) => c.number);
    expect(numbers.length).toBeGreaterThan(1000);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(result.notice.warnings).toEqual([]);
  }, 60_000);

  test('should read 200,000 items without running out of stack', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `${i + 1}、新建口袋公园一处。`);
    const result = parseNotice(`关于2024年民生实事项目的通知\n${lines.join('\n')}\n`);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.notice.commitments).toHaveLength(200_000);
    expect(result.notice.commitments.at(-1)?.number).toBe(200_000);
  }, 120_000);

  test('should drop an unclosed bookmark run from no line and keep the items around it', () => {
    const result = parseNotice(pathological('unclosed-bookmark', 10_000));
    if (!result.ok) throw new Error(result.error.message);
    const titles = result.notice.commitments.map((c) => c.title);
    expect(titles).toHaveLength(3);
    expect(titles[0]).toMatch(/^新建幼儿园2所\[bookmark/u);
    expect(titles.slice(1)).toEqual(['改造小区3个', '新增车位100个']);
  });

  test('should join a unit cell wrapped over many lines into one name', () => {
    const result = parseNotice(pathological('wrapped-unit-cell', 10_000));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.notice.commitments.map((c) => c.leadUnits.length)).toEqual([1, 1]);
    expect(result.notice.commitments[1]?.leadUnits).toEqual(['区交通局']);
  });
});
