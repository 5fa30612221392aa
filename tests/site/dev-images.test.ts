/**
 * Notice images under `astro dev` (as `npm run cms` runs it), on the `basic` fixture: the images
 * integration (src/integrations/images.ts) serves the variant a notice page links, encoding it on the
 * first request, at the size the page's `<img>` declares; any other width, format or id is answered 404.
 * Prevents: an editor in `npm run cms` seeing a broken or stale image for a new or replaced photo, and
 * the dev server encoding any size a request asks for.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, freePort } from '../helpers/site.ts';
import { materialise, type Fixture } from '../helpers/fixtures.ts';

/** The project's image cache, where `astro dev` keeps the variants it encodes. */
const CACHE = path.join(ROOT, '.cache/astro/modus-images');
let fixture: Fixture;
let site: { url: string; stop(): Promise<void> } | undefined;
/** Content id of this run's sculptures photo, new to the cache (its variants are removed afterwards). */
let freshId = '';

beforeAll(async () => {
  fixture = await materialise('basic');
  // Bytes after the JPEG's end make this run's photo unknown to the image cache, so its variant is encoded on request.
  fs.appendFileSync(path.join(fixture.contentDir, 'notices/sculptures/evidence.jpg'), `modus-dev-images-${crypto.randomUUID()}`);
  const { startSite } = await import('../../scripts/lib/servers.mjs');
  site = await startSite({ port: await freePort(), cmsPort: await freePort(), dev: true, env: { MODUS_CONTENT_DIR: fixture.contentDir } });
});
afterAll(async () => {
  await site?.stop();
  fixture?.remove();
  if (freshId && fs.existsSync(CACHE)) {
    for (const f of fs.readdirSync(CACHE)) if (f.startsWith(`${freshId}-`)) fs.rmSync(path.join(CACHE, f));
  }
});

/** The first gallery `<img>` of a notice page as the dev server renders it: src, width and height. */
async function galleryImg(slug: string): Promise<{ src: string; width: number; height: number }> {
  const res = await fetch(`${site!.url}/notices/${slug}/`);
  expect(res.status).toBe(200);
  const tag = /<picture>[\s\S]*?(<img\b[^>]*>)/.exec(await res.text())?.[1] ?? '';
  const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
  return { src: attr('src'), width: Number(attr('width')), height: Number(attr('height')) };
}

describe('astro dev serves notice image variants from the image cache', () => {
  it.each([
    ['sculptures', 960, 720], // 1600×1200
    ['gearbox', 800, 1200], // stored 1200×800 with EXIF orientation 6: shown 800×1200
  ])('serves the gallery <img> of %s as a %i×%i WebP', async (slug, width, height) => {
    const img = await galleryImg(slug);
    expect(img).toEqual({ src: expect.stringMatching(new RegExp(`^/_img/[0-9a-f]{20}-${width}\\.webp$`)), width, height });
    const cached = path.join(CACHE, path.basename(img.src));
    if (slug === 'sculptures') {
      freshId = path.basename(img.src).slice(0, 20);
      expect(fs.existsSync(cached), 'a new photo has no variant before it is asked for').toBe(false);
    }
    const res = await fetch(`${site!.url}${img.src}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    const body = Buffer.from(await res.arrayBuffer());
    const m = await sharp(body).metadata();
    expect([m.format, m.width, m.height]).toEqual(['webp', width, height]);
    expect(fs.readFileSync(cached).equals(body), 'served from the image cache').toBe(true);
  });

  it('answers 404 for a width or format not offered and for an unknown id, encoding nothing', async () => {
    const id = path.basename((await galleryImg('sculptures')).src).slice(0, 20);
    const unknown = crypto.randomBytes(10).toString('hex');
    for (const name of [`${id}-123.webp`, `${id}-240.avif`, `${id}-960.png`, `${unknown}-240.webp`]) {
      const res = await fetch(`${site!.url}/_img/${name}`);
      expect(res.status, name).toBe(404);
      expect(res.headers.get('content-type'), name).not.toMatch(/^image\//);
      expect(fs.existsSync(path.join(CACHE, name)), name).toBe(false);
    }
  });

  it('gives a notice edited while the dev server runs (as the CMS saves it) its new photo, served', async () => {
    // The editor replaces the photo by a new file: a portrait image under a new name.
    const dir = path.join(fixture.contentDir, 'notices/sculptures');
    await sharp({ create: { width: 600, height: 900, channels: 3, background: { r: 10, g: 120, b: 40 } } })
      .jpeg()
      .toFile(path.join(dir, 'replacement.jpg'));
    const file = path.join(dir, 'index.mdx');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/src: \.?\/?evidence\.jpg/, 'src: replacement.jpg'));
    expect(fs.readFileSync(file, 'utf8')).toContain('src: replacement.jpg');
    let img = { src: '', width: 0, height: 0 };
    for (let i = 0; i < 60 && img.width !== 600; i++) {
      await new Promise((r) => setTimeout(r, 500));
      img = await galleryImg('sculptures');
    }
    // 600 px wide: the gallery widths are capped at the original (480, 600), the <img> at 600 × 900.
    expect(img).toEqual({ src: expect.stringMatching(/^\/_img\/[0-9a-f]{20}-600\.webp$/), width: 600, height: 900 });
    expect(path.basename(img.src).slice(0, 20)).not.toBe(freshId);
    const res = await fetch(`${site!.url}${img.src}`);
    expect(res.status).toBe(200);
    const m = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([m.format, m.width, m.height]).toEqual(['webp', 600, 900]);
    fs.rmSync(path.join(CACHE, path.basename(img.src)), { force: true });
  });

  it('shows a photo replaced under the same file name while the dev server runs (index.mdx unchanged)', async () => {
    const before = await galleryImg('sculptures');
    expect(before.src).toMatch(/-600\.webp$/); // replacement.jpg from the test above
    const file = path.join(fixture.contentDir, 'notices/sculptures/replacement.jpg');
    await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 200, g: 30, b: 30 } } })
      .jpeg()
      .toFile(`${file}.new`);
    fs.renameSync(`${file}.new`, file);
    let img = before;
    for (let i = 0; i < 60 && img.src === before.src; i++) {
      await new Promise((r) => setTimeout(r, 500));
      img = await galleryImg('sculptures');
    }
    expect(img).toEqual({ src: expect.stringMatching(/^\/_img\/[0-9a-f]{20}-900\.webp$/), width: 900, height: 600 });
    const res = await fetch(`${site!.url}${img.src}`);
    expect(res.status).toBe(200);
    const { data, info } = await sharp(Buffer.from(await res.arrayBuffer()))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([900, 600]);
    expect(data[0]).toBeGreaterThan(150); // red, the new photo
    fs.rmSync(path.join(CACHE, path.basename(img.src)), { force: true });
  });
});
