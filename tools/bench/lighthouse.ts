/**
 * Lighthouse's result for one page, read into the bench's figures: the four category scores (0–100)
 * and four metrics. Pure: the result object in (only the fields read here), figures out.
 */
import type { LighthouseScores } from './results.ts';

/** The part of a Lighthouse result (`lhr`) the bench reads. */
export interface LighthouseResult {
  categories: Record<string, { score?: number | null } | undefined>;
  audits: Record<string, { numericValue?: number } | undefined>;
  runtimeError?: { message: string };
}

/** Returns the scores and metrics of one page's Lighthouse result; a category or metric the result lacks is left out. */
export function lighthouseScores(type: string, path: string, lhr: LighthouseResult | undefined): LighthouseScores {
  const scores: LighthouseScores = { type, path };
  const score = (id: string): number | undefined => {
    const s = lhr?.categories[id]?.score;
    return typeof s === 'number' ? Math.round(s * 100) : undefined;
  };
  const metric = (id: string): number | undefined => {
    const v = lhr?.audits[id]?.numericValue;
    return typeof v === 'number' ? Math.round(v * 1000) / 1000 : undefined;
  };
  const set = <K extends keyof LighthouseScores>(key: K, value: LighthouseScores[K] | undefined): void => {
    if (value !== undefined) scores[key] = value;
  };
  set('performance', score('performance'));
  set('accessibility', score('accessibility'));
  set('bestPractices', score('best-practices'));
  set('seo', score('seo'));
  set('firstContentfulPaintMs', metric('first-contentful-paint'));
  set('largestContentfulPaintMs', metric('largest-contentful-paint'));
  set('totalBlockingTimeMs', metric('total-blocking-time'));
  set('cumulativeLayoutShift', metric('cumulative-layout-shift'));
  if (lhr?.runtimeError) scores.error = lhr.runtimeError.message;
  return scores;
}
