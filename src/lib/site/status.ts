/**
 * What pages show of progress: a commitment's status now, its history with
 * each report's title, a district's counts by status, figures in words. Pure.
 */
import type { CommitmentEntry, Figure, ReportEntry, Status, StatusEntry } from '../schema.ts';
import { currentStatus, sortHistory } from '../report/history.ts';
import { statusOrder } from '../report/status.ts';
import type { District } from './model.ts';

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

/**
 * Each status as an ASCII slug, for anchors and attributes (`#status-done`,
 * `data-facet-status="done"`) and the bar's colour classes.
 */
export const statusSlugs: Readonly<Record<Status, string>> = {
  已完成: 'done',
  超额完成: 'exceeded',
  基本完成: 'mostly-done',
  正常推进: 'on-track',
  进度滞后: 'lagging',
  未启动: 'not-started',
  到期未完成: 'overdue',
  未见报告: 'no-report',
};

/** The statuses that count as done in a share of completion: 已完成, 超额完成, 基本完成. */
const doneStatuses: readonly Status[] = ['已完成', '超额完成', '基本完成'];

/** One segment of a stacked bar of counts by status: where it starts and how wide it is, in percent of the whole. */
export interface BarSegment {
  status: Status;
  slug: string;
  count: number;
  /** Start, in percent (0–100, one decimal). */
  x: number;
  /** Width, in percent (one decimal); the last segment ends at exactly 100. */
  width: number;
}

/** Returns the segments of a stacked bar of counts by status (statusCounts order), ending at exactly 100%. */
export function statusBar(counts: ReadonlyArray<{ status: Status; count: number }>): BarSegment[] {
  const total = counts.reduce((sum, r) => sum + r.count, 0);
  if (total === 0) return [];
  const round = (n: number) => Math.round(n * 10) / 10;
  let before = 0;
  return counts.map((r) => {
    const x = round((before / total) * 100);
    before += r.count;
    const end = round((before / total) * 100);
    return { status: r.status, slug: statusSlugs[r.status], count: r.count, x, width: round(end - x) };
  });
}

/** Returns the share of commitments done (see `doneStatuses`), as a percentage in words: `3/8` → `37.5%`; `—` for none. */
export function doneShare(commitments: readonly CommitmentEntry[]): string {
  if (commitments.length === 0) return '—';
  const done = commitments.filter((c) => doneStatuses.includes(statusOf(c).status)).length;
  return `${Math.round((done / commitments.length) * 1000) / 10}%`;
}

/** One district's line in a year's comparison by completion. */
export interface CompletionRow {
  district: District;
  /** How many commitments it has. */
  total: number;
  /** How many have each of the table's statuses, in the table's order. */
  counts: number[];
  /** The share done (`doneShare`), or `未见报告` when no report on the district is in. */
  share: string;
}

/**
 * Returns a year's districts compared by completion: the statuses any of them has (the scale's
 * order) as columns, and a row per district in the order given. Empty when no district has a report
 * (every commitment would be 未见报告: nothing to compare).
 */
export function completionTable(districts: readonly District[]): { statuses: Status[]; rows: CompletionRow[] } {
  if (!districts.some((d) => d.reports.length > 0)) return { statuses: [], rows: [] };
  const perDistrict = districts.map((d) => new Map(statusCounts(d.commitments).map((r) => [r.status, r.count])));
  const statuses = statusOrder.filter((s) => perDistrict.some((m) => m.has(s)));
  return {
    statuses,
    rows: districts.map((district, i) => ({
      district,
      total: district.commitments.length,
      counts: statuses.map((s) => perDistrict[i]?.get(s) ?? 0),
      share: district.reports.length > 0 ? doneShare(district.commitments) : '未见报告',
    })),
  };
}

/** Returns a department's commitments (led or assisted, each once) counted by status now, as `statusCounts`. */
export function unitStatusCounts(work: { lead: readonly CommitmentEntry[]; co: readonly CommitmentEntry[] }): Array<{ status: Status; count: number }> {
  return statusCounts([...new Set([...work.lead, ...work.co])]);
}

/** One line of a report's page: its number, its text, and the commitments it speaks of, in number order, with their titles (empty when unknown). */
export interface ReportLine {
  no: number;
  text: string;
  commitments: { number: number; title: string }[];
}

/** Returns the lines of a report's text (`lines`, from line 1), each with the commitments the report's items on it were matched to. */
export function reportLines(report: ReportEntry, lines: readonly string[], district: District): ReportLine[] {
  const named = new Map<number, Set<number>>();
  for (const item of report.items) {
    if (item.commitment === null || item.commitment === undefined) continue;
    for (let n = item.source.startLine; n <= item.source.endLine; n++) {
      const set = named.get(n) ?? new Set<number>();
      set.add(item.commitment);
      named.set(n, set);
    }
  }
  const titleOf = new Map(district.commitments.map((c) => [c.number, c.title]));
  return lines.map((text, i) => ({
    no: i + 1,
    text,
    commitments: [...(named.get(i + 1) ?? [])].sort((a, b) => a - b).map((number) => ({ number, title: titleOf.get(number) ?? '' })),
  }));
}
