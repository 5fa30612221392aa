/**
 * How the dist check reads text (src/dist-check/pagefind/phrases.ts) and Pagefind's CBOR files
 * (cbor.ts). Prevents: a withheld notice's sentence going unnoticed in dist/ because markup, case or
 * punctuation differ or because it sits in a compressed Pagefind fragment, and a damaged index file
 * read as if it were clean.
 */
import { describe, expect, it } from 'vitest';
import { PhraseIndex, phrasesOf, sentences, words } from '../../src/dist-check/pagefind/phrases.ts';
import { cborStrings, decodeCborSequence } from '../../src/dist-check/pagefind/cbor.ts';

describe('phrases', () => {
  it('compares words, not punctuation, case or markup', () => {
    expect(words('The ship’s <em>SEA</em>-chest, 137 kg!')).toEqual(['the', 'ship', 's', 'em', 'sea', 'em', 'chest', '137', 'kg']);
    expect(sentences('One two. Three four!\n\nFive')).toEqual(['One two.', 'Three four!', 'Five']);
  });

  it('keeps sentences of 6+ words, and the first and last 10 words of long ones', () => {
    expect(phrasesOf('Too short to count here.')).toEqual([]);
    expect(phrasesOf('Six words make a distinctive sentence.')).toHaveLength(1);
    const long = phrasesOf('a b c d e f g h i j k l m n');
    expect(long.map((p) => p.join(' '))).toEqual(['a b c d e f g h i j', 'e f g h i j k l m n']);
  });

  it('finds phrases anywhere in a text, once each, and can drop those found elsewhere', () => {
    const idx = new PhraseIndex<string>();
    idx.add(words('the packages were hidden behind the grate'), 'A');
    idx.add(words('divers found the load below the waterline'), 'B');
    const text = words('Report: The packages were hidden behind the grate. Later, the packages were hidden behind the grate.');
    expect(idx.find(text)).toEqual([{ phrase: 'the packages were hidden behind the grate', owner: 'A' }]);
    idx.removeFoundIn(words('Public text: divers found the load below the waterline.'));
    expect(idx.size).toBe(1);
    expect(idx.find(words('divers found the load below the waterline'))).toEqual([]);
  });
});

describe('CBOR', () => {
  it('decodes the shapes Pagefind writes (arrays, text, integers, maps, long lengths)', () => {
    // [["commodity", [["Ivory", [0, 300]]]], {"a": -2}]
    const bytes = Uint8Array.from([
      0x82,
      0x69,
      ...Buffer.from('commodity'),
      0x81,
      0x82,
      0x65,
      ...Buffer.from('Ivory'),
      0x82,
      0x00,
      0x19,
      0x01,
      0x2c,
      0xa1,
      0x61,
      0x61,
      0x21,
    ]);
    const [v] = decodeCborSequence(bytes);
    expect(v).toEqual(['commodity', [['Ivory', [0, 300]]]]);
    const [, , m] = decodeCborSequence(Uint8Array.from([0x01, 0x02, 0xa1, 0x61, 0x61, 0x21]));
    expect(m).toEqual(new Map([['a', -2]]));
    const long = 'x'.repeat(300);
    expect(decodeCborSequence(Uint8Array.from([0x79, 0x01, 0x2c, ...Buffer.from(long)]))).toEqual([long]);
    expect(cborStrings([['a', new Map([['b', ['c']]])], 3])).toEqual(['a', 'b', 'c']);
  });

  it('throws "unexpected end" on a truncated item instead of returning part of it', () => {
    expect(() => decodeCborSequence(Uint8Array.from([0x65, 0x41]))).toThrow(/unexpected end/);
  });
});
