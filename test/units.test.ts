import { describe, expect, test } from 'vitest';
import type { FoundNote, UnitNote } from '../src/lib/parse/units.ts';
import { findUnitNotes, isWholeUnitName, joinWrappedNames, readLabelledLine, readUnitNote, splitUnitNames, withoutUnitNotes } from '../src/lib/parse/units.ts';

describe('isWholeUnitName', () => {
  test.each<readonly [string, boolean]>([
    ['区教育局', true],
    ['区卫健委', true],
    ['区残联', true],
    ['区园林绿化服务中心', true],
    ['市中城投集团', true],
    ['广电网络公司', true],
    ['龙桥街道', true],
    ['生态环境市中分局', true],
    ['区综合行', false],
    ['区文化', false],
    ['区住房和', false],
    ['广电网络', false],
  ])('says %s ends like a whole unit name: %s', (name, expected) => {
    expect(isWholeUnitName(name)).toBe(expected);
  });
});

describe('splitUnitNames', () => {
  test.each<readonly [string, string[]]>([
    ['区人社局', ['区人社局']],
    ['区人社局、区民政局', ['区人社局', '区民政局']],
    ['甲局，乙局；丙局', ['甲局', '乙局', '丙局']],
    ['甲局,乙局;丙局', ['甲局', '乙局', '丙局']],
    ['区财政局/区税务局', ['区财政局', '区税务局']],
    ['区教育局 区卫健委', ['区教育局', '区卫健委']],
    [' 区教育局、 区卫健委 ', ['区教育局', '区卫健委']],
    ['区教育体育局、区司法局负责', ['区教育体育局', '区司法局']],
    ['区人社局牵头', ['区人社局']],
    ['区民政局、区残联等', ['区民政局', '区残联']],
    ['区民政局、、区残联', ['区民政局', '区残联']],
    ['', []],
    ['  ', []],
  ])('splits %j into %j', (list, expected) => {
    expect(splitUnitNames(list)).toEqual(expected);
  });
});

describe('joinWrappedNames', () => {
  test.each<readonly [string[], string[]]>([
    [['区综合行', '政执法局'], ['区综合行政执法局']],
    [
      ['区财政局', '龙桥街道', '鼓楼街道'],
      ['区财政局', '龙桥街道', '鼓楼街道'],
    ],
    [['区文化', '和旅游局'], ['区文化和旅游局']],
    [
      ['区财政局', '广电网络', '公司'],
      ['区财政局', '广电网络公司'],
    ],
    [['区住房和', '城乡建设局'], ['区住房和城乡建设局']],
    [['区人社局、区民政局'], ['区人社局', '区民政局']],
    [
      ['区住房和', '城乡建设局、区', '财政局'],
      ['区住房和城乡建设局', '区财政局'],
    ],
    [['区文化'], ['区文化']],
    [[], []],
  ])('joins the fragments %j into %j', (fragments, expected) => {
    expect(joinWrappedNames(fragments)).toEqual(expected);
  });
});

describe('readUnitNote', () => {
  test.each<readonly [string, UnitNote]>([
    ['牵头单位：区人社局', { lead: ['区人社局'], co: [] }],
    ['牵头单位:区民政局、区财政局', { lead: ['区民政局', '区财政局'], co: [] }],
    ['牵头单位：区民政局、区卫健委、区残联', { lead: ['区民政局', '区卫健委', '区残联'], co: [] }],
    ['牵头部门：区住建局', { lead: ['区住建局'], co: [] }],
    ['责任单位：区民政局', { lead: ['区民政局'], co: [] }],
    ['主办单位：区住建局', { lead: ['区住建局'], co: [] }],
    ['配合单位：区委宣传部、区文旅体局', { lead: [], co: ['区委宣传部', '区文旅体局'] }],
    ['协办单位：区财政局', { lead: [], co: ['区财政局'] }],
    ['区教育体育局、区司法局负责', { lead: ['区教育体育局', '区司法局'], co: [] }],
    ['区残联负责', { lead: ['区残联'], co: [] }],
    ['区园林绿化服务中心、区城管局、生态环境市中分局负责', { lead: ['区园林绿化服务中心', '区城管局', '生态环境市中分局'], co: [] }],
    ['市中城投集团、区卫生健康局、区商务局负责', { lead: ['市中城投集团', '区卫生健康局', '区商务局'], co: [] }],
    ['区人社局牵头', { lead: ['区人社局'], co: [] }],
    ['区卫健委配合', { lead: [], co: ['区卫健委'] }],
    ['主办单位：甲局；协办单位：乙局', { lead: ['甲局'], co: ['乙局'] }],
    ['主办单位：甲局;协办单位：乙局、丙局', { lead: ['甲局'], co: ['乙局', '丙局'] }],
    ['属市级任务', { lead: [], co: [], level: 'city' }],
    ['属省级任务', { lead: [], co: [], level: 'province' }],
    ['市级任务', { lead: [], co: [], level: 'city' }],
  ])('reads %j', (note, expected) => {
    expect(readUnitNote(note)).toEqual(expected);
  });

  test.each<readonly [string]>([['全市参照执行'], ['助餐点'], ['工会驿站'], ['间'], ['爱祖国、爱人民、爱劳动、爱科学、爱社会主义'], ['成林道-津滨大道'], ['']])(
    'returns undefined for %j, which says nothing about responsibility',
    (note) => {
      expect(readUnitNote(note)).toBeUndefined();
    },
  );
});

describe('findUnitNotes', () => {
  test.each<readonly [string, FoundNote[]]>([
    ['新增托位675个。（牵头单位：区教育局、区卫健委）', [{ lead: ['区教育局', '区卫健委'], co: [], start: 9, end: 25 }]],
    ['按1500元/人标准发放求职创业补贴（全市参照执行）。（牵头单位：区人社局）', [{ lead: ['区人社局'], co: [], start: 27, end: 38 }]],
    ['救助重大疾病困难患者60名。（属市级任务）', [{ lead: [], co: [], level: 'city', start: 14, end: 21 }]],
    ['(区残联负责)', [{ lead: ['区残联'], co: [], start: 0, end: 7 }]],
    [
      '甲（区民政局负责）乙（配合单位：区财政局）',
      [
        { lead: ['区民政局'], co: [], start: 1, end: 9 },
        { lead: [], co: ['区财政局'], start: 10, end: 21 },
      ],
    ],
    ['新增22个城乡老年食堂（助餐点），争取培育1家省示范性社区嵌入式养老服务机构。', []],
    ['发展保障性租赁住房439套（间）。', []],
    ['实施老旧小区改造', []],
  ])('finds the notes of %j where they stand', (text, expected) => {
    expect(findUnitNotes(text)).toEqual(expected);
  });
});

describe('withoutUnitNotes', () => {
  test.each<readonly [string, string]>([
    ['新增托位675个。（牵头单位：区教育局、区卫健委）', '新增托位675个。 '],
    ['做好服务工作（区卫生健康局、区财政局配合）。', '做好服务工作 。'],
    ['甲（区民政局负责）乙(配合单位：区财政局)丙', '甲 乙 丙'],
    ['新增22个城乡老年食堂（助餐点）。', '新增22个城乡老年食堂（助餐点）。'],
    ['', ''],
  ])('turns the unit notes of %j into spaces, keeping every other bracket', (text, expected) => {
    expect(withoutUnitNotes(text)).toBe(expected);
  });
});

describe('readLabelledLine', () => {
  test.each<readonly [string, UnitNote | undefined]>([
    ['牵头单位：区人社局', { lead: ['区人社局'], co: [] }],
    ['主办单位：甲局；协办单位：乙局', { lead: ['甲局'], co: ['乙局'] }],
    ['配合单位：区委宣传部、区文旅体局', { lead: [], co: ['区委宣传部', '区文旅体局'] }],
    ['区教育局负责', undefined],
    ['推进举措：', undefined],
    ['新增托位675个。', undefined],
  ])('reads the line %j', (line, expected) => {
    expect(readLabelledLine(line)).toEqual(expected);
  });
});
