/**
 * Saving one course's notices in Chromium (docs/offline.md), on the `courses` fixture, with the keyboard only:
 * the copy holds the course's notices and not the others; offline, a notice of the course opens from the copy
 * and a notice outside it opens the offline page of its language (which says what the device holds).
 *
 * Prevents: a course copy that misses the notices the course links to, one that holds the whole knowledge
 * base (the size shown would be wrong), a save that needs a mouse, and a blank error page offline. Before
 * saving, the offline page at a phone's width (390 px) with a long course title, in English and Arabic: the
 * course list must not make the page scroll sideways; and the French page lists a translated course under its
 * French title, not the English one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, tempDir } from '../helpers/site.ts';
import { launch, type Session } from '../helpers/chromium.ts';
import { materialise, type Fixture } from '../helpers/fixtures.ts';
import { staticServer, type StaticServer } from '../helpers/static-server.ts';

let fixture: Fixture;
let dist: string;
let server: StaticServer;
let browser: Session;
let tab: Page;

const LONG_TITLE =
  'Concealment in manufactured goods: hollow castings, sealed bases, false bottoms and dense loads in sculptures and machinery';
const FRENCH_TITLE = 'Dissimulation dans les produits manufacturés';
const FRENCH = `---
translated: 2026-01-01
title: "${FRENCH_TITLE}"
summary: Comment la drogue est coulée ou emballée dans des produits manufacturés, et ce qui la trahit (formation de test).
objectives:
  - Reconnaître les marchandises plus lourdes ou plus denses qu’elles ne devraient l’être.
  - Choisir entre la radioscopie et l’ouverture des marchandises.
modules:
  - title: Moulages creux
    objectives:
      - Repérer un socle scellé sur un objet moulé.
    intro: Les sculptures sont moulées creuses ; un creux est une cachette.
    cases:
      - prompt: Que vérifieriez-vous d’abord sur une sculpture lourde ?
        trainerNote: Faites circuler une figurine en résine.
  - title: Coques et boîtes à mer
    cases:
      - prompt: Qui appelez-vous pour une fouille subaquatique ?
      - {}
---
Cette formation parcourt des cas réels, module par module.
`;

beforeAll(async () => {
  fixture = await materialise('courses');
  // A course title longer than a phone is wide, and a French translation of that course.
  const course = path.join(fixture.contentDir, 'courses/manufactured-goods');
  const original = path.join(course, 'index.mdx');
  fs.writeFileSync(
    original,
    fs.readFileSync(original, 'utf8').replace('title: Concealment in manufactured goods', `title: "${LONG_TITLE}"`),
  );
  fs.writeFileSync(path.join(course, 'index.fr.mdx'), FRENCH);
  dist = tempDir('dist-offline-course');
  const r = await astroBuild(fixture.contentDir, dist);
  if (r.code !== 0) throw new Error(`fixture build failed:\n${r.output}`);
  server = await staticServer(dist);
  browser = await launch();
  tab = await browser.newPage();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fixture?.remove();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

describe("one course's notices offline", () => {
  it('at 390 px the page does not scroll sideways in English and Arabic, however long a course title', async () => {
    await tab.setViewportSize({ width: 390, height: 844 });
    for (const page of ['/offline/', '/ar/offline/']) {
      await tab.goto(`${server.url}${page}`);
      await tab.locator('#offline-save-all:not([disabled])').waitFor();
      expect(await tab.locator('#offline-course option').allInnerTexts()).toContain(LONG_TITLE);
      const widths = await tab.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        window: window.innerWidth,
        select: document.getElementById('offline-course')!.getBoundingClientRect().width,
        container: document.getElementById('offline-course')!.parentElement!.getBoundingClientRect().width,
      }));
      expect(widths.page, page).toBeLessThanOrEqual(widths.window);
      expect(widths.select, page).toBeLessThanOrEqual(widths.container);
      expect(await tab.locator('#offline-course').evaluate((e) => e.getBoundingClientRect().height)).toBeGreaterThanOrEqual(44);
    }
    await tab.setViewportSize({ width: 1280, height: 800 });
  });

  it('the French page lists a translated course under its French title', async () => {
    await tab.goto(`${server.url}/fr/offline/`);
    const titles = await tab.locator('#offline-course option').allInnerTexts();
    expect(titles).toContain(FRENCH_TITLE);
    expect(titles).not.toContain(LONG_TITLE);
  });

  it('saved with the keyboard: the course, its size and its notices', async () => {
    await tab.goto(`${server.url}/offline/`);
    await tab.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const whole = await tab.locator('#offline-save-all:not([disabled])').innerText();
    const course = await tab.locator('#offline-save-course').innerText();
    const mb = (label: string) => Number(/\(([\d.]+) MB\)/.exec(label)![1]);
    expect(mb(course)).toBeGreaterThan(0);
    expect(mb(course)).toBeLessThanOrEqual(mb(whole));
    await tab.locator('#offline-course').focus();
    await tab.keyboard.press('Tab');
    expect(await tab.evaluate(() => document.activeElement?.id)).toBe('offline-save-course');
    await tab.keyboard.press('Enter');
    await tab.waitForFunction(() => document.getElementById('offline-progress')?.textContent?.startsWith('Saved'), null, {
      timeout: 60_000,
    });
    expect(await tab.locator('#offline-summary').innerText()).toMatch(
      new RegExp(`^Offline copy of the course “${LONG_TITLE}”: 2 notices, `),
    );
  });

  it('offline: a notice of the course opens from the copy; one outside it opens the offline page of its language', async () => {
    await server.stop();
    await browser.context.setOffline(true);
    await tab.goto(`${server.url}/notices/resin-sculptures/`);
    expect(await tab.locator('.offline-banner').innerText()).toMatch(/^Offline copy — build [0-9a-f]{12} of /);
    await tab.goto(`${server.url}/fr/notices/liquid-cocaine-wine/`);
    expect(await tab.locator('h1').innerText()).toBe('Copie hors ligne');
    // Filled in by its script, from the record of the copy: the course under its title in the page's language
    // (it was saved from the English page).
    await tab.locator('#offline-summary', { hasText: `la formation « ${FRENCH_TITLE} »` }).waitFor({ timeout: 10_000 });
  });
});
