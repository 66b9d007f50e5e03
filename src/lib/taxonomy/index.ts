/**
 * The taxonomy: what makes commitments of different districts comparable. The livelihood topics and
 * the rule that gives a commitment its topics (`topics`, `assignTopic`); departments, with their
 * abbreviations, functions and permanent slugs (`planUnits`, `unitFunction`); and the indicators a
 * year compares across districts (`indicators`, `indicatorValues`). Pure data and functions.
 */
export type { Topic } from './topics.ts';
export { assignTopic, topicBySlug, topics } from './topics.ts';
export type { UnitFunction } from './units.ts';
export { fullUnitName, otherFunction, planUnits, slugWords, unitFunction, unitFunctions } from './units.ts';
export type { Indicator } from './indicators.ts';
export { indicators, indicatorValues } from './indicators.ts';
