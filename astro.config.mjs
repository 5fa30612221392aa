// @ts-check
import path from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { settingsOrExit } from './src/build/settings-or-exit.ts';
import { decapIntegration } from './src/integrations/decap.ts';
import { imagesIntegration } from './src/integrations/images.ts';
import { securityHeadersIntegration } from './src/integrations/security-headers.ts';
import { settingsIntegration } from './src/integrations/settings.ts';

// A bad setting stops `astro` here with its one line (src/build/settings-or-exit.ts), not a stack trace.
const settings = settingsOrExit();

const UNWATCHED = ['.corpus', '.cache', 'bench-results', 'dist'].map((d) => path.resolve(d) + path.sep);
/** True for a path `astro dev` need not watch: generated folders of the project, unless it is in the content folder. */
function isUnwatched(/** @type {string} */ file) {
  const abs = path.resolve(file);
  // The content folder, what is in it and the folders leading to it are watched.
  if (abs === settings.contentDir || abs.startsWith(settings.contentDir + path.sep) || settings.contentDir.startsWith(abs + path.sep))
    return false;
  // The out folders of `npm start` on other ports (dist-<port>/) too.
  if (path.relative(process.cwd(), abs).split(path.sep)[0]?.startsWith('dist-')) return true;
  return UNWATCHED.some((dir) => abs.startsWith(dir) || abs + path.sep === dir);
}

// decap-server (started next to the site by `npm start` / `npm run cms`) is reached through the
// site's own origin at <base>api/v1 (/api/v1 at the root; the base is taken off on the way, as
// decap-server answers at /api/v1), so the CMS needs no second origin and no port baked into the build.
// When decap-server is not running, /api/v1/ answers (200, JSON without a repo) that there is no local
// server, instead of a 502 the browser would log as an error on /admin/.
/** The proxy to decap-server, answering for it when it is not running. */
const toDecapServer = {
  target: `http://127.0.0.1:${process.env.MODUS_CMS_PORT || 8081}`,
  /** @param {string} p */
  rewrite: (p) => (p.startsWith(settings.base) ? `/${p.slice(settings.base.length)}` : p),
  /** @param {import('node:events').EventEmitter} proxy */
  configure(proxy) {
    proxy.on('error', (_err, _req, res) => {
      if (!res || typeof res.writeHead !== 'function' || res.headersSent) return;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(
        JSON.stringify({
          error: 'The local editing server (decap-server) is not running. Start the site with "npm start" or "npm run cms".',
        }),
      );
    });
  },
};
// `astro preview` hands the proxy the address as requested (`<base>api/v1/`); `astro dev` takes the base
// off first (`/api/v1/`). At the root both are `/api/v1`.
const cmsProxy = { [`${settings.base}api/v1`]: toDecapServer, '/api/v1': toDecapServer };

/** Astro configuration: static output, MDX entries, notice images (sharp, cached), Decap CMS, headers files (search index and dist check: scripts/build.mjs). */
export default defineConfig({
  // The address this build is served at (MODUS_SITE_URL): feed links and printed permalinks use it.
  site: settings.siteUrl,
  // The path under it (`/` or `/any/path/`): Astro writes its own files' links under it and gives it to
  // every module as import.meta.env.BASE_URL, which src/model/site-path.ts puts in front of every address
  // the site writes (docs/architecture.md, "Site address and base path"). dist/ keeps its layout.
  base: settings.base,
  output: 'static',
  // Code blocks in bodies (e.g. a label as printed) stay plain <pre><code>: syntax highlighting would
  // write inline style= attributes, which the pages' Content-Security-Policy does not allow.
  markdown: { syntaxHighlight: false },
  // Project-local cache (parsed content, incremental build): survives rebuilds, never shared between checkouts.
  // `npm run build` gives each combination of settings its own (src/build/build-dirs.ts), so that builds of
  // two audiences or two content folders can run side by side; `astro dev` and a bare `astro` use this one.
  cacheDir: process.env.MODUS_ASTRO_CACHE_DIR || './.cache/astro',
  // Links are written with a trailing slash; an address typed without one still opens the page.
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  prefetch: false,
  // Nothing is fetched from another host for astro:assets (notice images do not use it: see below).
  image: { domains: [], remotePatterns: [] },
  // Incremental build: a page made by getStaticPaths() is rendered again only when its cacheKey (the digest
  // of everything it shows: src/render/data/static-paths.ts, cache-keys.ts) or its code changed; otherwise
  // Astro copies its last output from the cache (`<cacheDir>/dist/`, manifest `incremental-build.json`).
  // Astro renders everything again after a change of the lock file or of its configuration, and under
  // `astro build --force`. It needs build.concurrency 1 (the default).
  experimental: { incrementalBuild: true },
  // The search index and the dist check are not integrations: `npm run build` (scripts/build.mjs) runs
  // them after this build's process has exited, so Pagefind never adds its memory to Astro's.
  // The dist check there sees dist/ exactly as it will be deployed (pages, headers files, CMS bundle,
  // search index).
  integrations: [
    // The settings read above, for the content config and the pages (`virtual:modus/settings`).
    settingsIntegration(settings),
    // Makes .mdx files content entries (frontmatter and body). Bodies are not compiled into MDX modules:
    // the content loader renders them to HTML (src/loading/body/render-body.ts: literal prose, F8; no smart
    // punctuation, so codes, quantities ("1--2 kg") and quoted text stay what the editor wrote).
    mdx(),
    // Notice images: variants encoded with sharp into a cache kept across builds (shared by every build of the
    // checkout, whatever its settings) and copied to dist/_img/
    // (src/integrations/images.ts); not astro:assets, whose bundler holds every original in memory.
    imagesIntegration({ cacheDir: path.resolve('.cache/astro/modus-images') }),
    decapIntegration(settings),
    securityHeadersIntegration(settings),
  ],
  vite: {
    // `npm run build` keeps the out folder of its last build when it can (scripts/build.mjs says when), so
    // that Astro leaves in place the pages it need not render instead of copying them back from its cache;
    // it then deletes what the build no longer makes. Anything else (a bare `astro build`) empties it first.
    build: {
      emptyOutDir: process.env.MODUS_KEEP_OUT_DIR !== '1',
      // Astro writes a small bundled <script> (the search page's) into the page instead of a file; no page's
      // Content-Security-Policy runs inline code (src/render/csp.ts), so scripts always stay files.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
    server: {
      fs: { allow: [settings.contentDir, '.'] },
      proxy: cmsProxy,
      // Generated corpora (.corpus/, tens of thousands of folders) and caches are not watched by
      // `astro dev`: watching them exhausts the system's file watchers. A content folder inside is.
      watch: { ignored: (file) => isUnwatched(file) },
    },
    preview: { proxy: cmsProxy },
  },
});
