// @ts-check
import { defineConfig } from 'astro/config';
import path from 'node:path';
import mdx from '@astrojs/mdx';
import { readSettings } from './src/settings.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { decapIntegration } from './src/integrations/decap.ts';
import { literalProseIntegration } from './src/integrations/literal-prose.ts';

const settings = readSettings();

// decap-server (started next to the site by `npm start` / `npm run cms`) is reached through the
// site's own origin at /api/v1, so the CMS needs no second origin and no port baked into the build.
const cmsProxy = { '/api/v1': { target: `http://127.0.0.1:${process.env.MODUS_CMS_PORT || 8081}` } };

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
    // Local files only: nothing is fetched from another host.
    domains: [],
    remotePatterns: [],
  },
  integrations: [
    // Notice bodies render what editors typed literally: < { } and HTML comments are text, not MDX
    // (field case F8); the Callout component stays available. Must come before mdx().
    literalProseIntegration({ folders: [path.join(settings.contentDir, 'notices')] }),
    // Exactly as typed: no automatic curly quotes or dashes, so codes, quantities ("1--2 kg") and
    // quoted text stay what the editor wrote.
    mdx({ smartypants: false }),
    decapIntegration(),
    pagefindIntegration(),
  ],
  vite: {
    server: { fs: { allow: [settings.contentDir, '.'] }, proxy: cmsProxy },
    preview: { proxy: cmsProxy },
  },
});
