import { describe, expect, test } from 'vitest';
import type { Marker } from '../src/lib/parse/markers.ts';
import { readMarker } from '../src/lib/parse/markers.ts';

describe('readMarker', () => {
  test.each<readonly [string, Marker]>([
    // 一、 二． 三.
    ['一、促进就业', { style: 'cn', value: 1, length: 2 }],
    ['二．社会保障', { style: 'cn', value: 2, length: 2 }],
    ['三.困难群体救助', { style: 'cn', value: 3, length: 2 }],
    ['十二、文化工程建设', { style: 'cn', value: 12, length: 3 }],
    ['二十、新建公园', { style: 'cn', value: 20, length: 3 }],
    ['四十、城乡建设', { style: 'cn', value: 40, length: 3 }],
    ['一、 促进就业', { style: 'cn', value: 1, length: 3 }],
    // （一） (一)
    ['（三）提升公共卫生服务', { style: 'cn-paren', value: 3, length: 3 }],
    ['(四)完善社区养老服务', { style: 'cn-paren', value: 4, length: 3 }],
    ['（十一）改造供热管网', { style: 'cn-paren', value: 11, length: 4 }],
    // 1. 1、 1． １． 01␠
    ['1.促进重点群体稳定就业', { style: 'arabic', value: 1, length: 2 }],
    ['1、促进重点群体稳定就业', { style: 'arabic', value: 1, length: 2 }],
    ['1．促进重点群体稳定就业', { style: 'arabic', value: 1, length: 2 }],
    ['１．促进重点群体稳定就业', { style: 'arabic', value: 1, length: 2 }],
    ['１２．建设城市书房', { style: 'arabic', value: 12, length: 3 }],
    ['19.提升社区物业管理能力水平', { style: 'arabic', value: 19, length: 3 }],
    ['1. 实施婴幼儿托育扩容提质工程', { style: 'arabic', value: 1, length: 3 }],
    ['12、 建设口袋公园', { style: 'arabic', value: 12, length: 4 }],
    ['01 促进就业', { style: 'arabic', value: 1, length: 3 }],
    ['09 建设口袋公园', { style: 'arabic', value: 9, length: 3 }],
    // （1） (1)
    ['（1）新增托位', { style: 'arabic-paren', value: 1, length: 3 }],
    ['(1)新增托位', { style: 'arabic-paren', value: 1, length: 3 }],
    ['（12）新增托位', { style: 'arabic-paren', value: 12, length: 4 }],
    ['（１）新增托位', { style: 'arabic-paren', value: 1, length: 3 }],
    // 1） 1)
    ['1）新增托位', { style: 'arabic-half-paren', value: 1, length: 2 }],
    ['2)新增托位', { style: 'arabic-half-paren', value: 2, length: 2 }],
    // ① ②
    ['①婴幼儿托育扩容增位', { style: 'circled', value: 1, length: 1 }],
    ['② 完成1个市级示范托育机构创建目标', { style: 'circled', value: 2, length: 2 }],
    ['⑩建设中小学心理辅导室', { style: 'circled', value: 10, length: 1 }],
    ['⑳新增托位', { style: 'circled', value: 20, length: 1 }],
  ])('reads %j as a marker', (line, expected) => {
    expect(readMarker(line)).toEqual(expected);
  });

  test.each<readonly [string]>([
    ['1.78万人'],
    ['1.5公里'],
    ['3.1千伏安'],
    ['2023年区政府民生实事'],
    ['2023.'],
    ['一是民生实事项目必须是群众最关心的利益问题'],
    ['十号路'],
    ['一、'],
    ['（一）'],
    ['①'],
    ['1.'],
    ['１．'],
    ['0.新增托位'],
    ['零、新增托位'],
    ['（1新增托位'],
    ['实施老旧小区改造'],
    ['5%以上'],
    [''],
  ])('does not read %j as a marker', (line) => {
    expect(readMarker(line)).toBeUndefined();
  });
});
