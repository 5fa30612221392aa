/**
 * Catches a page that makes the reader's browser contact another host: scripts, styles, images,
 * frames, fonts, form targets, refresh targets, CSS `url()` and `@import`, in pages, SVG and
 * stylesheets. Such a request tells that host who reads which notice, and from where. Plain links
 * (`<a href>`, e.g. to a source) are navigation, not requests, and are allowed.
 */
import { isHtmlPath } from '../dist-file.ts';
import { scanHtml, type ScannedHtml } from '../html/scan.ts';
import type { DistCheckRule } from '../rule.ts';

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
export function cssUrls(css: string): string[] {
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

/** Every URL a scanned page makes the browser load (not plain links), with where it was found. */
export function urlsLoadedBy(scanned: ScannedHtml): Array<{ url: string; where: string }> {
  const out: Array<{ url: string; where: string }> = [];
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

/** Every URL an HTML (or SVG) text makes the browser load (not plain links), with where it was found. */
export function loadedUrls(html: string): Array<{ url: string; where: string }> {
  return urlsLoadedBy(scanHtml(html));
}

/** Finds loads from other hosts in stylesheets, pages and SVG files. */
export const otherHosts: DistCheckRule = {
  reportedAs: 'other-host',
  prepare: ({ siteUrl }) => ({
    verdictKey: siteUrl,
    file(file, report) {
      if (file.text === undefined) return;
      const { rel } = file;
      if (rel.endsWith('.css')) {
        for (const u of cssUrls(file.text)) if (isOtherHost(u, siteUrl)) report(rel, `loads ${u} from another host (CSS)`);
      }
      if (isHtmlPath(rel) || rel.endsWith('.svg')) {
        for (const { url, where } of urlsLoadedBy(file.html())) {
          if (isOtherHost(url, siteUrl)) report(rel, `makes the browser load ${url} from another host (${where})`);
        }
      }
    },
  }),
};
