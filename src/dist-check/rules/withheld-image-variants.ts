/**
 * Catches a published variant of an image this audience may not see. Image variants in `_img/` are
 * named by their source's content id (src/loading/images/image-cache.ts); a variant whose id is that of
 * an image above the audience (by its own marking or its notice's) leaks the picture, unless the very
 * same bytes are also an image the audience may see.
 */
import fs from 'node:fs';
import path from 'node:path';
import { audienceMaySee } from '../../model/tlp.ts';
import { contentId } from '../../loading/images/image-cache.ts';
import { VARIANT_BASE } from '../../loading/images/image-variants.ts';
import type { ManifestEntry } from '../content-manifest.ts';
import type { DistCheckRule } from '../rule.ts';
import { describeEntry } from '../withheld.ts';

/** Length of a content id, the start of a variant's file name. */
const CONTENT_ID_LENGTH = 20;

/** Finds variants (in `_img/`) of images the audience may not see. */
export const withheldImageVariants: DistCheckRule = {
  reportedAs: 'withheld',
  async prepare({ audience, manifest, visible }) {
    const withheldImages = new Map<string, { file: string; entry: ManifestEntry }>();
    for (const e of manifest.entries) {
      for (const img of e.images) {
        // A draft is built into no audience: its images are withheld whatever their marking.
        if ((e.draft || !audienceMaySee(audience, img.tlp)) && fs.existsSync(img.file))
          withheldImages.set(await contentId(img.file), { file: img.file, entry: e });
      }
    }
    // Ids of the images the audience may see: hashed only when a variant of a withheld image is found.
    let visibleImageIds: Set<string> | undefined;
    const isVisibleImage = async (id: string) => {
      if (!visibleImageIds) {
        visibleImageIds = new Set();
        for (const e of visible) {
          for (const img of e.images)
            if (audienceMaySee(audience, img.tlp) && fs.existsSync(img.file)) visibleImageIds.add(await contentId(img.file));
        }
      }
      return visibleImageIds.has(id);
    };
    const variantDir = VARIANT_BASE.slice(1);
    return {
      // By path only, on every build: cheaper than keeping its results.
      async everyFile({ rel }, report) {
        if (!rel.startsWith(variantDir)) return;
        const id = rel.slice(variantDir.length, variantDir.length + CONTENT_ID_LENGTH);
        const of = withheldImages.get(id);
        if (of && !(await isVisibleImage(id)))
          report(
            rel,
            `is a variant of ${path.relative(manifest.contentDir, of.file)}, an image this audience may not see (of ${describeEntry(of.entry)})`,
          );
      },
    };
  },
};
