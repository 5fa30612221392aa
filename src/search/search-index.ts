/**
 * The search index: Pagefind's index of the notice and course pages in dist/, through Pagefind's Node
 * API (`addHTMLFile`, pages in path order: `addDirectory` would be faster, but indexes pages in the
 * order the file system lists them, which differs between machines; docs/performance.md). Run by `npm run build` (scripts/build.mjs) after `astro build` has exited, so that Pagefind and
 * Astro never hold their memory at the same time (docs/performance.md). Fails when Pagefind reports an error or
 * when the number of indexed pages differs from the number of searchable pages built (a silent drop
 * must not pass).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { isRedirectHtml, isSearchablePath, LANGUAGE_SECTIONS } from './searchable.ts';

/**
 * Calls `add` with the path (relative to `outDir`, e.g. `notices/x/index.html`) and HTML of each built
 * page meant to be searchable: notice and course pages by address, less the static redirects that share
 * their shape of address (a notice's former slugs). Reads one page at a time; returns how many there were.
 */
export async function forEachSearchablePage(
  outDir: string,
  pathnames: readonly string[],
  add: (sourcePath: string, html: string) => Promise<void>,
): Promise<number> {
  let n = 0;
  for (const p of pathnames) {
    if (!isSearchablePath(p)) continue;
    const sourcePath = `${p.replace(/^\/+/, '')}index.html`;
    const html = await readFile(`${outDir}${sourcePath}`, 'utf8');
    if (isRedirectHtml(html)) continue;
    await add(sourcePath, html);
    n++;
  }
  return n;
}

/**
 * Digest (hex SHA-256) of what the search index is made from: the address and bytes of each searchable
 * page among `pathnames` (redirects included: they are left out by their bytes), in the given order. An
 * index made from pages with the same digest, by the same Pagefind and code, is the same index.
 */
export async function searchablePagesDigest(outDir: string, pathnames: readonly string[]): Promise<string> {
  const out = outDir.endsWith('/') ? outDir : `${outDir}/`;
  const hash = createHash('sha256');
  for (const p of pathnames) {
    if (!isSearchablePath(p)) continue;
    hash
      .update(`${p}\0`)
      .update(await readFile(`${out}${p.replace(/^\/+/, '')}index.html`))
      .update('\0');
  }
  return hash.digest('hex');
}

/**
 * Pages sent to Pagefind before its answer to the first is awaited. Page by page (1), Node and Pagefind
 * take turns; with a few in flight, they work at the same time (docs/performance.md, "Search index").
 */
export const PAGES_IN_FLIGHT = 8;

/** Throws when a Pagefind response carries errors, naming the step. */
function check<T extends { errors: string[] }>(step: string, r: T): T {
  if (r.errors.length) throw new Error(`Pagefind ${step} failed:\n  ${r.errors.join('\n  ')}`);
  return r;
}

/** Number of pages in the written index, summed over languages (from `pagefind-entry.json`). */
export async function indexedPageCount(pagefindDir: string): Promise<number> {
  const entry = JSON.parse(await readFile(`${pagefindDir}/pagefind-entry.json`, 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

/**
 * Addresses (`notices/<slug>/`, `courses/<slug>/`, then the same under each language's section, e.g.
 * `fr/notices/<slug>/`) of the notice and course pages in `outDir`, sorted within each folder;
 * redirects among them are left out later, by their content (`forEachSearchablePage`).
 */
export function builtPagePaths(outDir: string): string[] {
  const out: string[] = [];
  const sections = ['', ...LANGUAGE_SECTIONS.map((l) => `${l}/`)].flatMap((lang) => [`${lang}notices`, `${lang}courses`]);
  for (const section of sections) {
    const dir = path.join(outDir, section);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const p = `${section}/${name}/`;
      if (isSearchablePath(p) && fs.existsSync(path.join(dir, name, 'index.html'))) out.push(p);
    }
  }
  return out;
}

/**
 * Writes `<outDir>/pagefind/` (index, Component UI script and CSS) for the searchable pages among
 * `pathnames` (default: every notice and course page built). Returns the number of pages indexed;
 * `warn` is told when there are none (the index is then written empty). Throws on any Pagefind error
 * and when Pagefind's page count differs from the number of searchable pages.
 */
export async function buildSearchIndex(
  outDir: string,
  warn: (message: string) => void,
  pathnames: readonly string[] = builtPagePaths(outDir),
): Promise<number> {
  const out = outDir.endsWith('/') ? outDir : `${outDir}/`;
  const { index, errors } = await pagefind.createIndex({});
  if (!index || errors.length) throw new Error(`Pagefind could not start:\n  ${errors.join('\n  ')}`);
  try {
    // Only the searchable pages are handed to Pagefind (not the whole of dist/: browse, list and
    // handout pages hold no data-pagefind-body anyway), which halves its time and lowers its memory
    // (docs/performance.md). With none (no notice this audience may see), the index is written empty.
    // Pages are handed over without waiting for each answer (at most PAGES_IN_FLIGHT unanswered), so
    // that reading the next page overlaps Pagefind's parsing of the last. Pagefind's service indexes
    // them one by one in the order sent, so the index is the same, byte for byte, as page by page.
    const inFlight = new Set<Promise<void>>();
    const expected = await forEachSearchablePage(out, pathnames, async (sourcePath, content) => {
      const added: Promise<void> = index.addHTMLFile({ sourcePath, content }).then((r) => {
        inFlight.delete(added);
        check(`indexing ${sourcePath}`, r);
      });
      added.catch(() => {}); // a failure is reported by the race or Promise.all below, never as unhandled
      inFlight.add(added);
      if (inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(inFlight);
    });
    await Promise.all(inFlight);
    if (expected === 0) warn('no notice or course is visible to this build: the search index is empty');
    check('writing the index', await index.writeFiles({ outputPath: `${out}pagefind` }));
    const pageCount = expected > 0 ? await indexedPageCount(`${out}pagefind`) : 0;
    if (pageCount !== expected) {
      throw new Error(
        `Pagefind indexed ${pageCount} pages but the build has ${expected} searchable pages (notices and courses). ` +
          'A page without data-pagefind-body, or an extra page with it, is the usual cause.',
      );
    }
    return pageCount;
  } finally {
    await pagefind.close();
  }
}
