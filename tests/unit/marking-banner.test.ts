/**
 * The words of the marking banner (src/render/marking-banner.ts), shared by the page and the CMS
 * preview: an editor who adds an image marked above the notice must see, as officers will, that the
 * whole page is now handled under the image's marking.
 */
import { describe, expect, it } from 'vitest';
import { markingBannerText } from '../../src/render/marking-banner.ts';

describe('marking banner text', () => {
  it('says what the marking allows', () => {
    expect(markingBannerText('CLEAR')).toEqual({ meaning: 'Disclosure is not limited.' });
    expect(markingBannerText('GREEN', 'GREEN')).toEqual({ meaning: 'Limited disclosure: within the community only.' });
  });

  it('says when an image raised the page above the notice', () => {
    expect(markingBannerText('AMBER', 'GREEN')).toEqual({
      meaning: 'Limited disclosure: within your organisation and its clients, on a need-to-know basis.',
      raisedByImage: 'The notice is TLP:GREEN; an image on this page is marked TLP:AMBER, so the whole page is TLP:AMBER.',
    });
  });
});
