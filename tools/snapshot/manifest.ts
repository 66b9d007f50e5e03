/**
 * The checksum manifest of a snapshot (`SHA256SUMS`, in the format
 * `sha256sum -c` reads) and its verification. Pure.
 */
import { sha256 } from '../../src/lib/hash.ts';

/** Returns the `SHA256SUMS` text for files (path → bytes), sorted by path. */
export function checksums(files: ReadonlyMap<string, Uint8Array>): string {
  return checksumsOfDigests(new Map([...files].map(([path, bytes]) => [path, sha256(bytes)] as const)));
}

/**
 * Returns the `SHA256SUMS` text for files given by their SHA-256 (path → hex digest), sorted by path:
 * the same text `checksums` gives for their bytes, for files hashed one at a time as they are written
 * (a national year's archive is gigabytes, never held whole).
 */
export function checksumsOfDigests(digests: ReadonlyMap<string, string>): string {
  return [...digests.keys()]
    .sort()
    .map((path) => `${digests.get(path) ?? ''}  ${path}\n`)
    .join('');
}

/** Returns the path → hash pairs of a `SHA256SUMS` text, or the first line that is malformed. */
export function readChecksums(text: string): { ok: true; sums: Map<string, string> } | { ok: false; line: number } {
  const sums = new Map<string, string>();
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line === '' && i === lines.length - 1) continue;
    const m = /^([0-9a-f]{64}) [ *](.+)$/u.exec(line);
    if (!m?.[1] || !m[2]) return { ok: false, line: i + 1 };
    sums.set(m[2], m[1]);
  }
  return { ok: true, sums };
}

/** What verifying a snapshot's files against its manifest found. */
export interface Verification {
  /** Files whose bytes do not match their checksum. */
  changed: string[];
  /** Files the manifest lists that are not there. */
  missing: string[];
  /** Files that are there but the manifest does not list. */
  extra: string[];
}

/** Returns how the files (path → their SHA-256, hex) stand against the checksums (the manifest file itself excluded). */
export function verify(sums: ReadonlyMap<string, string>, hashes: ReadonlyMap<string, string>, manifestName: string): Verification {
  const present = [...hashes.keys()].filter((p) => p !== manifestName);
  return {
    changed: present.filter((p) => sums.has(p) && sums.get(p) !== hashes.get(p)).sort(),
    missing: [...sums.keys()].filter((p) => !hashes.has(p)).sort(),
    extra: present.filter((p) => !sums.has(p)).sort(),
  };
}

/**
 * Returns the published list of snapshot digests (`sha256sum` format, one archive a line, sorted by
 * name) with `name`'s digest set to `digest`: added, or replaced when the archive was made again.
 */
export function recordDigest(list: string, name: string, digest: string): string {
  const read = readChecksums(list);
  const sums = read.ok ? read.sums : new Map<string, string>();
  sums.set(name, digest);
  return [...sums.keys()]
    .sort()
    .map((n) => `${sums.get(n) ?? ''}  ${n}\n`)
    .join('');
}
