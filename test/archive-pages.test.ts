/**
 * `node scripts/archive-pages.ts <site>` keeps its project copy between builds, with the data store its
 * last build wrote (`node_modules/.cache/minsheng-archive-pages/`): the pages it writes are the same bytes
 * as from a copy made afresh, whatever the content did in between; a change of code makes the copy
 * afresh; a copy another build is using is left alone. And `refreshProjectCopy`, which it keeps the copy
 * with. Run in a copy of the project, on the built-in notices.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject, refreshProjectCopy } from '../scripts/lib/project-copy.ts';
import { fileTree } from './helpers/files.ts';

const project = join(import.meta.dirname, '..');
const node = join(project, 'node_modules', '.bin', 'node');

describe('refreshProjectCopy', () => {
  const work = mkdtempSync(join(tmpdir(), 'minsheng-refresh-copy-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('should copy the project afresh, keep the caches a build wrote, and link the packages again', () => {
    // A small project: two routes, a package, and a cache in its node_modules.
    const source = join(work, 'source');
    for (const [file, text] of Object.entries({
      'src/pages/a.astro': 'a',
      'src/pages/b/c.astro': 'c',
      'src/lib/x.ts': 'x1',
      'package.json': '{}',
    })) {
      mkdirSync(join(source, file, '..'), { recursive: true });
      writeFileSync(join(source, file), text);
    }
    mkdirSync(join(source, 'node_modules', 'astro'), { recursive: true });
    mkdirSync(join(source, 'node_modules', '.astro'), { recursive: true });
    writeFileSync(join(source, 'node_modules', '.astro', 'data-store.json'), 'the project’s own');
    const copy = join(work, 'copy');
    const onlyB = (route: string): boolean => route.startsWith('b/');

    // None yet: a copy as copyProject makes it.
    refreshProjectCopy(source, copy, onlyB);
    expect([...fileTree(copy, 'utf8').keys()]).toEqual(['package.json', 'src/lib/x.ts', 'src/pages/b/c.astro']);
    expect(readlinkSync(join(copy, 'node_modules', 'astro'))).toBe(join(source, 'node_modules', 'astro'));
    expect(existsSync(join(copy, 'node_modules', '.astro'))).toBe(false);

    // A build wrote its store; then the project changed: a file changed, one removed, a package added.
    mkdirSync(join(copy, 'node_modules', '.astro'));
    writeFileSync(join(copy, 'node_modules', '.astro', 'data-store.json'), 'the copy’s store');
    writeFileSync(join(copy, 'src', 'stale.ts'), 'left by hand');
    writeFileSync(join(source, 'src', 'lib', 'x.ts'), 'x2');
    rmSync(join(source, 'src', 'pages', 'b', 'c.astro'));
    writeFileSync(join(source, 'src', 'pages', 'b', 'd.astro'), 'd');
    mkdirSync(join(source, 'node_modules', 'vite'));
    refreshProjectCopy(source, copy, onlyB);
    expect(fileTree(copy, 'utf8')).toEqual(
      new Map([
        ['node_modules/.astro/data-store.json', 'the copy’s store'],
        ['package.json', '{}'],
        ['src/lib/x.ts', 'x2'],
        ['src/pages/b/d.astro', 'd'],
      ]),
    );
    expect(readlinkSync(join(copy, 'node_modules', 'vite'))).toBe(join(source, 'node_modules', 'vite'));
    // The package the copy linked is still there, in the project: a link is removed, never what it points to.
    expect(existsSync(join(source, 'node_modules', 'astro'))).toBe(true);
  });
});

describe('node scripts/archive-pages.ts, its project copy kept', () => {
  const work = mkdtempSync(join(tmpdir(), 'minsheng-archive-pages-'));
  const copy = join(work, 'project');
  const content = join(work, 'content');
  const kept = join(copy, 'node_modules', '.cache', 'minsheng-archive-pages');
  const marker = join(kept, 'project', 'node_modules', '.astro', 'marker');
  const env = { ...process.env, MINSHENG_CONTENT_DIR: content, MINSHENG_SNAPSHOT_DIR: join(work, 'snapshots'), SITE_URL: 'https://minsheng.example.org', BASE_PATH: '/' };
  /** Builds the archive pages into a fresh site `name`; returns its files and the command's output. */
  const archivePages = (name: string): { files: Map<string, string>; output: string } => {
    const site = join(work, 'sites', name);
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!doctype html>');
    const r = spawnSync(node, ['scripts/archive-pages.ts', site], { cwd: copy, env, encoding: 'utf8', timeout: 300_000 });
    const output = `${r.stdout}${r.stderr}`;
    expect(r.status, output).toBe(0);
    return { files: fileTree(site, 'base64'), output };
  };
  /** Adds a notice of 2024 to the content: a copy of a 2023 notice's entry, its year changed. */
  const addYear = (): void => {
    mkdirSync(join(content, 'notices', '2024'), { recursive: true });
    const entry = readFileSync(join(content, 'notices', '2023', 'jining-jingkai.md'), 'utf8').replace(/^year: 2023$/mu, 'year: 2024');
    writeFileSync(join(content, 'notices', '2024', 'jining-jingkai.md'), entry);
  };
  const runs: Record<string, Map<string, string>> = {};

  beforeAll(() => {
    copyProject(project, copy);
    cpSync(join(project, 'content'), content, { recursive: true });
    runs.first = archivePages('first').files;
  }, 600_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('should keep the copy and its data store once a build in it succeeded, under the key of the code', () => {
    expect(existsSync(join(kept, 'project', 'node_modules', '.astro', 'data-store.json'))).toBe(true);
    expect(readFileSync(join(kept, 'code.key'), 'utf8')).toMatch(/^[0-9a-f]{64}$/u);
    expect([...runs.first!.keys()]).toEqual(['archive/index.html', 'index.html']);
  });

  test('should write the bytes a fresh copy writes, after the content changed since the copy’s last build', () => {
    const again = archivePages('again').files;
    expect(again).toEqual(runs.first);
    addYear();
    const kept2024 = archivePages('kept-2024').files;
    expect(kept2024.get('archive/index.html')).not.toEqual(runs.first!.get('archive/index.html'));
    rmSync(kept, { recursive: true, force: true });
    expect(archivePages('fresh-2024').files).toEqual(kept2024);
    rmSync(join(content, 'notices', '2024'), { recursive: true, force: true });
    expect(archivePages('kept-2023').files).toEqual(runs.first);
  }, 600_000);

  test('should make the copy afresh when the code changed', () => {
    writeFileSync(marker, 'left by the last build');
    archivePages('same-code');
    expect(existsSync(marker)).toBe(true);
    writeFileSync(join(kept, 'code.key'), 'another code');
    archivePages('other-code');
    expect(existsSync(marker)).toBe(false);
  }, 600_000);

  test('should build in a temporary copy, and leave the kept one alone, while another build uses it', async () => {
    writeFileSync(marker, 'left by the last build');
    // A file a refresh of the kept copy would remove.
    const untouched = join(kept, 'project', 'src', 'left-by-hand.ts');
    writeFileSync(untouched, '');
    // A build that is running holds the kept copy's lock.
    const other = spawn('sleep', ['60']);
    try {
      writeFileSync(`${join(kept, 'project')}.lock`, `${other.pid}\n`);
      expect(archivePages('beside').files).toEqual(runs.first);
      expect(existsSync(marker)).toBe(true);
      expect(existsSync(untouched)).toBe(true);
      expect(readFileSync(`${join(kept, 'project')}.lock`, 'utf8')).toBe(`${other.pid}\n`);
    } finally {
      other.kill();
      rmSync(`${join(kept, 'project')}.lock`, { force: true });
    }
  }, 600_000);
});
