/**
 * Yearly snapshots and permanence: pure helpers, then the real command on
 * the built-in content — verified, reproducible, unchanged by a later year,
 * and serving from a path prefix.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, sep } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sha256 } from '../src/lib/hash.ts';
import { checksums, checksumsOfDigests, readChecksums, recordDigest, verify } from '../tools/snapshot/manifest.ts';
import { relativizeHtml, rootPrefix } from '../tools/snapshot/relative.ts';
import { livePage, pagePath, withArchiveBanner } from '../tools/snapshot/banner.ts';
import { hashEntries, readFirstJson, tarBytes, tarChunks, writeMembers } from '../tools/snapshot/tarball.ts';
import type { Written } from '../tools/snapshot/tarball.ts';
import { firstMetaText } from '../src/lib/snapshot/published.ts';
import type { ArchiveFile } from '../tools/snapshot/tarball.ts';
import { launchChromium, serve } from '../scripts/serve.ts';
import { commitAll, gitInit } from './helpers/git.ts';

const project = join(import.meta.dirname, '..');

/**
 * Writes files as a `.tar.gz` of one gzip member per file (`writeMembers`), as a snapshot's archive is
 * made of members: what reads archives here must read every member. A file the iterable fails to give
 * fails the write.
 */
async function writeArchive(out: string, files: Iterable<ArchiveFile>, level = 6): Promise<Written> {
  async function* members(): AsyncGenerator<Buffer> {
    for (const file of files) yield gzipSync(await tarBytes([file], { end: false }), { level });
    yield gzipSync(await tarBytes([]), { level });
  }
  return writeMembers(out, members());
}
const node = join(project, 'node_modules', '.bin', 'node');

describe('rootPrefix and relativizeHtml', () => {
  test.each([
    ['index.html', './'],
    ['2023/index.html', '../'],
    ['2023/huaibei-xiangshan/18/index.html', '../../../'],
  ])('should give %s the prefix %s', (file, prefix) => {
    expect(rootPrefix(file)).toBe(prefix);
  });

  test('should make root-relative links, sources and CSS urls relative, and leave the rest alone', () => {
    const html =
      '<a href="/2023/x/">x</a><link rel="canonical" href="https://example.org/2023/"><script src="/_astro/a.js"></script>' +
      '<a href="#top">t</a><a href="//cdn.example/x">c</a><div style="background:url(/img/a.png)"></div><form action="/search/"></form>';
    expect(relativizeHtml(html, '2023/y/index.html')).toBe(
      '<a href="../../2023/x/">x</a><link rel="canonical" href="https://example.org/2023/"><script src="../../_astro/a.js"></script>' +
        '<a href="#top">t</a><a href="//cdn.example/x">c</a><div style="background:url(../../img/a.png)"></div><form action="../../search/"></form>',
    );
    expect(relativizeHtml('<a href="/">home</a>', 'index.html')).toBe('<a href="./">home</a>');
  });
});

describe('the banner of an archived page', () => {
  const copy = { site: 'https://minsheng.example.org/', year: 2023 };
  const page = '<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><a class="skip" href="#main">跳到正文</a><header>h</header></body></html>';

  test.each([
    ['index.html', '/'],
    ['2023/x/index.html', '/2023/x/'],
    ['2023/x/7/index.html', '/2023/x/7/'],
    ['404.html', '/404'],
  ])('should give the page file %s the path %s', (file, path) => {
    expect(pagePath(file)).toBe(path);
  });

  test('should link the live page, on a site address with or without a path', () => {
    expect(livePage('2023/x/index.html', 'https://minsheng.example.org')).toBe('https://minsheng.example.org/2023/x/');
    expect(livePage('2023/x/index.html', 'https://example.org/minsheng/')).toBe('https://example.org/minsheng/2023/x/');
    expect(withArchiveBanner('<body>', 'a"b/index.html', copy)).toContain('href="https://minsheng.example.org/a%22b/"');
  });

  test('should come right after the skip link, saying 存档版本, the year kept and the live page', () => {
    const html = withArchiveBanner(page, '2023/x/index.html', copy);
    expect(html).toBe(
      page.replace(
        '跳到正文</a>',
        '跳到正文</a><div class="archived" role="note"><div class="wrap"><strong>存档版本</strong>：本页是2023年度存档中的副本，内容不再更新。 <a href="https://minsheng.example.org/2023/x/">查看本页的最新版本</a></div></div>',
      ),
    );
  });

  test('should say nothing that changes between captures, go at the start of a body without a skip link, and leave a file that is no page alone', () => {
    // No capture date: a page that did not change is archived as the same bytes by every capture of its year.
    expect(withArchiveBanner(page, '2023/x/index.html', copy)).not.toMatch(/\d{4}-\d{2}-\d{2}|\d+月\d+日|<time/u);
    const bare = withArchiveBanner('<body class="x"><p>p</p></body>', 'a/index.html', { site: copy.site, year: 2024 });
    expect(bare).toMatch(/^<body class="x"><div class="archived" role="note">.*本页是2024年度存档中的副本.*<\/div><p>p<\/p><\/body>$/u);
    expect(withArchiveBanner('<svg></svg>', 'a.html', copy)).toBe('<svg></svg>');
  });
});

describe('checksums', () => {
  const files = new Map<string, Uint8Array>([
    ['b.txt', Buffer.from('乙')],
    ['a.txt', Buffer.from('甲')],
  ]);

  test('should list files sorted in the sha256sum format', () => {
    expect(checksums(files)).toBe(`${sha256(Buffer.from('甲'))}  a.txt\n${sha256(Buffer.from('乙'))}  b.txt\n`);
  });

  test('should find changed, missing and extra files', () => {
    const read = readChecksums(checksums(files));
    if (!read.ok) throw new Error('unreadable');
    const now = new Map<string, string>([
      ['a.txt', sha256(Buffer.from('甲!'))],
      ['c.txt', sha256(Buffer.from('丙'))],
      ['SHA256SUMS', sha256('')],
    ]);
    expect(verify(read.sums, now, 'SHA256SUMS')).toEqual({ changed: ['a.txt'], missing: ['b.txt'], extra: ['c.txt'] });
  });

  test('should record an archive’s digest in the published list, replacing an older one, sorted by name', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    const list = recordDigest('', 'minsheng-2024.tar.gz', a);
    expect(list).toBe(`${a}  minsheng-2024.tar.gz\n`);
    expect(recordDigest(list, 'minsheng-2023.tar.gz', b)).toBe(`${b}  minsheng-2023.tar.gz\n${a}  minsheng-2024.tar.gz\n`);
    expect(recordDigest(list, 'minsheng-2024.tar.gz', b)).toBe(`${b}  minsheng-2024.tar.gz\n`);
  });

  test('should give, from the files’ digests, the same text sha256sum prints for the files', () => {
    // Files in folders and with Chinese names, as an archive has them; written out for GNU sha256sum to read.
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-sums-test-'));
    try {
      const named = new Map<string, string>([
        ['site/index.html', '<p>首页</p>'],
        ['sources/济南-市中.txt', '一、民生实事'],
        ['site/2023/a b/index.html', '空格'],
        ['snapshot.json', '{}\n'],
      ]);
      for (const [path, text] of named) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const digests = new Map([...named].map(([path, text]) => [path, sha256(text)] as const));
      const paths = [...named.keys()].sort();
      const gnu = spawnSync('sha256sum', ['--', ...paths], { cwd: dir, encoding: 'utf8' });
      expect(gnu.status, gnu.stderr).toBe(0);
      expect(checksumsOfDigests(digests)).toBe(gnu.stdout);
      expect(checksumsOfDigests(digests)).toBe(checksums(new Map([...named].map(([path, text]) => [path, Buffer.from(text)] as const))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('should name the malformed line', () => {
    expect(readChecksums(`${'0'.repeat(64)}  a.txt\nnot a checksum\n`)).toEqual({ ok: false, line: 2 });
  });
});

describe('tarChunks and writeMembers', () => {
  /** Files as an archive has them: folders, Chinese names, a path over tar's 100 bytes and one over its 255, sizes around a block. */
  const files: ArchiveFile[] = [
    { path: 'top/site/index.html', bytes: Buffer.from('<p>首页</p>') },
    { path: 'top/sources/济南-市中.txt', bytes: Buffer.from('一、民生实事\n'.repeat(100)) },
    { path: `top/site/${'长'.repeat(30)}/${'a'.repeat(60)}/index.html`, bytes: Buffer.alloc(512, 0x61) },
    { path: `top/site/${'b'.repeat(120)}/${'c'.repeat(150)}.json`, bytes: Buffer.alloc(513, 0x62) },
    { path: 'top/empty.txt', bytes: new Uint8Array(0) },
    { path: 'top/SHA256SUMS', bytes: Buffer.from('last\n') },
  ];

  /** Returns every chunk of an async iterable, joined. */
  const joined = async (chunks: AsyncIterable<Buffer>): Promise<Buffer> => {
    const all: Buffer[] = [];
    for await (const chunk of chunks) all.push(chunk);
    return Buffer.concat(all);
  };

  test('should write, from bytes, the tar archive tar.create writes of the same files on disk with mode 644 and mtime 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-tarball-test-'));
    try {
      for (const { path, bytes } of files) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), bytes, { mode: 0o644 });
        chmodSync(join(dir, path), 0o644);
      }
      const fromDisk = join(dir, 'from-disk.tar');
      tar.c(
        { sync: true, file: fromDisk, cwd: dir, portable: true, mtime: new Date(0), noDirRecurse: true },
        files.map((f) => f.path),
      );
      const made = await joined(tarChunks(files));
      expect(made.equals(readFileSync(fromDisk))).toBe(true);
      // And it reads back: the files in the order given, no folders, no owners, mode 644, mtime 0.
      const listed: { path: string; type: string; mode?: number; mtime?: Date; uid?: number; uname?: string; size: number }[] = [];
      const archive = join(dir, 'made.tar');
      writeFileSync(archive, made);
      tar.t({ sync: true, file: archive, onReadEntry: (e) => listed.push({ path: e.path, type: e.type, mode: e.mode, mtime: e.mtime, uid: e.uid, uname: e.uname, size: e.size }) });
      expect(listed.map((e) => e.path)).toEqual(files.map((f) => f.path));
      for (const [i, e] of listed.entries()) {
        expect(e).toMatchObject({ type: 'File', mode: 0o644, mtime: new Date(0), size: files[i]?.bytes.length });
        expect(e.uid ?? 0).toBe(0);
        expect(e.uname ?? '').toBe('');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('should take a file only once the one before it is written', async () => {
    let taken = 0;
    function* counted(): Generator<ArchiveFile> {
      for (const file of files) {
        taken++;
        yield file;
      }
    }
    const chunks = tarChunks(counted());
    const first = await chunks.next();
    expect(first.done).toBe(false);
    expect(taken).toBe(1);
    await joined(chunks);
    expect(taken).toBe(files.length);
  });

  test('should write the members in order and return the SHA-256 and size of the file written, read back as one stream', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-tarball-test-'));
    try {
      const one = await writeArchive(join(dir, 'one.tar.gz'), files);
      const two = await writeArchive(join(dir, 'two.tar.gz'), files);
      const bytes = readFileSync(join(dir, 'one.tar.gz'));
      expect(one).toEqual({ sha256: sha256(bytes), size: bytes.length });
      expect(two).toEqual(one);
      // One member per file and one for the end, each with its own gzip header (1f 8b, deflate, no flags, mtime 0).
      const headers = bytes.toString('latin1').split('\x1f\x8b\x08\x00\x00\x00\x00\x00').length - 1;
      expect(headers).toBe(files.length + 1);
      expect(gunzipSync(bytes).equals(await joined(tarChunks(files)))).toBe(true);
      // What reads archives here reads every member: each file's digest.
      const read = await hashEntries(join(dir, 'one.tar.gz'), () => false);
      expect([...read.digests.keys()]).toEqual(files.map((f) => f.path));
      for (const f of files) expect(read.digests.get(f.path), f.path).toBe(sha256(f.bytes));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('should give the tar of files in pieces, the end of the archive only when asked', async () => {
    const whole = await joined(tarChunks(files));
    const [first, ...rest] = files;
    const pieces = Buffer.concat([await tarBytes(first ? [first] : [], { end: false }), await tarBytes(rest)]);
    expect(pieces.equals(whole)).toBe(true);
    expect((await tarBytes(files, { end: false })).length).toBe(whole.length - 1024);
  });

  test('should wait for the disk as often as it must without piling up listeners (no MaxListenersExceededWarning)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-tarball-test-'));
    const warnings: string[] = [];
    const warned = (warning: Error): void => {
      warnings.push(warning.name);
    };
    process.on('warning', warned);
    try {
      // Incompressible members nearly four times the stream's buffer: every write waits for the disk, 40 times.
      const files = Array.from({ length: 40 }, (_, i) => ({ path: `top/${i}.bin`, bytes: randomBytes(60_000) }));
      const written = await writeArchive(join(dir, 'many.tar.gz'), files, 1);
      expect(written.size).toBeGreaterThan(40 * 60_000);
      await new Promise((done) => setImmediate(done));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', warned);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('should leave the archive already there as it was until the new one is whole, and remove what a killed write left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-tarball-test-'));
    const out = join(dir, 'x.tar.gz');
    try {
      await writeArchive(out, [{ path: 'top/a.txt', bytes: Buffer.from('old') }]);
      const old = readFileSync(out);
      // A write killed outright (a process id no longer running) left its part beside the archive.
      writeFileSync(join(dir, 'x.tar.gz.partial-999999999'), old.subarray(0, 10));
      let seen: string[] = [];
      function* slow(): Generator<ArchiveFile> {
        yield { path: 'top/a.txt', bytes: randomBytes(100_000) };
        // Half-way through the new archive: the old one is still whole under its name.
        seen = readdirSync(dir).sort();
        expect(readFileSync(out)).toEqual(old);
        throw new Error('cannot read top/b.txt');
      }
      await expect(writeArchive(out, slow())).rejects.toThrow('cannot read top/b.txt');
      // The dead write's part was gone before the new write began.
      expect(seen).toContain('x.tar.gz');
      expect(seen).not.toContain('x.tar.gz.partial-999999999');
      expect(readdirSync(dir)).toEqual(['x.tar.gz']);
      expect(readFileSync(out)).toEqual(old);
      const written = await writeArchive(out, [{ path: 'top/a.txt', bytes: Buffer.from('new') }]);
      expect(readdirSync(dir)).toEqual(['x.tar.gz']);
      expect(sha256(readFileSync(out))).toBe(written.sha256);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('should reject with the error of making a member and leave no half-written archive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-tarball-test-'));
    try {
      function* failing(): Generator<ArchiveFile> {
        yield { path: 'top/a.txt', bytes: Buffer.from('a') };
        throw new Error('cannot read top/b.txt');
      }
      await expect(writeArchive(join(dir, 'x.tar.gz'), failing())).rejects.toThrow('cannot read top/b.txt');
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hashEntries', () => {
  test('should give each file’s SHA-256 and the bytes of the files it keeps, reading the archive as a stream', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-hash-entries-'));
    try {
      const files: ArchiveFile[] = [
        { path: 'top/SHA256SUMS', bytes: Buffer.from('甲\n') },
        { path: 'top/site/index.html', bytes: Buffer.from('<h1>民生实事</h1>\n') },
        { path: 'top/site/big.bin', bytes: randomBytes(3 * 1024 * 1024 + 7) },
      ];
      await writeArchive(join(dir, 'a.tar.gz'), files);
      const read = await hashEntries(join(dir, 'a.tar.gz'), (p) => p === 'top/SHA256SUMS');
      expect(read.digests).toEqual(new Map(files.map((f) => [f.path, sha256(f.bytes)])));
      expect(read.kept).toEqual(new Map([['top/SHA256SUMS', Buffer.from('甲\n')]]));
      expect(read.refused).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('should refuse a link and a path given twice, and take folder entries as nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-hash-entries-'));
    try {
      mkdirSync(join(dir, 'top', 'site'), { recursive: true });
      writeFileSync(join(dir, 'top', 'site', 'index.html'), '<h1>民生实事</h1>\n');
      symlinkSync('/etc/passwd', join(dir, 'top', 'site', 'link.html'));
      tar.c({ sync: true, gzip: true, file: join(dir, 'links.tar.gz'), cwd: dir }, ['top']);
      const links = await hashEntries(join(dir, 'links.tar.gz'), () => false);
      expect([...links.digests.keys()]).toEqual(['top/site/index.html']);
      expect(links.refused).toEqual(['top/site/link.html: a SymbolicLink entry, not a plain file']);
      const twice = [
        { path: 'top/a.txt', bytes: Buffer.from('一\n') },
        { path: 'top/a.txt', bytes: Buffer.from('二\n') },
      ];
      await writeArchive(join(dir, 'twice.tar.gz'), twice);
      expect((await hashEntries(join(dir, 'twice.tar.gz'), () => false)).refused).toEqual(['top/a.txt: given twice']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('should reject a damaged archive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-hash-entries-'));
    try {
      await writeArchive(join(dir, 'a.tar.gz'), [{ path: 'top/big.bin', bytes: randomBytes(256 * 1024) }]);
      truncateSync(join(dir, 'a.tar.gz'), 64 * 1024);
      await expect(hashEntries(join(dir, 'a.tar.gz'), () => false)).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readFirstJson', () => {
  test('should read the JSON file at the start of an archive without reading the rest: a cut archive still gives it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-first-json-'));
    try {
      const file = join(dir, 'minsheng-2023.tar.gz');
      // Random bytes do not compress: the archive is about 2 MiB, of which the first 64 KiB are kept.
      const files: ArchiveFile[] = [
        { path: 'minsheng-2023/snapshot.json', bytes: Buffer.from('{"format": 1, "site": "https://minsheng.example.org"}\n') },
        { path: 'minsheng-2023/site/big.bin', bytes: randomBytes(2 * 1024 * 1024) },
        { path: 'minsheng-2023/later.json', bytes: Buffer.from('{"late": true}\n') },
      ];
      await writeArchive(file, files);
      expect(await readFirstJson(file, 'later.json')).toEqual({ late: true });
      truncateSync(file, 64 * 1024);
      expect(await readFirstJson(file, 'snapshot.json')).toEqual({ format: 1, site: 'https://minsheng.example.org' });
      expect(await readFirstJson(file, 'later.json')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('should give nothing for a missing file, a file that is not gzip, or malformed JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-first-json-'));
    try {
      expect(await readFirstJson(join(dir, 'none.tar.gz'), 'snapshot.json')).toBeUndefined();
      writeFileSync(join(dir, 'plain.tar.gz'), '这不是压缩文件\n');
      expect(await readFirstJson(join(dir, 'plain.tar.gz'), 'snapshot.json')).toBeUndefined();
      await writeArchive(join(dir, 'bad.tar.gz'), [{ path: 'minsheng-2023/snapshot.json', bytes: Buffer.from('{"format": ') }]);
      expect(await readFirstJson(join(dir, 'bad.tar.gz'), 'snapshot.json')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('firstMetaText', () => {
  test('should read snapshot.json from the first bytes of an archive, however large it is, and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-first-meta-'));
    try {
      // Random hex compresses to about half: a snapshot.json of 600 KB needs more than the first 64 KiB.
      const meta = `${JSON.stringify({ format: 1, files: 3, notices: randomBytes(300 * 1024).toString('hex') })}\n`;
      const file = join(dir, 'minsheng-2023.tar.gz');
      await writeArchive(file, [
        { path: 'minsheng-2023/snapshot.json', bytes: Buffer.from(meta) },
        { path: 'minsheng-2023/site/big.bin', bytes: randomBytes(2 * 1024 * 1024) },
        { path: 'minsheng-2023/SHA256SUMS', bytes: Buffer.from('x\n') },
      ]);
      expect(firstMetaText(file)).toBe(meta);
      // Cut after the entry: still read.
      truncateSync(file, 1024 * 1024);
      expect(firstMetaText(file)).toBe(meta);
      // Cut inside it: nothing.
      truncateSync(file, 100 * 1024);
      expect(firstMetaText(file)).toBeUndefined();
      await writeArchive(file, [{ path: 'minsheng-2023/site/index.html', bytes: Buffer.from('<p>首页</p>') }]);
      expect(firstMetaText(file)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Returns every file below `dir`, relative and sorted. */
function filesBelow(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

/** Runs a project script; returns its status and output. */
function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(node, args, { cwd: project, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run snapshot', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'minsheng-snapshot-test-'));
  const first = join(tmp, 'first');
  const second = join(tmp, 'second');
  const withLaterYear = join(tmp, 'later');
  const beforeLaterYear = join(tmp, 'before-later');
  const corpus = join(tmp, 'corpus');

  beforeAll(() => {
    expect(run(['scripts/snapshot.ts', '2023', '--out', first]).status).toBe(0);
    expect(run(['scripts/snapshot.ts', '2023', '--out', second]).status).toBe(0);
    // A corpus in git, 2023 as built in; then a 2024 notice added and committed later.
    cpSync(join(project, 'content'), corpus, { recursive: true });
    gitInit(corpus);
    commitAll(corpus, '2026-02-03');
    expect(run(['scripts/snapshot.ts', '2023', '--out', beforeLaterYear], { MINSHENG_CONTENT_DIR: corpus }).status).toBe(0);
    cpSync(join(project, 'test', 'second-year', 'notices', '2024'), join(corpus, 'notices', '2024'), { recursive: true });
    const ingest = run(['scripts/ingest.ts'], { MINSHENG_CONTENT_DIR: corpus });
    expect(ingest.status, ingest.out).toBe(0);
    commitAll(corpus, '2026-03-01');
    expect(run(['scripts/snapshot.ts', '2023', '--out', withLaterYear], { MINSHENG_CONTENT_DIR: corpus }).status).toBe(0);
  }, 240_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const archive = (dir: string): string => join(dir, 'minsheng-2023.tar.gz');

  test('should verify its own archive against its published SHA-256', () => {
    const digest = sha256(readFileSync(archive(first)));
    const r = run(['scripts/snapshot.ts', '--verify', archive(first), '--sha256', digest]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/the published SHA-256, and all \d+ files match SHA256SUMS/u);
    const list = join(tmp, 'published.txt');
    writeFileSync(list, `${'0'.repeat(64)}  minsheng-2022.tar.gz\n${digest}  minsheng-2023.tar.gz\n`);
    expect(run(['scripts/snapshot.ts', '--verify', archive(first), '--sums', list]).status).toBe(0);
  });

  test('should refuse to vouch for an archive without a published SHA-256 to check it against', () => {
    const r = run(['scripts/snapshot.ts', '--verify', archive(first)], { MINSHENG_CONTENT_DIR: join(tmp, 'no-content') });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/^\S+minsheng-2023\.tar\.gz: error: no published SHA-256 to check it against \(.*snapshots\.txt does not exist\); pass --sha256 HEX/u);
  });

  test('should refuse a forged archive whose SHA256SUMS was edited to match', () => {
    const work = join(tmp, 'forge');
    rmSync(work, { recursive: true, force: true });
    tar.x({ sync: true, file: archive(first), cwd: tmp });
    cpSync(join(tmp, 'minsheng-2023'), join(work, 'minsheng-2023'), { recursive: true });
    const root = join(work, 'minsheng-2023');
    const page = join(root, 'site', 'index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('民生实事', '民生虚事'));
    // The forger recomputes every checksum, so the archive agrees with itself.
    const files = new Map(
      filesBelow(root)
        .filter((f) => f !== 'SHA256SUMS')
        .map((f) => [f, readFileSync(join(root, f))] as const),
    );
    writeFileSync(join(root, 'SHA256SUMS'), checksums(files));
    const forged = join(tmp, 'forged', 'minsheng-2023.tar.gz');
    mkdirSync(dirname(forged), { recursive: true });
    tar.c({ sync: true, gzip: true, file: forged, cwd: work, portable: true }, ['minsheng-2023']);
    const published = sha256(readFileSync(archive(first)));
    const r = run(['scripts/snapshot.ts', '--verify', forged, '--sha256', published]);
    expect(r.status).toBe(1);
    expect(r.out).toBe(`${forged}: error: its SHA-256 ${sha256(readFileSync(forged))} is not the published ${published}: not the published archive\n`);
    const list = join(tmp, 'published-forge.txt');
    writeFileSync(list, `${published}  minsheng-2023.tar.gz\n`);
    expect(run(['scripts/snapshot.ts', '--verify', forged, '--sums', list]).status).toBe(1);
  });

  test('should give byte-identical archives for the same commit', () => {
    expect(sha256(readFileSync(archive(second)))).toBe(sha256(readFileSync(archive(first))));
  });

  test('should not change when a later year is added, nor its pages’ dates', () => {
    expect(sha256(readFileSync(archive(withLaterYear)))).toBe(sha256(readFileSync(archive(beforeLaterYear))));
    const home: string[] = [];
    tar.t({
      sync: true,
      file: archive(withLaterYear),
      filter: (path) => path === 'minsheng-2023/site/index.html',
      onReadEntry: (entry) => entry.on('data', (chunk: Buffer) => home.push(chunk.toString('utf8'))),
    });
    expect(home.join('')).toMatch(/本页内容更新于\s*<time class="nowrap" datetime="2026-02-03">/u);
  });

  test('should hold the pages, the data, the sources and the metadata of the year', () => {
    const names = tar.t({ sync: true, file: archive(first) }) as unknown;
    void names;
    const listed: string[] = [];
    tar.t({ sync: true, file: archive(first), onReadEntry: (e) => listed.push(e.path) });
    expect(listed).toContain('minsheng-2023/SHA256SUMS');
    expect(listed).toContain('minsheng-2023/snapshot.json');
    expect(listed).toContain('minsheng-2023/site/2023/huaibei-xiangshan/18/index.html');
    expect(listed).toContain('minsheng-2023/sources/huaibei-xiangshan.txt');
    expect(listed).toContain('minsheng-2023/sources/huaibei-xiangshan.yaml');
    expect(listed.some((p) => p.includes('2024'))).toBe(false);
  });

  test('should list snapshot.json first, then the site’s files, the sources and SHA256SUMS last, each a plain file with mode 644, mtime 0 and no owner', () => {
    const entries: { path: string; type: string; mode?: number; mtime?: Date; uid?: number; gid?: number; uname?: string; gname?: string }[] = [];
    tar.t({
      sync: true,
      file: archive(first),
      onReadEntry: (e) => entries.push({ path: e.path, type: e.type, mode: e.mode, mtime: e.mtime, uid: e.uid, gid: e.gid, uname: e.uname, gname: e.gname }),
    });
    const paths = entries.map((e) => e.path.replace(/^minsheng-2023\//u, ''));
    const site = paths.filter((p) => p.startsWith('site/'));
    const sources = paths.filter((p) => p.startsWith('sources/'));
    expect(site.length).toBeGreaterThan(100);
    expect(sources.length).toBeGreaterThan(0);
    expect(paths).toEqual(['snapshot.json', ...[...site].sort(), ...[...sources].sort(), 'SHA256SUMS']);
    // snapshot.json says how many files the archive holds (the archive page shows it without reading them all).
    expect(JSON.parse(firstMetaText(archive(first)) ?? '{}')).toMatchObject({ files: entries.length });
    for (const e of entries) {
      expect(e, e.path).toMatchObject({ type: 'File', mode: 0o644, mtime: new Date(0) });
      expect([e.uid ?? 0, e.gid ?? 0, e.uname ?? '', e.gname ?? ''], e.path).toEqual([0, 0, '', '']);
    }
  });

  test('should hold the search index made from the year’s content, beside the build', () => {
    const site = join(tmp, 'minsheng-2023', 'site');
    if (!existsSync(site)) tar.x({ sync: true, file: archive(first), cwd: tmp });
    const index = join(tmp, 'content-index');
    // The built-in content is the year 2023 alone, as a snapshot's corpus is.
    const made = run(['scripts/search-index.ts', '--content', '--out', index], { MINSHENG_CONTENT_DIR: join(project, 'content'), BASE_PATH: '/' });
    expect(made.status, made.out).toBe(0);
    const files = filesBelow(index);
    expect(files).toContain('complete.json');
    expect(filesBelow(join(site, 'pagefind'))).toEqual(files);
    const differ = files.filter((f) => !readFileSync(join(site, 'pagefind', f)).equals(readFileSync(join(index, f))));
    expect(differ).toEqual([]);
  }, 120_000);

  test('should fail verification naming a file whose bytes changed', () => {
    const work = join(tmp, 'tamper');
    rmSync(work, { recursive: true, force: true });
    tar.x({ sync: true, file: archive(first), cwd: tmp });
    cpSync(join(tmp, 'minsheng-2023'), join(work, 'minsheng-2023'), { recursive: true });
    const page = join(work, 'minsheng-2023', 'site', 'index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('民生实事', '民生虚事'));
    const bad = join(tmp, 'bad.tar.gz');
    tar.c({ sync: true, gzip: true, file: bad, cwd: work }, ['minsheng-2023']);
    const r = run(['scripts/snapshot.ts', '--verify', bad, '--sha256', sha256(readFileSync(bad))]);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('changed: minsheng-2023/site/index.html');
  });

  test('should serve from any path prefix: every internal link of every page resolves inside the archive', () => {
    const site = join(tmp, 'minsheng-2023', 'site');
    if (!existsSync(site)) tar.x({ sync: true, file: archive(first), cwd: tmp });
    const files = new Set(filesBelow(site));
    const prefix = '/archive/2023/';
    const broken: string[] = [];
    let checked = 0;
    for (const file of [...files].filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(site, file), 'utf8');
      for (const m of html.matchAll(/\s(?:href|src)="([^"#]*)(?:#[^"]*)?"/gu)) {
        const url = m[1] ?? '';
        if (url === '' || /^[a-z]+:/iu.test(url) || url.startsWith('//')) continue;
        expect(url.startsWith('/'), `${file}: ${url} is root-relative`).toBe(false);
        const resolved = posix.normalize(posix.join(posix.dirname(`${prefix}${file}`), url));
        const target = resolved.startsWith(prefix) ? resolved.slice(prefix.length) : `(outside)${resolved}`;
        const asFile = target.endsWith('/') || target === '' ? `${target}index.html` : target;
        if (!files.has(asFile)) broken.push(`${file} → ${url}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });

  test('should search from a path prefix: results link under the prefix and load', async () => {
    const host = join(tmp, 'host');
    const site = join(tmp, 'minsheng-2023', 'site');
    if (!existsSync(site)) tar.x({ sync: true, file: archive(first), cwd: tmp });
    cpSync(site, join(host, 'archive', '2023'), { recursive: true });
    const served = await serve(host);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${served.origin}/archive/2023/search/?q=${encodeURIComponent('托位')}`);
      await page.waitForSelector('[data-search-results] a', { timeout: 20_000 });
      const links = await page.$$eval('[data-search-results] a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(link.startsWith('/archive/2023/2023/')).toBe(true);
      const response = await page.goto(`${served.origin}${links[0] ?? ''}`);
      expect(response?.status()).toBe(200);
    } finally {
      await browser.close();
      await served.close();
    }
  });
});

describe('npm run snapshot when things go wrong, and snapshot.json', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'minsheng-snapshot-edge-'));
  /** A private temporary directory for the script (TMPDIR), to see what it leaves there. */
  const scratch = join(tmp, 'scratch');
  const corpus = join(tmp, 'corpus');
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  beforeAll(() => {
    mkdirSync(scratch, { recursive: true });
    mkdirSync(join(corpus, 'notices', '2023'), { recursive: true });
    cpSync(join(project, 'content', 'notices', '2023', 'jinan-shizhong.txt'), join(corpus, 'notices', '2023', 'jinan-shizhong.txt'));
    // A district name YAML must quote: snapshot.json reads it with the YAML library, not a regular expression.
    const meta = readFileSync(join(project, 'content', 'notices', '2023', 'jinan-shizhong.yaml'), 'utf8').replace(/^districtFull: .*$/mu, `districtFull: '济南市"市中"区: 测试'`);
    writeFileSync(join(corpus, 'notices', '2023', 'jinan-shizhong.yaml'), meta);
    const ingest = run(['scripts/ingest.ts'], { MINSHENG_CONTENT_DIR: corpus });
    expect(ingest.status, ingest.out).toBe(0);
  }, 120_000);

  /** Returns the snapshot script's own folders left in its temporary directory (Node keeps its compile cache there too). */
  const leftovers = (): string[] => readdirSync(scratch).filter((name) => name.startsWith('minsheng-'));

  test('should record a quoted district name in snapshot.json as written, and the digest in the published list', async () => {
    const out = join(tmp, 'out');
    const r = run(['scripts/snapshot.ts', '2023', '--out', out, '--record'], { MINSHENG_CONTENT_DIR: corpus, TMPDIR: scratch });
    expect(r.status, r.out).toBe(0);
    const extracted = join(tmp, 'extracted');
    mkdirSync(extracted, { recursive: true });
    tar.x({ sync: true, file: join(out, 'minsheng-2023.tar.gz'), cwd: extracted });
    const meta = JSON.parse(readFileSync(join(extracted, 'minsheng-2023', 'snapshot.json'), 'utf8')) as { notices: { slug: string; districtFull: string | null }[] };
    expect(meta.notices).toMatchObject([{ slug: 'jinan-shizhong', districtFull: '济南市"市中"区: 测试' }]);
    const digest = sha256(readFileSync(join(out, 'minsheng-2023.tar.gz')));
    expect(readFileSync(join(corpus, 'snapshots.txt'), 'utf8')).toBe(`${digest}  minsheng-2023.tar.gz\n`);
    // The published list is where --verify finds the expected digest by default.
    expect(run(['scripts/snapshot.ts', '--verify', join(out, 'minsheng-2023.tar.gz')], { MINSHENG_CONTENT_DIR: corpus }).status).toBe(0);
    // Once the archive is written, the year's build is removed by a process of its own, not waited for.
    await expect.poll(leftovers, { timeout: 30_000 }).toEqual([]);
  }, 240_000);

  test('should fail in one line and leave no temporary folder when the build fails', () => {
    const half = join(tmp, 'half');
    cpSync(corpus, half, { recursive: true });
    rmSync(join(half, 'commitments', '2023', 'jinan-shizhong', '3.md'));
    const r = run(['scripts/snapshot.ts', '2023', '--out', join(tmp, 'half-out')], { MINSHENG_CONTENT_DIR: half, TMPDIR: scratch });
    expect(r.status).toBe(1);
    // The build and the index both read the content: the first to find it incomplete stops the other.
    expect(r.out).toMatch(/^snapshot: error: the (?:build|search index) failed: .*the content is incomplete/u);
    expect(r.out.trimEnd().split('\n')).toHaveLength(1);
    expect(leftovers()).toEqual([]);
  }, 240_000);

  test('should stop the build, fail in one line and leave no temporary folder when the search index fails', () => {
    // Pagefind's binary, looked for where there is none: the index fails, the build alone would not. An empty
    // cache of search parts of its own, so no part is taken from an earlier index instead of running Pagefind.
    const missing = join(tmp, 'no-pagefind');
    const r = run(['scripts/snapshot.ts', '2023', '--out', join(tmp, 'no-index-out')], {
      MINSHENG_CONTENT_DIR: corpus,
      MINSHENG_SEARCH_CACHE: join(tmp, 'empty-search-cache'),
      TMPDIR: scratch,
      PAGEFIND_BINARY_PATH: missing,
      PAGEFIND_EXTENDED_BINARY_PATH: missing,
    });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/^snapshot: error: the search index failed: search-index: error: .*Pagefind/u);
    expect(r.out.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(join(tmp, 'no-index-out', 'minsheng-2023.tar.gz'))).toBe(false);
    expect(leftovers()).toEqual([]);
  }, 240_000);

  test('should fail in one line and leave no temporary folder when the archive is not an archive', () => {
    const junk = join(tmp, 'junk.tar.gz');
    writeFileSync(junk, 'not an archive');
    const r = run(['scripts/snapshot.ts', '--verify', junk, '--sha256', sha256('not an archive')], { TMPDIR: scratch });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/^\S+junk\.tar\.gz: error: not a tar\.gz archive \(it does not start like a gzip file\)\n$/u);
    // A gzip stream that is not a tar archive gets as far as extracting.
    const gz = join(tmp, 'gz.tar.gz');
    writeFileSync(gz, gzipSync(Buffer.from('not a tar archive, but gzipped')));
    const g = run(['scripts/snapshot.ts', '--verify', gz, '--sha256', sha256(readFileSync(gz))], { TMPDIR: scratch });
    expect(g.status).toBe(1);
    expect(g.out).toMatch(/^\S+gz\.tar\.gz: error: (?:not a readable tar\.gz archive \([^\n]*\)|expected one top folder, found 0)\n$/u);
    expect(leftovers()).toEqual([]);
  });

  test('should refuse an archive over 2 GiB in one line, without reading it whole or a stack trace', () => {
    const big = join(tmp, 'big.tar.gz');
    writeFileSync(big, '');
    truncateSync(big, 2 * 1024 ** 3 + 1);
    const r = run(['scripts/snapshot.ts', '--verify', big, '--sha256', 'a'.repeat(64)], { TMPDIR: scratch });
    expect(r.status).toBe(1);
    expect(r.out).toBe(`${big}: error: not a tar.gz archive (it does not start like a gzip file)\n`);
    expect(leftovers()).toEqual([]);
  }, 120_000);
});
