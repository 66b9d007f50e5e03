/**
 * Responsible units: reading them from parenthesised notes and labelled
 * fields, splitting lists of names, joining names a table wrapped over lines.
 */
import type { Level } from '../schema.ts';
import { fold, squash } from './text.ts';

/** Endings of a whole unit name (区教育局, 区残联, 发展中心, 城投集团, 龙桥街道, 各镇街 …). */
const unitEnding = /(局|委|办|院|会|联|部|处|所|站|队|中心|公司|集团|街道|街|镇|乡|村|政府|管委会|办公室|社|厅|署|馆|台|室|团|组|分局|支队|大队|医院|学校)$/u;

/** Returns true when `name` ends like a whole unit name. */
export function isWholeUnitName(name: string): boolean {
  // Only the tail decides: testing a long name whole would make wrapped cells quadratic.
  return unitEnding.test(name.slice(-4));
}

/** Returns the names in a list written `甲、乙，丙；丁` (or with spaces), trimmed. */
export function splitUnitNames(list: string): string[] {
  return list
    .split(/[、，,；;/\s]+/u)
    .map((n) => n.replace(/(等|负责|牵头)$/u, '').trim())
    .filter((n) => n.length > 0);
}

/**
 * Returns the unit names in the fragments of a table cell whose text was
 * wrapped over lines: a fragment that does not end like a whole name is
 * joined to the next (`区综合行` + `政执法局`), while whole names stay apart
 * (`区财政局`, `龙桥街道`).
 */
export function joinWrappedNames(fragments: readonly string[]): string[] {
  const names: string[] = [];
  // The pieces of the name being joined, and its last few characters (which alone decide).
  let pending: string[] = [];
  let tail = '';
  for (const fragment of fragments) {
    for (const part of splitUnitNames(fragment)) {
      pending.push(part);
      tail = (tail + part).slice(-4);
      if (isWholeUnitName(tail)) {
        names.push(pending.join(''));
        pending = [];
        tail = '';
      }
    }
  }
  if (pending.length > 0) names.push(pending.join(''));
  return names;
}

/** What a note about responsibility says. */
export interface UnitNote {
  /** Lead units named. */
  lead: string[];
  /** Co-operating units named. */
  co: string[];
  /** A city/province task note. */
  level?: Level;
}

const leadLabel = '(?:牵头|主办|责任|负责|主责)(?:单位|部门|科室)?';
const coLabel = '(?:协办|配合|参与|协同|协助)(?:单位|部门|科室)?';
const labelled = new RegExp(`^(${leadLabel}|${coLabel})\\s*[:：]\\s*(.+)$`, 'u');
const isLead = new RegExp(`^${leadLabel}$`, 'u');

/**
 * Reads one note such as `牵头单位：区人社局`, `区教育体育局、区司法局负责`,
 * `主办单位：甲；协办单位：乙` or `属市级任务`. Returns undefined when the
 * note says nothing about responsibility.
 */
export function readUnitNote(note: string): UnitNote | undefined {
  const text = squash(fold(note));
  const level = /^属?(市|省)级任务$/u.exec(text);
  if (level) return { lead: [], co: [], level: level[1] === '市' ? 'city' : 'province' };
  const result: UnitNote = { lead: [], co: [] };
  let found = false;
  for (const part of text.split(/[;；]/u)) {
    const p = part.trim();
    const m = labelled.exec(p);
    if (m?.[1] && m[2]) {
      (isLead.test(m[1]) ? result.lead : result.co).push(...splitUnitNames(m[2]));
      found = true;
      continue;
    }
    const suffixed = /^(.+?)(负责|牵头)$/u.exec(p);
    if (suffixed?.[1] && splitUnitNames(suffixed[1]).every(isWholeUnitName)) {
      result.lead.push(...splitUnitNames(suffixed[1]));
      found = true;
      continue;
    }
    const coSuffixed = /^(.+?)(配合|协办)$/u.exec(p);
    if (coSuffixed?.[1] && splitUnitNames(coSuffixed[1]).every(isWholeUnitName)) {
      result.co.push(...splitUnitNames(coSuffixed[1]));
      found = true;
    }
  }
  return found ? result : undefined;
}

/** A parenthesised note found in a text, with its place. */
export interface FoundNote extends UnitNote {
  /** Index of the opening bracket in the text. */
  start: number;
  /** Index just past the closing bracket. */
  end: number;
}

/** Returns the responsibility notes written in brackets in `text`, in order. */
export function findUnitNotes(text: string): FoundNote[] {
  const found: FoundNote[] = [];
  const f = fold(text);
  for (const m of f.matchAll(/\(([^()]{1,200})\)/gu)) {
    const inner = m[1];
    if (inner === undefined) continue;
    const note = readUnitNote(inner);
    if (note) found.push({ ...note, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/**
 * Returns `text` with each responsibility note of `findUnitNotes` replaced by a
 * space, e.g. `新增托位（牵头单位：区教育局）` → `新增托位 `: the departments named
 * there say who does an item, not what it is about.
 */
export function withoutUnitNotes(text: string): string {
  let out = '';
  let from = 0;
  for (const note of findUnitNotes(text)) {
    out += `${text.slice(from, note.start)} `;
    from = note.end;
  }
  return out + text.slice(from);
}

/** Returns the labelled field a whole line is, such as `牵头单位：区人社局`, if it is one. */
export function readLabelledLine(line: string): UnitNote | undefined {
  const text = squash(fold(line));
  if (!labelled.test(text.split(/[;；]/u)[0] ?? '')) return undefined;
  return readUnitNote(text);
}
