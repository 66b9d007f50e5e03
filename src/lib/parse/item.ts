/**
 * From a numbered line (or a table row) to a commitment: title, text, units,
 * level, sub-items and targets.
 */
import type { Commitment, Level } from '../schema.ts';
import { circledDigits } from './markers.ts';
import { extractItemTargets } from './targets.ts';
import { compact, squash } from './text.ts';
import { findUnitNotes, readLabelledLine } from './units.ts';

/** What the parser knows of an item before it becomes a commitment. */
export interface ItemDraft {
  /** The number as written in the source. */
  value: number;
  /** The title when the source gives one apart (a table's name column). */
  title?: string;
  /** The text of the numbered line after its marker (or the content cell). */
  head: string;
  /** Further text of the item, in order: body lines, nested parts with their markers. */
  rest: string[];
  /** Nested parts (without their markers). */
  parts: string[];
  /** Implementation measures. */
  measures: string[];
  /** Units given by table columns. */
  lead: string[];
  co: string[];
  /** Each part's own units, in the order of `parts`, when table sub-rows give them. */
  partUnits?: Array<{ lead: string[]; co: string[] }>;
  /** The group heading it stands under. */
  category?: string;
  /** Every line the item covers in the source. */
  lines: number[];
}

/** Returns `text` without its responsibility notes `（牵头单位：…）`, `（属市级任务）`. */
export function withoutNotes(text: string): string {
  const notes = findUnitNotes(text);
  let out = '';
  let at = 0;
  for (const n of notes) {
    out += text.slice(at, n.start);
    at = n.end;
  }
  return squash(out + text.slice(at));
}

/** Returns `text` without an execution note such as `（全市参照执行）` at its end. */
function withoutTrailingNote(text: string): string {
  return text.replace(/[（(][^（）()]{1,20}执行[)）]\s*$/u, '');
}

/** Returns the parts an item numbers inline with circled digits (`①…②…`), or [] when it does not. */
function inlineParts(text: string): string[] {
  const re = new RegExp(`[${circledDigits}]`, 'gu');
  const starts = [...text.matchAll(re)].map((m) => m.index);
  if (starts.length < 2) return [];
  return starts.map((start, i) => squash(text.slice(start + 1, starts[i + 1] ?? text.length))).filter((p) => p.length > 0);
}

const sentenceEnd = /[。；;！!？?]/u;
const clauseEnd = /[，,。；;：:！!？?]/u;
const longest = 60;

/**
 * Returns an item's title (after a short field label such as `教育：`, which
 * names the field, not the action): a heading line of its own (short, no full stop),
 * else its first sentence when that is one short clause, else its first clause.
 */
function titleOf(head: string, hasBody: boolean): string {
  // A short field label before a colon (`教育：新建小学1所…`) names the field, not the action: the title is what follows.
  const label = fieldLabel.exec(head);
  if (label && label[0].length < head.length) return titleOf(head.slice(label[0].length), hasBody);
  const plain = withoutTrailingNote(withoutNotes(head).replace(/[。；;]+$|(?<=\p{Script=Han})\.$/u, ''));
  if (hasBody && !sentenceEnd.test(plain) && plain.length <= 40 && plain.length > 0) return plain;
  const sentence = withoutTrailingNote(withoutNotes(head).split(sentenceEnd)[0]?.trim() ?? '').replace(/(?<=\p{Script=Han})\.$/u, '');
  if (sentence && !/[，,]/u.test(sentence) && sentence.length <= 40) return sentence;
  const clauses = withoutNotes(head)
    .split(clauseEnd)
    .map((c) => c.trim());
  // A lead-in (`按照…要求`, `围绕重点民生食品`) says why or where, not what: the title is the clause after it.
  const lead = clauses.length > 1 && leadIn.test(clauses[0] ?? '') && (clauses[1] ?? '').length > 0 ? 1 : 0;
  const clause = (clauses[lead] ?? '') || plain || squash(head);
  return clause.length > longest ? `${clause.slice(0, longest)}…` : clause;
}

/** A field label opening an item: two to six Han characters and a colon (`教育：`, `养老:`). */
const fieldLabel = /^\p{Script=Han}{2,6}\s*[：:]\s*(?=\S)/u;

/** A clause that leads in to the action: by what rule, around what, on what basis. */
const leadIn = /^(按照|根据|依据|遵照|对照|围绕|聚焦|结合|依托|立足|针对|为了|本着)/u;

const unique = (names: readonly string[]): string[] => [...new Set(names)];

/** Returns the commitment a draft becomes, numbered `number`. */
export function toCommitment(draft: ItemDraft, number: number): Commitment {
  const text = squash([draft.head, ...draft.rest].join(' '));
  const lead = [...draft.lead];
  const co = [...draft.co];
  let level: Level | undefined;
  for (const note of findUnitNotes(text)) {
    lead.push(...note.lead);
    co.push(...note.co);
    level ??= note.level;
  }
  for (const piece of draft.rest) {
    const field = readLabelledLine(piece);
    if (field) {
      lead.push(...field.lead);
      co.push(...field.co);
    }
  }
  const subItems = draft.parts.length > 0 ? draft.parts : inlineParts(text);
  const lines = [...draft.lines].sort((a, b) => a - b);
  const commitment: Commitment = {
    number,
    title: draft.title ?? titleOf(draft.head, draft.rest.length > 0),
    text: text || (draft.title ?? ''),
    leadUnits: unique(lead),
    coUnits: unique(co),
    subItems,
    measures: draft.measures,
    targets: extractItemTargets([draft.head, ...draft.rest].map(withoutNotes), level ? { level } : {}),
    source: { startLine: lines[0] ?? 1, endLine: lines.at(-1) ?? 1 },
  };
  if (draft.partUnits && draft.partUnits.length === subItems.length && draft.partUnits.some((u) => u.lead.length + u.co.length > 0)) {
    commitment.subItemUnits = draft.partUnits.map((u) => ({ leadUnits: unique(u.lead), coUnits: unique(u.co) }));
  }
  if (draft.category) commitment.category = draft.category;
  if (level) commitment.level = level;
  return commitment;
}

/** Returns a short account of where two wordings differ, or undefined when they agree (white space aside). */
export function wordingDifference(a: string, b: string): string | undefined {
  const x = compact(a);
  const y = compact(b);
  if (x === y) return undefined;
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
  const cut = (s: string): string => {
    const mid = s.slice(start, s.length - end);
    const shown = mid.length > 40 ? `${mid.slice(0, 40)}…` : mid;
    return shown === '' ? '（无）' : `“${shown}”`;
  };
  return `${cut(x)} ↔ ${cut(y)}`;
}
