/**
 * The image cache (src/loading/images/image-cache.ts) on real JPEGs made with sharp: content ids, encoding each
 * variant once, the size and format of what is written, no metadata in it (field case F10), the EXIF
 * orientation applied, a damaged source named and nothing half-written left, and the copy into dist/.
 * Prevents: a published photo carrying the GPS position, camera serial or creator of an evidence photo,
 * photos shown sideways, a damaged photo leaving half-written files a later build would publish, and a
 * photo replaced during the build published under its old id.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentId, copyVariants, ensureVariants, type SourceImage } from '../../src/loading/images/image-cache.ts';
import { variantHeight, variantName, variantsOf } from '../../src/loading/images/image-variants.ts';
import { exiftool, generateImage } from '../helpers/fixtures.ts';

let dir: string;
let n = 0;
/** A fresh folder inside the test's temporary folder (one cache per test). */
const fresh = (name: string) => fs.mkdtempSync(path.join(dir, `${name}-${n++}-`));
/** The image as the content loader registers it: `width`/`height` as shown (after the EXIF orientation). */
const source = async (file: string, width: number, height: number): Promise<SourceImage> => ({
  file,
  ref: { path: `./${path.basename(file)}`, id: await contentId(file), width, height },
});

let evidence: string; // 1600×1200 JPEG with GPS, camera, XMP creator (tests/helpers/fixtures.ts)
let upright: string; // stored 1600×1200 (left half dark) with EXIF orientation 6: shown 1200×1600, dark half on top
let icc: string; // 1600×1200 JPEG with a Display P3 ICC profile

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-imgcache-'));
  evidence = await generateImage(path.join(dir, 'evidence.jpg'), { kind: 'evidence', width: 1600, height: 1200 });
  upright = await generateImage(path.join(dir, 'upright.jpg'), { kind: 'evidence', width: 1600, height: 1200, orientation: 6 });
  icc = path.join(dir, 'icc.jpg');
  await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#3080c0' } })
    .jpeg()
    .withIccProfile('p3')
    .toFile(icc);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('contentId', () => {
  it('is 20 hex digits, the same for the same bytes anywhere, different for other bytes', async () => {
    const id = await contentId(evidence);
    expect(id).toMatch(/^[0-9a-f]{20}$/);
    const copy = path.join(fresh('moved'), 'renamed.jpg');
    fs.copyFileSync(evidence, copy);
    expect(await contentId(copy)).toBe(id);
    const bytes = fs.readFileSync(evidence);
    bytes[bytes.length - 10]! ^= 1;
    fs.writeFileSync(copy, bytes);
    expect(await contentId(copy)).not.toBe(id);
    expect(await contentId(upright)).not.toBe(id);
  });
});

describe('ensureVariants', () => {
  it('encodes the 5 variants of a 1600×1200 photo once, then reuses them', async () => {
    const cache = fresh('cache');
    const img = await source(evidence, 1600, 1200);
    const progress: Array<[number, number]> = [];
    expect(await ensureVariants([img], cache, { onEncoded: (done, total) => progress.push([done, total]) })).toEqual({
      encoded: 5,
      reused: 0,
    });
    expect(progress).toEqual([
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 5],
    ]);
    const names = variantsOf(img.ref).map((v) => variantName(img.ref, v));
    expect(fs.readdirSync(cache).sort()).toEqual([...names].sort());
    const mtimes = names.map((f) => fs.statSync(path.join(cache, f)).mtimeMs);

    expect(await ensureVariants([img], cache)).toEqual({ encoded: 0, reused: 5 });
    expect(names.map((f) => fs.statSync(path.join(cache, f)).mtimeMs)).toEqual(mtimes);
  });

  it('writes each variant at its width and height, in its format', async () => {
    const cache = fresh('cache');
    const img = await source(evidence, 1600, 1200);
    await ensureVariants([img], cache);
    const got = await Promise.all(
      variantsOf(img.ref).map(async (v) => {
        const m = await sharp(path.join(cache, variantName(img.ref, v))).metadata();
        return `${v.format} ${v.width}: ${m.format}${m.compression ? `/${m.compression}` : ''} ${m.width}×${m.height}`;
      }),
    );
    expect(got).toEqual([
      'avif 480: heif/av1 480×360',
      'avif 960: heif/av1 960×720',
      'webp 480: webp 480×360',
      'webp 960: webp 960×720',
      'webp 240: webp 240×180',
    ]);
  });

  it('writes no EXIF, GPS, XMP or ICC block, whatever the source carried', async () => {
    const cache = fresh('cache');
    const images = [await source(evidence, 1600, 1200), await source(icc, 1600, 1200)];
    // The sources do carry them, or this test would prove nothing.
    expect(await sharp(evidence).metadata()).toMatchObject({ exif: expect.any(Buffer), xmp: expect.any(Buffer) });
    expect((await sharp(icc).metadata()).icc).toBeInstanceOf(Buffer);
    await ensureVariants(images, cache);
    const files = fs.readdirSync(cache);
    expect(files).toHaveLength(10);
    for (const f of files) {
      const m = await sharp(path.join(cache, f)).metadata();
      expect({ f, exif: m.exif, xmp: m.xmp, icc: m.icc }).toEqual({ f, exif: undefined, xmp: undefined, icc: undefined });
    }
  });

  // Needs exiftool (Debian libimage-exiftool-perl, installed by .ci/run): without it this test fails saying so, never skips.
  it('leaves nothing exiftool can read as GPS, camera or creator (exiftool)', async () => {
    const cache = fresh('cache');
    await ensureVariants([await source(evidence, 1600, 1200)], cache);
    const tagged = (rows: Array<Record<string, unknown>>) =>
      rows.flatMap((r) => Object.keys(r).filter((k) => /^(GPS|XMP[-\w]*|IFD0|ExifIFD|ICC[-\w]*):/.test(k)));
    expect(tagged(exiftool([evidence]))).toEqual(expect.arrayContaining(['GPS:GPSLatitude', 'IFD0:Make', 'XMP-dc:Creator']));
    const rows = exiftool([cache]);
    expect(rows).toHaveLength(5);
    expect(tagged(rows)).toEqual([]);
  });

  it('applies the EXIF orientation: an upright photo (orientation 6) gives upright variants', async () => {
    const cache = fresh('cache');
    const img = await source(upright, 1200, 1600); // as shown
    await ensureVariants([img], cache);
    for (const v of variantsOf(img.ref)) {
      const file = path.join(cache, variantName(img.ref, v));
      const m = await sharp(file).metadata();
      expect(`${m.width}×${m.height}`, file).toBe(`${v.width}×${variantHeight(img.ref, v.width)}`);
      expect(m.height).toBeGreaterThan(m.width);
      // Turned clockwise: the stored left (dark) half is now the top half.
      const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const red = (y: number) => data[(y * info.width + Math.floor(info.width / 2)) * info.channels]!;
      expect(red(Math.floor(info.height / 4)), file).toBeLessThan(100);
      expect(red(Math.floor((info.height * 3) / 4)), file).toBeGreaterThan(150);
    }
  });

  it('rejects naming a damaged source, after every encode in flight ended, leaving no temporary file', async () => {
    const cache = fresh('cache');
    const bytes = fs.readFileSync(evidence);
    const cut = path.join(fresh('src'), 'cut short.jpg');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    // A good photo first, so that encodes are still running when the damaged one fails.
    const images = [await source(icc, 1600, 1200), await source(cut, 1600, 1200)];
    await expect(ensureVariants(images, cache, { concurrency: 8 })).rejects.toThrow(`variant of ${cut}: `);
    const after = fs.readdirSync(cache);
    expect(after.filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(after.some((f) => f.startsWith(images[1]!.ref.id))).toBe(false);
    // Nothing goes on writing into the cache once the promise has rejected.
    await new Promise((r) => setTimeout(r, 500));
    expect(fs.readdirSync(cache)).toEqual(after);
  });
});

describe('ensureVariants and a source changed after its id was made', () => {
  it('refuses to encode other pixels under the old id, naming the file, and caches nothing of it', async () => {
    const cache = fresh('cache');
    const file = path.join(fresh('src'), 'photo.jpg');
    fs.copyFileSync(evidence, file);
    const image = await source(file, 1600, 1200);
    // Replaced (e.g. by the CMS) between the content loader's check and the encoding.
    fs.copyFileSync(icc, file);
    await expect(ensureVariants([image], cache)).rejects.toThrow(`The image ${file} changed during the build`);
    expect(fs.readdirSync(cache)).toEqual([]);
    fs.rmSync(file);
    await expect(ensureVariants([image], cache)).rejects.toThrow(`The image ${file} cannot be read any more (ENOENT)`);
  });
});

describe('copyVariants', () => {
  it('copies exactly the variants of the images given, and throws naming a variant missing from the cache', async () => {
    const cache = fresh('cache');
    const [a, b] = [await source(evidence, 1600, 1200), await source(icc, 1600, 1200)];
    await ensureVariants([a, b], cache);
    fs.writeFileSync(path.join(cache, 'stray.webp'), 'not a variant');
    const out = path.join(fresh('dist'), '_img');
    expect(await copyVariants([a], cache, out)).toBe(5);
    const names = variantsOf(a.ref).map((v) => variantName(a.ref, v));
    expect(fs.readdirSync(out).sort()).toEqual([...names].sort());
    for (const f of names) expect(fs.readFileSync(path.join(out, f)).equals(fs.readFileSync(path.join(cache, f))), f).toBe(true);

    const missing = variantName(b.ref, { width: 960, format: 'avif' });
    fs.rmSync(path.join(cache, missing));
    await expect(copyVariants([a, b], cache, path.join(fresh('dist'), '_img'))).rejects.toThrow(missing);
  });

  it('in a kept out folder, marks a variant already there as made by this build, and copies again one whose cached copy is newer', async () => {
    // Prevents: a kept out folder's variants deleted as stale by the sweep (their time not renewed), or
    // an old variant kept although the cache holds a newer one (e.g. the cache was emptied and refilled).
    const cache = fresh('cache');
    const a = await source(evidence, 1600, 1200);
    await ensureVariants([a], cache);
    const out = path.join(fresh('dist'), '_img');
    await copyVariants([a], cache, out);
    const [first, second] = variantsOf(a.ref).map((v) => variantName(a.ref, v));
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(out, first!), old, old);
    fs.writeFileSync(path.join(out, second!), 'stale bytes of the same name');
    fs.utimesSync(path.join(out, second!), old, old);
    const before = Date.now() - 1000;
    expect(await copyVariants([a], cache, out)).toBe(5);
    expect(fs.statSync(path.join(out, first!)).mtimeMs).toBeGreaterThan(before);
    expect(fs.readFileSync(path.join(out, second!)).equals(fs.readFileSync(path.join(cache, second!)))).toBe(true);
  });
});
