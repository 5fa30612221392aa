/**
 * Image paths in frontmatter (field case F9). An image sits beside its notice's `index.mdx`
 * (or in a subfolder of it) and is written relative to that folder, as the CMS writes it:
 * `photo.jpg`, `./photo.jpg`, or URL-encoded `X-ray%20scan%201.jpg`. Every other form is rejected
 * with a message naming the path and the form to use.
 */

import { z } from 'astro/zod';

/**
 * A notice image as pages see it, made by the content loader (src/loading/loader/) from the file beside `index.mdx`:
 * `path` as written in frontmatter (normalised, `./photo.jpg`), `id` the first 20 hex digits of the
 * SHA-256 of the file's bytes (with `IMAGE_PIPELINE_VERSION`), `width`/`height` in pixels as displayed
 * (after the EXIF orientation is applied). `id` is empty between the schema and the loader, and when
 * the image failed its check (the build then stops; `astro dev` logs the problem).
 */
export interface ImageRef {
  path: string;
  id: string;
  width: number;
  height: number;
  /** Why the image has no id (under `astro dev`, an image that failed its check after an edit). */
  problem?: string;
}

/**
 * The image field of the collection schema: a normalised path becomes an `ImageRef` without content id
 * or size yet; the content loader fills them in once the file is checked (src/loading/loader/image-refs.ts).
 */
export function imageRefField() {
  return z.string().transform((path): ImageRef => ({ path, id: '', width: 0, height: 0 }));
}

/** The frontmatter path of an image field's value: a path as written, or the path of an `ImageRef`. */
export function imageSrcPath(src: unknown): string {
  return typeof src === 'object' && src !== null && typeof (src as ImageRef).path === 'string' ? (src as ImageRef).path : String(src);
}

/** Result of reading an image path: the normalised relative path, or why it is refused. */
export type ImagePathResult = { ok: true; path: string } | { ok: false; message: string };

/**
 * Normalises an image path written in frontmatter to `./relative/path.ext`, decoding %-escapes.
 * Refuses URLs, absolute paths, `..` segments and backslashes (paths must stay inside the notice folder).
 */
export function normaliseImagePath(raw: string): ImagePathResult {
  let p = raw;
  if (/%[0-9A-Fa-f]{2}/.test(p)) {
    try {
      p = decodeURIComponent(p);
    } catch {
      return { ok: false, message: `Image path "${raw}" has a broken %-escape. Write the file name as it is, e.g. "X-ray scan 1.jpg".` };
    }
  }
  const base = p.split(/[\\/]/).pop() || p;
  const fix = `Write the file name relative to the notice folder, e.g. "${base}", and keep the file beside index.mdx.`;
  if (p.trim() === '') return { ok: false, message: 'Image path is empty. Choose an image file that sits beside index.mdx.' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(p))
    return {
      ok: false,
      message: `Image path "${raw}" is a URL; images must be files in the notice folder (nothing is loaded from another host). ${fix}`,
    };
  if (p.startsWith('/')) return { ok: false, message: `Image path "${raw}" is absolute. ${fix}` };
  if (p.includes('\\')) return { ok: false, message: `Image path "${raw}" contains a backslash. ${fix}` };
  const segments = p.split('/').filter((s) => s !== '.' && s !== '');
  if (segments.includes('..')) return { ok: false, message: `Image path "${raw}" leaves the notice folder (".."). ${fix}` };
  return { ok: true, path: `./${segments.join('/')}` };
}
