/**
 * Responsible units (牵头/配合单位): full names, function groups and permanent slugs.
 *
 * Notices write the same department in several ways (区卫健委, 区卫生健康委员会).
 * `fullUnitName` expands the common abbreviations it is sure of, `unitFunction`
 * puts a unit in a function group (教育, 民政, 卫生健康 …) so districts can be
 * compared, and `planUnits` gives every unit of a district one record with a
 * readable URL part that never changes once written.
 *
 * Pure functions and data only: no file system, no clock, no randomness.
 */
import { pinyin } from 'pinyin-pro';
import { byCodeUnits } from '../order.ts';
import type { UnitRecord } from '../schema.ts';

/** One function group of departments across districts: 教育, 民政, 卫生健康 … */
export interface UnitFunction {
  /** URL part of the group, ASCII kebab-case. */
  slug: string;
  /** The group's Chinese name for display. */
  name: string;
  /** Substrings of a unit's full name that put it in this group. */
  patterns: readonly string[];
}

/**
 * The function groups, in display order; the last is `other` (其他).
 *
 * `unitFunction` tries the groups in this order and takes the first whose
 * pattern occurs in the full name, so the order also settles overlaps:
 * 区教育体育局 is 教育 (before 体育), 区住房和城乡建设局 is housing (before
 * the 乡 of towns and streets), and towns, streets and enterprises come after
 * every department.
 */
export const unitFunctions: readonly UnitFunction[] = [
  { slug: 'education', name: '教育', patterns: ['教育'] },
  { slug: 'civil-affairs', name: '民政', patterns: ['民政'] },
  { slug: 'health', name: '卫生健康', patterns: ['卫生健康', '卫健', '疾病预防控制', '疾控', '医院'] },
  { slug: 'human-resources', name: '人力资源和社会保障', patterns: ['人力资源', '人社'] },
  // 重点工程服务中心 builds resettlement housing and key projects (济南市中区).
  { slug: 'housing', name: '住房和城乡建设', patterns: ['住房', '城乡建设', '住建', '房产', '重点工程'] },
  { slug: 'culture-sports', name: '文化旅游体育', patterns: ['文化', '旅游', '体育', '文旅'] },
  { slug: 'medical-insurance', name: '医疗保障', patterns: ['医疗保障', '医保'] },
  { slug: 'disabled-persons', name: '残疾人', patterns: ['残疾人', '残联'] },
  { slug: 'women', name: '妇女儿童', patterns: ['妇女', '妇联', '妇儿'] },
  { slug: 'trade-union', name: '工会', patterns: ['工会'] },
  { slug: 'finance', name: '财政', patterns: ['财政', '税务'] },
  { slug: 'commerce', name: '商务', patterns: ['商务'] },
  { slug: 'justice', name: '司法', patterns: ['司法'] },
  { slug: 'public-security', name: '公安', patterns: ['公安'] },
  { slug: 'emergency', name: '应急管理', patterns: ['应急', '消防'] },
  { slug: 'market-regulation', name: '市场监管', patterns: ['市场监督', '市场监管'] },
  // 农水局 is 农业 and 水利 written together (its exact full name is not known).
  { slug: 'agriculture-water', name: '农业农村和水利', patterns: ['农业', '农村', '水利', '水务', '农水', '乡村振兴', '林业'] },
  { slug: 'environment', name: '生态环境', patterns: ['生态环境', '环境保护', '环保'] },
  { slug: 'urban-management', name: '城市管理', patterns: ['城市管理', '城管', '园林', '综合行政执法', '综合执法', '市容', '环境卫生'] },
  { slug: 'veterans', name: '退役军人', patterns: ['退役军人'] },
  { slug: 'publicity', name: '宣传', patterns: ['宣传'] },
  { slug: 'development-reform', name: '发展改革', patterns: ['发展和改革', '发展改革', '发改'] },
  { slug: 'natural-resources', name: '自然资源和规划', patterns: ['自然资源', '规划'] },
  { slug: 'transport', name: '交通运输', patterns: ['交通'] },
  { slug: 'towns-streets', name: '镇街', patterns: ['街道', '镇街', '镇', '乡'] },
  { slug: 'enterprises', name: '企业', patterns: ['集团', '公司'] },
  { slug: 'other', name: '其他', patterns: [] },
];

/** The slug of the catch-all group: a department no other function matches. */
export const otherFunction = 'other';

/**
 * Common abbreviations of a department's name (after its 区/市/县… prefix) and
 * their full forms. Only expansions that are the same everywhere: 教体局
 * (教育体育局 in 济南市中区, 教育和体育局 in 兖州区), 文旅局 (文化和旅游局,
 * 文化广电和旅游局 …), 农水局 and 城投 are left out on purpose.
 */
export const unitAbbreviations: Readonly<Record<string, string>> = {
  人社局: '人力资源和社会保障局',
  卫健委: '卫生健康委员会',
  卫健局: '卫生健康局',
  住建局: '住房和城乡建设局',
  住建委: '住房和城乡建设委员会',
  市场监管局: '市场监督管理局',
  医保局: '医疗保障局',
  残联: '残疾人联合会',
  妇联: '妇女联合会',
  城管局: '城市管理局',
  城管委: '城市管理委员会',
  综合执法局: '综合行政执法局',
  文旅体局: '文化旅游体育局',
  退役军人局: '退役军人事务局',
  应急局: '应急管理局',
  发改委: '发展和改革委员会',
  发改局: '发展和改革局',
  工信局: '工业和信息化局',
  科技局: '科学技术局',
  环保局: '环境保护局',
  国资委: '国有资产监督管理委员会',
  民宗局: '民族宗教事务局',
  农业农村委: '农业农村委员会',
  人防办: '人民防空办公室',
  编办: '机构编制委员会办公室',
  网信办: '网络安全和信息化委员会办公室',
  政法委: '政法委员会',
  科协: '科学技术协会',
  工商联: '工商业联合会',
  文联: '文学艺术界联合会',
  侨联: '归国华侨联合会',
};

/** Abbreviations, longest first, so a longer one wins over a shorter one it ends with. */
const abbreviationsLongestFirst: readonly (readonly [string, string])[] = Object.entries(unitAbbreviations).sort(([a], [b]) => b.length - a.length || byCodeUnits(a, b));

/**
 * What may stand before an abbreviation: nothing, or a place or level prefix
 * ending in 省/市/区/县/旗/州/盟/镇/乡/街道, or a party committee (区委).
 * `区工业和科技局` keeps its 科技局 because 工业和 is no prefix.
 */
const prefixEnd = /(?:省|市|区|县|旗|州|盟|镇|乡|街道|委)$/u;

/** Returns the full name of a unit written with a common abbreviation: 区人社局 → 区人力资源和社会保障局, 区卫健委 → 区卫生健康委员会, 区住建局 → 区住房和城乡建设局, 区市场监管局 → 区市场监督管理局, 区医保局 → 区医疗保障局, 区残联 → 区残疾人联合会, 区妇联 → 区妇女联合会, 区城管局 → 区城市管理局, 区文旅体局 → 区文化旅游体育局 …; a name with no known abbreviation comes back unchanged (never invent an expansion you are not sure of: e.g. leave 区农水局 as it is). The prefix (区/市/县/镇…) is kept. */
export function fullUnitName(name: string): string {
  for (const [short, full] of abbreviationsLongestFirst) {
    if (!name.endsWith(short)) continue;
    const head = name.slice(0, name.length - short.length);
    if (head === '' || prefixEnd.test(head)) return `${head}${full}`;
  }
  return name;
}

/** Returns the function group slug of a unit name (by patterns on its full name; the first group of `unitFunctions` that matches, else `other`). */
export function unitFunction(name: string): string {
  const full = fullUnitName(name);
  const group = unitFunctions.find((g) => g.patterns.some((p) => full.includes(p)));
  return group?.slug ?? otherFunction;
}

/**
 * Names that begin with 市 as part of a place name, not as a level prefix:
 * 市中城投集团 is the 城投集团 of 市中区 (also 市北区, 市南区).
 */
const placeNameStart = /^市[中北南]/u;

/** The level prefix a slug leaves out: 区/市/县, or the party committee 区委/市委/县委. */
const levelPrefix = /^[区市县]委?/u;

/** Returns the lower-case ASCII words of `text`: pinyin syllables without tones (ü as v), other characters as written. */
export function slugWords(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).flatMap((token) =>
    token
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/u)
      .filter((w) => w !== ''),
  );
}

/** Returns the slug a full unit name would get before it is made unique, e.g. 区教育局 → jiao-yu-ju. */
function baseSlug(full: string): string {
  const stripped = placeNameStart.test(full) ? full : full.replace(levelPrefix, '');
  const words = slugWords(stripped);
  const all = words.length > 0 ? words : slugWords(full);
  return all.length > 0 ? all.join('-') : 'unit';
}

/** Returns the unit records of a district: `existing` records are kept as they are (slug never changes; a name seen again under a new spelling is added to its aliases), names not yet known get a new record. Names are matched by their full name (so 区卫健委 and 区卫生健康委员会 are one unit). New slugs: pinyin of the full name without tones and without the leading 区/市/县 prefix, syllables joined by hyphens (e.g. 区教育局 → 'jiao-yu-ju'), made unique within the district by a numeric suffix (-2, -3). The result is sorted by slug; deterministic for the same inputs. */
export function planUnits(names: readonly string[], existing: readonly UnitRecord[]): UnitRecord[] {
  const kept = [...existing].sort((a, b) => byCodeUnits(a.slug, b.slug) || byCodeUnits(a.name, b.name)).map((r) => ({ ...r, aliases: new Set(r.aliases) }));

  // Every spelling an existing record answers to; the first record (by slug) wins a shared key.
  const byKey = new Map<string, (typeof kept)[number]>();
  for (const record of kept) {
    for (const key of [record.name, ...record.aliases].flatMap((k) => [k, fullUnitName(k)])) {
      if (!byKey.has(key)) byKey.set(key, record);
    }
  }

  // Names not yet known, grouped by full name.
  const fresh = new Map<string, Set<string>>();
  for (const raw of names) {
    const name = raw.trim();
    if (name === '') continue;
    const full = fullUnitName(name);
    const record = byKey.get(name) ?? byKey.get(full);
    if (record) {
      record.aliases.add(name);
      continue;
    }
    const spellings = fresh.get(full) ?? new Set<string>();
    spellings.add(name);
    fresh.set(full, spellings);
  }

  const taken = new Set(kept.map((r) => r.slug));
  const planned = [...fresh].map(([full, spellings]) => ({ full, spellings, base: baseSlug(full) })).sort((a, b) => byCodeUnits(a.base, b.base) || byCodeUnits(a.full, b.full));
  const created: UnitRecord[] = [];
  for (const { full, spellings, base } of planned) {
    let slug = base;
    for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
    taken.add(slug);
    created.push({ slug, name: full, aliases: [...spellings].sort(byCodeUnits), function: unitFunction(full) });
  }

  return [...kept.map((r) => ({ slug: r.slug, name: r.name, aliases: [...r.aliases].sort(byCodeUnits), function: r.function })), ...created].sort(
    (a, b) => byCodeUnits(a.slug, b.slug) || byCodeUnits(a.name, b.name),
  );
}
