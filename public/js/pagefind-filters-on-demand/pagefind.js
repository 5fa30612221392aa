// Pagefind's JS API as the search page's Component UI imports it (through `<pagefind-config
// bundle-path>`), with one change: filters() answers "no filters" until loadFilterCounts() is called.
//
// Why: the Component UI calls filters() as soon as it loads, and filters() fetches every filter chunk
// of the index to count each value for the dropdowns (at 10,000 notices 239 kB, two fifths of what a
// first search cost). A plain search needs none of them: search() fetches only the chunks of the
// filters in use. So the counts are loaded when the officer asks for the filters (/js/search.js), and
// from then on every search answers with the counts of its results, as before.
import * as pagefind from '/pagefind/pagefind.js';

export * from '/pagefind/pagefind.js';

const counters = [];
let wanted = false;

/** Pagefind's createInstance (same options, same instance) whose filters() waits for loadFilterCounts(). */
export function createInstance(options) {
  const instance = pagefind.createInstance(options);
  const filters = instance.filters.bind(instance);
  counters.push(filters);
  instance.filters = () => (wanted ? filters() : Promise.resolve({}));
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
