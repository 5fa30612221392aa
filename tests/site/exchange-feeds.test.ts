/**
 * Feeds to follow a subject, on the `basic` fixture (with a French translation of one notice added) built as
 * `npm run build` does (so the dist check has passed on it): every browse value page, in each language,
 * links the feed of its value in its head and in the page; the feed exists, is well-formed XML (saxes) and RSS 2.0 (read
 * with fast-xml-parser), says in its title what it follows, and lists exactly the notices of that value the
 * audience may see, newest first, in the page's language (titles of the translation, links to the pages of
 * that language). Prevents: a browse page linking a feed that was not built, a feed that is not XML, lists
 * another value's notices or a withheld one, or is in the wrong language, and a value without a feed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, listFiles, tempDir } from '../helpers/site.ts';
import { materialise, type Fixture } from '../helpers/fixtures.ts';
import { page } from '../helpers/dist.ts';
import { z } from 'astro/zod';
import { FACETS } from '../../src/knowledge/facets.ts';
import { noticeSchema, type NoticeData } from '../../src/model/notice.ts';
import { t, type Lang } from '../../src/render/i18n/ui.ts';
import { decodeEntities } from '../../src/dist-check/html/entities.ts';

const LANGS: Lang[] = ['en', 'fr', 'es', 'ar'];
const prefix = (l: Lang) => (l === 'en' ? '' : `/${l}`);
const SITE = 'http://localhost:4321';
/** The visible notices of the fixture, newest first (published, then id): the order of every list and feed. */
const NEWEST_FIRST = ['sculptures', 'ivory-logs', 'gearbox', 'ivory-logs-2022', 'cash-quarter-panels', 'minimal'];
/** The TLP:GREEN notice a public build leaves out, and a value only it has. */
const WITHHELD = { slug: 'banana-boxes', id: 'MO-2024-0007' };
const FRENCH_TITLE = 'Méthamphétamine dans des sculptures d’animaux';
const FRENCH_SCULPTURES = `---
translated: 2024-04-02
title: ${FRENCH_TITLE}
summary: De la méthamphétamine en cristaux cachée dans des sculptures creuses en résine, expédiées par fret aérien.
concealment:
  object: "Moulage creux : figurine en résine"
  placement: Cavité scellée dans le socle
keywords: []
indicators:
  - Sculptures plus lourdes que leur taille et leur matériau ne le laissent supposer.
  - Résine ou enduit frais autour du socle.
recommendedActions:
  - Passer la sculpture aux rayons X et comparer sa densité à un échantillon connu.
images:
  - src: evidence.jpg
    alt: Sculpture en résine creuse ouverte au socle, avec des paquets à l’intérieur
    caption: La cavité du socle.
---
Les sculptures ont été coulées creuses, puis remplies de méthamphétamine par le socle.
`;

interface RssItem {
  title: string;
  link: string;
  pubDate: string;
}
interface Rss {
  rss: { '@_version': string; channel: { title: string; link: string; description: string; language: string; item?: RssItem | RssItem[] } };
}

let fixture: Fixture;
let dist: string;
let notices: Map<string, NoticeData>;
/** Every browse value page (first page) of every language: `<prefix>/browse/<facet>/<value>/`. */
let valuePages: string[];

beforeAll(async () => {
  fixture = await materialise('basic');
  fs.writeFileSync(path.join(fixture.contentDir, 'notices/sculptures/index.fr.mdx'), FRENCH_SCULPTURES);
  dist = tempDir('dist-feeds');
  const r = await astroBuild(fixture.contentDir, dist);
  if (r.code !== 0) throw new Error(`fixture build failed:\n${r.output}`);
  expect(r.output).toContain('dist check passed');
  // The fixture's frontmatter as the schema completes it (defaults of the optional lists).
  const plain = noticeSchema(() => z.string());
  notices = new Map<string, NoticeData>(
    fs.readdirSync(path.join(fixture.contentDir, 'notices')).map((slug) => {
      const text = fs.readFileSync(path.join(fixture.contentDir, 'notices', slug, 'index.mdx'), 'utf8');
      return [slug, plain.parse(parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!))];
    }),
  );
  valuePages = listFiles(dist)
    .map((f) => `/${f.split(path.sep).join('/')}`)
    .filter((f) => /^(\/(fr|es|ar))?\/browse\/[^/]+\/[^/]+\/index\.html$/.test(f))
    .map((f) => f.replace(/index\.html$/, ''))
    .sort();
}, 600_000);

afterAll(() => {
  fixture?.remove();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

const langOf = (url: string): Lang => (/^\/(fr|es|ar)\//.exec(url)?.[1] as Lang | undefined) ?? 'en';
/** The decoded attributes of the subject feed's `<link rel="alternate" type="application/rss+xml">` in a page's head (not the site feed's). */
function headFeedLinks(html: string): Array<{ href: string; title: string }> {
  const head = html.slice(0, html.indexOf('</head>'));
  return [...head.matchAll(/<link rel="alternate" type="application\/rss\+xml" href="([^"]+)" title="([^"]*)">/g)]
    .map((m) => ({ href: decodeEntities(m[1]!), title: decodeEntities(m[2]!) }))
    .filter((l) => !/^(\/(fr|es|ar))?\/feed\.xml$/.test(l.href));
}
/** The well-formedness errors of an XML text (saxes, a conformant XML parser). */
function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser();
  parser.on('error', (e) => errors.push(e.message));
  parser.write(xml).close();
  return errors;
}
/** Parses a built feed, failing on anything that is not well-formed XML. */
function readFeed(url: string): Rss {
  const xml = fs.readFileSync(path.join(dist, decodeURIComponent(url)), 'utf8');
  expect(xmlErrors(xml), url).toEqual([]);
  return new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml) as Rss;
}
const itemsOf = (feed: Rss): RssItem[] => [feed.rss.channel.item ?? []].flat();
/** The slugs of the visible notices with `value` of `facet`, newest first. */
function expectedSlugs(facet: string, value: string): string[] {
  const f = FACETS.find((x) => x.key === facet)!;
  return NEWEST_FIRST.filter((slug) => f.values(notices.get(slug)!).some((v) => v.value === decodeURIComponent(value)));
}
const titleIn = (slug: string, lang: Lang) => (slug === 'sculptures' && lang === 'fr' ? FRENCH_TITLE : notices.get(slug)!.title);

describe('feeds to follow a subject', () => {
  it('exist for every browse value of every language, and only for them', () => {
    // Every facet of the fixture has values; each language has the same set of value pages.
    expect(valuePages.filter((u) => langOf(u) === 'en').length).toBeGreaterThan(20);
    for (const l of LANGS) expect(valuePages.filter((u) => langOf(u) === l).length, l).toBe(valuePages.length / 4);
    const feeds = listFiles(dist)
      .map((f) => `/${f.split(path.sep).join('/')}`)
      .filter((f) => /\/browse\/.*feed\.xml$/.test(f))
      .sort();
    expect(feeds).toEqual(valuePages.map((u) => `${u}feed.xml`).sort());
  });

  it('are linked from each browse value page, in its head and in the page, in its language', () => {
    for (const url of valuePages) {
      const lang = langOf(url);
      const html = page(dist, url);
      const links = headFeedLinks(html);
      expect(
        links.map((l) => l.href),
        url,
      ).toEqual([`${url}feed.xml`]);
      expect(html, url).toContain(`<a href="${url}feed.xml" type="application/rss+xml">${t('browse.follow', {}, lang)}</a>`);
      // The second page of a value links the same feed.
      const second = path.join(dist, url, '2/index.html');
      if (fs.existsSync(second)) expect(headFeedLinks(fs.readFileSync(second, 'utf8')).map((l) => l.href)).toEqual([`${url}feed.xml`]);
    }
    expect(headFeedLinks(page(dist, '/browse/commodity/methamphetamine/'))[0]!.title).toBe('Modus: new notices — Methamphetamine');
    expect(headFeedLinks(page(dist, '/fr/browse/commodity/methamphetamine/'))[0]!.title).toBe(
      t('feed.subject.title', { subject: 'Méthamphétamine' }, 'fr'),
    );
  });

  it('are RSS 2.0 saying what they follow, listing exactly the visible notices of their value, newest first, in their language', () => {
    for (const url of valuePages) {
      const lang = langOf(url);
      const [, facet, value] = /\/browse\/([^/]+)\/([^/]+)\/$/.exec(url)!;
      const feed = readFeed(`${url}feed.xml`);
      const channel = feed.rss.channel;
      expect(feed.rss['@_version'], url).toBe('2.0');
      expect(channel.title, url).toBe(headFeedLinks(page(dist, url))[0]!.title);
      expect(channel.link, url).toBe(`${SITE}${url}`);
      expect(channel.language, url).toBe(lang);
      const slugs = expectedSlugs(facet!, value!);
      expect(slugs.length, url).toBeGreaterThan(0);
      expect(
        itemsOf(feed).map((i) => i.link),
        url,
      ).toEqual(slugs.map((s) => `${SITE}${prefix(lang)}/notices/${s}/`));
      expect(
        itemsOf(feed).map((i) => i.title),
        url,
      ).toEqual(slugs.map((s) => `${notices.get(s)!.id}: ${titleIn(s, lang)}`));
      // Newest first, as the page lists them (its cards, in the same order).
      const cards = [...page(dist, url).matchAll(/class="card__title"><a href="[^"]*\/notices\/([^/]+)\/"/g)].map((m) => m[1]);
      expect(cards, url).toEqual(slugs);
      const dates = itemsOf(feed).map((i) => Date.parse(i.pubDate));
      expect(dates, url).toEqual([...dates].sort((a, b) => b - a));
    }
  });

  it('never hold the withheld notice, and a value only it has gets no page and no feed', () => {
    for (const url of valuePages) {
      const xml = fs.readFileSync(path.join(dist, decodeURIComponent(url), 'feed.xml'), 'utf8');
      expect(xml, url).not.toContain(WITHHELD.id);
      expect(xml, url).not.toContain(WITHHELD.slug);
    }
    const onlyWithheld = FACETS.flatMap((f) =>
      f
        .values(notices.get(WITHHELD.slug)!)
        .filter((v) => !NEWEST_FIRST.some((s) => f.values(notices.get(s)!).some((w) => w.value === v.value)))
        .map((v) => `/browse/${f.key}/${encodeURIComponent(v.value)}/`),
    );
    expect(onlyWithheld.length).toBeGreaterThan(0);
    for (const url of onlyWithheld) expect(fs.existsSync(path.join(dist, url, 'feed.xml')), url).toBe(false);
  });
});
