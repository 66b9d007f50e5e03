/**
 * The one SHA-256 of the project: sources' and originals' hashes in the content, snapshot checksums
 * and the published digests of the yearly archives.
 */
import { createHash } from 'node:crypto';

/** Returns the SHA-256 of bytes (or of a string's UTF-8), hex. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
