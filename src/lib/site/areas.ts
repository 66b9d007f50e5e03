/**
 * What kind of area a notice is from, named by its own kind: a 经济技术开发区 or a 新区 is not a
 * 区县, though it publishes 民生实事 like one. The kind is read from the end of the full name
 * (`districtFull`), by one general list of suffixes. Pure.
 */

/** Suffixes of functional areas (not county-level administrative divisions), longest first. */
const functionalKinds = ['经济技术开发区', '高新技术产业开发区', '经济开发区', '高新区', '开发区', '新区', '园区'] as const;

/** The word for county-level divisions together. */
export const countyWord = '区县';

/** Returns the kind of an area from its full name: `济宁经济技术开发区` → 经济技术开发区, `淮北市相山区` → 区县 (区、县、县级市、旗 alike). */
export function areaKind(districtFull: string): string {
  const functional = functionalKinds.find((k) => districtFull.endsWith(k));
  if (functional) return functional;
  return countyWord;
}

/**
 * Returns how many areas of each kind, in words: `5 个区县`, `4 个区县、1 个经济技术开发区`
 * (区县 first, then the other kinds in order of first appearance).
 */
export function areaCount(fullNames: readonly string[]): string {
  const counts = new Map<string, number>([[countyWord, 0]]);
  for (const name of fullNames) {
    const kind = areaKind(name);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const parts = [...counts].filter(([, n]) => n > 0).map(([kind, n]) => `${n} 个${kind}`);
  return parts.length === 0 ? `0 个${countyWord}` : parts.join('、');
}

/** Returns the word for a set of areas: 区县 when all are, else 地区. */
export function areaWord(fullNames: readonly string[]): string {
  return fullNames.every((name) => areaKind(name) === countyWord) ? countyWord : '地区';
}
