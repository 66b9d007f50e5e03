/**
 * Comparable indicators: quantitative targets that mean the same thing in
 * every notice (new childcare places, renovated old compounds, parking
 * spaces, new urban jobs), defined once as data, and the values read from
 * commitments' targets. Pure.
 */
import type { CommitmentEntry, Target } from '../schema.ts';

/** One comparable indicator. */
export interface Indicator {
  /** URL-safe id. */
  slug: string;
  /** What is counted, in Chinese. */
  name: string;
  /** The unit targets must have to count. */
  unit: string;
  /** The topic it belongs to (for showing it on that topic's page). */
  topic: string;
  /** What a target's clause must say. */
  pattern: RegExp;
}

/** The indicators, in display order. */
export const indicators: readonly Indicator[] = [
  { slug: 'childcare-places', name: '新增托位', unit: '个', topic: 'childcare-education', pattern: /新增托位|托位新增/u },
  { slug: 'old-compounds', name: '改造老旧小区', unit: '个', topic: 'housing-renewal', pattern: /老旧小区/u },
  { slug: 'parking-spaces', name: '新增停车泊位', unit: '个', topic: 'transport', pattern: /(新增|增建|建设).*(停车泊位|停车位)/u },
  { slug: 'urban-jobs', name: '新增城镇就业', unit: '人', topic: 'employment', pattern: /新增.{0,4}就业|就业.{0,4}新增/u },
];

/** One district's value for an indicator. */
export interface IndicatorValue {
  year: number;
  district: string;
  /** The commitment it comes from. */
  number: number;
  /** The target read. */
  target: Target;
}

/**
 * Whether a target is the district's own quantity: not a standard (a rate, cap or premium) and not a
 * figure the notice gives for the whole city or province. Only these enter sums and comparisons.
 */
export function isDistrictTarget(t: Target): boolean {
  return t.kind !== 'standard' && (t.scope === undefined || t.scope === 'district');
}

/** Returns the first target of each district's commitments that counts for `indicator` (one per district). */
export function indicatorValues(indicator: Indicator, commitments: readonly CommitmentEntry[]): IndicatorValue[] {
  const values: IndicatorValue[] = [];
  const seen = new Set<string>();
  const ordered = [...commitments].sort((a, b) => a.year - b.year || (a.district < b.district ? -1 : a.district > b.district ? 1 : 0) || a.number - b.number);
  for (const c of ordered) {
    const key = `${c.year}/${c.district}`;
    if (seen.has(key)) continue;
    const target = c.targets.find((t) => isDistrictTarget(t) && t.unit === indicator.unit && indicator.pattern.test(t.text));
    if (target) {
      seen.add(key);
      values.push({ year: c.year, district: c.district, number: c.number, target });
    }
  }
  return values;
}
