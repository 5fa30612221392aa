// Search page only: runs the query given as ?q= (from the header form of every page), keeps the
// address bar in step with the query so a search can be shared or bookmarked, applies the sort, and
// loads the filters (with their counts) when the officer first opens "Filters and sort".
const params = new URLSearchParams(location.search);
const initial = params.get('q') ?? '';

function instance() {
  return window.PagefindComponents?.getInstanceManager?.().getInstance('default');
}

// Pagefind's filter dropdowns render their trigger as <button role="combobox"> whose only label is
// its text, which a combobox does not take as its name (axe: button-name). Name each after its
// filter, now and whenever Pagefind renders the trigger again.
function labelFilterDropdowns() {
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

// The filter dropdowns count the values of every filter, which needs every filter chunk of the index:
// at 10,000 notices 239 kB, two fifths of what a first search cost. So they come in (from their template)
// only when the officer asks for them: "Show the filters" on wider screens, where filters and sort
// are open from the start (sort costs nothing), or opening "Filters and sort" on a phone. Pagefind
// is imported through /js/pagefind-filters-on-demand/, which holds the counts back until then; once
// they are loaded the dropdowns go in and the search runs again, so they count the results shown.
function filtersOnDemand() {
  const controls = document.getElementById('search-controls');
  const box = document.getElementById('search-filters');
  const show = document.getElementById('search-filters-show');
  const dropdowns = document.getElementById('search-filter-dropdowns');
  if (!controls || !box || !show || !dropdowns) return;
  const wide = window.matchMedia('(min-width: 40.01rem)').matches;
  let loading = null;
  const load = async () => {
    const hadFocus = document.activeElement === show;
    box.setAttribute('aria-busy', 'true');
    box.textContent = box.dataset.loading ?? '';
    await customElements.whenDefined('pagefind-input');
    const inst = instance();
    await inst?.triggerLoad();
    const { loadFilterCounts } = await import('/js/pagefind-filters-on-demand/pagefind.js');
    await loadFilterCounts();
    box.replaceChildren(dropdowns.content.cloneNode(true));
    box.removeAttribute('aria-busy');
    // Keyboard users asked with the button, which is gone: take them to the first filter.
    if (hadFocus) box.querySelector('.pf-dropdown-trigger')?.focus();
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

async function main() {
  labelFilterDropdowns();
  // Filters and sort start folded on phones (results first), open on wider screens.
  filtersOnDemand();
  await customElements.whenDefined('pagefind-input');
  const input = await waitFor(() => document.querySelector('pagefind-input input'));
  // The header's plain search form shows the query too.
  const header = document.getElementById('site-search-q');
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
  });
  const sort = document.getElementById('search-sort');
  sort?.addEventListener('change', () => {
    const inst = instance();
    if (!inst) return;
    const [key, dir] = sort.value.split(':');
    inst.searchSort = key ? { [key]: dir } : undefined;
    inst.triggerSearchWithFilters(input.value, inst.searchFilters ?? {});
  });
}

function waitFor(find) {
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

void main();
