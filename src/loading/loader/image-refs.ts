/**
 * Image references and content ids: once every check has passed, each stored entry's images get
 * their reference (content id and displayed size, `ImageRef`), and the images this build shows are
 * registered for encoding (src/loading/images/image-registry.ts). Content ids are cached in the
 * loader's meta store, so an unchanged image file is not read again.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import type { ImageRef } from '../../model/images.ts';
import { contentId } from '../images/image-cache.ts';
import type { ImageHeader } from '../images/image-file.ts';
import { imageRegistry } from '../images/image-registry.ts';
import { IMAGE_PIPELINE_VERSION } from '../images/image-variants.ts';
import type { FillImages, ImageFields } from './options.ts';

/** An image reference and the image's file (absolute path). */
export type FiledImageRef = ImageRef & { file: string };

/**
 * Gives every stored entry its image references (`fill`): content id (`cachedContentId`) and displayed
 * size (from `headers`, filled by the image checks). Registers the images shown for encoding. An entry
 * is stored again only when one of its references changed (its digest stays the file's, so Astro's glob
 * still sees an unchanged file as unchanged). Throws when an image was not checked (a bug).
 */
export async function storeImageRefs(
  ctx: LoaderContext,
  root: string,
  headers: Map<string, ImageHeader>,
  fields: ImageFields,
  fill: FillImages,
): Promise<void> {
  const registry = imageRegistry();
  registry.clear();
  for (const e of [...ctx.store.values()]) {
    const entryDir = path.dirname(path.resolve(root, e.filePath ?? e.id));
    const refs = new Map<string, FiledImageRef>();
    for (const { src } of fields(e.data)) {
      const file = path.resolve(entryDir, src.replace(/^\.\//, ''));
      const header = headers.get(file);
      if (!header) throw new Error(`Image ${src} of ${e.filePath ?? e.id} was not checked; this is a bug in the content loader.`);
      refs.set(src, await imageRef(ctx, file, src, header));
    }
    const data = fill(e.data, (src) => {
      const r = refs.get(src);
      if (!r) throw new Error(`Image ${src} of ${e.filePath ?? e.id} is not among its images; this is a bug in fillImages.`);
      const { file, ...ref } = r;
      registry.set(ref.id, { file, ref });
      return ref;
    });
    if (JSON.stringify(data) !== JSON.stringify(e.data)) {
      ctx.store.delete(e.id);
      ctx.store.set({ ...e, data });
    }
  }
}

/** The reference of a checked image (`src` as written, `header` from its check) and its file. */
export async function imageRef(ctx: LoaderContext, file: string, src: string, header: ImageHeader): Promise<FiledImageRef> {
  return { file, path: src, id: await cachedContentId(ctx, file), width: header.shownWidth, height: header.shownHeight };
}

/**
 * Content id of an image file (src/loading/images/image-cache.ts), remembered in the loader's meta store by path,
 * size, modification and change time (a file copied over another with its times kept, `cp -p`, still
 * gets a new change time, so it is read again).
 */
export async function cachedContentId(ctx: LoaderContext, file: string): Promise<string> {
  const st = fs.statSync(file);
  const stamp = `${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
  // The pipeline version is in the key: after a change of encoder or variants every id is made again.
  const key = `image-id:v${IMAGE_PIPELINE_VERSION}:${file}`;
  const known = ctx.meta.get(key);
  if (known?.startsWith(`${stamp}:`)) return known.slice(stamp.length + 1);
  const id = await contentId(file);
  ctx.meta.set(key, `${stamp}:${id}`);
  return id;
}
