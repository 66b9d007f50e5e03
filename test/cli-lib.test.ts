/**
 * The shared edge of the command-line scripts: the command line read with `parseArgs` (one-line usage
 * errors, exit code 2), the folder walk (src/lib/files.ts), project copies and the base path.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Failure } from '../scripts/cli.ts';
import { parseCommandLine, usageReason } from '../scripts/lib/args.ts';
import { copyProject } from '../scripts/lib/project-copy.ts';
import { basePath } from '../src/lib/config.ts';
import { filesBelow } from '../src/lib/files.ts';

const project = join(import.meta.dirname, '..');
const node = join(project, 'node_modules', '.bin', 'node');
const dir = mkdtempSync(join(tmpdir(), 'minsheng-cli-lib-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec = { usage: 'usage: x [--year Y] [--check] <file>', options: { year: { type: 'string' }, check: { type: 'boolean' } }, positionals: { min: 1, max: 1 } } as const;

/** Returns the `Failure` that `parseCommandLine(spec, argv)` throws (fails the test when it throws none). */
function failureOf(argv: string[]): Failure {
  try {
    parseCommandLine(spec, argv);
  } catch (error) {
    if (error instanceof Failure) return error;
    throw error;
  }
  throw new Error(`no failure for ${argv.join(' ')}`);
}

describe('parseCommandLine', () => {
  test('should read options and the file, skipping the `--` that npm run passes on', () => {
    const { values, positionals } = parseCommandLine(spec, ['--', '--year', '2024', 'a.txt', '--check']);
    expect(values).toEqual({ year: '2024', check: true });
    expect(positionals).toEqual(['a.txt']);
  });

  test.each([
    [['--yaer', '2024', 'a.txt'], 'usage: x [--year Y] [--check] <file>  (unknown argument: --yaer)'],
    [['a.txt', '--year'], 'usage: x [--year Y] [--check] <file>  (--year needs a value)'],
    [['--year', '--check', 'a.txt'], 'usage: x [--year Y] [--check] <file>  (--year needs a value)'],
    [[], 'usage: x [--year Y] [--check] <file>'],
    [['a.txt', 'b.txt'], 'usage: x [--year Y] [--check] <file>'],
  ])('should refuse %j in one line with exit code 2: %s', (argv, message) => {
    const failure = failureOf(argv);
    expect(failure.message).toBe(message);
    expect(failure.exitCode).toBe(2);
  });

  test('should name the stray argument of a command that takes none', () => {
    let message = '';
    try {
      parseCommandLine({ usage: 'usage: y', options: {} }, ['extra']);
    } catch (error) {
      message = error instanceof Error ? error.message : '';
    }
    expect(message).toBe('usage: y  (unexpected argument: extra)');
  });

  test('should give the first line of an error it has no words for', () => {
    expect(usageReason(new Error('first\nsecond'))).toBe('first');
  });
});

describe('a script’s usage error', () => {
  test.each([
    ['ingest.ts', ['--chek'], 'usage: npm run ingest [-- --check] [--jobs N]  (unknown argument: --chek)'],
    ['urls.ts', ['--check', '--dist'], 'usage: npm run urls -- --check|--update [--dist DIR]  (--dist needs a value)'],
    ['urls.ts', [], 'usage: npm run urls -- --check|--update [--dist DIR]'],
    [
      'corpus.ts',
      ['--notices', '3', '--sede', 'x'],
      'usage: npm run --silent corpus -- --notices N --seed S --out DIR [--year Y] [--per-notice M] [--force]  (unknown argument: --sede)',
    ],
    ['holdout.ts', ['a', 'b'], 'usage: npm run --silent holdout [-- <dir of <case>/input.txt + facts.json>]'],
    [
      'snapshot.ts',
      ['--verify'],
      'usage: npm run snapshot -- <year>|--all [--out DIR] [--record] [--incremental [--cache DIR]] [--live-site DIR --live-index DIR [--reuse-site DIR --reuse-index DIR]] [--piece-every N] | --verify <archive.tar.gz> [--sha256 HEX | --sums FILE]  (--verify needs a value)',
    ],
    [
      'snapshot.ts',
      ['2023', '--piece-every', '0'],
      'usage: npm run snapshot -- <year>|--all [--out DIR] [--record] [--incremental [--cache DIR]] [--live-site DIR --live-index DIR [--reuse-site DIR --reuse-index DIR]] [--piece-every N] | --verify <archive.tar.gz> [--sha256 HEX | --sums FILE]  (--piece-every takes a whole number from 1)',
    ],
    [
      'snapshot.ts',
      ['2023', '--reuse-site', 'a', '--reuse-index', 'b'],
      'usage: npm run snapshot -- <year>|--all [--out DIR] [--record] [--incremental [--cache DIR]] [--live-site DIR --live-index DIR [--reuse-site DIR --reuse-index DIR]] [--piece-every N] | --verify <archive.tar.gz> [--sha256 HEX | --sums FILE]  (--reuse-site goes with --live-site and --incremental)',
    ],
    [
      'headers.ts',
      ['dist', '--save', 'x'],
      'usage: node scripts/headers.ts [DIR] [--except PREFIX --save FILE | --only PREFIX --saved FILE]  (--except goes with --save, --only with --saved)',
    ],
    ['check-site.ts', ['--sit', 'x'], 'usage: node scripts/check-site.ts [DIR] [--site URL]  (unknown argument: --sit)'],
  ])('should be one line and exit code 2 for %s %j', (script, args, line) => {
    const run = spawnSync(node, [join('scripts', script), ...args], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe(`${line}\n`);
    expect(run.status).toBe(2);
  });
});

describe('filesBelow', () => {
  test('should list every file of every subfolder, relative, `/`-separated and sorted, and only those with the ending when given', () => {
    const root = join(dir, 'walk');
    for (const f of ['b/2.txt', 'a.txt', 'b/c/1.md', 'b/1.txt']) {
      mkdirSync(join(root, f, '..'), { recursive: true });
      writeFileSync(join(root, f), f);
    }
    mkdirSync(join(root, 'empty'));
    // A link to a folder is followed; a link to a file, or to nothing, is not listed.
    symlinkSync(join(root, 'b', 'c'), join(root, 'link-to-c'));
    symlinkSync(join(root, 'a.txt'), join(root, 'link.txt'));
    symlinkSync(join(root, 'gone'), join(root, 'dangling'));
    expect(filesBelow(root)).toEqual(['a.txt', 'b/1.txt', 'b/2.txt', 'b/c/1.md', 'link-to-c/1.md']);
    expect(filesBelow(root, '.txt')).toEqual(['a.txt', 'b/1.txt', 'b/2.txt']);
  });

  test('should list nothing for a folder that does not exist', () => {
    expect(filesBelow(join(dir, 'nowhere'))).toEqual([]);
  });
});

describe('copyProject', () => {
  test('should copy the sources and configuration, and link node_modules without its caches', () => {
    const from = join(dir, 'project');
    for (const f of [
      'src/pages/index.astro',
      'public/js/a.js',
      'package.json',
      'node_modules/astro/package.json',
      'node_modules/.astro/cache',
      'node_modules/.vite/x',
      'notes.txt',
    ]) {
      mkdirSync(join(from, f, '..'), { recursive: true });
      writeFileSync(join(from, f), f);
    }
    const to = copyProject(from, join(dir, 'copy'));
    expect(readFileSync(join(to, 'src/pages/index.astro'), 'utf8')).toBe('src/pages/index.astro');
    expect(lstatSync(join(to, 'src')).isSymbolicLink()).toBe(false);
    expect(existsSync(join(to, 'public/js/a.js'))).toBe(true);
    expect(existsSync(join(to, 'notes.txt'))).toBe(false);
    expect(lstatSync(join(to, 'node_modules/astro')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(to, 'node_modules/.astro'))).toBe(false);
    expect(existsSync(join(to, 'node_modules/.vite'))).toBe(false);
  });
});

describe('basePath', () => {
  test.each([
    [undefined, '/'],
    ['/', '/'],
    ['minsheng', '/minsheng/'],
    ['/minsheng', '/minsheng/'],
    ['//minsheng//', '/minsheng/'],
    ['/a/b/', '/a/b/'],
  ])('should read BASE_PATH %j as %j', (value, expected) => {
    expect(basePath(value === undefined ? {} : { BASE_PATH: value })).toBe(expected);
  });
});
