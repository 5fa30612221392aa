/**
 * An Astro content loader for one folder per entry (`<slug>/index.mdx`, images beside it).
 * It wraps Astro's `glob()` loader and adds what a per-file schema cannot check:
 * every problem in every file is gathered (not just the first), entry files and images must be
 * real files inside the content folder (no link leaving it), images must be readable, complete and
 * within the pixel limit, MDX bodies must hold no code or active markup (src/loading/body/body-policy.ts),
 * and collection-wide checks run once after loading. Any problem stops the build with one message
 * naming file, field (or line:column), what was expected and how to fix it.
 *
 * Bodies are rendered to HTML here, once per changed file (src/loading/body/render-body.ts), and stored with the
 * entry as Astro's `rendered`: no entry becomes an MDX module for Vite to bundle (issue 6, memory).
 *
 * Audience: with `forAudience`, every entry is validated and checked whatever the audience (so each
 * audience's build fails alike), then what the build's audience may not see is dropped before the
 * store is saved: a withheld entry never stays in the data store (its rendered body goes with it) and its
 * images are never registered for encoding (`fillImages`), so nothing of them reaches dist/.
 * The loader only reads the content folder; it never writes, moves or deletes a content file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import type { z } from 'astro/zod';
import { ContentProblemsError, problemsFromIssues, type ContentProblem } from './problems.ts';
import { checkMdxBody, type BodyFinding } from './body/body-policy.ts';
import { readEntryFile, splitEntry } from './frontmatter.ts';
import { renderBody, RENDER_VERSION, type RenderedBody } from './body/render-body.ts';
import { checkImageFile, type ImageHeader } from './images/image-file.ts';
import { contentId } from './images/image-cache.ts';
import { imageRegistry } from './images/image-registry.ts';
import { IMAGE_PIPELINE_VERSION } from './images/image-variants.ts';
import type { ImageRef } from '../model/images.ts';
import { lineColumn } from './body/mdx-escape.ts';
import type { Handoff } from './handoff.ts';

/** A loaded entry as the collection checks see it: slug, file path relative to the project, data, body. */
export interface LoadedEntry {
  slug: string;
  file: string;
  data: Record<string, unknown>;
  /** The MDX body and the 1-based line of the file where it starts. */
  body?: string;
  bodyLine?: number;
  /** False when the frontmatter failed the schema: `data` is then as written (unchecked). */
  valid: boolean;
}

/** What one build may store of an entry (see src/loading/audience.ts `audienceView`). */
export interface AudienceFilter {
  /** Identifies the audience; the store is emptied when it differs from the last build's. */
  key: string;
  /**
   * Returns null when the entry is withheld from this build, else the data to store.
   * `parsed` went through the full schema (images as references still without their content id),
   * `plain` through the plain schema (images as plain paths).
   */
  view: (parsed: Record<string, unknown>, plain: Record<string, unknown>) => Record<string, unknown> | null;
}

/** Options: the folder holding the entries, a plain schema for readable errors, and collection checks. */
export interface CheckedGlobOptions {
  /** Absolute folder holding `<slug>/index.mdx`. */
  base: string;
  /** Schema with images as plain strings, run first so every problem of a file is reported. */
  plainSchema: z.ZodType;
  /** Paths (like `images[].src`) holding image paths to check. */
  imageFields?: (data: Record<string, unknown>) => Array<{ field: string; src: string }>;
  /** Largest image accepted, in pixels (width × height), read from the file header. */
  imageMaxPixels?: number;
  /**
   * Puts image references in an entry's stored data once every check passed: returns `data` with each
   * image this build shows replaced by `refOf(src)` (src as `imageFields` gives it). The images given to
   * `refOf` are registered for encoding (src/loading/images/image-registry.ts); others never get a variant.
   */
  fillImages?: (data: Record<string, unknown>, refOf: (src: string) => ImageRef) => Record<string, unknown>;
  /**
   * Checks across all entries (withheld and invalid ones included: see `LoadedEntry.valid`); returns problems. It may await another
   * collection (see `publish`); `warn` prints a warning that does not stop the build.
   */
  checkCollection?: (entries: LoadedEntry[], warn: (message: string) => void) => ContentProblem[] | Promise<ContentProblem[]>;
  /**
   * Where to hand every entry (withheld ones included, full data) to another collection's checks once
   * this collection's frontmatter is valid, or `undefined` when it is not. Published on every load,
   * failures included, so a collection waiting for it never waits forever (src/loading/handoff.ts).
   */
  publish?: Handoff<LoadedEntry[] | undefined>;
  /** Drops what this build's audience may not see before it is stored. */
  forAudience?: AudienceFilter;
  /** When true, a missing `base` folder means an empty collection (no warning); e.g. a site without courses. */
  optional?: boolean;
  /**
   * The body as it will be rendered, when it is rewritten in memory first (the literal-prose repair of src/loading/body/mdx-escape.ts,
   * field case F8), with warnings at offsets of the body as written. The body policy checks and the
   * renderer renders that text; default: as written, no warnings.
   */
  prepareBody?: (body: string) => PreparedBody;
}

/** A body ready to check and render, and warnings (offsets into the body as written). */
export interface PreparedBody {
  text: string;
  warnings?: Array<{ offset: number; message: string }>;
}

/**
 * An AstroError for content problems. Astro replaces the hint of any error whose text contains
 * "document" or "window" with advice about browser APIs (astro/dist/core/errors/dev/utils.js,
 * `generateHint`); an editor's text can contain those words, so this error's `toString()` gives
 * only its name and the message keeps its own hint. It has no stack: the problems are in the content
 * files it names, and a trace into this loader only hid them under noise.
 */
export function contentError(message: string, hint: string): AstroError {
  const err = new AstroError(message, hint);
  err.toString = () => 'ContentProblems';
  err.stack = '';
  return err;
}

/** Builds the loader. Throws (at load time) an AstroError listing every problem. */
export function checkedGlob(options: CheckedGlobOptions): Loader {
  /** True while a load runs; glob's watcher (`astro dev`) calls parseData outside any load. */
  let loading = false;
  const inner = glob({
    base: options.base,
    pattern: '*/index.mdx',
    generateId: ({ entry }) => entry.split('/')[0]!,
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
    if (!fs.existsSync(options.base)) {
      if (!options.optional) {
        const contentDir = path.dirname(options.base);
        throw new AstroError(
          fs.existsSync(contentDir)
            ? `The content folder ${contentDir} has no ${path.basename(options.base)}/ folder.`
            : `The content folder ${contentDir} does not exist.`,
          'MODUS_CONTENT_DIR names the folder holding notices/ (and courses/); by default it is content/ in this project.',
        );
      }
      ctx.store.clear();
      ctx.logger.info(`No folder ${options.base}: the collection is empty.`);
      options.publish?.publish([]);
      return;
    }
    const audience = options.forAudience;
    // Stored entries were cut for the audience they were built for: reuse them only for the same
    // audience (and folder; see also forgetEntriesOutside).
    const storeKey = JSON.stringify({
      base: options.base,
      audience: audience?.key ?? null,
      render: RENDER_VERSION,
      bodies: 'not stored',
      images: 'modus image refs',
    });
    if (ctx.meta.get('store-key') !== storeKey) {
      ctx.store.clear();
      ctx.meta.set('store-key', storeKey);
    }
    const problems: ContentProblem[] = [];
    const prepare = options.prepareBody ?? ((text: string): PreparedBody => ({ text }));
    const root = new URL('.', ctx.config.root).pathname;
    const rel = (file: string) => displayPath(root, file);
    /** Full (unfiltered) data of entries parsed in this run, for the checks. */
    const fullData = new Map<string, Record<string, unknown>>();
    const parseData: LoaderContext['parseData'] = async (props) => {
      const file = rel(props.filePath ?? props.id);
      const plain = await options.plainSchema.safeParseAsync(props.data);
      if (!plain.success) {
        problems.push(...problemsFromIssues(file, plain.error.issues));
        return props.data as never;
      }
      let parsed: Record<string, unknown>;
      try {
        parsed = (await ctx.parseData(props)) as Record<string, unknown>;
      } catch (err) {
        problems.push({ file, field: '(frontmatter)', message: (err as Error).message.replaceAll('**', '') });
        return props.data as never;
      }
      const plainData = plain.data as Record<string, unknown>;
      fullData.set(props.id, plainData);
      // A withheld entry is stored with plain data (no image references) and removed after the checks.
      const view = audience ? audience.view(parsed, plainData) : parsed;
      if (!view) return plainData as never;
      // During a load, image references are filled once every check has passed (storeImageRefs);
      // a file changed later, under `astro dev` (glob's watcher), gets them here.
      if (loading || !options.imageFields || !options.fillImages) return view as never;
      return (await fillChangedEntry(ctx, path.resolve(root, props.filePath ?? props.id), view, options, file)) as never;
    };
    forgetEntriesOutside(ctx, root, options.base);
    // Each body is prepared and checked once per load: when glob stores it, or below for unchanged files.
    const checkedBodies = new Map<string, CheckedBody>();
    const checkBody = (id: string, body: string): CheckedBody => {
      const known = checkedBodies.get(id);
      if (known && known.body === body) return known;
      const prepared = prepare(body);
      const result = { body, prepared, findings: checkMdxBody(prepared.text) };
      checkedBodies.set(id, result);
      return result;
    };
    try {
      await inner.load({ ...ctx, parseData, store: renderingStore(ctx.store, checkBody) });
    } catch (err) {
      // Astro's glob stops at the first file whose frontmatter is not YAML, with js-yaml's own error:
      // report every such file instead, with the problems found so far, in the usual form.
      if ((err as { name?: string }).name !== 'YAMLException') throw err;
      problems.push(...yamlProblems(options.base, rel));
      throw contentError(
        new ContentProblemsError(problems).message,
        'Fix the frontmatter of the files named above (or save them again in the CMS), then build again.',
      );
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
        // The body as glob read it, or for an unchanged file (not read by glob) from the file: its
        // fields were parsed already, only where the body starts is needed.
        const split = splitEntry(fs.readFileSync(abs, 'utf8'));
        entry.body = checkedBodies.get(e.id)?.body ?? split.body;
        entry.bodyLine = split.bodyLine;
      } catch {
        /* unreadable file: reported below */
      }
      entries.push(entry);
      problems.push(...checkEntryFile(entry, abs, realBase));
      const { prepared, findings } = checkBody(e.id, entry.body ?? '');
      for (const f of findings) {
        problems.push({ file, field: 'body', line: (entry.bodyLine ?? 1) + f.line - 1, column: f.column, message: f.message });
      }
      if (!e.rendered && findings.length === 0) {
        // Stored unrendered (renderingStore): the renderer refused it, or the policy did in an earlier
        // build and the file has not changed since. Render it now, or report why it cannot be.
        try {
          const rendered = renderBody(prepared.text);
          ctx.store.delete(e.id);
          ctx.store.set({ ...e, rendered });
        } catch (err) {
          problems.push({ file, field: 'body', message: `The body could not be rendered: ${(err as Error).message}` });
        }
      }
      for (const w of prepared.warnings ?? []) {
        const at = lineColumn(entry.body ?? '', w.offset);
        ctx.logger.warn(`${file}:${(entry.bodyLine ?? 1) + at.line - 1}:${at.column} ${w.message}`);
      }
    }
    const headers = new Map<string, ImageHeader>();
    if (options.imageFields) {
      const fields = options.imageFields;
      for (const e of entries) {
        if (invalidFiles.has(e.file)) continue;
        // Bodies show no images (src/loading/body/body-policy.ts): every image is in the frontmatter.
        problems.push(...(await checkImages(e, root, realBase, fields(e.data), options.imageMaxPixels ?? Infinity, headers)));
      }
    }
    // Collection checks run even when some files are invalid, so every problem is reported in one
    // run; they see which entries are valid (`valid`) and read only what they can trust.
    if (options.checkCollection) {
      problems.push(...(await options.checkCollection(entries, (message) => ctx.logger.warn(message))));
    }
    options.publish?.publish(schemaOk ? entries : undefined);
    if (audience) {
      // Checked: now drop every withheld entry (also ones kept from an earlier, failed run).
      for (const e of [...ctx.store.values()]) {
        const data = fullData.get(e.id) ?? e.data;
        if (audience.view(data, data) === null) ctx.store.delete(e.id);
      }
    }
    if (problems.length > 0) {
      throw contentError(
        new ContentProblemsError(problems).message,
        'Fix the fields named above in the files named above (or in the CMS), then build again.',
      );
    }
    if (options.imageFields && options.fillImages) await storeImageRefs(ctx, root, headers, options.imageFields, options.fillImages);
  }
}

/**
 * Image references of an entry changed under `astro dev` after the load (glob's file watcher): each
 * image is checked again (`checkImageFile`) and gets its content id; the images shown are registered so
 * the dev server can serve their variants. An image that fails its check gets no id but the problem,
 * which its page shows instead of the image's variants, and which is logged (a build reports it with
 * every other problem).
 */
async function fillChangedEntry(
  ctx: LoaderContext,
  entryFile: string,
  data: Record<string, unknown>,
  options: CheckedGlobOptions,
  displayName: string,
): Promise<Record<string, unknown>> {
  const refs = new Map<string, ImageRef & { file: string }>();
  for (const { src } of options.imageFields!(data)) {
    const file = path.resolve(path.dirname(entryFile), src.replace(/^\.\//, ''));
    // The CMS (decap-server) writes index.mdx before the images saved with it: wait for them a little.
    for (let i = 0; i < 50 && !fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
    const result = fs.existsSync(file)
      ? await checkImageFile(file, options.imageMaxPixels ?? Infinity, src)
      : { ok: false as const, message: `Image "${src}" not found beside index.mdx.` };
    if (!result.ok) {
      // Shown on the page (the image's variant name cannot be made) and in the dev server's log.
      const problem = `${displayName} images: ${result.message}`;
      console.warn(`[modus-images] ${problem}`);
      refs.set(src, { file, path: src, id: '', width: 0, height: 0, problem });
      continue;
    }
    refs.set(src, await imageRef(ctx, file, src, result.header));
  }
  return options.fillImages!(data, (src) => {
    const { file, ...ref } = refs.get(src)!;
    if (ref.id) imageRegistry().set(ref.id, { file, ref });
    return ref;
  });
}

/**
 * Gives every stored entry its image references (`fillImages`): content id (cached in the loader's meta
 * store by path, size, modification and change time, so an unchanged file is not read again) and displayed
 * size (from `headers`, filled by the image checks). Registers the images shown for encoding. An entry
 * is stored again only when one of its references changed (its digest stays the file's, so Astro's glob
 * still sees an unchanged file as unchanged).
 */
async function storeImageRefs(
  ctx: LoaderContext,
  root: string,
  headers: Map<string, ImageHeader>,
  fields: NonNullable<CheckedGlobOptions['imageFields']>,
  fill: NonNullable<CheckedGlobOptions['fillImages']>,
): Promise<void> {
  const registry = imageRegistry();
  registry.clear();
  for (const e of [...ctx.store.values()]) {
    const entryDir = path.dirname(path.resolve(root, e.filePath ?? e.id));
    const refs = new Map<string, ImageRef & { file: string }>();
    for (const { src } of fields(e.data)) {
      const file = path.resolve(entryDir, src.replace(/^\.\//, ''));
      const header = headers.get(file);
      if (!header) throw new Error(`Image ${src} of ${e.filePath ?? e.id} was not checked; this is a bug in the content loader.`);
      refs.set(src, await imageRef(ctx, file, src, header));
    }
    const data = fill(e.data, (src) => {
      const r = refs.get(src);
      if (!r) throw new Error(`Image ${src} of ${e.filePath ?? e.id} is not among its images; this is a bug in fillImages.`);
      const { file, ...ref } = r;
      registry.set(ref.id, { file, ref });
      return ref;
    });
    if (JSON.stringify(data) !== JSON.stringify(e.data)) {
      ctx.store.delete(e.id);
      ctx.store.set({ ...e, data });
    }
  }
}

/** The reference of a checked image (`src` as written, `header` from its check) and its file. */
async function imageRef(ctx: LoaderContext, file: string, src: string, header: ImageHeader): Promise<ImageRef & { file: string }> {
  return { file, path: src, id: await cachedContentId(ctx, file), width: header.shownWidth, height: header.shownHeight };
}

/**
 * Content id of an image file (src/loading/images/image-cache.ts), remembered in the loader's meta store by path,
 * size, modification and change time (a file copied over another with its times kept, `cp -p`, still
 * gets a new change time, so it is read again).
 */
async function cachedContentId(ctx: LoaderContext, file: string): Promise<string> {
  const st = fs.statSync(file);
  const stamp = `${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
  // The pipeline version is in the key: after a change of encoder or variants every id is made again.
  const key = `image-id:v${IMAGE_PIPELINE_VERSION}:${file}`;
  const known = ctx.meta.get(key);
  if (known?.startsWith(`${stamp}:`)) return known.slice(stamp.length + 1);
  const id = await contentId(file);
  ctx.meta.set(key, `${stamp}:${id}`);
  return id;
}

/** A body as read, prepared and checked once per load (src/loading/body/body-policy.ts). */
interface CheckedBody {
  body: string;
  prepared: PreparedBody;
  findings: BodyFinding[];
}

/**
 * The collection's store as Astro's glob loader sees it: an entry it would leave for Astro to compile
 * as an MDX module (`deferredRender`) is stored rendered instead, when its body passes the body policy
 * (else unrendered: the loader's checks report it). The body itself is not stored: pages show the
 * rendered HTML, and Astro bundles the whole store into the build, so every stored byte costs memory
 * (issue 6); the checks read bodies from the files. Also used by glob's file watcher in `astro dev`.
 */
function renderingStore(store: LoaderContext['store'], check: (id: string, body: string) => CheckedBody): LoaderContext['store'] {
  return {
    ...store,
    set: (entry) => {
      if (!entry.deferredRender) return store.set(entry);
      const { deferredRender: _deferred, body, ...rest } = entry;
      let rendered: RenderedBody | undefined;
      const { prepared, findings } = check(rest.id, body ?? '');
      if (findings.length === 0) {
        try {
          rendered = renderBody(prepared.text);
        } catch {
          /* rendered or reported by the loader's checks */
        }
      }
      return store.set(rendered ? { ...rest, rendered } : rest);
    },
  };
}

/** The hint under every frontmatter syntax error: the usual cause and its fix. */
const YAML_HINT =
  'A value that contains ": " or " #", or starts with one of [ ] { } > | * & ! % @ ` \' ", must be quoted, e.g. object: "Hollow casting: resin figurine". Lines of a list or of a group must be indented alike.';

/**
 * Every entry file under `base` whose frontmatter is not valid YAML, as problems with the file's line
 * and column (read as Astro's MDX entry type reads them).
 */
function yamlProblems(base: string, rel: (file: string) => string): ContentProblem[] {
  const out: ContentProblem[] = [];
  for (const dir of fs.readdirSync(base, { withFileTypes: true })) {
    const file = path.join(base, dir.name, 'index.mdx');
    if (!dir.isDirectory() || !fs.existsSync(file)) continue;
    try {
      readEntryFile(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      const e = err as { name?: string; reason?: string; message?: string; mark?: { line: number; column: number } };
      if (e.name !== 'YAMLException') continue;
      out.push({
        file: rel(file),
        field: '(frontmatter)',
        ...(e.mark ? { line: e.mark.line + 1, column: e.mark.column + 1 } : {}),
        message: `The frontmatter is not valid YAML: ${e.reason ?? e.message}. ${YAML_HINT}`,
      });
    }
  }
  return out;
}

/**
 * Removes stored entries whose file is not inside `base`. Astro's glob loader keeps a cached entry
 * when a file with the same id and the same content digest appears, without looking at its path: after
 * MODUS_CONTENT_DIR changes (tests, benchmarks, a second corpus), entries, their images and their
 * MDX would still be read from the previous folder, or fail once it is gone.
 */
function forgetEntriesOutside(ctx: LoaderContext, rootDir: string, base: string): void {
  const inside = path.resolve(base) + path.sep;
  for (const e of [...ctx.store.values()]) {
    const abs = e.filePath ? path.resolve(rootDir, e.filePath) : '';
    if (!abs.startsWith(inside)) ctx.store.delete(e.id);
  }
}

/**
 * How a content file is named in messages: relative to the project (`content/notices/x/index.mdx`)
 * when inside it, else absolute (a content folder elsewhere, set with MODUS_CONTENT_DIR), never a
 * `../../..` path. `file` may be absolute or relative to `rootDir`.
 */
export function displayPath(rootDir: string, file: string): string {
  const abs = path.resolve(rootDir, file);
  const relative = path.relative(rootDir, abs);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : abs;
}

/** The entry file must be a real file inside the content folder, not a link to somewhere else. */
function checkEntryFile(e: LoadedEntry, abs: string, realBase: string): ContentProblem[] {
  let real: string;
  try {
    real = fs.realpathSync(abs);
  } catch {
    return [{ file: e.file, field: '(file)', message: 'The file cannot be read.' }];
  }
  if (!real.startsWith(realBase + path.sep)) {
    return [
      {
        file: e.file,
        field: '(file)',
        message: `The entry is a link to ${real}, outside the content folder. Copy the entry into the content folder instead of linking to it.`,
      },
    ];
  }
  return [];
}

/**
 * Checks each referenced image of an entry: inside the content folder, present, readable, whole, within
 * the pixel limit. The header of each good image is put in `headers` by its absolute path.
 */
async function checkImages(
  e: LoadedEntry,
  root: string,
  realBase: string,
  refs: ReadonlyArray<{ field: string; src: string; refused?: string; line?: number; column?: number }>,
  maxPixels: number,
  headers: Map<string, ImageHeader>,
): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const entryDir = path.dirname(path.resolve(root, e.file));
  for (const { field, src, refused, line, column } of refs) {
    const where = line ? { line, column } : {};
    if (refused) {
      problems.push({ file: e.file, field, ...where, message: refused });
      continue;
    }
    const relPath = src.replace(/^\.\//, '');
    const abs = path.resolve(entryDir, relPath);
    if (!fs.existsSync(abs)) {
      const here = fs.readdirSync(entryDir).filter((f) => /\.(jpe?g|png|webp|avif|gif|tiff?)$/i.test(f));
      problems.push({
        file: e.file,
        field,
        ...where,
        message: `Image "${relPath}" not found beside index.mdx.${here.length ? ` Images in this folder: ${here.join(', ')}.` : ' The folder holds no images.'}`,
      });
      continue;
    }
    const real = fs.realpathSync(abs);
    if (!real.startsWith(realBase + path.sep)) {
      problems.push({
        file: e.file,
        field,
        ...where,
        message: `Image "${relPath}" is a link to a file outside the content folder; copy the image into the notice folder instead.`,
      });
      continue;
    }
    if (!fs.statSync(real).isFile()) {
      problems.push({ file: e.file, field, ...where, message: `Image "${relPath}" is a folder, not an image file.` });
      continue;
    }
    const result = await checkImageFile(real, maxPixels, relPath);
    if (!result.ok) problems.push({ file: e.file, field, ...where, message: result.message });
    else headers.set(abs, result.header);
  }
  return problems;
}
