/**
 * A small seeded pseudo-random number generator, written here so that the
 * benchmark corpus depends on no library's algorithm: the same seed gives the
 * same numbers on every machine and every Node version. Pure.
 */

/** Returns a 32-bit hash of a string (FNV-1a over its UTF-16 code units), used to turn a seed into a state. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A source of uniform numbers in [0, 1) with the helpers the generator needs. */
export interface Random {
  /** A number in [0, 1). */
  next: () => number;
  /** An integer in [min, max], both included. */
  int: (min: number, max: number) => number;
  /** True with probability `p`. */
  chance: (p: number) => boolean;
  /** One element of a non-empty array. */
  pick: <T>(items: readonly T[]) => T;
  /** The array in a random order (a new array; Fisher–Yates). */
  shuffle: <T>(items: readonly T[]) => T[];
}

/**
 * Returns mulberry32 (Tommy Ettinger's 32-bit generator, public domain) seeded
 * with the hash of `seed`: fast, a period of 2^32, and good enough to sample
 * text; not for cryptography.
 */
export function mulberry32(seed: string): Random {
  let state = hashString(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty array');
    return items[int(0, items.length - 1)] as T;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      const a = out[i] as T;
      out[i] = out[j] as T;
      out[j] = a;
    }
    return out;
  };
  return { next, int, chance: (p) => next() < p, pick, shuffle };
}
