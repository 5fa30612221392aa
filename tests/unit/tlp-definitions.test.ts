/**
 * One definition of what each TLP 2.0 marking means (src/model/tlp.ts `TLP_DEFINITIONS`): the marking
 * banner and the markings page (src/render/markings.ts) and the CMS's marking select
 * (src/cms/node/config.ts) show the same words, so an editor never picks a marking described
 * differently from what the reader is told.
 */
import { describe, expect, test } from 'vitest';
import { TLP_DEFINITIONS, TLP_LEVELS, TLP_PUBLISHABLE } from '../../src/model/tlp.ts';
import { tlpMeaning } from '../../src/render/markings.ts';
import { tlpOptions } from '../../src/cms/node/config.ts';

describe('TLP definitions', () => {
  test('the site shows the definitions of the content model', () => {
    for (const tlp of TLP_LEVELS) expect(tlpMeaning(tlp, 'en')).toEqual(TLP_DEFINITIONS[tlp]);
    expect(tlpMeaning('GREEN', 'en').short).toBe('Limited disclosure: within the community only.');
    expect(tlpMeaning('RED', 'en').audience).toBe('Never built.');
  });

  test('the CMS marking select labels each marking with its short definition', () => {
    expect(tlpOptions()).toEqual(
      TLP_PUBLISHABLE.map((tlp) => ({ value: tlp, label: `TLP:${tlp} (${TLP_DEFINITIONS[tlp].short.replace(/\.$/, '')})` })),
    );
    expect(tlpOptions().find((o) => o.value === 'CLEAR')!.label).toBe('TLP:CLEAR (Disclosure is not limited)');
  });
});
