/**
 * vitest global setup: builds the site once (with its search index) for every
 * browser test file, provides its directory as `siteDir` (read with
 * `inject('siteDir')`), and deletes it when the run ends.
 *
 * Chromium is not checked here: a failing global setup would stop the whole
 * run, while a missing Chromium must fail the browser tests (and only them)
 * with a message saying how to install it.
 */
import type { TestProject } from 'vitest/node';
import { buildSite } from './site.ts';

export default function setup(project: TestProject): () => void {
  const site = buildSite();
  project.provide('siteDir', site.dir);
  return () => site.remove();
}
