/**
 * The image variants Modus encodes, chosen for officers on phones at a border post as much as
 * for desks, and for a build that must stay linear at tens of thousands of photos.
 *
 * Per source image: AVIF and WebP at two widths (480 px for a phone, 960 px for a desktop column and
 * print), plus one 240 px WebP thumbnail (cards and search results show a notice's first image).
 * The `<img>` fallback reuses the WebP variants.
 * That is 5 encodes per image, each done once and kept in the image cache across builds
 * (src/loading/images/image-cache.ts; `.cache/astro/modus-images/`).
 *
 * The variants are made by Modus, not by astro:assets: Astro's pipeline reads every original into the
 * bundler (about 0.75 GB per 1,000 photos, measured), which no build of 10,000 notices can afford.
 *
 * Why these (measured with sharp on the corpus's 1600×1200 photos, 2-core machine; README "Performance"):
 * - AVIF is the smallest download (480 px: about 10 kB vs 14 kB WebP), which matters on a slow link.
 *   At sharp's default effort (4) one 960 px AVIF took 0.3–1.3 s, 15× a WebP; at effort 0 it takes
 *   less than the WebP of the same width and is no larger than at effort 2 on these photos.
 * - WebP effort 2 (of 0–6) instead of 4: a third less encoding time for about 7% more bytes, on the
 *   format only browsers without AVIF download.
 * - WebP is also the fallback `<img>`: every browser in use since 2020 decodes it, so no JPEG variant is
 *   made (a JPEG fallback added three encodes per image, one of them at full size, for no reader).
 * - No full-size variant: 960 px covers a phone screen at 2× and print at 150 dpi.
 */

import type { ImageRef } from '../../model/images.ts';
import { sitePath } from '../../model/site-path.ts';

/** Widths in pixels of gallery images (a phone screen, then a desktop column / print). */
export const GALLERY_WIDTHS = [480, 960] as const;
/** Formats of gallery `<source>` elements, best first. */
export const GALLERY_FORMATS = ['avif', 'webp'] as const;
/**
 * Format of the gallery `<img>` (fallback) element: the same WebP variants as the WebP source (same
 * transforms, so no extra encode), at the display width (no full-size variant).
 */
export const GALLERY_FALLBACK_FORMAT = 'webp' as const;
/**
 * `sizes` attribute of a gallery of one image: the page's width less its margins (1rem each side) on phones and
 * tablets, the side column (at most ~24rem) on wide screens (the notice page's layout: src/render/styles/notice.css).
 */
export const GALLERY_SIZES = '(min-width: 64rem) 24rem, calc(100vw - 2rem)';
/**
 * `sizes` attribute of a gallery of several images: below 64rem they share the width in columns of at least
 * 16rem with 1rem gaps (two from 35rem, three from 52rem), so a tablet takes the 480 px variant where one
 * image across the page would take the 960 px one; the side column on wide screens.
 */
export const GALLERY_SIZES_MANY =
  '(min-width: 64rem) 24rem, (min-width: 52rem) calc((100vw - 4rem) / 3), (min-width: 35rem) calc((100vw - 3rem) / 2), calc(100vw - 2rem)';

/** The `sizes` attribute of a gallery of `count` images (GALLERY_SIZES, GALLERY_SIZES_MANY). */
export function gallerySizes(count: number): string {
  return count > 1 ? GALLERY_SIZES_MANY : GALLERY_SIZES;
}
/** Width in pixels of the thumbnail shown on cards and in search results. */
export const THUMB_WIDTH = 240;

/**
 * sharp encoder options of the variants (src/loading/images/image-cache.ts).
 * AVIF effort 0 (of 0–9) and WebP effort 2 (of 0–6): see the module comment. WebP quality 75:
 * visually the same as 80 on photos, about 20% fewer bytes.
 */
export const ENCODER_OPTIONS = {
  avif: { effort: 0 },
  webp: { quality: 75, effort: 2 },
} as const;

/** Width of the gallery `<img>` fallback: the largest gallery width the original can give. */
export function galleryDisplayWidth(originalWidth: number): number {
  return Math.min(GALLERY_WIDTHS[GALLERY_WIDTHS.length - 1]!, originalWidth);
}
/** Width in pixels of images in a course handout (half an A4 page at print resolution; capped at the original's width). */
export const HANDOUT_WIDTH = 960;

/** Image formats of the variants. */
export type VariantFormat = 'avif' | 'webp';

/** A notice image as pages see it (defined with the content model: src/model/images.ts). */
export type { ImageRef } from '../../model/images.ts';

/** Bumped when the encoder options or the variant set change, so cached variants are made again. */
export const IMAGE_PIPELINE_VERSION = 1;

/** Folder of the variants in dist/, as a site path (in `astro dev`, served from the image cache); their URLs carry the site's base (`variantUrl`). */
export const VARIANT_BASE = '/_img/';

/** One variant to encode: width in pixels (the height follows the original's aspect ratio) and format. */
export interface Variant {
  width: number;
  format: VariantFormat;
}

/** File name of a variant, e.g. `3f9a…c2-480.avif`. Throws when the image has no id (not filled by the loader). */
export function variantName(ref: ImageRef, v: Variant): string {
  if (!/^[0-9a-f]{20}$/.test(ref.id)) {
    if (ref.problem) throw new Error(`Image ${ref.path} cannot be shown: ${ref.problem}`);
    throw new Error(`Image ${ref.path} has no content id: it did not go through the content loader (src/loading/loader/image-refs.ts).`);
  }
  return `${ref.id}-${v.width}.${v.format}`;
}

/** Site-absolute URL of a variant (`/_img/<name>`, under the site's base: `/any/path/_img/<name>`; src/model/site-path.ts). */
export function variantUrl(ref: ImageRef, v: Variant): string {
  return sitePath(`${VARIANT_BASE}${variantName(ref, v)}`);
}

/** Height in pixels of a variant `width` pixels wide, keeping the original's aspect ratio (at least 1). */
export function variantHeight(ref: ImageRef, width: number): number {
  return Math.max(1, Math.round((ref.height * width) / ref.width));
}

/** Gallery widths capped at the original's width, without repeats (a 600 px original gives 480 and 600). */
export function galleryWidths(ref: ImageRef): number[] {
  return [...new Set(GALLERY_WIDTHS.map((w) => Math.min(w, ref.width)))];
}

/** The thumbnail variant (cards, search results): THUMB_WIDTH WebP, capped at the original's width. */
export function thumbVariant(ref: ImageRef): Variant {
  return { width: Math.min(THUMB_WIDTH, ref.width), format: 'webp' };
}

/** The handout variant: HANDOUT_WIDTH WebP, capped at the original's width (one of the gallery's WebP variants). */
export function handoutVariant(ref: ImageRef): Variant {
  return { width: Math.min(HANDOUT_WIDTH, ref.width), format: 'webp' };
}

/** Every variant made of an image: the gallery's widths in each gallery format, the handout's and the thumbnail. */
export function variantsOf(ref: ImageRef): Variant[] {
  const out: Variant[] = [];
  const seen = new Set<string>();
  const add = (v: Variant) => {
    const key = `${v.width}.${v.format}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  };
  for (const format of GALLERY_FORMATS) for (const width of galleryWidths(ref)) add({ width, format });
  add(handoutVariant(ref));
  add(thumbVariant(ref));
  return out;
}

/** What a gallery `<picture>` shows: one `<source>` per format (best first) and the fallback `<img>`. */
export interface PictureMarkup {
  sources: Array<{ type: string; srcset: string }>;
  img: { src: string; srcset: string; width: number; height: number };
}

/**
 * The `<picture>` of a gallery image: AVIF and WebP sources with every gallery width (`srcset` in `w`
 * descriptors, to be used with GALLERY_SIZES), and a WebP `<img>` at the largest gallery width with its
 * width and height in pixels, so the layout does not shift while it loads.
 */
export function galleryPicture(ref: ImageRef): PictureMarkup {
  const widths = galleryWidths(ref);
  const srcset = (format: VariantFormat) => widths.map((width) => `${variantUrl(ref, { width, format })} ${width}w`).join(', ');
  const width = galleryDisplayWidth(ref.width);
  return {
    sources: GALLERY_FORMATS.map((format) => ({ type: `image/${format}`, srcset: srcset(format) })),
    img: {
      src: variantUrl(ref, { width, format: GALLERY_FALLBACK_FORMAT }),
      srcset: srcset(GALLERY_FALLBACK_FORMAT),
      width,
      height: variantHeight(ref, width),
    },
  };
}
