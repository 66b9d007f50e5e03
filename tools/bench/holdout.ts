/**
 * Pure scoring of the hold-out measurement (`npm run --silent holdout`):
 * hand-read facts of each blind hold-out notice (test/holdout/<case>/facts.json)
 * against what the parser read, and the table and rates that summarize them.
 *
 * The parser's API changes while it is rewritten, so what it returns is taken
 * as `unknown` and read defensively by {@link outcomeOf}; nothing here imports
 * the parser (only its full-width folding, `parse/text.ts`).
 */
import { z } from 'zod';
import { fold as foldWidth } from '../../src/lib/parse/text.ts';

/**
 * The facts of one hold-out notice, read by hand from its text (never from a
 * parser's output). Kept here rather than in src/lib/schema.ts: it describes a
 * measurement's answer key, not a published record.
 */
export const HoldoutFacts = z.strictObject({
  /** `notice` lists commitments; `report` states progress or completion and must not be read as promises. */
  kind: z.enum(['notice', 'report']),
  /** How many commitments the text lists (for a report: how many items it reports on). */
  count: z.number().int().nonnegative(),
  /** The total the text itself declares (`20件`, `十大`), when it declares one. */
  declaredTotal: z.number().int().positive().optional(),
  /** The year the text states, only when it states one. */
  year: z.number().int().min(1949).max(2100).optional(),
  /** The start of item 1's text, as written (empty when the items are not listed one by one). */
  first: z.string(),
  /** The start of the last item's text, as written (empty when the items are not listed one by one). */
  last: z.string(),
  /** What makes this notice tricky. */
  note: z.string().min(1),
});
/** The facts of one hold-out notice. */
export type HoldoutFacts = z.output<typeof HoldoutFacts>;

/** What the parser did with one notice. */
export type Outcome =
  | {
      status: 'read';
      /** Number of commitments read. */
      count: number;
      /** The document kind the parser reported, if it reports one. */
      kind?: string;
      /** What the first and last commitment read say (title and text). */
      firstText?: string;
      lastText?: string;
      declaredTotal?: number;
      year?: number;
    }
  | {
      /** The parser answered with an error (no commitments). */
      status: 'refused';
      message: string;
      kind?: string;
    }
  | {
      /** The parser threw. */
      status: 'crashed';
      message: string;
    };

/** The verdict on one hold-out notice. */
export interface CaseScore {
  name: string;
  facts: HoldoutFacts;
  outcome: Outcome;
  /** Whether the count is exact (notice) or the report was recognized (report). */
  ok: boolean;
  /** For a notice read with the right count: whether item 1 and the last item start as the facts say. */
  endsMatch?: boolean;
}

/** The rates over a set of scored notices. */
export interface Summary {
  /** Notices (kind `notice`) read to the exact count, of all notices. */
  exact: { hits: number; total: number };
  /** Reports recognized as reports, of all reports. */
  reports: { hits: number; total: number };
  /** Every case that is ok, of all cases. */
  overall: { hits: number; total: number };
  /** Notices whose declared total (`20件`, `十大`) was read, of notices that declare one. Informational. */
  declared: { hits: number; total: number };
  /** Notices whose stated year was read, of notices that state one. Informational. */
  years: { hits: number; total: number };
  /** Names of the cases where the parser threw. */
  crashes: string[];
}

/** Returns an object's property, or undefined when `value` is not an object. */
function prop(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** Returns a kind name from a string, or from an object's `kind` field (e.g. `{ kind: 'report', reason }`). */
function kindName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const inner = prop(value, 'kind');
  return typeof inner === 'string' ? inner : undefined;
}

/**
 * Returns what a commitment says: its text, preceded by its title when the
 * text does not start with it (a table row's title is its 项目名称, its text
 * the 建设内容), else whichever of the two exists.
 */
function commitmentText(commitment: unknown): string | undefined {
  const text = prop(commitment, 'text');
  const title = prop(commitment, 'title');
  const hasText = typeof text === 'string' && text.length > 0;
  const hasTitle = typeof title === 'string' && title.length > 0;
  if (hasText && hasTitle) return text.startsWith(title) ? text : `${title}\n${text}`;
  if (hasText) return text;
  return hasTitle ? title : undefined;
}

/**
 * Returns the outcome of one parse from the parser's result, read
 * defensively: `{ ok: true, notice }` or `{ ok: false, error: { message } }`
 * (or a bare notice), plus an optional kind from a separate classifier
 * (a string or `{ kind }`), which wins over a `kind` inside the notice.
 */
export function outcomeOf(result: unknown, separateKind?: unknown): Outcome {
  const kindFromClassifier = kindName(separateKind);
  if (prop(result, 'ok') === false) {
    const message = prop(prop(result, 'error'), 'message');
    const kind = kindFromClassifier ?? kindName(prop(result, 'kind')) ?? kindName(prop(prop(result, 'error'), 'kind'));
    return { status: 'refused', message: typeof message === 'string' ? message : 'error without a message', ...(kind ? { kind } : {}) };
  }
  const notice = prop(result, 'ok') === true ? prop(result, 'notice') : result;
  const commitments = prop(notice, 'commitments');
  const list: unknown[] = Array.isArray(commitments) ? commitments : [];
  const kind = kindFromClassifier ?? kindName(prop(notice, 'kind')) ?? kindName(prop(result, 'kind'));
  const declaredTotal = prop(notice, 'declaredTotal');
  const year = prop(notice, 'year');
  const firstText = commitmentText(list[0]);
  const lastText = commitmentText(list[list.length - 1]);
  return {
    status: 'read',
    count: list.length,
    ...(kind ? { kind } : {}),
    ...(firstText !== undefined ? { firstText } : {}),
    ...(lastText !== undefined ? { lastText } : {}),
    ...(typeof declaredTotal === 'number' ? { declaredTotal } : {}),
    ...(typeof year === 'number' ? { year } : {}),
  };
}

/** Returns `text` without white space and with full-width ASCII folded, for comparing starts of items. */
function fold(text: string): string {
  return foldWidth(text).replace(/\s+/g, '');
}

/** Whether a read item's text contains the expected start (its first eight characters, folded). */
function startsAlike(read: string | undefined, expected: string): boolean {
  if (expected === '') return true;
  if (read === undefined) return false;
  return fold(read).includes(fold(expected).slice(0, 8));
}

/**
 * Returns the verdict on one notice: a notice is ok when it is read (not
 * refused, not thrown), not called a report, and to exactly the hand-read
 * count; a report is ok when it is called a report (whether or not it was
 * also read).
 */
export function scoreCase(name: string, facts: HoldoutFacts, outcome: Outcome): CaseScore {
  if (facts.kind === 'report') {
    const ok = outcome.status !== 'crashed' && outcome.kind === 'report';
    return { name, facts, outcome, ok };
  }
  if (outcome.status !== 'read') return { name, facts, outcome, ok: false };
  const ok = outcome.kind !== 'report' && outcome.count === facts.count;
  if (!ok) return { name, facts, outcome, ok };
  const endsMatch = startsAlike(outcome.firstText, facts.first) && startsAlike(outcome.lastText, facts.last);
  return { name, facts, outcome, ok, endsMatch };
}

/** Returns the rates over scored cases. */
export function summarize(scores: readonly CaseScore[]): Summary {
  const notices = scores.filter((s) => s.facts.kind === 'notice');
  const reports = scores.filter((s) => s.facts.kind === 'report');
  return {
    exact: { hits: notices.filter((s) => s.ok).length, total: notices.length },
    reports: { hits: reports.filter((s) => s.ok).length, total: reports.length },
    overall: { hits: scores.filter((s) => s.ok).length, total: scores.length },
    declared: rate(
      notices.filter((s) => s.facts.declaredTotal !== undefined),
      (s, o) => o.declaredTotal === s.facts.declaredTotal,
    ),
    years: rate(
      notices.filter((s) => s.facts.year !== undefined),
      (s, o) => o.year === s.facts.year,
    ),
    crashes: scores.filter((s) => s.outcome.status === 'crashed').map((s) => s.name),
  };
}

/** Returns how many of `scores` were read and pass `test`, of all of them. */
function rate(scores: readonly CaseScore[], test: (s: CaseScore, read: Extract<Outcome, { status: 'read' }>) => boolean): Summary['exact'] {
  return { hits: scores.filter((s) => s.outcome.status === 'read' && test(s, s.outcome)).length, total: scores.length };
}

/** Returns `hits of total (P %)`, the percentage rounded to a whole number (`—` for no cases). */
export function formatRate(rate: { hits: number; total: number }): string {
  const percent = rate.total === 0 ? '—' : String(Math.round((100 * rate.hits) / rate.total));
  return `${rate.hits} of ${rate.total} (${percent} %)`;
}

/** Returns the one-line form of a message (first line, at most 60 characters). */
function short(message: string): string {
  const line = message.split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** Returns the read-count cell of a case: the count, `refused` or `CRASH`. */
function readCell(outcome: Outcome): string {
  if (outcome.status === 'read') return String(outcome.count);
  return outcome.status === 'refused' ? 'refused' : 'CRASH';
}

/** Returns the plain-text table of every case followed by the rates. */
export function formatReport(scores: readonly CaseScore[]): string {
  const rows = scores.map((s) => {
    const kind = s.outcome.status === 'crashed' ? '—' : (s.outcome.kind ?? '—');
    const ends = s.endsMatch === undefined ? '' : s.endsMatch ? 'ends ✓' : 'ends ✗';
    const why = s.outcome.status === 'read' ? ends : short(s.outcome.message);
    return [s.name, `${s.facts.kind === 'report' ? 'report' : String(s.facts.count)}`, readCell(s.outcome), kind, s.ok ? 'ok' : '✗', why];
  });
  const header = ['case', 'expected', 'read', 'kind', '', 'note'];
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c + ' '.repeat((widths[i] ?? 0) - width(c)))
      .join('  ')
      .trimEnd();
  const summary = summarize(scores);
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `exact count: ${formatRate(summary.exact)}`,
    `reports recognized: ${formatRate(summary.reports)}`,
    `overall ok: ${formatRate(summary.overall)}`,
    `declared totals read (informational): ${formatRate(summary.declared)}`,
    `stated years read (informational): ${formatRate(summary.years)}`,
    `crashes: ${summary.crashes.length === 0 ? '0' : `${summary.crashes.length} (${summary.crashes.join(', ')})`}`,
    '',
  ].join('\n');
}

/** Returns the display width of `text`: CJK and full-width characters count two columns. */
function width(text: string): number {
  let w = 0;
  for (const c of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(c) ? 2 : 1;
  return w;
}
