/**
 * What an incremental build (`npm run build -- --incremental`) decides with:
 * a content key per district, so that a district whose key is the one its
 * cached pages were built with is not built again. A district's pages depend
 * on its notice's files, its commitments, the dates git gives them, and what
 * every page shares (the code, the configuration, the latest year the
 * navigation links, reports and corrections): all of it goes into the key.
 * Pure, but for the hash.
 */
import { createHash } from 'node:crypto';
import type { History } from '../../src/lib/site/history.ts';

/** A district of the site: `<year>/<slug>`. */
export type DistrictId = `${number}/${string}`;

/** Returns the district a content path (relative to the content directory) belongs to, or undefined for a shared file. */
export function districtOfPath(path: string): DistrictId | undefined {
  const m = /^(?:notices|commitments)\/(\d{4})\/([^/.]+)(?:[./]|$)/u.exec(path);
  return m ? (`${Number(m[1])}/${m[2] ?? ''}` as DistrictId) : undefined;
}

/**
 * Returns the history entries (`key date`, sorted) of each district: the dates its pages can show.
 * One pass over the history, however many districts.
 */
export function historyByDistrict(history: History): Map<DistrictId, string[]> {
  const byDistrict = new Map<DistrictId, string[]>();
  for (const [key, date] of history) {
    const district = districtOfPath(key);
    if (district === undefined) continue;
    const list = byDistrict.get(district) ?? [];
    list.push(`${key} ${date}`);
    byDistrict.set(district, list);
  }
  for (const list of byDistrict.values()) list.sort();
  return byDistrict;
}

/** Something a key is made of: a name (a path, a setting) and its bytes. */
export interface KeyPart {
  name: string;
  bytes: string | Uint8Array;
}

/** Returns the SHA-256 (hex) of the parts, in the order given, each name and length framed so no two lists collide. */
export function inputKey(parts: Iterable<KeyPart>): string {
  const hash = createHash('sha256');
  for (const { name, bytes } of parts) {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    hash.update(`${Buffer.byteLength(name)}:${name}:${data.byteLength}:`);
    hash.update(data);
  }
  return hash.digest('hex');
}
