/**
 * The key facts of a notice (src/render/key-facts.ts), the one definition the notice page, the CMS
 * preview and the dist check share: rows, order, labels, parts, and the text of each line. Guards
 * against the page and the dist check's "visible text" drifting apart (a key-fact line the dist check
 * does not know is visible would be reported as a leak when another notice repeats it).
 */
import { describe, expect, it } from 'vitest';
import { keyFacts, keyFactLinesOf, keyFactText, type KeyFactRow } from '../../src/render/key-facts.ts';
import { keyFactLines } from '../../src/dist-check/content-manifest.ts';
import type { NoticeData } from '../../src/model/notice.ts';
import { notice, schema } from '../helpers/notice-data.ts';

const full = schema.parse(
  notice({
    updated: '2024-05-02',
    requestingCountry: 'NL',
    operation: 'LIONFISH',
    concealment: { category: 'inside-goods', object: 'Resin sculptures', placement: 'In the hollow base' },
    route: { origin: ['EC'], transit: [], destination: ['NL', 'BE'] },
    seizures: [
      { country: 'NL', year: 2023, location: 'seaport', quantity: '1.2 t' },
      { country: 'BE', year: 2022 },
    ],
    detection: ['xray-nii'],
    antiDetection: ['false-declaration'],
    keywords: ['ice', 'crystal'],
  }),
) as NoticeData;
const minimal = schema.parse(notice()) as NoticeData;

/** Row label → the text of its lines, as shown. */
const shown = (rows: KeyFactRow[]) => rows.map((r) => [r.label, keyFactLinesOf(r).map((l) => keyFactText(l))]);

describe('key facts of a notice', () => {
  it('lists every row in page order, each line as the page shows it', () => {
    expect(shown(keyFacts(full))).toEqual([
      ['Commodity', ['Methamphetamine']],
      ['Concealment', ['Inside goods: Resin sculptures; In the hollow base']],
      ['Transport', ['Air cargo']],
      ['Route', ['Origin: Ecuador', 'Destination: Netherlands, Belgium']],
      ['Seizures', ['Netherlands, 2023, seaport: 1.2 t', 'Belgium, 2022']],
      ['Detected by', ['X-ray / non-intrusive inspection']],
      ['Anti-detection', ['False declaration']],
      ['Crime area', ['Drug trafficking']],
      ['Operation', ['LIONFISH']],
      ['Requested by', ['Netherlands']],
      ['Published', ['1 March 2024; updated 2 May 2024']],
      ['Also known as', ['ice, crystal']],
    ]);
  });

  it('leaves out empty optional rows; an unknown route reads "not reported"', () => {
    expect(shown(keyFacts(minimal))).toEqual([
      ['Commodity', ['Methamphetamine']],
      ['Concealment', ['Inside goods: Hollow casting: resin figurine']],
      ['Transport', ['Air cargo']],
      ['Route', ['not reported']],
      ['Crime area', ['Drug trafficking']],
      ['Published', ['1 March 2024']],
    ]);
  });

  it('gives facet values with the keys of their browse pages, dates as date-only values, and the keywords a search weight', () => {
    const rows = keyFacts(full);
    const route = rows.find((r) => r.key === 'notice.route')!;
    expect(route.value).toMatchObject({ type: 'list', ordered: true, className: 'route' });
    expect(keyFactLinesOf(route)[1]!.parts).toEqual([
      {
        type: 'facet',
        facet: 'country',
        entries: [
          { value: 'nl', label: 'Netherlands' },
          { value: 'be', label: 'Belgium' },
        ],
      },
    ]);
    const seizure = keyFactLinesOf(rows.find((r) => r.key === 'notice.seizures')!)[0]!;
    expect(seizure.parts.filter((p) => p.type === 'facet').map((p) => p.facet)).toEqual(['country', 'year']);
    const published = keyFactLinesOf(rows.find((r) => r.key === 'notice.published')!)[0]!;
    expect(published.parts.filter((p) => p.type === 'date')).toEqual([
      { type: 'date', date: '2024-03-01' },
      { type: 'date', date: '2024-05-02' },
    ]);
    expect(rows.filter((r) => r.searchWeight !== undefined).map((r) => [r.key, r.searchWeight])).toEqual([['notice.keywords', 6]]);
  });

  it('gives the dist check the lines that join facet values to text, from the same rows', () => {
    // In every language (a page in each shows them): English first, then French, Spanish and Arabic.
    const lines = keyFactLines(full);
    expect(lines.slice(0, 3)).toEqual([
      'Inside goods: Resin sculptures; In the hollow base',
      'Netherlands, 2023, seaport: 1.2 t',
      'Belgium, 2022',
    ]);
    expect(lines).toHaveLength(12);
    expect(lines).toContain('Pays-Bas, 2023, port maritime\u00a0: 1.2 t');
    expect(lines.slice(9)).toContain('بلجيكا، 2022');
    expect(keyFactLines(minimal)[0]).toBe('Inside goods: Hollow casting: resin figurine');
  });

  it("gives the line of a translated language's page with the translation's words (a visible notice's French key facts are not another notice's leak)", () => {
    const fr = {
      translated: '2024-06-01',
      title: 'T',
      summary: 'S',
      concealment: { object: 'Sculptures en résine', placement: 'Dans le socle creux' },
      keywords: [],
      indicators: ['I'],
      recommendedActions: ['A'],
      images: [],
    };
    const lines = keyFactLines(full, new Map([['fr', fr]]));
    expect(lines).toContain('À l’intérieur de marchandises\u00a0: Sculptures en résine\u202f; Dans le socle creux');
    expect(lines).not.toContain('À l’intérieur de marchandises\u00a0: Resin sculptures\u202f; In the hollow base');
    // The languages without a translation show the original's words, as before.
    expect(lines.filter((l) => l.includes('Resin sculptures'))).toHaveLength(3);
  });
});
