/**
 * Ties a report's items to the commitments of the notice it reports on: by
 * number when the report follows the notice's numbering, otherwise by a
 * general text similarity (TF-IDF cosine over character bigrams of the Han
 * text, weights learnt from the notice itself — no keyword list per topic);
 * an overall statement applies to the commitments no item names. Ambiguous
 * and unmatched items are kept, with `commitment: null` and a warning; a
 * reviewed override settles them. Pure: no I/O.
 */
import type { Commitment, Notice, Report, ReportItem, ReportMatch, ReportedStatus, Warning } from '../schema.ts';
import { fold } from '../parse/text.ts';

/** Reviewed matches: `"<line>"` (every item starting on that line) or `"<line>.<k>"` (its k-th) → commitment numbers. */
export type Overrides = Readonly<Record<string, readonly number[]>>;

/** A report item tied (or not) to one commitment. */
export type MatchedItem = ReportItem & { commitment: number | null };

/** What `matchReport` returns. */
export interface MatchResult {
  /** The report's items, each tied to one commitment (an item naming two appears twice), then the items statements cover. */
  items: MatchedItem[];
  /** Warnings about matching: unmatched, ambiguous, numbering that disagrees, statements that do not reconcile. */
  warnings: Warning[];
}

/** Below this similarity an item names no commitment. */
export const minScore = 0.25;
/** A runner-up this close to the best (as a share of it) makes a text match ambiguous. */
const ambiguousShare = 0.85;
/** A second commitment named in the same clause must reach this on the words the first leaves. */
const secondScore = 0.35;

/** Returns the bigrams of the Han (and Latin) runs of a text, with counts; digits and punctuation split runs. */
function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const run of fold(text).match(/[\p{Script=Han}A-Za-z]+/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const b = `${chars[i]}${chars[i + 1]}`;
      out.set(b, (out.get(b) ?? 0) + 1);
    }
  }
  return out;
}

/** A weighted bigram vector and its norm. */
interface Vector {
  weights: Map<string, number>;
  norm: number;
}

/** The similarity model of one notice: inverse document frequencies and each commitment's vector. */
export interface Model {
  idf: Map<string, number>;
  commitments: Array<{ number: number; vector: Vector }>;
}

/** Returns the wording a commitment is recognised by: its title and text. */
const wordingOf = (c: Commitment): string => (c.title === c.text ? c.text : `${c.title} ${c.text}`);

/** Returns the TF-IDF vector of a text over the notice's vocabulary (bigrams no commitment uses are ignored). */
function vectorOf(text: string, idf: ReadonlyMap<string, number>): Vector {
  const weights = new Map<string, number>();
  let sum = 0;
  for (const [b, n] of bigrams(text)) {
    const w = idf.get(b);
    if (w === undefined) continue;
    const x = (1 + Math.log(n)) * w;
    weights.set(b, x);
    sum += x * x;
  }
  return { weights, norm: Math.sqrt(sum) };
}

/** Returns the cosine of two vectors (0 when either is empty). */
function cosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, w] of small.weights) dot += w * (large.weights.get(k) ?? 0);
  return dot / (a.norm * b.norm);
}

/** Returns the similarity model of a notice's commitments. */
function buildModel(notice: Notice): Model {
  const df = new Map<string, number>();
  const docs = notice.commitments.map((c) => bigrams(wordingOf(c)));
  for (const doc of docs) for (const b of doc.keys()) df.set(b, (df.get(b) ?? 0) + 1);
  const n = notice.commitments.length;
  const idf = new Map<string, number>();
  for (const [b, d] of df) idf.set(b, Math.log(1 + n / d));
  return { idf, commitments: notice.commitments.map((c) => ({ number: c.number, vector: vectorOf(wordingOf(c), idf) })) };
}

/** A commitment and how similar a text is to it. */
export interface Candidate {
  number: number;
  score: number;
}

/** Returns every commitment's similarity to a text, best first (ties by number). */
function rank(model: Model, text: string): Candidate[] {
  const v = vectorOf(text, model.idf);
  return model.commitments.map((c) => ({ number: c.number, score: cosine(v, c.vector) })).sort((a, b) => b.score - a.score || a.number - b.number);
}

/** Rounds a score to 3 decimals, within 0–1. */
const round3 = (x: number): number => Math.min(1, Math.max(0, Math.round(x * 1000) / 1000));

/** The commitment numbers a clause names beyond the best: those that match the words the best one leaves. */
function alsoNamed(model: Model, text: string, best: number): Candidate[] {
  const bestVector = model.commitments.find((c) => c.number === best)?.vector;
  if (!bestVector) return [];
  const rest = new Map(vectorOf(text, model.idf).weights);
  for (const b of bestVector.weights.keys()) rest.delete(b);
  let sum = 0;
  for (const w of rest.values()) sum += w * w;
  const residual: Vector = { weights: rest, norm: Math.sqrt(sum) };
  const found: Candidate[] = [];
  const taken = new Set([best]);
  // Take further commitments while they explain what is left of the clause.
  for (;;) {
    const next = model.commitments
      .filter((c) => !taken.has(c.number))
      .map((c) => ({ number: c.number, score: cosine(residual, c.vector) }))
      .sort((a, b) => b.score - a.score || a.number - b.number)[0];
    if (!next || next.score < secondScore) break;
    found.push(next);
    taken.add(next.number);
    const v = model.commitments.find((c) => c.number === next.number)?.vector;
    for (const b of v?.weights.keys() ?? []) residual.weights.delete(b);
    let s = 0;
    for (const w of residual.weights.values()) s += w * w;
    residual.norm = Math.sqrt(s);
  }
  return found;
}

/** Whether the report's numbered items follow the notice's numbering: most are most like the same-numbered commitment. */
function followsNumbering(model: Model, items: readonly ReportItem[]): boolean {
  const numbered = items.filter((i) => i.number !== undefined);
  if (numbered.length === 0) return false;
  const agree = numbered.filter((i) => {
    const ranked = rank(model, i.text);
    const same = ranked.find((c) => c.number === i.number);
    return same !== undefined && same.score >= minScore && same.score >= (ranked[0]?.score ?? 0) * ambiguousShare;
  });
  return agree.length * 2 > numbered.length;
}

/** Returns the override that applies to the `k`-th item (1-based) starting on `line`, if any. */
function overrideFor(overrides: Overrides, line: number, k: number): readonly number[] | undefined {
  return overrides[`${line}.${k}`] ?? overrides[String(line)];
}

/** Formats commitment numbers for a warning: `第3、5项`. */
const named = (ns: readonly number[]): string => `第${ns.join('、')}项`;

/**
 * Returns the report's items tied to the notice's commitments, with the
 * commitments that overall statements cover added as items of their own
 * (`match.by: 'statement'`), and warnings for what could not be settled.
 */
export function matchReport(report: Report, notice: Notice, overrides: Overrides = {}): MatchResult {
  const model = buildModel(notice);
  const numbers = new Set(notice.commitments.map((c) => c.number));
  const byNumber = followsNumbering(model, report.items);
  const items: MatchedItem[] = [];
  const warnings: Warning[] = [];
  const seenOnLine = new Map<number, number>();
  const used = new Set<string>();

  for (const item of report.items) {
    const line = item.source.startLine;
    const k = (seenOnLine.get(line) ?? 0) + 1;
    seenOnLine.set(line, k);
    const tie = (commitment: number | null, match?: ReportMatch): void => {
      const out: MatchedItem = { ...item, commitment };
      if (match) out.match = match;
      items.push(out);
    };
    const override = overrideFor(overrides, line, k);
    if (override !== undefined) {
      used.add(overrides[`${line}.${k}`] === undefined ? String(line) : `${line}.${k}`);
      const unknown = override.filter((n) => !numbers.has(n));
      if (unknown.length > 0) warnings.push({ line, message: `人工指定的${named(unknown)}在通知中不存在` });
      const known = override.filter((n) => numbers.has(n));
      if (known.length === 0) tie(null);
      for (const n of known) tie(n, { by: 'override', score: 1 });
      continue;
    }
    const ranked = rank(model, item.text);
    const best = ranked[0];
    if (byNumber && item.number !== undefined && numbers.has(item.number)) {
      const same = ranked.find((c) => c.number === item.number)?.score ?? 0;
      const score = best && best.score > 0 ? same / best.score : 0;
      if (score < ambiguousShare && best) {
        warnings.push({ line, message: `按编号对应第${item.number}项，但文字更像第${best.number}项，请核对` });
      }
      tie(item.number, { by: 'number', score: round3(score) });
      continue;
    }
    if (!best || best.score < minScore) {
      warnings.push({ line, message: '未能对应到通知中的任何一项' });
      tie(null);
      continue;
    }
    const second = ranked[1];
    if (second && second.score >= best.score * ambiguousShare) {
      // Two close candidates: either the clause names both, or it is ambiguous.
      const also = alsoNamed(model, item.text, best.number);
      if (also.some((c) => c.number === second.number)) {
        tie(best.number, { by: 'text', score: round3(best.score) });
        for (const c of also) tie(c.number, { by: 'text', score: round3(c.score) });
        continue;
      }
      warnings.push({ line, message: `无法确定对应哪一项：可能是${named([best.number, second.number])}，请在报告元数据中指定` });
      tie(null);
      continue;
    }
    tie(best.number, { by: 'text', score: round3(best.score) });
    for (const c of alsoNamed(model, item.text, best.number)) tie(c.number, { by: 'text', score: round3(c.score) });
  }
  for (const key of Object.keys(overrides)) {
    if (!used.has(key)) warnings.push({ line: Number(key.split('.')[0]), message: `人工指定的对应关系（${key}）找不到这一行的项目` });
  }

  applyStatements(report, notice, items, warnings);
  return { items, warnings: warnings.sort((a, b) => a.line - b.line) };
}

/**
 * The family a status counts in when a statement's counts are reconciled with
 * the items named: `7项基本完成` counts the items named 已完成 or 超额完成 too.
 */
function familyOf(status: ReportedStatus): string {
  return status === '已完成' || status === '超额完成' || status === '基本完成' ? 'done' : status;
}

/**
 * Applies overall statements to the commitments no item names: `全部…兑现`
 * covers them all; a breakdown (`8项中7项基本完成，1项正在推进`) settles
 * them when the named items leave exactly one bucket to fill. Anything else
 * is warned, and those commitments stay without a status from the statement.
 */
function applyStatements(report: Report, notice: Notice, items: MatchedItem[], warnings: Warning[]): void {
  const total = notice.commitments.length;
  for (const statement of report.statements) {
    const line = statement.source.startLine;
    if (statement.total !== undefined && statement.total !== total) {
      warnings.push({ line, message: `总体表述说共${statement.total}项，通知有${total}项：不用于单项状态` });
      continue;
    }
    if (statement.total === undefined) {
      warnings.push({ line, message: '汇总数字没有说明总数，不用于单项状态' });
      continue;
    }
    const namedStatus = new Map<number, ReportedStatus | null>();
    for (const item of items) if (item.commitment !== null && !namedStatus.has(item.commitment)) namedStatus.set(item.commitment, item.status);
    const unnamed = notice.commitments.map((c) => c.number).filter((n) => !namedStatus.has(n));
    if (unnamed.length === 0) continue;
    const left = statement.counts.map((c) => ({
      ...c,
      left: c.count - [...namedStatus.values()].filter((s) => s !== null && familyOf(s) === familyOf(c.status)).length,
    }));
    const open = left.filter((c) => c.left > 0);
    const bucket = open[0];
    if (open.length === 1 && bucket && bucket.left === unnamed.length) {
      for (const n of unnamed) {
        items.push({
          text: statement.text,
          status: bucket.status,
          statusWords: bucket.words,
          actuals: [],
          source: statement.source,
          commitment: n,
          match: { by: 'statement', score: 1 },
        });
      }
    } else {
      warnings.push({ line, message: `总体表述无法确定未点名的${named(unnamed)}各是什么状态` });
    }
  }
}
