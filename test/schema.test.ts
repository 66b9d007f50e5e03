/**
 * The shared definitions of `src/lib/schema.ts`: one slug, one year, one day,
 * used by every schema that has such a field.
 */
import { describe, expect, test } from 'vitest';
import { CommitmentEntry, isYear, NoticeMeta, OriginalFile, ReportMeta, Slug, slugPattern, TopicAssignment, UnitRecord } from '../src/lib/schema.ts';

describe('Slug', () => {
  test.each(['huaibei-xiangshan', 'jiao-yu-ju', 'a', '2023x', 'x-2'])('accepts %j', (slug) => {
    expect(Slug.safeParse(slug).success).toBe(true);
  });

  test.each(['', 'Huaibei', 'huaibei_xiangshan', '-a', 'a-', 'a--b', 'jiao yu', '淮北'])('refuses %j with one message', (slug) => {
    const result = Slug.safeParse(slug);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('a slug is lower-case ASCII words joined by hyphens');
  });

  test('is the pattern of every slug field, and of the slug part of an original file name', () => {
    const fields = [NoticeMeta.shape.slug, UnitRecord.shape.slug, TopicAssignment.shape.slug, ReportMeta.shape.slug, ReportMeta.shape.notice];
    for (const field of fields) {
      expect(field.safeParse('jiao-yu-ju').success).toBe(true);
      expect(field.safeParse('jiao--yu').success).toBe(false);
    }
    expect(OriginalFile.shape.file.safeParse('huaibei-xiangshan.orig.pdf').success).toBe(true);
    expect(OriginalFile.shape.file.safeParse('huaibei--xiangshan.orig.pdf').success).toBe(false);
    expect(slugPattern.test('huaibei-xiangshan')).toBe(true);
  });
});

describe('isYear', () => {
  test.each<readonly [number, boolean]>([
    [1949, true],
    [2023, true],
    [2200, true],
    [1948, false],
    [2201, false],
    [2023.5, false],
    [Number.NaN, false],
  ])('says %d is a year of a notice: %s', (n, expected) => {
    expect(isYear(n)).toBe(expected);
    expect(NoticeMeta.shape.year.safeParse(n).success).toBe(expected);
  });
});

describe('dates', () => {
  test('refuses a date that is not YYYY-MM-DD in every date field, with one message', () => {
    const result = CommitmentEntry.shape.statusHistory.unwrap().element.shape.date.safeParse('2023-1-5');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('a date is YYYY-MM-DD');
  });
});
