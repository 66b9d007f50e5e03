/**
 * Keeping an archive's members from one capture to the next (`tools/snapshot/member-cache.ts`): a piece's
 * key changes with any of its files, and only then; the members of the archive written last are read back
 * from it, byte for byte, while it is the archive they were written with.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fileStamp } from '../src/lib/files.ts';
import { makeMember } from '../tools/snapshot/archive-workers.ts';
import type { ArchiveSource } from '../tools/snapshot/archive-workers.ts';
import { indexMembers, KeptArchive, memberContext, pieceKey, readMemberIndex, writeMemberIndex } from '../tools/snapshot/member-cache.ts';
import { writeMembers } from '../tools/snapshot/tarball.ts';

const options = { prefix: 'minsheng-2023/', level: 6, copy: { site: 'https://minsheng.example.org', year: 2023 } };
const context = memberContext(options);

let dir: string;
let piece: ArchiveSource[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'minsheng-member-cache-'));
  mkdirSync(join(dir, 'site', '2023'), { recursive: true });
  writeFileSync(join(dir, 'site', '2023', 'index.html'), '<html><body><a class="skip" href="#m">跳</a>年度</body></html>');
  writeFileSync(join(dir, 'site', 'a.css'), 'a{}');
  piece = [
    { name: 'site/2023/index.html', from: { file: join(dir, 'site', '2023', 'index.html') }, site: '2023/index.html' },
    { name: 'site/a.css', from: { file: join(dir, 'site', 'a.css') }, site: 'a.css' },
    { name: 'sources/x.txt', from: { bytes: Buffer.from('一、民生实事\n') } },
  ];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pieceKey', () => {
  test('should stay the same while the files do, and change with a file rewritten, a file given, a name or the context', () => {
    const key = pieceKey(context, piece, fileStamp);
    expect(pieceKey(context, piece, fileStamp)).toBe(key);
    // The same text written again is a new stamp (its time set apart: the file system's clock is coarser
    // than the test): the key changes (it never reads the files).
    writeFileSync(join(dir, 'site', 'a.css'), 'a{}');
    utimesSync(join(dir, 'site', 'a.css'), new Date(9000), new Date(9000));
    const rewritten = pieceKey(context, piece, fileStamp);
    expect(rewritten).not.toBe(key);
    const given = [...piece.slice(0, 2), { name: 'sources/x.txt', from: { bytes: Buffer.from('二、民生实事\n') } }];
    expect(pieceKey(context, given, fileStamp)).not.toBe(rewritten);
    const renamed = [{ ...piece[0], name: 'site/2023/other.html' } as ArchiveSource, ...piece.slice(1)];
    expect(pieceKey(context, renamed, fileStamp)).not.toBe(rewritten);
    expect(pieceKey(memberContext({ ...options, level: 9 }), piece, fileStamp)).not.toBe(rewritten);
    expect(pieceKey(memberContext({ ...options, copy: { ...options.copy, year: 2024 } }), piece, fileStamp)).not.toBe(rewritten);
  });
});

describe('KeptArchive', () => {
  test('should give back each member of the archive written, byte for byte, and none once the archive changed', async () => {
    const pieces = [piece.slice(0, 1), piece.slice(1)];
    const members = await Promise.all(pieces.map((p) => makeMember(p, options)));
    const out = join(dir, 'minsheng-2023.tar.gz');
    await writeMembers(
      out,
      (async function* () {
        for (const m of members) yield m.gz;
      })(),
    );
    const keys = pieces.map((p) => pieceKey(context, p, fileStamp));
    const indexFile = join(dir, 'cache', 'archive-members.json');
    writeMemberIndex(
      indexFile,
      indexMembers(
        out,
        fileStamp(out),
        members.map((m, i) => ({ key: keys[i] ?? '', length: m.gz.length, digests: m.digests })),
      ),
    );
    const index = readMemberIndex(indexFile);
    expect(index?.members.map((m) => m.offset)).toEqual([0, members[0]?.gz.length]);

    const kept = new KeptArchive(out, index);
    for (const [i, key] of keys.entries()) {
      expect(kept.has(key)).toBe(true);
      const member = kept.member(key);
      expect(member?.gz.equals(members[i]?.gz ?? Buffer.alloc(0))).toBe(true);
      expect(member?.digests).toEqual(members[i]?.digests);
      expect(gunzipSync(member?.gz ?? Buffer.alloc(0)).length % 512).toBe(0);
    }
    expect(kept.has('0'.repeat(64))).toBe(false);
    kept.close();

    // Another archive's path, or this one touched since: nothing is kept.
    expect(new KeptArchive(join(dir, 'other.tar.gz'), index).has(keys[0] ?? '')).toBe(false);
    utimesSync(out, new Date(1000), new Date(1000));
    expect(new KeptArchive(out, index).has(keys[0] ?? '')).toBe(false);
  });

  test('should read no index that is missing, malformed or of another format', () => {
    expect(readMemberIndex(join(dir, 'none.json'))).toBeUndefined();
    writeFileSync(join(dir, 'bad.json'), '{"format": 1, "archive":');
    expect(readMemberIndex(join(dir, 'bad.json'))).toBeUndefined();
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ format: 0, archive: 'a', stamp: 's', members: [] }));
    expect(readMemberIndex(join(dir, 'old.json'))).toBeUndefined();
    expect(new KeptArchive(join(dir, 'a'), undefined).has('x')).toBe(false);
  });
});
