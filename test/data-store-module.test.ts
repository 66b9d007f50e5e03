/**
 * The data store module read from a file (`src/lib/content/data-store-module.ts`): the same value as
 * the module the installed Astro makes from the same data store file; other modules, and builds
 * without a store, left to Astro; the copy removed when the build is done, and the copies of killed
 * builds removed by the next one.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { AstroIntegration } from 'astro';
import {
  astroDataStoreFile,
  dataStoreFile,
  dataStoreFileName,
  dataStoreFilePlugin,
  dataStoreFolder,
  dataStoreModuleId,
  fileModule,
  removeLeftovers,
  writerOf,
} from '../src/lib/content/data-store-module.ts';
import type { DataStorePlugin } from '../src/lib/content/data-store-module.ts';

/** Returns the default export of an ES module's code, run by Node. */
async function run(code: string): Promise<unknown> {
  const module = (await import(`data:text/javascript;charset=utf-8,${encodeURIComponent(code)}`)) as { default: unknown };
  return module.default;
}

const store = JSON.stringify([
  ['commitments', [['2023/jinan-shizhong/18', { text: '新增托位675个（牵头单位：区教育局）', quote: '"引号"\\反斜杠\n换行\t制表', emoji: '𠀀𝟘😀' }]]],
  { empty: '', unicode: '\u2028\u2029\u0000' },
]);

const dir = mkdtempSync(join(tmpdir(), 'minsheng-data-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the integration's `astro:config:setup` with Astro's cache folder `cache`; returns the plugins it added. */
function setUp(integration: AstroIntegration, cache: string, experimental: Record<string, unknown> = {}): DataStorePlugin[] {
  const plugins: DataStorePlugin[] = [];
  const setup = integration.hooks['astro:config:setup'] as unknown as (options: {
    config: { cacheDir: URL; experimental: Record<string, unknown> };
    updateConfig: (config: { vite: { plugins: DataStorePlugin[] } }) => void;
  }) => void;
  setup({ config: { cacheDir: pathToFileURL(`${cache}/`), experimental }, updateConfig: (config) => void plugins.push(...config.vite.plugins) });
  return plugins;
}

describe('fileModule', () => {
  test('a path with quotes, backslashes and Chinese is written as a valid literal, and the JSON read and parsed', async () => {
    const file = join(dir, 'a "数据" \\ b.json');
    writeFileSync(file, store);
    expect(await run(fileModule(file))).toEqual(JSON.parse(store));
  });
});

describe('dataStoreFilePlugin (the Vite plugin)', () => {
  test('loads the data store module only, as a module reading a copy of the store', async () => {
    const storeFile = join(dir, 'plugin', astroDataStoreFile);
    mkdirSync(join(dir, 'plugin'));
    writeFileSync(storeFile, store);
    const copy = join(dir, 'plugin', dataStoreFolder, dataStoreFileName(process.pid));
    const plugin = dataStoreFilePlugin(storeFile, copy);
    expect(plugin.apply).toBe('build');
    expect(plugin.load.order).toBe('pre');
    expect(plugin.load.handler('/src/pages/index.astro')).toBeUndefined();
    expect(existsSync(copy)).toBe(false);
    const loaded = plugin.load.handler(dataStoreModuleId);
    expect(readFileSync(copy, 'utf8')).toBe(store);
    // The store changed after the module was loaded (another build): the pages still read the copy.
    writeFileSync(storeFile, '[]');
    expect(loaded?.code.length).toBeLessThan(300);
    expect(await run(loaded?.code ?? '')).toEqual(JSON.parse(store));
  });

  test('leaves the module to Astro when there is no data store file', () => {
    const copy = join(dir, 'none', dataStoreFolder, dataStoreFileName(process.pid));
    expect(dataStoreFilePlugin(join(dir, 'none', astroDataStoreFile), copy).load.handler(dataStoreModuleId)).toBeUndefined();
    expect(existsSync(copy)).toBe(false);
  });
});

describe('the copies of builds', () => {
  test('are named by the process that wrote them', () => {
    expect(writerOf(dataStoreFileName(4321))).toBe(4321);
    expect(writerOf('data-store.json')).toBeUndefined();
    expect(writerOf('data-store-12.json.tmp')).toBeUndefined();
  });

  test('a copy whose writer is gone is removed; a running build’s copy and other files are kept', () => {
    const folder = join(dir, 'leftovers');
    mkdirSync(folder);
    for (const name of [dataStoreFileName(11), dataStoreFileName(22), dataStoreFileName(process.pid), 'notes.txt']) writeFileSync(join(folder, name), '{}');
    removeLeftovers(folder, (pid) => pid === 22);
    expect(readdirSync(folder).sort()).toEqual([dataStoreFileName(22), dataStoreFileName(process.pid), 'notes.txt'].sort());
    removeLeftovers(join(dir, 'missing'));
  });

  test('the integration copies Astro’s store within its cache folder, and removes the copy when the build is done', async () => {
    const cache = join(dir, 'astro-cache');
    mkdirSync(cache);
    writeFileSync(join(cache, astroDataStoreFile), store);
    const integration = dataStoreFile();
    const plugins = setUp(integration, cache);
    expect(plugins).toHaveLength(1);
    const loaded = plugins[0]?.load.handler(dataStoreModuleId);
    const copy = join(cache, dataStoreFolder, dataStoreFileName(process.pid));
    expect(readFileSync(copy, 'utf8')).toBe(store);
    expect(await run(loaded?.code ?? '')).toEqual(JSON.parse(store));
    (integration.hooks['astro:build:done'] as unknown as () => void)();
    expect(existsSync(copy)).toBe(false);
  });

  test('the integration leaves Astro’s chunked storage alone', () => {
    expect(setUp(dataStoreFile(), join(dir, 'chunked'), { collectionStorage: 'chunked' })).toEqual([]);
    expect(setUp(dataStoreFile(), join(dir, 'single'), { collectionStorage: 'single-file' })).toHaveLength(1);
  });
});

describe('the module the installed Astro makes', () => {
  test('has the same value as the module this plugin loads from the same cache folder', async () => {
    // Astro's own plugin, from the installed package (its internals: this test fails if a new Astro
    // keeps its store elsewhere or makes the module from something else).
    const url = pathToFileURL(join(import.meta.dirname, '..', 'node_modules', 'astro', 'dist', 'content', 'vite-plugin-content-virtual-mod.js')).href;
    const { astroContentVirtualModPlugin } = (await import(url)) as {
      astroContentVirtualModPlugin: (options: { settings: unknown; fs: typeof fs }) => {
        config: (user: unknown, env: { command: string }) => void;
        load: { handler: (this: { error: (e: unknown) => never }, id: string) => Promise<{ code: string }> };
      };
    };
    const root = join(dir, 'project');
    const cache = join(root, 'node_modules', '.astro');
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, astroDataStoreFile), store);
    const rootUrl = pathToFileURL(`${root}/`);
    const astro = astroContentVirtualModPlugin({
      settings: {
        config: { root: rootUrl, srcDir: new URL('src/', rootUrl), cacheDir: pathToFileURL(`${cache}/`), experimental: {}, legacy: {} },
        dotAstroDir: new URL('.astro/', rootUrl),
      },
      fs,
    });
    astro.config({}, { command: 'build' });
    const generated = await astro.load.handler.call(
      {
        error: (e) => {
          throw new Error(String(e));
        },
      },
      dataStoreModuleId,
    );
    const ours = setUp(dataStoreFile(), cache)[0]?.load.handler(dataStoreModuleId);
    expect(ours).toBeDefined();
    expect(await run(ours?.code ?? '')).toEqual(await run(generated.code));
    expect(await run(generated.code)).toEqual(JSON.parse(store));
  });
});
