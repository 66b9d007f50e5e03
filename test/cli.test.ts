/**
 * The contract of `npm run --silent parse -- <file>`, run as a child process:
 * one JSON record on stdout for a notice, one clear line on stderr (never a
 * stack trace) and a non-zero exit for anything else.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Notice } from '../src/lib/schema.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const node = join(projectRoot, 'node_modules', '.bin', 'node');
const timeout = 60_000;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the parse script with `args`, from the project root. */
function parse(...args: string[]): Run {
  const result = spawnSync(node, ['scripts/parse.ts', ...args], { cwd: projectRoot, encoding: 'utf8', timeout });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Asserts what every failure must look like: non-zero, nothing on stdout, one clean line on stderr. */
function expectOneLineFailure(run: Run): string {
  expect(run.status).not.toBe(0);
  expect(run.status).not.toBeNull();
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  const line = run.stderr.slice(0, -1);
  expect(line).not.toContain('\n');
  expect(line.trim()).not.toBe('');
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/\b[A-Z][A-Za-z]*Error\b:|\bError:/);
  return line;
}

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'minsheng-cli-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Returns an error line with the temporary directory shown as `<tmp>`. */
function shown(line: string): string {
  return line.replaceAll(dir, '<tmp>');
}

/** Writes `contents` to a new file of the temporary directory and returns its path. */
function write(name: string, contents: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, contents);
  return file;
}

describe('npm run parse', () => {
  test(
    'should print one JSON notice that fits the schema when the file is a valid notice',
    () => {
      const file = write('valid.txt', '某区2024年民生实事\n一、新增托位100个（区教育局负责）\n二、改造老旧小区3个（区住建局负责）\n');
      const run = parse(file);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout.endsWith('\n')).toBe(true);
      const json: unknown = JSON.parse(run.stdout);
      expect(typeof json).toBe('object');
      expect(Array.isArray(json)).toBe(false);
      const notice = Notice.parse(json);
      expect(notice.title).toBe('某区2024年民生实事');
      expect(notice.year).toBe(2024);
      expect(notice.commitments).toHaveLength(2);
      const [first, second] = notice.commitments;
      expect(first?.number).toBe(1);
      expect(first?.leadUnits).toEqual(['区教育局']);
      expect(first?.coUnits).toEqual([]);
      expect(first?.text).toBe('新增托位100个（区教育局负责）');
      expect(first?.targets).toEqual([{ value: 100, unit: '个', text: '新增托位100个', counts: '新增托位' }]);
      expect(first?.source).toEqual({ startLine: 2, endLine: 2 });
      expect(second?.number).toBe(2);
      expect(second?.leadUnits).toEqual(['区住建局']);
      expect(second?.coUnits).toEqual([]);
      expect(second?.text).toBe('改造老旧小区3个（区住建局负责）');
      expect(second?.targets).toEqual([{ value: 3, unit: '个', text: '改造老旧小区3个', counts: '改造老旧小区' }]);
      expect(second?.source).toEqual({ startLine: 3, endLine: 3 });
    },
    timeout,
  );

  test(
    'should name the file without a line when the file is empty',
    () => {
      const file = write('empty.txt', '');
      const line = expectOneLineFailure(parse(file));
      expect(shown(line)).toMatchInlineSnapshot(`"<tmp>/empty.txt: error: the file is empty"`);
    },
    timeout,
  );

  test(
    'should name the file and line when the file is binary',
    () => {
      const file = write('binary.txt', Buffer.from([0xe6, 0x9f, 0x90, 0x0a, 0x41, 0x00, 0x01, 0x02, 0x0a]));
      const line = expectOneLineFailure(parse(file));
      expect(shown(line)).toMatchInlineSnapshot(`"<tmp>/binary.txt:2: error: the file is binary (it contains a NUL byte), not a text notice"`);
    },
    timeout,
  );

  test(
    'should name the file and line when the text is in no encoding a notice is saved in',
    () => {
      // café in Latin-1 on line 1: not UTF-8, and not GB18030 (0xE9 0x0A is no GB18030 character).
      const file = write('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
      const line = expectOneLineFailure(parse(file));
      expect(shown(line)).toMatchInlineSnapshot(`"<tmp>/latin1.txt:1: error: the file is not valid UTF-8, UTF-16 (with a byte-order mark) or GB18030/GBK text"`);
    },
    timeout,
  );

  test(
    'should name the line of the first bad byte when a GBK line follows UTF-8 lines',
    () => {
      const utf8 = Buffer.from('某区2024年民生实事\n一、新增托位100个（区教育局负责）\n', 'utf8');
      // 你好 in GBK on line 3.
      const file = write('mixed.txt', Buffer.concat([utf8, Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x0a])]));
      const line = expectOneLineFailure(parse(file));
      expect(shown(line)).toMatchInlineSnapshot(`"<tmp>/mixed.txt:3: error: the file is not valid UTF-8, UTF-16 (with a byte-order mark) or GB18030/GBK text"`);
    },
    timeout,
  );

  test(
    'should name the file when the text has no recognisable commitments',
    () => {
      const file = write('prose.txt', '今天天气很好。\n我们一起去公园散步。\n');
      const line = expectOneLineFailure(parse(file));
      expect(shown(line)).toMatchInlineSnapshot(`"<tmp>/prose.txt: error: no recognisable commitments (no numbered list, table, or list after an introducing sentence was found)"`);
    },
    timeout,
  );

  test(
    'should name the path when the file does not exist',
    () => {
      const file = join(dir, 'does-not-exist.txt');
      const line = expectOneLineFailure(parse(file));
      expect(shown(line)).toMatchInlineSnapshot(`"<tmp>/does-not-exist.txt: error: cannot be read: no such file (ENOENT)"`);
    },
    timeout,
  );

  test(
    'should name the path when it is a directory',
    () => {
      const sub = join(dir, 'a-directory');
      mkdirSync(sub);
      const line = expectOneLineFailure(parse(sub));
      expect(shown(line)).toMatchInlineSnapshot(`"<tmp>/a-directory: error: cannot be read: is a directory, not a file (EISDIR)"`);
    },
    timeout,
  );

  test(
    'should print the usage and exit with 2 when no file is given',
    () => {
      const run = parse();
      const line = expectOneLineFailure(run);
      expect(run.status).toBe(2);
      expect(line).toMatchInlineSnapshot(`"usage: npm run --silent parse -- [--year YYYY] <notice|report: .txt .html .docx .doc .pdf> [--against <notice>]"`);
    },
    timeout,
  );
});
