/**
 * A reader on a slow link, measured in Chromium: the network emulated by the DevTools protocol
 * (`Network.emulateNetworkConditions`: 800 ms latency, 256 kbit/s down and up), a fresh profile for every
 * run (nothing cached). Two figures, each the median of a few runs:
 * - a notice page readable: from the start of the navigation to the first frame in which the page's
 *   "readable" elements (Modus: the marking banner and the first paragraph of the notice's body) are in the
 *   document with text and a size, and every stylesheet that applies to the screen has loaded; that frame
 *   paints them (Chromium paints nothing while a stylesheet of the head is loading, and runs no animation
 *   frame before it can paint). Fonts are not waited for: with `font-display: swap` text is painted in a
 *   fallback font while a web font loads.
 * - a first search: from the start of the navigation to the search page (cold) to the first frame that shows
 *   a result, the query typed as soon as the search box accepts input (the time from typing to the result is
 *   recorded too).
 * The elements are found by an observer injected into the page before any of its own code (the DevTools
 * protocol's init script: neither the page's Content-Security-Policy nor its absence of scripts is changed).
 */
/* global window, document, getComputedStyle, matchMedia, requestAnimationFrame -- the observer and the page.evaluate() callbacks run in the browser */
import { round } from './process.mjs';

/** The emulated link: 800 ms latency, 256 kbit/s (32,000 bytes/s) down and up (DevTools protocol units: bytes/s). */
export const SLOW_LINK = { latencyMs: 800, downloadBytesPerS: 32_000, uploadBytesPerS: 32_000 };

/** Runs of each measurement (the median is reported). */
export const SLOW_LINK_RUNS = 3;

/** What is "readable" on Modus's notice page: its marking banner and the first paragraph of the notice's body. */
export const MODUS_NOTICE_READABLE = ['.marking-banner', '.notice__body p'];

/**
 * Modus's search page in `lang` on a slow link: the page opened without a query, the query typed into
 * Pagefind's search box as soon as it accepts input; results are `.pf-result` elements.
 */
export function modusSlowSearchUi(lang = 'en') {
  const prefix = lang === 'en' ? '' : `/${lang}`;
  return {
    name: `Modus search page (${prefix}/search/), query typed`,
    resultsSelector: '.pf-result',
    async type(page, baseUrl, word) {
      await page.goto(`${baseUrl}${prefix}/search/`, { waitUntil: 'commit' });
      const input = page.locator('pagefind-input input');
      await input.waitFor({ timeout: 60_000 });
      return () => input.fill(word, { timeout: 60_000 });
    },
  };
}

/** The median of `values` (the mean of the middle two for an even count); null for none. */
export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/**
 * The observer injected into each page (runs in the browser, before the page's own code): on every animation
 * frame until found, checks that each selector of `readable` matches an element with text and a size and that
 * every stylesheet that applies to the screen has loaded, and records the frame's start time (ms since the
 * navigation started) in `window.__modusSlowLink.readableMs`; likewise `resultMs` for `result`.
 */
function observer({ readable, result }) {
  const state = { readableMs: null, resultMs: null };
  Object.defineProperty(window, '__modusSlowLink', { value: state });
  const shown = (selector) => {
    const el = document.querySelector(selector);
    if (!el || !(el.textContent ?? '').trim()) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const stylesLoaded = () =>
    [...document.querySelectorAll('link[rel~="stylesheet"]')].every((l) => l.sheet !== null || !matchMedia(l.media || 'all').matches);
  const frame = (t) => {
    if (state.readableMs === null && readable.length > 0 && document.body && stylesLoaded() && readable.every(shown)) state.readableMs = t;
    if (state.resultMs === null && result && document.body && stylesLoaded() && shown(result)) state.resultMs = t;
    if ((state.readableMs === null && readable.length > 0) || (state.resultMs === null && result)) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * Opens a fresh Chromium (cold cache) with the slow link emulated and the observer injected for
 * `watch` ({ readable: selectors, result: selector }), runs `act(page)`, then reads the observer and the
 * page's resource timings. Returns { readableMs, resultMs, act's value, bytes (transfer sizes of the
 * document and its resources), images: { started before readable, bytes } }. Throws when `act` throws.
 */
async function slowSession(watch, act, link) {
  const { launch } = await import('../lib/chromium.ts');
  const session = await launch({ viewport: { width: 390, height: 844 } });
  try {
    const page = await session.newPage();
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: link.latencyMs,
      downloadThroughput: link.downloadBytesPerS,
      uploadThroughput: link.uploadBytesPerS,
    });
    await page.addInitScript(observer, watch);
    const extra = await act(page);
    const figures = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const resources = performance.getEntriesByType('resource');
      return {
        state: { ...window.__modusSlowLink },
        documentBytes: nav?.transferSize ?? 0,
        resources: resources.map((r) => ({ name: r.name, type: r.initiatorType, startTime: r.startTime, transferSize: r.transferSize })),
      };
    });
    const { readableMs, resultMs } = figures.state;
    const images = figures.resources.filter((r) => r.type === 'img' || /\.(avif|webp|jpe?g|png|gif)(\?|$)/.test(r.name));
    const before = readableMs === null ? [] : images.filter((r) => r.startTime < readableMs);
    return {
      readableMs: readableMs === null ? null : round(readableMs, 0),
      resultMs: resultMs === null ? null : round(resultMs, 0),
      ...extra,
      bytes: figures.documentBytes + figures.resources.reduce((t, r) => t + r.transferSize, 0),
      requests: figures.resources.length + 1,
      imagesBeforeReadable: { requests: before.length, bytes: before.reduce((t, r) => t + r.transferSize, 0) },
      consoleErrors: [...session.consoleErrors],
    };
  } finally {
    await session.close();
  }
}

/**
 * One cold visit of the page `path` (e.g. `/notices/<slug>/`) of the site at `baseUrl` on the slow link:
 * waits until `readable` (selectors, default Modus's notice page) is shown, or 60 s. Returns { readableMs
 * (null when never shown), bytes, requests, imagesBeforeReadable: { requests, bytes } }.
 */
export async function slowPageVisit(baseUrl, path, readable = MODUS_NOTICE_READABLE, link = SLOW_LINK) {
  return slowSession(
    { readable, result: null },
    async (page) => {
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__modusSlowLink?.readableMs !== null, null, { timeout: 60_000, polling: 100 });
      return {};
    },
    link,
  );
}

/**
 * One cold first search on the slow link with `ui` (default Modus's search page): the search page opened,
 * `word` typed as soon as the box accepts it, until the first result is shown (or 60 s: throws).
 * Returns { resultMs (from the start of the navigation), typedMs (when typing started), afterTypingMs, bytes, requests }.
 */
export async function slowSearch(baseUrl, word, ui = modusSlowSearchUi(), link = SLOW_LINK) {
  return slowSession(
    { readable: [], result: ui.resultsSelector },
    async (page) => {
      const typeNow = await ui.type(page, baseUrl, word);
      const typedMs = round(await page.evaluate(() => performance.now()), 0);
      await typeNow();
      await page.waitForFunction(() => window.__modusSlowLink?.resultMs !== null, null, { timeout: 60_000, polling: 100 });
      const resultMs = await page.evaluate(() => window.__modusSlowLink.resultMs);
      return { typedMs, afterTypingMs: round(resultMs - typedMs, 0) };
    },
    link,
  );
}

/**
 * The slow-link figures of one or more sites in the same run: for each of `runs` rounds, each site's notice
 * page, then each site's first search (so a change in the machine's load falls on every site). `sites`:
 * [{ url, noticePath, readable (selectors), searchUi, word }]. Returns one entry per site:
 * { link, runs, notice: { path, readableMs (median), runsMs, bytes, imagesBeforeReadable },
 *   search: { word, ui, firstResultMs (median), afterTypingMs (median), runsMs, bytes } }.
 */
export async function measureSlowLink(sites, { runs = SLOW_LINK_RUNS, link = SLOW_LINK } = {}) {
  const visits = sites.map(() => []);
  const searches = sites.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, s] of sites.entries()) visits[k].push(await slowPageVisit(s.url, s.noticePath, s.readable, link));
    for (const [k, s] of sites.entries()) searches[k].push(await slowSearch(s.url, s.word, s.searchUi, link));
  }
  return sites.map((s, k) => ({
    link,
    runs,
    notice: {
      path: s.noticePath,
      readable: s.readable,
      readableMs: median(visits[k].map((v) => v.readableMs)),
      runsMs: visits[k].map((v) => v.readableMs),
      bytes: median(visits[k].map((v) => v.bytes)),
      requests: median(visits[k].map((v) => v.requests)),
      imagesBeforeReadable: visits[k][0]?.imagesBeforeReadable,
    },
    search: {
      word: s.word,
      ui: s.searchUi.name,
      firstResultMs: median(searches[k].map((v) => v.resultMs)),
      afterTypingMs: median(searches[k].map((v) => v.afterTypingMs)),
      runsMs: searches[k].map((v) => v.resultMs),
      bytes: median(searches[k].map((v) => v.bytes)),
      requests: median(searches[k].map((v) => v.requests)),
    },
  }));
}
