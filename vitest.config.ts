import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One site build (with its search index) shared by the browser tests.
    globalSetup: ['test/browser/global-setup.ts'],
    // Child processes (CLI, ingest, astro build) take seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
