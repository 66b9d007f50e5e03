/**
 * From matched report items to each commitment's status history: one dated
 * entry per report that mentions it, newest first, nothing overwritten; the
 * figures a report gives against the commitment's targets; and the status a
 * commitment has now (`未见报告` when no report mentions it). Pure.
 */
import type { Actual, Commitment, Figure, ReportEntry, Status, StatusEntry, Target } from '../schema.ts';
import type { MatchedItem } from './match.ts';

/** What history needs to know of a report besides its items: its slug, date of issue and as-of date. */
export type ReportRef = Pick<ReportEntry, 'slug' | 'date' | 'asOf'>;

/**
 * Returns the figures of `actuals` against `targets`: each target paired with
 * the first unused actual in the same unit; a target without one is left out
 * (units must agree, or no comparison is made).
 */
export function figuresAgainst(targets: readonly Target[], actuals: readonly Actual[]): Figure[] {
  const used = new Set<number>();
  const out: Figure[] = [];
  for (const target of targets) {
    if (target.value <= 0) continue;
    const i = actuals.findIndex((a, k) => !used.has(k) && a.unit === target.unit);
    const actual = actuals[i];
    if (i < 0 || !actual) continue;
    used.add(i);
    out.push({ target, actual, ratio: Math.round((actual.value / target.value) * 10000) / 10000 });
  }
  return out;
}

/** How strongly a way of matching ties an item: a report naming a commitment itself outranks an overall statement. */
const strength: Readonly<Record<string, number>> = { override: 4, number: 3, text: 2, statement: 1 };

/**
 * Returns one status entry per commitment a report's matched items speak of:
 * when several items speak of one commitment, the most directly tied (then
 * the first) is its entry. Items without a status or a commitment give none.
 */
export function reportEntries(report: ReportRef, items: readonly MatchedItem[], commitments: readonly Commitment[]): Map<number, StatusEntry> {
  const byNumber = new Map(commitments.map((c) => [c.number, c]));
  const out = new Map<number, StatusEntry>();
  for (const item of items) {
    if (item.commitment === null || item.status === null || !item.match) continue;
    const commitment = byNumber.get(item.commitment);
    if (!commitment) continue;
    const held = out.get(item.commitment);
    if (held && (strength[held.match.by] ?? 0) >= (strength[item.match.by] ?? 0)) continue;
    const entry: StatusEntry = {
      status: item.status,
      statusWords: item.statusWords,
      text: item.text,
      report: report.slug,
      source: item.source,
      match: item.match,
      figures: figuresAgainst(commitment.targets, item.actuals),
    };
    if (report.date) entry.date = report.date;
    if (report.asOf) entry.asOf = report.asOf;
    out.set(item.commitment, entry);
  }
  return out;
}

/** The date an entry speaks for: its as-of date, else its date of issue, else ''. */
const when = (e: StatusEntry): string => e.asOf ?? e.date ?? '';

/** Returns a history newest first (by as-of date, then date of issue, then report slug): every entry kept. */
export function sortHistory(entries: readonly StatusEntry[]): StatusEntry[] {
  return [...entries].sort((a, b) => when(b).localeCompare(when(a)) || (b.date ?? '').localeCompare(a.date ?? '') || a.report.localeCompare(b.report));
}

/** A commitment's status now: the newest entry's, or `未见报告` when it has none. */
export function currentStatus(history: readonly StatusEntry[]): { status: Status; entry: StatusEntry | undefined } {
  const entry = sortHistory(history)[0];
  return { status: entry?.status ?? '未见报告', entry };
}
