/**
 * Checks of an image file before anything decodes it (field case F11; docs/audiences-and-deployment.md, "Bad and hostile input"): it must be a
 * raster image sharp can read, no larger than the pixel limit (read from the header, so a
 * 20000×20000 PNG is refused without allocating its pixels), and complete (not truncated).
 * Truncation is found from the file's structure, reading a few kilobytes, never by decoding:
 * JPEG must have its end-of-image marker after the first scan, PNG must end with its IEND chunk,
 * GIF with its trailer, WebP must be as long as its RIFF header says, AVIF/HEIF boxes must fit the
 * file. TIFF is checked for readability and size only.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/**
 * What the header says: format (sharp's name), size in pixels as stored, and as displayed
 * (`shownWidth`/`shownHeight`: after the EXIF orientation, e.g. swapped for a photo taken upright).
 */
export interface ImageHeader {
  format: string;
  width: number;
  height: number;
  shownWidth: number;
  shownHeight: number;
}

/** Result: the header, or a message for the editor saying what is wrong and how to fix it. */
export type ImageFileResult = { ok: true; header: ImageHeader } | { ok: false; message: string };

const TAIL = 64 * 1024;

async function readAt(fh: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(Math.max(0, length));
  const { bytesRead } = await fh.read(buf, 0, buf.length, position);
  return buf.subarray(0, bytesRead);
}

/** Offset of the first start-of-scan marker of a JPEG, walking segment lengths; -1 if none. */
async function jpegFirstScan(fh: fs.FileHandle, size: number): Promise<number> {
  let pos = 2;
  while (pos + 4 <= size) {
    const h = await readAt(fh, pos, 4);
    if (h[0] !== 0xff) return -1;
    const marker = h[1]!;
    if (marker === 0xff) {
      pos += 1;
      continue;
    }
    if (marker === 0xda) return pos;
    if (marker === 0xd9) return -1;
    if (marker >= 0xd0 && marker <= 0xd7) {
      pos += 2;
      continue;
    }
    pos += 2 + h.readUInt16BE(2);
  }
  return -1;
}

/** True when an end-of-image marker (FF D9) follows `from`, searching backwards from the end. */
async function jpegHasEndAfter(fh: fs.FileHandle, from: number, size: number): Promise<boolean> {
  let end = size;
  while (end > from) {
    const start = Math.max(from, end - TAIL);
    const buf = await readAt(fh, start, end - start + (end < size ? 1 : 0));
    for (let i = buf.length - 2; i >= 0; i--) if (buf[i] === 0xff && buf[i + 1] === 0xd9) return true;
    end = start;
  }
  return false;
}

/** The image format a file starts like (magic bytes), or null: tells a damaged image from a non-image. */
async function looksLike(file: string): Promise<string | null> {
  const fh = await fs.open(file, 'r');
  try {
    const h = await readAt(fh, 0, 12);
    if (h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff) return 'JPEG';
    if (h.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))) return 'PNG';
    if (h.subarray(0, 4).toString('latin1') === 'GIF8') return 'GIF';
    if (h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP') return 'WebP';
    if (h.subarray(4, 8).toString('latin1') === 'ftyp') return 'AVIF/HEIF';
    if (/^(II\*\0|MM\0\*)/.test(h.subarray(0, 4).toString('latin1'))) return 'TIFF';
    return null;
  } finally {
    await fh.close();
  }
}

/** Why the file is incomplete, or null when its structure is whole. */
async function truncation(file: string, format: string): Promise<string | null> {
  const fh = await fs.open(file, 'r');
  try {
    const { size } = await fh.stat();
    switch (format) {
      case 'jpeg': {
        const sos = await jpegFirstScan(fh, size);
        if (sos < 0) return 'the JPEG has no image data';
        return (await jpegHasEndAfter(fh, sos + 2, size)) ? null : 'the JPEG ends before its end-of-image marker';
      }
      case 'png': {
        const tail = await readAt(fh, size - 12, 12);
        return tail.equals(Buffer.from('0000000049454e44ae426082', 'hex')) ? null : 'the PNG does not end with its IEND chunk';
      }
      case 'gif': {
        const tail = await readAt(fh, size - 1, 1);
        return tail[0] === 0x3b ? null : 'the GIF does not end with its trailer';
      }
      case 'webp': {
        const h = await readAt(fh, 0, 12);
        return h.length === 12 && h.readUInt32LE(4) + 8 <= size ? null : 'the WebP file is shorter than its header says';
      }
      case 'heif': {
        let pos = 0;
        while (pos < size) {
          const h = await readAt(fh, pos, 16);
          if (h.length < 8) return 'an AVIF/HEIF box is cut off';
          let len = h.readUInt32BE(0);
          if (len === 1) len = h.length >= 16 ? Number(h.readBigUInt64BE(8)) : Infinity;
          else if (len === 0) len = size - pos;
          if (len < 8 || pos + len > size) return 'an AVIF/HEIF box runs past the end of the file';
          pos += len;
        }
        return null;
      }
      default:
        return null;
    }
  } finally {
    await fh.close();
  }
}

/**
 * Checks one image file. `name` is how the file is named in messages (e.g. `photo.jpg`);
 * `maxPixels` is the limit on width × height. Never throws for a bad file: returns a message.
 */
export async function checkImageFile(file: string, maxPixels: number, name = path.basename(file)): Promise<ImageFileResult> {
  if (/\.svgz?$/i.test(file)) {
    return {
      ok: false,
      message: `"${name}" is an SVG drawing; SVG files can carry scripts and links and are not published as they are. Export it as PNG and use that file.`,
    };
  }
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch (err) {
    const why = String((err as Error).message ?? err).split('\n')[0];
    const kind = await looksLike(file);
    if (kind)
      return {
        ok: false,
        message: `"${name}" is a ${kind} file that cannot be read: it is incomplete or damaged (${why}). Copy the original file again.`,
      };
    return {
      ok: false,
      message: `"${name}" is not an image that can be read (${why}). Export it again as JPEG or PNG and replace the file.`,
    };
  }
  const { format, width, height } = meta;
  if (!format || !width || !height) {
    return { ok: false, message: `"${name}" has no readable width and height. Export it again as JPEG or PNG and replace the file.` };
  }
  if (format === 'svg') {
    return {
      ok: false,
      message: `"${name}" is an SVG drawing; SVG files can carry scripts and links and are not published as they are. Export it as PNG and use that file.`,
    };
  }
  if (width * height > maxPixels) {
    const mp = (n: number) => `${(n / 1e6).toFixed(1)} megapixels`;
    return {
      ok: false,
      message:
        `"${name}" is ${width}×${height} pixels (${mp(width * height)}), above the limit of ${mp(maxPixels)} (MODUS_IMAGE_MAX_PIXELS). ` +
        'Resize it (the site shows images at most 960 pixels wide) and replace the file.',
    };
  }
  const cut = await truncation(file, format);
  if (cut) return { ok: false, message: `"${name}" is incomplete: ${cut} (a copy or upload was cut short). Copy the original file again.` };
  const shown = meta.autoOrient ?? { width, height };
  return { ok: true, header: { format, width, height, shownWidth: shown.width, shownHeight: shown.height } };
}
