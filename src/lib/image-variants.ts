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
