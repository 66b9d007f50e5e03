/**
 * Facets that narrow a district's list of commitments on its own page, without a round trip:
 * each commitment carries its values as `data-facet-<name>` attributes, each facet lists its values
 * with the numbers of the commitments that have them (links to them, so the page works without
 * JavaScript), and `public/js/facets.js` turns the values into filter buttons.
 *
 * A facet is data, not markup: a further one (e.g. status) is one more `Facet` from a pure function
 * and one more attribute on each item. Pure.
 */
import type { CommitmentEntry } from '../schema.ts';
import type { District } from './model.ts';
import { hasTopic, topicsUsed } from './model.ts';
import { statusCounts, statusOf, statusSlugs } from './status.ts';

/** One value of a facet, e.g. the topic 养老服务. */
export interface FacetValue {
  /** The value as written in the items' attribute (an ASCII slug, no spaces). */
  value: string;
  /** The label shown. */
  label: string;
  /** The numbers of the commitments that have it, in number order. */
  numbers: number[];
}

/** A way of narrowing a list: its name (the attribute is `data-facet-<name>`), label and values. */
export interface Facet {
  name: string;
  label: string;
  values: FacetValue[];
}

/** Returns the anchor id of a commitment in its district's list: `item-19`. */
export function itemAnchor(number: number): string {
  return `item-${number}`;
}

/** Returns the anchor id of a facet value's line in the no-script index: `topic-elderly-care`. */
export function facetAnchor(facet: string, value: string): string {
  return `${facet}-${value}`;
}

/** Returns the topic facet: every topic (main or other) of the district's commitments, in taxonomy order. */
export function topicFacet(district: District): Facet {
  return {
    name: 'topic',
    label: '主题',
    values: topicsUsed([district], { also: true }).map((t) => ({
      value: t.slug,
      label: t.name,
      numbers: district.commitments.filter((c) => hasTopic(c, t.slug)).map((c) => c.number),
    })),
  };
}

/** Returns a commitment's topic slugs for its `data-facet-topic` attribute: main first, space-separated. */
export function topicValues(c: CommitmentEntry): string {
  return [c.topic.slug, ...(c.topic.also ?? [])].join(' ');
}

/** Returns the status facet: each status the district's commitments have now, in the scale's order. */
export function statusFacet(district: District): Facet {
  return {
    name: 'status',
    label: '状态',
    values: statusCounts(district.commitments).map(({ status }) => ({
      value: statusSlugs[status],
      label: status,
      numbers: district.commitments.filter((c) => statusOf(c).status === status).map((c) => c.number),
    })),
  };
}

/** Returns a commitment's status slug for its `data-facet-status` attribute. */
export function statusValue(c: CommitmentEntry): string {
  return statusSlugs[statusOf(c).status];
}
