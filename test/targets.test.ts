import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { extractItemTargets, extractTargets } from '../src/lib/parse/targets.ts';
import { Target } from '../src/lib/schema.ts';

type Case = readonly [input: string, expected: Target[]];

/** The targets of `input` without `counts` (tested on its own below). */
const read = (input: string): Target[] => extractTargets(input).map(({ counts: _counts, ...rest }) => rest);

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
          { value: 5, unit: '%', text: '对9类困难群众11项保障标准分别提高5%以上', comparator: '>=', kind: 'standard' },
        ],
      ],
      ['新建、提升户外劳动者服务站点（工会驿站）20个以上。', [{ value: 20, unit: '个', text: '新建、提升户外劳动者服务站点（工会驿站）20个以上', comparator: '>=' }]],
    ])('should read the targets of %s in order of appearance', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });
  });

  describe('cutting the text at clause punctuation', () => {
    test.each<Case>([
      [
        '甲3人，乙4户',
        [
          { value: 3, unit: '人', text: '甲3人' },
          { value: 4, unit: '户', text: '乙4户' },
        ],
      ],
      [
        '甲3人。乙4户',
        [
          { value: 3, unit: '人', text: '甲3人' },
          { value: 4, unit: '户', text: '乙4户' },
        ],
      ],
      [
        '甲3人；乙4户',
        [
          { value: 3, unit: '人', text: '甲3人' },
          { value: 4, unit: '户', text: '乙4户' },
        ],
      ],
      [
        '甲3人：乙4户',
        [
          { value: 3, unit: '人', text: '甲3人' },
          { value: 4, unit: '户', text: '乙4户' },
        ],
      ],
      [
        '甲3人、乙4户',
        [
          { value: 3, unit: '人', text: '甲3人' },
          { value: 4, unit: '户', text: '乙4户' },
        ],
      ],
      [
        '甲3人！乙4户',
        [
          { value: 3, unit: '人', text: '甲3人' },
          { value: 4, unit: '户', text: '乙4户' },
        ],
      ],
      [
        '甲3人？乙4户',
        [
          { value: 3, unit: '人', text: '甲3人' },
          { value: 4, unit: '户', text: '乙4户' },
        ],
      ],
      [
        '甲3人, 乙4户',
        [
          { value: 3, unit: '人', text: '甲3人' },
          { value: 4, unit: '户', text: '乙4户' },
        ],
      ],
      [
        '甲3人; 乙4户.',
        [
          { value: 3, unit: '人', text: '甲3人' },
          { value: 4, unit: '户', text: '乙4户' },
        ],
      ],
      ['  新增托位 675 个  ，其余', [{ value: 675, unit: '个', text: '新增托位 675 个' }]],
      ['培训2.5天.', [{ value: 2.5, unit: '天', text: '培训2.5天' }]],
    ])('should cut the clause of %s at its punctuation and trim it', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      [
        '甲3人（乙4户）',
        [
          { value: 3, unit: '人', text: '甲3人（乙4户）' },
          { value: 4, unit: '户', text: '甲3人（乙4户）' },
        ],
      ],
      ['新增22个城乡老年食堂（助餐点）', [{ value: 22, unit: '个', text: '新增22个城乡老年食堂（助餐点）' }]],
      ['发展保障性租赁住房439套（间）', [{ value: 439, unit: '套', text: '发展保障性租赁住房439套（间）' }]],
      ['完成逸庭苑、明波公寓2个老旧小区改造', [{ value: 2, unit: '个', text: '完成逸庭苑、明波公寓2个老旧小区改造' }]],
    ])('should keep brackets, and a 、 that does not separate two targets, inside the text of %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });

    test('should cut a long clause to 40 characters around its number', () => {
      const input = `${'为辖区内符合条件的困难群众'.repeat(4)}提供服务500人次${'并持续做好跟踪回访工作'.repeat(3)}`;
      const [target] = read(input);
      expect(target?.value).toBe(500);
      expect(target?.text.length).toBeLessThanOrEqual(40);
      expect(target?.text).toContain('提供服务500人次');
      expect(input).toContain(target?.text);
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
      expect(read(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['投资2.5亿元', [{ value: 250000000, unit: '元', text: '投资2.5亿元' }]],
      ['投资0.07亿元', [{ value: 7000000, unit: '元', text: '投资0.07亿元' }]],
      ['总额1.2万亿元', [{ value: 1200000000000, unit: '元', text: '总额1.2万亿元' }]],
    ])('should scale 亿 exactly in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
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
      expect(read(input)).toStrictEqual(expected);
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
      expect(read(input)).toStrictEqual(expected);
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
      expect(read(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['达到200人以上', [{ value: 200, unit: '人', text: '达到200人以上', comparator: '>=' }]],
      ['达到3个及以上', [{ value: 3, unit: '个', text: '达到3个及以上', comparator: '>=' }]],
      ['控制在5%以内', [{ value: 5, unit: '%', text: '控制在5%以内', comparator: '<=' }]],
      ['规模在50人以下', [{ value: 50, unit: '人', text: '规模在50人以下', comparator: '<=' }]],
      ['新增床位300张左右', [{ value: 300, unit: '张', text: '新增床位300张左右', comparator: '~' }]],
      ['新增200 人 以上', [{ value: 200, unit: '人', text: '新增200 人 以上', comparator: '>=' }]],
    ])('should read the comparator standing after the unit in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['新增200人', [{ value: 200, unit: '人', text: '新增200人' }]],
      ['节约5吨', [{ value: 5, unit: '吨', text: '节约5吨' }]],
      ['预约3次', [{ value: 3, unit: '次', text: '预约3次' }]],
      ['就近2公里', [{ value: 2, unit: '公里', text: '就近2公里' }]],
    ])('should give no comparator when none is written, nor for words like 节约 or 就近, in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
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
      ['增加3倍', '倍'],
    ])('should recognise the unit in %s as %s', (input, unit) => {
      expect(read(input).map(({ value, unit, text }) => ({ value, unit, text }))).toStrictEqual([{ value: 3, unit, text: input }]);
    });

    test.each<Case>([
      ['建设5G基站', []],
      ['完成3000', []],
      ['电信网络诈骗发案幅度低于全省平均水平', []],
    ])('should not take a number followed by no known unit as a target, in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
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
      expect(read(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['为60周岁老人', []],
      ['65岁以上老年人', []],
      ['0-17岁儿童', []],
      ['0—3岁婴幼儿', []],
      ['2-3岁幼儿', []],
    ])('should skip ages in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['第12届运动会', []],
      ['第3批试点', []],
      ['第十届', []],
    ])('should skip ordinals in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['新增3-5个', []],
      ['新增3—5个', []],
      ['新增3～5个', []],
      ['新增3 - 5个，另建2所', [{ value: 2, unit: '所', text: '另建2所' }]],
    ])('should skip both numbers of a range in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['热线0561-3199330', []],
      ['依据〔2021〕47号文件', []],
      ['符合GB/T37516-2019标准', []],
      ['符合GB/T 37516-2019标准', []],
    ])('should skip phone and document numbers in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['提供24小时服务', []],
      ['7×24小时在线', []],
      ['培训40小时', [{ value: 40, unit: '小时', text: '培训40小时' }]],
    ])('should skip 24小时 but keep other hours in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['落实《2023年100个民生项目清单》', []],
      ['落实《方案》新增50个', [{ value: 50, unit: '个', text: '落实《方案》新增50个' }]],
    ])('should skip numbers inside 《》 titles in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['改造嘉诚1号小区', []],
      ['改造十号路', []],
      ['改造五和居小区', []],
    ])('should skip numbers that are part of a name in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['开展两个一工程', []],
      ['打造一个良好的去处', []],
      ['开设一档专栏节目', []],
      ['开展“送戏进万村”活动', []],
      ['推进“千村引领、万村升级”工程', []],
      ['实施卫生健康“十百千”工程', []],
      ['建成十五年一贯制学校', []],
    ])('should not read a lone 一 or 两, nor numerals inside quoted names, as quantities in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });
  });

  describe('starting values', () => {
    test.each<Case>([
      ['从3千伏安提高到3.1千伏安', [{ value: 3.1, unit: '千伏安', text: '从3千伏安提高到3.1千伏安' }]],
      ['将住院最高支付限额从18万元提高到25万元', [{ value: 250000, unit: '元', text: '将住院最高支付限额从18万元提高到25万元', kind: 'standard' }]],
      ['补助标准由每人每年610元提高至640元', [{ value: 640, unit: '元', text: '补助标准由每人每年610元提高至640元', kind: 'standard' }]],
      ['床位由300张增加到450张', [{ value: 450, unit: '张', text: '床位由300张增加到450张' }]],
      ['从3个社区做起', [{ value: 3, unit: '个', text: '从3个社区做起' }]],
    ])('should read only the end value of a change in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });
  });

  describe('rates and standards', () => {
    test.each<Case>([
      ['每人每年730元', [{ value: 730, unit: '元/人/年', text: '每人每年730元', kind: 'standard' }]],
      ['按1500元/人标准发放求职创业补贴', [{ value: 1500, unit: '元/人', text: '按1500元/人标准发放求职创业补贴', kind: 'standard' }]],
      ['补贴全部提高到每人80元/月', [{ value: 80, unit: '元/人/月', text: '补贴全部提高到每人80元/月', kind: 'standard' }]],
      ['按照不低于600元/生•年标准补贴', [{ value: 600, unit: '元/生/年', text: '按照不低于600元/生•年标准补贴', comparator: '>=', kind: 'standard' }]],
      [
        '按照每人每年2元、每户每年2元的标准',
        [
          { value: 2, unit: '元/人/年', text: '按照每人每年2元', kind: 'standard' },
          { value: 2, unit: '元/户/年', text: '每户每年2元的标准', kind: 'standard' },
        ],
      ],
      ['每年进行1次心理健康普查', [{ value: 1, unit: '次/年', text: '每年进行1次心理健康普查' }]],
    ])('should keep the denominator of a rate, and call an amount per case a standard, in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['自费额累计超过0.8万元的', [{ value: 8000, unit: '元', text: '自费额累计超过0.8万元的', comparator: '>=', kind: 'standard' }]],
      ['视自费数额20%给予补助', [{ value: 20, unit: '%', text: '视自费数额20%给予补助', kind: 'standard' }]],
      ['最高补助3万元', [{ value: 30000, unit: '元', text: '最高补助3万元', comparator: '<=', kind: 'standard' }]],
      ['由农户缴纳的20%保费由区财政承担', [{ value: 20, unit: '%', text: '由农户缴纳的20%保费由区财政承担', kind: 'standard' }]],
      ['大病保险报销比例提高5个百分点', [{ value: 5, unit: '个百分点', text: '大病保险报销比例提高5个百分点', kind: 'standard' }]],
      ['保障标准不低于当地最低生活保障标准的1.3倍', [{ value: 1.3, unit: '倍', text: '保障标准不低于当地最低生活保障标准的1.3倍', comparator: '>=', kind: 'standard' }]],
    ])('should read thresholds, shares, caps and premiums as standards with their comparator, in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });

    test.each<Case>([
      ['窝沟封闭覆盖率达到30%', [{ value: 30, unit: '%', text: '窝沟封闭覆盖率达到30%' }]],
      ['投资2.5亿元建设体育中心', [{ value: 250000000, unit: '元', text: '投资2.5亿元建设体育中心' }]],
    ])('should keep rates of coverage and sums to spend as targets, in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });
  });

  describe('Chinese numerals', () => {
    test.each<Case>([
      [
        '开展十场群众活动，举办百场“健康课堂”活动；组织千场“五进”活动',
        [
          { value: 10, unit: '场', text: '开展十场群众活动' },
          { value: 100, unit: '场', text: '举办百场“健康课堂”活动' },
          { value: 1000, unit: '场', text: '组织千场“五进”活动' },
        ],
      ],
      ['培训二十期', [{ value: 20, unit: '期', text: '培训二十期' }]],
      ['惠及三百户以上', [{ value: 300, unit: '户', text: '惠及三百户以上', comparator: '>=' }]],
      ['新增两千个', [{ value: 2000, unit: '个', text: '新增两千个' }]],
    ])('should read quantities written with 十, 百 or 千 in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });
  });

  describe('units outside the list', () => {
    test.each<Case>([
      ['惠及全区50.41万参保职工和居民', [{ value: 504100, unit: '人', text: '惠及全区50.41万参保职工和居民' }]],
      ['服务1.2万名群众', [{ value: 12000, unit: '名', text: '服务1.2万名群众' }]],
      ['覆盖3万居民', [{ value: 30000, unit: '人', text: '覆盖3万居民' }]],
      ['建设3居民活动中心', []],
    ])('should read a number scaled by 万 before people as a count of people, in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });
  });

  describe('comparators shared by a list', () => {
    test('should give both numbers of 分别达到98%和95%以上 the comparator, and each its own subject', () => {
      expect(extractTargets('新生儿遗传代谢病筛查率和新生儿听力障碍筛查率分别达到98%和95%以上')).toMatchObject([
        { value: 98, unit: '%', comparator: '>=', counts: '新生儿遗传代谢病筛查率' },
        { value: 95, unit: '%', comparator: '>=', counts: '新生儿听力障碍筛查率' },
      ]);
    });

    test('should not share a comparator between numbers of different units', () => {
      expect(read('新增3个和5人以上')).toStrictEqual([
        { value: 3, unit: '个', text: '新增3个和5人以上' },
        { value: 5, unit: '人', text: '新增3个和5人以上', comparator: '>=' },
      ]);
    });
  });

  describe('scope', () => {
    test.each<Case>([
      ['全市办理法律援助案件不少于 500 件', [{ value: 500, unit: '件', text: '全市办理法律援助案件不少于 500 件', comparator: '>=', scope: 'city' }]],
      [
        '实施老有所学行动，全市老年学校新增学习人数0.4万人左右，参与学习教育活动的老年人达到 1.9万人左右。全区新建老年学校3所。',
        [
          { value: 4000, unit: '人', text: '全市老年学校新增学习人数0.4万人左右', comparator: '~', scope: 'city' },
          { value: 19000, unit: '人', text: '参与学习教育活动的老年人达到 1.9万人左右', comparator: '~', scope: 'city' },
          { value: 3, unit: '所', text: '全区新建老年学校3所' },
        ],
      ],
      ['到2023年底，全省建成驿站100个', [{ value: 100, unit: '个', text: '全省建成驿站100个', scope: 'province' }]],
      ['我市新建公共充电桩600个', [{ value: 600, unit: '个', text: '我市新建公共充电桩600个', scope: 'city' }]],
      ['完成全省居住小区、行政村健身设施补建190个', [{ value: 190, unit: '个', text: '完成全省居住小区、行政村健身设施补建190个' }]],
      ['为全区白内障患者实施手术至少500例', [{ value: 500, unit: '例', text: '为全区白内障患者实施手术至少500例', comparator: '>=' }]],
      ['补贴提高到每人80元/月（全市参照执行）', [{ value: 80, unit: '元/人/月', text: '补贴提高到每人80元/月（全市参照执行）', kind: 'standard' }]],
    ])('should mark a figure given for the whole city or province, from a clause opening with 全市 to the end of its sentence, in %s', (input, expected) => {
      expect(read(input)).toStrictEqual(expected);
    });

    test('should give every figure of a city-level task the city scope', () => {
      expect(extractTargets('新建公共充电桩600个', { level: 'city' })).toMatchObject([{ value: 600, scope: 'city' }]);
      expect(extractTargets('完善长期护理保险制度，培训护理员20名', { level: 'province' })).toMatchObject([{ value: 20, scope: 'province' }]);
    });
  });

  describe('what a number counts', () => {
    test.each<readonly [string, readonly (string | undefined)[]]>([
      ['实施安心托幼行动，新增托位675个、新增公办幼儿园学位540个。', ['新增托位', '新增公办幼儿园学位']],
      ['为797名残疾人提供康复救助', ['残疾人']],
      ['建成8个城市阅读空间', ['城市阅读空间']],
      ['新增城镇就业1.78万人以上', ['新增城镇就业']],
      ['全市办理法律援助案件不少于500件', ['办理法律援助案件']],
      ['涉及14个街道414栋住宅楼，建筑面积约107万平方米', ['街道', '住宅楼', '建筑面积']],
      ['继续为农村65岁以上老年人家庭（约2万户）提供服务', ['农村65岁以上老年人家庭']],
      ['将补助标准提高60元，达到每人每年730元', ['补助标准提高', '补助标准']],
      ['特困人员基本生活保障标准不低于当地最低生活保障标准的1.3倍', ['特困人员基本生活保障标准']],
      ['完成3000', []],
      ['1个', [undefined]],
    ])('should say what the numbers of %s count', (input, expected) => {
      expect(extractTargets(input).map((t) => t.counts)).toEqual(expected);
    });
  });

  describe('items in pieces', () => {
    test('should count a number of a heading line once when its body gives it again', () => {
      const targets = extractItemTargets(['9类困难群众11项保障标准再提升', '对9类困难群众11项保障标准分别提高5%以上。']);
      expect(targets.map((t) => `${t.value}${t.unit}`)).toEqual(['9类', '11项', '5%']);
      expect(targets[0]?.text).toBe('对9类困难群众11项保障标准分别提高5%以上');
    });

    test('should keep the numbers of a heading line that its body does not repeat', () => {
      const targets = extractItemTargets(['培训家政服务人员0.6万人次', '新增家政服务人员950人。']);
      expect(targets.map((t) => `${t.value}${t.unit}`)).toEqual(['6000人次', '950人']);
    });

    test('should never join two pieces into one clause', () => {
      expect(extractItemTargets(['新增托位', '675个'])).toMatchObject([{ value: 675, text: '675个' }]);
    });
  });

  describe('size', () => {
    test.each([60_000, 200_000])('should read %i characters of 1个 without a stack trace, into JSON within 50 times the input', (size) => {
      const input = '1个'.repeat(size / 2);
      const targets = extractTargets(input);
      expect(targets).toHaveLength(size / 2);
      expect(JSON.stringify(targets).length).toBeLessThanOrEqual(50 * size);
      expect(Math.max(...targets.slice(0, 1000).map((t) => t.text.length))).toBeLessThanOrEqual(40);
    });
  });

  describe('robustness', () => {
    test('should return no targets for empty input', () => {
      expect(extractTargets('')).toStrictEqual([]);
    });

    const interesting = fc.constantFrom(
      '1',
      '2',
      '0',
      '.',
      '．',
      '１',
      ',',
      '，',
      '、',
      '。',
      '万',
      '亿',
      '千',
      '余',
      '约',
      '不少于',
      '以上',
      '人',
      '个',
      '个百分点',
      '千伏安',
      '%',
      '％',
      '-',
      '—',
      '～',
      '《',
      '》',
      '（',
      '）',
      '第',
      '岁',
      '年',
      '号',
      'T',
      ' ',
      '\u3000',
      '\n',
      '\uD83D',
      '\uDE00',
      '😀',
      '十',
      '百',
      '从',
      '提高到',
      '每人',
      '/月',
      '标准',
      '全市',
      '分别',
      '和',
      '、',
      '“',
      '”',
      '倍',
      '居民',
    );

    test('should never throw and should only return valid targets whose text is in the input', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string({ unit: interesting })), (input) => {
          const targets = extractTargets(input);
          for (const target of targets) {
            expect(input).toContain(target.text);
            expect(target.text.length).toBeLessThanOrEqual(40);
            expect(Target.safeParse(target).success).toBe(true);
          }
        }),
        { numRuns: 2000 },
      );
    });
  });
});
