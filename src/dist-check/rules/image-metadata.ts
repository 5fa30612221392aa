/**
 * Catches a published image that still carries metadata: EXIF, XMP, IPTC, Photoshop or text blocks
 * are where a photo keeps its GPS position, the camera's serial number, its creator and its capture
 * time. Published images must carry none at all. An image that cannot be read is a finding too (it
 * cannot be shown to be clean).
 */
import sharp from 'sharp';
import type { DistCheckRule } from '../rule.ts';

/** Finds images (by extension) with metadata blocks, or that cannot be read. */
export const imageMetadata: DistCheckRule = {
  reportedAs: 'image-metadata',
  prepare: () => ({
    async file({ rel, abs, kind }, report) {
      if (kind !== 'image') return;
      try {
        // From the file (not from bytes already read), so that sharp's messages name the file.
        const meta = await sharp(abs).metadata();
        const blocks = [
          meta.exif && 'EXIF',
          meta.xmp && 'XMP',
          meta.iptc && 'IPTC',
          meta.tifftagPhotoshop && 'Photoshop',
          meta.comments?.length && `text (${meta.comments.map((c) => c.keyword).join(', ')})`,
        ].filter(Boolean);
        if (blocks.length) {
          report(
            rel,
            `carries ${blocks.join(', ')} metadata, where GPS position, camera serial, creator and capture time are kept; published images must carry none`,
          );
        }
      } catch (err) {
        report(rel, `cannot be read as an image to check its metadata (${(err as Error).message})`);
      }
    },
  }),
};
