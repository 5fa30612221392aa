/**
 * The CMS preview of a notice (src/cms/browser/preview.ts, preview-data.ts) is built from the page's
 * own definitions, and never breaks on a notice still being written. Guards against an editor seeing
 * other words, labels or markings in the preview than officers see on the page, and against a
 * half-filled form blanking the whole preview.
 */
import { describe, expect, it } from 'vitest';
import { keyFactsList, noticePage, type H } from '../../src/cms/browser/preview.ts';
import { previewNotice } from '../../src/cms/browser/preview-data.ts';
import { keyFacts, keyFactLinesOf, keyFactText } from '../../src/render/key-facts.ts';
import { notice, schema } from '../helpers/notice-data.ts';

interface El {
  type: string;
  props: Record<string, unknown> | null;
  children: unknown[];
}
/** A stand-in for React's createElement: elements as plain objects. */
const h: H = (type: string, props?: Record<string, unknown> | null, ...children: unknown[]): El => ({
  type,
  props: props ?? null,
  children,
});
const isEl = (n: unknown): n is El => typeof n === 'object' && n !== null && 'children' in n;
/** The text of a node, as a browser would show it (false, null and undefined show nothing). */
const text = (n: unknown): string =>
  isEl(n) ? n.children.map(text).join('') : typeof n === 'string' || typeof n === 'number' ? String(n) : '';
/** Every element of a tree, depth first. */
const all = (n: unknown): El[] => (isEl(n) ? [n, ...n.children.flatMap(all)] : []);
/** The CSS classes of an element. */
const classes = (e: El) => (typeof e.props?.className === 'string' ? e.props.className.split(' ') : []);
const byClass = (n: unknown, c: string) => all(n).filter((e) => classes(e).includes(c));

/** A complete notice, and the same notice as a form still being filled in (a blank keyword, a seizure without a year). */
const valid = notice({
  updated: '2024-05-02',
  requestingCountry: ' nl',
  route: { origin: ['EC'], destination: ['NL'] },
  seizures: [{ country: 'NL', year: 2023, location: 'seaport', quantity: '1.2 t' }],
  keywords: ['ice'],
  images: [
    { src: 'photo.jpg', alt: 'A sculpture', kind: 'photo' },
    { src: 'xray.jpg', alt: 'An X-ray', kind: 'xray', tlp: 'AMBER' },
  ],
});
const form = { ...valid, seizures: [...(valid.seizures as unknown[]), { country: 'BE' }], keywords: ['ice', ''] };

describe('CMS preview of a notice', () => {
  it('reads the form as the schema does: canonical codes, blanks dropped, incomplete seizures left out', () => {
    const d = previewNotice(form);
    expect(d.requestingCountry).toBe('NL');
    expect(d.keywords).toEqual(['ice']);
    expect(d.seizures).toEqual([{ country: 'NL', year: 2023, location: 'seaport', quantity: '1.2 t' }]);
    expect(d.route).toEqual({ origin: ['EC'], transit: [], destination: ['NL'] });
    expect(previewNotice({ tlp: 'tlp:amber', commodities: ['cocaine', 'no-such-term'] })).toMatchObject({
      tlp: 'AMBER',
      commodities: ['cocaine'],
      status: 'active',
      indicators: [],
    });
  });

  it('shows the key facts of the page, line by line', () => {
    const page = keyFacts(schema.parse(valid));
    const shown = all(keyFactsList(h, previewNotice(form)))
      .filter((e) => e.type === 'div')
      .map((row) => [text(row.children[0]), text(row.children[1])]);
    expect(shown).toEqual(
      page.map((r) => [
        r.label,
        keyFactLinesOf(r)
          .map((l) => keyFactText(l))
          .join(''),
      ]),
    );
    expect(shown).toContainEqual(['Seizures', 'Netherlands, 2023, seaport: 1.2 t']);
  });

  it('shows a half-filled form without failing: a row it cannot fill yet stays empty', () => {
    const d = previewNotice({ title: 'Draft', concealment: { object: 'Resin statues' } });
    const rows = all(keyFactsList(h, d)).filter((e) => e.type === 'div');
    expect(rows.map((row) => [text(row.children[0]), text(row.children[1])])).toEqual([
      ['Commodity', ''],
      ['Concealment', ''],
      ['Transport', ''],
      ['Route', 'not reported'],
      ['Crime area', ''],
      ['Published', ''],
    ]);
    const page = noticePage(h, d, 'body', () => '');
    expect(text(byClass(page, 'marking-banner')[0])).toBe('No marking chosen yet: choose one under "Marking (TLP)".');
    expect(text(all(page).find((e) => e.type === 'h1'))).toBe('Draft');
  });

  it('marks the page as the page is marked: an image above the notice raises it, and says so', () => {
    const page = noticePage(h, previewNotice(form), 'body', (img) => `/media/${img.src}`);
    const banner = byClass(page, 'marking-banner')[0]!;
    expect(banner.props?.className).toBe('marking-banner marking-banner--amber');
    expect(text(banner)).toBe(
      'TLP:AMBERLimited disclosure: within your organisation and its clients, on a need-to-know basis. ' +
        'The notice is TLP:CLEAR; an image on this page is marked TLP:AMBER, so the whole page is TLP:AMBER.MO-2024-0001',
    );
    expect(byClass(page, 'gallery__item').map((f) => text(all(f).find((e) => e.type === 'figcaption')))).toEqual([
      'Photo',
      'TLP:AMBER X-ray image',
    ]);
    expect(
      all(page)
        .filter((e) => e.type === 'img')
        .map((e) => e.props?.src),
    ).toEqual(['/media/photo.jpg', '/media/xray.jpg']);
    expect(all(page).find((e) => e.type === 'h1')?.children).toEqual(['Methamphetamine inside animal sculptures']);
    expect(text(byClass(page, 'notice__body')[0])).toBe('Modus operandibody');
  });
});
