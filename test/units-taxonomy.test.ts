import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { UnitRecord } from '../src/lib/schema.ts';
import { fullUnitName, planUnits, unitFunction, unitFunctions } from '../src/lib/taxonomy/units.ts';

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

describe('fullUnitName', () => {
  test.each<readonly [string, string]>([
    ['区人社局', '区人力资源和社会保障局'],
    ['区卫健委', '区卫生健康委员会'],
    ['区卫健局', '区卫生健康局'],
    ['区住建局', '区住房和城乡建设局'],
    ['区市场监管局', '区市场监督管理局'],
    ['区医保局', '区医疗保障局'],
    ['区残联', '区残疾人联合会'],
    ['区妇联', '区妇女联合会'],
    ['区城管局', '区城市管理局'],
    ['区文旅体局', '区文化旅游体育局'],
    ['区综合执法局', '区综合行政执法局'],
    ['区退役军人局', '区退役军人事务局'],
    ['区应急局', '区应急管理局'],
    ['区发改委', '区发展和改革委员会'],
    ['区委编办', '区委机构编制委员会办公室'],
    ['市人社局', '市人力资源和社会保障局'],
    ['县医保局', '县医疗保障局'],
    ['相山区人社局', '相山区人力资源和社会保障局'],
    ['大安镇妇联', '大安镇妇女联合会'],
    ['龙桥街道残联', '龙桥街道残疾人联合会'],
    ['人社局', '人力资源和社会保障局'],
  ])('expands the abbreviation %s to %s', (name, expected) => {
    expect(fullUnitName(name)).toBe(expected);
  });

  test.each<readonly [string]>([
    ['区农水局'],
    ['区教体局'],
    ['区文旅局'],
    ['市中城投集团'],
    ['广电网络公司'],
    ['区教育体育局'],
    ['区人力资源社会保障局'],
    ['区住房城乡建设局'],
    ['区卫生健康局'],
    ['生态环境市中分局'],
    ['各镇街'],
    ['区工业和科技局'],
    [''],
  ])('leaves %j unchanged because it has no abbreviation it is sure of', (name) => {
    expect(fullUnitName(name)).toBe(name);
  });

  test.each<readonly [string]>([['区人社局'], ['区卫健委'], ['区残联'], ['区委编办']])('gives the same full name when %s is expanded twice', (name) => {
    expect(fullUnitName(fullUnitName(name))).toBe(fullUnitName(name));
  });
});

describe('unitFunction', () => {
  // Real unit names of the built-in notices; the groups were decided by reading the names.
  test.each<readonly [string, string]>([
    ['区教育局', 'education'],
    ['区教育体育局', 'education'],
    ['区教育和体育局', 'education'],
    ['区民政局', 'civil-affairs'],
    ['区卫健委', 'health'],
    ['区卫生健康局', 'health'],
    ['区人社局', 'human-resources'],
    ['区人力资源社会保障局', 'human-resources'],
    ['区人力资源和社会保障局', 'human-resources'],
    ['区住建局', 'housing'],
    ['区住房城乡建设局', 'housing'],
    ['区住房和城乡建设局', 'housing'],
    ['区重点工程服务中心', 'housing'],
    ['区文旅体局', 'culture-sports'],
    ['区文化和旅游局', 'culture-sports'],
    ['区体育事业发展中心', 'culture-sports'],
    ['区医保局', 'medical-insurance'],
    ['区医疗保障局', 'medical-insurance'],
    ['区残联', 'disabled-persons'],
    ['区妇联', 'women'],
    ['区总工会', 'trade-union'],
    ['区财政局', 'finance'],
    ['区商务局', 'commerce'],
    ['区司法局', 'justice'],
    ['区公安分局', 'public-security'],
    ['区应急管理局', 'emergency'],
    ['区市场监管局', 'market-regulation'],
    ['区农水局', 'agriculture-water'],
    ['区农业农村局', 'agriculture-water'],
    ['区水务局', 'agriculture-water'],
    ['区生态环境分局', 'environment'],
    ['生态环境市中分局', 'environment'],
    ['区城管局', 'urban-management'],
    ['区园林绿化服务中心', 'urban-management'],
    ['区综合行政执法局', 'urban-management'],
    ['区退役军人事务局', 'veterans'],
    ['区委宣传部', 'publicity'],
    ['各镇街', 'towns-streets'],
    ['大安镇', 'towns-streets'],
    ['漕河镇', 'towns-streets'],
    ['龙桥街道', 'towns-streets'],
    ['鼓楼街道', 'towns-streets'],
    ['酒仙桥街道', 'towns-streets'],
    ['市中城投集团', 'enterprises'],
    ['广电网络公司', 'enterprises'],
  ])('puts %s in the %s group', (name, expected) => {
    expect(unitFunction(name)).toBe(expected);
  });

  test.each<readonly [string, string]>([
    ['区发改委', 'development-reform'],
    ['区交通运输局', 'transport'],
    ['区自然资源局', 'natural-resources'],
    ['区乡村振兴局', 'agriculture-water'],
    ['区环境卫生服务中心', 'urban-management'],
    ['区统计局', 'other'],
    ['区审计局', 'other'],
  ])('puts the hypothetical unit %s in the %s group', (name, expected) => {
    expect(unitFunction(name)).toBe(expected);
  });

  test('every function slug is unique kebab-case and the last group is other', () => {
    const slugs = unitFunctions.map((f) => f.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(kebab);
    expect(unitFunctions.at(-1)).toEqual({ slug: 'other', name: '其他', patterns: [] });
  });

  test('every group but other has a name and at least one pattern', () => {
    for (const f of unitFunctions.slice(0, -1)) {
      expect(f.name).not.toBe('');
      expect(f.patterns.length).toBeGreaterThan(0);
    }
    expect(new Set(unitFunctions.map((f) => f.name)).size).toBe(unitFunctions.length);
  });
});

describe('planUnits', () => {
  test.each<readonly [string, string]>([
    ['区教育局', 'jiao-yu-ju'],
    ['区人社局', 'ren-li-zi-yuan-he-she-hui-bao-zhang-ju'],
    ['区卫健委', 'wei-sheng-jian-kang-wei-yuan-hui'],
    ['区文旅体局', 'wen-hua-lv-you-ti-yu-ju'],
    ['区园林绿化服务中心', 'yuan-lin-lv-hua-fu-wu-zhong-xin'],
    ['区综合行政执法局', 'zong-he-xing-zheng-zhi-fa-ju'],
    ['区重点工程服务中心', 'zhong-dian-gong-cheng-fu-wu-zhong-xin'],
    ['区委宣传部', 'xuan-chuan-bu'],
    ['市中城投集团', 'shi-zhong-cheng-tou-ji-tuan'],
    ['生态环境市中分局', 'sheng-tai-huan-jing-shi-zhong-fen-ju'],
    ['市教育局', 'jiao-yu-ju'],
    ['县民政局', 'min-zheng-ju'],
    ['各镇街', 'ge-zhen-jie'],
    ['酒仙桥街道', 'jiu-xian-qiao-jie-dao'],
    ['区12345热线办', '12345-re-xian-ban'],
    ['区（筹）办', 'chou-ban'],
  ])('gives %s the slug %s', (name, slug) => {
    expect(planUnits([name], []).map((r) => r.slug)).toEqual([slug]);
  });

  test('gives ASCII kebab-case slugs that are unique within the district', () => {
    const names = ['区人社局', '区卫健委', '区残联', '区农水局', '市中城投集团', '各镇街', '区教育局', '区委宣传部', '区5G办'];
    const slugs = planUnits(names, []).map((r) => r.slug);
    expect(slugs).toHaveLength(names.length);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(kebab);
  });

  test('gives a new unit a full record', () => {
    expect(planUnits(['区残联'], [])).toEqual<UnitRecord[]>([{ slug: 'can-ji-ren-lian-he-hui', name: '区残疾人联合会', aliases: ['区残联'], function: 'disabled-persons' }]);
  });

  test('keeps the slug of an existing record even when the slug algorithm would now give another', () => {
    const existing: UnitRecord[] = [{ slug: 'legacy-slug', name: '区教育局', aliases: ['区教育局'], function: 'education' }];
    expect(planUnits(['区教育局', '区民政局'], existing)).toEqual<UnitRecord[]>([
      { slug: 'legacy-slug', name: '区教育局', aliases: ['区教育局'], function: 'education' },
      { slug: 'min-zheng-ju', name: '区民政局', aliases: ['区民政局'], function: 'civil-affairs' },
    ]);
  });

  test('adds a new spelling of an existing unit to its aliases without changing its slug', () => {
    const existing: UnitRecord[] = [{ slug: 'wei-jian-wei', name: '区卫生健康委员会', aliases: ['区卫健委'], function: 'health' }];
    expect(planUnits(['区卫生健康委员会', '区卫健委'], existing)).toEqual<UnitRecord[]>([
      { slug: 'wei-jian-wei', name: '区卫生健康委员会', aliases: ['区卫健委', '区卫生健康委员会'], function: 'health' },
    ]);
  });

  test('keeps an existing record that the notice no longer names', () => {
    const existing: UnitRecord[] = [{ slug: 'si-fa-ju', name: '区司法局', aliases: ['区司法局'], function: 'justice' }];
    expect(planUnits([], existing)).toEqual(existing);
  });

  test('does not change the existing records it is given', () => {
    const existing: UnitRecord[] = [{ slug: 'legacy-slug', name: '区人力资源和社会保障局', aliases: ['区人社局'], function: 'human-resources' }];
    const copy = structuredClone(existing);
    planUnits(['区人力资源和社会保障局'], existing);
    expect(existing).toEqual(copy);
  });

  test('merges an abbreviation with its full name into one record with both aliases', () => {
    expect(planUnits(['区卫健委', '区卫生健康委员会', '区卫健委'], [])).toEqual<UnitRecord[]>([
      {
        slug: 'wei-sheng-jian-kang-wei-yuan-hui',
        name: '区卫生健康委员会',
        aliases: ['区卫健委', '区卫生健康委员会'],
        function: 'health',
      },
    ]);
  });

  test('is deterministic and does not depend on the order of the input names', () => {
    const names = ['区人社局', '区民政局', '区卫健委', '区卫生健康委员会', '市中城投集团', '各镇街', '区教育局', '市教育局'];
    const existing: UnitRecord[] = [{ slug: 'legacy-slug', name: '区民政局', aliases: [], function: 'civil-affairs' }];
    const first = planUnits(names, existing);
    expect(planUnits(names, existing)).toEqual(first);
    expect(planUnits([...names].reverse(), existing)).toEqual(first);
    expect(planUnits([...names.slice(3), ...names.slice(0, 3)], existing)).toEqual(first);
    expect(first.map((r) => r.slug)).toEqual([
      'ge-zhen-jie',
      'jiao-yu-ju',
      'jiao-yu-ju-2',
      'legacy-slug',
      'ren-li-zi-yuan-he-she-hui-bao-zhang-ju',
      'shi-zhong-cheng-tou-ji-tuan',
      'wei-sheng-jian-kang-wei-yuan-hui',
    ]);
  });

  test('adds -2 and -3 when different units would get the same slug', () => {
    expect(planUnits(['县教育局', '区教育局', '市教育局'], []).map((r) => [r.slug, r.name])).toEqual([
      ['jiao-yu-ju', '区教育局'],
      ['jiao-yu-ju-2', '县教育局'],
      ['jiao-yu-ju-3', '市教育局'],
    ]);
  });

  test('adds -2 when a new unit would take the slug of an existing one', () => {
    const existing: UnitRecord[] = [{ slug: 'jiao-yu-ju', name: '市教育局', aliases: ['市教育局'], function: 'education' }];
    expect(planUnits(['区教育局'], existing).map((r) => [r.slug, r.name])).toEqual([
      ['jiao-yu-ju', '市教育局'],
      ['jiao-yu-ju-2', '区教育局'],
    ]);
  });

  test('ignores blank names', () => {
    expect(planUnits(['', '  '], [])).toEqual([]);
  });
});

describe('the units of the built-in districts', () => {
  const root = join(import.meta.dirname, '..', 'content', 'commitments', '2023');
  const districts = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

  /** Reads every lead and co-operating unit name of a district's commitments, as written. */
  function unitNames(district: string): string[] {
    return readdirSync(join(root, district))
      .filter((f) => f.endsWith('.md'))
      .flatMap((f) => {
        const lines = readFileSync(join(root, district, f), 'utf8').split(/\r?\n/u);
        const end = lines.indexOf('---', 1);
        if (lines[0] !== '---' || end < 0) throw new Error(`${district}/${f} has no frontmatter`);
        const data = parse(lines.slice(1, end).join('\n')) as { leadUnits?: unknown; coUnits?: unknown };
        return [data.leadUnits, data.coUnits].flatMap((list) => (Array.isArray(list) ? list.filter((u): u is string => typeof u === 'string') : []));
      });
  }

  /**
   * Units that may stay in `other`, per district, each with the reason.
   * None yet: every unit of the built-in notices has a group.
   */
  const allowedOther: Readonly<Record<string, readonly (readonly [name: string, reason: string])[]>> = {};

  test('the built-in districts are there', () => {
    expect(districts.length).toBeGreaterThan(0);
  });

  test.each(districts)('plans the units of %s with unique kebab-case slugs and a group for each', (district) => {
    const names = unitNames(district);
    const units = planUnits(names, []);
    const slugs = units.map((u) => u.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(kebab);
    expect(slugs).toEqual([...slugs].sort());
    // Every spelling is in exactly one record.
    expect(units.flatMap((u) => u.aliases).sort()).toEqual([...new Set(names)].sort());
    for (const u of units) expect(unitFunctions.map((f) => f.slug)).toContain(u.function);
    const others = units.filter((u) => u.function === 'other').map((u) => u.name);
    expect(others).toEqual((allowedOther[district] ?? []).map(([name]) => name));
    // Planning again on top of its own result changes nothing.
    expect(planUnits(names, units)).toEqual(units);
  });
});
