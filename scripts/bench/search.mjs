/**
 * The first search of a reader, measured on the wire: a built site is served with `astro preview`
 * (gzip), Chromium (fresh profile, so nothing is cached) searches for one word through a proxy that
 * counts every byte the server sends (page, scripts, Pagefind's web worker, wasm, index, fragments).
 * How the search is started depends on the site's search UI: `modusSearchUi` here, the peer's in its
 * own module.
 */
import net from 'node:net';

/**
 * A TCP proxy in front of `target` (host:port URL) that counts the bytes the server sends to the
 * browser: exactly what went over the wire (headers and compressed bodies), whoever asked for it
 * (page or Pagefind's web worker). Returns { url, bytes(), lastActivity(), close() }.
 */
async function byteCountingProxy(target) {
  const { hostname, port } = new URL(target);
  let bytes = 0;
  let last = Date.now();
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    sockets.add(client).add(upstream);
    upstream.on('data', (d) => {
      bytes += d.length;
      last = Date.now();
    });
    client.on('data', () => {
      last = Date.now();
    });
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    bytes: () => bytes,
    lastActivity: () => last,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Kind of a request for the breakdown of a search's bytes. */
function requestKind(u) {
  const p = new URL(u).pathname;
  if (p.startsWith('/pagefind/')) {
    if (/\.pf_fragment$/.test(p)) return 'fragments';
    if (/\.pf_index$/.test(p)) return 'index';
    if (/\.pf_filter$/.test(p)) return 'filters';
    if (/\.pf_meta$|entry\.json$/.test(p)) return 'meta';
    if (/wasm/.test(p)) return 'wasm';
    if (/\.css$/.test(p)) return 'css';
    return 'js';
  }
  if (/\.(avif|webp|jpe?g|png|svg)$/.test(p)) return 'images';
  if (/\.(woff2?|ttf|otf)$/.test(p)) return 'fonts';
  if (/\.css$/.test(p)) return 'css';
  if (/\.js$/.test(p)) return 'js';
  return 'html';
}

/**
 * Modus's search UI in `lang` (en, fr, es, ar): that language's search page opened with the word in its
 * address (`/search/?q=<word>`, `/fr/search/?q=<word>`, …), which searches at once in that language's
 * index; results are `.pf-result` elements (Pagefind's Component UI), the count is in `pagefind-summary`.
 */
export function modusSearchUiIn(lang) {
  const prefix = lang === 'en' ? '' : `/${lang}`;
  return {
    name: `Modus search page (${prefix}/search/?q=)`,
    async search(page, baseUrl, word) {
      await page.goto(`${baseUrl}${prefix}/search/?q=${encodeURIComponent(word)}`, { waitUntil: 'load' });
      await page.waitForSelector('.pf-result', { timeout: 60_000 });
      return { resultsSelector: '.pf-result', summarySelector: 'pagefind-summary' };
    },
  };
}

/** Modus's search UI in English, at the site's root (`/search/?q=<word>`): see modusSearchUiIn. */
export const modusSearchUi = modusSearchUiIn('en');

/**
 * Searches `word` on the site served at `baseUrl` with `ui` (default Modus's search page) in Chromium
 * through a byte-counting proxy, waits until results are shown and the network has been quiet for 1 s,
 * and returns the bytes the server sent (total, and without images such as result thumbnails), a split
 * by kind (from Chromium's own request sizes, headers included), the requests, and the results shown.
 * Throws when no result appears within 60 s.
 */
export async function measureSearch(baseUrl, word, ui = modusSearchUi) {
  const { launch } = await import('../lib/chromium.ts');
  const proxy = await byteCountingProxy(baseUrl);
  const session = await launch({ viewport: { width: 390, height: 844 } });
  try {
    const page = await session.newPage();
    const requests = [];
    const pending = [];
    session.context.on('requestfinished', (r) => {
      pending.push(
        r
          .sizes()
          .then((z) => requests.push({ url: r.url(), kind: requestKind(r.url()), bytes: z.responseBodySize + z.responseHeadersSize }))
          .catch(() => {}),
      );
    });
    session.context.on('requestfailed', (r) =>
      requests.push({ url: r.url(), kind: requestKind(r.url()), bytes: 0, failed: r.failure()?.errorText ?? 'failed' }),
    );
    const { resultsSelector, summarySelector } = await ui.search(page, proxy.url, word);
    const deadline = Date.now() + 30_000;
    while (Date.now() - proxy.lastActivity() < 1000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await Promise.all(pending);
    const total = proxy.bytes();
    const results = await page.locator(resultsSelector).count();
    const summary = (await page.locator(summarySelector).first().textContent())?.trim() ?? '';
    const byKind = {};
    for (const r of requests) byKind[r.kind] = (byKind[r.kind] ?? 0) + r.bytes;
    const imageBytes = byKind.images ?? 0;
    return {
      word,
      results,
      summary,
      requests: requests.length,
      totalBytes: total,
      bytesWithoutImages: total - imageBytes,
      byKind,
      files: requests.map((r) => ({ path: new URL(r.url).pathname, kind: r.kind, bytes: r.bytes })),
      failed: requests.filter((r) => r.failed).map((r) => `${r.url}: ${r.failed}`),
      consoleErrors: [...session.consoleErrors],
    };
  } finally {
    await session.close();
    await proxy.close();
  }
}

/**
 * Serves `outDir` with `astro preview` on a free port: Modus's own (default), or the `astro` of another
 * project `root` with its `config` file (the peer's). Returns { url, stop() }.
 */
export async function serve(outDir, { root, config } = {}) {
  const { preview } = await import('../lib/preview.ts');
  return preview(outDir, {}, { root, config });
}
