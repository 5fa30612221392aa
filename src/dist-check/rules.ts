/**
 * The dist check (issue 5, "Proof after every build"; DESIGN.md, "Audiences and markings"):
 * scans every file of a built dist/ and reports every leak and every breach of the site's rules:
 * - `withheld`: the id, slug, alias or a distinctive sentence of a notice or course above the
 *   build's audience, in any file (HTML, XML, JSON, JS, CSS, and Pagefind's gzip-compressed
 *   fragment, index, meta and filter files, decompressed and decoded), in any file path, or a
 *   browse page / search filter value only withheld notices have, or an image variant (`_img/`, named by
 *   its source's content id) of an image the audience may not see;
 * - `image-metadata`: an image carrying EXIF, XMP, IPTC or text metadata (where GPS position,
 *   camera serial, creator and capture time live; published images carry none at all);
 * - `original-copy`: a byte copy of any original file of the content folder;
 * - `other-host`: a page that makes the browser load anything from another host (scripts, styles,
 *   images, frames, fonts, form targets, refresh targets, CSS `url()`/`@import`). Plain links
 *   (`<a href>`, e.g. to a source) are navigation, not requests, and are allowed;
 * - `csp`: a page without its Content-Security-Policy meta tag, or with markup that policy would
 *   block or that runs code (inline scripts, scripts on content pages, event handlers, inline styles,
 *   `javascript:` URLs);
 * - `marking`: a notice page without the banner of its marking (the highest of the notice's and of the
 *   images it shows), or without that marking on printed pages;
 * - `admin`: /admin/ present although MODUS_ADMIN=off.
 * Reads only; returns findings (empty when dist/ is clean).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { audienceMaySee, highestTlp, tlpClass, tlpLabel, type Audience } from '../model/tlp.ts';
import { cspMeta, pageTypeOf } from '../render/csp.ts';
import { NOTICE_ID_IN_TEXT } from '../model/fields.ts';
import { cborStrings, decodeCborSequence } from './pagefind/cbor.ts';
import { PhraseIndex, phrasesOf, sentences, words } from './pagefind/phrases.ts';
import type { ContentManifest, ManifestEntry } from './content-manifest.ts';
import { contentId } from '../loading/images/image-cache.ts';
import { VARIANT_BASE } from '../loading/images/image-variants.ts';

/** Kinds of finding. */
export type DistRule = 'withheld' | 'image-metadata' | 'original-copy' | 'other-host' | 'csp' | 'marking' | 'admin';

/** One finding: the dist/ file (relative path), the rule broken, and what was found. */
export interface DistFinding {
  file: string;
  rule: DistRule;
  message: string;
}

/** What the check needs: dist/, the build's settings, the content as read from the files. */
export interface DistCheckOptions {
  distDir: string;
  audience: Audience;
  admin: boolean;
  /** Origin the site is served at (MODUS_SITE_URL); absolute URLs to it are not another host. */
  siteUrl: string;
  manifest: ContentManifest;
  /** Texts the site itself shows (e.g. marking definitions): their phrases are never distinctive. */
  commonTexts?: readonly string[];
}

const PAGEFIND_PREFIX = 'pagefind_dcd';
const IMAGE_EXT = /\.(jpe?g|png|webp|avif|gif|tiff?|heic|heif)$/i;
const HTML_EXT = /\.(html?|xhtml)$/i;
const XML_EXT = /\.(xml|svg|rss|atom)$/i;
const JSON_EXT = /\.(json|webmanifest)$/i;
const HYPHENATED = /[a-z0-9]+(?:-[a-z0-9]+)+/g;
const URL_SLUG = /\/(notices|courses)\/([^/"'\s?#<>)\\]+)/g;

/** A reference to a withheld entry, for messages. */
function describe(e: ManifestEntry): string {
  return `${e.kind} ${e.id ? `${e.id} ` : ''}(${tlpLabel(e.tlp)}, ${e.file})`;
}

/** Decodes the HTML character references Astro and @astrojs/rss write (named basics and numeric). */
export function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return named[ref.toLowerCase()] ?? m;
  });
}

/** Attributes whose values are text a reader sees (kept when markup is turned into text). */
const TEXT_ATTRIBUTES = new Set([
  'alt',
  'title',
  'content',
  'aria-label',
  'placeholder',
  'value',
  'label',
  'summary',
  'data-pagefind-meta',
]);

/** One tag of an HTML document: name (lower case), attributes (names lower case, values decoded). */
export interface Tag {
  name: string;
  attrs: Map<string, string>;
  closing: boolean;
}

/** An HTML document as scanned: its tags, and the bodies of its script and style elements. */
export interface ScannedHtml {
  tags: Tag[];
  scripts: Array<{ attrs: Map<string, string>; body: string }>;
  styles: string[];
}

const TAG_AT = /<(\/?)([a-zA-Z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;

function attributesOf(raw: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const a of raw.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
    attrs.set(a[1]!.toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
  }
  return attrs;
}

/**
 * Scans an HTML/XML text the way a browser's tokenizer sees what matters here: tags with their
 * attributes (a quoted value is consumed whole, so markup written inside an attribute is not a
 * tag), comments skipped, and the raw bodies of `<script>` and `<style>` (not scanned for tags).
 */
export function scanHtml(html: string): ScannedHtml {
  const out: ScannedHtml = { tags: [], scripts: [], styles: [] };
  const lower = html.toLowerCase();
  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      pos = close < 0 ? html.length : close + 3;
      continue;
    }
    TAG_AT.lastIndex = lt;
    const m = TAG_AT.exec(html);
    if (!m) {
      pos = lt + 1;
      continue;
    }
    const tag: Tag = { name: m[2]!.toLowerCase(), attrs: attributesOf(m[3]!), closing: m[1] === '/' };
    out.tags.push(tag);
    pos = TAG_AT.lastIndex;
    if (!tag.closing && (tag.name === 'script' || tag.name === 'style') && !/\/\s*$/.test(m[3]!)) {
      const close = lower.indexOf(`</${tag.name}`, pos);
      const end = close < 0 ? html.length : close;
      if (tag.name === 'script') out.scripts.push({ attrs: tag.attrs, body: html.slice(pos, end) });
      else out.styles.push(html.slice(pos, end));
      pos = end;
    }
  }
  return out;
}

/**
 * Tags of an HTML/XML text, in order (see `scanHtml`). Exported so tests can read a built page exactly
 * as this check reads it (tests/site/hostile-input.test.ts).
 */
export function tagsOf(html: string): Tag[] {
  return scanHtml(html).tags;
}

/** The text of an HTML or XML document: tags become spaces plus their text attributes; entities decoded. */
export function markupText(html: string): string {
  const noCdata = html.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, t: string) => t.replace(/</g, '&lt;'));
  return decodeEntities(
    noCdata.replace(/<!--([\s\S]*?)-->/g, ' $1 ').replace(/<\/?[a-zA-Z][\w:.-]*((?:[^>"']|"[^"]*"|'[^']*')*)>/g, (_, attrs: string) => {
      const kept: string[] = [];
      for (const a of attrs.matchAll(/([^\s=/>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (TEXT_ATTRIBUTES.has(a[1]!.toLowerCase())) kept.push(a[2] ?? a[3] ?? '');
      }
      return ` ${kept.join(' ')} `;
    }),
  );
}

/** Every string in a JSON value. */
function jsonStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) jsonStrings(x, out);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      jsonStrings(x, out);
    }
  return out;
}

/** Decompresses a Pagefind data file (gzip, then the `pagefind_dcd` signature). */
export function pagefindPayload(raw: Buffer): Buffer {
  const buf = raw[0] === 0x1f && raw[1] === 0x8b ? zlib.gunzipSync(raw) : raw;
  return buf.subarray(0, PAGEFIND_PREFIX.length).toString('latin1') === PAGEFIND_PREFIX ? buf.subarray(PAGEFIND_PREFIX.length) : buf;
}

/** True when a URL points at a host other than `self` (an origin). Relative, data:, blob:, about: are not. */
export function isOtherHost(url: string, self: string): boolean {
  // eslint-disable-next-line no-control-regex
  const u = url.replace(/[\u0000-\u0020]/g, '');
  if (u.startsWith('//')) return new URL(`http:${u}`).host !== new URL(self).host;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(u)?.[1]?.toLowerCase();
  if (!scheme || ['data', 'blob', 'about', 'mailto', 'tel', 'javascript'].includes(scheme)) return false;
  try {
    return new URL(u).origin !== new URL(self).origin;
  } catch {
    return true;
  }
}

/** URLs in CSS (`url(...)`, `@import "..."`). */
function cssUrls(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  for (const m of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) out.push(m[1] ?? m[2] ?? '');
  return out;
}

/** URLs of `srcset` (or `imagesrcset`): the first token of each comma-separated candidate. */
function srcsetUrls(v: string): string[] {
  return v
    .split(/,(?=\s*\S)/)
    .map((c) => c.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** Attributes that make the browser load a URL by itself, for any element. */
const LOADING_ATTRIBUTES = ['src', 'poster', 'data', 'action', 'formaction', 'background', 'manifest', 'ping', 'xlink:href'];

/** Every URL a page makes the browser load (not plain links), with where it was found. */
export function loadedUrls(html: string): Array<{ url: string; where: string }> {
  const out: Array<{ url: string; where: string }> = [];
  const scanned = scanHtml(html);
  for (const tag of scanned.tags) {
    if (tag.closing) continue;
    for (const a of LOADING_ATTRIBUTES) {
      const v = tag.attrs.get(a);
      if (v) out.push({ url: v, where: `<${tag.name} ${a}>` });
    }
    for (const a of ['srcset', 'imagesrcset']) {
      const v = tag.attrs.get(a);
      if (v) for (const u of srcsetUrls(v)) out.push({ url: u, where: `<${tag.name} ${a}>` });
    }
    const href = tag.attrs.get('href');
    if (href && ['link', 'base', 'image', 'use', 'feimage', 'script'].includes(tag.name))
      out.push({ url: href, where: `<${tag.name} href>` });
    if (tag.name === 'meta' && tag.attrs.get('http-equiv')?.toLowerCase() === 'refresh') {
      const m = /url\s*=\s*['"]?([^'"]+)/i.exec(tag.attrs.get('content') ?? '');
      if (m) out.push({ url: m[1]!.trim(), where: '<meta http-equiv="refresh">' });
    }
    const style = tag.attrs.get('style');
    if (style) for (const u of cssUrls(style)) out.push({ url: u, where: `<${tag.name} style>` });
  }
  for (const css of scanned.styles) for (const u of cssUrls(css)) out.push({ url: u, where: '<style>' });
  return out;
}

/** Breaches of the page's Content-Security-Policy and active markup, for a page of dist/. */
export function cspProblems(rel: string, html: string): string[] {
  const type = pageTypeOf(`/${rel.replace(/index\.html$/, '')}`);
  const problems: string[] = [];
  const scanned = scanHtml(html);
  const tags = scanned.tags;
  const metas = tags.filter((t) => t.name === 'meta' && t.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy');
  if (metas.length === 0) problems.push(`has no Content-Security-Policy meta tag (page type "${type}")`);
  else if (type !== 'admin' && metas[0]!.attrs.get('content') !== cspMeta(type)) {
    problems.push(`has Content-Security-Policy "${metas[0]!.attrs.get('content')}" instead of the ${type} policy "${cspMeta(type)}"`);
  }
  for (const { attrs, body } of scanned.scripts) {
    const kind = (attrs.get('type') ?? '').toLowerCase();
    const executable = ['', 'module', 'text/javascript', 'application/javascript', 'importmap', 'speculationrules'].includes(kind);
    if (!executable) continue;
    if (!attrs.has('src'))
      problems.push(`has an inline <script>${body.trim() ? ` (${body.trim().slice(0, 40)}…)` : ''}, which no policy of the site allows`);
    else if (type === 'content') problems.push(`loads script ${attrs.get('src')}, but content pages run no script`);
  }
  for (const tag of tags) {
    if (tag.closing) continue;
    for (const [name, value] of tag.attrs) {
      if (name.startsWith('on')) problems.push(`has an event handler ${name}= on <${tag.name}>`);
      if (
        ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) &&
        /^\s*javascript:/i.test(value.replace(/[\u0000-\u001f]/g, ''))
      ) {
        problems.push(`has a javascript: URL in <${tag.name} ${name}>`);
      }
      if (name === 'style' && type !== 'admin') problems.push(`has an inline style= on <${tag.name}>, which the ${type} policy blocks`);
    }
    if (tag.name === 'style' && type !== 'admin') problems.push('has an inline <style> element, which the policy blocks');
  }
  return problems;
}

/**
 * The (filter name, value) pairs of a decoded Pagefind filter file: wherever a `[name, [[value,
 * pages], …]]` pair occurs in it (Pagefind 1.x writes one such pair per filter).
 */
export function filterValues(decoded: unknown): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const visit = (v: unknown) => {
    if (!Array.isArray(v)) return;
    if (
      v.length === 2 &&
      typeof v[0] === 'string' &&
      Array.isArray(v[1]) &&
      v[1].every((e) => Array.isArray(e) && typeof e[0] === 'string')
    ) {
      for (const e of v[1] as Array<[string]>) out.push([v[0], e[0]]);
      return;
    }
    for (const x of v) visit(x);
  };
  visit(decoded);
  return out;
}

/** Hex SHA-256 of a file. */
function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Every file under `dir`, as posix paths relative to it. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}

/** Runs every check on `options.distDir`; returns the findings, in file order. */
export async function checkDist(options: DistCheckOptions): Promise<DistFinding[]> {
  const { distDir, audience, manifest } = options;
  const findings: DistFinding[] = [];
  const seen = new Set<string>();
  const add = (file: string, rule: DistRule, message: string) => {
    const key = `${file}\0${rule}\0${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      findings.push({ file, rule, message });
    }
  };

  const visible = manifest.entries.filter((e) => audienceMaySee(audience, e.tlp));
  const withheld = manifest.entries.filter((e) => !audienceMaySee(audience, e.tlp));

  // What a withheld entry leaves behind: ids, slugs and aliases, phrases, exclusive facet values.
  const withheldIds = new Map(withheld.filter((e) => e.id).map((e) => [e.id!, e]));
  const withheldPaths = new Map<string, ManifestEntry>();
  const visibleSlugs = new Set(visible.flatMap((e) => [e.slug, ...e.aliases]));
  const withheldTokens = new Map<string, ManifestEntry>();
  for (const e of withheld) {
    for (const s of [e.slug, ...e.aliases]) {
      withheldPaths.set(`${e.kind === 'notice' ? 'notices' : 'courses'}/${s}`, e);
      if (s.includes('-') && !visibleSlugs.has(s)) withheldTokens.set(s, e);
    }
  }
  const phrases = new PhraseIndex<ManifestEntry>();
  for (const e of withheld) for (const t of e.texts) for (const s of sentences(t)) for (const p of phrasesOf(s)) phrases.add(p, e);
  // Phrases that visible content or the site itself also says are not distinctive (one pass, then one removal).
  const notDistinctive = new Set<string>();
  for (const t of [...visible.flatMap((e) => e.texts), ...(options.commonTexts ?? [])]) {
    for (const f of phrases.find(words(t))) notDistinctive.add(f.phrase);
  }
  phrases.remove(notDistinctive);
  const visibleFacet = new Set(visible.flatMap((e) => e.facets.map((f) => `${f.facet}\0${f.value}`)));
  const visibleFilter = new Set(visible.flatMap((e) => e.facets.filter((f) => f.filter).map((f) => `${f.filter}\0${f.label}`)));
  const exclusiveBrowse = new Map<string, ManifestEntry>();
  const exclusiveFilter = new Map<string, ManifestEntry>();
  for (const e of withheld) {
    for (const f of e.facets) {
      if (!visibleFacet.has(`${f.facet}\0${f.value}`)) exclusiveBrowse.set(`browse/${f.facet}/${encodeURIComponent(f.value)}/`, e);
      if (f.filter && !visibleFilter.has(`${f.filter}\0${f.label}`)) exclusiveFilter.set(`${f.filter}\0${f.label}`, e);
    }
  }

  const scanText = (rel: string, text: string) => {
    for (const m of text.matchAll(NOTICE_ID_IN_TEXT)) {
      const e = withheldIds.get(m[0].toUpperCase());
      if (e) add(rel, 'withheld', `contains the id ${m[0]} of withheld ${describe(e)}`);
    }
    for (const m of text.matchAll(URL_SLUG)) {
      let seg = m[2]!;
      try {
        seg = decodeURIComponent(seg);
      } catch {
        /* keep as written */
      }
      const e = withheldPaths.get(`${m[1]}/${seg}`);
      if (e) add(rel, 'withheld', `links to /${m[1]}/${seg}/, the page of withheld ${describe(e)}`);
    }
    if (withheldTokens.size) {
      for (const m of text.toLowerCase().matchAll(HYPHENATED)) {
        const e = withheldTokens.get(m[0]);
        if (e) add(rel, 'withheld', `contains "${m[0]}", the slug of withheld ${describe(e)}`);
      }
    }
    if (phrases.size) {
      for (const f of phrases.find(words(text))) add(rel, 'withheld', `contains text of withheld ${describe(f.owner)}: "${f.phrase}"`);
    }
  };

  // Originals of the content folder, by size, to find byte copies without hashing everything.
  const originalsBySize = new Map<number, string[]>();
  const distPrefix = path.resolve(distDir) + path.sep;
  for (const o of manifest.originals) {
    if (path.resolve(o).startsWith(distPrefix)) continue; // dist/ inside the content folder is not content
    const size = fs.statSync(o).size;
    if (size === 0) continue;
    originalsBySize.set(size, [...(originalsBySize.get(size) ?? []), o]);
  }
  const originalHash = new Map<string, string>();

  const files = filesUnder(distDir);
  const cssTexts: string[] = [];
  const visibleNoticePages = new Map(visible.filter((e) => e.kind === 'notice').map((e) => [`notices/${e.slug}/index.html`, e]));
  const pagesSeen = new Set<string>();

  if (!options.admin && files.some((f) => f.startsWith('admin/'))) {
    add('admin/', 'admin', 'MODUS_ADMIN=off, but dist/admin/ exists: an officer deployment must not carry the CMS');
  }

  // Image variants are named by their source's content id (src/loading/images/image-cache.ts): a variant of an
  // image the audience may not see (its own or its notice's marking) is a leak, unless the same bytes
  // are also an image it may see.
  const withheldImages = new Map<string, { file: string; entry: ManifestEntry }>();
  for (const e of manifest.entries) {
    for (const img of e.images) {
      if (!audienceMaySee(audience, img.tlp) && fs.existsSync(img.file))
        withheldImages.set(await contentId(img.file), { file: img.file, entry: e });
    }
  }
  // Ids of the images the audience may see: hashed only when a variant of a withheld image is found.
  let visibleImageIds: Set<string> | undefined;
  const isVisibleImage = async (id: string) => {
    if (!visibleImageIds) {
      visibleImageIds = new Set();
      for (const e of visible) {
        for (const img of e.images)
          if (audienceMaySee(audience, img.tlp) && fs.existsSync(img.file)) visibleImageIds.add(await contentId(img.file));
      }
    }
    return visibleImageIds.has(id);
  };
  const variantDir = VARIANT_BASE.slice(1);

  for (const rel of files) {
    const abs = path.join(distDir, rel);
    if (rel.startsWith(variantDir)) {
      const id = rel.slice(variantDir.length, variantDir.length + 20);
      const of = withheldImages.get(id);
      if (of && !(await isVisibleImage(id)))
        add(
          rel,
          'withheld',
          `is a variant of ${path.relative(manifest.contentDir, of.file)}, an image this audience may not see (of ${describe(of.entry)})`,
        );
    }
    // File paths: a page or redirect of a withheld entry, or a browse page only withheld notices fill.
    const entryDir = /^(notices|courses)\/([^/]+)\//.exec(rel);
    const pageOf = entryDir && withheldPaths.get(`${entryDir[1]}/${entryDir[2]}`);
    if (pageOf) add(rel, 'withheld', `is a page of withheld ${describe(pageOf)}`);
    for (const m of rel.matchAll(NOTICE_ID_IN_TEXT)) {
      const e = withheldIds.get(m[0].toUpperCase());
      if (e) add(rel, 'withheld', `is named after the id of withheld ${describe(e)}`);
    }
    const browseDir = /^browse\/[^/]+\/[^/]+\//.exec(rel);
    const browseOf = browseDir && exclusiveBrowse.get(browseDir[0]);
    if (browseOf) add(rel, 'withheld', `is a browse page that only withheld ${describe(browseOf)} fills`);

    const size = fs.statSync(abs).size;
    const sameSize = originalsBySize.get(size);
    if (sameSize) {
      const h = sha256(abs);
      for (const o of sameSize) {
        if (!originalHash.has(o)) originalHash.set(o, sha256(o));
        if (originalHash.get(o) === h)
          add(
            rel,
            'original-copy',
            `is a byte copy of the original ${path.relative(manifest.contentDir, o)} (content folder); only resized copies without metadata may be published`,
          );
      }
    }

    if (IMAGE_EXT.test(rel)) {
      try {
        const meta = await sharp(abs).metadata();
        const blocks = [
          meta.exif && 'EXIF',
          meta.xmp && 'XMP',
          meta.iptc && 'IPTC',
          meta.tifftagPhotoshop && 'Photoshop',
          meta.comments?.length && `text (${meta.comments.map((c) => c.keyword).join(', ')})`,
        ].filter(Boolean);
        if (blocks.length) {
          add(
            rel,
            'image-metadata',
            `carries ${blocks.join(', ')} metadata, where GPS position, camera serial, creator and capture time are kept; published images must carry none`,
          );
        }
      } catch (err) {
        add(rel, 'image-metadata', `cannot be read as an image to check its metadata (${(err as Error).message})`);
      }
      continue;
    }

    const raw = fs.readFileSync(abs);
    let texts: string[];
    if (/\.pf_fragment$/.test(rel)) {
      texts = jsonStrings(JSON.parse(pagefindPayload(raw).toString('utf8')));
    } else if (/\.pf_(index|meta|filter)$/.test(rel)) {
      const values = decodeCborSequence(pagefindPayload(raw));
      texts = cborStrings(values);
      if (rel.endsWith('.pf_filter')) {
        for (const [name, label] of filterValues(values)) {
          const e = exclusiveFilter.get(`${name}\0${label}`);
          if (e) add(rel, 'withheld', `has the search filter value ${name} = "${label}", which only withheld ${describe(e)} has`);
        }
      }
    } else if (/\.pagefind$|\.wasm$|\.(woff2?|ttf|otf|ico)$/.test(rel) || raw.subarray(0, 8192).includes(0)) {
      continue; // compiled code and fonts: no content
    } else {
      const s = raw.toString('utf8');
      if (HTML_EXT.test(rel) || XML_EXT.test(rel)) texts = [markupText(s), s];
      else if (JSON_EXT.test(rel)) {
        try {
          texts = jsonStrings(JSON.parse(s));
        } catch {
          texts = [s];
        }
      } else texts = [s];
      if (rel.endsWith('.css')) {
        cssTexts.push(s);
        for (const u of cssUrls(s)) if (isOtherHost(u, options.siteUrl)) add(rel, 'other-host', `loads ${u} from another host (CSS)`);
      }
      if (HTML_EXT.test(rel) || rel.endsWith('.svg')) {
        for (const { url, where } of loadedUrls(s)) {
          if (isOtherHost(url, options.siteUrl)) add(rel, 'other-host', `makes the browser load ${url} from another host (${where})`);
        }
      }
      if (HTML_EXT.test(rel)) {
        for (const p of cspProblems(rel, s)) add(rel, 'csp', p);
        const notice = visibleNoticePages.get(rel);
        if (notice) {
          pagesSeen.add(rel);
          // The page is handled under the highest marking it shows: its notice's, or an image's above it.
          const marking = highestTlp([notice.tlp, ...notice.images.filter((i) => audienceMaySee(audience, i.tlp)).map((i) => i.tlp)]);
          const cls = tlpClass(marking);
          const banner = new RegExp(`class="marking-banner marking-banner--${cls}"[^]*?${tlpLabel(marking).replace('+', '\\+')}<`);
          if (!banner.test(s)) add(rel, 'marking', `has no ${tlpLabel(marking)} marking banner`);
          if (!s.includes(`print-page--${cls}`))
            add(rel, 'marking', `is not set up to print ${tlpLabel(marking)} on every page (class print-page--${cls})`);
        }
      }
    }
    for (const t of texts) scanText(rel, t);
    scanText(rel, rel);
  }

  for (const [rel, e] of visibleNoticePages) if (!pagesSeen.has(rel)) add(rel, 'marking', `is missing: ${describe(e)} has no page`);
  const css = cssTexts.join('\n');
  for (const tlp of new Set([...visibleNoticePages.values()].map((e) => e.tlp))) {
    const cls = tlpClass(tlp);
    const named = new RegExp(`\\.print-page--${cls}\\s*\\{[^}]*page:\\s*tlp-${cls}`);
    const box = new RegExp(`@page\\s+tlp-${cls}\\s*\\{[^]*?content:\\s*["']${tlpLabel(tlp).replace('+', '\\+')}["']`);
    if (!named.test(css) || !box.test(css)) {
      add(
        '_astro/*.css',
        'marking',
        `the stylesheet does not print ${tlpLabel(tlp)} on every printed page (@page tlp-${cls} with the marking in its page margins)`,
      );
    }
  }
  return findings;
}

/** One readable report of findings, grouped by rule, at most `limit` lines per rule. */
export function formatFindings(findings: readonly DistFinding[], limit = 25): string {
  const byRule = new Map<DistRule, DistFinding[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const lines = [`The dist check found ${findings.length} problem${findings.length === 1 ? '' : 's'}; this build must not be deployed:`];
  for (const [rule, list] of byRule) {
    lines.push(`  ${rule} (${list.length}):`);
    for (const f of list.slice(0, limit)) lines.push(`    dist/${f.file} ${f.message}`);
    if (list.length > limit) lines.push(`    … and ${list.length - limit} more`);
  }
  return lines.join('\n');
}
