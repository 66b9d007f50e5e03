/**
 * What an unlucky operator meets, as one line on stderr and never a stack
 * trace: standard output closed early (`parse … | head`: a quiet exit), a
 * full disk (ENOSPC, through /dev/full), a symbolic link loop, a file over
 * 2 GiB (a sparse file: nothing is written).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const project = join(import.meta.dirname, '..');
const node = join(project, 'node_modules', '.bin', 'node');
const dir = mkdtempSync(join(tmpdir(), 'minsheng-one-line-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A notice long enough that its JSON fills a pipe's buffer many times over. */
const longNotice = join(dir, 'long.txt');
writeFileSync(longNotice, ['某区2024年民生实事', ...Array.from({ length: 3000 }, (_, i) => `${i + 1}. 新增托位${i + 1}个（区教育局负责）`), ''].join('\n'));

/** Asserts one line on stderr, no stack trace, and exit code 1; returns the line. */
function oneLine(run: { status: number | null; stderr: string }): string {
  expect(run.status).toBe(1);
  expect(run.stderr.endsWith('\n')).toBe(true);
  const line = run.stderr.slice(0, -1);
  expect(line).not.toContain('\n');
  expect(run.stderr).not.toMatch(/^\s+at |node:events|\bError:/mu);
  return line;
}

describe('standard output that cannot be written', () => {
  test('should stop quietly, exit 0 and print nothing on stderr when the reader closes early (parse … | head)', () => {
    const run = spawnSync(
      'bash',
      ['-c', `"${node}" scripts/parse.ts "${longNotice}" 2>"${join(dir, 'epipe.err')}" | head -c 100 >/dev/null; echo "$\{PIPESTATUS[0]}"; cat "${join(dir, 'epipe.err')}"`],
      {
        cwd: project,
        encoding: 'utf8',
      },
    );
    expect(run.stdout).toBe('0\n');
  });

  test('should say the disk is full in one line when the output goes to a full device (ENOSPC)', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(node, ['scripts/parse.ts', longNotice], { cwd: project, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
      expect(oneLine(run)).toBe('error: cannot write the output: no space left on the device (ENOSPC)');
    } finally {
      closeSync(full);
    }
  });

  test('should name the file it could not write on a full disk (ENOSPC)', () => {
    const site = join(dir, 'site');
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'index.html'), `<!doctype html><html><head><meta http-equiv="content-security-policy" content="default-src 'self'"></head></html>`);
    symlinkSync('/dev/full', join(site, '_headers'));
    const run = spawnSync(node, ['scripts/headers.ts', site], { cwd: project, encoding: 'utf8' });
    expect(oneLine(run)).toBe(`${join(site, '_headers')}: error: cannot be written: no space left on the device (ENOSPC)`);
  });
});

describe('a file that cannot be read', () => {
  test('should say a symbolic link loop is why a notice cannot be read', () => {
    symlinkSync(join(dir, 'loop-b.txt'), join(dir, 'loop-a.txt'));
    symlinkSync(join(dir, 'loop-a.txt'), join(dir, 'loop-b.txt'));
    const run = spawnSync(node, ['scripts/parse.ts', join(dir, 'loop-a.txt')], { cwd: project, encoding: 'utf8' });
    expect(oneLine(run)).toBe(`${join(dir, 'loop-a.txt')}: error: cannot be read: too many levels of symbolic links (a symbolic link loop) (ELOOP)`);
  });

  test('should say a notice over 2 GiB is too large, without reading it', () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 3 * 1024 ** 3);
    const run = spawnSync(node, ['scripts/parse.ts', big], { cwd: project, encoding: 'utf8' });
    expect(oneLine(run)).toBe(`${big}: error: cannot be read: the file is larger than 2 GiB (ERR_FS_FILE_TOO_LARGE)`);
  });
});
