/**
 * The image file check at content load (src/loading/images/image-file.ts). Prevents: a truncated upload
 * or an HTML page saved as .jpg failing later inside the encoder with a stack trace, an SVG (which can
 * carry script) published, a size wrong for a rotated photo, and a huge image exhausting memory while
 * it is decoded (field case F11): each is refused, naming the file, before anything is decoded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImageFile } from '../../src/loading/images/image-file.ts';

let dir: string;
const LIMIT = 50_000_000;

/** A PNG that only claims its size: signature, IHDR, a token IDAT, IEND. Decoding it would need 1.2 GB. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const truncate = (file: string, keep: number) => {
  const out = file.replace(/(\.\w+)$/, `-cut$1`);
  const buf = fs.readFileSync(file);
  fs.writeFileSync(out, buf.subarray(0, Math.floor(buf.length * keep)));
  return out;
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-imgcheck-'));
  const base = () =>
    sharp({ create: { width: 320, height: 240, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
  await base().jpeg().toFile(path.join(dir, 'ok.jpg'));
  await base().jpeg({ progressive: true }).toFile(path.join(dir, 'progressive.jpg'));
  await base().png().toFile(path.join(dir, 'ok.png'));
  await base().webp().toFile(path.join(dir, 'ok.webp'));
  await base().avif().toFile(path.join(dir, 'ok.avif'));
  await base().gif().toFile(path.join(dir, 'ok.gif'));
  // Stored 320×240; orientation 6 means "rotate 90° clockwise to view" (shown 240×320), 3 means "rotate 180°".
  await base().jpeg().withMetadata({ orientation: 6 }).toFile(path.join(dir, 'orientation-6.jpg'));
  await base().jpeg().withMetadata({ orientation: 3 }).toFile(path.join(dir, 'orientation-3.jpg'));
  // A JPEG with an EXIF thumbnail-like early end marker is still whole; a camera trailer after the end is fine.
  fs.writeFileSync(
    path.join(dir, 'trailer.jpg'),
    Buffer.concat([fs.readFileSync(path.join(dir, 'ok.jpg')), Buffer.from('MOTION-PHOTO-TRAILER'.repeat(50))]),
  );
  fs.writeFileSync(path.join(dir, 'not-an-image.jpg'), '<html><body>not a photo</body></html>');
  fs.writeFileSync(path.join(dir, 'huge.png'), pngHeaderOnly(20000, 20000));
  fs.writeFileSync(path.join(dir, 'drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  fs.writeFileSync(path.join(dir, 'drawing-as.png'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('image file check', () => {
  it.each(['ok.jpg', 'progressive.jpg', 'ok.png', 'ok.webp', 'ok.avif', 'ok.gif', 'trailer.jpg'])('accepts a whole %s', async (f) => {
    const r = await checkImageFile(path.join(dir, f), LIMIT);
    expect(r).toMatchObject({ ok: true, header: { width: 320, height: 240, shownWidth: 320, shownHeight: 240 } });
  });

  it('gives the size as shown after the EXIF orientation: swapped for orientation 6, not for 3', async () => {
    expect(await checkImageFile(path.join(dir, 'orientation-6.jpg'), LIMIT)).toEqual({
      ok: true,
      header: { format: 'jpeg', width: 320, height: 240, shownWidth: 240, shownHeight: 320 },
    });
    expect(await checkImageFile(path.join(dir, 'orientation-3.jpg'), LIMIT)).toEqual({
      ok: true,
      header: { format: 'jpeg', width: 320, height: 240, shownWidth: 320, shownHeight: 240 },
    });
  });

  it.each([
    ['ok.jpg', /JPEG ends before its end-of-image marker/],
    ['progressive.jpg', /JPEG ends before its end-of-image marker/],
    ['ok.png', /PNG does not end with its IEND chunk/],
    ['ok.webp', /incomplete or damaged/],
    ['ok.avif', /AVIF\/HEIF box/],
    ['ok.gif', /incomplete or damaged/],
  ])('refuses a truncated copy of %s, naming it', async (f, why) => {
    const cut = truncate(path.join(dir, f), 0.6);
    const r = await checkImageFile(cut, LIMIT, `notices/x/${path.basename(cut)}`);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(new RegExp(`^"notices/x/${path.basename(cut)}" (is incomplete|is a \\w+ file that cannot be read)`));
      expect(r.message).toMatch(why);
    }
  });

  it('refuses a file that is not an image, or is empty, naming it', async () => {
    const r = await checkImageFile(path.join(dir, 'not-an-image.jpg'), LIMIT);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^"not-an-image\.jpg" is not an image that can be read/) });
    const empty = path.join(dir, 'empty.png');
    fs.writeFileSync(empty, '');
    expect(await checkImageFile(empty, LIMIT)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^"empty\.png" is not an image/),
    });
  });

  it('refuses an image above the pixel limit from its header alone (F11), naming size and limit', async () => {
    const r = await checkImageFile(path.join(dir, 'huge.png'), LIMIT);
    expect(r).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        '"huge.png" is 20000×20000 pixels (400.0 megapixels), above the limit of 50.0 megapixels (MODUS_IMAGE_MAX_PIXELS)',
      ),
    });
  });

  it('applies the configured pixel limit (MODUS_IMAGE_MAX_PIXELS): an image exactly at it passes, one pixel over is refused', async () => {
    expect((await checkImageFile(path.join(dir, 'ok.jpg'), 320 * 240)).ok).toBe(true);
    const r = await checkImageFile(path.join(dir, 'ok.jpg'), 320 * 240 - 1);
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('320×240 pixels') });
  });

  it('refuses SVG drawings, by name or by content', async () => {
    for (const f of ['drawing.svg', 'drawing-as.png']) {
      const r = await checkImageFile(path.join(dir, f), LIMIT);
      expect(r, f).toMatchObject({ ok: false, message: expect.stringMatching(/SVG drawing.*Export it as PNG/) });
    }
  });
});
