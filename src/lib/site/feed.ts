/**
 * The Atom 1.0 feed (RFC 4287) of one year's commitments: one entry per
 * commitment, identified by its permanent URL. Pure and deterministic: no
 * clock; dates come from the notices. A commitment whose status changes (a
 * report gives it a status other than the one before) has one more entry per
 * change, dated by that report.
 */
import { SITE_TITLE } from '../../consts.ts';
import { commitmentPermalink, dataIndexPath, feedPath, statusPath, topicPermalink, yearPermalink } from '../content/paths.ts';
import { sortHistory } from '../report/history.ts';
import type { CommitmentEntry, Status, StatusEntry } from '../schema.ts';
import { topicBySlug } from '../taxonomy/topics.ts';
import { statusSlugs } from './status.ts';
import type { Year } from './model.ts';
import { absoluteUrl } from './urls.ts';
import { xmlEscape } from './xml.ts';

export { xmlEscape } from './xml.ts';

/** Notices give days, in China: a day starts at midnight China Standard Time. */
function dayStart(date: string): string {
  return `${date}T00:00:00+08:00`;
}

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/u;

/** Returns `value` (`YYYY-MM-DD` or an RFC 3339 date-time) as an Atom date. */
function atomDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/u.test(value)) return dayStart(value);
  if (rfc3339.test(value)) return value;
  throw new Error(`not a date (YYYY-MM-DD) or an RFC 3339 date-time: ${JSON.stringify(value)}`);
}

const tag = (name: string, text: string): string => `<${name}>${xmlEscape(text)}</${name}>`;
const attrs = (values: Record<string, string | undefined>): string =>
  Object.entries(values)
    .flatMap(([k, v]) => (v === undefined ? [] : [` ${k}="${xmlEscape(v)}"`]))
    .join('');

/**
 * Entries a feed holds at most: a feed is read for what is new, and a country's year (≈100,000
 * commitments) would make a 78 MB feed (BENCHMARKS.md). Every commitment is in the open data.
 */
export const feedLimit = 500;

/**
 * Returns the districts whose commitments a feed of at most `limit` entries holds: whole notices,
 * newest notice date first (undated ones last, ties in the model's order), as many as fit, at least
 * one; in the model's order.
 */
function newestDistricts(year: Year, limit: number): Year['districts'] {
  const newest = year.districts.map((d, i) => ({ d, i, date: d.notice.date ?? '' })).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.i - b.i));
  const keep = new Set<number>();
  let count = 0;
  for (const { d, i } of newest) {
    if (keep.size > 0 && count + d.commitments.length > limit) break;
    keep.add(i);
    count += d.commitments.length;
  }
  return year.districts.filter((_, i) => keep.has(i));
}

/** A change of a commitment's status: what it was (`未见报告` before its first report), what a report made it, and the report's entry. */
export interface StatusChange {
  commitment: CommitmentEntry;
  from: Status;
  to: Status;
  entry: StatusEntry;
  /** The report's date of issue, else its as-of date: the day the change became known. */
  date: string;
}

/**
 * Returns the changes of status of `commitments`, oldest first per commitment: each history entry
 * whose status differs from the one before it. A change whose report gives no date at all (neither
 * issue nor as-of date) is left out, since the feed never invents a date.
 */
export function statusChanges(commitments: readonly CommitmentEntry[]): StatusChange[] {
  return commitments.flatMap((commitment) => {
    let from: Status = '未见报告';
    const changes: StatusChange[] = [];
    for (const entry of sortHistory(commitment.statusHistory ?? []).reverse()) {
      const date = entry.date ?? entry.asOf;
      if (entry.status !== from && date !== undefined) changes.push({ commitment, from, to: entry.status, entry, date });
      from = entry.status;
    }
    return changes;
  });
}

/**
 * Returns the Atom feed of `year`: entries in district order (as in the model), then number order.
 * `site` is the site's origin (`https://example.org`), `base` its base path (`/` or `/minsheng/`).
 *
 * The feed never invents a date a notice does not give: an entry's `published` is its notice's date
 * (midnight, UTC+8) and only that — absent when the notice has none. Its `updated` (which Atom
 * requires) is when the site's record of the notice last changed, `changed(district)` (from the
 * content's git history, `src/lib/site/history.ts`), else the notice's date, else the feed's. The
 * feed's `updated` is `updated` (`YYYY-MM-DD` or RFC 3339) when given, else the latest of its
 * entries' dates; only when no date at all is known, 1 January of the year. At most `limit`
 * (default `feedLimit`) entries: the newest notices' (`newestDistricts`), the subtitle saying how
 * many are left out (the limit counts commitments). After the commitments come their changes of status (`statusChanges`),
 * each with the id `<commitment URL>#status-<report slug>` and dated by its report.
 */
export function atomFeed(
  year: Year,
  options: { site: string; base: string; updated?: string; limit?: number; changed?: (district: Year['districts'][number]) => string | undefined },
): string {
  const { site, base } = options;
  const url = (path: string): string => absoluteUrl(site, base, path);
  const chosen = newestDistricts(year, options.limit ?? feedLimit);
  const left = year.districts.reduce((n, d) => n + d.commitments.length, 0) - chosen.reduce((n, d) => n + d.commitments.length, 0);
  /** One entry: `href` is the page it links to, when not its id. */
  interface Entry {
    id: string;
    href?: string;
    title: string;
    published: string | undefined;
    updated: string | undefined;
    text: string;
    categories: Array<{ term: string; scheme: string; label: string | undefined }>;
  }
  const items: Entry[] = chosen.flatMap((district) => {
    const { notice, commitments } = district;
    const changed = options.changed?.(district);
    return commitments.map((c) => {
      const topic = topicBySlug(c.topic.slug);
      return {
        id: url(commitmentPermalink(notice, c.number)),
        title: `${notice.districtFull} 第${c.number}项：${c.title}`,
        published: notice.date === undefined ? undefined : dayStart(notice.date),
        updated: changed !== undefined ? atomDate(changed) : notice.date !== undefined ? dayStart(notice.date) : undefined,
        text: c.text,
        categories: [
          { term: c.topic.slug, scheme: url(topicPermalink(year.year)), label: topic?.name },
          { term: notice.slug, scheme: url(yearPermalink(year.year)), label: notice.districtFull },
        ],
      };
    });
  });
  const changes: Entry[] = chosen.flatMap((district) =>
    statusChanges(district.commitments).map((ch) => ({
      id: `${url(commitmentPermalink(district.notice, ch.commitment.number))}#status-${ch.entry.report}`,
      href: url(commitmentPermalink(district.notice, ch.commitment.number)),
      title: `${district.notice.districtFull} 第${ch.commitment.number}项：${ch.from} → ${ch.to}`,
      published: atomDate(ch.date),
      updated: atomDate(ch.date),
      text: `${ch.commitment.title}：${ch.to}${ch.entry.asOf ? `（截至${ch.entry.asOf}）` : ''}。报告原文：${ch.entry.text}`,
      categories: [{ term: statusSlugs[ch.to], scheme: url(statusPath), label: ch.to }],
    })),
  );
  const entries: Entry[] = [...items, ...changes];
  const known = entries.flatMap((e) => (e.updated === undefined ? [] : [e.updated]));
  const updated = options.updated === undefined ? (known.sort().at(-1) ?? dayStart(`${year.year}-01-01`)) : atomDate(options.updated);
  const self = url(feedPath(year.year));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  ${tag('id', self)}`,
    `  ${tag('title', `${year.year}年民生实事 · ${SITE_TITLE}`)}`,
    `  ${tag('subtitle', `${year.year}年各区县公布的民生实事，一项一条，附原文全文。${left > 0 ? `此处为最新公布的${chosen.length}个区县的${items.length}项，其余${left}项见开放数据（${url(dataIndexPath)}）。` : ''}`)}`,
    `  <link${attrs({ rel: 'self', type: 'application/atom+xml', href: self })}/>`,
    `  <link${attrs({ rel: 'alternate', type: 'text/html', href: url(yearPermalink(year.year)) })}/>`,
    `  ${tag('updated', updated)}`,
    `  <author>${tag('name', SITE_TITLE)}${tag('uri', url('/'))}</author>`,
    ...entries.flatMap((e) => [
      '  <entry>',
      `    ${tag('id', e.id)}`,
      `    ${tag('title', e.title)}`,
      `    <link${attrs({ rel: 'alternate', type: 'text/html', href: e.href ?? e.id })}/>`,
      ...(e.published === undefined ? [] : [`    ${tag('published', e.published)}`]),
      `    ${tag('updated', e.updated ?? updated)}`,
      ...e.categories.map((c) => `    <category${attrs(c)}/>`),
      `    <content type="text">${xmlEscape(e.text)}</content>`,
      '  </entry>',
    ]),
    '</feed>',
    '',
  ].join('\n');
}
