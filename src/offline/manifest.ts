/**
 * The offline manifest (docs/offline.md): what an offline copy of this build holds, read from the built
 * dist/ after the search index is made (scripts/lib/finish-build.mjs). Every path in it is relative to the
 * site's base path (`notices/x/` for the page at `<base>notices/x/`), so a copy works under any base, and
 * every file carries its size in bytes:
 * - `shell`: what every copy needs: the home, search, markings and offline pages in each language, the one
 *   404 page (in all four languages), the stylesheets, fonts and scripts they load, the search bundle and its whole index;
 * - `notices[slug]`: a notice's page in each language and the image variants those pages show;
 * - `courses[slug]`: a course's pages (and handouts) in each language with their images, and the slugs of
 *   the notices it links to.
 * Pages stay free of the build id: the manifest is rewritten on every build, no page is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LANGUAGE_CODES, pathInLanguage } from '../model/languages.ts';
import { courseUrl, handoutUrl, homeUrl, markingsUrl, noticeUrl, offlineUrl, searchUrl } from '../knowledge/urls.ts';
import { isRedirectHtml } from '../search/searchable.ts';

/** A file of the copy: its path relative to the base (a page by its address, `notices/x/`) and its size in bytes. */
export type ManifestFile = [path: string, bytes: number];

/** What an offline copy of one build holds (dist/offline/manifest.json). */
export interface OfflineManifest {
  /** Format of this file; raised when its shape changes. */
  version: 1;
  /** The build's id (a digest of what it was made from) and when it was made (ISO 8601). */
  id: string;
  time: string;
  shell: ManifestFile[];
  notices: Record<string, ManifestFile[]>;
  courses: Record<string, { files: ManifestFile[]; notices: string[] }>;
}

/** Folders of dist/ saved whole with the shell: the search bundle and index, and its wrapper module. */
const SHELL_FOLDERS = ['pagefind/', 'js/'];
/** Single files of the shell. */
const SHELL_FILES = ['favicon.svg', 'no-image.svg', '404.html'];

/** The base path (`/`, `/any/path/`) of a site address such as `https://host/any/path` or `https://host`. */
export function basePathOf(siteUrl: string): string {
  return new URL(`${siteUrl.replace(/\/+$/, '')}/`).pathname;
}

/** Reads the built dist/ `outDir` of a site served at `base`; throws when a page the shell needs is missing. */
export function offlineManifest(outDir: string, base: string, build: { id: string; time: string }): OfflineManifest {
  const dist = new Dist(outDir, base);
  const shellPages = LANGUAGE_CODES.flatMap((l) => [homeUrl(l), searchUrl(l), markingsUrl(l), offlineUrl(l)]).map((u) => dist.page(u));
  const shell = new Set<string>();
  for (const p of shellPages) dist.addPage(shell, p, true);
  for (const f of SHELL_FILES) if (dist.size(f) !== undefined) dist.addPage(shell, f, false);
  for (const folder of SHELL_FOLDERS) for (const f of dist.filesUnder(folder)) shell.add(f);
  for (const f of [...shell]) if (f.endsWith('.css')) for (const u of dist.cssUrls(f)) shell.add(u);
  // The modules the scripts import (chunks Astro shares between pages): a Set iterates what is added to it.
  for (const f of shell) if (f.startsWith('_astro/') && f.endsWith('.js')) for (const u of dist.jsImports(f)) shell.add(u);

  const notices: OfflineManifest['notices'] = {};
  for (const slug of dist.folders('notices/')) {
    if (slug === 'page') continue; // the notice list's pages
    const files = new Set<string>();
    for (const l of LANGUAGE_CODES) dist.addPage(files, dist.page(noticeUrl(slug, l)), false);
    if (files.size) notices[slug] = dist.sized(files, shell);
  }
  const courses: OfflineManifest['courses'] = {};
  for (const slug of dist.folders('courses/')) {
    const files = new Set<string>();
    const linked = new Set<string>();
    for (const l of LANGUAGE_CODES) {
      const page = dist.page(courseUrl(slug, l));
      if (!dist.addPage(files, page, false)) continue;
      dist.addPage(files, dist.page(handoutUrl(slug, l)), false);
      for (const n of dist.linkedNotices(page)) if (notices[n]) linked.add(n);
    }
    if (files.size) courses[slug] = { files: dist.sized(files, shell), notices: [...linked].sort() };
  }
  return { version: 1, id: build.id, time: build.time, shell: dist.sized(shell, new Set()), notices, courses };
}

/** Bytes of the union of `lists` (a file in several lists counted once). */
export function totalBytes(lists: Iterable<readonly ManifestFile[]>): number {
  const seen = new Map<string, number>();
  for (const list of lists) for (const [p, n] of list) seen.set(p, n);
  return [...seen.values()].reduce((a, b) => a + b, 0);
}

/** Reading dist/: pages by address, the files they load, sizes. */
class Dist {
  private readonly outDir: string;
  private readonly base: string;
  constructor(outDir: string, base: string) {
    this.outDir = outDir;
    this.base = base;
  }

  /** An address of src/knowledge/urls.ts (with the base in front, or from the root) relative to the base. */
  page(url: string): string {
    return url.startsWith(this.base) ? this.rel(url) : url.replace(/^\/+/, '');
  }

  /** `url` (an address a built page holds, base included) relative to the base; '' when it is not under the base. */
  rel(url: string): string {
    const pathname = url.split(/[?#]/)[0]!;
    return pathname.startsWith(this.base) ? decodeURIComponent(pathname.slice(this.base.length)) : '';
  }

  /** The file of dist/ behind a path relative to the base (a page's address ends with `/`). */
  private file(rel: string): string {
    return path.join(this.outDir, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
  }

  /** Size in bytes of the file behind `rel`, or undefined when there is none. */
  size(rel: string): number | undefined {
    const st = fs.statSync(this.file(rel), { throwIfNoEntry: false });
    return st?.isFile() ? st.size : undefined;
  }

  /**
   * Adds the page `rel` and the files it loads (images, stylesheets, scripts of this site) to `into`;
   * false when there is no such page or it is a redirect. Throws when `required` and it is missing.
   */
  addPage(into: Set<string>, rel: string, required: boolean): boolean {
    if (this.size(rel) === undefined) {
      if (required) throw new Error(`the offline copy needs the page ${this.base}${rel}, which the build did not make`);
      return false;
    }
    const html = fs.readFileSync(this.file(rel), 'utf8');
    if (isRedirectHtml(html)) return false;
    into.add(rel);
    for (const u of this.loadedBy(html)) into.add(u);
    return true;
  }

  /** Files of this site (relative to the base, existing in dist/) that `html` loads: img, source, link, script. */
  private loadedBy(html: string): string[] {
    const out: string[] = [];
    for (const [tag] of html.matchAll(/<(?:img|source|link|script)\b[^>]*>/gi)) {
      for (const m of tag.matchAll(/\s(src|href|srcset)="([^"]*)"/gi)) {
        const urls = m[1]!.toLowerCase() === 'srcset' ? m[2]!.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [m[2]!];
        for (const u of urls.map((x) => this.rel(x.replaceAll('&amp;', '&'))))
          if (u && !u.endsWith('/') && this.size(u) !== undefined) out.push(u);
      }
    }
    return out;
  }

  /** Files of this site named by `url()` in the stylesheet `rel` (fonts), relative to the base. */
  cssUrls(rel: string): string[] {
    const css = fs.readFileSync(this.file(rel), 'utf8');
    const out: string[] = [];
    for (const m of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
      if (/^(data|https?):/i.test(m[1]!)) continue;
      const u = this.rel(new URL(m[1]!, `http://x${this.base}${rel}`).pathname);
      if (u && this.size(u) !== undefined) out.push(u);
    }
    return out;
  }

  /** Files of this site that the module `rel` imports (`import … from "./x.js"`, `import("./x.js")`), relative to the base. */
  jsImports(rel: string): string[] {
    const js = fs.readFileSync(this.file(rel), 'utf8');
    const out: string[] = [];
    for (const m of js.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+\.js)["']/g)) {
      if (/^[a-z]+:/i.test(m[1]!)) continue;
      const u = this.rel(new URL(m[1]!, `http://x${this.base}${rel}`).pathname);
      if (u && this.size(u) !== undefined) out.push(u);
    }
    return out;
  }

  /** Slugs of the notices the page `rel` links to (in any language). */
  linkedNotices(rel: string): string[] {
    const html = fs.readFileSync(this.file(rel), 'utf8');
    const out: string[] = [];
    for (const m of html.matchAll(/\shref="([^"#?]*)"/g)) {
      const r = this.rel(m[1]!);
      for (const l of LANGUAGE_CODES) {
        const prefix = pathInLanguage('/notices/', l).slice(1);
        const slug = r.startsWith(prefix) ? /^([^/]+)\/$/.exec(r.slice(prefix.length))?.[1] : undefined;
        if (slug) out.push(slug);
      }
    }
    return out;
  }

  /** Names of the folders in the folder `rel` of dist/, sorted. */
  folders(rel: string): string[] {
    const dir = path.join(this.outDir, rel);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  }

  /** Every file under the folder `rel` of dist/, relative to the base, sorted. */
  filesUnder(rel: string): string[] {
    const dir = path.join(this.outDir, rel);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => path.relative(this.outDir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
      .sort();
  }

  /** `files` less those of `shell`, sorted, each with its size. */
  sized(files: Set<string>, shell: Set<string>): ManifestFile[] {
    return [...files]
      .filter((f) => !shell.has(f))
      .sort()
      .map((f) => [f, this.size(f)!]);
  }
}
