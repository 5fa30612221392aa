/**
 * Astro integration: writes the security headers of this build for static hosts into dist/:
 * `_headers` (Netlify, Cloudflare Pages) and `nginx-modus.conf` (an nginx snippet), both generated
 * from src/render/csp.ts, the same source as the pages' `<meta>` policies.
 * (Their content is what every response announces anyway; the nginx snippet hides both files.)
 */
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { LANGUAGE_FOLDERS, netlifyHeaders } from '../render/csp.ts';
import { nginxHeaders } from '../render/headers/nginx.ts';
import { cmsOrigins } from '../cms/node/backend.ts';
import type { Settings } from '../settings.ts';

/** File names of the headers files in dist/. */
export const HEADERS_FILES = ['_headers', 'nginx-modus.conf'] as const;

/**
 * The integration; `settings.admin` decides whether /admin/ gets its policy or a 404.
 * It also tells pages whether they are served by `astro dev` (`import.meta.env.MODUS_DEV_SERVER`):
 * there the policy meta tags are left out, since Vite's dev client injects inline code they would block.
 * (Not `import.meta.env.DEV`: that follows NODE_ENV, which a test runner sets to "test" during builds.)
 */
export function securityHeadersIntegration(settings: Pick<Settings, 'admin' | 'cmsBackend' | 'base'>): AstroIntegration {
  return {
    name: 'modus-security-headers',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.MODUS_DEV_SERVER': JSON.stringify(command === 'dev') } } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const entries = async (folder: string) =>
          (await fs.readdir(`${out}${folder}`, { withFileTypes: true }))
            .filter((d) => !(HEADERS_FILES as readonly string[]).includes(d.name))
            .map((d) => `${folder}${d.isDirectory() ? `${d.name}/` : d.name}`);
        // A language's folder (/fr/, …) holds its own search page: its entries are listed one by one.
        const top = (await Promise.all((await entries('')).map(async (e) => (LANGUAGE_FOLDERS.includes(e) ? entries(e) : [e])))).flat();
        // The CMS's production git host (MODUS_CMS_BACKEND), if any, may be reached from /admin/; every
        // path the files name is under the site's base.
        const options = { cmsOrigins: settings.admin ? cmsOrigins(settings.cmsBackend) : [], base: settings.base };
        await fs.writeFile(`${out}_headers`, netlifyHeaders(top, settings.admin, options));
        await fs.writeFile(`${out}nginx-modus.conf`, nginxHeaders(settings.admin, options));
        logger.info('wrote _headers and nginx-modus.conf (Content-Security-Policy per page type, Referrer-Policy: no-referrer)');
      },
    },
  };
}
