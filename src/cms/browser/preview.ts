/**
 * The live preview of a notice in the CMS: the same structure and CSS classes as the site's notice
 * page (src/pages/notices/[slug].astro, styled by src/render/styles/site.css, registered as preview style),
 * the same UI strings, labels and date format, so an editor sees what officers will see.
 * Rendered with the React `h` the Decap bundle exposes; values arrive as Immutable.js structures.
 */
import type { ImmutableLike } from './decap.d.ts';
import { t } from '../../render/i18n/ui.ts';
import { formatDate } from '../../render/dates.ts';
import { tlpMeaning } from '../../render/markings.ts';
import { TLP_LEVELS, tlpClass, tlpLabel } from '../../model/tlp.ts';
import {
  antiDetectionMeasures,
  commodities,
  concealmentCategories,
  crimeAreas,
  detectionMethods,
  imageKinds,
  seizureLocations,
  transportModes,
  type Vocabulary,
} from '../../model/vocabularies.ts';
import type { Tlp } from '../../model/tlp.ts';

type H = NonNullable<Window['h']>;

interface PreviewProps {
  entry: ImmutableLike;
  fields: ImmutableLike;
  widgetFor(name: string): unknown;
  getAsset(path: string, field?: unknown): { toString(): string } | undefined;
}

const js = (v: unknown): any => (v && typeof (v as ImmutableLike).toJS === 'function' ? (v as ImmutableLike).toJS() : v); // eslint-disable-line @typescript-eslint/no-explicit-any
const list = (v: unknown): any[] => (Array.isArray(js(v)) ? js(v) : []); // eslint-disable-line @typescript-eslint/no-explicit-any
const label = (vocab: Vocabulary, slug: string) => (vocab.terms as Record<string, string>)[slug] ?? slug;
const safeDate = (d: unknown) => {
  try {
    return typeof d === 'string' && d ? formatDate(d) : '';
  } catch {
    return String(d);
  }
};

/** The config of field `name` among `fields` (an Immutable list of field maps). */
function fieldNamed(fields: ImmutableLike | undefined, name: string): ImmutableLike | undefined {
  return fields?.find?.((f: ImmutableLike) => f.get('name') === name);
}

/** Country code → name, read from the options of the requesting-country select (the CMS config). */
function countryNames(fields: ImmutableLike): Map<string, string> {
  const options = list(fieldNamed(fields, 'requestingCountry')?.get('options')) as Array<{ label: string; value: string }>;
  return new Map(options.map((o) => [o.value, o.label]));
}

/** The preview component class (built on first use: `createClass` exists only once Decap loaded). */
export function NoticePreview(): unknown {
  const h = window.h as H;
  return (window.createClass as NonNullable<Window['createClass']>)({
    render(this: { props: PreviewProps }) {
      const { entry, fields, widgetFor, getAsset } = this.props;
      const d = js(entry.get('data')) ?? {};
      const chosen = typeof d.tlp === 'string' && (TLP_LEVELS as readonly string[]).includes(d.tlp);
      const tlp = (chosen ? d.tlp : 'CLEAR') as Tlp;
      const marking = tlpClass(tlp);
      const countries = countryNames(fields);
      const country = (c: string) => countries.get(c) ?? c;
      const fact = (term: string, ...value: unknown[]) => h('div', null, h('dt', null, term), h('dd', null, ...value));
      const route = [
        [t('notice.origin'), list(d.route?.origin)],
        [t('notice.transit'), list(d.route?.transit)],
        [t('notice.destination'), list(d.route?.destination)],
      ].filter(([, codes]) => (codes as string[]).length > 0) as Array<[string, string[]]>;
      const imagesField = fieldNamed(fields, 'images');
      const srcField = fieldNamed(imagesField?.get('fields'), 'src');
      const images = list(d.images);
      const seizures = list(d.seizures);

      return h(
        'main',
        { id: 'main' },
        h(
          'article',
          { className: `notice print-page--${marking}` },
          h(
            'div',
            { className: `marking-banner marking-banner--${marking}`, role: 'note' },
            chosen
              ? [
                  h('span', { key: 'l', className: `tlp tlp--${marking}` }, tlpLabel(tlp)),
                  h('span', { key: 't', className: 'marking-banner__text' }, tlpMeaning(tlp).short),
                ]
              : h('span', { className: 'marking-banner__text' }, 'No marking chosen yet: choose one under "Marking (TLP)".'),
            d.id && h('span', { className: 'marking-banner__id' }, d.id),
          ),
          d.status &&
            d.status !== 'active' &&
            h(
              'div',
              { className: `status-banner status-banner--${d.status}`, role: 'alert' },
              h(
                'p',
                null,
                h('strong', null, d.status === 'superseded' ? t('notice.superseded') : t('notice.withdrawn')),
                d.statusReason ? ` ${t('notice.reason')} ${d.statusReason}` : '',
              ),
              d.supersededBy && h('p', null, `${t('notice.supersededBy')} `, h('span', { className: 'mono' }, d.supersededBy)),
            ),
          h(
            'header',
            { className: 'notice__header' },
            h('p', { className: 'notice__id' }, h('span', { className: 'mono' }, d.id ?? '')),
            h('h1', null, d.title ?? ''),
            h('p', { className: 'lead' }, d.summary ?? ''),
          ),
          h(
            'section',
            { className: 'notice__facts' },
            h('h2', null, t('notice.facts')),
            h(
              'dl',
              { className: 'facts' },
              fact(
                t('notice.commodities'),
                list(d.commodities)
                  .map((s) => label(commodities, s))
                  .join(', '),
              ),
              fact(
                t('notice.concealment'),
                d.concealment?.category ? `${label(concealmentCategories, d.concealment.category)}: ` : '',
                d.concealment?.object ?? '',
                d.concealment?.placement ? `; ${d.concealment.placement}` : '',
              ),
              fact(
                t('notice.transportModes'),
                list(d.transportModes)
                  .map((s) => label(transportModes, s))
                  .join(', '),
              ),
              fact(
                t('notice.route'),
                route.length === 0
                  ? t('route.unknown')
                  : h(
                      'ol',
                      { className: 'route' },
                      ...route.map(([role, codes]) =>
                        h('li', null, h('span', { className: 'route__role' }, `${role}:`), ` ${codes.map(country).join(', ')}`),
                      ),
                    ),
              ),
              seizures.length > 0 &&
                fact(
                  t('notice.seizures'),
                  h(
                    'ul',
                    { className: 'plain' },
                    ...seizures.map((s) =>
                      h(
                        'li',
                        null,
                        [country(s.country ?? ''), s.year, s.location && label(seizureLocations, s.location).toLowerCase()]
                          .filter(Boolean)
                          .join(', ') + (s.quantity ? `: ${s.quantity}` : ''),
                      ),
                    ),
                  ),
                ),
              list(d.detection).length > 0 &&
                fact(
                  t('notice.detection'),
                  list(d.detection)
                    .map((s) => label(detectionMethods, s))
                    .join(', '),
                ),
              list(d.antiDetection).length > 0 &&
                fact(
                  t('notice.antiDetection'),
                  list(d.antiDetection)
                    .map((s) => label(antiDetectionMeasures, s))
                    .join(', '),
                ),
              fact(
                t('notice.crimeAreas'),
                list(d.crimeAreas)
                  .map((s) => label(crimeAreas, s))
                  .join(', '),
              ),
              d.operation && fact(t('notice.operation'), d.operation),
              d.requestingCountry && fact(t('notice.requestingCountry'), country(d.requestingCountry)),
              fact(
                t('notice.published'),
                safeDate(d.published),
                d.updated ? `; ${t('notice.updated').toLowerCase()} ${safeDate(d.updated)}` : '',
              ),
              list(d.keywords).length > 0 && fact(t('notice.keywords'), list(d.keywords).join(', ')),
            ),
          ),
          h(
            'section',
            { className: 'callout callout--indicators' },
            h('h2', null, t('notice.indicators')),
            h('ul', null, ...list(d.indicators).map((i) => h('li', null, i))),
          ),
          h(
            'section',
            { className: 'callout callout--actions' },
            h('h2', null, t('notice.recommendedActions')),
            h('ol', null, ...list(d.recommendedActions).map((a) => h('li', null, a))),
          ),
          images.length > 0 &&
            h(
              'section',
              { className: 'notice__images' },
              h('h2', null, t('notice.images')),
              h(
                'div',
                { className: `gallery gallery--${images.length > 1 ? 'many' : 'one'}` },
                ...images.map((img) =>
                  h(
                    'figure',
                    { className: 'gallery__item' },
                    img.src && h('img', { src: String(getAsset(img.src, srcField) ?? ''), alt: img.alt ?? '' }),
                    h(
                      'figcaption',
                      null,
                      h('span', { className: 'kind' }, img.kind ? label(imageKinds, img.kind) : ''),
                      img.caption ? ` ${img.caption}` : '',
                      img.credit && h('span', { className: 'credit' }, ` ${t('notice.credit')} ${img.credit}`),
                    ),
                  ),
                ),
              ),
            ),
          h('section', { className: 'notice__body prose' }, h('h2', null, t('notice.description')), widgetFor('body')),
          h(
            'section',
            { className: 'notice__sources' },
            h('h2', null, t('notice.sources')),
            h(
              'ol',
              null,
              ...list(d.sources).map((s) =>
                h(
                  'li',
                  null,
                  s.url ? h('a', { href: s.url }, s.title) : h('cite', null, s.title),
                  `, ${s.publisher ?? ''}`,
                  s.date ? `, ${safeDate(s.date)}` : '',
                ),
              ),
            ),
          ),
          list(d.changes).length > 0 &&
            h(
              'section',
              { className: 'notice__changes' },
              h('h2', null, t('notice.changes')),
              h('ul', null, ...list(d.changes).map((c) => h('li', null, `${safeDate(c.date)}: ${c.summary ?? ''}`))),
            ),
        ),
      );
    },
  });
}
