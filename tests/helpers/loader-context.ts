/**
 * An in-process stand-in for what Astro gives a content loader (`LoaderContext`), so the checked
 * content loader's jobs can be tested without a build, as Astro tests its own glob loader: Astro's
 * real data store (`MutableDataStore`, scoped to the collection, with its meta store), the real MDX
 * entry type of @astrojs/mdx (how glob reads an `.mdx` file), the collection's full schema as
 * `parseData`, and a logger that records what it is told.
 */
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import mdx from '@astrojs/mdx';
import type { LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { noticesLoader, type NoticeHandoff } from '../../src/loading/collections.ts';
import { Handoff } from '../../src/loading/handoff.ts';
import { imageRefField } from '../../src/model/images.ts';
import { noticeSchema } from '../../src/model/notice.ts';

/** Astro's data store, as far as these tests use it. */
export interface TestDataStore {
  scopedStore(collection: string): LoaderContext['store'];
  metaStore(collection: string): LoaderContext['meta'];
}

/** A loader context over a real data store, and what its logger was told. */
export interface TestLoaderContext {
  ctx: LoaderContext;
  store: TestDataStore;
  warnings: string[];
  infos: string[];
}

/** Astro's own data store class (not among astro's package exports, so loaded by its file). */
async function dataStoreClass(): Promise<new () => TestDataStore> {
  const astroDir = path.dirname(createRequire(import.meta.url).resolve('astro/package.json'));
  const mod = (await import(pathToFileURL(path.join(astroDir, 'dist/content/mutable-data-store.js')).href)) as {
    MutableDataStore: new () => TestDataStore;
  };
  return mod.MutableDataStore;
}

/** The content entry type @astrojs/mdx registers for `.mdx` files (what glob reads them with). */
async function mdxEntryType(): Promise<unknown> {
  let entryType: unknown;
  const hook = mdx().hooks['astro:config:setup'] as unknown as (params: Record<string, unknown>) => Promise<void>;
  await hook({
    config: { root: new URL('file:///') },
    updateConfig: () => undefined,
    addPageExtension: () => undefined,
    addRenderer: () => undefined,
    addContentEntryType: (t: unknown) => {
      entryType = t;
    },
  });
  return entryType;
}

/**
 * A loader context for `collection` with project root `root` (an absolute folder), validating entries
 * with `schema` as Astro's `parseData` does (throws on the first failing entry's issues). Pass `store`
 * to load again over the same data store (a rebuild); without it a new, empty store is made.
 */
export async function loaderContext(
  root: string,
  collection: string,
  schema: z.ZodType,
  store?: TestDataStore,
): Promise<TestLoaderContext> {
  const dataStore = store ?? new (await dataStoreClass())();
  const warnings: string[] = [];
  const infos: string[] = [];
  const rootUrl = pathToFileURL(root.endsWith('/') ? root : `${root}/`);
  const logger = {
    info: (m: string) => infos.push(m),
    warn: (m: string) => warnings.push(m),
    error: (m: string) => warnings.push(`error: ${m}`),
    debug: () => undefined,
  };
  const ctx = {
    collection,
    store: dataStore.scopedStore(collection),
    meta: dataStore.metaStore(collection),
    logger,
    config: { root: rootUrl, srcDir: new URL('src/', rootUrl) },
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      const parsed = await schema.safeParseAsync(data);
      if (!parsed.success) throw new Error(`**${collection} → ${id}** data does not match collection schema: ${parsed.error.message}`);
      return parsed.data;
    },
    generateDigest: (data: unknown) =>
      crypto
        .createHash('sha256')
        .update(typeof data === 'string' ? data : JSON.stringify(data))
        .digest('hex')
        .slice(0, 16),
    entryTypes: new Map([['.mdx', await mdxEntryType()]]),
    watcher: undefined,
  } as unknown as LoaderContext;
  return { ctx, store: dataStore, warnings, infos };
}

/** The outcome of one load of the notices' collection. */
export interface NoticesLoad extends TestLoaderContext {
  /** The error that stopped the load (its message lists every problem), or undefined. */
  error?: Error;
  /** What the notices' loader published for the course checks (every notice, withheld ones included). */
  published: ReturnType<NoticeHandoff['get']>;
  /** The stored entries by id. */
  stored: Map<string, ReturnType<LoaderContext['store']['values']>[number]>;
}

/**
 * Loads the notices of `contentDir` (`<contentDir>/notices/<slug>/index.mdx`, a folder inside `root`)
 * with the site's own notices' loader (src/loading/collections.ts) for `audience`, over `store` when
 * given (a rebuild). Never throws: the load's error is returned.
 */
export async function loadNotices(
  root: string,
  contentDir: string,
  options: { audience?: 'public' | 'community' | 'organisation'; store?: TestDataStore; imageMaxPixels?: number } = {},
): Promise<NoticesLoad> {
  const t = await loaderContext(root, 'notices', noticeSchema(imageRefField), options.store);
  const handoff: NoticeHandoff = new Handoff();
  const loader = noticesLoader(
    { contentDir, audience: options.audience ?? 'community', imageMaxPixels: options.imageMaxPixels ?? 50_000_000 },
    handoff,
  );
  let error: Error | undefined;
  try {
    await loader.load(t.ctx);
  } catch (err) {
    error = err as Error;
  }
  return { ...t, error, published: handoff.get(), stored: new Map(t.ctx.store.entries()) };
}
