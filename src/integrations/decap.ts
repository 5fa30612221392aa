/**
 * Astro integration: Decap CMS at /admin/, self-hosted, honouring MODUS_ADMIN.
 * - injects the admin page (src/cms/browser/AdminPage.astro);
 * - writes /admin/config.yml, generated from src/model by src/cms/node/config.ts, with the next free id;
 * - serves (dev) or copies into the build output (build) Decap's prebuilt bundle, its chunks and
 *   wasm files from node_modules/decap-cms/dist: never from a CDN, never committed.
 * With MODUS_ADMIN=off none of this happens and the build holds no /admin/ at all.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { stringify } from 'yaml';
import { readEntryFile } from '../loading/frontmatter.ts';
import { cmsConfig, type CmsConfigOptions } from '../cms/node/config.ts';
import { cmsPaths } from '../cms/node/paths.ts';
import { nextNoticeId } from '../model/notice-ids.ts';
import { stripBase } from '../model/site-path.ts';
import type { Settings } from '../settings.ts';

/** Folder of the prebuilt Decap bundle. */
export function decapDistDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('decap-cms/dist/decap-cms.js'));
}

/** True for the files of the Decap bundle the site serves: the entry, its chunks, wasm, licence. */
export function isDecapBundleFile(name: string): boolean {
  return (
    name === 'decap-cms.js' || name === 'decap-cms.js.LICENSE.txt' || /^\d+\.decap-cms\.js$/.test(name) || /^[0-9a-f]+\.wasm$/.test(name)
  );
}

/** The ids written in the notices under `noticesDir` (files whose frontmatter cannot be read are skipped: the build reports them). */
export function readNoticeIds(noticesDir: string): string[] {
  if (!fs.existsSync(noticesDir)) return [];
  const ids: string[] = [];
  for (const dir of fs.readdirSync(noticesDir, { withFileTypes: true })) {
    const file = path.join(noticesDir, dir.name, 'index.mdx');
    if (!dir.isDirectory() || !fs.existsSync(file)) continue;
    try {
      const { id } = readEntryFile(fs.readFileSync(file, 'utf8'), file).data;
      if (typeof id === 'string') ids.push(id);
    } catch {
      /* reported by the content loader */
    }
  }
  return ids;
}

/** The config options of this build: folders from the content setting, next id, backend, the site's base path (default `/`). */
export function cmsOptions(
  contentDir: string,
  backend: Record<string, unknown> | undefined,
  now = new Date(),
  base = '/',
): CmsConfigOptions {
  const paths = cmsPaths(contentDir);
  return {
    noticesFolder: paths.noticesFolder,
    coursesFolder: paths.coursesFolder,
    mediaFolder: paths.mediaFolder,
    nextId: nextNoticeId(readNoticeIds(path.join(contentDir, 'notices')), now.getFullYear()),
    branch: paths.branch ?? 'main',
    backend,
    base,
  };
}

/** The text of /admin/config.yml for `contentDir`, for the site served under `base` (default `/`). */
export function configYaml(contentDir: string, backend: Record<string, unknown> | undefined, base = '/'): string {
  const header = [
    '# Decap CMS configuration of Modus: GENERATED at build time from src/model by src/cms/node/config.ts.',
    '# Do not edit; change the schema, the vocabularies or src/cms/node/field-text.ts instead.',
    '# Production git host: set MODUS_CMS_BACKEND (see docs/editing.md, "Production git host").',
  ].join('\n');
  return `${header}\n${stringify(cmsConfig(cmsOptions(contentDir, backend, new Date(), base)), { lineWidth: 0 })}`;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The integration, for the build's settings: `admin` (MODUS_ADMIN) and `contentDir` (MODUS_CONTENT_DIR). */
export function decapIntegration(settings: Pick<Settings, 'admin' | 'contentDir' | 'cmsBackend' | 'base'>): AstroIntegration {
  return {
    name: 'modus-decap',
    hooks: {
      'astro:config:setup': ({ injectRoute, logger }) => {
        if (!settings.admin) {
          logger.info('MODUS_ADMIN=off: no /admin/ in this build');
          return;
        }
        injectRoute({
          pattern: '/admin',
          entrypoint: fileURLToPath(new URL('../cms/browser/AdminPage.astro', import.meta.url)),
          prerender: true,
        });
      },
      'astro:server:setup': ({ server }) => {
        if (!settings.admin) return;
        const dist = decapDistDir();
        server.middlewares.use((req, res, next) => {
          // Astro's dev server takes the site's base off the address before this middleware sees it
          // (`/any/path/admin/config.yml` arrives as `/admin/config.yml`); a based address is taken off too.
          const pathname = stripBase(new URL(req.url ?? '/', 'http://localhost').pathname, settings.base);
          if (pathname === '/admin/config.yml') {
            // Generated per request, so the next free id and any schema change show at once.
            res
              .writeHead(200, { 'Content-Type': 'text/yaml; charset=utf-8', 'Cache-Control': 'no-store' })
              .end(configYaml(settings.contentDir, settings.cmsBackend, settings.base));
            return;
          }
          const name = pathname.startsWith('/admin/') ? pathname.slice('/admin/'.length) : '';
          if (isDecapBundleFile(name)) {
            res.writeHead(200, { 'Content-Type': TYPES[path.extname(name)] ?? 'application/octet-stream' });
            fs.createReadStream(path.join(dist, name)).pipe(res);
            return;
          }
          next();
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!settings.admin) return;
        const out = path.join(fileURLToPath(dir), 'admin');
        fs.mkdirSync(out, { recursive: true });
        fs.writeFileSync(path.join(out, 'config.yml'), configYaml(settings.contentDir, settings.cmsBackend, settings.base));
        const dist = decapDistDir();
        const files = fs.readdirSync(dist).filter(isDecapBundleFile);
        for (const f of files) fs.copyFileSync(path.join(dist, f), path.join(out, f));
        logger.info(`/admin/: Decap CMS (${files.length} files) and config.yml generated from src/model`);
      },
    },
  };
}
