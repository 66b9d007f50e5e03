/**
 * The key of the code a cached result was made by (the ingest cache, the search parts' cache): the
 * files of the project that an entry script runs — itself and every project module it imports,
 * statically or with `import()`, followed transitively — and the lockfile, which pins every package.
 * A change to a page template then leaves the notices' outcomes valid; a change to the parser does not.
 *
 * Imports are read with TypeScript's own `preProcessFile` (the compiler's import scanner: type-only,
 * re-exports, dynamic imports with a literal, JSON modules), not with a pattern. A relative import that
 * cannot be resolved to a file makes the key cover every file of `src/` and `scripts/` instead, so an
 * import this does not understand can only cost time, never reuse a stale result.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { sha256 } from '../../src/lib/hash.ts';
import { filesBelow } from '../../src/lib/files.ts';

/** TypeScript's import scanner, loaded on first use (the compiler takes a moment to load). */
type PreProcess = (text: string, readImportFiles: boolean, detectJavaScriptImports: boolean) => { importedFiles: { fileName: string }[] };
let preProcess: PreProcess | undefined;

/** Returns the specifiers a module's text imports, in order. */
function importsOf(text: string): string[] {
  preProcess ??= (createRequire(import.meta.url)('typescript') as { preProcessFile: PreProcess }).preProcessFile;
  return preProcess(text, true, true).importedFiles.map((f) => f.fileName);
}

/** Returns the file a relative specifier names from `from`, or undefined when there is none. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/**
 * Returns the project files (relative to `project`, `/`-separated, sorted) that the entry scripts run:
 * the entries and every module they import from the project, transitively; undefined when a relative
 * import cannot be resolved.
 */
export function moduleGraph(project: string, entries: readonly string[]): string[] | undefined {
  const seen = new Set<string>();
  const queue = entries.map((e) => resolve(project, e));
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    if (!existsSync(file)) return undefined;
    seen.add(file);
    if (!/\.[cm]?[jt]s$/u.test(file)) continue;
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = resolveRelative(file, specifier);
      if (target === undefined) return undefined;
      queue.push(target);
    }
  }
  return [...seen].map((f) => relative(project, f).split(sep).join('/')).sort();
}

/**
 * Returns the key of the code: with `entries`, the files they run (`moduleGraph`) and the lockfile;
 * without, or when the graph cannot be made, every file of `src/` and `scripts/` and the lockfile.
 */
export function codeKey(project: string, entries?: readonly string[]): string {
  const graph = entries === undefined ? undefined : moduleGraph(project, entries);
  const files = [...(graph ?? ['src', 'scripts'].flatMap((dir) => filesBelow(join(project, dir)).map((f) => `${dir}/${f}`))), 'package-lock.json'];
  return sha256(files.map((f) => `${f}\0${sha256(readFileSync(join(project, f)))}\n`).join(''));
}
