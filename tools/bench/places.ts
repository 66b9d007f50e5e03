/**
 * Names for the synthetic corpus: the 31 provincial-level divisions of the
 * mainland (real names), with invented cities and districts built from
 * syllables common in Chinese place names, each with its pinyin so that slugs
 * are readable ASCII without a transliteration library. Pure.
 */
import type { Random } from './random.ts';

/** A province-level division. `weight` is roughly its number of county-level divisions (used only to sample). */
export interface Province {
  name: string;
  pinyin: string;
  /** A municipality (直辖市): its districts stand directly under it, city = province. */
  municipality: boolean;
  weight: number;
}

export const provinces: readonly Province[] = [
  { name: '北京市', pinyin: 'beijing', municipality: true, weight: 16 },
  { name: '天津市', pinyin: 'tianjin', municipality: true, weight: 16 },
  { name: '河北省', pinyin: 'hebei', municipality: false, weight: 167 },
  { name: '山西省', pinyin: 'shanxi', municipality: false, weight: 117 },
  { name: '内蒙古自治区', pinyin: 'neimenggu', municipality: false, weight: 103 },
  { name: '辽宁省', pinyin: 'liaoning', municipality: false, weight: 100 },
  { name: '吉林省', pinyin: 'jilin', municipality: false, weight: 60 },
  { name: '黑龙江省', pinyin: 'heilongjiang', municipality: false, weight: 121 },
  { name: '上海市', pinyin: 'shanghai', municipality: true, weight: 16 },
  { name: '江苏省', pinyin: 'jiangsu', municipality: false, weight: 95 },
  { name: '浙江省', pinyin: 'zhejiang', municipality: false, weight: 90 },
  { name: '安徽省', pinyin: 'anhui', municipality: false, weight: 104 },
  { name: '福建省', pinyin: 'fujian', municipality: false, weight: 84 },
  { name: '江西省', pinyin: 'jiangxi', municipality: false, weight: 100 },
  { name: '山东省', pinyin: 'shandong', municipality: false, weight: 136 },
  { name: '河南省', pinyin: 'henan', municipality: false, weight: 157 },
  { name: '湖北省', pinyin: 'hubei', municipality: false, weight: 103 },
  { name: '湖南省', pinyin: 'hunan', municipality: false, weight: 122 },
  { name: '广东省', pinyin: 'guangdong', municipality: false, weight: 122 },
  { name: '广西壮族自治区', pinyin: 'guangxi', municipality: false, weight: 111 },
  { name: '海南省', pinyin: 'hainan', municipality: false, weight: 25 },
  { name: '重庆市', pinyin: 'chongqing', municipality: true, weight: 38 },
  { name: '四川省', pinyin: 'sichuan', municipality: false, weight: 183 },
  { name: '贵州省', pinyin: 'guizhou', municipality: false, weight: 88 },
  { name: '云南省', pinyin: 'yunnan', municipality: false, weight: 129 },
  { name: '西藏自治区', pinyin: 'xizang', municipality: false, weight: 74 },
  { name: '陕西省', pinyin: 'shaanxi', municipality: false, weight: 107 },
  { name: '甘肃省', pinyin: 'gansu', municipality: false, weight: 86 },
  { name: '青海省', pinyin: 'qinghai', municipality: false, weight: 44 },
  { name: '宁夏回族自治区', pinyin: 'ningxia', municipality: false, weight: 22 },
  { name: '新疆维吾尔自治区', pinyin: 'xinjiang', municipality: false, weight: 107 },
];

/** Syllables of place names and their pinyin (without tones; each read one way in names). */
const syllables: readonly (readonly [string, string])[] = [
  ['安', 'an'],
  ['宁', 'ning'],
  ['平', 'ping'],
  ['山', 'shan'],
  ['河', 'he'],
  ['江', 'jiang'],
  ['阳', 'yang'],
  ['城', 'cheng'],
  ['新', 'xin'],
  ['东', 'dong'],
  ['西', 'xi'],
  ['南', 'nan'],
  ['北', 'bei'],
  ['兴', 'xing'],
  ['华', 'hua'],
  ['丰', 'feng'],
  ['和', 'he'],
  ['永', 'yong'],
  ['清', 'qing'],
  ['泰', 'tai'],
  ['临', 'lin'],
  ['龙', 'long'],
  ['昌', 'chang'],
  ['源', 'yuan'],
  ['德', 'de'],
  ['庆', 'qing'],
  ['明', 'ming'],
  ['溪', 'xi'],
  ['水', 'shui'],
  ['林', 'lin'],
  ['桥', 'qiao'],
  ['原', 'yuan'],
  ['台', 'tai'],
  ['武', 'wu'],
  ['定', 'ding'],
  ['嘉', 'jia'],
  ['丽', 'li'],
  ['金', 'jin'],
  ['宝', 'bao'],
  ['海', 'hai'],
  ['湖', 'hu'],
  ['盛', 'sheng'],
  ['广', 'guang'],
  ['福', 'fu'],
  ['荣', 'rong'],
  ['顺', 'shun'],
  ['高', 'gao'],
  ['云', 'yun'],
  ['石', 'shi'],
  ['松', 'song'],
  ['青', 'qing'],
  ['白', 'bai'],
  ['凤', 'feng'],
  ['玉', 'yu'],
  ['沙', 'sha'],
  ['岳', 'yue'],
  ['梅', 'mei'],
  ['桂', 'gui'],
  ['泉', 'quan'],
  ['阜', 'fu'],
  ['建', 'jian'],
  ['汉', 'han'],
  ['文', 'wen'],
  ['鹤', 'he'],
  ['峰', 'feng'],
  ['春', 'chun'],
  ['柳', 'liu'],
  ['潭', 'tan'],
  ['滨', 'bin'],
  ['通', 'tong'],
];

/** A district: where a notice comes from. */
export interface Place {
  province: string;
  city: string;
  /** Short name, e.g. `安平区`. */
  district: string;
  /** Full name for headings, e.g. `临江市安平区`. */
  districtFull: string;
  /** `city-district` in pinyin, e.g. `linjiang-anping`. */
  slug: string;
  /** A county (县) rather than an urban district (区): its departments are 县…局. */
  county: boolean;
}

/** Returns a two-syllable name and its pinyin. */
function twoSyllables(random: Random): { name: string; pinyin: string } {
  const a = random.pick(syllables);
  let b = random.pick(syllables);
  while (b[0] === a[0]) b = random.pick(syllables);
  return { name: a[0] + b[0], pinyin: a[1] + b[1] };
}

/** Returns a province chosen by weight. */
export function pickProvince(random: Random): Province {
  const total = provinces.reduce((n, p) => n + p.weight, 0);
  let x = random.next() * total;
  for (const p of provinces) {
    x -= p.weight;
    if (x < 0) return p;
  }
  return provinces[provinces.length - 1] as Province;
}

/** Returns the cities of a province: invented, fixed by `cityRandom` (seeded per province). */
export function citiesOf(province: Province, cityRandom: Random): { name: string; pinyin: string }[] {
  if (province.municipality) return [{ name: province.name, pinyin: province.pinyin }];
  const count = Math.max(4, Math.round(province.weight / 9));
  const seen = new Set<string>();
  const cities: { name: string; pinyin: string }[] = [];
  while (cities.length < count) {
    const n = twoSyllables(cityRandom);
    if (seen.has(n.name)) continue;
    seen.add(n.name);
    cities.push({ name: `${n.name}市`, pinyin: n.pinyin });
  }
  return cities;
}

/**
 * Returns a new place whose slug is not in `taken` (which it adds to): a
 * province by weight, one of its cities, an invented district or county.
 */
export function newPlace(random: Random, cities: (p: Province) => { name: string; pinyin: string }[], taken: Set<string>): Place {
  for (let attempt = 0; ; attempt++) {
    const province = pickProvince(random);
    const city = random.pick(cities(province));
    const county = !province.municipality && random.chance(0.45);
    const d = twoSyllables(random);
    const district = `${d.name}${county ? '县' : '区'}`;
    let slug = `${city.pinyin}-${d.pinyin}`;
    if (taken.has(slug) && attempt >= 20) {
      let n = 2;
      while (taken.has(`${slug}-${n}`)) n++;
      slug = `${slug}-${n}`;
    }
    if (taken.has(slug)) continue;
    taken.add(slug);
    return { province: province.name, city: city.name, district, districtFull: `${city.name}${district}`, slug, county };
  }
}
