// Pagefind's JS API as the search page's Component UI imports it (through `<pagefind-config
// bundle-path>`), with three changes to each instance (the third: it runs on the page's thread, see createInstance):
//
// 1. filters() answers "no filters" until loadFilterCounts() is called. The Component UI calls
//    filters() as soon as it loads, and filters() fetches every filter chunk of the index to count each
//    value for the dropdowns (at 10,000 notices 239 kB, two fifths of what a first search cost). A plain
//    search needs none of them: search() fetches only the chunks of the filters in use. So the counts
//    are loaded when the officer asks for the filters (src/render/search-page.ts), and from then on
//    every search answers with the counts of its results, as before.
// 2. Every query goes through the normalisation the search page sets with setQueryNormaliser() (the
//    page language's, src/knowledge/search-text.ts, the one the pages' search forms were made with)
//    before Pagefind sees it. This file is served as it is, not bundled, so the normalisation is handed
//    to it rather than written here a second time.
// Pagefind's module is found from this file's own address (relative: the site may be served under a path).
import * as pagefind from '../../pagefind/pagefind.js';

export * from '../../pagefind/pagefind.js';

const counters = [];
let wanted = false;
let normaliseQuery = (query) => query;

/** Sets the function every query (a string; not a filter-only search's null) goes through before Pagefind sees it. */
export function setQueryNormaliser(normalise) {
  normaliseQuery = normalise;
}

const normalised = (term) => (typeof term === 'string' ? normaliseQuery(term) : term);

/**
 * Pagefind's createInstance (same options, same instance) whose filters() waits for loadFilterCounts()
 * and whose search(), debouncedSearch() and preload() take the query normalised.
 */
export function createInstance(options) {
  // On the page's thread, without Pagefind's web worker: the worker's script (12 kB) and a round trip are saved,
  // and the page's preload of the wasm (src/pages/[...lang]/search.astro) serves Pagefind's fetch of it, which a
  // worker's fetch would not use: on a slow link (256 kbit/s, 800 ms) the first result came 2 s sooner.
  const instance = pagefind.createInstance({ ...options, noWorker: true });
  const filters = instance.filters.bind(instance);
  counters.push(filters);
  instance.filters = () => (wanted ? filters() : Promise.resolve({}));
  for (const method of ['search', 'debouncedSearch', 'preload']) {
    const original = instance[method].bind(instance);
    instance[method] = (term, ...rest) => original(normalised(term), ...rest);
  }
  return instance;
}

/**
 * Loads every filter chunk of each instance made so far (and of those made later, when they ask), so
 * that filters() and every later search() count the values. Resolves once the chunks are loaded.
 */
export async function loadFilterCounts() {
  wanted = true;
  await Promise.all(counters.map((filters) => filters()));
}
