/**
 * `npm run build` when the content is one year's alone (a new site's first year): the year's snapshot
 * builds the site once, and its pages are the live site's (`scripts/snapshot.ts --live-site`); only the
 * pages that list the snapshots are built again (`scripts/archive-pages.ts`). The output must be the
 * same bytes as the build that builds the live site itself (when the archive is already current), with
 * and without `--incremental`; the archive's pages carry their banner, the live pages none, and both
 * are dated from the same history. Content of two years builds the live site itself.
 *
 * Run in a copy of the project (its caches and snapshots its own) on the built-in content, made a git
 * repository with fixed dates.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject } from '../scripts/lib/project-copy.ts';
import { filesBelow } from '../src/lib/files.ts';
import { fileTree } from './helpers/files.ts';
import { commitAll, gitInit } from './helpers/git.ts';

const project = join(import.meta.dirname, '..');
const node = join(project, 'node_modules', '.bin', 'node');
const site = 'https://minsheng.example.org';

describe('npm run build of one year’s content: the live site is the site of the year’s snapshot', () => {
  const work = mkdtempSync(join(tmpdir(), 'minsheng-live-capture-'));
  const copy = join(work, 'project');
  const content = join(work, 'content');
  const snapshots = join(work, 'snapshots');
  const env = {
    ...process.env,
    MINSHENG_CONTENT_DIR: content,
    MINSHENG_SNAPSHOT_DIR: snapshots,
    SITE_URL: site,
    BASE_PATH: '/',
    // The copy is no git repository: the capture date comes from here (2026-01-01).
    SOURCE_DATE_EPOCH: '1767225600',
  };
  /** Runs `npm run build` into `out/<name>`; returns its output. */
  const build = (name: string, ...args: string[]): string => {
    const r = spawnSync(node, ['scripts/build.ts', '--out', join(work, 'out', name), ...args], { cwd: copy, env, encoding: 'utf8', timeout: 600_000 });
    const output = `${r.stdout}${r.stderr}`;
    expect(r.status, output).toBe(0);
    return output;
  };
  const outputs: Record<string, string> = {};
  /** The incremental builds' outputs, each read before the next build replaced it. */
  const trees: Record<string, Map<string, string>> = {};
  /** A district's folder in the first incremental output, and in the third: the same folder, built into again. */
  let firstFolder = 0;
  /** The spare made after the first build: whether its files are the output's (hard links), its district's folder, and the second build's. */
  let spareLinked = false;
  let spareFolder = 0;
  let secondFolder = -1;
  /** Whether the first build's published archive is the snapshot's file itself (a hard link, not a copy made through Astro). */
  let linkedArchive = false;
  let thirdFolder = -1;
  const archived = join(work, 'archived');

  beforeAll(() => {
    copyProject(project, copy);
    cpSync(join(project, 'content'), content, { recursive: true });
    gitInit(content);
    commitAll(content, '2026-02-03');
    // A file beside the content that no page reads, committed later: it dates no page.
    writeFileSync(join(content, 'snapshots.txt'), '');
    commitAll(content, '2026-02-20');
    outputs.captured = build('captured');
    const archiveOf = (folder: string): number => statSync(join(folder, 'minsheng-2023.tar.gz')).ino;
    linkedArchive = archiveOf(join(work, 'out', 'captured', 'archive')) === archiveOf(snapshots);
    outputs.own = build('own');
    rmSync(snapshots, { recursive: true, force: true });
    // The incremental builds, into one folder: each replaced output is kept as the spare the next build
    // is made in (`.<out>.spare`), so the third capture is made in the first one's output, the live site
    // itself in the second's.
    outputs.capturedIncremental = build('incremental', '--incremental');
    trees.capturedIncremental = fileTree(join(work, 'out', 'incremental'), 'base64');
    firstFolder = statSync(join(work, 'out', 'incremental', '2023', 'jinan-shizhong')).ino;
    // The first build replaced no output of its own: its spare is made in the background, as hard links to it.
    const spare = join(work, 'out', '.incremental.spare');
    const deadline = Date.now() + 60_000;
    while (!existsSync(spare) && Date.now() < deadline) spawnSync('sleep', ['0.2']);
    spareLinked = statSync(join(spare, '2023', 'jinan-shizhong', 'index.html')).ino === statSync(join(work, 'out', 'incremental', '2023', 'jinan-shizhong', 'index.html')).ino;
    spareFolder = statSync(join(spare, '2023', 'jinan-shizhong')).ino;
    for (const name of ['capturedAgain', 'capturedThird'] as const) {
      rmSync(snapshots, { recursive: true, force: true });
      outputs[name] = build('incremental', '--incremental');
      trees[name] = fileTree(join(work, 'out', 'incremental'), 'base64');
      if (name === 'capturedAgain') secondFolder = statSync(join(work, 'out', 'incremental', '2023', 'jinan-shizhong')).ino;
    }
    thirdFolder = statSync(join(work, 'out', 'incremental', '2023', 'jinan-shizhong')).ino;
    outputs.ownIncremental = build('incremental', '--incremental');
    trees.ownIncremental = fileTree(join(work, 'out', 'incremental'), 'base64');
    mkdirSync(archived);
    tar.x({ file: join(snapshots, 'minsheng-2023.tar.gz'), cwd: archived, sync: true });
  }, 900_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('should capture the year once and publish its pages, building only the archive pages again', () => {
    for (const output of [outputs.captured, outputs.capturedIncremental, outputs.capturedAgain, outputs.capturedThird]) {
      expect(output).toMatch(/snapshot: the content is 2023's alone: its pages are the live site's/u);
      expect(output).toContain('build: 3/5 the archive pages');
      expect(output).not.toContain('astro build');
      expect(output).not.toContain('search index');
    }
    for (const output of [outputs.own, outputs.ownIncremental]) {
      expect(output).toMatch(/snapshot: .*minsheng-2023\.tar\.gz is current/u);
      expect(output).toContain('build: 3/5 astro build');
    }
  });

  test('should give the same bytes as the build that builds the live site itself, with and without --incremental', () => {
    const captured = fileTree(join(work, 'out', 'captured'), 'base64');
    expect([...captured.keys()]).toEqual(
      expect.arrayContaining(['index.html', '2023/jinan-shizhong/1/index.html', 'pagefind/complete.json', '_headers', 'archive/minsheng-2023.tar.gz']),
    );
    expect(fileTree(join(work, 'out', 'own'), 'base64')).toEqual(captured);
    for (const [name, tree] of Object.entries(trees)) expect(tree, name).toEqual(captured);
  });

  test('should make an incremental build in the output the build before it replaced, to the same bytes', () => {
    // The second capture was made in the spare made after the first (a copy of hard links), the third in
    // the first one's output (its folders are the same); the live site itself in the second's, whose index
    // files it left in place.
    expect(spareLinked).toBe(true);
    expect(secondFolder).toBe(spareFolder);
    expect(thirdFolder).toBe(firstFolder);
    expect(outputs.ownIncremental).toMatch(/an earlier output built into again: \d+ of \d+ files left in place/u);
    expect(outputs.ownIncremental).toMatch(/[1-9]\d* of their files left in place from an earlier index/u);
    // The output the last build replaced is kept for the next one, its index apart.
    // (A spare it did not take, none here, would be renamed `.incremental.stale-<pid>` and removed in the background.)
    expect(readdirSync(join(work, 'out')).filter((f) => f.startsWith('.incremental.') && !/^\.incremental\.(?:stale|spare-making)-/u.test(f))).toEqual([
      '.incremental.spare',
      '.incremental.spare-index',
    ]);
    // Every incremental output was the same bytes as the build from nothing (the test before).
    expect(Object.keys(trees)).toEqual(['capturedIncremental', 'capturedAgain', 'capturedThird', 'ownIncremental']);
  });

  test('should publish the archive on /archive/ with its SHA-256, and say in the archive’s own /archive/ that it is a copy', () => {
    const page = readFileSync(join(work, 'out', 'captured', 'archive', 'index.html'), 'utf8');
    expect(page).toContain('下载 minsheng-2023.tar.gz');
    expect(page).not.toContain('的快照未随本次构建生成');
    expect(readFileSync(join(work, 'out', 'captured', 'archive', 'minsheng-2023.tar.gz'))).toEqual(readFileSync(join(snapshots, 'minsheng-2023.tar.gz')));
    expect(linkedArchive).toBe(true);
    const copyPage = readFileSync(join(archived, 'minsheng-2023', 'site', 'archive', 'index.html'), 'utf8');
    expect(copyPage).toContain('这是一份存档副本');
    expect(copyPage).not.toContain('下载 minsheng-2023.tar.gz');
  });

  test('should mark every page of the archive, and no live page, with the banner: the year kept and the live page', () => {
    const pages = filesBelow(join(archived, 'minsheng-2023', 'site')).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(200);
    for (const f of pages) {
      const html = readFileSync(join(archived, 'minsheng-2023', 'site', f), 'utf8');
      const live = f.endsWith('index.html') ? `${site}/${f.slice(0, -'index.html'.length)}` : `${site}/${f.replace(/\.html$/u, '')}`;
      expect(html.split('<div class="archived"').length - 1, f).toBe(1);
      expect(html, f).toContain('本页是2023年度存档中的副本，内容不再更新。');
      expect(html, f).toContain(`<a href="${live}">查看本页的最新版本</a>`);
      expect(readFileSync(join(work, 'out', 'captured', f), 'utf8'), f).not.toContain('class="archived"');
    }
  });

  test('should date the live pages and the archive’s from the content’s history, not from the files beside it', () => {
    /** The date a page's footer says its content was last updated on. */
    const dateOf = (html: string): string | undefined => /本页内容更新于\s*<time class="nowrap" datetime="(\d{4}-\d{2}-\d{2})">/u.exec(html)?.[1];
    for (const f of ['index.html', '2023/jinan-shizhong/index.html', '2023/jinan-shizhong/1/index.html']) {
      expect(dateOf(readFileSync(join(work, 'out', 'captured', f), 'utf8')), f).toBe('2026-02-03');
      expect(dateOf(readFileSync(join(archived, 'minsheng-2023', 'site', f), 'utf8')), f).toBe('2026-02-03');
    }
  });

  test('should build the live site itself when the content holds a second year, and capture that year alone', () => {
    cpSync(join(project, 'test', 'second-year', 'notices', '2024'), join(content, 'notices', '2024'), { recursive: true });
    const output = build('two-years');
    expect(output).toMatch(/snapshot: .*minsheng-2023\.tar\.gz is current/u);
    expect(output).toMatch(/snapshot: .*minsheng-2024\.tar\.gz \(/u);
    expect(output).not.toContain('pages are the live site');
    expect(output).toContain('build: 3/5 astro build');
    const page = readFileSync(join(work, 'out', 'two-years', 'archive', 'index.html'), 'utf8');
    expect(page).toContain('下载 minsheng-2024.tar.gz');
    expect(page).toContain('下载 minsheng-2023.tar.gz');
  }, 600_000);
});
