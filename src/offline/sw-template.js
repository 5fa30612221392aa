/**
 * Modus's service worker (docs/offline.md), served as `<base>sw.js` with scope `<base>`, registered by the
 * offline page only. Plain JavaScript, the same file on every build (src/offline/service-worker.ts puts the
 * build's settings in CONFIG: the offline pages' addresses and the banner's words; no build id).
 * - Pages: network first; when the network fails (or is slower than CONFIG.timeoutMs and the page is
 *   saved), the saved page, with a banner naming its build; with no saved page, the offline page.
 *   Every notice and course page read is kept (cache `modus-visited`), with the build it came from.
 * - `_astro/` and `_img/` (content-addressed, never change): from a cache first, else the network (kept).
 * - Everything else (the search bundle and index, the manifest): network first, else the saved copy.
 * The offline page saves copies itself (caches `modus-copy-<build id>-<time>`, its record in `modus-meta`);
 * this worker only reads them. Every response kept carries its build in `X-Modus-Build` and `X-Modus-Built`.
 * The banner is plain HTML with a class of the site's stylesheet: content pages allow no script nor style.
 */
const CONFIG = /* MODUS_CONFIG */ null;
const SCOPE = self.registration.scope;
const VISITED = 'modus-visited';
const META = 'modus-meta';
const STATE_KEY = `${SCOPE}${CONFIG.stateKey}`;
/** Addresses (relative to the scope) of notice and course pages, in any language. */
const KEPT_PAGE = /^(?:[a-z]{2}\/)?(?:notices|courses)\/[^/]+\/(?:handout\/)?$/;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !req.url.startsWith(SCOPE)) return;
  const rel = req.url.slice(SCOPE.length).split('#')[0];
  if (rel.startsWith('admin/') || rel.split('?')[0] === CONFIG.buildPath) return;
  if (req.mode === 'navigate') event.respondWith(page(req, rel.split('?')[0]));
  else if (/^_(astro|img)\//.test(rel)) event.respondWith(contentAddressed(req));
  else event.respondWith(networkFirst(req));
});

/** The offline page's record of the saved copy ({ id, time, saved, … }), or null. */
async function savedCopy() {
  if (!(await caches.has(META))) return null;
  const r = await (await caches.open(META)).match(STATE_KEY);
  return r ? r.json() : null;
}

let latestBuild = null;
let latestAt = 0;
/** The published build ({ id, time }) as the site says now (asked at most every 30 s), or null offline. */
async function published() {
  if (latestBuild && Date.now() - latestAt < 30_000) return latestBuild;
  try {
    const r = await fetch(`${SCOPE}${CONFIG.buildPath}`, { cache: 'no-store' });
    if (!r.ok) return latestBuild;
    latestBuild = await r.json();
    latestAt = Date.now();
  } catch {
    // offline: the last answer, if any
  }
  return latestBuild;
}

/** The kept copy of `req` (saved or visited, the more recent build), or undefined. */
async function kept(req) {
  const state = await savedCopy();
  const names = [...(state ? [state.cache] : []), VISITED];
  let best;
  for (const name of names) {
    if (!(await caches.has(name))) continue;
    const r = await (await caches.open(name)).match(req, { ignoreSearch: true, ignoreVary: true });
    if (r && (!best || (r.headers.get('X-Modus-Built') ?? '') > (best.headers.get('X-Modus-Built') ?? ''))) best = r;
  }
  return best;
}

/** Resolves with the network's answer, or rejects; `onSlow` is called if it takes longer than `ms`. */
async function fetchWithPatience(req, ms, onSlow) {
  const timer = setTimeout(() => onSlow(), ms);
  try {
    return await fetch(req);
  } finally {
    clearTimeout(timer);
  }
}

async function page(req, rel) {
  const copy = kept(req);
  const fromNetwork = new Promise((resolve) => {
    fetchWithPatience(req, CONFIG.timeoutMs, async () => {
      const c = await copy;
      if (c) resolve({ copy: c });
    })
      .then((r) => resolve({ network: r }))
      .catch(() => resolve({ failed: true }));
  });
  const answer = await fromNetwork;
  if (answer.network && answer.network.status < 500) return fromSite(answer.network, rel);
  const c = answer.copy ?? (await copy);
  if (c) return withBanner(c, false);
  const fallback = await kept(new Request(`${SCOPE}${CONFIG.offlinePages[languageOf(rel)]}`));
  return fallback ?? answer.network ?? Response.error();
}

/** A page from the site: kept when it is a notice or course page; with a banner when the saved copy is older than the published build. */
async function fromSite(response, rel) {
  if (!response.ok || !(response.headers.get('Content-Type') ?? '').includes('text/html')) return response;
  const [build, state] = await Promise.all([published(), savedCopy()]);
  if (KEPT_PAGE.test(rel) && build) {
    const body = await response.clone().blob();
    await (await caches.open(VISITED)).put(response.url || `${SCOPE}${rel}`, stamped(body, response, build));
  }
  if (state && build && build.id !== state.id) return withBanner(response, true);
  return response;
}

/** A copy of `response` with `body`, marked with the build it is from. */
function stamped(body, response, build) {
  const headers = new Headers(response.headers);
  headers.set('X-Modus-Build', build.id);
  headers.set('X-Modus-Built', build.time);
  return new Response(body, { status: response.status, headers });
}

/** The language of a page by its address (`fr/…` → fr), English at the root. */
function languageOf(rel) {
  const first = rel.split('/')[0];
  return Object.hasOwn(CONFIG.offlinePages, first) ? first : CONFIG.defaultLanguage;
}

const escapeHtml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** Fills `{name}` placeholders, each value isolated in a right-to-left language (as the site's pages do). */
function fill(text, vars, rtl) {
  return text.replace(/\{(\w+)\}/g, (_, k) => (rtl ? `\u2068${vars[k]}\u2069` : vars[k]));
}

/**
 * `response` (a page) with the banner inserted at the top of its body, in the page's language: from the
 * offline copy ("Offline copy — build … of …"), and/or telling that a newer build is published.
 */
async function withBanner(response, newer) {
  const html = await response.text();
  const lang = /<html[^>]*\slang="([a-z]{2})"/i.exec(html)?.[1];
  const language = lang && CONFIG.phrases[lang] ? lang : CONFIG.defaultLanguage;
  const words = CONFIG.phrases[language];
  const rtl = CONFIG.rtl.includes(language);
  const build = response.headers.get('X-Modus-Build');
  const built = (response.headers.get('X-Modus-Built') ?? '').slice(0, 10);
  const parts = [];
  if (!newer && build) parts.push(`<p>${escapeHtml(fill(words.copy, { build: build.slice(0, 12), built }, rtl))}</p>`);
  if (newer || (latestBuild && build && latestBuild.id !== build)) {
    const href = `${SCOPE}${CONFIG.offlinePages[language]}`;
    parts.push(`<p>${escapeHtml(words.newer)} <a href="${escapeHtml(href)}">${escapeHtml(words.link)}</a></p>`);
  }
  const banner = `<div class="offline-banner" role="status" data-pagefind-ignore="all">${parts.join('')}</div>`;
  const body = html.replace(/<body[^>]*>/i, (tag) => `${tag}${banner}`);
  const headers = new Headers(response.headers);
  headers.delete('Content-Length');
  return new Response(body, { status: 200, headers });
}

/** A content-addressed file (it never changes): kept copy first, else the network (then kept). */
async function contentAddressed(req) {
  const hit = await caches.match(req, { ignoreSearch: true, ignoreVary: true });
  if (hit) return hit;
  const r = await fetch(req);
  if (r.ok) await (await caches.open(VISITED)).put(req, r.clone());
  return r;
}

/** Network first; when it fails, the saved copy of the file (the search bundle and index work offline). */
async function networkFirst(req) {
  try {
    const r = await fetch(req);
    if (r.status < 500) return r;
    return (await kept(req)) ?? r;
  } catch (err) {
    const c = await kept(req);
    if (c) return c;
    throw err;
  }
}
