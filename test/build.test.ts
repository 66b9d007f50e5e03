/**
 * The whole chain, end to end: the committed content builds with Astro, and
 * the listing page shows every commitment of every built-in notice.
 */
import { execFileSync } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseNotice } from '../src/lib/parse/notice.ts';

const project = join(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'minsheng-build-'));

/** Returns the text of an HTML page: tags removed, basic entities decoded, white space squashed. */
function pageText(html: string): string {
  return html
    .replace(/<[^>]*>/gu, ' ')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;|&#x27;/gu, "'")
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&')
    .replace(/\s+/gu, ' ');
}

describe('astro build of the built-in content', () => {
  beforeAll(() => {
    execFileSync(join(project, 'node_modules', '.bin', 'astro'), ['build', '--outDir', out], { cwd: project, stdio: 'pipe' });
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('should list every commitment of every notice on the home page', () => {
    const home = pageText(readFileSync(join(out, 'index.html'), 'utf8'));
    const dir = join(project, 'content', 'notices', '2023');
    const texts = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(texts).toHaveLength(5);
    let count = 0;
    for (const file of texts) {
      const parsed = parseNotice(readFileSync(join(dir, file), 'utf8'));
      if (!parsed.ok) throw new Error(parsed.error.message);
      for (const c of parsed.notice.commitments) {
        expect(home).toContain(c.text);
        count++;
      }
    }
    expect(home).toContain(`${count} 项民生实事`);
  });

  test('should declare the page Chinese and UTF-8', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toMatch(/<html lang="zh-CN"/u);
    expect(html).toMatch(/<meta charset="utf-8"/iu);
  });
});

describe('astro build of a content entry that breaks its schema', () => {
  test('should stop the build naming the entry and the field', () => {
    const corpus = mkdtempSync(join(tmpdir(), 'minsheng-bad-'));
    try {
      cpSync(join(project, 'content', 'notices', '2023'), join(corpus, 'notices', '2023'), { recursive: true });
      cpSync(join(project, 'content', 'commitments', '2023', 'tianjin-hedong'), join(corpus, 'commitments', '2023', 'tianjin-hedong'), { recursive: true });
      const entry = join(corpus, 'commitments', '2023', 'tianjin-hedong', '3.md');
      writeFileSync(entry, readFileSync(entry, 'utf8').replace(/^leadUnits: \[\]$/mu, 'leadUnits: 区卫健委'));
      const result = spawnSync(join(project, 'node_modules', '.bin', 'astro'), ['build', '--outDir', join(corpus, 'dist')], {
        cwd: project,
        env: { ...process.env, MINSHENG_CONTENT_DIR: corpus },
        encoding: 'utf8',
      });
      expect(result.status).not.toBe(0);
      const output = `${result.stdout}${result.stderr}`;
      expect(output).toContain('2023/tianjin-hedong/3');
      expect(output).toContain('leadUnits');
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
  });
});
