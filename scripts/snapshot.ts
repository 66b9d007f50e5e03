/**
 * `npm run snapshot -- <year> [--out DIR]`: a self-contained, checksummed
 * archive of one year: the site built from that year's notices only (links
 * made relative, so it serves from any path prefix), the source notices and
 * their metadata, `snapshot.json` (inputs' hashes, tool versions, the notices'
 * dates) and `SHA256SUMS`. Deterministic: the same commit gives the same bytes.
 *
 * `npm run snapshot -- --all [--out DIR]`: every year of the content, into
 * DIR (default `snapshots/`, `MINSHENG_SNAPSHOT_DIR`), where `npm run build`
 * publishes them on `/archive/`. A year whose archive is already there for
 * the same commit, content and code is kept, not built again.
 *
 * A snapshot's pages say they are an archived copy (存档版本, the capture
 * date, a link to the live page): the build is told the live site's address
 * and the capture date, which is the commit's date (`git log -1 --format=%cs`),
 * never the clock; without git, `SOURCE_DATE_EPOCH` when set, else none.
 *
 * `npm run snapshot -- --verify <archive.tar.gz>`: checks every file against
 * `SHA256SUMS`; exits non-zero naming what does not match.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar';
import { archiveVariables, contentDir, siteUrl, snapshotDir } from '../src/lib/config.ts';
import { checksums, readChecksums, sha256, verify } from '../src/lib/snapshot/manifest.ts';
import { relativizeHtml } from '../src/lib/snapshot/relative.ts';
import { filesBelow, treeHash } from '../src/lib/snapshot/published.ts';
import { fail } from './cli.ts';

const manifestName = 'SHA256SUMS';
const project = resolve(import.meta.dirname, '..');

/** Returns the version of an installed package. */
function versionOf(name: string): string {
  const pkg = JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
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

function createSnapshot(year: string, outDir: string, reuse = false): void {
  if (!/^\d{4}$/u.test(year)) fail(`usage: npm run snapshot -- <year> [--out DIR]  (not a year: ${year})`, 2);
  const root = contentDir();
  const notices = join(root, 'notices', year);
  if (!existsSync(notices)) fail(`${notices}: error: no notices for ${year}`);
  const tmp = mkdtempSync(join(tmpdir(), `minsheng-snapshot-${year}-`));
  try {
    // 1. A corpus of this year alone: a later year can never change this snapshot.
    const corpus = join(tmp, 'corpus');
    cpSync(notices, join(corpus, 'notices', year), { recursive: true });
    if (existsSync(join(root, 'commitments', year))) cpSync(join(root, 'commitments', year), join(corpus, 'commitments', year), { recursive: true });

    // 2. Build it.
    const site = join(tmp, 'site');
    const { commit, captured } = capture();
    const address = siteUrl();
    const inputs = {
      contentSha256: treeHash(corpus, filesBelow(corpus)),
      codeSha256: treeHash(project, ['package.json', 'package-lock.json', 'astro.config.mjs', 'tsconfig.json', ...['src', 'scripts', 'public'].flatMap((d) => filesBelow(join(project, d)).map((f) => `${d}/${f}`))]),
    };
    const name = `minsheng-${year}`;
    const out = join(outDir, `${name}.tar.gz`);
    const old = reuse ? metaOf(out) : undefined;
    if (old && old.commit === commit && old.site === address && JSON.stringify(old.inputs) === JSON.stringify(inputs)) {
      process.stdout.write(`snapshot: ${out} is current (commit ${commit ?? 'unknown'}), kept\n`);
      return;
    }
    const env = {
      ...process.env,
      MINSHENG_CONTENT_DIR: corpus,
      BASE_PATH: '/',
      [archiveVariables.site]: address,
      [archiveVariables.captured]: captured ?? '',
    };
    const build = spawnSync(process.execPath, [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', site], { cwd: project, env, encoding: 'utf8' });
    if (build.status !== 0) fail(`snapshot: the build failed:\n${(build.stderr || build.stdout).split('\n').slice(-15).join('\n')}`);
    const indexer = join(project, 'scripts', 'search-index.ts');
    if (existsSync(indexer)) {
      const index = spawnSync(process.execPath, [indexer, site], { cwd: project, env, encoding: 'utf8' });
      if (index.status !== 0) fail(`snapshot: the search index failed:\n${index.stderr}`);
    }

    // 3. Stage the archive's files.
    const stage = join(tmp, 'stage', name);
    const files = new Map<string, Uint8Array>();
    for (const f of filesBelow(site)) {
      const bytes = readFileSync(join(site, f));
      files.set(`site/${f}`, f.endsWith('.html') ? Buffer.from(relativizeHtml(bytes.toString('utf8'), f)) : bytes);
    }
    const sources = filesBelow(notices).filter((f) => /\.(txt|yaml)$/u.test(f) && !f.endsWith('.units.yaml'));
    for (const f of sources) files.set(`sources/${f}`, readFileSync(join(notices, f)));
    const noticeEntries = filesBelow(notices).filter((f) => f.endsWith('.md'));
    const meta = {
      format: 1,
      year: Number(year),
      commit,
      site: address,
      captured,
      capturedFrom: captured === null ? 'unknown' : commit !== null ? 'the commit date' : 'SOURCE_DATE_EPOCH',
      notices: noticeEntries.map((f) => {
        const text = readFileSync(join(notices, f), 'utf8');
        const field = (key: string): string | null => new RegExp(`^${key}: "?([^"\\n]*)"?$`, 'mu').exec(text)?.[1] ?? null;
        return { slug: f.replace(/\.md$/u, ''), districtFull: field('districtFull'), date: field('date'), sourceSha256: field('sourceSha256') };
      }),
      inputs,
      tools: { node: process.version, astro: versionOf('astro'), pagefind: versionOf('pagefind'), chartjs: versionOf('chart.js') },
      serve: 'site/ is a static site with relative links: serve it from any path, e.g. /archive/2023/.',
    };
    files.set('snapshot.json', Buffer.from(`${JSON.stringify(meta, null, 2)}\n`));
    files.set(manifestName, Buffer.from(checksums(files)));
    for (const [path, bytes] of files) {
      mkdirSync(dirname(join(stage, path)), { recursive: true });
      writeFileSync(join(stage, path), bytes);
      chmodSync(join(stage, path), 0o644);
    }

    // 4. A deterministic tarball: sorted entries, fixed time, no owners, gzip without a timestamp.
    const tarFile = join(tmp, `${name}.tar`);
    tar.create({ sync: true, file: tarFile, cwd: join(tmp, 'stage'), portable: true, mtime: new Date(0), noDirRecurse: true }, [...files.keys()].sort().map((p) => `${name}/${p}`));
    mkdirSync(outDir, { recursive: true });
    const gz = gzipSync(readFileSync(tarFile), { level: 9 });
    writeFileSync(out, gz);
    process.stdout.write(`snapshot: ${out} (${files.size} files, ${gz.length} bytes, sha256 ${sha256(gz)})\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function verifySnapshot(archive: string): void {
  if (!existsSync(archive)) fail(`${archive}: error: no such file`);
  const tmp = mkdtempSync(join(tmpdir(), 'minsheng-verify-'));
  try {
    try {
      tar.x({ sync: true, file: archive, cwd: tmp, strict: true });
    } catch (error) {
      fail(`${archive}: error: not a readable tar.gz archive (${error instanceof Error ? error.message : String(error)})`);
    }
    const tops = readdirSync(tmp);
    const top = tops[0];
    if (tops.length !== 1 || !top) fail(`${archive}: error: expected one top folder, found ${tops.length}`);
    const base = join(tmp, top);
    const files = new Map(filesBelow(base).map((f) => [f, readFileSync(join(base, f))] as const));
    const manifest = files.get(manifestName);
    if (!manifest) fail(`${archive}: error: no ${manifestName} in the archive`);
    const read = readChecksums(manifest.toString('utf8'));
    if (!read.ok) fail(`${archive}: ${top}/${manifestName}:${read.line}: error: malformed checksum line`);
    if (!files.has('snapshot.json')) fail(`${archive}: error: no snapshot.json in the archive`);
    const result = verify(read.sums, files, manifestName);
    const problems = [
      ...result.changed.map((p) => `  changed: ${top}/${p}`),
      ...result.missing.map((p) => `  missing: ${top}/${p}`),
      ...result.extra.map((p) => `  not in ${manifestName}: ${top}/${p}`),
    ];
    if (problems.length > 0) fail(`${archive}: error: ${problems.length} file(s) do not match ${manifestName}\n${problems.join('\n')}`);
    process.stdout.write(`snapshot --verify: ${archive}: all ${read.sums.size} files match ${manifestName}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args[0] === '--verify') {
  if (!args[1]) fail('usage: npm run snapshot -- --verify <archive.tar.gz>', 2);
  verifySnapshot(args[1]);
} else {
  const outAt = args.indexOf('--out');
  const outDir = outAt >= 0 && args[outAt + 1] ? resolve(args[outAt + 1] ?? '') : snapshotDir(process.env, project);
  const year = args[0];
  if (year === '--all') {
    const notices = join(contentDir(), 'notices');
    const years = existsSync(notices) ? readdirSync(notices).filter((y) => /^\d{4}$/u.test(y)).sort() : [];
    for (const y of years) createSnapshot(y, outDir, true);
  } else {
    if (!year || year.startsWith('-')) fail('usage: npm run snapshot -- <year> [--out DIR] | --all [--out DIR] | --verify <archive.tar.gz>', 2);
    createSnapshot(year, outDir);
  }
}
