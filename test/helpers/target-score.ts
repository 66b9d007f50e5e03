/**
 * Precision and recall of the parser's quantitative targets against the
 * hand-read targets of the built-in notices (`test/fixtures/targets-seeds.json`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotice } from '../../src/lib/parse/notice.ts';
import type { Target } from '../../src/lib/schema.ts';

/** One hand-read target: value, unit and space-separated qualifiers (`>= city standard`). */
type SeedTarget = [value: number, unit: string, qualifiers?: string];

interface Seeds {
  notices: Record<string, Record<string, SeedTarget[]>>;
}

/** A target reduced to what is compared, in both the strict and the loose sense. */
export interface Scored {
  /** value, unit, comparator, scope and kind. */
  strict: string;
  /** value, unit and comparator only (what the first count of the issue compared). */
  loose: string;
}

/** Precision and recall over every commitment of the seeds, with the differences. */
export interface Score {
  expected: number;
  found: number;
  strictMatched: number;
  looseMatched: number;
  /** `slug#number: key` for each target missed (recall) or wrongly found (precision), strict sense. */
  missed: string[];
  extra: string[];
}

const root = join(import.meta.dirname, '..', '..');

function keysOfSeed([value, unit, qualifiers = '']: SeedTarget): Scored {
  const words = qualifiers.split(' ').filter((w) => w !== '');
  const comparator = words.find((w) => w === '>=' || w === '<=' || w === '~') ?? '';
  const scope = words.find((w) => w === 'city' || w === 'province') ?? 'district';
  const kind = words.includes('standard') ? 'standard' : 'target';
  return { strict: `${value} ${unit} ${comparator} ${scope} ${kind}`, loose: `${value} ${unit} ${comparator}` };
}

function keysOfTarget(t: Target): Scored {
  const record = t as Target & { scope?: string; kind?: string };
  const comparator = t.comparator ?? '';
  return {
    strict: `${t.value} ${t.unit} ${comparator} ${record.scope ?? 'district'} ${record.kind ?? 'target'}`,
    loose: `${t.value} ${t.unit} ${comparator}`,
  };
}

/** Returns how many of `found` match `expected`, as multisets. */
function matches(expected: readonly string[], found: readonly string[]): { matched: number; missed: string[]; extra: string[] } {
  const left = [...found];
  const missed: string[] = [];
  for (const e of expected) {
    const i = left.indexOf(e);
    if (i >= 0) left.splice(i, 1);
    else missed.push(e);
  }
  return { matched: expected.length - missed.length, missed, extra: left };
}

/** Parses each built-in notice named in the seeds and scores its targets against them. */
export function scoreBuiltInTargets(): Score {
  const seeds = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'targets-seeds.json'), 'utf8')) as Seeds;
  const score: Score = { expected: 0, found: 0, strictMatched: 0, looseMatched: 0, missed: [], extra: [] };
  for (const [slug, items] of Object.entries(seeds.notices)) {
    const input = readFileSync(join(root, 'content', 'notices', '2023', `${slug}.txt`), 'utf8');
    const result = parseNotice(input);
    if (!result.ok) throw new Error(`${slug}: ${result.error.message}`);
    const numbers = new Set([...Object.keys(items).map(Number), ...result.notice.commitments.map((c) => c.number)]);
    for (const number of [...numbers].sort((a, b) => a - b)) {
      const expected = (items[String(number)] ?? []).map(keysOfSeed);
      const found = (result.notice.commitments.find((c) => c.number === number)?.targets ?? []).map(keysOfTarget);
      const strict = matches(
        expected.map((k) => k.strict),
        found.map((k) => k.strict),
      );
      const loose = matches(
        expected.map((k) => k.loose),
        found.map((k) => k.loose),
      );
      score.expected += expected.length;
      score.found += found.length;
      score.strictMatched += strict.matched;
      score.looseMatched += loose.matched;
      score.missed.push(...strict.missed.map((k) => `${slug}#${number}: ${k}`));
      score.extra.push(...strict.extra.map((k) => `${slug}#${number}: ${k}`));
    }
  }
  return score;
}

/** Returns `part / whole` as a percentage with one decimal (100 when `whole` is 0). */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((part / whole) * 1000) / 10;
}
