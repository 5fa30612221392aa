/**
 * The cache keys of the incremental build (src/render/data/cache-keys.ts): a page is skipped when its
 * key is unchanged, so a key that misses a change publishes a stale page. Prevents: a digest that
 * ignores a nested value, an order, a Map entry or the build's settings and labels; a digest memoised
 * wrongly (two different objects sharing one); props that are not data getting a key at all.
 */
import { describe, expect, test } from 'vitest';
import { buildDigest, dataDigest, withCacheKeys } from '../../src/render/data/cache-keys.ts';
import { readSettings } from '../../src/settings.ts';

const notice = () => ({
  id: 'banana-boxes',
  data: {
    id: 'MO-2025-0001',
    title: 'Cocaine in banana boxes',
    tlp: 'GREEN',
    images: [{ src: { path: './boxes.png', id: 'abc', width: 400, height: 300 }, alt: 'Boxes' }],
    route: { origin: ['EC'], transit: [] as string[], destination: ['NL'] },
    supersededBy: undefined as string | undefined,
  },
  rendered: { html: '<p>Packages marked zebrawood.</p>' },
});

describe('dataDigest', () => {
  test('equal data gives equal digests, whatever the objects', () => {
    expect(dataDigest(notice())).toBe(dataDigest(notice()));
    expect(dataDigest({ a: [1, 'x', null, undefined, true] })).toBe(dataDigest({ a: [1, 'x', null, undefined, true] }));
    expect(dataDigest(new Map([['a', { n: 1 }]]))).toBe(dataDigest(new Map([['a', { n: 1 }]])));
  });

  test('any change, however deep, changes the digest', () => {
    const base = dataDigest(notice());
    const changes: Array<(n: ReturnType<typeof notice>) => void> = [
      (n) => (n.data.title = 'Cocaine in banana boxes.'),
      (n) => (n.rendered.html = '<p>Packages marked okoume.</p>'),
      (n) => (n.data.images[0]!.src.id = 'abd'),
      (n) => (n.data.route.transit = ['PA']),
      (n) => (n.data.tlp = 'AMBER'),
      (n) => (n.data.supersededBy = 'MO-2025-0002'),
      (n) => delete (n as { rendered?: unknown }).rendered,
    ];
    const digests = changes.map((change) => {
      const n = notice();
      change(n);
      return dataDigest(n);
    });
    for (const d of digests) expect(d).not.toBe(base);
    expect(new Set(digests).size).toBe(digests.length);
  });

  test('types and order count: no two different values share a digest', () => {
    const values = [
      '1',
      1,
      -0,
      0,
      1n,
      true,
      'true',
      null,
      'null',
      undefined,
      [],
      {},
      [1, 2],
      [2, 1],
      ['1,2'],
      { a: 1, b: 2 },
      { b: 2, a: 1 },
      { a: '1' },
      new Map([['a', 1]]),
      new Map([[1, 'a']]),
      new Set([1, 2]),
      new Set([2, 1]),
      new Date(0),
      new Date(1),
      new URL('https://modus.example/a'),
      new URL('https://modus.example/b'),
    ];
    const digests = values.map((v) => dataDigest(v));
    expect(new Set(digests).size).toBe(values.length);
  });

  test('an object hashed once and then shown inside another is not confused with a different one', () => {
    const a = { title: 'A' };
    const b = { title: 'B' };
    expect(dataDigest(a)).not.toBe(dataDigest(b));
    expect(dataDigest({ cards: [a, b] })).not.toBe(dataDigest({ cards: [b, a] }));
    expect(dataDigest({ cards: [a] })).toBe(dataDigest({ cards: [{ title: 'A' }] }));
  });

  test('props that are not data are refused, not hashed in part', () => {
    expect(() => dataDigest({ facet: { values: () => [] } })).toThrow(TypeError);
    expect(() => dataDigest({ s: Symbol('x') })).toThrow(TypeError);
    class Index {
      size = 1;
    }
    expect(() => dataDigest({ index: new Index() })).toThrow(/instance of Index/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => dataDigest(cyclic)).toThrow(/cycles/);
  });
});

describe('buildDigest and withCacheKeys', () => {
  const settings = readSettings({ MODUS_CONTENT_DIR: 'content' }, '/r');

  test("the build's digest changes with each setting that changes what pages show", () => {
    const base = buildDigest(settings);
    expect(buildDigest({ ...settings })).toBe(base);
    for (const other of [{ audience: 'community' }, { siteUrl: 'https://modus.example' }, { admin: false }]) {
      expect(buildDigest({ ...settings, ...other })).not.toBe(base);
    }
  });

  test("a path's key changes with its params, its props and the build, and only then", () => {
    const path = (slug: string, title: string) => ({
      params: { slug },
      props: { notice: { ...notice(), data: { ...notice().data, title } } },
    });
    const build = buildDigest(settings);
    const [a, b, c, d] = withCacheKeys([path('a', 'T'), path('a', 'T'), path('b', 'T'), path('a', 'U')], build);
    expect(a!.cacheKey).toBe(b!.cacheKey);
    expect(c!.cacheKey).not.toBe(a!.cacheKey);
    expect(d!.cacheKey).not.toBe(a!.cacheKey);
    const [e] = withCacheKeys([path('a', 'T')], buildDigest({ ...settings, audience: 'organisation' }));
    expect(e!.cacheKey).not.toBe(a!.cacheKey);
    expect(a!.props).toEqual(path('a', 'T').props);
    expect(a!.params).toEqual({ slug: 'a' });
  });
});
