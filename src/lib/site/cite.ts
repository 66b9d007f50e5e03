/**
 * Ready-to-paste citations of one commitment (GB/T 7714-2015 and APA 7).
 * Pure: the access date is left as the placeholder the reader fills in, so
 * pages stay free of JavaScript and builds stay deterministic.
 */
import type { CommitmentEntry, NoticeEntry } from '../schema.ts';

/** What a citation needs. */
export interface CiteInput {
  notice: NoticeEntry;
  commitment: CommitmentEntry;
  /** The commitment's absolute URL. */
  url: string;
  /** The site's name, e.g. 民生实事公开. */
  siteName: string;
}

/** The slot for the reader's access date. */
export const accessDatePlaceholder = '引用日期';

/** Returns the author of the notice: its issuer when it names one, else the district. */
function author(notice: NoticeEntry): string {
  return notice.issuer ?? notice.districtFull;
}

/** Returns the item's own title as cited: `通知标题：第18项 实施安心托幼行动`. */
function itemTitle({ notice, commitment }: CiteInput): string {
  return `${notice.title}：第${commitment.number}项 ${commitment.title}`;
}

/** Returns the GB/T 7714-2015 citation of an online resource ([EB/OL]). */
export function gbt7714(input: CiteInput): string {
  const published = input.notice.date ? `(${input.notice.date})` : `(${input.notice.year})`;
  return `${author(input.notice)}. ${itemTitle(input)}[EB/OL]. ${published}[${accessDatePlaceholder}]. ${input.url}.`;
}

/** Returns the APA 7 citation. */
export function apa(input: CiteInput): string {
  const d = input.notice.date;
  const when = d ? `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : `${input.notice.year}`;
  return `${author(input.notice)}. (${when}). ${itemTitle(input)}. ${input.siteName}. 检索于${accessDatePlaceholder}, 取自 ${input.url}`;
}
