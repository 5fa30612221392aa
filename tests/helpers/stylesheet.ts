/**
 * The site's stylesheet as source: src/render/styles/site.css imports its parts (`@import './x.css';`),
 * and Vite inlines them when it bundles the site. Tests that read the rules read them from here.
 */
import fs from 'node:fs';

/** The folder of the stylesheets. */
export const STYLES_DIR = new URL('../../src/render/styles/', import.meta.url);

/** The file names site.css imports, in its order (the cascade order). */
export function siteStylesheetParts(): string[] {
  const entry = fs.readFileSync(new URL('site.css', STYLES_DIR), 'utf8');
  return [...entry.matchAll(/@import '\.\/([\w-]+\.css)';/g)].map((m) => m[1]!);
}

/** site.css with each of its imports replaced by the imported file's text (throws if a part is missing). */
export function siteStylesheet(): string {
  const entry = fs.readFileSync(new URL('site.css', STYLES_DIR), 'utf8');
  return entry.replace(/@import '\.\/([\w-]+\.css)';/g, (_, part: string) => fs.readFileSync(new URL(part, STYLES_DIR), 'utf8'));
}
