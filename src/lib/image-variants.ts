/**
 * The image variants Modus encodes, chosen for officers on phones at a border post as much as
 * for desks, and for a build that must stay linear at tens of thousands of photos.
 *
 * Per source image: AVIF and WebP at two widths (480 px for a phone, 960 px for a desktop column and
 * print), plus one 240 px WebP thumbnail for the first image of a notice (cards, search results).
 * The `<img>` fallback reuses the WebP variants.
 * That is at most 5 encodes per image, each done once and kept in Astro's image cache across builds.
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

/** Widths in pixels of gallery images (a phone screen, then a desktop column / print). */
export const GALLERY_WIDTHS = [480, 960] as const;
/** Formats of gallery `<source>` elements, best first. */
export const GALLERY_FORMATS = ['avif', 'webp'] as const;
/**
 * Format of the gallery `<img>` (fallback) element: the same WebP variants as the WebP source (same
 * transforms, so no extra encode), at the display width (no full-size variant).
 */
export const GALLERY_FALLBACK_FORMAT = 'webp' as const;
/** `sizes` attribute of gallery images: full width on phones and tablets, the side column (~24rem) on wide screens. */
export const GALLERY_SIZES = '(min-width: 64rem) 24rem, 100vw';
/** Width in pixels of the thumbnail shown on cards and in search results. */
export const THUMB_WIDTH = 240;

/**
 * sharp encoder options for Astro's image service (`image.service.config` in astro.config.mjs).
 * AVIF effort 0 (of 0–9) and WebP effort 2 (of 0–6): see the module comment. WebP quality 75:
 * visually the same as 80 on photos, about 20% fewer bytes.
 */
export const ENCODER_OPTIONS = {
  avif: { effort: 0 },
  webp: { quality: 75, effort: 2 },
} as const;

/**
 * Width in pixels of an imported image, read without marking the original as used.
 *
 * Astro wraps imported images in a Proxy: reading any property (even `width`) records the original
 * as referenced, and the build then copies the original file, EXIF and GPS included, into dist/
 * (field case F10). Reading the property descriptor bypasses the Proxy's `get` trap.
 */
export function intrinsicWidth(image: { width: number }): number {
  const d = Object.getOwnPropertyDescriptor(image, 'width');
  return typeof d?.value === 'number' ? d.value : image.width;
}

/** Width of the gallery `<img>` fallback: the largest gallery width the original can give. */
export function galleryDisplayWidth(originalWidth: number): number {
  return Math.min(GALLERY_WIDTHS[GALLERY_WIDTHS.length - 1]!, originalWidth);
}
/** Width in pixels of images in a course handout (half an A4 page at print resolution; Astro caps it at the original's width). */
export const HANDOUT_WIDTH = 960;
