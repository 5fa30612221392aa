// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { readSettings } from './src/settings.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { securityHeadersIntegration } from './src/integrations/security-headers.ts';
import { distCheckIntegration } from './src/integrations/dist-check.ts';

const settings = readSettings();

/** Astro configuration: static output, MDX, sharp images, Pagefind indexing after the build. */
export default defineConfig({
  // The address this build is served at (MODUS_SITE_URL): feed links and printed permalinks use it.
  site: settings.siteUrl,
  output: 'static',
  // Project-local cache (parsed content, encoded images): survives rebuilds, never shared between checkouts.
  cacheDir: './.cache/astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  prefetch: false,
  image: {
    // Local files only: nothing is fetched from another host.
    domains: [],
    remotePatterns: [],
  },
  // Order matters: hooks of one kind run in this order. The dist check must stay last, so that it
  // sees dist/ exactly as it will be deployed (pages, search index, headers files, CMS bundle).
  integrations: [mdx(), pagefindIntegration(), securityHeadersIntegration(settings), distCheckIntegration(settings)],
  vite: {
    server: { fs: { allow: [settings.contentDir, '.'] } },
  },
});
