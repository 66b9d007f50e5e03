/**
 * A snapshot's gzip members made on worker threads (`tools/snapshot/archive-workers.ts`): the archive
 * they make is the tar of the archived files, whatever the number of workers; a file that cannot be
 * read fails in one line naming it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sha256 } from '../src/lib/hash.ts';
import { archivedFile } from '../tools/snapshot/banner.ts';
import { makeMember, membersInWorkers, pieces, startsPiece } from '../tools/snapshot/archive-workers.ts';
import type { ArchiveMember, ArchiveSource, MemberOptions } from '../tools/snapshot/archive-workers.ts';
import { tarBytes } from '../tools/snapshot/tarball.ts';

const copy = { site: 'https://minsheng.example.org', year: 2023 };
const options = { prefix: 'minsheng-2023/', level: 6, copy };

let dir: string;
/** A small built site: pages at three depths, a stylesheet, a JSON file; and a given file. */
let sources: ArchiveSource[];
const pages = ['index.html', '2023/index.html', '2023/x/1/index.html', '404.html'];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'minsheng-archive-workers-'));
  const site = join(dir, 'site');
  for (const [i, page] of pages.entries()) {
    mkdirSync(join(site, page, '..'), { recursive: true });
    writeFileSync(join(site, page), `<html><body><a class="skip" href="#main">跳到正文</a><a href="/2023/">年度 ${i}</a></body></html>`);
  }
  mkdirSync(join(site, '_astro'), { recursive: true });
  writeFileSync(join(site, '_astro', 'a.css'), 'a{background:url(/x.png)}');
  writeFileSync(join(site, '2023.json'), JSON.stringify({ 承诺: '新增托位675个' }));
  const built = ['404.html', '2023.json', '2023/index.html', '2023/x/1/index.html', '_astro/a.css', 'index.html'];
  sources = [
    { name: 'snapshot.json', from: { bytes: Buffer.from('{"year": 2023}\n') } },
    ...built.map((f): ArchiveSource => ({ name: `site/${f}`, from: { file: join(site, f) }, site: f })),
    { name: 'sources/济南-市中.txt', from: { bytes: Buffer.from('一、民生实事\n') } },
  ];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Returns every member the workers make, in order. */
async function all(files: ArchiveSource[][], jobs: number, extra: Partial<MemberOptions> = {}): Promise<ArchiveMember[]> {
  const made: ArchiveMember[] = [];
  for await (const member of membersInWorkers(files, { ...options, ...extra, jobs })) made.push(member);
  return made;
}

/** Returns the sources cut by count alone (no name starts a piece: `every` is out of a hash's reach). */
function cutByCount(files: number, items: ArchiveSource[] = sources): ArchiveSource[][] {
  return pieces(
    items,
    (s) => s.name,
    () => 1,
    { every: 1e9, bytes: 100, files },
  );
}

describe('archivedFile', () => {
  test('should give a page its banner and relative links, and leave any other file as built', () => {
    const page = Buffer.from('<html><body><a class="skip" href="#main">跳</a><a href="/2023/">年</a></body></html>');
    const made = Buffer.from(archivedFile('2023/x/index.html', page, copy)).toString('utf8');
    expect(made).toContain('存档版本');
    expect(made).toContain('href="../../2023/"');
    expect(made).toContain('href="https://minsheng.example.org/2023/x/"');
    const css = Buffer.from('a{background:url(/x.png)}');
    expect(archivedFile('_astro/a.css', css, copy)).toBe(css);
  });
});

describe('pieces', () => {
  const size = (n: number): number => n;
  /** Numbers named so that none starts a piece by its name (checked): only the limits cut. */
  const unmarked = Array.from({ length: 64 }, (_, i) => i).filter((i) => !startsPiece(String(i), 7));
  const name = String;
  test('should cut in order into pieces of at most the files given, the last one shorter', () => {
    const [a, b, c, d, e] = unmarked.map(Number);
    expect(pieces([a, b, c, d, e], name, () => 1, { every: 7, bytes: 100, files: 2 })).toEqual([[a, b], [c, d], [e]]);
    expect(pieces([], name, size, { every: 7, bytes: 100, files: 2 })).toEqual([]);
  });

  test('should cut before a file that would take a piece over its bytes, and give a larger file a piece alone', () => {
    const sizes = [3, 4, 5, 20, 1, 1];
    const items = sizes.map((bytes, i) => ({ bytes, name: String(unmarked[i]) }));
    const cut = pieces(
      items,
      (x) => x.name,
      (x) => x.bytes,
      { every: 7, bytes: 10, files: 100 },
    );
    expect(cut.map((p) => p.map((x) => x.bytes))).toEqual([[3, 4], [5], [20], [1, 1]]);
    expect(
      pieces(
        [10, 10].map((bytes, i) => ({ bytes, name: String(unmarked[i]) })),
        (x) => x.name,
        (x) => x.bytes,
        { every: 7, bytes: 10, files: 100 },
      ),
    ).toHaveLength(2);
  });

  test('should start a piece at about one name in `every`', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `site/2023/d${Math.floor(i / 50)}/${i % 50}/index.html`);
    const marked = names.filter((n) => startsPiece(n, 100)).length;
    expect(marked).toBeGreaterThan(100);
    expect(marked).toBeLessThan(300);
  });

  test('should keep every cut but those next to files added or removed: the other pieces are the same', () => {
    const district = (d: string): string[] => Array.from({ length: 50 }, (_, i) => `site/2023/${d}/${i}/index.html`);
    const before = Array.from({ length: 200 }, (_, d) => district(`d${String(d).padStart(3, '0')}`)).flat();
    // A district added in the middle (its name sorts there), another removed further on.
    const after = [...before.slice(0, 5000), ...district('d099x'), ...before.slice(5000)].filter((n) => !n.startsWith('site/2023/d150/'));
    const size = { every: 64, bytes: 1e9, files: 256 };
    const cutBefore = pieces(before, String, () => 1, size).map((p) => p.join('\n'));
    const cutAfter = pieces(after, String, () => 1, size).map((p) => p.join('\n'));
    expect(cutBefore.length).toBeGreaterThan(100);
    const kept = cutAfter.filter((p) => cutBefore.includes(p));
    // At most the two pieces at each place changed are new.
    expect(cutAfter.length - kept.length).toBeGreaterThan(0);
    expect(cutAfter.length - kept.length).toBeLessThanOrEqual(4);
  });
});

describe('membersInWorkers', () => {
  test('should make, in order, members whose joined bytes are the tar of the archived files, and each file’s digest', async () => {
    const cut = cutByCount(3);
    const members = await all(cut, 2);
    expect(members).toHaveLength(cut.length);
    // What the archive holds: each page archived (banner, relative links), every other file as it is.
    const expected = sources.map((s) => {
      const read = 'bytes' in s.from ? s.from.bytes : readFileSync(s.from.file);
      return { path: `minsheng-2023/${s.name}`, bytes: s.site === undefined ? read : archivedFile(s.site, read, copy) };
    });
    const tar = gunzipSync(Buffer.concat(members.map((m) => m.gz)));
    expect(tar.equals(await tarBytes(expected, { end: false }))).toBe(true);
    expect(members.flatMap((m) => m.digests)).toEqual(expected.map((e) => [e.path.slice('minsheng-2023/'.length), sha256(e.bytes)]));
    // Pages were archived in the workers: the banner is in the tar, with relative links at each depth.
    const text = tar.toString('utf8');
    expect(text).toContain('href="../../../2023/"');
    expect(text.split('存档版本').length - 1).toBe(pages.length);
  });

  test('should make the same bytes with one worker or three, and one member per piece', async () => {
    const cut = cutByCount(2);
    const one = await all(cut, 1);
    const three = await all(cut, 3);
    expect(Buffer.concat(three.map((m) => m.gz)).equals(Buffer.concat(one.map((m) => m.gz)))).toBe(true);
    // Each member is a gzip stream of its own: it starts with the gzip magic and reads alone.
    for (const member of three) expect(member.gz.subarray(0, 2).toString('hex')).toBe('1f8b');
    expect(three.map((m) => gunzipSync(m.gz).length % 512)).toEqual(three.map(() => 0));
  });

  test('should make one member alone as the workers do', async () => {
    const [first] = cutByCount(4);
    const [worked] = await all([first ?? []], 1);
    const alone = await makeMember(first ?? [], options);
    expect(worked?.gz.equals(alone.gz)).toBe(true);
    expect(worked?.digests).toEqual(alone.digests);
  });

  test('should fail naming a file that cannot be read', async () => {
    const missing = join(dir, 'site', 'gone.html');
    const cut = cutByCount(2, [...sources, { name: 'site/gone.html', from: { file: missing }, site: 'gone.html' }, ...sources]);
    await expect(all(cut, 2)).rejects.toThrow(missing);
  });

  test('should make nothing of no pieces', async () => {
    expect(await all([], 2)).toEqual([]);
  });
});
