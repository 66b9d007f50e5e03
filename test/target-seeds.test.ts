/**
 * Quantitative targets of the five built-in notices against targets read by
 * hand from their source texts (`test/fixtures/targets-seeds.json`). The test
 * names carry the measured precision and recall:
 * `npx vitest run --project unit test/target-seeds.test.ts --reporter=verbose`.
 */
import { describe, expect, test } from 'vitest';
import { percent, scoreBuiltInTargets } from './helpers/target-score.ts';

const score = scoreBuiltInTargets();
const precision = percent(score.strictMatched, score.found);
const recall = percent(score.strictMatched, score.expected);
const loosePrecision = percent(score.looseMatched, score.found);
const looseRecall = percent(score.looseMatched, score.expected);

describe(`targets of the built-in notices (${score.expected} read by hand, ${score.found} found)`, () => {
  test(`should have a precision of at least 98 % on value, unit, comparator, scope and kind (measured ${precision} %)`, () => {
    expect(score.extra).toEqual([]);
    expect(precision).toBeGreaterThanOrEqual(98);
  });

  test(`should have a recall of at least 98 % on value, unit, comparator, scope and kind (measured ${recall} %)`, () => {
    expect(score.missed).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(98);
  });

  test(`should have a precision and recall of at least 98 % on value, unit and comparator alone (measured ${loosePrecision} % and ${looseRecall} %)`, () => {
    expect(loosePrecision).toBeGreaterThanOrEqual(98);
    expect(looseRecall).toBeGreaterThanOrEqual(98);
  });
});
