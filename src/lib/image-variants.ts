/**
 * The image variants Modus encodes, chosen for officers on phones at a border post as much as
 * for desks: two widths in AVIF and WebP, a JPEG fallback, and one small WebP thumbnail for cards
 * and search results. Every variant is encoded once per source image and cached across builds.
 */

/** Widths in pixels of gallery images (a phone screen, then a desktop column / print). */
export const GALLERY_WIDTHS = [480, 960] as const;
/** Formats of gallery sources, best first. */
export const GALLERY_FORMATS = ['avif', 'webp'] as const;
/** `sizes` attribute of gallery images: full width on phones and tablets, the side column (~24rem) on wide screens. */
export const GALLERY_SIZES = '(min-width: 64rem) 24rem, 100vw';
/** Width in pixels of the thumbnail shown on cards and in search results. */
export const THUMB_WIDTH = 240;

/**
 * Width and height of an image imported through `image()`, read without marking the original as
 * used. Astro's image object is a proxy that records the original file as "referenced" (and then
 * keeps a byte copy of it in dist/, GPS and all, field case F10) as soon as any property is read,
 * except `clone` and `fsPath`; Astro's own `getImage` reads `clone` for the same reason.
 * Takes the imported image; returns its size in pixels.
 */
export function imageSize(src: { width: number; height: number; clone?: { width: number; height: number } }): { width: number; height: number } {
  const plain = src.clone ?? src;
  return { width: plain.width, height: plain.height };
}

/**
 * Gallery widths for a source image `sourceWidth` pixels wide: the standard widths it can fill,
 * or its own width when it is narrower than the smallest (images are never enlarged).
 */
export function galleryWidths(sourceWidth: number): number[] {
  const fitting: number[] = GALLERY_WIDTHS.filter((w) => w <= sourceWidth);
  return fitting.length > 0 ? fitting : [sourceWidth];
}
