/**
 * The builders of the subject feeds (src/render/feed.ts, src/knowledge/urls.ts): what a feed holds of a
 * notice, its items in a language, its channel's title, its address. Prevents: a subject feed whose cache key
 * changes with fields it does not show (every feed rendered again on any edit, at 1,000 notices × 4
 * languages), or does not change with one it shows (a stale title in a reader); items in the wrong language
 * or linking the English pages from a French feed; a title that does not say what is followed; a feed
 * address that breaks on a value with a space or an accent.
 */
import { describe, expect, it } from 'vitest';
import { facetFeedUrl, facetValueUrl } from '../../src/knowledge/urls.ts';
import { dataDigest } from '../../src/render/data/cache-keys.ts';
import { FEED_SIZE, feedDate, feedItems, feedNotice, subjectFeedChannel } from '../../src/render/feed.ts';

/** A notice as the knowledge base holds it: more fields than a feed shows. */
const notice = (i: number, extra: Record<string, unknown> = {}) => ({
  id: `slug-${i}`,
  data: {
    id: `MO-2024-${String(i).padStart(4, '0')}`,
    title: `Title ${i}`,
    summary: `Summary ${i}`,
    tlp: 'CLEAR' as const,
    published: `2024-03-${String(10 + (i % 10)).padStart(2, '0')}`,
    status: 'active',
    commodities: ['methamphetamine'],
    indicators: ['Heavier than declared.'],
    recommendedActions: ['X-ray it.'],
    ...extra,
  },
});

describe('a notice as a feed holds it (feedNotice)', () => {
  it('keeps only what a feed shows, so its digest ignores an edit of an indicator or an action', () => {
    const a = feedNotice(notice(1));
    expect(a).toEqual({
      id: 'slug-1',
      data: {
        id: 'MO-2024-0001',
        title: 'Title 1',
        summary: 'Summary 1',
        tlp: 'CLEAR',
        published: '2024-03-11',
        status: 'active',
        commodities: ['methamphetamine'],
      },
    });
    const edited = feedNotice(notice(1, { indicators: ['Another indicator.'], recommendedActions: ['Weigh it.'] }));
    expect(dataDigest(edited)).toBe(dataDigest(a));
  });

  it('changes its digest with each field a feed shows: title, summary, marking, date, status, commodities', () => {
    const base = dataDigest(feedNotice(notice(1)));
    for (const change of [
      { title: 'New title' },
      { summary: 'New summary' },
      { tlp: 'GREEN' },
      { published: '2024-04-01' },
      { status: 'withdrawn' },
      { commodities: ['cocaine'] },
    ])
      expect(dataDigest(feedNotice(notice(1, change))), JSON.stringify(change)).not.toBe(base);
  });
});

describe('the items of a subject feed (feedItems)', () => {
  it('are at most FEED_SIZE, in the order given, linking the pages of the feed’s language with its labels', () => {
    const items = feedItems(
      Array.from({ length: FEED_SIZE + 5 }, (_, i) => feedNotice(notice(i))),
      'fr',
    );
    expect(items).toHaveLength(FEED_SIZE);
    expect(items[2]).toEqual({
      title: 'MO-2024-0002: Title 2',
      link: '/fr/notices/slug-2/',
      pubDate: feedDate('2024-03-12'),
      description: 'Summary 2',
      categories: ['TLP:CLEAR', 'Méthamphétamine'],
    });
    expect(feedItems([feedNotice(notice(3))], 'ar')[0]!.link).toBe('/ar/notices/slug-3/');
  });
});

describe('the channel of a subject feed (subjectFeedChannel)', () => {
  it('says in its title what is followed, and names the facet in its description, in each language', () => {
    expect(subjectFeedChannel('Commodity', 'Methamphetamine')).toEqual({
      title: 'Modus: new notices — Methamphetamine',
      description: 'The newest notices with Commodity: Methamphetamine, in this copy of Modus (only notices this copy may show).',
    });
    expect(subjectFeedChannel('Marchandise', 'Méthamphétamine', 'fr').title).toBe('Modus\u00a0: nouvelles notices — Méthamphétamine');
    expect(subjectFeedChannel('Mercancía', 'Metanfetamina', 'es').title).toBe('Modus: nuevas notificaciones — Metanfetamina');
    // In Arabic the value is isolated (U+2068 … U+2069) so a Latin name keeps its own order.
    expect(subjectFeedChannel('سلعة', 'Captagon', 'ar').title).toBe('Modus: نشرات جديدة — \u2068Captagon\u2069');
  });
});

describe('the address of a subject feed (facetFeedUrl)', () => {
  it('is feed.xml inside the value’s browse page, under the language’s prefix, the value encoded', () => {
    expect(facetFeedUrl('commodity', 'methamphetamine')).toBe('/browse/commodity/methamphetamine/feed.xml');
    expect(facetFeedUrl('country', 'nl', 'fr')).toBe('/fr/browse/country/nl/feed.xml');
    expect(facetFeedUrl('operation', 'opération-été', 'ar')).toBe('/ar/browse/operation/op%C3%A9ration-%C3%A9t%C3%A9/feed.xml');
    for (const lang of ['en', 'fr', 'es', 'ar'] as const)
      expect(facetFeedUrl('year', '2021', lang)).toBe(`${facetValueUrl('year', '2021', 1, lang)}feed.xml`);
  });
});
