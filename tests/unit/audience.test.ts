import { describe, expect, it } from 'vitest';
import { audienceView, imageMarking, visibleImages } from '../../src/lib/audience.ts';
import { audienceMaySee, type Audience, type Tlp } from '../../src/schema/tlp.ts';

describe('audiences', () => {
  it('each audience sees exactly its markings; RED is never built', () => {
    const sees = (a: Audience) => (['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as Tlp[]).filter((t) => audienceMaySee(a, t));
    expect(sees('public')).toEqual(['CLEAR']);
    expect(sees('community')).toEqual(['CLEAR', 'GREEN']);
    expect(sees('organisation')).toEqual(['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT']);
  });

  it('an image above the audience is left out even when its notice is in', () => {
    const images = [{ src: 'a', tlp: undefined }, { src: 'b', tlp: 'AMBER' as Tlp }, { src: 'c', tlp: 'GREEN' as Tlp }];
    expect(visibleImages(images, 'public').map((i) => i.src)).toEqual(['a']);
    expect(visibleImages(images, 'community').map((i) => i.src)).toEqual(['a', 'c']);
    expect(visibleImages(images, 'organisation').map((i) => i.src)).toEqual(['a', 'b', 'c']);
  });

  it('an image is handled under the more restrictive of its own and its notice marking', () => {
    expect(imageMarking('AMBER', 'CLEAR')).toBe('AMBER');
    expect(imageMarking('CLEAR', 'GREEN')).toBe('GREEN');
    expect(imageMarking('GREEN', undefined)).toBe('GREEN');
  });

  it('audienceView withholds a notice above the audience and turns withheld images back into plain paths', () => {
    const plain = { tlp: 'CLEAR', images: [{ src: './a.jpg' }, { src: './b.jpg', tlp: 'AMBER' }] };
    const parsed = { tlp: 'CLEAR' as Tlp, images: [{ src: '__ASTRO_IMAGE_./a.jpg' }, { src: '__ASTRO_IMAGE_./b.jpg', tlp: 'AMBER' as Tlp }] };
    expect(audienceView(parsed, plain as never, 'public')!.images).toEqual([{ src: '__ASTRO_IMAGE_./a.jpg' }, { src: './b.jpg', tlp: 'AMBER' }]);
    expect(audienceView(parsed, plain as never, 'organisation')).toEqual(parsed);
    expect(audienceView({ ...parsed, tlp: 'GREEN' }, plain as never, 'public')).toBeNull();
    expect(audienceView({ ...parsed, tlp: 'RED' }, plain as never, 'organisation')).toBeNull();
    expect(parsed.images[1]!.src).toBe('__ASTRO_IMAGE_./b.jpg');
  });
});
