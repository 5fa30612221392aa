/**
 * The checked content loader: an Astro content loader for one folder per entry (`<slug>/index.mdx`,
 * images beside it). It wraps Astro's `glob()` loader and adds what a per-file schema cannot check:
 * every problem in every file is gathered (not just the first), and collection-wide checks run once
 * after loading. Any problem stops the build with one message naming file, field (or line:column),
 * what was expected and how to fix it. This module wires the jobs together; each is in its own module:
 * - schema-passes.ts: the plain and the full schema of each entry, readable problems;
 * - frontmatter-problems.ts: frontmatter that is not YAML, every such file reported;
 * - bodies.ts: each body prepared, checked against the body policy and rendered once, from one parse;
 * - entry-paths.ts: entry files are real files inside the content folder (no link leaving it);
 * - image-checks.ts and image-refs.ts: images checked, then given content ids and references;
 * - audience-filter.ts: what the build's audience may not see is dropped before the store is saved;
 * - changed-entry.ts: an entry changed under `astro dev` gets its image references.
 * The loader only reads the content folder; it never writes, moves or deletes a content file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { RENDER_VERSION } from '../body/render-body.ts';
import { splitEntry } from '../frontmatter.ts';
import type { ImageHeader } from '../images/image-file.ts';
import type { ContentProblem } from '../problems.ts';
import { dropWithheld, storeKey } from './audience-filter.ts';
import { BodyChecks, renderingStore, storedBodyProblems } from './bodies.ts';
import { fillChangedEntry } from './changed-entry.ts';
import { problemsError } from './content-error.ts';
import { checkEntryFile, collectionFolderExists, displayPath, forgetEntriesOutside } from './entry-paths.ts';
import { isYamlError, yamlProblems } from './frontmatter-problems.ts';
import { checkImages } from './image-checks.ts';
import { storeImageRefs } from './image-refs.ts';
import type { CheckedGlobOptions, LoadedEntry } from './options.ts';
import { schemaPasses } from './schema-passes.ts';

/** Builds the loader. Its `load` throws an AstroError listing every problem. */
export function checkedGlob(options: CheckedGlobOptions): Loader {
  /** True while a load runs; glob's watcher (`astro dev`) calls parseData outside any load. */
  let loading = false;
  const inner = glob({
    base: options.base,
    pattern: options.pattern ?? '*/index.mdx',
    generateId: options.generateId ?? (({ entry }) => entry.split('/')[0]!),
  });
  return {
    name: 'modus-checked-glob',
    load: async (ctx: LoaderContext) => {
      options.publish?.start();
      loading = true;
      try {
        await loadChecked(ctx);
      } finally {
        loading = false;
        options.publish?.publish(undefined); // no-op when loadChecked published already
      }
    },
  };

  /**
   * Loads and checks every entry, publishes them (see `publish`), drops what the audience may not
   * see, and throws on any problem.
   */
  async function loadChecked(ctx: LoaderContext): Promise<void> {
    if (!collectionFolderExists(options.base, options.optional ?? false)) {
      ctx.store.clear();
      ctx.logger.info(`No folder ${options.base}: the collection is empty.`);
      options.publish?.publish([]);
      return;
    }
    const audience = options.forAudience;
    // Stored entries are reused only for the same audience, folder and renderer (see also forgetEntriesOutside).
    const key = storeKey(options.base, audience, RENDER_VERSION);
    if (ctx.meta.get('store-key') !== key) {
      ctx.store.clear();
      ctx.meta.set('store-key', key);
    }
    const problems: ContentProblem[] = [];
    const root = new URL('.', ctx.config.root).pathname;
    const rel = (file: string) => displayPath(root, file);
    /** Full (unfiltered) data of entries parsed in this run, for the checks. */
    const fullData = new Map<string, Record<string, unknown>>();
    const { imageFields, fillImages } = options;
    const parseData = schemaPasses({
      ctx,
      plainSchema: options.plainSchema,
      drafts: options.drafts,
      forAudience: audience,
      rel,
      problems,
      fullData,
      // During a load, image references are filled once every check has passed (storeImageRefs);
      // a file changed later, under `astro dev` (glob's watcher), gets them here.
      changedOutsideLoad: (filePath, view, file) =>
        loading || !imageFields || !fillImages
          ? undefined
          : fillChangedEntry(
              ctx,
              path.resolve(root, filePath),
              view,
              { imageFields, fillImages, imageMaxPixels: options.imageMaxPixels },
              file,
            ),
    });
    forgetEntriesOutside(ctx, root, options.base);
    // Each body is prepared, checked and rendered once per load: when glob stores it, or below for unchanged files.
    const bodies = new BodyChecks(options.prepareBody);
    try {
      await inner.load({ ...ctx, parseData, store: renderingStore(ctx.store, bodies) });
    } catch (err) {
      // Astro's glob stops at the first file whose frontmatter is not YAML, with js-yaml's own error:
      // report every such file instead, with the problems found so far, in the usual form.
      if (!isYamlError(err)) throw err;
      problems.push(...yamlProblems(options.base, rel));
      throw problemsError(problems, 'Fix the frontmatter of the files named above (or save them again in the CMS), then build again.');
    }

    // Image checks need an entry's frontmatter to be valid, collection checks every entry's;
    // file and body checks need neither.
    const schemaOk = problems.length === 0;
    const invalidFiles = new Set(problems.map((p) => p.file));
    const realBase = fs.realpathSync(options.base);
    const entries: LoadedEntry[] = [];
    for (const e of [...ctx.store.values()]) {
      const file = rel(e.filePath ?? e.id);
      const abs = path.resolve(root, e.filePath ?? e.id);
      const entry: LoadedEntry = { slug: e.id, file, data: fullData.get(e.id) ?? e.data, valid: !invalidFiles.has(file) };
      try {
        // Its fields were parsed already (by glob, or in an earlier build): only the body is needed.
        const { body, bodyLine } = splitEntry(fs.readFileSync(abs, 'utf8'));
        entry.body = body;
        entry.bodyLine = bodyLine;
      } catch {
        /* unreadable file: reported by checkEntryFile */
      }
      entries.push(entry);
      problems.push(...checkEntryFile(file, abs, realBase));
      problems.push(...storedBodyProblems(ctx, e, entry, bodies));
    }
    const headers = new Map<string, ImageHeader>();
    if (imageFields) {
      for (const e of entries) {
        if (invalidFiles.has(e.file)) continue;
        problems.push(...(await checkImages(e.file, root, realBase, imageFields(e.data), options.imageMaxPixels ?? Infinity, headers)));
      }
    }
    // Collection checks run even when some files are invalid, so every problem is reported in one
    // run; they see which entries are valid (`valid`) and read only what they can trust.
    if (options.checkCollection) {
      problems.push(...(await options.checkCollection(entries, (message) => ctx.logger.warn(message))));
    }
    options.publish?.publish(schemaOk ? entries : undefined);
    // Checked: now drop every withheld entry (also ones kept from an earlier, failed run).
    if (audience) dropWithheld(ctx, audience, fullData);
    if (problems.length > 0) {
      throw problemsError(problems, 'Fix the fields named above in the files named above (or in the CMS), then build again.');
    }
    if (imageFields && fillImages) await storeImageRefs(ctx, root, headers, imageFields, fillImages);
  }
}
