/**
 * The dist check's manifest of results (src/dist-check/results-manifest.ts, used by the runner in
 * src/dist-check/check-dist.ts): a rebuild scans only the files that changed, and yet proves every rule
 * over the whole dist/: a changed withheld set, a changed marking, a deleted page, a new original or a
 * new version of the code is caught without any file of dist/ changing; a file with findings fails
 * every check until it is fixed; a full check, or a manifest that is absent or broken, scans every file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkDistFiles } from '../../src/dist-check/check-dist.ts';
import { readContentManifest } from '../../src/dist-check/content-manifest.ts';
import type { DistCheckOptions } from '../../src/dist-check/rule.ts';
import type { ResultsManifest } from '../../src/dist-check/results-manifest.ts';
import { runDistCheck } from '../../src/dist-check/run.ts';
import { cspMeta } from '../../src/render/csp.ts';
import { PhraseIndex, words } from '../../src/dist-check/pagefind/phrases.ts';
import { writeCorpus, type FixtureNotice } from '../helpers/corpus.ts';

const JACKETS = 'Officers found powder sewn into the lining of winter jackets at the border.';
const TARPS = 'Smugglers folded the sheets of cocaine paste between two layers of tarpaulin.';
const HANDLES = 'Couriers packed the tablets inside hollow brass door handles before shipping.';

const notices = (tarpsTlp = 'CLEAR', jacketsTlp = 'CLEAR'): FixtureNotice[] => [
  { slug: 'jackets', id: 'MO-2030-0001', tlp: jacketsTlp, title: 'Powder in jacket linings', sentinel: JACKETS, images: [] },
  { slug: 'tarps', id: 'MO-2030-0003', tlp: tarpsTlp, title: 'Paste in tarpaulins', sentinel: TARPS, images: [] },
  { slug: 'door-handles', id: 'MO-2030-0002', tlp: 'GREEN', title: 'Tablets in door handles', sentinel: HANDLES, images: [] },
];

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${cspMeta('content').replaceAll('"', '&quot;')}"></head><body>${body}</body></html>`;
const noticePage = (sentence: string) =>
  page(
    `<article class="notice print-page--clear"><div class="marking-banner marking-banner--clear"><span>TLP:CLEAR</span></div><p>${sentence}</p></article>`,
  );
const CSS = '@page tlp-clear{@top-center{content:"TLP:CLEAR"}}@media print{.print-page--clear{page:tlp-clear}}';

let root: string;
let base: string;
let content: string;
let dist: string;
let results: string;

/** Writes `data` at `rel` of dist/. */
const write = (rel: string, data: string) => {
  fs.mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
  fs.writeFileSync(path.join(dist, rel), data);
};

/** One check of dist/ for the public audience, with the manifest of results at `results`. */
function check(extra: Partial<DistCheckOptions['results']> = {}, audience: DistCheckOptions['audience'] = 'public') {
  return checkDistFiles({
    distDir: dist,
    audience,
    admin: true,
    siteUrl: 'https://modus.example.org',
    manifest: readContentManifest(content),
    results: { file: results, codeVersion: 'v1', ...extra },
  });
}

const messages = (r: Awaited<ReturnType<typeof check>>) => r.findings.map((f) => `${f.file} ${f.message}`);

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-distincr-'));
});
beforeEach(async () => {
  base = fs.mkdtempSync(path.join(root, 'case-'));
  content = await writeCorpus(path.join(base, 'content'), notices());
  dist = path.join(base, 'dist');
  results = path.join(base, 'cache', 'public.json');
  write('index.html', page(`<h1>Modus</h1><p>${TARPS}</p>`));
  write('notices/jackets/index.html', noticePage(JACKETS));
  write('notices/tarps/index.html', noticePage(TARPS));
  write('about/index.html', page('<p>About Modus.</p>'));
  write('_astro/site.css', CSS);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the dist check with a manifest of results', () => {
  it('scans every file the first time, none on a second run over an unchanged dist/, with the same result', async () => {
    const first = await check();
    expect(first).toEqual({ findings: [], scanned: 5, reused: 0 });
    expect(fs.existsSync(results)).toBe(true);
    expect(await check()).toEqual({ findings: [], scanned: 0, reused: 5 });
    expect(await check()).toEqual({ findings: [], scanned: 0, reused: 5 });
  });

  it('scans a changed file again (and catches what it now leaks), reuses the others; a deleted file drops out', async () => {
    await check();
    write('about/index.html', page(`<p>About Modus. ${HANDLES}</p>`));
    const r = await check();
    expect(r.scanned).toBe(1);
    expect(r.reused).toBe(4);
    expect(messages(r).length).toBeGreaterThan(0);
    for (const m of messages(r)) expect(m).toMatch(/^about\/index\.html contains text of withheld notice MO-2030-0002/);
    fs.rmSync(path.join(dist, 'about'), { recursive: true });
    expect(await check()).toEqual({ findings: [], scanned: 0, reused: 4 });
    expect(Object.keys((JSON.parse(fs.readFileSync(results, 'utf8')) as ResultsManifest).files)).not.toContain('about/index.html');
  });

  it('scans every file again when a notice is newly withheld, though no byte of dist/ changed, and finds its text', async () => {
    expect((await check()).findings).toEqual([]);
    await writeCorpus(content, notices('GREEN'));
    const r = await check();
    expect(r.scanned).toBe(5);
    expect(messages(r)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^index\.html contains text of withheld notice MO-2030-0003 \(TLP:GREEN/),
        expect.stringMatching(/^notices\/tarps\/index\.html is a page of withheld notice MO-2030-0003/),
      ]),
    );
  });

  it('keeps failing on a file with findings, run after run, until it is fixed', async () => {
    write('about/index.html', page(`<p>MO-2030-0002 ${HANDLES}</p>`));
    const first = await check();
    expect(messages(first)).toContainEqual(expect.stringMatching(/^about\/index\.html contains the id MO-2030-0002/));
    expect(messages(first)).toContainEqual(expect.stringMatching(/^about\/index\.html contains text of withheld notice MO-2030-0002/));
    for (let i = 0; i < 2; i++) {
      const again = await check();
      expect(again.scanned).toBe(0);
      expect(again.findings).toEqual(first.findings);
    }
    write('about/index.html', page('<p>About Modus.</p>'));
    expect(await check()).toEqual({ findings: [], scanned: 1, reused: 4 });
  });

  it('fails the build step every time while a file has findings, and says how many files it scanned and reused', async () => {
    const settings = { contentDir: content, audience: 'public' as const, admin: true, siteUrl: 'https://modus.example.org' };
    const cache = { dir: path.dirname(results) };
    expect(await runDistCheck(dist, settings, cache)).toMatch(/; 5 files scanned, 0 reused unchanged\)/);
    expect(await runDistCheck(dist, settings, cache)).toMatch(/; 0 files scanned, 5 reused unchanged\)/);
    write('about/index.html', page('<p>MO-2030-0002</p>'));
    for (let i = 0; i < 2; i++)
      await expect(runDistCheck(dist, settings, cache)).rejects.toThrow(/dist\/about\/index\.html contains the id MO-2030-0002/);
    await expect(runDistCheck(dist, settings, { ...cache, full: true })).rejects.toThrow(/dist\/about\/index\.html contains the id/);
    write('about/index.html', page('<p>About Modus.</p>'));
    expect(await runDistCheck(dist, settings, { ...cache, full: true })).toMatch(/; 5 files scanned, 0 reused unchanged, full check\)/);
    expect(await runDistCheck(dist, settings, cache)).toMatch(/; 0 files scanned, 5 reused unchanged\)/);
  });

  it('scans every file with `full`, and writes the manifest again', async () => {
    await check();
    expect(await check({ full: true })).toEqual({ findings: [], scanned: 5, reused: 0 });
    expect((await check()).scanned).toBe(0);
  });

  it('scans every file when the manifest is absent, unreadable, of another format, or a record is broken', async () => {
    await check();
    const good = fs.readFileSync(results, 'utf8');
    fs.writeFileSync(results, good.slice(0, good.length / 2));
    expect((await check()).scanned).toBe(5);
    fs.writeFileSync(results, JSON.stringify({ ...(JSON.parse(good) as ResultsManifest), format: 0 }));
    expect((await check()).scanned).toBe(5);
    const broken = JSON.parse(good) as ResultsManifest;
    (broken.files['index.html'] as { findings: unknown }).findings = 'none';
    fs.writeFileSync(results, JSON.stringify(broken));
    expect((await check()).scanned).toBe(1);
    fs.rmSync(results);
    expect((await check()).scanned).toBe(5);
  });

  it('scans every file when the code changed (another code version) or the settings did', async () => {
    await check();
    expect((await check({ codeVersion: 'v2' })).scanned).toBe(5);
    expect((await check({ codeVersion: 'v2' })).scanned).toBe(0);
    // Another audience: the community sees the GREEN notice, so nothing is withheld and every verdict may differ.
    expect((await check({ codeVersion: 'v2' }, 'community')).scanned).toBe(5);
  });

  it("scans only a notice's page again when its marking changes within the audience, and finds the banner missing", async () => {
    await check({}, 'community');
    await writeCorpus(content, notices('CLEAR', 'GREEN'));
    const r = await check({}, 'community');
    expect(r.scanned).toBe(1);
    expect(messages(r)).toEqual(
      expect.arrayContaining([
        'notices/jackets/index.html has no TLP:GREEN marking banner',
        '_astro/*.css the stylesheet does not print TLP:GREEN on every printed page (@page tlp-green with the marking in its page margins)',
      ]),
    );
  });

  it('proves what looks across files over the whole dist/ on every run: a missing notice page, a new original, an emptied stylesheet', async () => {
    await check();
    fs.rmSync(path.join(dist, 'notices/tarps'), { recursive: true });
    expect(messages(await check())).toEqual([expect.stringMatching(/^notices\/tarps\/index\.html is missing: notice MO-2030-0003/)]);
    write('notices/tarps/index.html', noticePage(TARPS));
    // An original of the content folder with the very bytes of an unchanged page of dist/.
    fs.copyFileSync(path.join(dist, 'about/index.html'), path.join(content, 'notices/jackets/attachment.bin'));
    const r = await check();
    expect(r.reused).toBe(4);
    expect(messages(r)).toEqual([
      expect.stringMatching(/^about\/index\.html is a byte copy of the original notices\/jackets\/attachment\.bin/),
    ]);
    fs.rmSync(path.join(content, 'notices/jackets/attachment.bin'));
    write('_astro/site.css', 'p{}');
    expect(messages(await check())).toEqual([expect.stringMatching(/^_astro\/\*\.css the stylesheet does not print TLP:CLEAR/)]);
  });
});

describe('the phrase index', () => {
  it('holds a phrase once, with the owner it was first added with', () => {
    const idx = new PhraseIndex<string>();
    idx.add(words(TARPS), 'first');
    idx.add(words(TARPS), 'second');
    expect(idx.size).toBe(1);
    expect([...idx.entries()]).toEqual([[words(TARPS).join(' '), 'first']]);
    expect(idx.find(words(TARPS))).toEqual([{ phrase: words(TARPS).join(' '), owner: 'first' }]);
  });
});
