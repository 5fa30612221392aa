/**
 * Dev-server refresh of one changed entry: under `astro dev`, Astro's glob loader re-reads a file that
 * changed after the load (its file watcher) and stores it without a full load; this gives that entry
 * its image references, checking each image again, so its page shows the new images or says why not.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { checkImageFile } from '../images/image-file.ts';
import { imageRegistry } from '../images/image-registry.ts';
import { imageRef, type FiledImageRef } from './image-refs.ts';
import type { FillImages, ImageFields } from './options.ts';

/** What the refresh needs of the loader's options. */
export interface ChangedEntryOptions {
  imageFields: ImageFields;
  fillImages: FillImages;
  imageMaxPixels?: number;
}

/**
 * Image references of an entry changed under `astro dev` after the load (`entryFile` its absolute path,
 * `data` what would be stored, `displayName` the file as named in messages): each image is checked again
 * (`checkImageFile`) and gets its content id; the images shown are registered so the dev server can
 * serve their variants. An image that fails its check gets no id but the problem, which its page shows
 * instead of the image's variants, and which is logged (a build reports it with every other problem).
 * Returns the data to store.
 */
export async function fillChangedEntry(
  ctx: LoaderContext,
  entryFile: string,
  data: Record<string, unknown>,
  options: ChangedEntryOptions,
  displayName: string,
): Promise<Record<string, unknown>> {
  const refs = new Map<string, FiledImageRef>();
  for (const { src } of options.imageFields(data)) {
    const file = path.resolve(path.dirname(entryFile), src.replace(/^\.\//, ''));
    // The CMS (decap-server) writes index.mdx before the images saved with it: wait for them a little.
    for (let i = 0; i < 50 && !fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
    const result = fs.existsSync(file)
      ? await checkImageFile(file, options.imageMaxPixels ?? Infinity, src)
      : { ok: false as const, message: `Image "${src}" not found beside index.mdx.` };
    if (!result.ok) {
      // Shown on the page (the image's variant name cannot be made) and in the dev server's log.
      const problem = `${displayName} images: ${result.message}`;
      console.warn(`[modus-images] ${problem}`);
      refs.set(src, { file, path: src, id: '', width: 0, height: 0, problem });
      continue;
    }
    refs.set(src, await imageRef(ctx, file, src, result.header));
  }
  return options.fillImages(data, (src) => {
    const { file, ...ref } = refs.get(src)!;
    if (ref.id) imageRegistry().set(ref.id, { file, ref });
    return ref;
  });
}
