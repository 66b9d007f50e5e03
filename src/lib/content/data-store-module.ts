/**
 * The content collections as the pages import them, compiled in linear time.
 *
 * `astro build` hands the collections to the pages as one module, `astro:data-layer-content`, whose
 * code is `export default JSON.parse("…")`: the whole data store in a single string literal (81
 * million characters at 3,000 notices). V8 compiles a string literal that long in time that grows
 * faster than its length: importing that module took 107 s at 3,000 notices and 17 s at 1,500, the
 * first page waiting for it (BENCHMARKS.md, “The data store module”). The same string written as
 * literals of at most a million characters, joined when the module runs, compiled and parsed in 6.5 s.
 *
 * `dataStoreLiterals()` is the Vite plugin (`astro.config.mjs`) that rewrites the module so; the
 * value is the same string, code unit for code unit. A module of another shape (an empty store, a
 * later Astro) is left as it is, with a warning: the build is then only slower, never different.
 * Pure but for the warning.
 */

/** The module's id as Vite resolves it (Astro's `RESOLVED_DATA_STORE_VIRTUAL_ID`). */
export const dataStoreModuleId = '\0astro:data-layer-content';

/** The longest literal written, in UTF-16 code units. */
export const literalLength = 1 << 20;

const head = 'export default JSON.parse(';
const tail = ')';

/**
 * Returns the module `code` (`export default JSON.parse("…")`, one string literal) written with
 * literals of at most `length` code units joined at run time, the same value; or undefined when the
 * code has another shape. A surrogate pair is never cut in two.
 */
export function splitDataStoreModule(code: string, length: number = literalLength): string | undefined {
  const text = code.trimEnd();
  if (!text.startsWith(head) || !text.endsWith(tail) || text.charAt(head.length) !== '"') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text.slice(head.length, -tail.length));
  } catch {
    return undefined;
  }
  if (typeof json !== 'string') return undefined;
  const literals: string[] = [];
  for (let start = 0; start < json.length; ) {
    let end = Math.min(start + length, json.length);
    // A high surrogate at the end goes with its low one into the next literal.
    if (end < json.length && end - start > 1 && /[\uD800-\uDBFF]/u.test(json.charAt(end - 1))) end--;
    literals.push(JSON.stringify(json.slice(start, end)));
    start = end;
  }
  return `${head}[\n${literals.join(',\n')}\n].join(''))\n`;
}

/** The part of a Vite plugin this one uses (typed here: Vite is Astro's dependency, not the project's). */
export interface DataStorePlugin {
  name: string;
  enforce: 'post';
  transform(this: { warn(message: string): void }, code: string, id: string): { code: string; map: { mappings: '' } } | undefined;
}

/** The Vite plugin: rewrites `astro:data-layer-content` with `splitDataStoreModule`; any other module is left alone. */
export function dataStoreLiterals(): DataStorePlugin {
  return {
    name: 'minsheng:data-store-literals',
    enforce: 'post',
    transform(code, id) {
      if (id !== dataStoreModuleId) return undefined;
      const split = splitDataStoreModule(code);
      if (split === undefined) {
        // Astro's stub for no content at all needs nothing.
        if (code.trim() !== 'export default new Map()') this.warn('the content data store module has a shape this plugin does not know; the build is slower at national scale');
        return undefined;
      }
      return { code: split, map: { mappings: '' } };
    },
  };
}
