/**
 * The key of the code a cached result was made by (`scripts/lib/code-key.ts`): the files an entry script
 * runs, followed through every kind of import, and the lockfile; everything when an import cannot be
 * followed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { codeKey, moduleGraph } from '../scripts/lib/code-key.ts';

const work = mkdtempSync(join(tmpdir(), 'minsheng-code-key-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes the files of a small project below a new folder; returns the folder. */
function project(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const files = {
  'package-lock.json': '{}\n',
  'scripts/ingest.ts':
    "import { parse } from '../src/lib/parse.ts';\nimport type { Notice } from '../src/lib/schema.ts';\nimport { readFileSync } from 'node:fs';\nexport const run = (n: Notice) => parse(readFileSync(n.path, 'utf8'));\n",
  'src/lib/parse.ts': "export * from './parse/rules.ts';\nexport const parse = async (t: string) => (await import('./parse/lazy.ts')).lazy(t);\n",
  'src/lib/parse/rules.ts': "import data from './units.json' with { type: 'json' };\nexport const rules = data;\n",
  'src/lib/parse/units.json': '{"units": []}\n',
  'src/lib/parse/lazy.ts': 'export const lazy = (t: string) => t;\n',
  'src/lib/schema.ts': 'export interface Notice { path: string }\n',
  'src/pages/index.astro': '<h1>民生实事</h1>\n',
  'scripts/other.ts': "import '../src/pages/helper.ts';\n",
  'src/pages/helper.ts': 'export {};\n',
};

describe('moduleGraph', () => {
  test('should follow static, type-only, re-exported, dynamic and JSON imports, and nothing else', () => {
    expect(moduleGraph(project('graph', files), ['scripts/ingest.ts'])).toEqual([
      'scripts/ingest.ts',
      'src/lib/parse.ts',
      'src/lib/parse/lazy.ts',
      'src/lib/parse/rules.ts',
      'src/lib/parse/units.json',
      'src/lib/schema.ts',
    ]);
  });

  test('should give up on a relative import it cannot resolve', () => {
    expect(moduleGraph(project('broken', { ...files, 'src/lib/parse/lazy.ts': "import './gone.ts';\n" }), ['scripts/ingest.ts'])).toBeUndefined();
  });
});

describe('codeKey', () => {
  test('should change with a module the entry runs and the lockfile, not with a page or another script', () => {
    const dir = project('key', files);
    const before = codeKey(dir, ['scripts/ingest.ts']);
    writeFileSync(join(dir, 'src/pages/index.astro'), '<h1>民生实事公开</h1>\n');
    writeFileSync(join(dir, 'src/pages/helper.ts'), 'export const changed = 1;\n');
    expect(codeKey(dir, ['scripts/ingest.ts'])).toBe(before);
    writeFileSync(join(dir, 'src/lib/parse/lazy.ts'), 'export const lazy = (t: string) => t.trim();\n');
    const parser = codeKey(dir, ['scripts/ingest.ts']);
    expect(parser).not.toBe(before);
    writeFileSync(join(dir, 'package-lock.json'), '{"lockfileVersion": 3}\n');
    expect(codeKey(dir, ['scripts/ingest.ts'])).not.toBe(parser);
  });

  test('should cover every file of src/ and scripts/ without entries, or when the graph cannot be made', () => {
    const dir = project('all', { ...files, 'src/lib/parse/lazy.ts': "import './gone.ts';\n" });
    const before = codeKey(dir, ['scripts/ingest.ts']);
    expect(codeKey(dir)).toBe(before);
    writeFileSync(join(dir, 'src/pages/index.astro'), '<h1>民生实事公开</h1>\n');
    expect(codeKey(dir, ['scripts/ingest.ts'])).not.toBe(before);
  });
});
