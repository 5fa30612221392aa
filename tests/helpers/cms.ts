/**
 * Helpers for CMS tests: a temporary copy of fixture content, the real `npm start` (scripts/start.mjs:
 * build, astro preview and decap-server on free loopback ports), and small steps in the real Decap UI
 * driven through Chromium (log in, fill widgets, publish).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, freePort, tempDir } from './site.ts';

/** Copies `tests/fixtures/<fixture>` to `<tmp>/content` and returns the temp folder and content folder. */
export function copyFixture(fixture: string): { dir: string; contentDir: string } {
  const dir = tempDir('cms');
  const contentDir = path.join(dir, 'content');
  fs.cpSync(path.join(ROOT, 'tests/fixtures', fixture), contentDir, { recursive: true });
  return { dir, contentDir };
}

/** A running `npm start`: site URL, ports, and stop() (SIGTERM, as Ctrl-C would). */
export interface Stack {
  url: string;
  port: number;
  cmsPort: number;
  child: ChildProcess;
  log(): string;
  stop(): Promise<number | null>;
}

/**
 * Runs scripts/start.mjs on free ports with MODUS_CONTENT_DIR=`contentDir`, building into `outDir`
 * (unless `build: false`), and resolves once it reports that both servers run.
 */
export async function startStack(opts: {
  contentDir: string;
  outDir: string;
  build?: boolean;
  workflow?: boolean;
  env?: Record<string, string>;
}): Promise<Stack> {
  const port = await freePort();
  let cmsPort = await freePort();
  while (cmsPort === port) cmsPort = await freePort();
  const args = ['scripts/start.mjs', '--port', String(port), '--cms-port', String(cmsPort), '--out-dir', opts.outDir];
  if (opts.build === false) args.push('--no-build');
  if (opts.workflow) args.push('--workflow');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, MODUS_CONTENT_DIR: opts.contentDir, FORCE_COLOR: '0', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const log = () => out;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${out}`)), 300_000);
    const check = () => {
      if (out.includes('Press Ctrl-C to stop.')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with code ${code}:\n${out}`));
    });
  });
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return { url: `http://127.0.0.1:${port}`, port, cmsPort, child, log, stop };
}

/** Opens the CMS at `hash` (e.g. `/collections/notices/new`), logs in, and waits for the editor or list. */
export async function openCms(page: Page, url: string, hash = '/'): Promise<void> {
  await page.goto(`${url}/admin/#${hash}`);
  // The local backend needs no credentials; Decap remembers the login in the browser profile.
  const login = page.getByRole('button', { name: /login/i });
  const inside = page.getByText(/Writing in (Notices|Courses)( · \w+ translations)? collection|Collections/).first();
  await login.or(inside).first().waitFor({ timeout: 60_000 });
  if (await login.isVisible()) await login.click();
  await inside.waitFor({ timeout: 60_000 });
}

/** The input of the field labelled `label` (exact, as Decap renders it), the `nth` one on the page. */
export function field(page: Page, label: string, nth = 0) {
  return page.getByLabel(label, { exact: true }).nth(nth);
}

/** Chooses `option` (its visible label) in the select or relation labelled `label`. */
export async function choose(page: Page, label: string, option: string, nth = 0): Promise<void> {
  const input = field(page, label, nth);
  await input.click();
  await input.fill(option);
  await page.getByRole('option', { name: option, exact: false }).first().click({ timeout: 30_000 });
}

/** Clicks "Add <what>" and fills the new item's single text field with `value`. */
export async function addListText(page: Page, addLabel: string, itemLabel: string, value: string): Promise<void> {
  await page.getByRole('button', { name: addLabel, exact: true }).click();
  await field(page, itemLabel, (await page.getByLabel(itemLabel, { exact: true }).count()) - 1).fill(value);
}

/** Publishes the entry being edited (simple mode: "Publish" → "Publish now") and waits for Decap's confirmation. */
export async function publishNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Publish now', { exact: true }).click();
  await page
    .getByText(/Entry published|Changes saved/i)
    .first()
    .waitFor({ timeout: 60_000 });
}

/** Waits until `file` exists (decap-server writes asynchronously) and returns its text. */
export async function waitForFile(file: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} was not written`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return fs.readFileSync(file, 'utf8');
}

/** Waits until `file`'s text differs from `before`, and returns the new text. */
export async function waitForChange(file: string, before: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = fs.readFileSync(file, 'utf8');
    if (now !== before) return now;
    if (Date.now() > deadline) throw new Error(`${file} did not change`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Lines that differ between two versions of a file (same line count assumed), as [before, after] pairs. */
export function changedLines(before: string, after: string): Array<[string | undefined, string | undefined]> {
  const a = before.split('\n');
  const b = after.split('\n');
  const out: Array<[string | undefined, string | undefined]> = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.push([a[i], b[i]]);
  return out;
}

/**
 * Fills only the required fields of a new notice (`title`, a CLEAR marking, one of each required
 * list, an uploaded `photo`), leaving every optional field empty (field case F6).
 */
export async function fillRequired(page: Page, title: string, photo: string): Promise<void> {
  await field(page, 'Title').fill(title);
  await field(page, 'Summary').fill(`Summary of ${title}.`);
  await choose(page, 'Marking (TLP)', 'TLP:CLEAR');
  await field(page, 'Published').fill('2026-03-01');
  await choose(page, 'Crime areas', 'Drug trafficking');
  await choose(page, 'Commodities', 'Heroin and opioids');
  await choose(page, 'Concealment category', 'Other');
  await field(page, 'Object or place used').fill('Test object');
  await choose(page, 'Transport modes', 'Rail');
  await addListText(page, 'Add indicators', 'Indicator', 'A test indicator.');
  await addListText(page, 'Add recommended actions', 'Action', 'A test action.');
  await page.getByRole('button', { name: 'Add images', exact: true }).click();
  await page.getByRole('button', { name: /choose an image/i }).click();
  await page.locator('input[type=file]').first().setInputFiles(photo);
  await page.getByRole('button', { name: 'Choose selected' }).click();
  await field(page, 'Text alternative').fill('A test image.');
  await choose(page, 'Kind of image', 'Diagram');
  await page.getByRole('button', { name: 'Add sources', exact: true }).click();
  await field(page, 'Title', 1).fill('Test source');
  await field(page, 'Publisher').fill('Test publisher');
}

/** The prose of a notice translation, as a translator types it into the CMS form. */
export interface TranslationText {
  title: string;
  summary: string;
  object: string;
  placement?: string;
  indicators: string[];
  actions: string[];
  images: Array<{ alt: string; caption?: string }>;
}

/** Fills the form of a new notice translation (its original already chosen) with `t`, item by item. */
export async function fillTranslation(page: Page, t: TranslationText): Promise<void> {
  await field(page, 'Title').fill(t.title);
  await field(page, 'Summary').fill(t.summary);
  await field(page, 'Object or place used').fill(t.object);
  if (t.placement) await field(page, 'Placement (optional)').fill(t.placement);
  for (const v of t.indicators) await addListText(page, 'Add indicators', 'Indicator', v);
  for (const v of t.actions) await addListText(page, 'Add recommended actions', 'Action', v);
  for (const img of t.images) {
    await page.getByRole('button', { name: 'Add image', exact: true }).click();
    await field(page, 'Text alternative', (await page.getByLabel('Text alternative', { exact: true }).count()) - 1).fill(img.alt);
    if (img.caption)
      await field(page, 'Caption (optional)', (await page.getByLabel('Caption (optional)', { exact: true }).count()) - 1).fill(img.caption);
  }
}

/** A French translation of the statues notice of tests/fixtures/cms that fits it. */
export const STATUES_FR: TranslationText = {
  title: 'Méthamphétamine dans des statues d’animaux en résine',
  summary: 'De la méthamphétamine dans le socle creux de statues d’animaux en résine expédiées par fret aérien.',
  object: 'Statues d’animaux en résine',
  placement: 'Dans le socle creux, scellé au plâtre',
  indicators: ['Statues bien plus lourdes que leur taille ne le laisse supposer.', 'Plâtre ou peinture frais sur le socle.'],
  actions: ['Radiographier la statue sous deux angles.', 'Informer le bureau central national.'],
  images: [{ alt: 'Radiographie d’une statue avec un bloc dense dans le socle.', caption: 'Le bloc dense se voit nettement.' }],
};
