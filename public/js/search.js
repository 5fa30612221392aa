// Search page only: runs the query given as ?q= (from the header form of every page), keeps the
// address bar in step with the query so a search can be shared or bookmarked, and applies the sort.
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

async function main() {
  labelFilterDropdowns();
  // Filters and sort start folded on phones (results first), open on wider screens.
  const controls = document.getElementById('search-controls');
  if (controls && window.matchMedia('(min-width: 40.01rem)').matches) controls.open = true;
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
