/**
 * Hand-made records for the tests, stated once: notices, commitments, targets,
 * departments and their registries, each built from plain defaults plus the
 * fields a test cares about and validated with the zod schema it stands for;
 * the districts and departments several tests share; and a one-year model.
 */
import { Commitment, CommitmentEntry, NoticeEntry, Target, UnitRecord, UnitRegistry } from '../../src/lib/schema.ts';
import { buildModel } from '../../src/lib/site/model.ts';
import type { Year } from '../../src/lib/site/model.ts';

/** Where a notice belongs: its year and the names of its district. */
export type Place = Pick<NoticeEntry, 'year' | 'slug' | 'province' | 'city' | 'district' | 'districtFull'>;

/** The districts the tests use, all in 2023 (spread with another `year` for other years). */
export const places = {
  shizhong: { year: 2023, slug: 'jinan-shizhong', province: '山东省', city: '济南市', district: '市中区', districtFull: '济南市市中区' },
  linyi: { year: 2023, slug: 'linyi-lanshan', province: '山东省', city: '临沂市', district: '兰山区', districtFull: '临沂市兰山区' },
  zhangdian: { year: 2023, slug: 'zibo-zhangdian', province: '山东省', city: '淄博市', district: '张店区', districtFull: '淄博市张店区' },
  hedong: { year: 2023, slug: 'tianjin-hedong', province: '天津市', city: '天津市', district: '河东区', districtFull: '天津市河东区' },
  nankai: { year: 2023, slug: 'tianjin-nankai', province: '天津市', city: '天津市', district: '南开区', districtFull: '天津市南开区' },
  xiangshan: { year: 2023, slug: 'huaibei-xiangshan', province: '安徽省', city: '淮北市', district: '相山区', districtFull: '淮北市相山区' },
} satisfies Record<string, Place>;

/** The default SHA-256 of a notice's source text, and another for tests that want a second one. */
export const sourceSha256 = '0123456789abcdef'.repeat(4);
export const otherSourceSha256 = 'fedcba9876543210'.repeat(4);

/** A notice entry of `place`: titled `<year>年区政府为民办实事事项`, one commitment, no groups, passages or warnings. */
export function notice(place: Place, more: Partial<NoticeEntry> = {}): NoticeEntry {
  return NoticeEntry.parse({
    sourceUrl: null,
    kind: 'notice',
    title: `${place.year}年区政府为民办实事事项`,
    groups: [],
    passages: [],
    warnings: [],
    commitmentCount: 1,
    sourceFile: `notices/${place.year}/${place.slug}.txt`,
    sourceSha256,
    ...place,
    ...more,
  });
}

/** The same notice titled just `<year>年民生实事`. */
export function plainNotice(place: Place, more: Partial<NoticeEntry> = {}): NoticeEntry {
  return notice(place, { title: `${place.year}年民生实事`, ...more });
}

/** Commitment `number` as the parser gives it: titled `第<number>项`, on line `number + 1`, nothing else set. */
export function noticeCommitment(number: number, more: Partial<Commitment> = {}): Commitment {
  return Commitment.parse({
    number,
    title: `第${number}项`,
    text: `第${number}项的全文。`,
    leadUnits: [],
    coUnits: [],
    subItems: [],
    measures: [],
    targets: [],
    source: { startLine: number + 1, endLine: number + 1 },
    ...more,
  });
}

/** Commitment `number` of the notice of `place` as a content entry, with no topic (`other`, `none`). */
export function commitment(place: Pick<Place, 'year' | 'slug'>, number: number, more: Partial<CommitmentEntry> = {}): CommitmentEntry {
  return CommitmentEntry.parse({
    ...noticeCommitment(number),
    topic: { slug: 'other', how: 'none' },
    year: place.year,
    district: place.slug,
    permalink: `/${place.year}/${place.slug}/${number}/`,
    ...more,
  });
}

/** The same commitment put under `topic` by a keyword rule. */
export function topicCommitment(place: Pick<Place, 'year' | 'slug'>, number: number, topic: string, more: Partial<CommitmentEntry> = {}): CommitmentEntry {
  return commitment(place, number, { topic: { slug: topic, how: 'rule' }, ...more });
}

/** A target without a comparator. */
export function target(value: number, unit: string, text: string): Target {
  return Target.parse({ value, unit, text });
}

/** A department. */
export function unit(slug: string, name: string, aliases: string[], fn: string): UnitRecord {
  return UnitRecord.parse({ slug, name, aliases, function: fn });
}

/** The departments file of the notice of `place`. */
export function registry(place: Pick<Place, 'year' | 'slug'>, units: UnitRecord[]): UnitRegistry {
  return UnitRegistry.parse({ year: place.year, district: place.slug, units });
}

/** Departments the tests share. */
export const units = {
  renshe: unit('ren-li-zi-yuan-he-she-hui-bao-zhang-ju', '区人力资源和社会保障局', ['区人社局'], 'human-resources'),
  jiaoti: unit('jiao-yu-ti-yu-ju', '区教育体育局', ['区教体局'], 'education'),
  weijian: unit('wei-sheng-jian-kang-ju', '区卫生健康局', [], 'health'),
  zhujian: unit('zhu-fang-he-cheng-xiang-jian-she-ju', '区住房和城乡建设局', ['区住建局'], 'housing'),
  caizheng: unit('cai-zheng-ju', '区财政局', [], 'finance'),
  minzheng: unit('min-zheng-ju', '区民政局', [], 'civil-affairs'),
};

/** The model of records that all belong to one year; throws when they make no year or more than one. */
export function oneYear(notices: readonly NoticeEntry[], commitments: readonly CommitmentEntry[], registries: readonly UnitRegistry[] = []): Year {
  const [year, ...rest] = buildModel(notices, commitments, registries);
  if (!year || rest.length > 0) throw new Error('expected exactly one year');
  return year;
}
