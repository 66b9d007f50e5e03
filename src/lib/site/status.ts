/**
 * What pages show of progress: a commitment's status now, its history with
 * each report's title, a district's counts by status, figures in words. Pure.
 */
import type { CommitmentEntry, Figure, ReportEntry, Status, StatusEntry } from '../schema.ts';
import { currentStatus, sortHistory } from '../report/history.ts';
import { statusOrder } from '../report/status.ts';

/** A commitment's status now: the newest report's, or 未见报告. */
export function statusOf(c: CommitmentEntry): { status: Status; entry: StatusEntry | undefined } {
  return currentStatus(c.statusHistory ?? []);
}

/** One entry of a history as a page shows it: the entry and its report's title (when the report is known). */
export interface HistoryRow {
  entry: StatusEntry;
  reportTitle: string | undefined;
}

/** Returns a commitment's history, newest first, each entry with its report's title. */
export function historyRows(c: CommitmentEntry, reports: readonly ReportEntry[]): HistoryRow[] {
  const titles = new Map(reports.map((r) => [r.slug, r.title]));
  return sortHistory(c.statusHistory ?? []).map((entry) => ({ entry, reportTitle: titles.get(entry.report) }));
}

/** Returns how many commitments have each status now, in the scale's order, statuses with none left out. */
export function statusCounts(commitments: readonly CommitmentEntry[]): Array<{ status: Status; count: number }> {
  const counts = new Map<Status, number>();
  for (const c of commitments) {
    const { status } = statusOf(c);
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return statusOrder.flatMap((status) => {
    const count = counts.get(status) ?? 0;
    return count > 0 ? [{ status, count }] : [];
  });
}

/** Returns a figure's ratio as a percentage in words: `1.15` → `115%`. */
export function ratioLabel(f: Figure): string {
  return `${Math.round(f.ratio * 1000) / 10}%`;
}

/** Returns how a report item was tied to the commitment, in words. */
export function matchLabel(match: StatusEntry['match']): string {
  if (match.by === 'number') return '按报告沿用的通知编号对应';
  if (match.by === 'text') return `按文字相似度对应（${match.score}）`;
  if (match.by === 'statement') return '按报告的总体表述对应';
  return '经人工复核指定';
}
