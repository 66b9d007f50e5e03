/**
 * The loose-numbers reader: items numbered in ways `readMarker` does not
 * accept on their own, trusted only where the sequence 1, 2, 3… says so
 * (restarting at 1 in each group):
 * - a number alone on its line (`01`, `1`, `一`), the item on the next line
 *   (WeChat articles);
 * - a number followed by a space or directly by the text (`1 实施…`, `1开展…`);
 * - a number against a quantity (`2.50个小区…` is item 2, `50个小区…`).
 * The lines are given proper markers and read by the outline reader.
 */
import type { SourceLine } from '../lines.ts';
import { readMarker } from '../markers.ts';
import type { Reading } from '../reading.ts';
import { chineseNumeral } from '../text.ts';
import { readOutlineZone } from './outline.ts';

/** A line that may carry an item number. */
interface Candidate {
  index: number;
  value: number;
  /** How the number is written. */
  form: 'standard' | 'alone' | 'loose';
  /** For a loose number: characters of `read` it takes (separator included). */
  cut: number;
  /** True for Chinese numerals. */
  cn: boolean;
}

const alone = /^(\d{1,4}|[一二三四五六七八九十]{1,3})\s*[.、．]?$/u;
/** A number then a space, a Han character or an opening quote; or a number, a dot and a quantity. */
const loose = /^(\d{1,4})(?:\s+|(?=[\p{Script=Han}“"《「])|[.．](?=\d))/u;

/** Returns the item number a line may carry. */
function candidate(line: SourceLine, index: number): Candidate | undefined {
  if (line.tab || line.read === '') return undefined;
  const a = alone.exec(line.read);
  if (a?.[1]) {
    const cn = !/^\d/u.test(a[1]);
    const value = cn ? chineseNumeral(a[1]) : Number(a[1]);
    return value ? { index, value, form: 'alone', cut: 0, cn } : undefined;
  }
  const marker = readMarker(line.read);
  if (marker?.style === 'arabic') return { index, value: marker.value, form: 'standard', cut: 0, cn: false };
  if (marker) return undefined;
  const l = loose.exec(line.read);
  if (l?.[1] && !/^\d+\s*[年月日%]/u.test(line.read)) return { index, value: Number(l[1]), form: 'loose', cut: l[0].length, cn: false };
  return undefined;
}

/** Returns the candidates that make the longest run 1, 2, 3… (restarting at 1 in groups). */
function chain(cands: readonly Candidate[]): Candidate[] {
  // The last line where each value stands with a proper marker: a loose number never takes its place.
  const lastStandard = new Map<number, number>();
  for (const c of cands) if (c.form === 'standard') lastStandard.set(c.value, c.index);
  let best: Candidate[] = [];
  let run: Candidate[] = [];
  let expected = 1;
  for (const c of cands) {
    const laterProper = c.form !== 'standard' && (lastStandard.get(c.value) ?? -1) > c.index;
    const cn = run[0]?.cn ?? c.cn;
    if (c.cn !== cn && run.length > 0) continue;
    if (c.value === expected && !laterProper) {
      run.push(c);
      expected++;
    } else if (c.value === 1 && !laterProper && expected > 2) {
      run.push(c);
      expected = 2;
    } else if (c.value === 1 && !laterProper) {
      if (run.length > best.length) best = run;
      run = [c];
      expected = 2;
    }
  }
  return run.length > best.length ? run : best;
}

/** Reads a zone whose items are numbered loosely; undefined when no such run of numbers is there. */
export function readLooseNumbers(lines: readonly SourceLine[], appendix: boolean): Reading | undefined {
  const cands = lines.flatMap((l, i) => candidate(l, i) ?? []);
  const run = chain(cands);
  if (run.length < 3 || run.every((c) => c.form === 'standard')) return undefined;
  const rewritten = [...lines];
  /** Number line → the line its item's text stands on. */
  const merged = new Map<number, number>();
  const numbered = new Set(run.map((r) => r.index));
  let aloneCount = 0;
  let looseCount = 0;
  for (const c of run) {
    const line = lines[c.index];
    if (!line || c.form === 'standard') continue;
    const mark = c.cn ? `${line.read.replace(/[\s.、．]/gu, '')}、` : `${c.value}、`;
    if (c.form === 'alone') {
      // The item's text is the next non-blank line.
      let j = c.index + 1;
      while (j < lines.length && lines[j]?.read === '') j++;
      const next = lines[j];
      if (!next || next.tab || numbered.has(j)) continue;
      rewritten[c.index] = { ...line, text: next.text, read: mark + next.read, cut: 0 };
      rewritten[j] = { ...next, text: '', read: '', raw: '' };
      merged.set(line.no, next.no);
      aloneCount++;
    } else {
      const ownCut = loose.exec(line.text)?.[0].length ?? c.cut;
      rewritten[c.index] = { ...line, read: mark + line.read.slice(c.cut), cut: ownCut };
      looseCount++;
    }
  }
  const reading = readOutlineZone(rewritten, appendix);
  for (const item of reading.items) {
    for (const no of [...item.lines]) {
      const extra = merged.get(no);
      if (extra !== undefined) item.lines.push(extra);
    }
  }
  reading.reader = 'numbers';
  if (aloneCount > 0) reading.notes.push(`${aloneCount}个编号单独成行，事项在下一行`);
  if (looseCount > 0) reading.notes.push(`${looseCount}个编号后没有标点，按1、2、3…的顺序认定`);
  return reading;
}
