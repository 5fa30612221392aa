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
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Some unit tests start a command (npm run import, npm run build with a bad setting): a second or two
          // alone, over 5 s (vitest's default) on a loaded 2-core machine. A hung command still fails.
          testTimeout: 60_000,
        },
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
