/**
 * `npm run snapshot -- <year> [--out DIR]`: a self-contained, checksummed
 * archive of one year: the site built from that year's notices only (links
 * made relative, so it serves from any path prefix), the source notices and
 * their metadata, `snapshot.json` (inputs' hashes, tool versions, the notices'
 * dates) and `SHA256SUMS`. Deterministic: the same commit gives the same bytes.
 *
 * `npm run snapshot -- --verify <archive.tar.gz>`: checks every file against
 * `SHA256SUMS`; exits non-zero naming what does not match.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar';
import YAML from 'yaml';
import { contentDir } from '../src/lib/config.ts';
import type { Correction } from '../src/lib/schema.ts';
import { readCorrections } from '../src/lib/site/permanence.ts';
import { checksums, readChecksums, sha256, verify } from '../src/lib/snapshot/manifest.ts';
import { relativizeHtml } from '../src/lib/snapshot/relative.ts';
import { fail } from './cli.ts';

const manifestName = 'SHA256SUMS';
const project = resolve(import.meta.dirname, '..');

/** Returns every file below `dir`, relative, `/`-separated, sorted. */
function filesBelow(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

/** Returns the version of an installed package. */
function versionOf(name: string): string {
  const pkg = JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Returns one hash over files (path and bytes), for the inputs of the build. */
function treeHash(base: string, paths: readonly string[]): string {
  return sha256(paths.map((p) => `${p}\0${sha256(readFileSync(join(base, p)))}\n`).join(''));
}

function createSnapshot(year: string, outDir: string): void {
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
    // The year's corrections, so its commitment pages say what changed and when.
    const correctionsFile = join(root, 'corrections.yaml');
    let corrections: Correction[] = [];
    try {
      corrections = readCorrections(existsSync(correctionsFile) ? readFileSync(correctionsFile, 'utf8') : undefined).filter((c) => c.url.startsWith(`/${year}/`));
    } catch (error) {
      fail(`${correctionsFile}: error: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (corrections.length > 0) writeFileSync(join(corpus, 'corrections.yaml'), YAML.stringify({ corrections }));

    // 2. Build it.
    const site = join(tmp, 'site');
    const env = { ...process.env, MINSHENG_CONTENT_DIR: corpus, BASE_PATH: '/' };
    const build = spawnSync(join(project, 'node_modules', '.bin', 'astro'), ['build', '--outDir', site], { cwd: project, env, encoding: 'utf8' });
    if (build.status !== 0) fail(`snapshot: the build failed:\n${(build.stderr || build.stdout).split('\n').slice(-15).join('\n')}`);
    const indexer = join(project, 'scripts', 'search-index.ts');
    if (existsSync(indexer)) {
      const index = spawnSync(process.execPath, [indexer, site], { cwd: project, env, encoding: 'utf8' });
      if (index.status !== 0) fail(`snapshot: the search index failed:\n${index.stderr}`);
    }

    // 3. Stage the archive's files.
    const name = `minsheng-${year}`;
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
      notices: noticeEntries.map((f) => {
        const text = readFileSync(join(notices, f), 'utf8');
        const field = (key: string): string | null => new RegExp(`^${key}: "?([^"\\n]*)"?$`, 'mu').exec(text)?.[1] ?? null;
        return { slug: f.replace(/\.md$/u, ''), districtFull: field('districtFull'), date: field('date'), sourceSha256: field('sourceSha256') };
      }),
      inputs: {
        contentSha256: treeHash(corpus, filesBelow(corpus)),
        codeSha256: treeHash(project, ['package.json', 'package-lock.json', 'astro.config.mjs', 'tsconfig.json', ...['src', 'scripts', 'public'].flatMap((d) => filesBelow(join(project, d)).map((f) => `${d}/${f}`))]),
      },
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
    const out = join(outDir, `${name}.tar.gz`);
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
  const year = args[0];
  if (!year || year.startsWith('-')) fail('usage: npm run snapshot -- <year> [--out DIR] | --verify <archive.tar.gz>', 2);
  createSnapshot(year, outAt >= 0 && args[outAt + 1] ? resolve(args[outAt + 1] ?? '') : join(project, 'snapshots'));
}
