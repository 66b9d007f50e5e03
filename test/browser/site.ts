/**
 * The real-browser quality gates' I/O edge, free of vitest so that the global
 * setup (in vitest's main process) can use it too:
 *
 * - build the site once into a temporary directory (`astro build --outDir`,
 *   then the Pagefind indexer when `scripts/search-index.ts` exists);
 * - serve that directory from 127.0.0.1 with a tiny static server (a folder
 *   serves its `index.html`, a miss serves `404.html` with status 404);
 * - launch Debian's Chromium, or fail saying how to install it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built site's directory, from `test/browser/global-setup.ts`. */
    siteDir: string;
  }
}

/** The project root. */
export const project = resolve(import.meta.dirname, '..', '..');

import { astroBuildEnv } from '../../scripts/lib/children.ts';

export { chromiumMissing, chromiumPath, contentType, launchChromium, serve } from '../../scripts/serve.ts';
export type { Served } from '../../scripts/serve.ts';

/** A site built into a temporary directory. */
export interface BuiltSite {
  dir: string;
  /** Deletes the directory. */
  remove: () => void;
}

/** Returns the project's own Node (24, from the `node` devDependency), else the one running this. */
function projectNode(): string {
  const own = join(project, 'node_modules', '.bin', 'node');
  return existsSync(own) ? own : process.execPath;
}

/** Runs a Node script of the project (with `env` added to the environment), throwing its output when it fails. */
function runNode(args: string[], env: Record<string, string> = {}): void {
  try {
    execFileSync(projectNode(), args, { cwd: project, stdio: 'pipe', env: { ...process.env, BASE_PATH: '/', ...env } });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(`\`node ${args.join(' ')}\` failed: ${e.message}\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`);
  }
}

/**
 * Builds the site as `npm run build` does, into a new temporary directory: the yearly snapshots
 * (`scripts/snapshot.ts --all`, kept in `snapshots/` when current), `astro build --outDir`, then
 * `scripts/search-index.ts --site <dir>` when the search indexer exists. With `contentDir`,
 * the content of that directory, ingested first.
 */
export function buildSite(contentDir?: string): BuiltSite {
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-browser-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  const env: Record<string, string> = contentDir === undefined ? {} : { MINSHENG_CONTENT_DIR: contentDir };
  try {
    if (contentDir !== undefined) runNode([join(project, 'scripts', 'ingest.ts')], env);
    runNode([join(project, 'scripts', 'snapshot.ts'), '--all'], env);
    runNode([join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', dir], { ...env, ...astroBuildEnv });
    const indexer = join(project, 'scripts', 'search-index.ts');
    if (existsSync(indexer)) runNode([indexer, '--site', dir], env);
  } catch (error) {
    remove();
    throw error;
  }
  return { dir, remove };
}
