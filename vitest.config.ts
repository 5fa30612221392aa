import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure modules, parallel) and `site` (builds of fixture content, browser tests
 * in Chromium, CMS end-to-end, benchmark smoke). Site tests run one file at a time: Astro builds in
 * one checkout share `.astro/` and must not overlap.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          globalSetup: ['tests/helpers/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
