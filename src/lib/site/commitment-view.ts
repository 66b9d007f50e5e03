/**
 * What a commitment's page (`src/pages/[year]/[district]/[number].astro`)
 * shows, shaped from the site model: its topics, neighbours, highlighted
 * wording, JSON-LD, status now and history, and the words of its head and
 * facts. Pure; the page only lays it out.
 */
import type { CommitmentEntry } from '../schema.ts';
import type { Topic } from '../taxonomy/topics.ts';
import { topicBySlug } from '../taxonomy/topics.ts';
import { commitmentJsonLd } from './jsonld.ts';
import { topicHowLabel } from './labels.ts';
import type { District } from './model.ts';
import { neighbours } from './model.ts';
import type { HistoryRow } from './status.ts';
import { historyRows, statusOf } from './status.ts';
import type { Run } from './text.ts';
import { excerpt, highlightTargets } from './text.ts';

/** A commitment's page, shaped. */
export interface CommitmentView {
  /** The page's `<title>`: the title's opening, the district, the year and the number. */
  title: string;
  /** The page's description: the wording's opening. */
  description: string;
  /** Its main topic, when the taxonomy knows it. */
  topic: Topic | undefined;
  /** Its other topics (`topic.also`) the taxonomy knows, in their order. */
  others: Topic[];
  /** The `主题` fact: the topic, how it was assigned, and the other topics. */
  topicFact: string;
  /** The commitments before and after it in the notice. */
  prev: CommitmentEntry | undefined;
  next: CommitmentEntry | undefined;
  /** Its wording with the targets marked. */
  runs: Run[];
  /** Its schema.org JSON-LD. */
  jsonLd: Record<string, unknown>;
  /** Its status now (and the entry that says so, if a report does). */
  now: ReturnType<typeof statusOf>;
  /** Its status history, newest first, each with its report's title. */
  history: HistoryRow[];
}

/** Returns what the page of commitment `c` of `district` shows; `url` is its absolute permalink. */
export function commitmentView(district: District, c: CommitmentEntry, url: string): CommitmentView {
  const { notice } = district;
  const topic = topicBySlug(c.topic.slug);
  const others = (c.topic.also ?? []).flatMap((slug) => topicBySlug(slug) ?? []);
  const { prev, next } = neighbours(district, c.number);
  const also = others.length > 0 ? `；也涉及${others.map((t) => t.name).join('、')}（标题中有其关键词）` : '';
  return {
    title: `${excerpt(c.title, 32)}｜${notice.districtFull}${notice.year}年民生实事第${c.number}项`,
    description: excerpt(c.text, 120),
    topic,
    others,
    topicFact: `${topic?.name ?? c.topic.slug}（${topicHowLabel(c.topic.how, c.topic.matched)}）${also}`,
    prev,
    next,
    runs: highlightTargets(c.text, c.targets),
    jsonLd: commitmentJsonLd(topic ? { notice, commitment: c, url, topicName: topic.name } : { notice, commitment: c, url }),
    now: statusOf(c),
    history: historyRows(c, district.reports),
  };
}
