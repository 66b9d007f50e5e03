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
 * `--incremental [--cache DIR]` (`npm run build -- --incremental` passes it):
 * the year's site is built by `build-shards.ts --incremental`, which builds
 * again only the districts whose content changed since that year's last
 * snapshot (their pages kept in `DIR/<year>/`, default
 * `node_modules/.cache/minsheng-snapshot-build/`, apart from the live build's
 * cache) and gives the same bytes as one `astro build`.
 *
 * `--live-site DIR --live-index DIR` (`npm run build` passes them): when the
 * content is the year's corpus and nothing more (one year, as a new site's
 * content is), the live site is the year's site: it is built in DIR and left
 * there for the build to publish, its search index made in the other folder.
 * With `--incremental`, `--reuse-site DIR --reuse-index DIR` name the live
 * site and index a build replaced: the site and index are built into them
 * again (`build-shards.ts --reuse`, `search-index.ts --reuse`), the files still
 * the cached ones left in place.
 *
 * With `--incremental`, the archive's gzip members whose files did not change
 * since the year's last archive (still in DIR, unchanged) are copied from it
 * rather than made again (`tools/snapshot/member-cache.ts`, the index in
 * `DIR/<year>/archive-members.json`): the same bytes, in a fraction of the time.
 * `--piece-every N` sets where members are cut (about one file in N, default
 * 128; `archivePiece`): the archive's bytes depend on it.
 *
 * A snapshot's pages say they are an archived copy (存档版本, the year kept, a
 * link to the live page; `tools/snapshot/banner.ts`), added to each page as the
 * archive is written, so the pages built are the live site's. The banner says
 * nothing that changes between captures: a page's own date is in its footer
 * (the pages are dated from the history of the year's corpus in the content's
 * git history), the capture date in `snapshot.json` — the commit's date (`git
 * log -1 --format=%cs`), never the clock; without git, `SOURCE_DATE_EPOCH` when
 * set, else none.
 *
 * How a year is made, at any scale (a national year is 150,000 pages, 3 GB):
 * `astro build` (or the sharded build) and the search index (`search-index.ts --content`, made from
 * the year's content rather than the built pages, as `npm run build` does) run
 * at the same time as two child processes, their output in log files; the first
 * to fail stops the other. The index is moved into the built site. Then the
 * archive is written in one pass, straight from the built site: its files are cut
 * into pieces (`archivePiece`), each made a gzip member by one of the worker threads,
 * one per core (`tools/snapshot/archive-workers.ts`: each file read, a page given its
 * banner and made relative in memory, hashed for `SHA256SUMS`, written as tar
 * entries and gzipped), and the members written in order; nothing is copied or
 * written back to disk but the archive, and memory holds only the pieces being
 * made. The archive's entries, in a deterministic order:
 * `snapshot.json` (first: whether an archive is current, and how many files it holds, is read from its first bytes), the site's
 * files, the sources, then `SHA256SUMS` (last: it needs every digest); each a plain file, mode 644,
 * mtime 0, no owner, no folder entries.
 * The year's built site is then removed by a process of its own, not waited
 * for (at national scale, unlinking it takes minutes).
 *
 * Every failure is one line, and the temporary folder is removed whatever
 * happens (on a failure or an interruption at once, the children stopped first).
 */
import { spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { archiveVariables, basePath, contentDir, siteUrl, snapshotDir } from '../src/lib/config.ts';
import { NoticeEntry } from '../src/lib/schema.ts';
import { checksumsOfDigests, readChecksums, recordDigest, verify } from '../tools/snapshot/manifest.ts';
import { frontMatterEntry } from '../src/lib/content/loader.ts';
import { correctionsPath, isNoticeSource, noticesDir, noticesFolder, snapshotsListPath, yearFolders } from '../src/lib/content/paths.ts';
import { fileFacts, filesBelow, fileStamp } from '../src/lib/files.ts';
import { holdsOnlyYear, isCurrentSnapshot, snapshotFormat, treeHash, yearContentHash, yearCorrections, yearCorrectionsText } from '../src/lib/snapshot/published.ts';
import { contentHistoryVariable, historyLogArgs, parseHistory, sameHistory, yearHistoryLog } from '../src/lib/site/history.ts';
import { hashEntries, readFirstJson, tarBytes, writeMembers } from '../tools/snapshot/tarball.ts';
import type { ArchiveEntries, Written } from '../tools/snapshot/tarball.ts';
import { membersInWorkers, pieces } from '../tools/snapshot/archive-workers.ts';
import type { ArchiveMember, ArchiveSource, PieceSize } from '../tools/snapshot/archive-workers.ts';
import type { ArchiveCopy } from '../tools/snapshot/banner.ts';
import { indexMembers, KeptArchive, memberContext, pieceKey, readMemberIndex, writeMemberIndex } from '../tools/snapshot/member-cache.ts';
import { codeKey } from './lib/code-key.ts';
import { Failure, onInterrupt, reasonOf, runCli, writeFileOrFail } from './cli.ts';
import { astroBuildEnv, removeInBackground, runBeside, StepFailed, shareDigestCache } from './lib/children.ts';
import { linkTree } from './lib/links.ts';
import type { LoggedStep } from './lib/children.ts';
import { parseCommandLine } from './lib/args.ts';

const manifestName = 'SHA256SUMS';
/**
 * The archive's gzip level: zlib's default. At 1,500 notices (1.9 GB of tar) level 9 made the archive
 * 1.0 % smaller (153.3 MB against 154.8 MB) for half as much again gzip CPU (25.8 s against 17.2 s) and
 * a capture pass 10 s longer; archives are downloaded rarely, built on every build that changes them.
 */
const gzipLevel = 6;
/**
 * Where the archive's gzip members are cut (`pieces`): before about one file in 128, chosen by name,
 * so that the cuts stay put when a notice is added and the other members can be kept (`member-cache.ts`);
 * and at 512 files or 8 MiB, a larger file alone. A national year's 270,000 files make about 2,000
 * members: small enough to keep both cores busy to the end, large enough that starting each member
 * afresh costs the archive little.
 */
const archivePiece: PieceSize = { every: 128, bytes: 8 * 1024 * 1024, files: 512 };

/** Returns an archive file's name in the archive (what its piece is cut by). */
const nameOf = (source: ArchiveSource): string => source.name;
/** The file, in a year's `--incremental` cache, that says what each member of the year's last archive holds and where. */
const memberIndexFile = 'archive-members.json';
/** The published list of snapshot digests, in the content directory (outside every archive). */
const publishedList = snapshotsListPath;
const project = resolve(import.meta.dirname, '..');
shareDigestCache(project);
/** Where `--incremental` keeps the years' built districts between snapshots (`--cache`), apart from the live build's. */
const defaultCache = join(project, 'node_modules', '.cache', 'minsheng-snapshot-build');

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

/** Returns the content's history as the pages read it (`historyLogArgs`, run in `root`), or none without git. */
function contentLog(root: string): string {
  const r = spawnSync('git', [...historyLogArgs], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 30 });
  return r.status === 0 ? r.stdout : '';
}

/** What an interrupted snapshot stops and removes: the children running now and the folders it is writing. */
const interruptible: { children: Set<ChildProcess>; folders: string[] } = { children: new Set(), folders: [] };
onInterrupt((signal) => {
  for (const child of interruptible.children) child.kill(signal);
  for (const folder of interruptible.folders) rmSync(folder, { recursive: true, force: true });
  process.stderr.write(`snapshot: interrupted (${signal})\n`);
});

/**
 * Where `npm run build` takes the live site from when it is the year's (`--live-site DIR --live-index DIR`):
 * the folder the year's site is built in and left (its search index in `pagefind/`), and the folder its
 * index is made in first, both beside the build's output (the same file system).
 */
interface LiveSite {
  site: string;
  index: string;
  /** The live site and index a build replaced, to build into again (with `--incremental`; consumed). */
  reuse?: { site: string; index: string };
}

/** How a year is captured. */
interface CaptureOptions {
  /** Record the archive's digest in the published list. */
  record: boolean;
  /** Keep an archive that is current. */
  reuse: boolean;
  /** Build the year's site with `build-shards.ts --incremental`, its pages kept in `<cache>/<year>/`. */
  incremental?: { cache: string };
  /** When the live site is the year's site, build it there and leave it. */
  live?: LiveSite;
  /** Where the archive's members are cut. */
  cut: PieceSize;
}

/**
 * Makes the archive of a year. `incremental`: its site built by `build-shards.ts --incremental` (only the
 * districts changed since the year's last snapshot), its pages kept in `<cache>/<year>/`: the sharded
 * build drops from its cache the districts its content no longer holds, here the other years'.
 * `live`: when the live site is this year's site — the content is this year's corpus and nothing more
 * (`holdsOnlyYear`), its history is the year's, the base path is the root, as the snapshot's build has
 * them — the site is built in `live.site` and left there: `npm run build` publishes it, rather than
 * build the same pages again. The pages are the same bytes: what marks an archived page is added as the
 * archive is written, never built into the page.
 */
async function createSnapshot(year: string, outDir: string, { record, reuse, incremental, live, cut }: CaptureOptions): Promise<void> {
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
  const old = reuse ? await readFirstJson(out, 'snapshot.json') : undefined;
  if (old && isCurrentSnapshot(old, { site: address, contentSha256 })) {
    process.stdout.write(`snapshot: ${out} is current (the year's content is the same; captured ${String(old.captured ?? 'on an unknown date')}), kept\n`);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), `minsheng-snapshot-${year}-`));
  // The content's history, and the part of it the year's pages are dated from (the corpus is outside git).
  const fullLog = contentLog(root);
  const yearLog = yearHistoryLog(fullLog, year);
  let isLive = false;
  if (live) {
    try {
      isLive = holdsOnlyYear(root, year) && basePath() === '/' && sameHistory(parseHistory(fullLog), parseHistory(yearLog));
    } catch {
      // A malformed redirects file: the live build says so.
    }
  }
  const site = isLive && live ? live.site : join(tmp, 'site');
  const index = isLive && live ? live.index : join(tmp, 'pagefind');
  interruptible.folders = isLive ? [tmp, site, index] : [tmp];
  /** Whether the archive was written: the temporary folder is then removed in the background. */
  let made = false;
  try {
    // 1. A corpus of this year alone: a later year can never change this snapshot. Its notices, commitments
    // and progress reports (`yearFolders`), its corrections (so its commitment pages say what changed and
    // when) and their history. When the content is that corpus already (`isLive`: the year's folders, its
    // corrections alone, no redirect), the year is built from it where it is, as the live site would be.
    const corpus = isLive ? root : join(tmp, 'corpus');
    if (!isLive) {
      // Hard links, not copies: a national year is 100,000 files, only read by the build.
      for (const folder of yearFolders(year)) if (existsSync(join(root, folder))) linkTree(join(root, folder), join(corpus, folder));
      if (corrections !== undefined) writeFileSync(join(corpus, correctionsPath), corrections);
    }
    const history = join(tmp, 'history.log');
    /** Where the sharded build lists the site's files (`build-shards.ts --list`). */
    const siteList = join(tmp, 'site-files');
    writeFileSync(history, yearLog);

    // 2. Build it.
    rmSync(site, { recursive: true, force: true });
    rmSync(index, { recursive: true, force: true });
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
      ...astroBuildEnv,
      MINSHENG_CONTENT_DIR: corpus,
      [contentHistoryVariable]: history,
      BASE_PATH: '/',
      [archiveVariables.site]: address,
    };
    // The search index is made from the corpus, not the built pages, so it is written beside the build,
    // on the core Astro's single-threaded rendering leaves idle, into a folder of its own (as `npm run build` does).
    // With --incremental, the sharded build rebuilds only the districts whose content changed since the
    // year's last snapshot (their pages kept in a cache of the year's own), giving the same bytes.
    const build: LoggedStep = {
      args: incremental
        ? [
            join(project, 'scripts', 'build-shards.ts'),
            ...['--out', site, '--incremental', '--cache', join(incremental.cache, year), '--jobs', String(Math.min(2, cpus().length)), '--list', siteList],
            ...(isLive && live?.reuse ? ['--reuse', live.reuse.site] : []),
          ]
        : [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', site],
      log: join(tmp, 'build.log'),
      failure: (last) => `the build failed: ${last}`,
    };
    const indexing: LoggedStep = {
      args: [join(project, 'scripts', 'search-index.ts'), '--content', '--out', index, ...(incremental && isLive && live?.reuse ? ['--reuse', live.reuse.index] : [])],
      log: join(tmp, 'index.log'),
      failure: (last) => `the search index failed: ${last}`,
      // The year-wide build beside it takes longest: the index, which reindexes a part or two, yields to it.
      yields: true,
    };
    const started = performance.now();
    try {
      await runBeside([build, indexing], { cwd: project, env, running: interruptible.children });
    } catch (error) {
      throw error instanceof StepFailed ? new Failure(`snapshot: error: ${error.message}`) : error;
    }
    rmSync(join(site, 'pagefind'), { recursive: true, force: true });
    renameSync(index, join(site, 'pagefind'));
    const built = performance.now();

    // 3. The archive, in one pass over the built site (a national year's is 150,000 files, gigabytes), on
    // both cores: each file read, a page given its banner and made relative in memory, hashed for
    // SHA256SUMS and written as a tar entry into its piece's gzip member; nothing is written back to disk
    // but the archive.
    const noticeFiles = filesBelow(notices);
    const noticeEntries = noticeFiles.filter((f) => f.endsWith('.md'));
    const sourceFiles = noticeFiles.filter(isNoticeSource);
    // The site's files: the sharded build listed its own (no walk of its 160,000 folders); the index's are walked.
    const siteFiles = incremental
      ? [
          ...readFileSync(siteList, 'utf8')
            .split('\n')
            .filter((f) => f !== '' && !f.startsWith('pagefind/')),
          ...filesBelow(join(site, 'pagefind')).map((f) => `pagefind/${f}`),
        ].sort()
      : filesBelow(site);
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
      // Every file of the archive: this one, the site, the sources and SHA256SUMS (the archive page says it, read from here).
      files: 1 + siteFiles.length + sourceFiles.length + 1,
    };
    /** What every archived page says of itself (`withArchiveBanner`). */
    const copy: ArchiveCopy = { site: address, year: Number(year) };
    /** Each file's SHA-256, by its path in the archive: all SHA256SUMS needs, never the bytes. */
    const digests = new Map<string, string>();
    /** Each archive file's size and stamp, by its path: one `stat` each, for its piece (`sizeOnDisk`) and its piece's key. */
    const facts = new Map<string, { size: number; stamp: string }>();
    const factsOf = (file: string): { size: number; stamp: string } => {
      const known = facts.get(file);
      if (known) return known;
      const found = fileFacts(file);
      facts.set(file, found);
      return found;
    };
    /** Returns the size of an archive file (what its piece is cut by): on disk, or of the bytes given. */
    const sizeOnDisk = (source: ArchiveSource): number => ('file' in source.from ? factsOf(source.from.file).size : source.from.bytes.length);
    /**
     * The archive's files in its order, cut into the pieces its gzip members are made of (on both cores,
     * `membersInWorkers`): snapshot.json alone first (read alone by `readFirstJson`), the site, the
     * sources; then SHA256SUMS (it needs every digest) and the end of the archive, made here.
     */
    const files: ArchiveSource[][] = [
      [{ name: 'snapshot.json', from: { bytes: Buffer.from(`${JSON.stringify(meta, null, 2)}\n`) } }],
      ...pieces(
        siteFiles.map((f): ArchiveSource => ({ name: `site/${f}`, from: { file: join(site, f) }, site: f })),
        nameOf,
        sizeOnDisk,
        cut,
      ),
      ...pieces(
        sourceFiles.map((f): ArchiveSource => ({ name: `sources/${f}`, from: { file: join(notices, f) } })),
        nameOf,
        sizeOnDisk,
        cut,
      ),
    ];
    const memberOptions = { prefix: `${name}/`, level: gzipLevel, copy };
    // With --incremental, the members of the year's last archive whose files did not change are copied
    // from it, not made again: each piece's key is its files' names and stamps (`member-cache.ts`).
    const indexFile = incremental ? join(incremental.cache, year, memberIndexFile) : undefined;
    const context = indexFile === undefined ? '' : memberContext({ ...memberOptions, code: codeKey(project, ['tools/snapshot/archive-workers.ts']) });
    const keys = files.map((piece) => (indexFile === undefined ? '' : pieceKey(context, piece, (file) => factsOf(file).stamp)));
    const kept = new KeptArchive(out, indexFile === undefined ? undefined : readMemberIndex(indexFile));
    const toMake = files.filter((_, i) => !kept.has(keys[i] ?? ''));
    /** Each member's key, length and digests, in order: the index of the archive written. */
    const written: { key: string; length: number; digests: [string, string][] }[] = [];
    async function* members(): AsyncGenerator<Uint8Array> {
      const made = membersInWorkers(toMake, { ...memberOptions, jobs: Math.max(1, cpus().length) });
      try {
        for (const [i, key] of keys.entries()) {
          let member: ArchiveMember | undefined;
          if (kept.has(key)) {
            member = kept.member(key);
            if (!member) throw new Error(`${out}: the archive the members are kept from changed while it was read`);
          } else member = (await made.next()).value ?? undefined;
          if (!member) throw new Error(`piece ${i}: no member was made`);
          for (const [path, digest] of member.digests) digests.set(path, digest);
          written.push({ key, length: member.gz.length, digests: member.digests });
          yield member.gz;
        }
      } finally {
        // The workers stop however the writing ends.
        await made.return(undefined);
      }
      const sums = { path: `${name}/${manifestName}`, bytes: Buffer.from(checksumsOfDigests(digests)) };
      yield gzipSync(await tarBytes([sums]), { level: gzipLevel });
    }
    mkdirSync(outDir, { recursive: true });
    let archive: Written;
    try {
      archive = await writeMembers(out, members());
    } catch (error) {
      throw new Failure(`${out}: error: cannot be written: ${reasonOf(error)}`);
    } finally {
      kept.close();
    }
    if (indexFile !== undefined) writeMemberIndex(indexFile, indexMembers(out, fileStamp(out), written));
    const reused = files.length - toMake.length;
    const digest = archive.sha256;
    made = true;
    if (record) {
      // Published outside the archive: `--verify` checks an archive against this, not against itself.
      const list = join(root, publishedList);
      writeFileOrFail(list, recordDigest(existsSync(list) ? readFileSync(list, 'utf8') : '', `${name}.tar.gz`, digest));
    }
    const seconds = (from: number, to: number): string => `${((to - from) / 1000).toFixed(1)} s`;
    process.stdout.write(
      `snapshot: ${out} (${digests.size + 1} files, ${archive.size} bytes, sha256 ${digest}; site and index ${seconds(started, built)}, archive ${seconds(built, performance.now())}${indexFile === undefined ? '' : `, ${reused} of ${files.length} members kept`})${record ? `; recorded in ${join(root, publishedList)}` : ''}\n`,
    );
    if (isLive) process.stdout.write(`snapshot: the content is ${year}'s alone: its pages are the live site's, left in ${site}\n`);
  } finally {
    interruptible.folders = [];
    // Made: the year's built site (150,000 files at national scale) is removed by a process of its own,
    // as `npm run build` removes its previous output; the archive is already written. Else at once, with
    // the live site's folders.
    if (made) removeInBackground(tmp);
    else for (const folder of isLive ? [tmp, site, index] : [tmp]) rmSync(folder, { recursive: true, force: true });
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

async function verifySnapshot(archive: string, expected: Expected | undefined): Promise<void> {
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
  // 2. Its files against its SHA256SUMS (a damaged copy, a broken tar): every entry hashed as it is read
  // from the archive, nothing unpacked to disk (a national archive holds 150,000 files, gigabytes).
  let entries: ArchiveEntries;
  try {
    entries = await hashEntries(archive, (path) => path.endsWith(`/${manifestName}`) && path.split('/').length === 2);
  } catch (error) {
    throw new Failure(`${archive}: error: not a readable tar.gz archive (${reasonOf(error)})`);
  }
  const tops = [...new Set([...entries.digests.keys()].map((p) => p.split('/')[0] ?? ''))];
  const top = tops[0];
  if (tops.length !== 1 || !top) throw new Failure(`${archive}: error: expected one top folder, found ${tops.length}`);
  if (entries.refused.length > 0)
    throw new Failure(
      `${archive}: error: ${entries.refused.length} entr${entries.refused.length === 1 ? 'y' : 'ies'} a snapshot cannot hold\n${entries.refused.map((r) => `  ${r}`).join('\n')}`,
    );
  const hashes = new Map([...entries.digests].map(([path, digest]) => [path.slice(top.length + 1), digest] as const));
  const manifest = entries.kept.get(`${top}/${manifestName}`);
  if (manifest === undefined) throw new Failure(`${archive}: error: no ${manifestName} in the archive`);
  const read = readChecksums(manifest.toString('utf8'));
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
}

const usage =
  'usage: npm run snapshot -- <year>|--all [--out DIR] [--record] [--incremental [--cache DIR]] [--live-site DIR --live-index DIR [--reuse-site DIR --reuse-index DIR]] [--piece-every N] | --verify <archive.tar.gz> [--sha256 HEX | --sums FILE]';
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
      incremental: { type: 'boolean' },
      cache: { type: 'string' },
      'live-site': { type: 'string' },
      'live-index': { type: 'string' },
      'reuse-site': { type: 'string' },
      'reuse-index': { type: 'string' },
      'piece-every': { type: 'string' },
    },
    positionals: { min: 0, max: 1 },
  });
  if (values.verify !== undefined) {
    if (positionals.length > 0 || values.all || values.incremental || values.cache !== undefined) throw new Failure(usage, 2);
    await verifySnapshot(values.verify, values.sha256 !== undefined ? { sha256: values.sha256 } : values.sums !== undefined ? { sums: values.sums } : undefined);
    return;
  }
  const outDir = values.out !== undefined ? resolve(values.out) : snapshotDir(process.env, project);
  const record = values.record === true;
  if (values.cache !== undefined && !values.incremental) throw new Failure(`${usage}  (--cache goes with --incremental)`, 2);
  const incremental = values.incremental ? { cache: resolve(values.cache ?? defaultCache) } : undefined;
  const liveSite = values['live-site'];
  const liveIndex = values['live-index'];
  if ((liveSite === undefined) !== (liveIndex === undefined)) throw new Failure(`${usage}  (--live-site and --live-index go together)`, 2);
  const reuseSite = values['reuse-site'];
  const reuseIndex = values['reuse-index'];
  if ((reuseSite === undefined) !== (reuseIndex === undefined)) throw new Failure(`${usage}  (--reuse-site and --reuse-index go together)`, 2);
  if (reuseSite !== undefined && (liveSite === undefined || !values.incremental)) throw new Failure(`${usage}  (--reuse-site goes with --live-site and --incremental)`, 2);
  const reuse = reuseSite !== undefined && reuseIndex !== undefined ? { site: resolve(reuseSite), index: resolve(reuseIndex) } : undefined;
  const live = liveSite !== undefined && liveIndex !== undefined ? { site: resolve(liveSite), index: resolve(liveIndex), ...(reuse ? { reuse } : {}) } : undefined;
  const every = values['piece-every'] === undefined ? archivePiece.every : Number(values['piece-every']);
  if (!Number.isInteger(every) || every < 1) throw new Failure(`${usage}  (--piece-every takes a whole number from 1)`, 2);
  const cut: PieceSize = { ...archivePiece, every };
  if (values.all) {
    if (positionals.length > 0) throw new Failure(usage, 2);
    const notices = join(contentDir(), noticesDir);
    const years = existsSync(notices)
      ? readdirSync(notices)
          .filter((y) => /^\d{4}$/u.test(y))
          .sort()
      : [];
    for (const y of years) await createSnapshot(y, outDir, { record, reuse: true, incremental, live, cut });
    return;
  }
  const year = positionals[0];
  if (year === undefined) throw new Failure(usage, 2);
  await createSnapshot(year, outDir, { record, reuse: false, incremental, live, cut });
});
