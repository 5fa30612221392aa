/**
 * Translating in the CMS, in Chromium against the real `npm start` (the site and decap-server) on a copy of
 * tests/fixtures/cms, whose statues notice has a Spanish translation: a new French translation, chosen by
 * its original and saved, writes `index.fr.mdx` alone, in exactly the translation format (its prose and
 * date, the image's file name copied), while the original and the Spanish translation stay byte for byte
 * as they were (not even rewritten); revising the Spanish translation changes only the edited line; a
 * translation that does not fit its original, or a second one into a language, is refused with nothing
 * written; the Arabic form and preview run right to left; the notices list holds originals only; Decap's
 * interface follows ?lang=. Prevents: a translation save that rewrites or loses the original or another
 * language's file, a translation file the build refuses, an Arabic translator typing left to right, and
 * translations edited as notices of their own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, type Session } from '../helpers/chromium.ts';
import {
  addListText,
  changedLines,
  copyFixture,
  field,
  fillTranslation,
  openCms,
  publishNow,
  startStack,
  STATUES_FR,
  waitForChange,
  waitForFile,
  type Stack,
} from '../helpers/cms.ts';
import { noticeTranslationSchema } from '../../src/model/translation.ts';
import { decapResave } from '../../src/cms/node/decap-format.ts';
import { translationFieldOrder } from '../../src/cms/node/translation-config.ts';

const FOLDER = 'notices/meth-in-resin-statues';

let fixture: { dir: string; contentDir: string };
let stack: Stack;
let session: Session;

beforeAll(async () => {
  fixture = copyFixture('cms');
  stack = await startStack({ contentDir: fixture.contentDir, outDir: path.join(fixture.dir, 'dist') });
  session = await launch();
});

afterAll(async () => {
  await session?.close();
  expect(await stack?.stop()).toBe(0);
  if (fixture) fs.rmSync(fixture.dir, { recursive: true, force: true });
});

/** Every file under the notices folder: its bytes and when it was last written. */
function snapshot(): Map<string, { bytes: string; mtimeMs: number }> {
  const root = path.join(fixture.contentDir, 'notices');
  const out = new Map<string, { bytes: string; mtimeMs: number }>();
  for (const dir of fs.readdirSync(root)) {
    for (const name of fs.readdirSync(path.join(root, dir))) {
      const file = path.join(root, dir, name);
      out.set(`${dir}/${name}`, { bytes: fs.readFileSync(file).toString('base64'), mtimeMs: fs.statSync(file).mtimeMs });
    }
  }
  return out;
}

/** The files written (new, or changed in bytes or time) between two snapshots. */
function written(before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>): string[] {
  return [...after].filter(([f, a]) => before.get(f)?.bytes !== a.bytes || before.get(f)?.mtimeMs !== a.mtimeMs).map(([f]) => f);
}

/** Frontmatter and body of a file. */
function read(file: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(fs.readFileSync(file, 'utf8'))!;
  return { data: parse(m[1]!) as Record<string, unknown>, body: m[2]! };
}

describe('translating a notice', () => {
  test('a new French translation writes index.fr.mdx alone, in exactly the translation format', async () => {
    const before = snapshot();
    const page = await session.newPage();
    await openCms(page, stack.url, '/collections/notices-fr/new');
    const of = field(page, 'Translation of');
    // Only originals without a French translation are offered; both fixture notices are in English.
    await expect.poll(() => of.locator('option').count(), { timeout: 30_000 }).toBe(3);
    await of.selectOption('meth-in-resin-statues');
    // The preview shows the original beside the translation.
    const preview = page.locator('iframe').first().contentFrame();
    await preview.getByText('Methamphetamine inside resin animal statues').first().waitFor();
    await fillTranslation(page, STATUES_FR);
    await preview.getByText('Le bloc dense se voit nettement.').waitFor();
    await page.locator('[data-slate-editor="true"]').first().click();
    await page.keyboard.type('Les statues étaient moulées en résine avec un socle creux.');
    await publishNow(page);
    const file = path.join(fixture.contentDir, FOLDER, 'index.fr.mdx');
    const text = await waitForFile(file);
    // Decap opens the saved translation again, at its own address, with what was typed.
    await expect.poll(() => page.url()).toContain('/collections/notices-fr/entries/meth-in-resin-statues/index');
    await expect.poll(() => field(page, 'Title').inputValue()).toBe('Méthamphétamine dans des statues d’animaux en résine');

    // Only the new file was written: the original, its image and the Spanish translation are as they were.
    expect(written(before, snapshot())).toEqual(['meth-in-resin-statues/index.fr.mdx']);

    // Exactly the translation format: its keys in order, the image's file name copied, nothing else.
    const { data, body } = read(file);
    expect(Object.keys(data)).toEqual(['translated', 'title', 'summary', 'concealment', 'indicators', 'recommendedActions', 'images']);
    expect(data.translated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.concealment).toEqual({ object: 'Statues d’animaux en résine', placement: 'Dans le socle creux, scellé au plâtre' });
    expect(data.images).toEqual([
      {
        src: 'statue-xray.png',
        alt: 'Radiographie d’une statue avec un bloc dense dans le socle.',
        caption: 'Le bloc dense se voit nettement.',
      },
    ]);
    expect(Object.keys((data.images as object[])[0]!)).toEqual(['src', 'alt', 'caption']);
    expect(text).not.toMatch(/^original:/m);
    expect(body).toContain('Les statues étaient moulées en résine avec un socle creux.');
    expect(noticeTranslationSchema().safeParse(data).success).toBe(true);
    // In the form Decap writes: opening it and saving again would change nothing.
    expect(await decapResave(text, translationFieldOrder('notice'))).toBe(text);
    await page.close();
  });

  test('revising the Spanish translation changes only the edited line, and no other file', async () => {
    const file = path.join(fixture.contentDir, FOLDER, 'index.es.mdx');
    const text = fs.readFileSync(file, 'utf8');
    const before = snapshot();
    const page = await session.newPage();
    await openCms(page, stack.url, '/collections/notices-es/entries/meth-in-resin-statues/index');
    await expect
      .poll(() => field(page, 'Title').inputValue(), { timeout: 30_000 })
      .toBe('Metanfetamina oculta en estatuas de animales de resina');
    // The original is shown read-only: the file stays beside it.
    await expect.poll(() => field(page, 'Translation of').inputValue()).toContain('MO-2025-0001');
    await field(page, 'Title').fill('Metanfetamina oculta en estatuas de resina');
    await publishNow(page);
    const after = await waitForChange(file, text);
    expect(changedLines(text, after)).toEqual([
      ['title: Metanfetamina oculta en estatuas de animales de resina', 'title: Metanfetamina oculta en estatuas de resina'],
    ]);
    expect(written(before, snapshot())).toEqual(['meth-in-resin-statues/index.es.mdx']);
    await page.close();
  });

  test('refused, with nothing written: a second translation into a language, and one that does not fit its original', async () => {
    const before = snapshot();
    const page = await session.newPage();
    // The statues notice has a Spanish translation: a new one would replace it.
    await openCms(page, stack.url, '/collections/notices-es/new?original=meth-in-resin-statues');
    await page
      .getByTestId('translation-of-status')
      .getByText(/has a Spanish translation already/)
      .waitFor({ timeout: 30_000 });
    await field(page, 'Title').fill('Otra traducción');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Publish now', { exact: true }).click();
    await page
      .getByText(/has a Spanish translation already: open it from the list/i)
      .first()
      .waitFor();
    // An Arabic translation with one indicator where the original has two.
    await page.goto('about:blank');
    await openCms(page, stack.url, '/collections/notices-ar/new?original=meth-in-resin-statues');
    await expect
      .poll(() => page.getByTestId('translation-of-status').innerText(), { timeout: 30_000 })
      .toMatch(/have no Arabic translation yet/);
    await field(page, 'Title').fill('ميثامفيتامين داخل تماثيل حيوانات من الراتنج');
    await field(page, 'Summary').fill('ملخص.');
    await field(page, 'Object or place used').fill('تماثيل من الراتنج');
    await addListText(page, 'Add indicators', 'Indicator', 'تماثيل أثقل مما يوحي به حجمها.');
    await addListText(page, 'Add recommended actions', 'Action', 'فحص التمثال بالأشعة السينية.');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Publish now', { exact: true }).click();
    await page
      .getByText(/Indicators: the original has 2, this translation 1/i)
      .first()
      .waitFor();
    await page
      .getByText(/Placement: the original has one/i)
      .first()
      .waitFor();
    await page.waitForTimeout(1000);
    expect(written(before, snapshot())).toEqual([]);
    await page.close();
  });
});

describe('two editors', () => {
  test('a translation saved by one while the other was writing the same is not replaced by the other’s save', async () => {
    const pages = [await session.newPage(), await session.newPage()];
    for (const page of pages) {
      await openCms(page, stack.url, '/collections/notices-fr/new?original=cocaine-in-sea-chest');
      await expect
        .poll(() => page.getByTestId('translation-of-status').innerText(), { timeout: 30_000 })
        .toMatch(/have no French translation yet/);
    }
    const file = path.join(fixture.contentDir, 'notices/cocaine-in-sea-chest/index.fr.mdx');
    const original = read(path.join(fixture.contentDir, 'notices/cocaine-in-sea-chest/index.mdx')).data;
    const fill = (page: (typeof pages)[number], title: string) =>
      fillTranslation(page, {
        title,
        summary: 'Résumé.',
        object: 'Caisson de prise d’eau',
        placement: (original.concealment as { placement?: string }).placement && 'Derrière la grille',
        indicators: (original.indicators as string[]).map(() => 'Un indicateur.'),
        actions: (original.recommendedActions as string[]).map(() => 'Une action.'),
        images: (original.images as Array<{ caption?: string }>).map((img) => ({ alt: 'Une image.', caption: img.caption && 'Légende.' })),
      });
    await fill(pages[0]!, 'Première traduction');
    await fill(pages[1]!, 'Seconde traduction');
    await publishNow(pages[0]!);
    const first = await waitForFile(file);
    expect(first).toContain('title: Première traduction');
    const before = snapshot();
    await pages[1]!.getByRole('button', { name: 'Publish', exact: true }).click();
    await pages[1]!.getByText('Publish now', { exact: true }).click();
    await pages[1]!
      .getByText(/has a translation into this language by now/)
      .first()
      .waitFor();
    await pages[1]!.waitForTimeout(1000);
    expect(written(before, snapshot())).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).toBe(first);
    // The second editor's text is still in the form.
    expect(await field(pages[1]!, 'Title').inputValue()).toBe('Seconde traduction');
    for (const page of pages) await page.close();
  });
});

describe('right to left, and the interface language', () => {
  test('every input and text box of the Arabic form, its body and the Arabic side of the preview are right to left', async () => {
    const page = await session.newPage();
    await openCms(page, stack.url, '/collections/notices-ar/new?original=meth-in-resin-statues');
    await field(page, 'Title').waitFor();
    await page.getByRole('button', { name: 'Add indicators', exact: true }).click();
    const arabic = await page
      .locator('input[lang="ar"], textarea[lang="ar"]')
      .evaluateAll((els) => els.map((e) => ({ dir: e.getAttribute('dir'), direction: getComputedStyle(e).direction })));
    expect(arabic.length).toBeGreaterThanOrEqual(4); // title, summary, object, placement, the indicator
    expect(arabic.every((a) => a.dir === 'rtl' && a.direction === 'rtl')).toBe(true);
    // No text field of the form is left without its language (the date and the original's name aside).
    const without = await page.locator('textarea:not([lang]), input[type="text"]:not([lang])').evaluateAll((els) => els.map((e) => e.id));
    expect(without.length).toBeLessThanOrEqual(1); // "Translation of" is a select; the image file, if shown, is left to right
    const body = page.locator('[data-slate-editor="true"]').first();
    expect(
      await body.evaluate((e) => [
        e.closest('[dir]')?.getAttribute('dir'),
        e.closest('[lang]')?.getAttribute('lang'),
        getComputedStyle(e).direction,
      ]),
    ).toEqual(['rtl', 'ar', 'rtl']);
    await field(page, 'Title').fill('ميثامفيتامين داخل تماثيل');
    const cell = page.locator('iframe').first().contentFrame().getByText('ميثامفيتامين داخل تماثيل');
    await cell.waitFor();
    expect(await cell.evaluate((e) => [e.getAttribute('lang'), e.getAttribute('dir'), getComputedStyle(e).direction])).toEqual([
      'ar',
      'rtl',
      'rtl',
    ]);
    // An original's own form: each field runs in its text's direction (an original written in Arabic reads right to left).
    await page.goto('about:blank');
    await openCms(page, stack.url, '/collections/notices/entries/meth-in-resin-statues/index');
    await field(page, 'Title').fill('ميثامفيتامين');
    expect(await field(page, 'Title').evaluate((e) => getComputedStyle(e).unicodeBidi)).toBe('plaintext');
    await page.close();
  });

  test('the notices list holds the originals only; each translation is listed under its language', async () => {
    const page = await session.newPage();
    await openCms(page, stack.url, '/collections/notices');
    await page.getByText('MO-2025-0001 · Methamphetamine inside resin animal statues').waitFor();
    await page.getByText('MO-2025-0002 · Cocaine in the sea chest of a bulk carrier').waitFor();
    expect(await page.getByText(/Metanfetamina|Méthamphétamine/).count()).toBe(0);
    await page.goto('about:blank');
    await openCms(page, stack.url, '/collections/notices-es');
    await page.getByText(/meth-in-resin-statues · Metanfetamina/).waitFor();
    await page.close();
  });

  test('Decap’s interface follows ?lang= and keeps it; Arabic, which Decap lacks, gives English', async () => {
    const own = await launch();
    try {
      const page = await own.newPage();
      await page.goto(`${stack.url}/admin/?lang=fr#/`);
      await page.getByRole('button', { name: 'Se connecter' }).waitFor({ timeout: 60_000 });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      // Kept for the next visit in this browser.
      await page.goto(`${stack.url}/admin/#/`);
      await page.getByRole('button', { name: 'Se connecter' }).waitFor({ timeout: 60_000 });
      await page.goto(`${stack.url}/admin/?lang=es#/`);
      await page.getByRole('button', { name: 'Iniciar sesión' }).waitFor({ timeout: 60_000 });
      await page.goto(`${stack.url}/admin/?lang=ar#/`);
      await page.getByRole('button', { name: 'Login' }).waitFor({ timeout: 60_000 });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    } finally {
      await own.close();
    }
  });
});
