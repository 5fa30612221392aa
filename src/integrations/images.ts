/**
 * The images integration (docs/performance.md). Notice images do not go through astro:assets (whose bundler holds
 * every original in memory); the content loader registers the images this build shows
 * (src/loading/images/image-registry.ts) and this integration:
 * - after `astro build`, encodes the variants missing from the image cache (the folder `cacheDir` given,
 *   by default `<Astro's cacheDir>/modus-images/`; kept across builds) and copies every variant of the registered images into `dist/_img/`;
 * - under `astro dev` (and so in the CMS preview of `npm run cms`), serves `/_img/` from the cache,
 *   making an image's variants the first time one of them is asked for.
 * Only the variants of `variantsOf` are made or served, and only for registered images: a request for
 * another width or another file is answered 404.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Connect } from 'vite';
import { AstroError } from 'astro/errors';
import { copyVariants, ensureVariants } from '../loading/images/image-cache.ts';
import { imageRegistry } from '../loading/images/image-registry.ts';
import { VARIANT_BASE, variantName, variantsOf } from '../loading/images/image-variants.ts';
import { normaliseBase, sitePath } from '../model/site-path.ts';

const VARIANT_NAME = /^\/([0-9a-f]{20})-(\d+)\.(avif|webp)$/;

/** The Astro integration: `modus-images`. `options.cacheDir`: the image cache's folder (absolute). */
export function imagesIntegration(options: { cacheDir?: string } = {}): AstroIntegration {
  let cacheDir = options.cacheDir ?? '';
  // The path the site is served under (Astro's `base`): `astro dev` serves the variants at `<base>_img/`.
  let base = '/';
  return {
    name: 'modus-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir ||= fileURLToPath(new URL('modus-images/', config.cacheDir));
        base = normaliseBase(config.base);
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        // An image replaced beside its notice while the dev server runs (index.mdx unchanged): load the
        // notices again, so the image gets its new content id, or its problem is reported.
        let pending: ReturnType<typeof setTimeout> | undefined;
        const onImageChange = (file: string) => {
          if (![...imageRegistry().values()].some((s) => s.file === path.resolve(file))) return;
          clearTimeout(pending);
          pending = setTimeout(() => {
            logger.info(`${path.basename(file)} changed: loading the notices again`);
            refreshContent?.({ loaders: ['modus-checked-glob'] }).catch((err: Error) => logger.error(err.message));
          }, 300);
        };
        server.watcher.on('change', onImageChange);
        server.watcher.on('unlink', onImageChange);
        const serveVariant: Connect.NextHandleFunction = (req, res, next) => {
          const m = VARIANT_NAME.exec((req.url ?? '').split('?')[0]!);
          const source = m ? imageRegistry().get(m[1]!) : undefined;
          const variant = source && variantsOf(source.ref).find((v) => v.width === Number(m![2]) && v.format === m![3]);
          if (!source || !variant) return next();
          const file = path.join(cacheDir, variantName(source.ref, variant));
          // The same path as a build: the image's missing variants are made once, from its checked bytes.
          const ready = fs.existsSync(file) ? Promise.resolve() : ensureVariants([source], cacheDir, { concurrency: 1 });
          ready
            .then(() => fs.promises.readFile(file))
            .then(
              (bytes) => {
                res.writeHead(200, { 'Content-Type': `image/${variant.format}`, 'Cache-Control': 'no-cache' });
                res.end(bytes);
              },
              (err: Error) => {
                logger.error(err.message);
                res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(err.message);
              },
            );
        };
        // Astro's dev server takes the site's base off the address before the middlewares of integrations
        // see it (`/any/path/_img/…` arrives as `/_img/…`); the based path is served too, in case it does not.
        server.middlewares.use(VARIANT_BASE, serveVariant);
        if (base !== '/') server.middlewares.use(sitePath(VARIANT_BASE, base), serveVariant);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const images = [...imageRegistry().values()];
        if (images.length === 0) return;
        let shown = 0;
        let report;
        let copied;
        try {
          report = await ensureVariants(images, cacheDir, {
            onEncoded: (done, total) => {
              // About ten progress lines, however many variants there are.
              if (done === total || done >= shown + Math.max(1, Math.ceil(total / 10))) {
                shown = done;
                logger.info(`encoding image variants: ${done} of ${total}`);
              }
            },
          });
          copied = await copyVariants(images, cacheDir, fileURLToPath(new URL(`.${VARIANT_BASE}`, dir)));
        } catch (err) {
          // One clear message, without a stack trace (the pages are built; only the images failed).
          const error = new AstroError(
            `The notice images could not be made: ${(err as Error).message}`,
            'Fix or replace the image named above (or the cache folder), then build again.',
          );
          error.stack = '';
          throw error;
        }
        logger.info(
          `${report.encoded} image variants encoded, ${report.reused} reused from the cache; ` +
            `${copied} files for ${images.length} images in ${VARIANT_BASE.slice(1)}`,
        );
      },
    },
  };
}
