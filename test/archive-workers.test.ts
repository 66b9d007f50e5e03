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
import { makeMember, membersInWorkers, pieces } from '../tools/snapshot/archive-workers.ts';
import type { ArchiveMember, ArchiveSource, MemberOptions } from '../tools/snapshot/archive-workers.ts';
import { tarBytes } from '../tools/snapshot/tarball.ts';

const copy = { site: 'https://minsheng.example.org', captured: '2026-11-30' };
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
  test('should cut in order into pieces of at most the files given, the last one shorter', () => {
    expect(pieces([1, 2, 3, 4, 5], size, { bytes: 100, files: 2 })).toEqual([[1, 2], [3, 4], [5]]);
    expect(pieces([], size, { bytes: 100, files: 2 })).toEqual([]);
  });

  test('should cut before a file that would take a piece over its bytes, and give a larger file a piece alone', () => {
    expect(pieces([3, 4, 5, 20, 1, 1], size, { bytes: 10, files: 100 })).toEqual([[3, 4], [5], [20], [1, 1]]);
    expect(pieces([10, 10], size, { bytes: 10, files: 100 })).toEqual([[10], [10]]);
  });
});

describe('membersInWorkers', () => {
  test('should make, in order, members whose joined bytes are the tar of the archived files, and each file’s digest', async () => {
    const cut = pieces(sources, () => 1, { bytes: 100, files: 3 });
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
    const cut = pieces(sources, () => 1, { bytes: 100, files: 2 });
    const one = await all(cut, 1);
    const three = await all(cut, 3);
    expect(Buffer.concat(three.map((m) => m.gz)).equals(Buffer.concat(one.map((m) => m.gz)))).toBe(true);
    // Each member is a gzip stream of its own: it starts with the gzip magic and reads alone.
    for (const member of three) expect(member.gz.subarray(0, 2).toString('hex')).toBe('1f8b');
    expect(three.map((m) => gunzipSync(m.gz).length % 512)).toEqual(three.map(() => 0));
  });

  test('should make one member alone as the workers do', async () => {
    const [first] = pieces(sources, () => 1, { bytes: 100, files: 4 });
    const [worked] = await all([first ?? []], 1);
    const alone = await makeMember(first ?? [], options);
    expect(worked?.gz.equals(alone.gz)).toBe(true);
    expect(worked?.digests).toEqual(alone.digests);
  });

  test('should fail naming a file that cannot be read', async () => {
    const missing = join(dir, 'site', 'gone.html');
    const cut = pieces([...sources, { name: 'site/gone.html', from: { file: missing }, site: 'gone.html' }, ...sources], () => 1, { bytes: 100, files: 2 });
    await expect(all(cut, 2)).rejects.toThrow(missing);
  });

  test('should make nothing of no pieces', async () => {
    expect(await all([], 2)).toEqual([]);
  });
});
