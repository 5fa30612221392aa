/**
 * The pages made by `getStaticPaths()` show nothing but their props: Astro's incremental build skips
 * such a page when its cache key (the digest of its props: src/render/data/cache-keys.ts) and its code
 * are unchanged, so a page that read the knowledge base, a collection or the settings itself could show
 * something its key does not cover, and be published stale. Prevents: a page gathering data of its own
 * beside its props, or a `getStaticPaths()` written in a page (without a key) instead of taken from
 * src/render/data/static-paths.ts (or, for the subject feeds, src/render/data/feed-paths.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const PAGES = path.resolve('src/pages');
/** The modules of keyed `getStaticPaths()`: the pages', the subject feeds' and the JSON documents'. */
const PATH_MODULES = ['static-paths.ts', 'feed-paths.ts', 'data-paths.ts', 'offline-paths.ts'];
const pageFiles = fs
  .readdirSync(PAGES, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(astro|ts)$/.test(f))
  .sort();
const source = (f: string) => fs.readFileSync(path.join(PAGES, f), 'utf8');
/**
 * Pages made once per language that gather what they show themselves (home, lists of everything, search,
 * markings, the feed): `languageStaticPaths` gives them no cache key, so Astro renders them on every build
 * and they can never be published stale.
 */
const everyBuild = pageFiles.filter((f) => /^export const getStaticPaths = languageStaticPaths;$/m.test(source(f)));
const dynamic = pageFiles.filter((f) => /\bgetStaticPaths\b/.test(source(f)) && !everyBuild.includes(f));

/** The names imported by a file, with the module each comes from. */
function imports(text: string): Array<{ names: string; from: string }> {
  return [...text.matchAll(/^import\s+(?:type\s+)?([\s\S]*?)\s+from\s+'([^']+)';/gm)].map((m) => ({ names: m[1]!, from: m[2]! }));
}

describe('pages made by getStaticPaths()', () => {
  test('are the pages made per notice, course, list page and facet', () => {
    expect(dynamic).toEqual([
      '[...lang]/browse/[facet]/[value]/[...page].astro',
      '[...lang]/browse/[facet]/[value]/feed.xml.ts',
      '[...lang]/browse/[facet]/index.astro',
      '[...lang]/courses/[slug]/handout.astro',
      '[...lang]/courses/[slug]/index.astro',
      '[...lang]/id/[id].astro',
      '[...lang]/notices/[...alias].astro',
      '[...lang]/notices/[slug].astro',
      '[...lang]/notices/page/[n].astro',
      '[...lang]/offline.astro',
      'data/courses/[slug].json.ts',
      'data/notices/[id].json.ts',
      'data/schema/[type].schema.json.ts',
      'data/stix/[id].json.ts',
    ]);
  });

  test('the pages made once per language without a cache key are the ones that gather data themselves', () => {
    expect(everyBuild).toEqual([
      '[...lang]/browse/index.astro',
      '[...lang]/courses/index.astro',
      '[...lang]/feed.xml.ts',
      '[...lang]/index.astro',
      '[...lang]/markings.astro',
      '[...lang]/notices/index.astro',
      '[...lang]/search.astro',
    ]);
    const text = fs.readFileSync(path.resolve('src/render/data/static-paths.ts'), 'utf8');
    const fn = /^export function languageStaticPaths\(\)[\s\S]*?^}$/m.exec(text);
    expect(fn?.[0]).not.toMatch(/cacheKey|withCacheKeys/);
  });

  test.each(dynamic)('%s takes its paths, props and cache keys from static-paths.ts or feed-paths.ts', (file) => {
    const text = source(file);
    const m = /^export const getStaticPaths = (\w+StaticPaths);$/m.exec(text);
    expect(m, 'getStaticPaths must be one of src/render/data/static-paths.ts or feed-paths.ts').not.toBeNull();
    const fromStaticPaths = imports(text).filter((i) => PATH_MODULES.some((f) => i.from.endsWith(`/render/data/${f}`)));
    expect(fromStaticPaths.map((i) => i.names).join(' ')).toContain(m![1]);
    expect(text).toMatch(/^type Props = \w+Props;$/m);
  });

  test.each(dynamic)('%s reads no data besides its props: no knowledge base, collection or settings', (file) => {
    const text = source(file);
    for (const { names, from } of imports(text)) {
      expect(from, `${file} imports ${from}`).not.toMatch(/render\/data\/knowledge-base\.ts$|^virtual:modus\/settings$/);
      if (from === 'astro:content') expect(names, `${file} imports ${names} from astro:content`).toBe('{ render }');
    }
    expect(text).not.toMatch(/\bgetKnowledgeBase\b|\bgetCollection\b|\bgetEntry\b|\bprocess\.env\b|\bnode:/);
  });

  test('every getStaticPaths of static-paths.ts and feed-paths.ts gives each path a cache key', () => {
    const text = PATH_MODULES.map((f) => fs.readFileSync(path.resolve('src/render/data', f), 'utf8')).join('\n');
    const functions = [...text.matchAll(/^export async function (\w+StaticPaths)\(\)[\s\S]*?^}$/gm)];
    expect(functions.map((f) => f[1]).sort()).toEqual(
      [
        'aliasStaticPaths',
        'courseDocumentStaticPaths',
        'courseStaticPaths',
        'documentSchemaStaticPaths',
        'facetFeedStaticPaths',
        'facetStaticPaths',
        'facetValueStaticPaths',
        'idStaticPaths',
        'noticeDocumentStaticPaths',
        'noticeListStaticPaths',
        'offlineStaticPaths',
        'noticeStaticPaths',
        'stixNoticeStaticPaths',
      ].sort(),
    );
    for (const f of functions) expect(f[0], f[1]).toMatch(/return withCacheKeys\(paths, kb\.buildDigest\);\n}$/);
  });
});
