/**
 * Catches a page that would run code or break its Content-Security-Policy: a page without its policy
 * meta tag (or with another page type's policy), inline scripts (no policy of the site allows them),
 * scripts on content pages (which run none), event handler attributes, `javascript:` URLs, and inline
 * styles outside /admin/. Markup like this in a notice is how injected content would act.
 */
import { cspMeta, pageTypeOf } from '../../render/csp.ts';
import { isHtmlPath } from '../dist-file.ts';
import type { ScannedHtml } from '../html/scan.ts';
import type { DistCheckRule } from '../rule.ts';

/** Script types a browser runs (or that make it fetch and run something). */
const EXECUTABLE_SCRIPT_TYPES = ['', 'module', 'text/javascript', 'application/javascript', 'importmap', 'speculationrules'];

/** Breaches of the page's Content-Security-Policy and active markup, for the page `rel` of dist/. */
export function cspProblems(rel: string, scanned: ScannedHtml): string[] {
  const type = pageTypeOf(`/${rel.replace(/index\.html$/, '')}`);
  const problems: string[] = [];
  const tags = scanned.tags;
  const metas = tags.filter((t) => t.name === 'meta' && t.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy');
  if (metas.length === 0) problems.push(`has no Content-Security-Policy meta tag (page type "${type}")`);
  else if (type !== 'admin' && metas[0]!.attrs.get('content') !== cspMeta(type)) {
    problems.push(`has Content-Security-Policy "${metas[0]!.attrs.get('content')}" instead of the ${type} policy "${cspMeta(type)}"`);
  }
  for (const { attrs, body } of scanned.scripts) {
    const kind = (attrs.get('type') ?? '').toLowerCase();
    if (!EXECUTABLE_SCRIPT_TYPES.includes(kind)) continue;
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
        // eslint-disable-next-line no-control-regex
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

/** Finds policy breaches and active markup in every HTML page. */
export const pagePolicies: DistCheckRule = {
  reportedAs: 'csp',
  prepare: () => ({
    file(file, report) {
      if (file.text === undefined || !isHtmlPath(file.rel)) return;
      for (const p of cspProblems(file.rel, file.html())) report(file.rel, p);
    },
  }),
};
