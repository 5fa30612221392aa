/**
 * The live preview of a notice in the CMS: the notice page (src/pages/notices/[slug].astro) built in
 * the editor from the page's own definitions: the UI strings (src/render/i18n/ui.ts), vocabulary
 * labels, the key facts (src/render/key-facts.ts), the marking banner's words
 * (src/render/marking-banner.ts, the page's marking raised by an image's as on the page), and dates
 * (formatDate), in the page's structure and CSS classes (src/render/styles/site.css, its parts
 * inlined, is registered as preview style), so an editor sees what officers will see. Rendered with
 * the React `h` the Decap bundle exposes; the form values are read by preview-data.ts.
 *
 * Where the preview differs from the page, and why:
 * - The body is Decap's own Markdown preview (`widgetFor('body')`), its call-outs drawn by the Call-out
 *   editor component with the site's box (src/model/callout.ts). The site's body renderer
 *   (src/loading/body/render-body.ts) parses with satteri, a native Node module: its browser build is a
 *   separate WebAssembly package (@bruits/satteri-wasm32-wasi, not installed, as npm installs only the
 *   build machine's binding) that runs in workers on shared WebAssembly memory, which browsers allow
 *   only on cross-origin-isolated pages, and the Decap bundle and its chunks are not served for that.
 *   Decap's preview keeps the body's heading levels (the page puts them one level down, under its `<h2>`).
 * - Facet values are text, not links to their browse pages (a link would take the preview frame away).
 * - Every image is shown (the page shows those its build's audience may see); related and similar
 *   notices, courses and the successor's title need the whole knowledge base and are left out.
 */
import type { ImmutableLike } from './decap.d.ts';
import { previewNotice, type PreviewImage, type PreviewNotice } from './preview-data.ts';
import { t } from '../../render/i18n/ui.ts';
import { keyFacts, keyFactPartText, type KeyFactLine, type KeyFactPart } from '../../render/key-facts.ts';
import { markingBannerText } from '../../render/marking-banner.ts';
import { formatDate } from '../../render/dates.ts';
import { pageMarking } from '../../loading/audience.ts';
import { tlpClass, tlpLabel, tlpRank, type Tlp } from '../../model/tlp.ts';
import { imageKinds, labelOf } from '../../model/vocabularies.ts';

/** React's createElement, as the Decap bundle exposes it. */
export type H = NonNullable<Window['h']>;

/** What Decap passes a preview template. */
interface PreviewProps {
  entry: ImmutableLike;
  fields: ImmutableLike;
  widgetFor: (name: string) => unknown;
  getAsset: (path: string, field?: unknown) => { toString(): string } | undefined;
}

/** A date-only value as the page shows it, or nothing while it is not a date yet. */
function dateText(value: string | undefined): string {
  try {
    return value ? formatDate(value) : '';
  } catch {
    return '';
  }
}

/** The config of field `name` among `fields` (an Immutable list of field maps). */
function fieldNamed(fields: ImmutableLike | undefined, name: string): ImmutableLike | undefined {
  return fields?.find?.((f: ImmutableLike) => f.get('name') === name) as ImmutableLike | undefined;
}

/** A TLP label as TlpBadge.astro shows it. */
const badge = (h: H, tlp: Tlp) => h('span', { className: `tlp tlp--${tlpClass(tlp)}` }, tlpLabel(tlp));

/** The marking banner (MarkingBanner.astro): the page's marking, what it allows, and the notice id. */
function markingBanner(h: H, d: PreviewNotice, marking: Tlp): unknown {
  const words = d.tlp ? markingBannerText(marking, d.tlp) : undefined;
  return h(
    'div',
    { className: `marking-banner marking-banner--${tlpClass(marking)}`, role: 'note', 'aria-label': t('marking.label') },
    ...(words
      ? [
          badge(h, marking),
          h('span', { className: 'marking-banner__text' }, words.meaning, words.raisedByImage ? ` ${words.raisedByImage}` : ''),
        ]
      : [h('span', { className: 'marking-banner__text' }, 'No marking chosen yet: choose one under "Marking (TLP)".')]),
    d.id && h('span', { className: 'marking-banner__id' }, d.id),
  );
}

/** The status banner of a superseded or withdrawn notice. */
function statusBanner(h: H, d: PreviewNotice): unknown {
  if (d.status === 'active') return null;
  return h(
    'div',
    { className: `status-banner status-banner--${d.status}`, role: 'alert' },
    h(
      'p',
      null,
      h('strong', null, d.status === 'superseded' ? t('notice.superseded') : t('notice.withdrawn')),
      d.statusReason ? ` ${t('notice.reason')} ${d.statusReason}` : '',
    ),
    d.supersededBy && h('p', null, `${t('notice.supersededBy')} `, h('span', { className: 'mono' }, d.supersededBy)),
  );
}

/** The key facts (KeyFacts.astro), row by row from the page's definition. */
export function keyFactsList(h: H, d: PreviewNotice): unknown {
  const part = (p: KeyFactPart) => (p.type === 'date' ? h('time', { dateTime: p.date }, dateText(p.date)) : keyFactPartText(p));
  const line = (l: KeyFactLine) => [...(l.role ? [h('span', { className: 'route__role' }, `${l.role}:`), ' '] : []), ...l.parts.map(part)];
  // A row the notice cannot fill yet (no concealment category chosen) is shown with an empty value.
  const rows = keyFacts(d, () => undefined);
  return h(
    'dl',
    { className: 'facts' },
    ...rows.map((r) =>
      h(
        'div',
        null,
        h('dt', null, r.label),
        h(
          'dd',
          null,
          ...(r.value.type === 'line'
            ? line(r.value.line)
            : [
                h(
                  r.value.ordered ? 'ol' : 'ul',
                  { className: r.value.className },
                  ...r.value.items.map((item) => h('li', null, ...line(item))),
                ),
              ]),
        ),
      ),
    ),
  );
}

/** The gallery (Gallery.astro): each image with its kind, caption, credit, and its own marking when above the notice's. */
function gallery(h: H, d: PreviewNotice, src: (img: PreviewImage) => string): unknown {
  const above = (img: PreviewImage) => img.tlp !== undefined && d.tlp !== undefined && tlpRank(img.tlp) > tlpRank(d.tlp);
  return h(
    'div',
    { className: `gallery gallery--${d.images.length > 1 ? 'many' : 'one'}` },
    ...d.images.map((img) =>
      h(
        'figure',
        { className: 'gallery__item' },
        img.src && h('img', { src: src(img), alt: img.alt }),
        h(
          'figcaption',
          null,
          above(img) && badge(h, img.tlp!),
          above(img) && ' ',
          h('span', { className: 'kind' }, img.kind ? labelOf(imageKinds, img.kind) : ''),
          img.caption ? ` ${img.caption}` : '',
          img.credit && h('span', { className: 'credit' }, ` ${t('notice.credit')} ${img.credit}`),
        ),
      ),
    ),
  );
}

/** A section of the notice page with its heading (a UI string). */
const section = (h: H, className: string, heading: string, ...content: unknown[]) =>
  h('section', { className }, h('h2', null, heading), ...content);

/** The notice page for the form values `d`. */
export function noticePage(h: H, d: PreviewNotice, body: unknown, src: (img: PreviewImage) => string): unknown {
  const marking = d.tlp ? pageMarking(d.tlp, d.images) : 'CLEAR';
  // The notice's own words in its language and direction (an original written in Arabic reads right to left).
  const own = { lang: d.language, dir: d.language === 'ar' ? 'rtl' : 'ltr' };
  return h(
    'main',
    { id: 'main' },
    h(
      'article',
      { className: `notice print-page--${tlpClass(marking)}` },
      markingBanner(h, d, marking),
      statusBanner(h, d),
      h(
        'header',
        { className: 'notice__header' },
        h(
          'p',
          { className: 'notice__id' },
          h('span', { className: 'visually-hidden' }, `${t('notice.id')}: `),
          h('span', { className: 'mono' }, d.id ?? ''),
        ),
        h('h1', own, d.title),
        h('p', { className: 'lead', ...own }, d.summary),
      ),
      h(
        'div',
        { className: 'notice__top' },
        h(
          'div',
          { className: 'notice__main' },
          section(h, 'notice__facts', t('notice.facts'), keyFactsList(h, d)),
          section(h, 'callout callout--indicators', t('notice.indicators'), h('ul', own, ...d.indicators.map((i) => h('li', null, i)))),
          section(
            h,
            'callout callout--actions',
            t('notice.recommendedActions'),
            h('ol', own, ...d.recommendedActions.map((a) => h('li', null, a))),
          ),
        ),
        d.images.length > 0 && section(h, 'notice__images', t('notice.images'), gallery(h, d, src)),
      ),
      section(h, 'notice__body prose', t('notice.description'), h('div', own, body)),
      section(
        h,
        'notice__sources',
        t('notice.sources'),
        h(
          'ol',
          null,
          ...d.sources.map((s) =>
            h(
              'li',
              null,
              s.url ? h('a', { href: s.url, rel: 'noreferrer noopener external' }, s.title) : h('cite', null, s.title),
              `, ${s.publisher}`,
              s.date && ', ',
              s.date && h('time', { dateTime: s.date }, dateText(s.date)),
            ),
          ),
        ),
      ),
      d.changes.length > 0 &&
        section(
          h,
          'notice__changes',
          t('notice.changes'),
          h('ul', null, ...d.changes.map((c) => h('li', null, h('time', { dateTime: c.date }, dateText(c.date)), `: ${c.summary}`))),
        ),
    ),
  );
}

/** The preview component class (built on first use: `createClass` exists only once Decap loaded). */
export function NoticePreview(): unknown {
  const h = window.h as H;
  return (window.createClass as NonNullable<Window['createClass']>)({
    render(this: { props: PreviewProps }) {
      const { entry, fields, widgetFor, getAsset } = this.props;
      const data = entry.get('data') as ImmutableLike | undefined;
      const d = previewNotice(data?.toJS());
      const srcField = fieldNamed(fieldNamed(fields, 'images')?.get('fields') as ImmutableLike | undefined, 'src');
      return noticePage(h, d, widgetFor('body'), (img) => String(getAsset(img.src ?? '', srcField) ?? ''));
    },
  });
}
