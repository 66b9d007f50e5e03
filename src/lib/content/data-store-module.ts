/**
 * The content collections as the pages import them, read from a file when the pages render.
 *
 * `astro build` hands the collections to the pages as one module, `astro:data-layer-content`, whose
 * code is `export default JSON.parse("…")`: the whole data store in a single string literal (81
 * million characters at 3,000 notices). Vite bundles that module like any other code, and V8 then
 * compiles it: a string literal that long compiles in time that grows faster than its length (107 s
 * at 3,000 notices), and bundling it took 20–30 s (BENCHMARKS.md, “The data store module”).
 *
 * `dataStoreFile()` is the Astro integration (`astro.config.mjs`) that writes the store's JSON to a
 * file of the build's own and makes the module read it: `JSON.parse(readFileSync(file))`, the same
 * value. The file is named by the build's process id, in `<cacheDir>/minsheng-data-store/` (Astro's
 * cache folder); it is removed when the build is done or its process exits (a failed build), and a
 * file left by a build that was killed outright is removed by the next one. A module of another shape (an empty store, a later Astro) is left as it
 * is, with a warning: the build is then only slower, never different.
 *
 * `dataStoreJson` and `fileModule` are pure; the integration is the I/O edge.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The module's id as Vite resolves it (Astro's `RESOLVED_DATA_STORE_VIRTUAL_ID`). */
export const dataStoreModuleId = '\0astro:data-layer-content';

/** The folder, in Astro's cache folder, that holds the builds' data store files. */
export const dataStoreFolder = 'minsheng-data-store';

const head = 'export default JSON.parse(';
const tail = ')';

/**
 * Returns the JSON text that Astro's module `code` (`export default JSON.parse("…")`, one string
 * literal) parses, or undefined when the code has another shape.
 */
export function dataStoreJson(code: string): string | undefined {
  const text = code.trimEnd();
  if (!text.startsWith(head) || !text.endsWith(tail) || text.charAt(head.length) !== '"') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text.slice(head.length, -tail.length));
  } catch {
    return undefined;
  }
  return typeof json === 'string' ? json : undefined;
}

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

/** Returns whether a process of this id is running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the data store files in `folder` whose writer is no longer running (a build killed outright). */
export function removeLeftovers(folder: string, running: (pid: number) => boolean = alive): void {
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
  enforce: 'post';
  transform(this: { warn(message: string): void }, code: string, id: string): { code: string; map: { mappings: '' } } | undefined;
}

/**
 * The Vite plugin: `astro:data-layer-content` rewritten to read its JSON from `file`, written when the
 * module is transformed (leftovers of killed builds removed first); any other module is left alone.
 */
export function dataStoreFilePlugin(file: string): DataStorePlugin {
  let removedAtExit = false;
  return {
    name: 'minsheng:data-store-file',
    enforce: 'post',
    transform(code, id) {
      if (id !== dataStoreModuleId) return undefined;
      const json = dataStoreJson(code);
      if (json === undefined) {
        // Astro's stub for no content at all needs nothing.
        if (code.trim() !== 'export default new Map()') this.warn('the content data store module has a shape this plugin does not know; the build is slower at national scale');
        return undefined;
      }
      const folder = join(file, '..');
      mkdirSync(folder, { recursive: true });
      removeLeftovers(folder);
      writeFileSync(file, json);
      // A build that fails (a page that throws) never reaches `astro:build:done`: the file goes when the process exits.
      if (!removedAtExit) process.once('exit', () => rmSync(file, { force: true }));
      removedAtExit = true;
      return { code: fileModule(file), map: { mappings: '' } };
    },
  };
}

/**
 * The Astro integration: adds `dataStoreFilePlugin` for this process's file in Astro's cache folder,
 * and removes the file when the build is done.
 */
export function dataStoreFile(): AstroIntegration {
  let file: string | undefined;
  return {
    name: 'minsheng:data-store-file',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        file = join(fileURLToPath(config.cacheDir), dataStoreFolder, dataStoreFileName(process.pid));
        updateConfig({ vite: { plugins: [dataStoreFilePlugin(file)] } });
      },
      'astro:build:done': () => {
        if (file !== undefined) rmSync(file, { force: true });
      },
    },
  };
}
