/**
 * The benchmark's peer: Starlight (Astro's documentation framework: Astro, MDX, Pagefind) building the
 * same generated notices. Its project lives in a folder outside the repository (by default
 * `<system temp>/modus-peer-starlight`): the pinned package.json and configuration of
 * `scripts/peer/starlight/` are copied there and installed with npm, and each notice of the corpus
 * becomes a Starlight page. See docs/performance.md, "Side by side with Starlight".
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { measureProcess, round } from './process.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TEMPLATE = path.join(ROOT, 'scripts/peer/starlight');
/** The peer's configuration file (Starlight with a sidebar of one link). */
export const PEER_CONFIG = 'astro.config.lean.mjs';
/** The packages whose installed versions each result records. */
const RECORDED = ['astro', '@astrojs/starlight', 'pagefind', 'sharp'];

/** The default folder of the peer's project: outside the repository, kept between runs (its node_modules is reused). */
export function defaultPeerDir() {
  return path.join(os.tmpdir(), 'modus-peer-starlight');
}

/** Runs npm (the one running this benchmark when started by `npm run`) in `dir`; rejects with its output when it fails. */
function npm(args, dir) {
  const env = { ...process.env };
  // `npm run bench` sets the repository as npm's local prefix: the peer must be installed in its own folder.
  delete env.npm_config_local_prefix;
  const [command, pre] = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...pre, ...args, '--prefix', dir], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`npm ${args.join(' ')} in ${dir} failed (exit ${code}):\n${out}`)),
    );
  });
}

/**
 * Makes `dir` the peer's project: the configuration files of scripts/peer/starlight/, and its packages
 * installed with npm unless the installed ones were made from the same package.json. Returns
 * { dir, installS (0 when reused), versions (installed versions of astro, starlight, pagefind, sharp) }.
 * Throws when npm fails or `dir` is inside the repository (the peer's node_modules must never be committed).
 */
export async function setUpPeer(dir, log = () => {}) {
  const abs = path.resolve(dir);
  if (abs === ROOT || abs.startsWith(ROOT + path.sep))
    throw new Error(`The peer's project must be outside the repository (${ROOT}), not in ${abs}: choose another --peer-dir.`);
  fs.mkdirSync(path.join(abs, 'src'), { recursive: true });
  fs.copyFileSync(path.join(TEMPLATE, PEER_CONFIG), path.join(abs, PEER_CONFIG));
  fs.copyFileSync(path.join(TEMPLATE, 'tsconfig.json'), path.join(abs, 'tsconfig.json'));
  fs.copyFileSync(path.join(TEMPLATE, 'content.config.mjs'), path.join(abs, 'src/content.config.mjs'));
  const manifest = fs.readFileSync(path.join(TEMPLATE, 'package.json'), 'utf8');
  const stamp = path.join(abs, 'node_modules/.modus-peer-package.json');
  let installS = 0;
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== manifest) {
    log(`   peer: npm install in ${abs}`);
    fs.writeFileSync(path.join(abs, 'package.json'), manifest);
    const t0 = performance.now();
    await npm(['install', '--no-audit', '--no-fund', '--loglevel=error'], abs);
    installS = round((performance.now() - t0) / 1000, 1);
    fs.writeFileSync(stamp, manifest);
  }
  const versions = Object.fromEntries(
    RECORDED.map((p) => [p, JSON.parse(fs.readFileSync(path.join(abs, 'node_modules', p, 'package.json'), 'utf8')).version]),
  );
  return { dir: abs, installS, versions };
}

/** `text` safe as the alt text of a Markdown image (no brackets or backslashes read as syntax). */
function altText(text) {
  return String(text ?? '').replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/**
 * One Modus notice (`index.mdx` text of the folder `slug`) as a Starlight page: frontmatter `title` (the
 * notice's title) and `description` (its summary), then the notice's images as Markdown images named
 * `./<slug>--<file>` (so Starlight processes them with astro:assets), then the notice's MDX body, unchanged.
 * Returns { mdx, body, images: [{ src, as }] } (`src`: the image's file in the notice folder, `as`: its
 * name beside the page). Throws when the text has no frontmatter.
 */
export function noticeToStarlight(text, slug) {
  const m = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`notice ${slug}: no frontmatter`);
  const data = YAML.parse(m[1]);
  const body = m[2] ?? '';
  const images = (data.images ?? []).map((img) => ({ src: img.src, as: `${slug}--${img.src}`, alt: img.alt }));
  const frontmatter = YAML.stringify({ title: data.title, description: data.summary }, { lineWidth: 0 });
  const gallery = images.map((img) => `![${altText(img.alt)}](./${img.as})\n`).join('\n');
  return { mdx: `---\n${frontmatter}---\n\n${gallery}${body}`, body, images: images.map(({ src, as }) => ({ src, as })) };
}

/** The peer's page of the notice file `noticeFile` (`notices/<slug>/index.mdx` in the corpus), in the peer's project `dir`. */
export function peerPageOf(dir, noticeFile) {
  const slug = path.basename(path.dirname(noticeFile));
  return path.join(dir, 'src/content/docs/notices', `${slug}.mdx`);
}

/**
 * Writes the corpus's notices into the peer's project `dir` as Starlight pages (noticeToStarlight), with
 * their images beside them (hard links, or copies across file systems), and a home page. Pages of a
 * previous corpus are removed first. Returns { pages, images }.
 */
export function convertCorpus(corpusDir, dir) {
  const docs = path.join(dir, 'src/content/docs');
  fs.rmSync(docs, { recursive: true, force: true });
  fs.mkdirSync(path.join(docs, 'notices'), { recursive: true });
  fs.writeFileSync(path.join(docs, 'index.mdx'), '---\ntitle: Home\n---\n\nNotices of concealment methods, for the benchmark.\n');
  let pages = 0;
  let images = 0;
  const noticesDir = path.join(corpusDir, 'notices');
  for (const slug of fs.readdirSync(noticesDir).sort()) {
    const from = path.join(noticesDir, slug);
    const page = noticeToStarlight(fs.readFileSync(path.join(from, 'index.mdx'), 'utf8'), slug);
    fs.writeFileSync(path.join(docs, 'notices', `${slug}.mdx`), page.mdx);
    for (const img of page.images) {
      const to = path.join(docs, 'notices', img.as);
      try {
        fs.linkSync(path.join(from, img.src), to);
      } catch {
        fs.copyFileSync(path.join(from, img.src), to);
      }
      images++;
    }
    pages++;
  }
  return { pages, images };
}

/** Removes what makes the peer's next build warm: its dist/, .astro/ and node_modules/.astro/ (content store, image cache). */
export function clearPeerCaches(dir) {
  for (const d of ['dist', '.astro', 'node_modules/.astro']) fs.rmSync(path.join(dir, d), { recursive: true, force: true });
}

/**
 * Builds the peer's project `dir` (`astro build --config astro.config.lean.mjs`, Pagefind included) on the
 * Node that runs the benchmark (the same as Modus's build), measured like Modus's build (measureProcess).
 * Its dist/ is kept between rebuilds, as Modus's is (Astro empties it itself). Returns { ok, exitCode, wallS, cpuS, peakRssBytes, pagesReported,
 * imagesGenerated, imagesReused (astro:assets' optimized images, from its log lines), log }.
 */
export async function measuredPeerBuild(dir, logFile) {
  let pages = 0;
  let imagesGenerated = 0;
  let imagesReused = 0;
  // Under a test runner (the benchmark's smoke test), the variables Vitest sets for its own tests must not
  // reach the peer's Astro: Astro reads DEV from the environment, and Starlight then renders its
  // development notice instead of the search box.
  const unset = process.env.VITEST
    ? Object.fromEntries(
        Object.keys(process.env)
          .filter((k) => k.startsWith('VITEST') || ['TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL'].includes(k))
          .map((k) => [k, undefined]),
      )
    : {};
  const measured = await measureProcess({
    command: process.execPath,
    args: [path.join(dir, 'node_modules/astro/bin/astro.mjs'), 'build', '--config', PEER_CONFIG],
    cwd: dir,
    env: { ...unset, NODE_ENV: 'production' },
    logFile,
    onLine: (line) => {
      const m = /(\d+) page\(s\) built in/.exec(line);
      if (m) pages = Number(m[1]);
      // astro:assets logs one line per optimized image: "▶ /_astro/<name>.webp (before: …, after: …)", or "(reused cache entry)".
      if (/▶ \/_astro\/\S+\.(webp|avif|png|jpe?g)\b/.test(line)) {
        if (line.includes('(reused cache entry)')) imagesReused++;
        else imagesGenerated++;
      }
    },
  });
  return {
    ok: measured.exitCode === 0,
    ...measured,
    pagesReported: pages,
    imagesGenerated,
    imagesReused,
    log: path.relative(ROOT, logFile),
  };
}

/**
 * Starlight's search UI: the home page, its search button opens a dialog with Pagefind's Default UI,
 * the word is typed into it; results are `.pagefind-ui__result` elements, the count is in
 * `.pagefind-ui__message`. (Starlight has no search address to open with the word in it.)
 */
export const starlightSearchUi = {
  name: 'Starlight search dialog (home page, Pagefind Default UI)',
  async search(page, baseUrl, word) {
    await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
    // The button is enabled by Starlight's script; the dialog's input appears once Pagefind's UI has loaded (on idle).
    await page.locator('button[data-open-modal]:not([disabled])').click({ timeout: 60_000 });
    const input = page.locator('#starlight__search input');
    await input.waitFor({ timeout: 60_000 });
    await input.fill(word);
    await page.waitForSelector('.pagefind-ui__result', { timeout: 60_000 });
    return { resultsSelector: '.pagefind-ui__result', summarySelector: '.pagefind-ui__message' };
  },
};

/**
 * Starlight on a slow link (scripts/bench/slow-link.mjs). Readable: the page's title and the first paragraph of
 * its content that is not an image (Starlight has no marking; the notice's photos come first, as Markdown
 * images in paragraphs). Search: the home page, the search button as soon as Starlight's script enables it,
 * the word typed into the dialog as soon as Pagefind's Default UI shows its box.
 */
export const starlightSlowLinkUi = {
  readable: ['main h1', '.sl-markdown-content > p:not(:has(img))'],
  search: {
    name: 'Starlight search dialog (home page), query typed',
    resultsSelector: '.pagefind-ui__result',
    async type(page, baseUrl, word) {
      await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
      await page.locator('button[data-open-modal]:not([disabled])').click({ timeout: 60_000 });
      const input = page.locator('#starlight__search input');
      await input.waitFor({ timeout: 60_000 });
      return () => input.fill(word, { timeout: 60_000 });
    },
  },
};
