/**
 * The minimal Hugo site the bench compares against (tools/bench/hugo.ts):
 * it reads the ingested commitments where they are and renders each with a
 * template that shows its text.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { filesBelow } from '../src/lib/files.ts';
import { astroBuildEnv } from '../scripts/lib/children.ts';
import { writeAstroFloor } from '../scripts/lib/astro-floor.ts';
import { hugoSiteFiles } from '../tools/bench/hugo.ts';
import { astroFloorFiles } from '../tools/bench/astro-floor.ts';

describe('hugoSiteFiles', () => {
  test('should point Hugo at the given commitments and render each one’s title, body and departments', () => {
    const files = hugoSiteFiles('/tmp/corpus "x"/commitments');
    expect(Object.keys(files).sort()).toEqual(['config.toml', 'layouts/_default/list.html', 'layouts/_default/single.html']);
    expect(files['config.toml']).toContain('contentDir = "/tmp/corpus \\"x\\"/commitments"');
    const single = files['layouts/_default/single.html'] ?? '';
    for (const part of ['{{ .Title }}', '{{ .Content }}', '.Params.leadUnits', 'lang="zh-CN"']) expect(single).toContain(part);
    expect(files['layouts/_default/list.html']).toContain('{{ range .Pages }}');
  });
});

describe('astroFloorFiles', () => {
  test('should read the same commitments with Astro’s glob loader and render Hugo’s fields with no layout, style or script', () => {
    const files = astroFloorFiles('/tmp/corpus "x"/commitments');
    expect(Object.keys(files).sort()).toEqual(['astro.config.mjs', 'package.json', 'src/content.config.ts', 'src/pages/[...id].astro', 'src/pages/index.astro']);
    expect(files['src/content.config.ts']).toContain(`base: "/tmp/corpus \\"x\\"/commitments"`);
    const single = files['src/pages/[...id].astro'] ?? '';
    for (const part of ['{data.title}', '<Content />', 'data.leadUnits', 'lang="zh-CN"']) expect(single).toContain(part);
    for (const absent of ['<style', '<script', 'import Base']) expect(single).not.toContain(absent);
    expect(files['src/pages/index.astro']).toContain('entries.map');
  });
});

describe('the Astro floor project, built', () => {
  test('should render a page per built-in commitment, and a list, with the commitment’s title and departments', () => {
    const project = join(import.meta.dirname, '..');
    const dir = mkdtempSync(join(tmpdir(), 'minsheng-astro-floor-'));
    try {
      writeAstroFloor(project, join(project, 'content', 'commitments'), dir);
      const built = spawnSync(process.execPath, [join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
        cwd: dir,
        env: { ...process.env, ...astroBuildEnv },
        encoding: 'utf8',
      });
      expect(built.status, built.stderr).toBe(0);
      // Its data store is its own, in a folder of its own: never the project's, which the project's builds use.
      const store = join(dir, 'node_modules', '.astro', 'data-store.json');
      expect(existsSync(store)).toBe(true);
      expect(realpathSync(store)).toBe(join(realpathSync(dir), 'node_modules', '.astro', 'data-store.json'));
      expect(realpathSync(join(dir, 'node_modules', 'astro'))).toBe(realpathSync(join(project, 'node_modules', 'astro')));
      const commitments = filesBelow(join(project, 'content', 'commitments')).filter((f) => f.endsWith('.md'));
      const pages = filesBelow(join(dir, 'dist')).filter((f) => f.endsWith('.html'));
      expect(pages.length).toBe(commitments.length + 1);
      const source = readFileSync(join(project, 'content', 'commitments', '2023', 'jinan-shizhong', '1.md'), 'utf8');
      const title = /^title: (.+)$/mu.exec(source)?.[1] ?? '';
      const lead = /^leadUnits:\n {2}- (.+)$/mu.exec(source)?.[1] ?? '';
      expect(title).not.toBe('');
      const page = readFileSync(join(dir, 'dist', '2023', 'jinan-shizhong', '1', 'index.html'), 'utf8');
      expect(page).toContain(`<h1>${title}</h1>`);
      expect(page).toContain(`牵头单位：${lead}`);
      expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toContain('href="/2023/jinan-shizhong/1/"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
