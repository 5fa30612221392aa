/**
 * What each audience build may show (src/loading/audience.ts) and how markings are named
 * (src/model/tlp.ts). Prevents: a notice or a photo marked above the build's audience (a TLP:AMBER
 * photo on a TLP:CLEAR notice, a TLP:GREEN notice in a public build) reaching the pages, a page
 * showing a lower marking than its images, and a marking the stylesheet neither colours nor prints.
 */
import { describe, expect, it } from 'vitest';
import {
  assertWithinAudience,
  audienceView,
  imageMarking,
  imagesWithinMarking,
  pageMarking,
  visibleImages,
} from '../../src/loading/audience.ts';
import { audienceMaySee, TLP_LEVELS, tlpClass, tlpLabel, type Audience, type Tlp } from '../../src/model/tlp.ts';
import { siteStylesheet } from '../helpers/stylesheet.ts';

describe('audiences', () => {
  it('each audience sees exactly its markings; RED is never built', () => {
    const sees = (a: Audience) => (['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as Tlp[]).filter((t) => audienceMaySee(a, t));
    expect(sees('public')).toEqual(['CLEAR']);
    expect(sees('community')).toEqual(['CLEAR', 'GREEN']);
    expect(sees('organisation')).toEqual(['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT']);
  });

  it('an image above the audience is left out even when its notice is in', () => {
    const images = [
      { src: 'a', tlp: undefined },
      { src: 'b', tlp: 'AMBER' as Tlp },
      { src: 'c', tlp: 'GREEN' as Tlp },
    ];
    expect(visibleImages(images, 'public').map((i) => i.src)).toEqual(['a']);
    expect(visibleImages(images, 'community').map((i) => i.src)).toEqual(['a', 'c']);
    expect(visibleImages(images, 'organisation').map((i) => i.src)).toEqual(['a', 'b', 'c']);
  });

  it('names each marking TLP:X, and site.css (with the parts it imports) colours each class suffix and prints each publishable label on every page', () => {
    expect(TLP_LEVELS.map(tlpLabel)).toEqual(['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED']);
    expect(TLP_LEVELS.map(tlpClass)).toEqual(['clear', 'green', 'amber', 'amber-strict', 'red']);
    const css = siteStylesheet();
    for (const tlp of TLP_LEVELS) {
      const cls = tlpClass(tlp);
      // The badge colour: `.tlp--amber` must not be satisfied by `.tlp--amber-strict`.
      expect(css, `.tlp--${cls}`).toMatch(new RegExp(`\\.tlp--${cls}(?![\\w-])`));
      if (tlp === 'RED') continue; // never built, so never printed
      // The printed page: `.print-page--<cls>` selects the named page whose margins carry the label.
      expect(css, `.print-page--${cls}`).toMatch(new RegExp(`\\.print-page--${cls} \\{\\s*page: tlp-${cls};`));
      const page = new RegExp(`@page tlp-${cls} \\{([\\s\\S]*?)\\n\\}`).exec(css)?.[1] ?? '';
      expect(page.split(`content: '${tlpLabel(tlp)}';`).length - 1, `@page tlp-${cls}`).toBe(2);
    }
  });

  it('an entry above the audience reaching the pages stops the build, naming it (never dropped in silence)', () => {
    const entries = [
      { id: 'a', data: { tlp: 'CLEAR' as Tlp } },
      { id: 'b', data: { tlp: 'GREEN' as Tlp } },
    ];
    expect(assertWithinAudience(entries, 'community', (e) => e.id)).toBe(entries);
    expect(() => assertWithinAudience(entries, 'public', (e) => `Notice ${e.id}`)).toThrow(
      'Notice b is marked TLP:GREEN, above this build\'s audience "public", yet reached the pages',
    );
  });

  it('an image is handled under the more restrictive of its own and its notice marking', () => {
    expect(imageMarking('AMBER', 'CLEAR')).toBe('AMBER');
    expect(imageMarking('CLEAR', 'GREEN')).toBe('GREEN');
    expect(imageMarking('GREEN', undefined)).toBe('GREEN');
  });

  it('audienceView withholds a notice above the audience and turns withheld images back into plain paths', () => {
    const plain = { tlp: 'CLEAR', images: [{ src: './a.jpg' }, { src: './b.jpg', tlp: 'AMBER' }] };
    const parsed = {
      tlp: 'CLEAR' as Tlp,
      images: [{ src: '__ASTRO_IMAGE_./a.jpg' }, { src: '__ASTRO_IMAGE_./b.jpg', tlp: 'AMBER' as Tlp }],
    };
    expect(audienceView(parsed, plain as never, 'public')!.images).toEqual([
      { src: '__ASTRO_IMAGE_./a.jpg' },
      { src: './b.jpg', tlp: 'AMBER' },
    ]);
    expect(audienceView(parsed, plain as never, 'organisation')).toEqual(parsed);
    expect(audienceView({ ...parsed, tlp: 'GREEN' }, plain as never, 'public')).toBeNull();
    expect(audienceView({ ...parsed, tlp: 'RED' }, plain as never, 'organisation')).toBeNull();
    expect(parsed.images[1]!.src).toBe('__ASTRO_IMAGE_./b.jpg');
  });
});

describe('images marked above their notice', () => {
  const images = [
    { alt: 'a' },
    { alt: 'b', tlp: 'GREEN' as const },
    { alt: 'c', tlp: 'AMBER' as const },
    { alt: 'd', tlp: 'CLEAR' as const },
  ];

  it('imagesWithinMarking keeps the visible images marked at most the given marking', () => {
    expect(imagesWithinMarking(images, 'CLEAR', 'organisation').map((i) => i.alt)).toEqual(['a', 'd']);
    expect(imagesWithinMarking(images, 'GREEN', 'organisation').map((i) => i.alt)).toEqual(['a', 'b', 'd']);
    // The audience still applies: a GREEN notice's AMBER image is not in a community build.
    expect(imagesWithinMarking(images, 'AMBER', 'community').map((i) => i.alt)).toEqual(['a', 'b', 'd']);
  });

  it('pageMarking is the highest of the notice and the images shown', () => {
    expect(pageMarking('CLEAR', [{}, { tlp: 'CLEAR' }])).toBe('CLEAR');
    expect(pageMarking('CLEAR', [{}, { tlp: 'AMBER' }, { tlp: 'GREEN' }])).toBe('AMBER');
    expect(pageMarking('AMBER+STRICT', [{ tlp: 'GREEN' }])).toBe('AMBER+STRICT');
  });
});
