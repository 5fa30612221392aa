/**
 * End to end, in Chromium, against the real `npm start` (site + decap-server on free loopback ports)
 * on a temporary copy of tests/fixtures/cms: an editor creates a notice with every field filled and
 * an uploaded photo carrying GPS EXIF, publishes it; the file validates, the rebuilt site has its
 * page, search finds it, and no published image carries GPS. Field case F8 is typed into the body.
 * Prevents: the CMS loading code from another host, an editor's photo published with its GPS position
 * (F10), a body typed in the CMS failing the build (F8), and a published notice the site does not show
 * or search does not find.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, offMachine, type Session } from '../helpers/chromium.ts';
import { astroSync, listFiles } from '../helpers/site.ts';
import { sha256 } from '../helpers/dist.ts';
import { parse as parseYaml } from 'yaml';
import { NOTICE_FIELD_ORDER } from '../../src/model/notice.ts';
import { decapDistDir, isDecapBundleFile } from '../../src/integrations/decap.ts';
import { contentId } from '../../src/loading/images/image-cache.ts';
import { addListText, choose, copyFixture, field, openCms, publishNow, startStack, waitForFile, type Stack } from '../helpers/cms.ts';

const YEAR = new Date().getFullYear();
const NEW_ID = `MO-${YEAR}-0001`;
const TITLE = 'Cocaine moulded into ceramic tiles, E2E';
const F8 = [
  'Officers noted the figurines were unusually heavy.',
  '<!-- confirm weight with lab -->',
  'Purity was <5% in most samples; the ratio was 1<2 by mass.',
  'Packages weighed {approx. 2 kg each} and were wrapped in {foil/carbon paper}.',
];

let fixture: { dir: string; contentDir: string };
let stack: Stack;
let outDir: string;
let session: Session;

beforeAll(async () => {
  fixture = copyFixture('cms');
  outDir = path.join(fixture.dir, 'dist');
  stack = await startStack({ contentDir: fixture.contentDir, outDir });
  session = await launch({ timezoneId: 'Etc/GMT-10' });
});

afterAll(async () => {
  await session?.close();
  const code = await stack?.stop();
  expect(code).toBe(0);
  if (fixture && !process.env.MODUS_KEEP_TMP) fs.rmSync(fixture.dir, { recursive: true, force: true });
});

describe('CMS end to end', () => {
  test('/admin/ loads Decap and every chunk from the site itself', async () => {
    const page = await session.newPage();
    await openCms(page, stack.url);
    await page.getByText('Methamphetamine inside resin animal statues').click();
    await page.locator('[data-slate-editor="true"]').first().waitFor();
    const own = session.requests.filter((u) => u.startsWith(`${stack.url}/admin/`));
    expect(own).toContain(`${stack.url}/admin/decap-cms.js`);
    expect(own).toContain(`${stack.url}/admin/config.yml`);
    // Decap loads its ~95 chunks (CodeMirror modes, the WebP encoder) only when a widget needs one;
    // every one of them is served by the site, and each loads into the page from there.
    const chunks = fs.readdirSync(decapDistDir()).filter((f) => isDecapBundleFile(f) && f !== 'decap-cms.js');
    expect(chunks.filter((f) => f.endsWith('.decap-cms.js')).length).toBeGreaterThan(50);
    const statuses = await page.evaluate(async (names) => {
      const out: Record<string, string> = {};
      for (const n of names) {
        const r = await fetch(`/admin/${n}`);
        out[n] = `${r.status} ${r.headers.get('content-type')?.split(';')[0]}`;
      }
      return out;
    }, chunks);
    for (const f of chunks) {
      expect(statuses[f], f).toBe(
        f.endsWith('.wasm') ? '200 application/wasm' : f.endsWith('.js') ? '200 text/javascript' : '200 text/plain',
      );
    }
    const chunk = chunks.find((f) => /^\d+\.decap-cms\.js$/.test(f))!;
    const pushed = await page.evaluate(async (name) => {
      const w = window as unknown as { webpackChunkDecapCms: unknown[] };
      const before = w.webpackChunkDecapCms.length;
      await new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = `/admin/${name}`;
        s.onload = resolve;
        s.onerror = reject;
        document.body.append(s);
      });
      return w.webpackChunkDecapCms.length - before;
    }, chunk);
    // Each chunk file is one `(window.webpackChunkDecapCms ||= []).push([[id], modules])`; Decap's
    // runtime wraps push but always calls the array's own push, so the chunk that ran adds one entry.
    expect(pushed).toBe(1);
    expect(session.requests).toContain(`${stack.url}/admin/${chunk}`);
    expect(offMachine(session.requests)).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    await page.close();
  });

  test('a new notice with every field and a GPS photo is published, validates, builds and is found', async () => {
    const photo = path.join(fixture.dir, 'tile-photo.jpg');
    await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#8a5a33' } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'TestCam', Model: 'X1' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '4/1 17/1 0/1' },
      })
      .toFile(photo);
    expect(execFileSync('exiftool', ['-GPSLatitude', photo], { encoding: 'utf8' })).toMatch(/GPS Latitude/);

    const page = await session.newPage();
    await openCms(page, stack.url, '/collections/notices/new');
    // The next free id is proposed from the notices the CMS can see (fixtures use 2025).
    await expect.poll(() => field(page, 'Notice id').inputValue()).toBe(NEW_ID);

    await field(page, 'Title').fill(TITLE);
    await field(page, 'Summary').fill('Cocaine mixed with clay and fired into floor tiles, declared as ceramics by sea container.');
    await choose(page, 'Marking (TLP)', 'TLP:CLEAR');
    await choose(page, 'Status (optional)', 'Superseded');
    await field(page, 'Reason for the status (optional)').fill('Replaced by the notice on resin statues.');
    await choose(page, 'Superseded by (optional)', 'resin');
    await field(page, 'Published').fill(`${YEAR}-01-15`);
    await field(page, 'Last updated (optional)').fill(`${YEAR}-02-01`);
    await choose(page, 'Requesting country (optional)', 'Netherlands');
    await field(page, 'Operation (optional)').fill('TILEFISH');
    await choose(page, 'Crime areas', 'Drug trafficking');
    await choose(page, 'Crime areas', 'Organized crime');
    await choose(page, 'Commodities', 'Cocaine');
    await choose(page, 'Concealment category', 'Impregnation or dissolution');
    await field(page, 'Object or place used').fill('Ceramic floor tiles');
    await field(page, 'Placement (optional)').fill('Mixed into the clay body');
    await choose(page, 'Anti-detection measures (optional)', 'False declaration');
    await choose(page, 'Transport modes', 'Maritime container');
    await choose(page, 'Origin (optional)', 'Ecuador');
    await choose(page, 'Transit (optional)', 'Spain');
    await choose(page, 'Destination (optional)', 'Netherlands');
    await page.getByRole('button', { name: 'Add seizures', exact: true }).click();
    await choose(page, 'Country', 'Netherlands');
    await field(page, 'Year').fill('2025');
    await choose(page, 'Kind of place (optional)', 'Seaport');
    await field(page, 'Quantity (optional)').fill('1,200 kg in 3,000 tiles');
    await choose(page, 'How it was detected (optional)', 'Laboratory analysis');
    await addListText(page, 'Add keywords', 'Keyword', 'coke');
    await addListText(page, 'Add keywords', 'Keyword', 'tiles, ceramic');
    await addListText(page, 'Add indicators', 'Indicator', 'Tiles heavier than the declared type, with an uneven colour.');
    await addListText(page, 'Add indicators', 'Indicator', 'Importer new to ceramics, paying freight in cash.');
    await addListText(page, 'Add recommended actions', 'Action', 'Test a broken tile with a field kit, then send it to the laboratory.');

    await page.getByRole('button', { name: 'Add images', exact: true }).click();
    await page.getByRole('button', { name: /choose an image/i }).click();
    await page.locator('input[type=file]').first().setInputFiles(photo);
    await page.getByRole('button', { name: 'Choose selected' }).click();
    await field(page, 'Text alternative').fill('Broken ceramic tile showing a white powder layer inside the clay.');
    await field(page, 'Caption (optional)').fill('A tile broken open at the port.');
    await field(page, 'Credit (optional)').fill('E2E test');
    await choose(page, 'Kind of image', 'Photo');
    await choose(page, 'Marking of this image (optional)', 'TLP:CLEAR');

    await choose(page, 'Related notices (optional)', 'resin');
    await page.getByRole('button', { name: 'Add sources', exact: true }).click();
    await field(page, 'Title', 1).fill('Port of Rotterdam seizure report');
    await field(page, 'Publisher').fill('E2E Customs');
    await field(page, 'Date (optional)').fill(`${YEAR}-01-10`);
    await field(page, 'Web address (optional)').fill('https://example.org/report');
    await page.getByRole('button', { name: 'Add change log', exact: true }).click();
    await field(page, 'Date').fill(`${YEAR}-02-01`);
    await field(page, 'What changed').fill('Added the laboratory result.');
    await addListText(page, 'Add former addresses', 'Former slug', 'cocaine-in-tiles-draft');

    // Body: the F8 lines, typed into the rich-text editor as an editor would.
    const body = page.locator('[data-slate-editor="true"]').first();
    await body.click();
    for (const [i, line] of F8.entries()) {
      await page.keyboard.type(line);
      if (i < F8.length - 1) await page.keyboard.press('Enter');
    }

    await publishNow(page);
    const file = path.join(fixture.contentDir, 'notices', NEW_ID.toLowerCase(), 'index.mdx');
    const written = await waitForFile(file);
    console.info(`written: ${file}`);
    await page.close();

    // The photo sits beside the entry, as Decap writes it (a bare file name).
    expect(written).toMatch(/^ {2}- src: tile-photo\.jpg$/m);
    expect(fs.existsSync(path.join(path.dirname(file), 'tile-photo.jpg'))).toBe(true);
    // Values containing commas stayed whole; countries are stored as codes; keys in field order.
    expect(written).toContain('  - tiles, ceramic\n');
    expect(written).toMatch(/^requestingCountry: NL$/m);
    expect(written).toMatch(/^related:\n {2}- MO-2025-0001$/m);
    const frontmatter = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(written)![1]!) as Record<string, unknown>;
    const keys = Object.keys(frontmatter);
    expect(keys.length).toBeGreaterThan(20); // "every field filled": the order check covers nearly all of them
    expect(keys).toEqual(NOTICE_FIELD_ORDER.filter((k) => k in frontmatter));

    // The file validates: the content loader (schema, images, references) accepts the folder.
    const sync = await astroSync(fixture.contentDir);
    expect(sync.output).not.toMatch(/problem/);
    expect(sync.code).toBe(0);

    // "A rebuild shows it": stop npm start (as Ctrl-C does; both servers stop) and start it again.
    expect(await stack.stop()).toBe(0);
    for (const port of [stack.port, stack.cmsPort]) await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    stack = await startStack({ contentDir: fixture.contentDir, outDir });
    const html = fs.readFileSync(path.join(outDir, 'notices', NEW_ID.toLowerCase(), 'index.html'), 'utf8');
    expect(html).toContain(TITLE);
    // F8: what the editor typed renders literally, character for character.
    expect(html).toContain('&lt;5%');
    expect(html).toContain('1&lt;2');
    expect(html).toContain('{approx. 2 kg each}');
    expect(html).toContain('{foil/carbon paper}');
    expect(html).toMatch(/<p>&lt;!-- confirm weight with lab --(&gt;|>)<\/p>/); // '>' needs no escape in text

    // No image anywhere in the build carries GPS or camera data: the photo's derivatives (which the
    // page shows) are stripped, and the uploaded original is not copied to dist/.
    const images = listFiles(outDir)
      .filter((f) => /\.(jpe?g|png|webp|avif|gif|tiff?)$/i.test(f))
      .map((f) => path.join(outDir, f));
    const shown = [...new Set([...html.matchAll(/\/_img\/[^\s"',)<]+\.(?:jpe?g|png|webp|avif)/g)].map((m) => path.join(outDir, m[0])))];
    // The photo's variants are named by the content id of the file beside the entry: the page shows all
    // five (AVIF and WebP at 480 and 960 px in the gallery, the 240 px WebP thumbnail as its search image).
    const id = await contentId(path.join(path.dirname(file), 'tile-photo.jpg'));
    expect(
      shown
        .filter((f) => path.basename(f).startsWith(`${id}-`))
        .map((f) => path.basename(f))
        .sort(),
    ).toEqual(['240.webp', '480.avif', '480.webp', '960.avif', '960.webp'].map((v) => `${id}-${v}`));
    expect(images).toEqual(expect.arrayContaining(shown));
    // Not copied under any name: no file in dist/ has the bytes of the upload or of the copy beside the entry.
    const originals = new Set([sha256(photo), sha256(path.join(path.dirname(file), 'tile-photo.jpg'))]);
    const distFiles = listFiles(outDir);
    expect(distFiles.length).toBeGreaterThan(images.length);
    expect(distFiles.filter((f) => originals.has(sha256(path.join(outDir, f))))).toEqual([]);
    const meta = execFileSync('exiftool', ['-json', '-GPS:all', '-Make', '-Model', ...images], { encoding: 'utf8' });
    const withGps = (JSON.parse(meta) as Array<Record<string, unknown>>).filter((m) =>
      Object.keys(m).some((k) => /^GPS|^Make$|^Model$/.test(k)),
    );
    expect(withGps).toEqual([]);

    // Search finds the new notice by a phrase of its body and by its id.
    const search = await session.newPage();
    for (const q of ['ceramic tiles', NEW_ID]) {
      await search.goto(`${stack.url}/search/?q=${encodeURIComponent(q)}`);
      await expect.poll(async () => search.locator('pagefind-results').innerText(), { timeout: 30_000 }).toContain(TITLE);
    }
    await search.close();
  });
});
