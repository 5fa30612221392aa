/**
 * The stylesheet's parts (src/render/styles/): site.css imports them, and only what it imports reaches
 * the site. Prevents: a new or renamed part that site.css does not import (its rules silently missing
 * from every page and from the CMS preview), a part imported twice (its rules repeated, overriding
 * the parts between), and a rule written into site.css itself, where it would not be in the order
 * its imports document (and an @import after a rule is dropped).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { siteStylesheet, siteStylesheetParts, STYLES_DIR } from '../helpers/stylesheet.ts';

describe('site.css and its parts', () => {
  it('imports every stylesheet in src/render/styles/ exactly once', () => {
    const onDisk = fs
      .readdirSync(STYLES_DIR)
      .filter((f) => f.endsWith('.css') && f !== 'site.css')
      .sort();
    const imported = siteStylesheetParts();
    expect(new Set(imported).size, 'a part imported twice').toBe(imported.length);
    expect([...imported].sort()).toEqual(onDisk);
  });

  it('holds only comments and @imports, and every import resolves to a file', () => {
    const entry = fs.readFileSync(new URL('site.css', STYLES_DIR), 'utf8');
    const rest = entry.replace(/\/\*[^]*?\*\//g, '').replace(/@import '\.\/[\w-]+\.css';/g, '');
    expect(rest.trim()).toBe('');
    expect(() => siteStylesheet()).not.toThrow();
  });
});
