/**
 * Which yearly archive is current: the one made from the year's content (its notices, commitments and
 * corrections) for the same site address, whatever commit or code made it. The hash the snapshot
 * records must be the one the build checks, corrections included; a capture is kept through a code
 * change and made again when its year's content changes.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sha256 } from '../src/lib/hash.ts';
import { holdsOnlyYear, isCurrentSnapshot, snapshotFormat, yearContentHash } from '../src/lib/snapshot/published.ts';
import { copyProject } from '../scripts/lib/project-copy.ts';

const project = join(import.meta.dirname, '..');
const node = join(project, 'node_modules', '.bin', 'node');
const site = 'https://minsheng.example.org';

/** A correction of a 2023 commitment (or of another year's), as `corrections.yaml` holds it. */
function correction(url: string): string {
  return `  - url: ${url}\n    date: 2026-11-29\n    change: 原第1项与第2项按原文顺序互换。\n    fingerprint: 促进重点群体稳定就业城镇新增就业098万\n`;
}

/** Makes a content folder of one 2023 notice (a text and one commitment entry); returns it. */
function oneYearContent(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(root, 'notices', '2023'), { recursive: true });
  mkdirSync(join(root, 'commitments', '2023', 'a'), { recursive: true });
  writeFileSync(join(root, 'notices', '2023', 'a.txt'), '一、新增托位675个\n');
  writeFileSync(join(root, 'commitments', '2023', 'a', '1.md'), '---\nnumber: 1\n---\n');
  return root;
}

describe('isCurrentSnapshot', () => {
  const meta = { format: snapshotFormat, site, commit: 'a'.repeat(40), inputs: { contentSha256: 'c'.repeat(64), codeSha256: 'd'.repeat(64) } };

  test('should keep an archive of the same format, site and content, whatever commit and code made it', () => {
    const otherCode = { ...meta, commit: 'b'.repeat(40), inputs: { ...meta.inputs, codeSha256: 'e'.repeat(64) } };
    expect(isCurrentSnapshot(meta, { site, contentSha256: 'c'.repeat(64) })).toBe(true);
    expect(isCurrentSnapshot(otherCode, { site, contentSha256: 'c'.repeat(64) })).toBe(true);
  });

  test('should not keep an archive of other content, another site, another format, or none', () => {
    expect(isCurrentSnapshot(meta, { site, contentSha256: 'f'.repeat(64) })).toBe(false);
    expect(isCurrentSnapshot(meta, { site: 'https://other.example.org', contentSha256: 'c'.repeat(64) })).toBe(false);
    expect(isCurrentSnapshot({ ...meta, format: snapshotFormat + 1 }, { site, contentSha256: 'c'.repeat(64) })).toBe(false);
    expect(isCurrentSnapshot({ ...meta, inputs: null }, { site, contentSha256: 'c'.repeat(64) })).toBe(false);
    expect(isCurrentSnapshot(undefined, { site, contentSha256: 'c'.repeat(64) })).toBe(false);
  });
});

describe('yearContentHash', () => {
  const root = oneYearContent('minsheng-year-hash-');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('should change with the year’s corrections and not with another year’s', () => {
    const bare = yearContentHash(root, 2023);
    writeFileSync(join(root, 'corrections.yaml'), `corrections:\n${correction('/2024/a/1/')}`);
    expect(yearContentHash(root, 2023)).toBe(bare);
    writeFileSync(join(root, 'corrections.yaml'), `corrections:\n${correction('/2024/a/1/')}${correction('/2023/a/1/')}`);
    expect(yearContentHash(root, 2023)).not.toBe(bare);
    rmSync(join(root, 'corrections.yaml'));
  });

  test('should change with any file of the year and not with another year’s', () => {
    const before = yearContentHash(root, 2023);
    mkdirSync(join(root, 'notices', '2024'), { recursive: true });
    writeFileSync(join(root, 'notices', '2024', 'b.txt'), '一、新增车位100个\n');
    expect(yearContentHash(root, 2023)).toBe(before);
    writeFileSync(join(root, 'commitments', '2023', 'a', '1.md'), '---\nnumber: 2\n---\n');
    expect(yearContentHash(root, 2023)).not.toBe(before);
  });

  test('should change with the year’s progress reports (its pages show their status) and not with another year’s', () => {
    const before = yearContentHash(root, 2023);
    mkdirSync(join(root, 'reports', '2024', 'r'), { recursive: true });
    writeFileSync(join(root, 'reports', '2024', 'r', 'report.txt'), '已完成\n');
    expect(yearContentHash(root, 2023)).toBe(before);
    mkdirSync(join(root, 'reports', '2023', 'r'), { recursive: true });
    writeFileSync(join(root, 'reports', '2023', 'r', 'report.txt'), '已完成\n');
    expect(yearContentHash(root, 2023)).not.toBe(before);
  });
});

describe('holdsOnlyYear', () => {
  const root = oneYearContent('minsheng-one-year-');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  /** Writes `path` below the content, runs `check`, then removes it again. */
  const withFile = (path: string, text: string, check: () => void): void => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
    try {
      check();
    } finally {
      rmSync(join(root, path));
    }
  };

  test('should hold for one year’s notices, commitments, reports and corrections, and the files beside them no page reads', () => {
    expect(holdsOnlyYear(root, 2023)).toBe(true);
    expect(holdsOnlyYear(root, 2024)).toBe(false);
    withFile('reports/2023/r/report.txt', '已完成\n', () => expect(holdsOnlyYear(root, 2023)).toBe(true));
    withFile('corrections.yaml', `corrections:\n${correction('/2023/a/1/')}`, () => expect(holdsOnlyYear(root, 2023)).toBe(true));
    withFile('redirects.yaml', 'redirects: []\n', () => expect(holdsOnlyYear(root, 2023)).toBe(true));
    withFile('snapshots.txt', `${'0'.repeat(64)}  minsheng-2023.tar.gz\n`, () => expect(holdsOnlyYear(root, 2023)).toBe(true));
  });

  test('should not hold with another year’s notice, commitment or report, a file beside the years, a correction of another year, or a redirect', () => {
    for (const path of ['notices/2024/b.txt', 'commitments/2022/b/1.md', 'reports/2024/r/report.txt', 'notices/readme.md']) {
      withFile(path, '---\n---\n', () => expect(holdsOnlyYear(root, 2023), path).toBe(false));
      // The other year's folder goes too.
      rmSync(join(root, ...path.split('/').slice(0, 2)), { recursive: true, force: true });
    }
    withFile('corrections.yaml', `corrections:\n${correction('/2023/a/1/')}${correction('/2024/a/1/')}`, () => expect(holdsOnlyYear(root, 2023)).toBe(false));
    withFile('redirects.yaml', 'redirects:\n  - from: /2023/old/\n    to: /2023/a/\n    reason: slug 更正\n', () => expect(holdsOnlyYear(root, 2023)).toBe(false));
  });
});

describe('npm run snapshot -- --all, in a copy of the project with a correction of 2023', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'minsheng-currency-'));
  const copy = join(tmp, 'project');
  const content = join(tmp, 'content');
  const out = join(tmp, 'snapshots');
  const archive = join(out, 'minsheng-2023.tar.gz');
  /** Runs `snapshot --all` in the copy (no git there: the capture date is SOURCE_DATE_EPOCH's). */
  const all = (epoch: string) =>
    spawnSync(node, ['scripts/snapshot.ts', '--all', '--out', out], {
      cwd: copy,
      env: { ...process.env, MINSHENG_CONTENT_DIR: content, SITE_URL: site, SOURCE_DATE_EPOCH: epoch },
      encoding: 'utf8',
    });
  const metaOf = (): { captured: string; inputs: { contentSha256: string; codeSha256: string } } => {
    let text = '';
    tar.t({
      sync: true,
      file: archive,
      filter: (path) => path === 'minsheng-2023/snapshot.json',
      onReadEntry: (entry) => entry.on('data', (chunk: Buffer) => (text += chunk.toString('utf8'))),
    });
    return JSON.parse(text) as { captured: string; inputs: { contentSha256: string; codeSha256: string } };
  };
  let first: { status: number | null; out: string };
  let firstBytes = '';

  beforeAll(() => {
    copyProject(project, copy);
    cpSync(join(project, 'content'), content, { recursive: true });
    writeFileSync(join(content, 'corrections.yaml'), `corrections:\n${correction('/2023/huaibei-xiangshan/1/')}`);
    const r = all('1700000000');
    first = { status: r.status, out: `${r.stdout}${r.stderr}` };
    firstBytes = sha256(readFileSync(archive));
  }, 240_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('should record the hash the build checks, the year’s correction included, so the build publishes it', () => {
    expect(first.status, first.out).toBe(0);
    expect(metaOf().inputs.contentSha256).toBe(yearContentHash(content, 2023));
    expect(metaOf().captured).toBe('2023-11-14');
  });

  test('should keep the archive, its capture date and its bytes when only the code changed', () => {
    appendFileSync(join(copy, 'src', 'lib', 'config.ts'), '\n// A change of code that does not change the year’s content.\n');
    const r = all('1800000000');
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/minsheng-2023\.tar\.gz is current \(the year's content is the same; captured 2023-11-14\), kept/u);
    expect(sha256(readFileSync(archive))).toBe(firstBytes);
  });

  test('should capture the year again when its corrections changed', () => {
    writeFileSync(join(content, 'corrections.yaml'), 'corrections: []\n');
    const r = all('1800000000');
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    expect(r.stdout).not.toMatch(/kept/u);
    expect(metaOf().captured).toBe('2027-01-15');
    expect(metaOf().inputs.contentSha256).toBe(yearContentHash(content, 2023));
  }, 240_000);
});
