// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { readSettings } from './src/settings.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { ENCODER_OPTIONS } from './src/lib/image-variants.ts';

const settings = readSettings();

/** Astro configuration: static output, MDX, sharp images, Pagefind indexing after the build. */
export default defineConfig({
  site: 'http://localhost:4321',
  output: 'static',
  // Project-local cache (parsed content, encoded images): survives rebuilds, never shared between checkouts.
  cacheDir: './.cache/astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  prefetch: false,
  image: {
    // sharp with the encoder options chosen in src/lib/image-variants.ts (speed vs bytes, measured).
    service: { entrypoint: 'astro/assets/services/sharp', config: ENCODER_OPTIONS },
    // Local files only: nothing is fetched from another host.
    domains: [],
    remotePatterns: [],
  },
  integrations: [mdx(), pagefindIntegration()],
  vite: {
    server: { fs: { allow: [settings.contentDir, '.'] } },
    // Astro marks every MDX module with its own "use astro:head-inject" directive; rolldown warned about
    // it once per notice (10,000 warnings with code frames at 10,000 notices). The directive is Astro's
    // and intended, so the check is off.
    build: { rolldownOptions: { checks: { moduleLevelDirective: false } } },
  },
});
