/**
 * The data store module rewritten in short literals (`src/lib/content/data-store-module.ts`): the
 * same value, code unit for code unit; no literal longer than asked; other modules left alone; and
 * the module the installed Astro generates is one the plugin rewrites.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { dataStoreLiterals, dataStoreModuleId, splitDataStoreModule } from '../src/lib/content/data-store-module.ts';

/** Returns the default export of an ES module's code, run by Node. */
async function run(code: string): Promise<unknown> {
  const module = (await import(`data:text/javascript;charset=utf-8,${encodeURIComponent(code)}`)) as { default: unknown };
  return module.default;
}

/** Returns Astro's module for a data store: `export default JSON.parse(<the JSON as one literal>)`. */
const astroShape = (json: string): string => `export default JSON.parse(${JSON.stringify(json)})`;

const store = JSON.stringify([
  ['commitments', [['2023/jinan-shizhong/18', { text: '新增托位675个（牵头单位：区教育局）', quote: '"引号"\\反斜杠\n换行\t制表', emoji: '𠀀𝟘😀' }]]],
  { empty: '', unicode: '\u2028\u2029\u0000' },
]);

describe('splitDataStoreModule', () => {
  test('gives the same value as the module it rewrites, whatever the literal length', async () => {
    const expected = await run(astroShape(store));
    for (const length of [1, 2, 3, 7, 64, store.length, store.length + 10]) {
      const split = splitDataStoreModule(astroShape(store), length);
      expect(split, `length ${length}`).toBeDefined();
      expect(await run(split ?? ''), `length ${length}`).toEqual(expected);
    }
  });

  test('writes no literal longer than asked, and never cuts a surrogate pair', () => {
    const json = JSON.stringify({ a: '😀'.repeat(50), b: 'x'.repeat(100) });
    const split = splitDataStoreModule(astroShape(json), 5) ?? '';
    const literals = split.split('\n').filter((line) => line.startsWith('"'));
    expect(literals.length).toBeGreaterThan(json.length / 5);
    for (const line of literals) {
      const value = JSON.parse(line.replace(/,$/u, '')) as string;
      expect(value.length).toBeLessThanOrEqual(5);
      expect(value).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/u);
    }
    expect(literals.map((line) => JSON.parse(line.replace(/,$/u, '')) as string).join('')).toBe(json);
  });

  test('leaves a module of any other shape alone', () => {
    expect(splitDataStoreModule('export default new Map()')).toBeUndefined();
    expect(splitDataStoreModule('export default{"commitments":[(await import("x"))]}')).toBeUndefined();
    expect(splitDataStoreModule('export default JSON.parse(x)')).toBeUndefined();
    expect(splitDataStoreModule('export default JSON.parse("a") + JSON.parse("b")')).toBeUndefined();
    expect(splitDataStoreModule('export default JSON.parse(12)')).toBeUndefined();
  });
});

describe('dataStoreLiterals (the Vite plugin)', () => {
  const warnings: string[] = [];
  const context = { warn: (message: string) => void warnings.push(message) };

  test('rewrites the data store module only', () => {
    const plugin = dataStoreLiterals();
    expect(plugin.transform.call(context, astroShape(store), '/src/pages/index.astro')).toBeUndefined();
    expect(plugin.transform.call(context, astroShape(store), dataStoreModuleId)?.code).toBe(splitDataStoreModule(astroShape(store)));
    expect(warnings).toEqual([]);
  });

  test('warns, and changes nothing, when the module has a shape it does not know', () => {
    const plugin = dataStoreLiterals();
    expect(plugin.transform.call(context, 'export default new Map()', dataStoreModuleId)).toBeUndefined();
    expect(warnings).toEqual([]);
    expect(plugin.transform.call(context, 'export default{"commitments":[]}', dataStoreModuleId)).toBeUndefined();
    expect(warnings).toHaveLength(1);
  });
});

describe('the module the installed Astro generates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-data-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('is `astro:data-layer-content` in the shape the plugin rewrites, to the same value', async () => {
    // Astro's own plugin, from the installed package (its internals: this test fails if a new Astro
    // changes the module, and the build would only warn and be slower).
    const url = pathToFileURL(join(import.meta.dirname, '..', 'node_modules', 'astro', 'dist', 'content', 'vite-plugin-content-virtual-mod.js')).href;
    const { astroContentVirtualModPlugin } = (await import(url)) as {
      astroContentVirtualModPlugin: (options: { settings: unknown; fs: typeof fs }) => {
        config: (user: unknown, env: { command: string }) => void;
        load: { handler: (this: { error: (e: unknown) => never }, id: string) => Promise<{ code: string }> };
      };
    };
    const cache = join(dir, 'cache');
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, 'data-store.json'), store);
    const root = pathToFileURL(`${dir}/`);
    const plugin = astroContentVirtualModPlugin({
      settings: {
        config: { root, srcDir: new URL('src/', root), cacheDir: pathToFileURL(`${cache}/`), experimental: {}, legacy: {} },
        dotAstroDir: new URL('.astro/', root),
      },
      fs,
    });
    plugin.config({}, { command: 'build' });
    const generated = await plugin.load.handler.call(
      {
        error: (e) => {
          throw new Error(String(e));
        },
      },
      dataStoreModuleId,
    );
    const split = splitDataStoreModule(generated.code);
    expect(split).toBeDefined();
    expect(await run(split ?? '')).toEqual(await run(generated.code));
  });
});
