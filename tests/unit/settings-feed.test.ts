/**
 * Settings (src/settings.ts, read from MODUS_* variables) and the RSS feed (src/render/feed.ts).
 * Prevents: a wrong default audience (a build meant for the public showing more), a mistyped setting
 * accepted in silence (a publisher's name that would make an odd STIX identity among them), and feed dates a day off in readers' time zones (field case F4).
 */
import { describe, expect, it } from 'vitest';
import { readSettings, readSiteUrl, DEFAULT_IMAGE_MAX_PIXELS, DEFAULT_PUBLISHER, PUBLISHER_MAX } from '../../src/settings.ts';
import { feedDate, feedItems, FEED_SIZE } from '../../src/render/feed.ts';

describe('settings', () => {
  it('defaults: public audience, CMS on, local site address, 50-megapixel limit', () => {
    const s = readSettings({}, '/r');
    expect(s).toEqual({
      contentDir: '/r/content',
      audience: 'public',
      admin: true,
      siteUrl: 'http://localhost:4321',
      base: '/',
      imageMaxPixels: DEFAULT_IMAGE_MAX_PIXELS,
      publisher: DEFAULT_PUBLISHER,
      offline: true,
    });
  });

  it('MODUS_OFFLINE: on by default, off turns the offline copy off; any other value refused, naming the setting', () => {
    expect(readSettings({ MODUS_OFFLINE: 'off' }, '/r').offline).toBe(false);
    expect(readSettings({ MODUS_OFFLINE: ' on ' }, '/r').offline).toBe(true);
    expect(() => readSettings({ MODUS_OFFLINE: 'no' }, '/r')).toThrow('MODUS_OFFLINE="no" must be "on" or "off".');
  });

  it('MODUS_PUBLISHER: the name on one line (spaces tidied); empty, multi-line, control characters or too long refused, naming the setting', () => {
    expect(readSettings({ MODUS_PUBLISHER: '  Customs   Intelligence Unit ' }, '/r').publisher).toBe('Customs Intelligence Unit');
    expect(readSettings({ MODUS_PUBLISHER: 'Unité de renseignement — الجمارك' }, '/r').publisher).toBe('Unité de renseignement — الجمارك');
    expect(() => readSettings({ MODUS_PUBLISHER: '   ' })).toThrow(/MODUS_PUBLISHER is empty/);
    expect(() => readSettings({ MODUS_PUBLISHER: 'Customs\nUnit' })).toThrow(/MODUS_PUBLISHER=.*line break or a control character/);
    expect(() => readSettings({ MODUS_PUBLISHER: 'Customs\u0007Unit' })).toThrow(/control character/);
    expect(() => readSettings({ MODUS_PUBLISHER: 'x'.repeat(PUBLISHER_MAX + 1) })).toThrow(/MODUS_PUBLISHER is 201 characters long/);
  });

  it('reads each setting (a relative content folder against the root) and refuses bad values with the allowed ones', () => {
    const s = readSettings(
      { MODUS_AUDIENCE: 'organisation', MODUS_ADMIN: 'off', MODUS_SITE_URL: 'https://modus.example.org/', MODUS_IMAGE_MAX_PIXELS: '1000' },
      '/r',
    );
    expect(s).toMatchObject({
      audience: 'organisation',
      admin: false,
      siteUrl: 'https://modus.example.org',
      base: '/',
      imageMaxPixels: 1000,
    });
    expect(readSettings({ MODUS_CONTENT_DIR: 'tests/fx', MODUS_AUDIENCE: 'community', MODUS_ADMIN: 'on' }, '/r')).toMatchObject({
      contentDir: '/r/tests/fx',
      audience: 'community',
      admin: true,
    });
    expect(() => readSettings({ MODUS_ADMIN: 'yes' })).toThrow('must be "on" or "off"');
    expect(() => readSettings({ MODUS_AUDIENCE: 'toString' })).toThrow(/Allowed values: public, community, organisation/);
    expect(() => readSettings({ MODUS_AUDIENCE: 'secret' })).toThrow(/not an audience/);
    expect(() => readSettings({ MODUS_SITE_URL: 'ftp://x.example' })).toThrow(/MODUS_SITE_URL/);
    expect(() => readSettings({ MODUS_IMAGE_MAX_PIXELS: '2e9x' })).toThrow(/whole number of pixels/);
    // Spellings Number() reads but the message does not allow (a reviewer's "1e9" built with a billion pixels).
    for (const v of ['1e9', '0x10', '1.0', '+5'])
      expect(() => readSettings({ MODUS_IMAGE_MAX_PIXELS: v })).toThrow(/whole number of pixels/);
    expect(readSettings({ MODUS_IMAGE_MAX_PIXELS: ' 5000 ' }).imageMaxPixels).toBe(5000);
  });
});

describe('MODUS_SITE_URL (readSiteUrl)', () => {
  // Prevents: a site published under a path of an intranet portal being refused, or two spellings of the
  // same address (with or without the trailing slash) giving two different builds.
  it('a path, with or without the trailing slash, gives the same settings: siteUrl without, base with slashes at both ends', () => {
    const expected = { siteUrl: 'https://intranet.example/any/path', base: '/any/path/' };
    expect(readSiteUrl('https://intranet.example/any/path')).toEqual(expected);
    expect(readSiteUrl('https://intranet.example/any/path/')).toEqual(expected);
    expect(readSiteUrl('  https://INTRANET.example/any/path/ ')).toEqual(expected);
    const withPath = readSettings({ MODUS_SITE_URL: 'https://intranet.example/any/path' }, '/r');
    expect(readSettings({ MODUS_SITE_URL: 'https://intranet.example/any/path/' }, '/r')).toEqual(withPath);
    expect(withPath).toMatchObject(expected);
    expect(readSiteUrl('http://127.0.0.1:8080/modus')).toEqual({ siteUrl: 'http://127.0.0.1:8080/modus', base: '/modus/' });
  });

  it('no path: the origin and base /', () => {
    expect(readSiteUrl('https://modus.example.org')).toEqual({ siteUrl: 'https://modus.example.org', base: '/' });
    expect(readSiteUrl('https://modus.example.org/')).toEqual({ siteUrl: 'https://modus.example.org', base: '/' });
    expect(readSiteUrl(undefined)).toEqual({ siteUrl: 'http://localhost:4321', base: '/' });
    expect(readSiteUrl('  ')).toEqual({ siteUrl: 'http://localhost:4321', base: '/' });
  });

  it('refuses, in one line naming the setting, the value, what is allowed and an example: other schemes, queries, fragments, users, empty, dot or unsafe segments', () => {
    for (const bad of [
      'ftp://x.example',
      'x.example/modus',
      'https://x.example/modus?a=1',
      'https://x.example/modus#top',
      'https://user:pw@x.example/modus',
      'https://x.example//modus',
      'https://x.example/any//path/',
      'https://x.example/modus//',
      'https://x.example/a/../b',
      'https://x.example/a/./b',
      'https://x.example/%2e%2e/b',
      'https://x.example/a b',
      'https://x.example/a%20b',
      'https://x.example/caf\u00e9',
      'https://x.example/a\\b',
    ]) {
      let message = '';
      try {
        readSiteUrl(bad);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message, bad).toMatch(
        /^MODUS_SITE_URL=".*" must be the http or https address the site is served at, optionally with a path .* such as https:\/\/intranet\.example\/modus\/\.$/,
      );
      expect(message).toContain(bad.trim());
      expect(message).not.toContain('\n');
    }
  });
});

describe('feed', () => {
  const notice = (i: number) => ({
    id: `slug-${i}`,
    data: {
      id: `MO-2024-${String(i).padStart(4, '0')}`,
      title: `T${i}`,
      summary: `S${i}`,
      tlp: 'GREEN' as const,
      published: '2024-03-01',
      status: i === 1 ? 'withdrawn' : 'active',
      commodities: ['cocaine'],
    },
  });

  it('lists the latest notices with marking, status and commodity as categories', () => {
    const items = feedItems(Array.from({ length: 60 }, (_, i) => notice(i)));
    expect(items).toHaveLength(FEED_SIZE);
    expect(items[1]).toEqual({
      title: 'MO-2024-0001: T1',
      link: '/notices/slug-1/',
      pubDate: feedDate('2024-03-01'),
      description: 'S1',
      categories: ['TLP:GREEN', 'withdrawn', 'Cocaine'],
    });
  });

  it('dates are noon UTC, the same calendar day from UTC−11 to UTC+11 (F4)', () => {
    const d = feedDate('2024-03-01');
    expect(d.toISOString()).toBe('2024-03-01T12:00:00.000Z');
    // Zones without summer time at the two ends (−11, +11), and two in between (−8 in March, +9).
    for (const tz of ['Pacific/Pago_Pago', 'America/Los_Angeles', 'UTC', 'Asia/Tokyo', 'Pacific/Noumea']) {
      expect(new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(d), tz).toBe('2024-03-01');
    }
  });
});
