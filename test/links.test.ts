/**
 * The build's hard-linked trees (`scripts/lib/links.ts`): the same bytes under another name, the same
 * file (no copy), a link replacing what was there.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { linkFile, linkTree } from '../scripts/lib/links.ts';

describe('linkTree', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'minsheng-links-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('should give every file below a folder the same path below another, as a link to the same file', () => {
    mkdirSync(join(tmp, 'from', 'notices', '2023'), { recursive: true });
    writeFileSync(join(tmp, 'from', 'notices', '2023', 'a.md'), '---\nyear: 2023\n---\n');
    writeFileSync(join(tmp, 'from', 'top.txt'), '新增托位675个\n');
    expect(linkTree(join(tmp, 'from'), join(tmp, 'to'))).toBe(2);
    expect(readFileSync(join(tmp, 'to', 'notices', '2023', 'a.md'), 'utf8')).toBe('---\nyear: 2023\n---\n');
    expect(statSync(join(tmp, 'to', 'top.txt')).ino).toBe(statSync(join(tmp, 'from', 'top.txt')).ino);
  });

  test('should replace a file already at the link’s place', () => {
    writeFileSync(join(tmp, 'other.txt'), '旧的\n');
    linkFile(join(tmp, 'from', 'top.txt'), join(tmp, 'other.txt'));
    expect(readFileSync(join(tmp, 'other.txt'), 'utf8')).toBe('新增托位675个\n');
  });
});
