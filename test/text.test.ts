import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { chineseNumeral, compact, fold, numeral, squash } from '../src/lib/parse/text.ts';

describe('chineseNumeral', () => {
  test.each<readonly [string, number]>([
    ['零', 0],
    ['〇', 0],
    ['一', 1],
    ['两', 2],
    ['三', 3],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['十五', 15],
    ['二十', 20],
    ['二十一', 21],
    ['三十九', 39],
    ['四十', 40],
    ['五十', 50],
    ['九十九', 99],
    ['一百', 100],
    ['两百', 200],
    ['一百零五', 105],
    ['一百一十', 110],
    ['三千零二', 3002],
    ['一千二百三十四', 1234],
  ])('reads %s as %i', (input, expected) => {
    expect(chineseNumeral(input)).toBe(expected);
  });

  test.each<readonly [string]>([[''], ['a'], ['1'], ['１'], ['二十a'], ['万'], ['第一'], [' 一'], ['一、'], ['壹']])(
    'returns undefined for %j, which is not a Chinese numeral',
    (input) => {
      expect(chineseNumeral(input)).toBeUndefined();
    },
  );
});

describe('numeral', () => {
  test.each<readonly [string, number | undefined]>([
    ['7', 7],
    ['12', 12],
    ['01', 1],
    ['１２', 12],
    ['十二', 12],
    ['二十一', 21],
    ['1.5', undefined],
    ['', undefined],
    ['abc', undefined],
  ])('reads %j as %s', (input, expected) => {
    expect(numeral(input)).toBe(expected);
  });
});

describe('fold', () => {
  test.each<readonly [string, string]>([
    ['１２３４５６７８９０', '1234567890'],
    ['ＡＢＣｘｙｚ', 'ABCxyz'],
    ['（１）', '(1)'],
    ['（一）', '(一)'],
    ['，．：；！？', ',.:;!?'],
    ['１．７８万人', '1.78万人'],
    ['！', '!'],
    ['～', '~'],
    ['\u3000甲\u3000', ' 甲 '],
    ['ｔｅｓｔ 123', 'test 123'],
    ['中文、。〔〕', '中文、。〔〕'],
    ['｟', '｟'],
    ['𠀀１', '𠀀1'],
    ['', ''],
  ])('folds %j to %j, keeping the length', (input, expected) => {
    const out = fold(input);
    expect(out).toBe(expected);
    expect(out).toHaveLength(input.length);
  });

  test('keeps the length of any string, so indices into the result are indices into the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(fold(s)).toHaveLength(s.length);
      }),
    );
  });
});

describe('squash', () => {
  test.each<readonly [string, string]>([
    ['  甲  乙  ', '甲 乙'],
    ['a   b c', 'a b c'],
    ['甲\t\t乙', '甲 乙'],
    ['甲\r\n乙', '甲 乙'],
    ['\u3000\u3000甲\u3000乙', '甲 乙'],
    ['甲\u00a0乙', '甲 乙'],
    ['\ufeff甲', '甲'],
    [' \t\u3000 ', ''],
    ['', ''],
    ['一、促进就业（3项）', '一、促进就业（3项）'],
  ])('squashes %j to %j', (input, expected) => {
    expect(squash(input)).toBe(expected);
  });
});

describe('compact', () => {
  test.each<readonly [string, string]>([
    [' 甲 乙\u3000丙\n', '甲乙丙'],
    ['区 财 政 局', '区财政局'],
    ['', ''],
  ])('removes all white space from %j', (input, expected) => {
    expect(compact(input)).toBe(expected);
  });
});
