/**
 * The content collections as the pages import them, read from a file when the pages render.
 *
 * `astro build` hands the collections to the pages as one module, `astro:data-layer-content`, whose
 * code Astro makes from its data store file as `export default JSON.parse("…")`: the whole store in a
 * single string literal (81 million characters at 3,000 notices). Vite passed that code through every
 * plugin's transform and bundled it (17 s at 3,000 notices), and V8 compiled it: a string literal that
 * long compiles in time that grows faster than its length (107 s at 3,000 notices; BENCHMARKS.md, “The
 * data store module”).
 *
 * `dataStoreFile()` is the Astro integration (`astro.config.mjs`) that loads the module first, in
 * `astro build`: the data store file Astro wrote (`<cacheDir>/data-store.json`, what its own module
 * would hold) is copied to a file of the build's own, and the module reads that copy when the pages
 * render: `JSON.parse(readFileSync(file))`, the same value. The copy is named by the build's process
 * id, in `<cacheDir>/minsheng-data-store/`; it is removed when the build is done or its process exits
 * (a failed build), and a copy left by a build killed outright is removed by the next one. Without a
 * data store file (no content), with Astro's chunked storage, or in `astro dev`, Astro's own module is
 * used. The test runs Astro's own plugin beside this one: a later Astro that keeps its store
 * elsewhere fails it.
 *
 * `fileModule` is pure; the plugin and the integration are the I/O edge.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isRunning } from '../processes.ts';

/** The module's id as Vite resolves it (Astro's `RESOLVED_DATA_STORE_VIRTUAL_ID`). */
export const dataStoreModuleId = '\0astro:data-layer-content';

/** Astro's data store file in its cache folder, as `astro build` writes it (Astro's `DATA_STORE_FILE`). */
export const astroDataStoreFile = 'data-store.json';

/** The folder, in Astro's cache folder, that holds the builds' copies. */
export const dataStoreFolder = 'minsheng-data-store';

/** Returns the code of a module whose default export is the JSON of the UTF-8 file at `path`, parsed. */
export function fileModule(path: string): string {
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(path)}, 'utf8'));\n`;
}

/** Returns the name of the data store file of the process `pid`. */
export const dataStoreFileName = (pid: number): string => `data-store-${pid}.json`;

/** Returns the process id a data store file was written by, or undefined for any other name. */
export function writerOf(name: string): number | undefined {
  const pid = /^data-store-(\d+)\.json$/u.exec(name)?.[1];
  return pid === undefined ? undefined : Number(pid);
}

/** Removes the data store files in `folder` whose writer is no longer running (a build killed outright). */
export function removeLeftovers(folder: string, running: (pid: number) => boolean = isRunning): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = writerOf(name);
    if (pid !== undefined && pid !== process.pid && !running(pid)) rmSync(join(folder, name), { force: true });
  }
}

/** The part of a Vite plugin this one uses (typed here: Vite is Astro's dependency, not the project's). */
export interface DataStorePlugin {
  name: string;
  apply: 'build';
  load: { order: 'pre'; handler(id: string): { code: string; map: { mappings: '' } } | undefined };
}

/**
 * The Vite plugin: `astro:data-layer-content` loaded, before Astro loads it, as a module reading
 * `file`, a copy of Astro's data store file `store` made then (leftovers of killed builds removed
 * first); undefined, and Astro's own module, for any other module or when `store` does not exist.
 */
export function dataStoreFilePlugin(store: string, file: string): DataStorePlugin {
  let removedAtExit = false;
  return {
    name: 'minsheng:data-store-file',
    apply: 'build',
    load: {
      order: 'pre',
      handler(id) {
        if (id !== dataStoreModuleId || !existsSync(store)) return undefined;
        mkdirSync(dirname(file), { recursive: true });
        removeLeftovers(dirname(file));
        copyFileSync(store, file);
        // A build that fails (a page that throws) never reaches `astro:build:done`: the copy goes when the process exits.
        if (!removedAtExit) process.once('exit', () => rmSync(file, { force: true }));
        removedAtExit = true;
        return { code: fileModule(file), map: { mappings: '' } };
      },
    },
  };
}

/**
 * The Astro integration: adds `dataStoreFilePlugin` for Astro's data store file and this process's
 * copy, both in Astro's cache folder, and removes the copy when the build is done. Astro's chunked
 * storage (`experimental.collectionStorage`) keeps the store in other files: left to Astro.
 */
export function dataStoreFile(): AstroIntegration {
  let file: string | undefined;
  return {
    name: 'minsheng:data-store-file',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const storage = (config.experimental as { collectionStorage?: string } | undefined)?.collectionStorage;
        if (storage !== undefined && storage !== 'single-file') return;
        file = join(fileURLToPath(config.cacheDir), dataStoreFolder, dataStoreFileName(process.pid));
        updateConfig({ vite: { plugins: [dataStoreFilePlugin(fileURLToPath(new URL(astroDataStoreFile, config.cacheDir)), file)] } });
      },
      'astro:build:done': () => {
        if (file !== undefined) rmSync(file, { force: true });
      },
    },
  };
}
