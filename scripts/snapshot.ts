/**
 * `npm run snapshot -- <year> [--out DIR]`: a self-contained, checksummed
 * archive of one year: the site built from that year's notices only (links
 * made relative, so it serves from any path prefix), the source notices and
 * their metadata, `snapshot.json` (inputs' hashes, tool versions, the notices'
 * dates) and `SHA256SUMS`. Deterministic: the same commit gives the same bytes.
 *
 * `npm run snapshot -- <year> --record` also records the archive's SHA-256 in
 * the published list, `<content>/snapshots.txt` (`sha256sum` format), outside
 * the archive.
 *
 * `npm run snapshot -- --verify <archive.tar.gz> [--sha256 HEX | --sums FILE]`:
 * checks the archive's own SHA-256 against the published one (given, or looked
 * up by file name in FILE, default `<content>/snapshots.txt`) — a forged archive
 * whose `SHA256SUMS` was edited to match fails here — then every file against
 * `SHA256SUMS`; exits non-zero naming what does not match. Files of any size
 * are hashed as streams.
 *
 * `npm run snapshot -- --all [--out DIR]`: every year of the content, into
 * DIR (default `snapshots/`, `MINSHENG_SNAPSHOT_DIR`), where `npm run build`
 * publishes them on `/archive/` with their SHA-256. A year whose archive is
 * already there and current (`isCurrentSnapshot`: the same content of the year,
 * site address and format; not the commit nor the code) is kept, not captured again.
 *
 * A snapshot's pages say they are an archived copy (存档版本, the capture
 * date, a link to the live page): the build is told the live site's address
 * and the capture date, which is the commit's date (`git log -1 --format=%cs`),
 * never the clock; without git, `SOURCE_DATE_EPOCH` when set, else none.
 *
 * How a year is made, at any scale (a national year is 150,000 pages, 3 GB):
 * `astro build` and the search index (`search-index.ts --content`, made from
 * the year's content rather than the built pages, as `npm run build` does) run
 * at the same time as two child processes, their output in log files; the first
 * to fail stops the other. The index is moved into the built site, the site
 * into the stage, and the stage is made one file at a time: each page made
 * relative in place, each file hashed as it is staged (`SHA256SUMS` is made
 * from the digests); the tarball is streamed from the stage through gzip into
 * its file. No file of the year is held in memory beyond the one being staged.
 *
 * Every failure is one line, and the temporary folder is removed whatever
 * happens (interrupted too: the children are stopped first).
 */
import { spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { archiveVariables, contentDir, siteUrl, snapshotDir } from '../src/lib/config.ts';
import { NoticeEntry } from '../src/lib/schema.ts';
import { checksumsOfDigests, readChecksums, recordDigest, verify } from '../tools/snapshot/manifest.ts';
import { frontMatterEntry } from '../src/lib/content/loader.ts';
import { commitmentsFolder, correctionsPath, isNoticeSource, noticesDir, noticesFolder, snapshotsListPath } from '../src/lib/content/paths.ts';
import { filesBelow } from '../src/lib/files.ts';
import { isCurrentSnapshot, snapshotFormat, treeHash, yearContentHash, yearCorrections, yearCorrectionsText } from '../src/lib/snapshot/published.ts';
import { relativizeHtml } from '../tools/snapshot/relative.ts';
import { Failure, onInterrupt, reasonOf, runCli, writeFileOrFail } from './cli.ts';
import { runBeside, StepFailed } from './lib/children.ts';
import { linkTree } from './lib/links.ts';
import type { LoggedStep } from './lib/children.ts';
import { sha256 } from '../src/lib/hash.ts';
import { parseCommandLine } from './lib/args.ts';

const manifestName = 'SHA256SUMS';
/** The published list of snapshot digests, in the content directory (outside every archive). */
const publishedList = snapshotsListPath;
const project = resolve(import.meta.dirname, '..');

/** Returns the version of an installed package. */
function versionOf(name: string): string {
  const pkg = JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Returns the SHA-256 of a file, hex, read in 1 MiB chunks: any size (no 2 GiB limit), little memory. */
function hashFile(file: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1024 * 1024);
  const fd = openSync(file, 'r');
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Returns what a generated notice entry records (districtFull, date, source hash), checked by the schema. */
function noticeFacts(file: string): { districtFull: string; date: string | null; sourceSha256: string } {
  let entry: NoticeEntry;
  try {
    entry = frontMatterEntry(file, readFileSync(file, 'utf8'), NoticeEntry);
  } catch (error) {
    throw new Failure(`${reasonOf(error)}; run npm run ingest`);
  }
  return { districtFull: entry.districtFull, date: entry.date ?? null, sourceSha256: entry.sourceSha256 };
}

/** Returns the output of a git command in the project, or undefined without git or a repository. */
function git(args: string[]): string | undefined {
  const r = spawnSync('git', args, { cwd: project, encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : undefined;
}

/** The commit a snapshot is made from and its date (the capture date): from git, else `SOURCE_DATE_EPOCH`, else unknown. */
function capture(): { commit: string | null; captured: string | null } {
  const commit = git(['rev-parse', 'HEAD']) ?? null;
  const date = git(['log', '-1', '--format=%cs']);
  if (date) return { commit, captured: date };
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return { commit, captured: Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000).toISOString().slice(0, 10) : null };
}

/** Returns the `snapshot.json` of an archive, or undefined when it has none or cannot be read. */
function metaOf(archive: string): Record<string, unknown> | undefined {
  if (!existsSync(archive)) return undefined;
  let text = '';
  try {
    tar.t({
      sync: true,
      file: archive,
      filter: (path) => path.endsWith('/snapshot.json') && path.split('/').length === 2,
      onReadEntry: (entry) => entry.on('data', (chunk: Buffer) => (text += chunk.toString('utf8'))),
    });
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** What an interrupted snapshot stops and removes: the children running now and its temporary folder. */
const interruptible: { children: Set<ChildProcess>; tmp: string | undefined } = { children: new Set(), tmp: undefined };
onInterrupt((signal) => {
  for (const child of interruptible.children) child.kill(signal);
  if (interruptible.tmp !== undefined) rmSync(interruptible.tmp, { recursive: true, force: true });
  process.stderr.write(`snapshot: interrupted (${signal})\n`);
});

async function createSnapshot(year: string, outDir: string, record: boolean, reuse = false): Promise<void> {
  if (!/^\d{4}$/u.test(year)) throw new Failure(`usage: npm run snapshot -- <year> [--out DIR] [--record]  (not a year: ${year})`, 2);
  const root = contentDir();
  const notices = join(root, noticesFolder(year));
  if (!existsSync(notices)) throw new Failure(`${notices}: error: no notices for ${year}`);
  // Whether the archive there is current is decided before anything is copied or built: the year's content
  // hashed where it is (the same hash as over the year's corpus below), its corrections read once.
  let corrections: string | undefined;
  try {
    corrections = yearCorrectionsText(yearCorrections(root, year));
  } catch (error) {
    throw new Failure(`${join(root, correctionsPath)}: error: ${error instanceof Error ? error.message : String(error)}`);
  }
  const address = siteUrl();
  const contentSha256 = yearContentHash(root, year);
  const name = `minsheng-${year}`;
  const out = join(outDir, `${name}.tar.gz`);
  const old = reuse ? metaOf(out) : undefined;
  if (old && isCurrentSnapshot(old, { site: address, contentSha256 })) {
    process.stdout.write(`snapshot: ${out} is current (the year's content is the same; captured ${String(old.captured ?? 'on an unknown date')}), kept\n`);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), `minsheng-snapshot-${year}-`));
  interruptible.tmp = tmp;
  try {
    // 1. A corpus of this year alone: a later year can never change this snapshot. The year's corrections
    // too, so its commitment pages say what changed and when.
    const corpus = join(tmp, 'corpus');
    // Hard links, not copies: a national year is 100,000 files, only read by the build.
    linkTree(notices, join(corpus, noticesFolder(year)));
    if (existsSync(join(root, commitmentsFolder(year)))) linkTree(join(root, commitmentsFolder(year)), join(corpus, commitmentsFolder(year)));
    if (corrections !== undefined) writeFileSync(join(corpus, correctionsPath), corrections);

    // 2. Build it.
    const site = join(tmp, 'site');
    const { commit, captured } = capture();
    const inputs = {
      // What decides that the archive is current (`isCurrentSnapshot`): the year's content, as the build hashes it.
      contentSha256,
      // Recorded, not compared: an archive made by other code is kept while its year's content is the same.
      codeSha256: treeHash(project, [
        'package.json',
        'package-lock.json',
        'astro.config.mjs',
        'tsconfig.json',
        ...['src', 'scripts', 'tools', 'public'].flatMap((d) => filesBelow(join(project, d)).map((f) => `${d}/${f}`)),
      ]),
    };
    const env = {
      ...process.env,
      MINSHENG_CONTENT_DIR: corpus,
      BASE_PATH: '/',
      [archiveVariables.site]: address,
      [archiveVariables.captured]: captured ?? '',
    };
    // The search index is made from the corpus, not the built pages, so it is written beside the build,
    // on the core Astro's single-threaded rendering leaves idle, into a folder of its own (as `npm run build` does).
    const index = join(tmp, 'pagefind');
    const build: LoggedStep = {
      args: [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', site],
      log: join(tmp, 'build.log'),
      failure: (last) => `the build failed: ${last}`,
    };
    const indexing: LoggedStep = {
      args: [join(project, 'scripts', 'search-index.ts'), '--content', '--out', index],
      log: join(tmp, 'index.log'),
      failure: (last) => `the search index failed: ${last}`,
    };
    try {
      await runBeside([build, indexing], { cwd: project, env, running: interruptible.children });
    } catch (error) {
      throw error instanceof StepFailed ? new Failure(`snapshot: error: ${error.message}`) : error;
    }
    rmSync(join(site, 'pagefind'), { recursive: true, force: true });
    renameSync(index, join(site, 'pagefind'));

    // 3. Stage the archive's files, one at a time (a national year's site is gigabytes): the built site is
    // moved into the stage and its pages made relative in place; each file is hashed as it is staged.
    const stage = join(tmp, 'stage', name);
    mkdirSync(stage, { recursive: true });
    renameSync(site, join(stage, 'site'));
    /** Each staged file's SHA-256, by its path in the archive: all SHA256SUMS needs, never the bytes. */
    const digests = new Map<string, string>();
    /** Takes a file in the stage, `bytes` its content: its mode set (every file of an archive has 644) and its SHA-256 recorded. */
    const staged = (path: string, bytes: Uint8Array): void => {
      chmodSync(join(stage, path), 0o644);
      digests.set(path, sha256(bytes));
    };
    /** Writes a file into the stage and takes it. */
    const stageFile = (path: string, bytes: Uint8Array): void => {
      mkdirSync(dirname(join(stage, path)), { recursive: true });
      writeFileSync(join(stage, path), bytes);
      staged(path, bytes);
    };
    for (const f of filesBelow(join(stage, 'site'))) {
      const bytes = readFileSync(join(stage, 'site', f));
      if (f.endsWith('.html')) stageFile(`site/${f}`, Buffer.from(relativizeHtml(bytes.toString('utf8'), f)));
      else staged(`site/${f}`, bytes);
    }
    const sources = filesBelow(notices).filter(isNoticeSource);
    for (const f of sources) stageFile(`sources/${f}`, readFileSync(join(notices, f)));
    const noticeEntries = filesBelow(notices).filter((f) => f.endsWith('.md'));
    const meta = {
      format: snapshotFormat,
      year: Number(year),
      commit,
      site: address,
      captured,
      capturedFrom: captured === null ? 'unknown' : commit !== null ? 'the commit date' : 'SOURCE_DATE_EPOCH',
      notices: noticeEntries.map((f) => ({ slug: f.replace(/\.md$/u, ''), ...noticeFacts(join(notices, f)) })),
      inputs,
      tools: { node: process.version, astro: versionOf('astro'), pagefind: versionOf('pagefind'), chartjs: versionOf('chart.js') },
      serve: 'site/ is a static site with relative links: serve it from any path, e.g. /archive/2023/.',
    };
    stageFile('snapshot.json', Buffer.from(`${JSON.stringify(meta, null, 2)}\n`));
    stageFile(manifestName, Buffer.from(checksumsOfDigests(digests)));

    // 4. A deterministic tarball: sorted entries, fixed time, no owners, gzip without a timestamp. Streamed
    // from the stage through gzip into the file: a national year's tarball is larger than a file Node reads
    // whole (2 GiB), and is never held in memory.
    // The archive's SHA-256 and size are taken from the bytes as they are written, not by reading the file again.
    const entries = [...digests.keys()].sort().map((p) => `${name}/${p}`);
    mkdirSync(outDir, { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    try {
      await pipeline(
        tar.create({ cwd: join(tmp, 'stage'), portable: true, mtime: new Date(0), noDirRecurse: true }, entries),
        createGzip({ level: 9 }),
        async function* (gzipped: AsyncIterable<Buffer>) {
          for await (const chunk of gzipped) {
            hash.update(chunk);
            size += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(out),
      );
    } catch (error) {
      throw new Failure(`${out}: error: cannot be written: ${reasonOf(error)}`);
    }
    const digest = hash.digest('hex');
    if (record) {
      // Published outside the archive: `--verify` checks an archive against this, not against itself.
      const list = join(root, publishedList);
      writeFileOrFail(list, recordDigest(existsSync(list) ? readFileSync(list, 'utf8') : '', `${name}.tar.gz`, digest));
    }
    process.stdout.write(`snapshot: ${out} (${digests.size} files, ${size} bytes, sha256 ${digest})${record ? `; recorded in ${join(root, publishedList)}` : ''}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    interruptible.tmp = undefined;
  }
}

/** Where the expected digest of an archive comes from. */
type Expected = { sha256: string } | { sums: string };

/** Returns the published SHA-256 of the archive, from `--sha256` or from the published list, or fails saying how to give it. */
function expectedDigest(archive: string, expected: Expected | undefined): string {
  if (expected !== undefined && 'sha256' in expected) {
    if (!/^[0-9a-f]{64}$/iu.test(expected.sha256)) throw new Failure(`snapshot --verify: error: --sha256 needs 64 hex digits, not ${expected.sha256}`, 2);
    return expected.sha256.toLowerCase();
  }
  const list = expected?.sums ?? join(contentDir(), publishedList);
  if (!existsSync(list)) {
    throw new Failure(`${archive}: error: no published SHA-256 to check it against (${list} does not exist); pass --sha256 HEX from where the snapshot was published`);
  }
  const read = readChecksums(readFileSync(list, 'utf8'));
  if (!read.ok) throw new Failure(`${list}:${read.line}: error: malformed checksum line`);
  const digest = read.sums.get(basename(archive));
  if (digest === undefined) throw new Failure(`${archive}: error: ${list} publishes no SHA-256 for ${basename(archive)}; pass --sha256 HEX`);
  return digest;
}

function verifySnapshot(archive: string, expected: Expected | undefined): void {
  if (!existsSync(archive)) throw new Failure(`${archive}: error: no such file`);
  if (!statSync(archive).isFile()) throw new Failure(`${archive}: error: not a file`);
  // A gzip file starts with 1f 8b: anything else is refused before reading it whole (it may be gigabytes).
  const head = Buffer.alloc(2);
  const fd = openSync(archive, 'r');
  const got = readSync(fd, head, 0, 2, 0);
  closeSync(fd);
  if (got < 2 || head[0] !== 0x1f || head[1] !== 0x8b) throw new Failure(`${archive}: error: not a tar.gz archive (it does not start like a gzip file)`);
  // 1. The archive is the one published: its own SHA256SUMS cannot vouch for it, a forger edits that too.
  const published = expectedDigest(archive, expected);
  const actual = hashFile(archive);
  if (actual !== published) throw new Failure(`${archive}: error: its SHA-256 ${actual} is not the published ${published}: not the published archive`);
  // 2. Its files against its SHA256SUMS (a damaged copy, a broken tar).
  const tmp = mkdtempSync(join(tmpdir(), 'minsheng-verify-'));
  try {
    try {
      tar.x({ sync: true, file: archive, cwd: tmp, strict: true });
    } catch (error) {
      throw new Failure(`${archive}: error: not a readable tar.gz archive (${reasonOf(error)})`);
    }
    const tops = readdirSync(tmp);
    const top = tops[0];
    if (tops.length !== 1 || !top) throw new Failure(`${archive}: error: expected one top folder, found ${tops.length}`);
    const base = join(tmp, top);
    const hashes = new Map(filesBelow(base).map((f) => [f, hashFile(join(base, f))] as const));
    if (!hashes.has(manifestName)) throw new Failure(`${archive}: error: no ${manifestName} in the archive`);
    const read = readChecksums(readFileSync(join(base, manifestName), 'utf8'));
    if (!read.ok) throw new Failure(`${archive}: ${top}/${manifestName}:${read.line}: error: malformed checksum line`);
    if (!hashes.has('snapshot.json')) throw new Failure(`${archive}: error: no snapshot.json in the archive`);
    const result = verify(read.sums, hashes, manifestName);
    const problems = [
      ...result.changed.map((p) => `  changed: ${top}/${p}`),
      ...result.missing.map((p) => `  missing: ${top}/${p}`),
      ...result.extra.map((p) => `  not in ${manifestName}: ${top}/${p}`),
    ];
    if (problems.length > 0) throw new Failure(`${archive}: error: ${problems.length} file(s) do not match ${manifestName}\n${problems.join('\n')}`);
    process.stdout.write(`snapshot --verify: ${archive}: the published SHA-256, and all ${read.sums.size} files match ${manifestName}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const usage = 'usage: npm run snapshot -- <year>|--all [--out DIR] [--record] | --verify <archive.tar.gz> [--sha256 HEX | --sums FILE]';
await runCli(async () => {
  const { values, positionals } = parseCommandLine({
    usage,
    options: {
      verify: { type: 'string' },
      sha256: { type: 'string' },
      sums: { type: 'string' },
      all: { type: 'boolean' },
      out: { type: 'string' },
      record: { type: 'boolean' },
    },
    positionals: { min: 0, max: 1 },
  });
  if (values.verify !== undefined) {
    if (positionals.length > 0 || values.all) throw new Failure(usage, 2);
    verifySnapshot(values.verify, values.sha256 !== undefined ? { sha256: values.sha256 } : values.sums !== undefined ? { sums: values.sums } : undefined);
    return;
  }
  const outDir = values.out !== undefined ? resolve(values.out) : snapshotDir(process.env, project);
  const record = values.record === true;
  if (values.all) {
    if (positionals.length > 0) throw new Failure(usage, 2);
    const notices = join(contentDir(), noticesDir);
    const years = existsSync(notices)
      ? readdirSync(notices)
          .filter((y) => /^\d{4}$/u.test(y))
          .sort()
      : [];
    for (const y of years) await createSnapshot(y, outDir, record, true);
    return;
  }
  const year = positionals[0];
  if (year === undefined) throw new Failure(usage, 2);
  await createSnapshot(year, outDir, record);
});
