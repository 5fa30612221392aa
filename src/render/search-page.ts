/**
 * The search page's script (src/pages/search.astro, the one page that runs JavaScript; Astro bundles
 * this module into a file of the site): runs the query given as ?q= (from the header form of every
 * page), keeps the address bar in step with the query so a search can be shared or bookmarked, applies
 * the sort, loads the filters (with their counts) when the officer first opens "Filters and sort", and
 * normalises every query for the page's language before Pagefind sees it, with the same function that
 * made the pages' search forms (src/knowledge/search-text.ts), so that "مُخَدِّرَات", "ٱستيراد" or "oeuvre"
 * find the pages written "مخدرات", "استيراد" or "œuvre".
 *
 * Pagefind's Component UI imports Pagefind through /js/pagefind-filters-on-demand/pagefind.js (named by
 * `<pagefind-config bundle-path>`), a module of public/ that wraps each instance's search and filters.
 * This script hands it the normalisation before it starts the first search; the officer's words stay
 * in the search box and in the address bar as typed.
 */
import { normaliseSearchText } from '../knowledge/search-text.ts';
import { PAGEFIND_BUNDLE } from './search-paths.ts';

/** The module the Component UI imports Pagefind through (public/js/pagefind-filters-on-demand/pagefind.js, under the site's base). */
const PAGEFIND_MODULE = `${PAGEFIND_BUNDLE}pagefind.js`;

/** What this script uses of that module. */
interface PagefindModule {
  setQueryNormaliser(normalise: (query: string) => string): void;
  loadFilterCounts(): Promise<void>;
}

/** What this script uses of a Component UI instance. */
interface PagefindUiInstance {
  searchTerm?: string;
  searchFilters?: Record<string, string[]>;
  searchSort?: Record<string, string> | undefined;
  triggerLoad(): Promise<void>;
  triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
}

declare global {
  interface Window {
    PagefindComponents?: { getInstanceManager?(): { getInstance(name: string): PagefindUiInstance | undefined } };
  }
}

/** The module, imported at run time from the site (not bundled: the Component UI must share the same instance of it). */
function pagefindModule(): Promise<PagefindModule> {
  return import(/* @vite-ignore */ PAGEFIND_MODULE) as Promise<PagefindModule>;
}

function instance(): PagefindUiInstance | undefined {
  return window.PagefindComponents?.getInstanceManager?.().getInstance('default');
}

/** Resolves with the first element `find` returns, once it is in the page. */
function waitFor<T extends Element>(find: () => T | null): Promise<T> {
  return new Promise((resolve) => {
    const found = find();
    if (found) return resolve(found);
    const obs = new MutationObserver(() => {
      const el = find();
      if (el) {
        obs.disconnect();
        resolve(el);
      }
    });
    obs.observe(document.body, { childList: true, subtree: true });
  });
}

/**
 * Pagefind's filter dropdowns render their trigger as <button role="combobox"> whose only label is
 * its text, which a combobox does not take as its name (axe: button-name). Names each after its
 * filter, now and whenever Pagefind renders the trigger again.
 */
function labelFilterDropdowns(): void {
  const label = () => {
    for (const dd of document.querySelectorAll('pagefind-filter-dropdown')) {
      const trigger = dd.querySelector('.pf-dropdown-trigger');
      const name = dd.getAttribute('label') || dd.getAttribute('filter');
      if (trigger && name && trigger.getAttribute('aria-label') !== name) trigger.setAttribute('aria-label', name);
    }
  };
  label();
  new MutationObserver(label).observe(document.body, { childList: true, subtree: true });
}

/**
 * The filter dropdowns count the values of every filter, which needs every filter chunk of the index:
 * at 10,000 notices 239 kB, two fifths of what a first search cost. So they come in (from their
 * template) only when the officer asks for them: "Show the filters" on wider screens, where filters and
 * sort are open from the start (sort costs nothing), or opening "Filters and sort" on a phone. Pagefind
 * is imported through the module that holds the counts back until then; once they are loaded the
 * dropdowns go in and the search runs again, so they count the results shown.
 */
function filtersOnDemand(): void {
  const controls = document.getElementById('search-controls') as HTMLDetailsElement | null;
  const box = document.getElementById('search-filters');
  const show = document.getElementById('search-filters-show') as HTMLButtonElement | null;
  const dropdowns = document.getElementById('search-filter-dropdowns') as HTMLTemplateElement | null;
  if (!controls || !box || !show || !dropdowns) return;
  const wide = window.matchMedia('(min-width: 40.01rem)').matches;
  let loading: Promise<void> | null = null;
  const load = async () => {
    const hadFocus = document.activeElement === show;
    box.setAttribute('aria-busy', 'true');
    box.textContent = box.dataset.loading ?? '';
    await customElements.whenDefined('pagefind-input');
    const inst = instance();
    await inst?.triggerLoad();
    await (await pagefindModule()).loadFilterCounts();
    box.replaceChildren(dropdowns.content.cloneNode(true));
    box.removeAttribute('aria-busy');
    // Keyboard users asked with the button, which is gone: take them to the first filter.
    if (hadFocus) box.querySelector<HTMLElement>('.pf-dropdown-trigger')?.focus();
    if (inst) inst.triggerSearchWithFilters(inst.searchTerm ?? '', inst.searchFilters ?? {});
  };
  // If loading fails (the network), the button comes back so the officer can ask again.
  const ask = () => {
    loading ??= load().catch(() => {
      loading = null;
      box.removeAttribute('aria-busy');
      box.replaceChildren(show);
    });
  };
  show.hidden = false;
  show.addEventListener('click', ask);
  if (wide) controls.open = true;
  else
    controls.addEventListener('toggle', () => {
      if (controls.open) ask();
    });
}

/** Points the language switcher's links at the search page of each language with the same query (`?q=`). */
function keepQueryInSwitcher(query: string): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.lang-switch a')) {
    const url = new URL(a.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    a.href = url.pathname + url.search;
  }
}

/** Starts the search page: the filters, the query normalisation (before any search it starts), the ?q= query, the address bar and the sort. */
export async function startSearchPage(): Promise<void> {
  labelFilterDropdowns();
  // Filters and sort start folded on phones (results first), open on wider screens.
  filtersOnDemand();
  // The page's language: the index Pagefind loads, and the normalisation its pages' forms were made with.
  const lang = document.documentElement.lang;
  (await pagefindModule()).setQueryNormaliser((query) => normaliseSearchText(lang, query));
  await customElements.whenDefined('pagefind-input');
  const input = await waitFor(() => document.querySelector<HTMLInputElement>('pagefind-input input'));
  const initial = new URLSearchParams(location.search).get('q') ?? '';
  keepQueryInSwitcher(initial);
  // The header's plain search form shows the query too.
  const header = document.getElementById('site-search-q') as HTMLInputElement | null;
  if (header && initial) header.value = initial;
  if (initial) {
    input.value = initial;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  input.addEventListener('input', () => {
    const url = new URL(location.href);
    if (input.value) url.searchParams.set('q', input.value);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (header) header.value = input.value;
    keepQueryInSwitcher(input.value);
  });
  const sort = document.getElementById('search-sort') as HTMLSelectElement | null;
  sort?.addEventListener('change', () => {
    const inst = instance();
    if (!inst) return;
    const [key, dir] = sort.value.split(':');
    inst.searchSort = key && dir ? { [key]: dir } : undefined;
    inst.triggerSearchWithFilters(input.value, inst.searchFilters ?? {});
  });
}
