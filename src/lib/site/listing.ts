/**
 * Shaping content entries for listing pages. Pure.
 */
import type { CommitmentEntry, NoticeEntry } from '../schema.ts';

/** A notice with its commitments in number order. */
export interface NoticeSection {
  notice: NoticeEntry;
  items: CommitmentEntry[];
}

/** Returns notices (newest year first, then by slug) each with its commitments in number order. */
export function byNotice(notices: readonly NoticeEntry[], commitments: readonly CommitmentEntry[]): NoticeSection[] {
  return [...notices]
    .sort((a, b) => b.year - a.year || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
    .map((notice) => ({
      notice,
      items: commitments
        .filter((c) => c.year === notice.year && c.district === notice.slug)
        .sort((a, b) => a.number - b.number),
    }));
}
