/**
 * The chooser: every layout reader reads the same lines, and the reading the
 * evidence supports best is kept. Evidence, strongest first: the item count
 * agrees with a total the notice declares (`20件`, `十大`, `22个项目`); each
 * group's declared count agrees; the numbers run unbroken (1, 2, 3… or
 * restarting at 1 in each group); the share of lines the items account for.
 * Ties go to the reader listed first. The evidence is recorded with the
 * choice, so a reviewer can see why.
 */
import type { SourceLine } from './lines.ts';
import { readDeclaredTotals } from './meta.ts';
import type { Reading } from './reading.ts';

/** The chosen reading and the evidence for it. */
export interface Choice {
  reading: Reading;
  evidence: string[];
  /** The totals the lines before the list declare, likeliest first. */
  declared: number[];
}

/** Returns true when the item numbers run 1, 2, 3… (restarting at 1 in each group, even a group of one, is unbroken too). */
export function unbroken(values: readonly number[]): boolean {
  let expected = 1;
  for (const v of values) {
    if (v === expected) expected++;
    else if (v === 1 && expected > 1) expected = 2;
    else return false;
  }
  return values.length > 0;
}

/** Returns the totals the lines before a reading's first item declare. */
function declaredBefore(reading: Reading, lines: readonly SourceLine[]): number[] {
  let first = Number.POSITIVE_INFINITY;
  for (const item of reading.items) for (const no of item.lines) first = Math.min(first, no);
  const inItems = new Set<number>();
  for (const item of reading.items) for (const no of item.lines) inItems.add(no);
  const before = lines.filter((l) => l.no < first && l.read !== '' && !inItems.has(l.no)).map((l) => l.read);
  // A lead-in inside the first item's own line (`今年办好以下8件实事：（1）…`).
  for (const p of reading.inline) if (p.line <= first) before.push(p.text);
  const title = before.find((t) => /民生|实事|惠民|为民|民心/u.test(t) && t.length <= 60) ?? before[0] ?? '';
  return readDeclaredTotals(
    title,
    before.filter((t) => t !== title),
  );
}

/** A reading's score and the evidence behind it. */
interface Scored {
  reading: Reading;
  score: number;
  evidence: string[];
  declared: number[];
}

/** Returns a reading's score against the evidence. */
function score(reading: Reading, lines: readonly SourceLine[], priority: number): Scored {
  const n = reading.items.length;
  const evidence: string[] = [];
  const declared = declaredBefore(reading, lines);
  // Ties go to the finer reading (more items), then to the reader listed first.
  let points = 0.001 * Math.min(n, 1000) - 0.0001 * priority;
  if (declared.includes(n)) {
    points += 1000;
    evidence.push(`读出${n}项，与通知所称的总数一致`);
  }
  const counted = reading.groups.filter((g) => g.declared !== undefined);
  if (counted.length > 0) {
    const agree = counted.filter((g) => g.declared === g.items.length).length;
    points += (300 * agree) / counted.length;
    evidence.push(`${counted.length}个分组中${agree}个的声明项数与其下事项一致`);
  }
  if (!reading.unnumbered && unbroken(reading.items.map((i) => i.value))) {
    points += 100;
    const restarts = reading.items.filter((i) => i.value === 1).length > 1;
    evidence.push(restarts ? `编号连续（各组从1起，共${n}项）` : `编号连续（1至${n}）`);
  }
  const nonBlank = lines.filter((l) => l.text !== '').length;
  const inItems = new Set<number>();
  for (const item of reading.items) for (const no of item.lines) inItems.add(no);
  for (const g of reading.groups) inItems.add(g.line);
  const share = nonBlank === 0 ? 0 : inItems.size / nonBlank;
  points += 50 * share;
  evidence.push(`事项和分组标题占全文非空行的${Math.round(share * 100)}%`);
  for (const note of reading.notes) evidence.push(note);
  return { reading, score: n === 0 ? Number.NEGATIVE_INFINITY : points, evidence, declared };
}

/** Returns the best of `readings` (in the readers' order of preference), or undefined when none has items. */
export function choose(readings: readonly Reading[], lines: readonly SourceLine[]): Choice | undefined {
  const scored = readings.map((r, i) => score(r, lines, i));
  let best: Scored | undefined;
  for (const s of scored) if (s.score > Number.NEGATIVE_INFINITY && (!best || s.score > best.score)) best = s;
  if (!best) return undefined;
  const others = scored.filter((s) => s !== best && s.score > Number.NEGATIVE_INFINITY).map((s) => `${s.reading.reader}读法${s.reading.items.length}项`);
  const evidence = [...best.evidence];
  if (others.length > 0) evidence.push(`优于${others.join('、')}`);
  return { reading: best.reading, evidence, declared: best.declared };
}
