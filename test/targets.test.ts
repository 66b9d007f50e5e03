import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { extractTargets } from '../src/lib/parse/targets.ts';
import { Target } from '../src/lib/schema.ts';

type Case = readonly [input: string, expected: Target[]];

describe('extractTargets', () => {
  describe('reading whole commitments', () => {
    test.each<Case>([
      [
        '新增城镇就业1.78万人以上；发展公益性零工市场１家以上，建设零工公寓200间。',
        [
          { value: 17800, unit: '人', text: '新增城镇就业1.78万人以上', comparator: '>=' },
          { value: 1, unit: '家', text: '发展公益性零工市场１家以上', comparator: '>=' },
          { value: 200, unit: '间', text: '建设零工公寓200间' },
        ],
      ],
      [
        '实施安心托幼行动，新增托位675个、新增公办幼儿园学位540个。',
        [
          { value: 675, unit: '个', text: '新增托位675个' },
          { value: 540, unit: '个', text: '新增公办幼儿园学位540个' },
        ],
      ],
      [
        '建筑面积约107万平方米，惠及居民1.41万户',
        [
          { value: 1070000, unit: '平方米', text: '建筑面积约107万平方米', comparator: '~' },
          { value: 14100, unit: '户', text: '惠及居民1.41万户' },
        ],
      ],
      [
        '对9类困难群众11项保障标准分别提高5%以上',
        [
          { value: 9, unit: '类', text: '对9类困难群众11项保障标准分别提高5%以上' },
          { value: 11, unit: '项', text: '对9类困难群众11项保障标准分别提高5%以上' },
          { value: 5, unit: '%', text: '对9类困难群众11项保障标准分别提高5%以上', comparator: '>=' },
        ],
      ],
      [
        '从3千伏安提高到3.1千伏安',
        [
          { value: 3, unit: '千伏安', text: '从3千伏安提高到3.1千伏安' },
          { value: 3.1, unit: '千伏安', text: '从3千伏安提高到3.1千伏安' },
        ],
      ],
      [
        '从18万元提高到25万元',
        [
          { value: 180000, unit: '元', text: '从18万元提高到25万元' },
          { value: 250000, unit: '元', text: '从18万元提高到25万元' },
        ],
      ],
      ['每人每年730元', [{ value: 730, unit: '元', text: '每人每年730元' }]],
      [
        '补助标准由每人每年610元提高至640元',
        [
          { value: 610, unit: '元', text: '补助标准由每人每年610元提高至640元' },
          { value: 640, unit: '元', text: '补助标准由每人每年610元提高至640元' },
        ],
      ],
    ])('should read the targets of %s in order of appearance', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });
  });

  describe('cutting the text at clause punctuation', () => {
    test.each<Case>([
      ['甲3人，乙4户', [{ value: 3, unit: '人', text: '甲3人' }, { value: 4, unit: '户', text: '乙4户' }]],
      ['甲3人。乙4户', [{ value: 3, unit: '人', text: '甲3人' }, { value: 4, unit: '户', text: '乙4户' }]],
      ['甲3人；乙4户', [{ value: 3, unit: '人', text: '甲3人' }, { value: 4, unit: '户', text: '乙4户' }]],
      ['甲3人：乙4户', [{ value: 3, unit: '人', text: '甲3人' }, { value: 4, unit: '户', text: '乙4户' }]],
      ['甲3人、乙4户', [{ value: 3, unit: '人', text: '甲3人' }, { value: 4, unit: '户', text: '乙4户' }]],
      ['甲3人！乙4户', [{ value: 3, unit: '人', text: '甲3人' }, { value: 4, unit: '户', text: '乙4户' }]],
      ['甲3人？乙4户', [{ value: 3, unit: '人', text: '甲3人' }, { value: 4, unit: '户', text: '乙4户' }]],
      ['甲3人, 乙4户', [{ value: 3, unit: '人', text: '甲3人' }, { value: 4, unit: '户', text: '乙4户' }]],
      ['甲3人; 乙4户.', [{ value: 3, unit: '人', text: '甲3人' }, { value: 4, unit: '户', text: '乙4户' }]],
      ['甲3人（乙4户）', [{ value: 3, unit: '人', text: '甲3人' }, { value: 4, unit: '户', text: '乙4户' }]],
      ['甲3人(乙4户)', [{ value: 3, unit: '人', text: '甲3人' }, { value: 4, unit: '户', text: '乙4户' }]],
      ['甲3人【乙4户】', [{ value: 3, unit: '人', text: '甲3人' }, { value: 4, unit: '户', text: '乙4户' }]],
      ['  新增托位 675 个  ，其余', [{ value: 675, unit: '个', text: '新增托位 675 个' }]],
      ['培训2.5天.', [{ value: 2.5, unit: '天', text: '培训2.5天' }]],
    ])('should cut the clause of %s at its punctuation and trim it', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });
  });

  describe('scaling', () => {
    test.each<Case>([
      ['新增1.78万人', [{ value: 17800, unit: '人', text: '新增1.78万人' }]],
      ['新增0.98万人', [{ value: 9800, unit: '人', text: '新增0.98万人' }]],
      ['惠及50.41万人', [{ value: 504100, unit: '人', text: '惠及50.41万人' }]],
      ['新增1.41万户', [{ value: 14100, unit: '户', text: '新增1.41万户' }]],
      ['筹集1.2345678万元', [{ value: 12345.678, unit: '元', text: '筹集1.2345678万元' }]],
    ])('should scale 万 exactly in %s', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['投资2.5亿元', [{ value: 250000000, unit: '元', text: '投资2.5亿元' }]],
      ['投资0.07亿元', [{ value: 7000000, unit: '元', text: '投资0.07亿元' }]],
      ['总额1.2万亿元', [{ value: 1200000000000, unit: '元', text: '总额1.2万亿元' }]],
    ])('should scale 亿 exactly in %s', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['服务3千人', [{ value: 3000, unit: '人', text: '服务3千人' }]],
      ['服务1.5千人次', [{ value: 1500, unit: '人次', text: '服务1.5千人次' }]],
      ['容量3千伏安', [{ value: 3, unit: '千伏安', text: '容量3千伏安' }]],
      ['装机5千瓦', [{ value: 5, unit: '千瓦', text: '装机5千瓦' }]],
      ['修路12千米', [{ value: 12, unit: '千米', text: '修路12千米' }]],
      ['发放8千克', [{ value: 8, unit: '千克', text: '发放8千克' }]],
      ['筹资3千', []],
    ])('should scale 千 only before a unit that does not itself start with 千, in %s', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });
  });

  describe('full-width characters', () => {
    test.each<Case>([
      ['发展零工市场１家以上', [{ value: 1, unit: '家', text: '发展零工市场１家以上', comparator: '>=' }]],
      ['新增１２０个', [{ value: 120, unit: '个', text: '新增１２０个' }]],
      ['新增１．７８万人', [{ value: 17800, unit: '人', text: '新增１．７８万人' }]],
      ['提高５％', [{ value: 5, unit: '%', text: '提高５％' }]],
      ['提高5％以上', [{ value: 5, unit: '%', text: '提高5％以上', comparator: '>=' }]],
      ['覆盖率达到100%', [{ value: 100, unit: '%', text: '覆盖率达到100%' }]],
    ])('should read full-width digits, point and percent in %s like ASCII', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });
  });

  describe('comparators', () => {
    test.each<Case>([
      ['全区办理法律援助案件不少于 500 件', [{ value: 500, unit: '件', text: '全区办理法律援助案件不少于 500 件', comparator: '>=' }]],
      ['完成筛查至少500例', [{ value: 500, unit: '例', text: '完成筛查至少500例', comparator: '>=' }]],
      ['增长不低于4.5%', [{ value: 4.5, unit: '%', text: '增长不低于4.5%', comparator: '>=' }]],
      ['服务超过300人次', [{ value: 300, unit: '人次', text: '服务超过300人次', comparator: '>=' }]],
      ['支出不超过20万元', [{ value: 200000, unit: '元', text: '支出不超过20万元', comparator: '<=' }]],
      ['发案率低于3%', [{ value: 3, unit: '%', text: '发案率低于3%', comparator: '<=' }]],
      ['建设约107万平方米', [{ value: 1070000, unit: '平方米', text: '建设约107万平方米', comparator: '~' }]],
      ['惠及近2万人', [{ value: 20000, unit: '人', text: '惠及近2万人', comparator: '~' }]],
      ['惠及大约300户', [{ value: 300, unit: '户', text: '惠及大约300户', comparator: '~' }]],
    ])('should read the comparator standing before the number in %s', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['达到200人以上', [{ value: 200, unit: '人', text: '达到200人以上', comparator: '>=' }]],
      ['达到3个及以上', [{ value: 3, unit: '个', text: '达到3个及以上', comparator: '>=' }]],
      ['控制在5%以内', [{ value: 5, unit: '%', text: '控制在5%以内', comparator: '<=' }]],
      ['规模在50人以下', [{ value: 50, unit: '人', text: '规模在50人以下', comparator: '<=' }]],
      ['新增床位300张左右', [{ value: 300, unit: '张', text: '新增床位300张左右', comparator: '~' }]],
      ['新增200 人 以上', [{ value: 200, unit: '人', text: '新增200 人 以上', comparator: '>=' }]],
    ])('should read the comparator standing after the unit in %s', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['新增200人', [{ value: 200, unit: '人', text: '新增200人' }]],
      ['节约5吨', [{ value: 5, unit: '吨', text: '节约5吨' }]],
      ['预约3次', [{ value: 3, unit: '次', text: '预约3次' }]],
      ['就近2公里', [{ value: 2, unit: '公里', text: '就近2公里' }]],
    ])('should give no comparator when none is written, nor for words like 节约 or 就近, in %s', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });
  });

  describe('units', () => {
    test.each<readonly [string, string]>([
      ['提高3个百分点', '个百分点'],
      ['延长3个月', '个月'],
      ['新增3个', '个'],
      ['改造3平方公里', '平方公里'],
      ['改造3平方米', '平方米'],
      ['蓄水3立方米', '立方米'],
      ['修路3公里', '公里'],
      ['修路3km', 'km'],
      ['修路3米', '米'],
      ['服务3人次', '人次'],
      ['服务3人', '人'],
      ['演出3场次', '场次'],
      ['演出3场', '场'],
      ['抽检3批次', '批次'],
      ['抽检3批', '批'],
      ['培训3课时', '课时'],
      ['培训3小时', '小时'],
      ['新增3张', '张'],
      ['新增3床位', '床位'],
      ['种植3亩', '亩'],
      ['建设3处', '处'],
      ['新建3所', '所'],
      ['新增3家', '家'],
      ['招募3名', '名'],
      ['惠及3户', '户'],
      ['建设3套', '套'],
      ['建设3间', '间'],
      ['举办3次', '次'],
      ['实施3项', '项'],
      ['办理3件', '件'],
      ['筛查3例', '例'],
      ['建设3座', '座'],
      ['改造3条', '条'],
      ['改造3栋', '栋'],
      ['打井3口', '口'],
      ['购置3辆', '辆'],
      ['购置3台', '台'],
      ['处理3吨', '吨'],
      ['补助3元', '元'],
      ['开设3期', '期'],
      ['开设3班', '班'],
      ['赠书3本', '本'],
      ['赠书3册', '册'],
      ['植树3棵', '棵'],
      ['植树3株', '株'],
      ['组建3支', '支'],
      ['建设3块', '块'],
      ['覆盖3类', '类'],
      ['覆盖3村', '村'],
      ['设置3床', '床'],
      ['组建3组', '组'],
      ['发放3份', '份'],
      ['发表3篇', '篇'],
      ['开设3节', '节'],
      ['服务3天', '天'],
      ['提高3%', '%'],
    ])('should recognise the unit in %s as %s', (input, unit) => {
      expect(extractTargets(input)).toStrictEqual([{ value: 3, unit, text: input }]);
    });

    test.each<Case>([
      ['建设5G基站', []],
      ['增加3倍', []],
      ['完成3000', []],
      ['电信网络诈骗发案幅度低于全省平均水平', []],
    ])('should not take a number followed by no known unit as a target, in %s', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });
  });

  describe('exclusions', () => {
    test.each<Case>([
      ['2023年新增200人', [{ value: 200, unit: '人', text: '2023年新增200人' }]],
      ['2023年5月1日起实施', []],
      ['5月1日前完成', []],
      ['10月底前建成3所', [{ value: 3, unit: '所', text: '10月底前建成3所' }]],
      ['2024届毕业生', []],
    ])('should skip years and dates in %s', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['为60周岁老人', []],
      ['65岁以上老年人', []],
      ['0-17岁儿童', []],
      ['0—3岁婴幼儿', []],
      ['2-3岁幼儿', []],
    ])('should skip ages in %s', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['第12届运动会', []],
      ['第3批试点', []],
      ['第十届', []],
    ])('should skip ordinals in %s', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['新增3-5个', []],
      ['新增3—5个', []],
      ['新增3～5个', []],
      ['新增3 - 5个，另建2所', [{ value: 2, unit: '所', text: '另建2所' }]],
    ])('should skip both numbers of a range in %s', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['热线0561-3199330', []],
      ['依据〔2021〕47号文件', []],
      ['符合GB/T37516-2019标准', []],
      ['符合GB/T 37516-2019标准', []],
    ])('should skip phone and document numbers in %s', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['提供24小时服务', []],
      ['7×24小时在线', []],
      ['培训40小时', [{ value: 40, unit: '小时', text: '培训40小时' }]],
    ])('should skip 24小时 but keep other hours in %s', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['落实《2023年100个民生项目清单》', []],
      ['落实《方案》新增50个', [{ value: 50, unit: '个', text: '新增50个' }]],
    ])('should skip numbers inside 《》 titles in %s', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['改造嘉诚1号小区', []],
      ['改造十号路', []],
      ['改造五和居小区', []],
    ])('should skip numbers that are part of a name in %s', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['举办文艺演出十场', []],
      ['开展百场讲座', []],
      ['组织千场活动', []],
    ])('should not read Chinese-numeral quantities in %s', (input, expected) => {
      expect(extractTargets(input)).toStrictEqual(expected);
    });
  });

  describe('robustness', () => {
    test('should return no targets for empty input', () => {
      expect(extractTargets('')).toStrictEqual([]);
    });

    const interesting = fc.constantFrom(
      '1', '2', '0', '.', '．', '１', ',', '，', '、', '。', '万', '亿', '千', '余', '约', '不少于', '以上',
      '人', '个', '个百分点', '千伏安', '%', '％', '-', '—', '～', '《', '》', '（', '）', '第', '岁',
      '年', '号', 'T', ' ', '\u3000', '\n', '\uD83D', '\uDE00', '😀',
    );

    test('should never throw and should only return valid targets whose text is in the input', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string({ unit: interesting })), (input) => {
          const targets = extractTargets(input);
          for (const target of targets) {
            expect(input).toContain(target.text);
            expect(Target.safeParse(target).success).toBe(true);
          }
        }),
        { numRuns: 2000 },
      );
    });
  });
});
