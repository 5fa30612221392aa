/**
 * The offline files of a build (src/offline/: the manifest, the service worker's text, docs/offline.md), on a
 * small dist/ written here, at the root and under a base path. Prevents: a copy that misses a notice's
 * image variants, a module a page's script imports (the search page offline), a course's notices or the fonts of the stylesheet; a former slug (a redirect) saved as a
 * notice; paths that assume the site is at `/`; a service worker whose text changes with every build (every
 * reader's browser would install it again) or, with MODUS_OFFLINE=off, one that does not remove the copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { basePathOf, offlineManifest, totalBytes } from '../../src/offline/manifest.ts';
import { serviceWorkerSource } from '../../src/offline/service-worker.ts';
import { writeOfflineFiles } from '../../src/offline/write.ts';
import { tempDir } from '../helpers/site.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A dist/ of a site served at `base`: the shell pages, a notice with images, its former slug, a course. */
function dist(base: string): string {
  const out = tempDir('offline-manifest');
  dirs.push(out);
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    fs.writeFileSync(path.join(out, rel), text);
  };
  const page = (body: string) =>
    `<html lang="en"><head><link rel="stylesheet" href="${base}_astro/Base.css"><script type="module" src="${base}_astro/page.js"></script></head><body>${body}</body></html>`;
  for (const l of ['', 'fr/', 'es/', 'ar/']) {
    for (const p of ['', 'search/', 'markings/', 'offline/']) write(`${l}${p}index.html`, page(''));
    write(
      `${l}notices/boxes/index.html`,
      page(
        `<picture><source srcset="${base}_img/b-480.avif 480w, ${base}_img/b-960.avif 960w"><img src="${base}_img/b-480.webp" alt=""></picture>`,
      ),
    );
    write(`${l}notices/old-boxes/index.html`, `<meta http-equiv="refresh" content="0;url=${base}notices/boxes/">`);
    write(`${l}courses/ports/index.html`, page(`<a href="${base}${l}notices/boxes/">Boxes</a>`));
    write(`${l}courses/ports/handout/index.html`, page(''));
  }
  write('notices/page/2/index.html', page(''));
  write('_astro/Base.css', `@font-face{src:url(./arabic.woff2)}body{background:url("data:image/svg+xml,x")}`);
  write('_astro/arabic.woff2', 'font');
  // A page's script imports a chunk Astro shares between pages, which no page names, and loads another lazily.
  write('_astro/page.js', 'import{a}from"./shared.js";import("./lazy.js");');
  write('_astro/shared.js', 'export const a=1;');
  write('_astro/lazy.js', 'export const b=2;');
  for (const f of ['b-480.avif', 'b-960.avif', 'b-480.webp']) write(`_img/${f}`, 'image');
  write('pagefind/pagefind.js', 'js');
  write('pagefind/index/en_1.pf_index', 'index');
  write('js/pagefind-filters-on-demand/pagefind.js', 'js');
  write('404.html', page(''));
  write('no-image.svg', '<svg/>');
  return out;
}

describe('the offline manifest', () => {
  it.each(['/', '/any/path/'])('under %s: pages by address, the images they show, the fonts of the stylesheet, sizes', (base) => {
    const out = dist(base);
    const m = offlineManifest(out, base, { id: 'abc', time: '2026-12-07T00:00:00.000Z' });
    const shell = new Map(m.shell);
    for (const p of ['', 'fr/', 'ar/search/', 'es/offline/', '404.html', 'no-image.svg', '_astro/Base.css', '_astro/arabic.woff2']) {
      expect(shell.has(p), p).toBe(true);
    }
    expect(shell.has('pagefind/index/en_1.pf_index') && shell.has('js/pagefind-filters-on-demand/pagefind.js')).toBe(true);
    expect(shell.get('_astro/arabic.woff2')).toBe(4);
    expect(['_astro/page.js', '_astro/shared.js', '_astro/lazy.js'].filter((f) => !shell.has(f))).toEqual([]);
    expect(Object.keys(m.notices)).toEqual(['boxes']); // no former slug, no list page
    expect(m.notices.boxes!.map(([p]) => p)).toEqual([
      '_img/b-480.avif',
      '_img/b-480.webp',
      '_img/b-960.avif',
      'ar/notices/boxes/',
      'es/notices/boxes/',
      'fr/notices/boxes/',
      'notices/boxes/',
    ]);
    expect(m.courses.ports!.notices).toEqual(['boxes']);
    expect(m.courses.ports!.files.map(([p]) => p)).toContain('fr/courses/ports/handout/');
    expect(m.courses.ports!.files.map(([p]) => p)).not.toContain('_astro/Base.css'); // in the shell once
    expect(totalBytes([m.shell, m.notices.boxes!, m.notices.boxes!])).toBe(totalBytes([m.shell, m.notices.boxes!]));
  });

  it('the base path of a site address, with or without a path or trailing slash', () => {
    expect(basePathOf('http://localhost:4321')).toBe('/');
    expect(basePathOf('https://intranet.example/modus')).toBe('/modus/');
    expect(basePathOf('https://intranet.example/any/path/')).toBe('/any/path/');
  });

  it('a missing shell page stops the build with its address', () => {
    const out = dist('/');
    fs.rmSync(path.join(out, 'fr/offline/index.html'));
    expect(() => offlineManifest(out, '/', { id: 'a', time: 't' })).toThrow('the offline copy needs the page /fr/offline/');
  });
});

describe('the service worker', () => {
  it('is valid JavaScript, the same text on every build (no build id in it), and names its pages relative to the base', () => {
    const on = serviceWorkerSource(true, '/');
    expect(() => new vm.Script(on)).not.toThrow(); // compiled, not run
    expect(serviceWorkerSource(true, '/')).toBe(on);
    expect(on).toContain('"offlinePages":{"en":"offline/","fr":"fr/offline/","es":"es/offline/","ar":"ar/offline/"}');
    expect(on).toContain('Copie hors ligne — version {build} du {built}.');
    expect(on).not.toMatch(/"\/offline\//);
  });

  it('MODUS_OFFLINE=off: a worker that deletes the caches of Modus and unregisters itself, and answers nothing', () => {
    const off = serviceWorkerSource(false, '/');
    expect(() => new vm.Script(off)).not.toThrow();
    expect(off).toContain("name.startsWith('modus-')");
    expect(off).toContain('self.registration.unregister()');
    expect(off).not.toContain("addEventListener('fetch'");
  });

  it('writes manifest, build.json and sw.js when on; off, only sw.js, and removes the manifest of an earlier build', () => {
    const out = dist('/');
    expect(writeOfflineFiles(out, { enabled: true, base: '/', id: 'id1', time: 't1' })).toEqual({
      notices: 1,
      courses: 1,
      bytes: expect.any(Number),
    });
    expect(JSON.parse(fs.readFileSync(path.join(out, 'offline/build.json'), 'utf8'))).toEqual({ id: 'id1', time: 't1' });
    const swTime = fs.statSync(path.join(out, 'sw.js')).mtimeMs;
    writeOfflineFiles(out, { enabled: true, base: '/', id: 'id2', time: 't2' });
    expect(fs.statSync(path.join(out, 'sw.js')).mtimeMs).toBe(swTime); // same text: not written again
    expect(writeOfflineFiles(out, { enabled: false, base: '/', id: 'id3', time: 't3' })).toBeNull();
    expect(fs.existsSync(path.join(out, 'offline/manifest.json'))).toBe(false);
    expect(fs.readFileSync(path.join(out, 'sw.js'), 'utf8')).toBe(serviceWorkerSource(false, '/'));
  });
});
