/** A notice's original file (as published): the check that it is the file its metadata records. */
import { sha256 } from './ingest.ts';

/** Returns why `bytes` are not the original whose digest is `expected`, or undefined when they are. */
export function checkOriginal(bytes: Uint8Array, expected: string): string | undefined {
  const actual = sha256(bytes);
  return actual === expected ? undefined : `the original file's SHA-256 is ${actual}, but its metadata records ${expected}`;
}
