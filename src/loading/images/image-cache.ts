/**
 * The image cache (docs/performance.md): the variants of notice images (src/loading/images/image-variants.ts), encoded once per
 * source image with sharp and kept across builds in one folder (`.cache/astro/modus-images/` for the
 * project). A variant's file name holds the source's content id, so an unchanged photo is never encoded
 * again, a replaced photo gets new variants, and a moved or renamed photo keeps its cached ones.
 *
 * Encoding strips every metadata block (EXIF, GPS, XMP, ICC) after applying the EXIF orientation:
 * sharp writes no metadata unless asked to (field case F10; the dist check verifies it).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { ImageRef } from '../../model/images.ts';
import { ENCODER_OPTIONS, IMAGE_PIPELINE_VERSION, variantName, variantsOf, type Variant } from './image-variants.ts';

// libvips keeps recent operations and files in a cache for reuse; every variant here is made once, so
// the cache would only hold memory (the build's memory crept up by about 0.1 GB over 15,000 encodes of
// 10,000 photos with it on; not yet measured with it off).
sharp.cache(false);

/** An image to make variants of: its file (absolute path) and its reference as pages use it. */
export interface SourceImage {
  file: string;
  ref: ImageRef;
}

/**
 * Content id of an image file: the first 20 hex digits of the SHA-256 of IMAGE_PIPELINE_VERSION and the
 * file's bytes (read as a stream, so a large file is never held in memory). Throws when the file
 * cannot be read.
 */
export async function contentId(file: string): Promise<string> {
  const hash = idHash();
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex').slice(0, 20);
}

/** Content id of image bytes already read (same as `contentId` of a file holding them). */
export function contentIdOf(bytes: Buffer): string {
  return idHash().update(bytes).digest('hex').slice(0, 20);
}

function idHash(): crypto.Hash {
  return crypto.createHash('sha256').update(`modus-image-v${IMAGE_PIPELINE_VERSION}\0`);
}

/**
 * Reads the bytes of `image` and checks they are still those its id was made from. Throws, naming the
 * file, when the file has changed since the content loader read it (e.g. replaced during a build),
 * so variants of other pixels are never cached or published under the old id.
 */
export async function readSource(image: SourceImage): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(image.file);
  } catch (err) {
    throw new Error(
      `The image ${image.file} cannot be read any more (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); it was removed or moved during the build. Build again.`,
      { cause: err },
    );
  }
  if (contentIdOf(bytes) !== image.ref.id) {
    throw new Error(`The image ${image.file} changed during the build (its content is no longer the one checked). Build again.`);
  }
  return bytes;
}

/**
 * Encodes one variant of an image (`input`: its file, or its bytes from `readSource`) to `outFile`
 * (written to a temporary name, then renamed, so an interrupted build never leaves a half-written
 * variant in the cache). Applies the EXIF orientation, resizes to `v.width` pixels wide (never
 * enlarging) and writes no metadata. Returns the bytes written. Throws with `name` (the image's file)
 * when sharp cannot read it, and says so when the cache folder cannot be written.
 */
export async function encodeVariant(
  input: string | Buffer,
  v: Variant,
  outFile: string,
  name = typeof input === 'string' ? input : 'the image',
): Promise<number> {
  const tmp = `${outFile}.${process.pid}.${crypto.randomUUID().slice(0, 8)}.tmp`;
  try {
    // The pixel limit was checked from the header by the content loader (MODUS_IMAGE_MAX_PIXELS), and
    // truncation from the file's structure; recoverable decoder warnings do not stop the build.
    const pipeline = sharp(input, { limitInputPixels: false, failOn: 'error' })
      .rotate()
      .resize({ width: v.width, withoutEnlargement: true });
    const info = await (v.format === 'avif' ? pipeline.avif(ENCODER_OPTIONS.avif) : pipeline.webp(ENCODER_OPTIONS.webp)).toFile(tmp);
    await fsp.rename(tmp, outFile);
    return info.size;
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC') {
      throw new Error(
        `The image cache ${path.dirname(outFile)} cannot be written (${code}). Make it writable (or free disk space), then build again.`,
        { cause: err },
      );
    }
    throw new Error(`Could not make the ${v.width} px ${v.format.toUpperCase()} variant of ${name}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

/** What `ensureVariants` did: variants encoded now, variants found in the cache. */
export interface CacheReport {
  encoded: number;
  reused: number;
}

/**
 * Makes sure every variant (`variantsOf`) of every image is in `cacheDir`, encoding the missing ones,
 * `concurrency` images at a time (default: one per CPU core, which bounds sharp's memory), each read
 * once and checked against its id first (`readSource`). `onEncoded` is
 * told after each encode (for progress). Returns the counts; throws the first encoding error, naming
 * the file, once the encodes already running have ended (none starts after it).
 */
export async function ensureVariants(
  images: Iterable<SourceImage>,
  cacheDir: string,
  options: { concurrency?: number; onEncoded?: (done: number, total: number) => void } = {},
): Promise<CacheReport> {
  await fsp.mkdir(cacheDir, { recursive: true });
  const present = new Set(await fsp.readdir(cacheDir));
  // One job per image with missing variants: its bytes are read once, checked against its id, and
  // every missing variant is made from them.
  const todo: Array<{ image: SourceImage; variants: Array<{ v: Variant; out: string }> }> = [];
  let reused = 0;
  let total = 0;
  for (const image of images) {
    const missing: Array<{ v: Variant; out: string }> = [];
    for (const v of variantsOf(image.ref)) {
      const name = variantName(image.ref, v);
      if (present.has(name)) reused++;
      else {
        present.add(name);
        missing.push({ v, out: path.join(cacheDir, name) });
      }
    }
    if (missing.length) {
      todo.push({ image, variants: missing });
      total += missing.length;
    }
  }
  let next = 0;
  let done = 0;
  // After the first error no encode starts, and the error is thrown once those running have ended, so
  // nothing goes on writing into the cache after the build has failed.
  let failed: { error: unknown } | undefined;
  const worker = async () => {
    while (next < todo.length && !failed) {
      const job = todo[next++]!;
      try {
        const bytes = await readSource(job.image);
        for (const { v, out } of job.variants) {
          await encodeVariant(bytes, v, out, job.image.file);
          options.onEncoded?.(++done, total);
        }
      } catch (error) {
        failed ??= { error };
        return;
      }
    }
  };
  const n = Math.max(1, Math.min(options.concurrency ?? os.availableParallelism(), todo.length));
  await Promise.all(Array.from({ length: n }, worker));
  if (failed) throw failed.error;
  return { encoded: total, reused };
}

/**
 * Copies the variants of `images` from `cacheDir` into `outDir` (e.g. `dist/_img/`), as copy-on-write
 * clones where the file system allows. A variant already in `outDir` from an earlier build (a kept out
 * folder: same size, not older than its cached copy; the name holds the source's content id) is not
 * copied again: its modification time is set to now instead, so it counts as made by this build
 * (src/build/sweep-dist.ts deletes the older files a build did not make). Returns the number of files
 * in place. Throws when a variant is missing from the cache (call `ensureVariants` first).
 */
export async function copyVariants(images: Iterable<SourceImage>, cacheDir: string, outDir: string): Promise<number> {
  await fsp.mkdir(outDir, { recursive: true });
  let n = 0;
  const now = new Date();
  for (const { ref } of images) {
    for (const v of variantsOf(ref)) {
      const name = variantName(ref, v);
      const from = path.join(cacheDir, name);
      const to = path.join(outDir, name);
      const [source, present] = await Promise.all([fsp.stat(from), fsp.stat(to).catch(() => undefined)]);
      if (present && present.size === source.size && present.mtimeMs >= source.mtimeMs) await fsp.utimes(to, now, now);
      else await fsp.copyFile(from, to, fs.constants.COPYFILE_FICLONE);
      n++;
    }
  }
  return n;
}
