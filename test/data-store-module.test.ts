/**
 * The data store module read from a file (`src/lib/content/data-store-module.ts`): the same value as
 * the module Astro generates; other modules left alone; the file removed when the build is done, and
 * the files of killed builds removed by the next one; and the module the installed Astro generates is
 * one the plugin rewrites.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import {
  dataStoreFile,
  dataStoreFileName,
  dataStoreFilePlugin,
  dataStoreFolder,
  dataStoreJson,
  dataStoreModuleId,
  fileModule,
  removeLeftovers,
  writerOf,
} from '../src/lib/content/data-store-module.ts';
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

describe('dataStoreJson and fileModule', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-data-store-json-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a module reading the JSON Astro’s module holds gives the same value', async () => {
    const json = dataStoreJson(astroShape(store));
    expect(json).toBe(store);
    const file = join(dir, 'store.json');
    writeFileSync(file, json ?? '');
    expect(await run(fileModule(file))).toEqual(await run(astroShape(store)));
  });

  test('a path with quotes, backslashes and Chinese is written as a valid literal', async () => {
    const file = join(dir, 'a "数据" \\ b.json');
    writeFileSync(file, '{"年":2023}');
    expect(await run(fileModule(file))).toEqual({ 年: 2023 });
  });

  test('leaves a module of any other shape alone', () => {
    expect(dataStoreJson('export default new Map()')).toBeUndefined();
    expect(dataStoreJson('export default{"commitments":[(await import("x"))]}')).toBeUndefined();
    expect(dataStoreJson('export default JSON.parse(x)')).toBeUndefined();
    expect(dataStoreJson('export default JSON.parse("a") + JSON.parse("b")')).toBeUndefined();
    expect(dataStoreJson('export default JSON.parse(12)')).toBeUndefined();
  });
});

describe('dataStoreFilePlugin (the Vite plugin)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-data-store-plugin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const warnings: string[] = [];
  const context = { warn: (message: string) => void warnings.push(message) };

  test('rewrites the data store module only, writing its JSON to the file', async () => {
    const file = join(dir, 'cache', dataStoreFolder, dataStoreFileName(process.pid));
    const plugin = dataStoreFilePlugin(file);
    expect(plugin.transform.call(context, astroShape(store), '/src/pages/index.astro')).toBeUndefined();
    expect(existsSync(file)).toBe(false);
    const rewritten = plugin.transform.call(context, astroShape(store), dataStoreModuleId);
    expect(readFileSync(file, 'utf8')).toBe(store);
    expect(rewritten?.code.length).toBeLessThan(300);
    expect(await run(rewritten?.code ?? '')).toEqual(await run(astroShape(store)));
    expect(warnings).toEqual([]);
  });

  test('warns, and changes nothing, when the module has a shape it does not know', () => {
    const file = join(dir, 'other', dataStoreFileName(process.pid));
    const plugin = dataStoreFilePlugin(file);
    expect(plugin.transform.call(context, 'export default new Map()', dataStoreModuleId)).toBeUndefined();
    expect(warnings).toEqual([]);
    expect(plugin.transform.call(context, 'export default{"commitments":[]}', dataStoreModuleId)).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(existsSync(file)).toBe(false);
  });
});

describe('the data store files of builds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-data-store-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('are named by the process that wrote them', () => {
    expect(writerOf(dataStoreFileName(4321))).toBe(4321);
    expect(writerOf('data-store.json')).toBeUndefined();
    expect(writerOf('data-store-12.json.tmp')).toBeUndefined();
  });

  test('a file whose writer is gone is removed; a running build’s file and other files are kept', () => {
    const folder = join(dir, 'leftovers');
    mkdirSync(folder);
    for (const name of [dataStoreFileName(11), dataStoreFileName(22), dataStoreFileName(process.pid), 'notes.txt']) writeFileSync(join(folder, name), '{}');
    removeLeftovers(folder, (pid) => pid === 22);
    expect(readdirSync(folder).sort()).toEqual([dataStoreFileName(22), dataStoreFileName(process.pid), 'notes.txt'].sort());
    removeLeftovers(join(dir, 'missing'));
  });

  test('the integration writes its file in Astro’s cache folder, and removes it when the build is done', async () => {
    const cacheDir = pathToFileURL(`${join(dir, 'astro-cache')}/`);
    const integration = dataStoreFile();
    const plugins: unknown[] = [];
    const setup = integration.hooks['astro:config:setup'] as unknown as (options: {
      config: { cacheDir: URL };
      updateConfig: (c: { vite: { plugins: unknown[] } }) => void;
    }) => void;
    setup({ config: { cacheDir }, updateConfig: (c) => void plugins.push(...c.vite.plugins) });
    expect(plugins).toHaveLength(1);
    const plugin = plugins[0] as ReturnType<typeof dataStoreFilePlugin>;
    const rewritten = plugin.transform.call({ warn: () => undefined }, astroShape(store), dataStoreModuleId);
    const file = join(dir, 'astro-cache', dataStoreFolder, dataStoreFileName(process.pid));
    expect(readFileSync(file, 'utf8')).toBe(store);
    expect(await run(rewritten?.code ?? '')).toEqual(await run(astroShape(store)));
    const done = integration.hooks['astro:build:done'] as unknown as () => void;
    done();
    expect(existsSync(file)).toBe(false);
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
    const file = join(dir, 'store-read.json');
    const rewritten = dataStoreFilePlugin(file).transform.call({ warn: (m) => expect.fail(m) }, generated.code, dataStoreModuleId);
    expect(rewritten).toBeDefined();
    expect(await run(rewritten?.code ?? '')).toEqual(await run(generated.code));
  });
});
