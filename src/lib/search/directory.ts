/**
 * The index's directory: which parts of the search index (`parts.ts`) can
 * hold a query, so that a search over everything merges only those. Without
 * it a rare word (a place name that one district's notice holds) is looked
 * for in every part before the screenful is known to be whole: at 3,000
 * notices, 33 parts and 1.16 MB (BENCHMARKS.md).
 *
 * The directory lists every *key* of the index's text — each letter or
 * digit, and each two that stand next to each other in a run of the text —
 * with the parts whose pages hold it. A query's keys are its letters or
 * digits alone when a run of it is one character, else each two next to
 * each other ({@link queryKeys}); a part can hold the query only when it holds
 * every key of it. A part the directory leaves out holds no page that the
 * search page would show (its check, `containsQuery` in `results.ts`, needs
 * each run of the query inside one run of the page's text): what it gives is
 * never fewer parts than hold the query, only fewer than all (tested, with
 * random texts and queries).
 *
 * Keys are read from the text folded one character at a time
 * ({@link foldChar}: lower case, compatibility decomposition, marks and
 * everything but letters and digits left out), the same way in the build and
 * in any visitor's browser (no locale): folding one character at a time keeps
 * a text's substring a substring of the folded text, so the keys of a query
 * found in a text are keys of that text.
 *
 * The directory is written in shards (`directory/<n>.json` beside the parts'
 * manifest), a key in the shard its hash names ({@link shardOf}, `keyFraction`
 * of `parts.ts`), so that a search loads a shard or two of a few kilobytes,
 * never the whole. A shard lists each key's parts by their place in the
 * manifest: under `in` the parts that hold it when they are at most half,
 * else under `out` the parts that do not. A key in neither is in no part.
 *
 * Pure: no I/O.
 */
import { byCodeUnits } from '../order.ts';
import { keyFraction } from './parts.ts';
import type { PartsManifest } from './parts.ts';

/** A shard of the directory: key → the parts (by their place in the manifest) that hold it (`in`) or do not (`out`). */
export interface DirectoryShard {
  in: Record<string, number[]>;
  out: Record<string, number[]>;
}

/** What the parts' manifest says of the directory: how many shards it is written in. */
export interface DirectorySummary {
  shards: number;
}

/** The keys a shard holds at most, on average: a shard of about 10 KB. */
export const keysPerShard = 1024;

const letterOrDigit = /^[\p{L}\p{N}]$/u;
const folded = new Map<number, string>();

/**
 * Returns what a character (a code point) is in keys: lower case (Unicode's, no locale), decomposed
 * for compatibility (ｆ is f, ㎡ is m2), its marks and everything but letters and digits left out;
 * '' for punctuation, symbols and marks. The same in every browser and in the build.
 */
export function foldChar(codePoint: number): string {
  let fold = folded.get(codePoint);
  if (fold === undefined) {
    fold = '';
    for (const c of String.fromCodePoint(codePoint).toLowerCase().normalize('NFKD')) if (letterOrDigit.test(c)) fold += c;
    folded.set(codePoint, fold);
  }
  return fold;
}

/** Returns the text's runs (split at white space) folded ({@link foldChar}), each a list of characters; runs that fold to nothing left out. */
function foldedRuns(text: string): string[][] {
  const runs: string[][] = [];
  for (const chunk of text.split(/\s+/u)) {
    const run: string[] = [];
    for (const c of chunk) {
      const fold = foldChar(c.codePointAt(0) ?? 0);
      if (fold.length === 1) run.push(fold);
      else if (fold !== '') run.push(...fold);
    }
    if (run.length > 0) runs.push(run);
  }
  return runs;
}

/** Adds the text's keys to `keys` (each letter or digit, and each two next to each other in a run) and returns it. */
export function textKeys(text: string, keys: Set<string> = new Set()): Set<string> {
  for (const run of foldedRuns(text)) {
    let before = '';
    for (const c of run) {
      keys.add(c);
      if (before !== '') keys.add(before + c);
      before = c;
    }
  }
  return keys;
}

/**
 * Returns the keys a text must hold to hold the query: for each run of it, its character when it is
 * one, else each two next to each other; sorted, each once. None for a query without letters or digits.
 */
export function queryKeys(query: string): string[] {
  const keys = new Set<string>();
  for (const run of foldedRuns(query)) {
    if (run.length === 1) keys.add(run[0] ?? '');
    for (let i = 1; i < run.length; i++) keys.add(`${run[i - 1] ?? ''}${run[i] ?? ''}`);
  }
  return [...keys].sort(byCodeUnits);
}

/** Returns the shard a key is listed in, of `shards`. */
export function shardOf(key: string, shards: number): number {
  return Math.floor(keyFraction(key) * shards);
}

/** The directory's folder in `pagefind/`. */
export const directoryFolder = 'directory';

/** Returns where the `n`-th shard is, relative to `pagefind/`. */
export function shardPath(n: number): string {
  return `${directoryFolder}/${n}.json`;
}

/** Returns how many shards a directory of `keys` keys is written in: a power of two, about {@link keysPerShard} keys each. */
export function shardCount(keys: number): number {
  let shards = 1;
  while (shards * keysPerShard < keys) shards *= 2;
  return shards;
}

/**
 * Returns the directory of parts whose keys are `partKeys` (in the manifest's order): how many shards,
 * and each shard's file (path relative to `pagefind/` → shard). Keys and part lists sorted: the same
 * keys give the same files.
 */
export function directoryShards(partKeys: readonly Iterable<string>[]): { summary: DirectorySummary; files: Map<string, DirectoryShard> } {
  const holders = new Map<string, number[]>();
  partKeys.forEach((keys, n) => {
    for (const key of keys) {
      const parts = holders.get(key);
      if (parts === undefined) holders.set(key, [n]);
      else if (parts[parts.length - 1] !== n) parts.push(n);
    }
  });
  const shards = shardCount(holders.size);
  const files = new Map<string, DirectoryShard>();
  for (let n = 0; n < shards; n++) files.set(shardPath(n), { in: {}, out: {} });
  const count = partKeys.length;
  for (const key of [...holders.keys()].sort(byCodeUnits)) {
    const parts = holders.get(key) ?? [];
    const shard = files.get(shardPath(shardOf(key, shards))) as DirectoryShard;
    if (parts.length * 2 <= count) shard.in[key] = parts;
    else {
      const held = new Set(parts);
      shard.out[key] = [...Array(count).keys()].filter((n) => !held.has(n));
    }
  }
  return { summary: { shards }, files };
}

/** Returns the shards (their paths) a search for these keys loads. */
export function shardsFor(keys: readonly string[], summary: DirectorySummary): string[] {
  return [...new Set(keys.map((key) => shardPath(shardOf(key, summary.shards))))].sort(byCodeUnits);
}

/** Returns the paths of the manifest's parts that hold every key (`partsHolding`), from the shards loaded (path → shard). */
export function partPathsHolding(keys: readonly string[], manifest: PartsManifest, summary: DirectorySummary, shards: ReadonlyMap<string, DirectoryShard>): Set<string> {
  const held = partsHolding(keys, summary, shards, manifest.parts.length);
  return new Set(manifest.parts.filter((_, n) => held.has(n)).map((p) => p.path));
}

/**
 * Returns the parts (their places in the manifest, of `count`) that hold every key, from the shards
 * loaded (path → shard; `shardsFor`). All of them when there is no key.
 */
export function partsHolding(keys: readonly string[], summary: DirectorySummary, shards: ReadonlyMap<string, DirectoryShard>, count: number): Set<number> {
  let parts = new Set(Array.from({ length: count }, (_, n) => n));
  for (const key of keys) {
    const shard = shards.get(shardPath(shardOf(key, summary.shards)));
    if (shard === undefined) throw new Error(`the directory's shard ${shardPath(shardOf(key, summary.shards))} is not loaded`);
    const held = shard.in[key];
    const lacking = shard.out[key];
    if (held !== undefined) parts = new Set(held.filter((n) => parts.has(n)));
    else if (lacking !== undefined) for (const n of lacking) parts.delete(n);
    else parts = new Set();
  }
  return parts;
}
