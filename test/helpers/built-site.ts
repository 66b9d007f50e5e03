/**
 * The site built once per test run by the global setup (`test/browser/global-setup.ts`),
 * with its search index. Tests read it; none may change or delete it.
 */
import { inject } from 'vitest';

/** Returns the folder of the shared build. */
export function builtSite(): string {
  const dir: string | undefined = inject('siteDir');
  if (!dir) throw new Error('no shared site build: vitest.config.ts must list test/browser/global-setup.ts in globalSetup');
  return dir;
}
