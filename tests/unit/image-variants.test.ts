/**
 * The variants of a notice image (src/loading/images/image-variants.ts): which widths and formats are made, capped
 * at the original's width without repeats; their heights; the `<picture>` markup pages write; and the
 * refusal of a reference the content loader did not fill. Prevents: a page linking a variant that was
 * never made (a broken image), upscaled or duplicate variants, and a page built from an image the
 * loader did not check.
 */
import { describe, expect, it } from 'vitest';
import {
  galleryPicture,
  gallerySizes,
  handoutVariant,
  thumbVariant,
  variantHeight,
  variantName,
  variantUrl,
  variantsOf,
  type ImageRef,
} from '../../src/loading/images/image-variants.ts';

const ID = '0123456789abcdef0123';
const ref = (width: number, height: number): ImageRef => ({ path: './photo.jpg', id: ID, width, height });
const names = (r: ImageRef) => variantsOf(r).map((v) => `${v.width}.${v.format}`);

describe('variantsOf', () => {
  it('makes 5 variants of a 1600×1200 photo: AVIF and WebP at 480 and 960, and the 240 WebP thumbnail', () => {
    expect(names(ref(1600, 1200))).toEqual(['480.avif', '960.avif', '480.webp', '960.webp', '240.webp']);
  });

  it('caps widths at a 600 px original (480 and 600, never 960) and makes each variant once', () => {
    const r = ref(600, 400);
    expect(names(r)).toEqual(['480.avif', '600.avif', '480.webp', '600.webp', '240.webp']);
    expect(variantsOf(r).every((v) => v.width <= 600)).toBe(true);
  });

  it('gives one AVIF and one WebP at 200 px for a 200×100 original (gallery, handout and thumbnail coincide)', () => {
    expect(names(ref(200, 100))).toEqual(['200.avif', '200.webp']);
    expect(thumbVariant(ref(200, 100))).toEqual({ width: 200, format: 'webp' });
    expect(handoutVariant(ref(200, 100))).toEqual({ width: 200, format: 'webp' });
    expect(galleryPicture(ref(200, 100)).sources[1]).toEqual({ type: 'image/webp', srcset: `/_img/${ID}-200.webp 200w` });
  });

  it('holds the thumbnail and the handout variant of every size (nothing is linked that is not made)', () => {
    for (const r of [ref(1600, 1200), ref(960, 1280), ref(600, 400), ref(300, 900), ref(200, 100)]) {
      expect(variantsOf(r), `${r.width}×${r.height}`).toContainEqual(thumbVariant(r));
      expect(variantsOf(r), `${r.width}×${r.height}`).toContainEqual(handoutVariant(r));
    }
  });
});

describe('variantHeight', () => {
  it('keeps the aspect ratio, rounding to the nearest pixel, at least 1', () => {
    expect(variantHeight(ref(1600, 1200), 480)).toBe(360);
    expect(variantHeight(ref(1200, 1600), 480)).toBe(640);
    expect(variantHeight(ref(1000, 700), 333)).toBe(233); // 233.1
    expect(variantHeight(ref(1000, 700), 335)).toBe(235); // 234.5
    expect(variantHeight(ref(1000, 701), 240)).toBe(168); // 168.24
    expect(variantHeight(ref(5000, 10), 240)).toBe(1); // 0.48
  });
});

describe('galleryPicture', () => {
  it('lists every gallery width per format and a 960 px WebP <img> with its size for a 1600×1200 photo', () => {
    const set = (fmt: string) => `/_img/${ID}-480.${fmt} 480w, /_img/${ID}-960.${fmt} 960w`;
    expect(galleryPicture(ref(1600, 1200))).toEqual({
      sources: [
        { type: 'image/avif', srcset: set('avif') },
        { type: 'image/webp', srcset: set('webp') },
      ],
      img: { src: `/_img/${ID}-960.webp`, srcset: set('webp'), width: 960, height: 720 },
    });
  });

  it('uses the original width as the largest for a 600×400 photo', () => {
    const p = galleryPicture(ref(600, 400));
    expect(p.sources[0]).toEqual({ type: 'image/avif', srcset: `/_img/${ID}-480.avif 480w, /_img/${ID}-600.avif 600w` });
    expect(p.img).toEqual({
      src: `/_img/${ID}-600.webp`,
      srcset: `/_img/${ID}-480.webp 480w, /_img/${ID}-600.webp 600w`,
      width: 600,
      height: 400,
    });
  });

  it('links only variants that are made', () => {
    for (const r of [ref(1600, 1200), ref(1200, 1600), ref(600, 400), ref(200, 100)]) {
      const made = new Set(variantsOf(r).map((v) => variantUrl(r, v)));
      const p = galleryPicture(r);
      const urls = [
        p.img.src,
        ...[p.img.srcset, ...p.sources.map((s) => s.srcset)].flatMap((s) => s.split(', ').map((c) => c.split(' ')[0]!)),
      ];
      for (const u of urls) expect(made, `${r.width}×${r.height}: ${u}`).toContain(u);
    }
  });
});

describe('variantName', () => {
  it('names a variant by content id, width and format', () => {
    expect(variantName(ref(1600, 1200), { width: 480, format: 'avif' })).toBe(`${ID}-480.avif`);
    expect(variantUrl(ref(1600, 1200), { width: 240, format: 'webp' })).toBe(`/_img/${ID}-240.webp`);
  });

  it('throws, naming the image, for a reference the content loader did not fill', () => {
    const unfilled: ImageRef = { path: './unfilled.jpg', id: '', width: 0, height: 0 };
    expect(() => variantName(unfilled, { width: 480, format: 'webp' })).toThrow(/Image \.\/unfilled\.jpg has no content id/);
    expect(() => galleryPicture({ ...ref(1600, 1200), path: './x.jpg', id: '' })).toThrow(/\.\/x\.jpg/);
  });

  it("throws the image's own problem when its check failed under astro dev", () => {
    const failed: ImageRef = {
      path: './cut.jpg',
      id: '',
      width: 0,
      height: 0,
      problem: 'notices/x/index.mdx images: "cut.jpg" is incomplete',
    };
    expect(() => variantName(failed, { width: 480, format: 'webp' })).toThrow(
      'Image ./cut.jpg cannot be shown: notices/x/index.mdx images: "cut.jpg" is incomplete',
    );
  });
});

/** The slot width in CSS px a browser takes from a `sizes` attribute at a viewport `vw` px wide (1rem = 16 px). */
function slotWidth(sizes: string, vw: number): number {
  for (const part of sizes.split(/,\s*(?![^()]*\))/)) {
    const m = /^\(min-width: ([\d.]+)rem\)\s+(.*)$/.exec(part.trim());
    if (m && vw < Number(m[1]) * 16) continue;
    const expr = (m ? m[2]! : part.trim())
      .replace(/calc/g, '')
      .replace(/100vw/g, String(vw))
      .replace(/([\d.]+)rem/g, (_, n: string) => String(Number(n) * 16));
    // The three forms the gallery's sizes use: a length, (a - b), ((a - b) / n).
    const [, a, b, n] = /^\(?\(?([\d.]+)(?: - ([\d.]+)\))?(?: \/ ([\d.]+)\))?$/.exec(expr) ?? [];
    if (a === undefined) throw new Error(`unexpected sizes value "${expr}"`);
    return (Number(a) - Number(b ?? 0)) / Number(n ?? 1);
  }
  throw new Error(`no default in sizes "${sizes}"`);
}

describe('gallerySizes: the width the notice page shows its images at (the smallest adequate variant on a slow link)', () => {
  it('gives several images their column, so a tablet takes the 480 px variant (with 100vw it took the 960 px one)', () => {
    // 720 px: two columns of (720 - 2 × 16 - 16) / 2 = 336 px.
    expect(slotWidth(gallerySizes(3), 720)).toBe(336);
    // 900 px: three columns.
    expect(slotWidth(gallerySizes(3), 900)).toBeCloseTo((900 - 64) / 3);
    // A phone: one column, the page's width less its margins.
    expect(slotWidth(gallerySizes(3), 390)).toBe(358);
  });

  it('gives one image the page width on phones and tablets, the side column (24rem) on wide screens', () => {
    expect(slotWidth(gallerySizes(1), 390)).toBe(358);
    expect(slotWidth(gallerySizes(1), 720)).toBe(688);
    expect(slotWidth(gallerySizes(1), 1280)).toBe(384);
    expect(slotWidth(gallerySizes(2), 1280)).toBe(384);
  });
});
