/**
 * What `npm run add` works out from a converted notice before a person
 * reviews it: where the notice is from (province, city, district — read from
 * its issuer and title), a slug, the metadata skeleton with every guess
 * marked `# 待核对`, and the short review it prints. Pure: the script
 * (`scripts/add.ts`) does the I/O.
 */
import YAML from 'yaml';
import type { Notice, OriginalFile } from '../schema.ts';
import { slugWords } from '../taxonomy/units.ts';

/** Where a notice is from, as far as its text says. */
export interface Place {
  province?: string;
  city?: string;
  district?: string;
  districtFull?: string;
}

/** The four municipalities: province and city at once. */
const municipalities = ['北京市', '天津市', '上海市', '重庆市'];

/** Returns the administrative name at the start of an issuer or title: `济南市市中区人民政府办公室` → `济南市市中区`. */
export function placeName(text: string): string | undefined {
  const m = /^(?:中共)?([\u4e00-\u9fff]{2,20}?)(?:人民政府|政府|管委会|管理委员会|委员会|党委|区委|县委|办公室|关于|\d{4}年)/u.exec(text.replace(/\s+/gu, ''));
  const name = m?.[1];
  return name && /[省市区县旗]$/u.test(name) ? name : undefined;
}

/** Returns the province, city and district a full place name holds: `安徽省淮北市相山区` → 安徽省, 淮北市, 相山区. */
export function splitPlace(name: string): Place {
  const place: Place = {};
  let rest = name;
  const province = /^([\u4e00-\u9fff]{2,8}?(?:省|自治区))/u.exec(rest)?.[1];
  if (province) {
    place.province = province;
    rest = rest.slice(province.length);
  }
  const municipality = municipalities.find((m) => rest.startsWith(m));
  if (municipality) {
    place.province = municipality;
    place.city = municipality;
    rest = rest.slice(municipality.length);
  } else {
    // A city is a name ending in 市 (or 州/盟) followed by more: the district.
    const city = /^([\u4e00-\u9fff]{2,6}?(?:市|自治州|州|盟))(?=[\u4e00-\u9fff]{2,})/u.exec(rest)?.[1];
    if (city) {
      place.city = city;
      rest = rest.slice(city.length);
    }
  }
  if (/^[\u4e00-\u9fff]{1,10}(?:区|县|旗|市)$/u.test(rest)) {
    place.district = rest;
    place.districtFull = `${place.city ?? ''}${rest}`;
  }
  return place;
}

/** Returns where the notice is from, read from its issuer, else its title. */
export function readPlace(notice: Notice): Place {
  for (const text of [notice.issuer, notice.title]) {
    const name = text ? placeName(text) : undefined;
    if (name) {
      const place = splitPlace(name);
      if (place.district) return place;
    }
  }
  return {};
}

/** Returns a slug from a place: city and district in pinyin without suffixes, `淮北市相山区` → `huaibei-xiangshan`. */
export function placeSlug(place: Place): string | undefined {
  if (!place.district) return undefined;
  const bare = (name: string): string => name.replace(/(?:自治区|自治州|省|市|区|县|旗|州|盟)$/u, '') || name;
  const parts = [place.city && place.city !== place.district ? bare(place.city) : undefined, bare(place.district)].filter((p): p is string => p !== undefined);
  const words = parts.map((p) => slugWords(p).join('')).filter((w) => w !== '');
  return words.length > 0 ? words.join('-') : undefined;
}

/** What the person adding a notice said on the command line. */
export interface AddOptions {
  year: number;
  slug: string;
  province?: string | undefined;
  city?: string | undefined;
  district?: string | undefined;
  districtFull?: string | undefined;
  sourceUrl?: string | undefined;
}

/** Returns the metadata file of a new notice: given values as they are, values read from the text marked `# 待核对`, unknown ones empty and marked `# 待填写`. */
export function metaSkeleton(options: AddOptions, place: Place, notice: Notice, original: OriginalFile | undefined): string {
  const doc = new YAML.Document({});
  const set = (key: string, value: unknown, comment?: string): void => {
    const node = doc.createPair(key, value);
    if (comment && YAML.isScalar(node.value)) node.value.comment = ` ${comment}`;
    doc.add(node);
  };
  set('slug', options.slug);
  set('year', options.year);
  // A city or district given on the command line makes the full name too (city + district).
  const merged: Place = { ...place };
  for (const key of ['province', 'city', 'district'] as const) if (options[key] !== undefined) merged[key] = options[key];
  if (merged.district !== undefined && (options.city !== undefined || options.district !== undefined)) merged.districtFull = `${merged.city ?? ''}${merged.district}`;
  for (const key of ['province', 'city', 'district', 'districtFull'] as const) {
    const given = options[key];
    const read = merged[key];
    if (given !== undefined) set(key, given);
    else if (read !== undefined) set(key, read, '待核对：由正文读出');
    else set(key, '', '待填写：正文没有写明');
  }
  if (options.sourceUrl) set('sourceUrl', options.sourceUrl);
  else set('sourceUrl', null, '待填写：原始发布网址（http/https），不知道就保持 null，绝不编造');
  if (!options.sourceUrl) set('sourceNote', '原始发布网址待补充。');
  if (original) doc.add(doc.createPair('original', original));
  const read = [
    notice.issuer ? `发文机关：${notice.issuer}` : undefined,
    notice.date ? `日期：${notice.date}` : undefined,
    notice.docNumber ? `文号：${notice.docNumber}` : undefined,
  ].filter((l) => l !== undefined);
  doc.commentBefore =
    ' 通知正文之外的信息（文本本身没有写明的）。slug 是永久网址的一部分，一经发布不得更改。\n' +
    ' 由 npm run add 生成：标有“待核对”的由正文读出，标有“待填写”的请补全。\n' +
    (read.length > 0 ? ` 正文写明（待核对，由解析器从文本读出，不在此文件中修改）：${read.join('；')}` : ' 正文没有写明发文机关、日期和文号。');
  return doc.toString({ lineWidth: 0 });
}

/** Returns the short review printed after adding a notice: counts, declared total, warnings and what to check by eye. */
export function reviewLines(notice: Notice, files: { text: string; meta: string; original?: string | undefined }, format: string, marked: readonly string[]): string[] {
  const count = notice.commitments.length;
  const lines = [
    `已添加：${files.text}（由 ${format} 转换）`,
    `  元数据：${files.meta}${files.original ? `；原始文件：${files.original}` : ''}`,
    `事项：${count} 项${notice.declaredTotal !== undefined ? `；通知自称 ${notice.declaredTotal} 项${notice.declaredTotal === count ? '（一致）' : '（不一致，请核对）'}` : '；通知未写明总数'}`,
    `分组：${notice.groups.length > 0 ? notice.groups.map((g) => `${g.name}（${g.items.length}）`).join('、') : '无'}`,
    `第一项：${notice.commitments[0]?.number}. ${notice.commitments[0]?.title ?? ''}`,
    `最后一项：${notice.commitments.at(-1)?.number}. ${notice.commitments.at(-1)?.title ?? ''}`,
  ];
  if (notice.warnings.length === 0) lines.push('提示：无');
  else {
    lines.push(`提示（${notice.warnings.length}）：`);
    for (const w of notice.warnings.slice(0, 20)) lines.push(`  第 ${w.line} 行：${w.message}`);
    if (notice.warnings.length > 20) lines.push(`  …另有 ${notice.warnings.length - 20} 条，见 npm run --silent parse -- ${files.text}`);
  }
  lines.push('请人工核对：');
  if (marked.length > 0) lines.push(`  - 元数据中标有“待核对/待填写”的字段：${marked.join('、')}`);
  lines.push('  - 把转换后的文本与原始文件逐段对照：段落、表格的行与列、编号（Word 自动编号已转为文字）有无错漏');
  lines.push('  - 事项条数、每项的牵头/配合单位和数字目标（npm run --silent parse 的 JSON）');
  lines.push(`然后运行 npm run ingest，检查生成的 Markdown，再把 ${files.text} 等文件一起提交。`);
  return lines;
}
