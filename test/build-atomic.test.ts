/**
 * Atomic builds: `npm run build` (scripts/build.ts) replaces its output only
 * when ingest, `astro build` and the search index all succeeded. A build
 * killed outright at each step leaves the previous output byte for byte; the
 * checks (`npm run urls -- --check`, `npm run check:site`) fail on a build
 * whose search index is missing or half-written; `astro build` refuses
 * half-ingested content.
 *
 * In the `site` project: it runs real builds of a one-notice corpus, and
 * checks a copy of the shared site build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtSite } from './helpers/built-site.ts';
import { fileTree } from './helpers/files.ts';
import { astroBuildEnv } from '../scripts/lib/children.ts';
import { dataStoreFolder, writerOf } from '../src/lib/content/data-store-module.ts';
import { isRunning } from '../src/lib/processes.ts';

const project = join(import.meta.dirname, '..');
const node = join(project, 'node_modules', '.bin', 'node');
const work = mkdtempSync(join(tmpdir(), 'minsheng-atomic-'));
const content = join(work, 'content');
const out = join(work, 'out', 'dist');
// The build's own temporary folder: Node's compile cache, when a child turns it on, goes there (`os.tmpdir()`).
const temp = join(work, 'tmp');
mkdirSync(temp);
/** The yearly snapshots the builds make and publish: this test's own. */
const snapshots = join(work, 'snapshots');
const env = { ...process.env, MINSHENG_CONTENT_DIR: content, MINSHENG_SNAPSHOT_DIR: snapshots, BASE_PATH: '/', TMPDIR: temp };

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the build to its end; returns its exit status and output. */
function build(): { status: number | null; output: string } {
  const run = spawnSync(node, ['scripts/build.ts', '--out', out], { cwd: project, env, encoding: 'utf8', timeout: 300_000 });
  return { status: run.status, output: run.stdout + run.stderr };
}

/**
 * Returns the content data store files `astro build` wrote in the project's Astro cache whose writer is no
 * longer running (`src/lib/content/data-store-module.ts`): a build removes its own when done, the next
 * build those of builds killed outright. Other tests' builds running at the same time keep theirs.
 */
function deadDataStores(): string[] {
  const folder = join(project, 'node_modules', '.astro', dataStoreFolder);
  if (!existsSync(folder)) return [];
  return readdirSync(folder).filter((name) => {
    const pid = writerOf(name);
    return pid !== undefined && !isRunning(pid);
  });
}

/** Polls `ready` every 20 ms for up to two minutes. */
async function until(ready: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** Returns the leftover partial folders beside the output. */
function partials(): string[] {
  return readdirSync(join(work, 'out')).filter((f) => f.startsWith('.dist.partial-'));
}

/** Returns the folders beside the output the search index is being written into (`.dist.search-<pid>`). */
function searchFolders(): string[] {
  return readdirSync(join(work, 'out')).filter((f) => f.startsWith('.dist.search-'));
}

/**
 * Starts a build and kills it outright (SIGKILL to its whole process group, like a power cut) once
 * `when` holds; returns when it has died.
 */
async function killBuild(when: (output: string) => boolean, what: string): Promise<string> {
  const child = spawn(node, ['scripts/build.ts', '--out', out], { cwd: project, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  try {
    await until(() => when(output), what);
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    await exited;
  }
  return output;
}

describe('npm run build (scripts/build.ts)', () => {
  let before = new Map<string, string>();

  beforeAll(() => {
    mkdirSync(join(content, 'notices', '2023'), { recursive: true });
    for (const ext of ['txt', 'yaml', 'units.yaml'])
      cpSync(join(project, 'content', 'notices', '2023', `jinan-shizhong.${ext}`), join(content, 'notices', '2023', `jinan-shizhong.${ext}`));
    const first = build();
    if (first.status !== 0) throw new Error(`the first build failed:\n${first.output}`);
    before = fileTree(out, 'base64');
  }, 300_000);

  test('should build into the output with a whole search index, and leave no partial folder', () => {
    expect([...before.keys()]).toContain('index.html');
    expect([...before.keys()]).toContain('pagefind/complete.json');
    expect([...before.keys()]).toContain('_headers');
    expect(partials()).toEqual([]);
  });

  test('should leave nothing in Node’s compile cache (astro build turns it on; a national build wrote 160 MB there)', () => {
    expect(existsSync(join(temp, 'node-compile-cache'))).toBe(false);
  });

  test('should remove the content data store file it wrote for the pages (81 MB at national scale)', () => {
    expect(deadDataStores()).toEqual([]);
  });

  test.each([
    ['during ingest', (o: string) => o.includes('build: 1/5 ingest')],
    ['during astro build, once it has written pages', (o: string) => o.includes('build: 3/5 astro build') && partials().some((p) => existsSync(join(work, 'out', p, '_astro')))],
    [
      'during the search index, once it has written part of it',
      (o: string) => o.includes('build: 5/5 search index') && searchFolders().some((p) => existsSync(join(work, 'out', p, 'pagefind.js'))),
    ],
  ])(
    'should leave the previous output byte for byte when killed %s',
    async (_when, when) => {
      const output = await killBuild(when, 'the step');
      expect(output).not.toContain('replaced by the new build');
      expect(fileTree(out, 'base64')).toEqual(before);
    },
    300_000,
  );

  test('should leave the previous output when a step fails, and say which step', () => {
    const meta = join(content, 'notices', '2023', 'jinan-shizhong.yaml');
    const good = readFileSync(meta, 'utf8');
    writeFileSync(meta, good.replace(/^sourceUrl: .*$/mu, 'sourceUrl: "javascript:alert(1)"'));
    try {
      const run = build();
      expect(run.status).toBe(1);
      expect(run.output).toMatch(/build: error: step 1\/5 ingest failed \(exit code 1\); .*dist\/ was left as it was/u);
      expect(fileTree(out, 'base64')).toEqual(before);
    } finally {
      writeFileSync(meta, good);
    }
  }, 120_000);

  test('should leave the previous output and no partial folder when interrupted (SIGTERM)', async () => {
    const child = spawn(node, ['scripts/build.ts', '--out', out], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const own = `.dist.partial-${child.pid}`;
    await until(() => output.includes('build: 3/5 astro build') && existsSync(join(work, 'out', own)), 'astro build');
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(output).toContain('build: interrupted (SIGTERM)');
    expect(existsSync(join(work, 'out', own))).toBe(false);
    expect(searchFolders()).toEqual([]);
    expect(fileTree(out, 'base64')).toEqual(before);
  }, 300_000);

  test('should leave the previous output byte for byte when killed while the year’s snapshot builds the live site', async () => {
    // No archive: the year is captured again, and its site (the content is that year's alone) built in the partial folder.
    rmSync(snapshots, { recursive: true, force: true });
    const output = await killBuild(
      (o) => o.includes('build: 2/5 snapshots') && partials().some((p) => existsSync(join(work, 'out', p, '_astro'))),
      'the snapshot building the live site',
    );
    expect(output).not.toContain('replaced by the new build');
    expect(fileTree(out, 'base64')).toEqual(before);
  }, 300_000);

  test('should replace the output after a whole build, and remove what killed builds left and the previous build', async () => {
    // What a build killed outright leaves (a process id no longer running); the builds above already removed theirs.
    mkdirSync(join(work, 'out', '.dist.partial-999999999', '_astro'), { recursive: true });
    mkdirSync(join(work, 'out', '.dist.old-999999999'), { recursive: true });
    mkdirSync(join(work, 'out', '.dist.search-999999999'), { recursive: true });
    const run = build();
    expect(run.status, run.output).toBe(0);
    expect(partials()).toEqual([]);
    expect(searchFolders()).toEqual([]);
    expect([...fileTree(out, 'base64').keys()]).toEqual([...before.keys()]);
    // The data store files of the astro builds killed above are gone too.
    expect(deadDataStores()).toEqual([]);
    // The previous build goes in the background, after the command returned.
    await expect.poll(() => readdirSync(join(work, 'out')), { timeout: 30_000 }).toEqual(['dist']);
  }, 300_000);
});

describe('astro build on half-ingested content', () => {
  /** Runs `astro build` on a copy of the one-notice corpus changed by `damage`; returns status and output. */
  function astroBuild(damage: (dir: string) => void): { status: number | null; output: string } {
    const dir = mkdtempSync(join(work, 'half-'));
    cpSync(content, dir, { recursive: true });
    damage(dir);
    const run = spawnSync(node, [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', join(dir, 'site')], {
      cwd: project,
      env: { ...env, ...astroBuildEnv, MINSHENG_CONTENT_DIR: dir },
      encoding: 'utf8',
      timeout: 300_000,
    });
    return { status: run.status, output: run.stdout + run.stderr };
  }

  test('should fail when a notice has lost some of its commitment entries', () => {
    const run = astroBuild((dir) => rmSync(join(dir, 'commitments', '2023', 'jinan-shizhong', '5.md')));
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('the content is incomplete (half-ingested?)');
    expect(run.output).toContain('notice 2023/jinan-shizhong says it has 20 commitments, the content holds 19');
  }, 300_000);

  test('should fail when there is no notice entry at all, rather than build an empty site', () => {
    const run = astroBuild((dir) => {
      rmSync(join(dir, 'notices', '2023', 'jinan-shizhong.md'));
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('no notice entries at all');
  }, 300_000);

  test('should remove its content data store file when it fails', () => {
    expect(deadDataStores()).toEqual([]);
  });
});

describe('the checks on a build with a half-written search index', () => {
  const copy = join(work, 'site-copy');

  beforeAll(() => {
    cpSync(builtSite(), copy, { recursive: true });
  }, 120_000);

  /** Runs `npm run urls -- --check` on the copy. */
  const urlsCheck = () => spawnSync(node, ['scripts/urls.ts', '--check', '--dist', copy], { cwd: project, encoding: 'utf8', timeout: 120_000 });

  test('should pass npm run urls -- --check on the whole build', () => {
    const run = urlsCheck();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);

  test('should fail both checks when a file of the search index has been removed', () => {
    const fragment = readdirSync(join(copy, 'pagefind', 'fragment'))[0] ?? '';
    rmSync(join(copy, 'pagefind', 'fragment', fragment));
    const urls = urlsCheck();
    expect(urls.status).toBe(1);
    expect(urls.stderr).toContain(`search:   the search index is incomplete: 1 file(s) missing: pagefind/fragment/${fragment}`);
    const site = spawnSync(node, ['scripts/check-site.ts', copy], { cwd: project, encoding: 'utf8', timeout: 300_000 });
    expect(site.status).toBe(1);
    expect(site.stderr.trimEnd().split('\n')).toEqual([
      `pagefind/complete.json:1:1: the search index is incomplete: 1 file(s) missing: pagefind/fragment/${fragment} (search-index)`,
    ]);
  }, 300_000);

  test('should fail npm run urls -- --check when the indexer never finished (no completion record)', () => {
    rmSync(join(copy, 'pagefind', 'complete.json'));
    const urls = urlsCheck();
    expect(urls.status).toBe(1);
    expect(urls.stderr).toContain('search:   the search index is unfinished: no pagefind/complete.json');
  }, 120_000);

  test('should fail npm run urls -- --check when the search index is missing altogether', () => {
    rmSync(join(copy, 'pagefind'), { recursive: true });
    const urls = urlsCheck();
    expect(urls.status).toBe(1);
    expect(urls.stderr).toContain('search:   the search index is missing: no pagefind/');
  }, 120_000);
});
