import { defineConfig } from 'vitest/config';

/** Test files that read the shared site build (`test/helpers/built-site.ts`). */
const siteTests = ['test/browser/**/*.test.ts', 'test/build.test.ts', 'test/search.test.ts', 'test/site-pages.test.ts', 'test/site-quality.test.ts', 'test/build-atomic.test.ts'];

export default defineConfig({
  test: {
    // Child processes (CLI, ingest, astro build) take seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A browser on a busy machine can take more than vitest's default second to update a page.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      // Fast: pure functions, fixtures, CLIs. `npx vitest run --project unit` needs no site build.
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: siteTests } },
      // One site build (with its search index) shared by these files, made once by the global setup.
      { extends: true, test: { name: 'site', include: siteTests, globalSetup: ['test/browser/global-setup.ts'] } },
    ],
  },
});
