/**
 * Saving one course's notices in Chromium (docs/offline.md), on the `courses` fixture, with the keyboard only:
 * the copy holds the course's notices and not the others; offline, a notice of the course opens from the copy
 * and a notice outside it opens the offline page of its language (which says what the device holds).
 *
 * Prevents: a course copy that misses the notices the course links to, one that holds the whole knowledge
 * base (the size shown would be wrong), a save that needs a mouse, and a blank error page offline.
 */
import fs from 'node:fs';
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

beforeAll(async () => {
  fixture = await materialise('courses');
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
      /^Offline copy of the course “Concealment in manufactured goods”: 2 notices, /,
    );
  });

  it('offline: a notice of the course opens from the copy; one outside it opens the offline page of its language', async () => {
    await server.stop();
    await browser.context.setOffline(true);
    await tab.goto(`${server.url}/notices/resin-sculptures/`);
    expect(await tab.locator('.offline-banner').innerText()).toMatch(/^Offline copy — build [0-9a-f]{12} of /);
    await tab.goto(`${server.url}/fr/notices/liquid-cocaine-wine/`);
    expect(await tab.locator('h1').innerText()).toBe('Copie hors ligne');
    // Filled in by its script, from the record of the copy.
    await tab.locator('#offline-summary', { hasText: 'la formation « Concealment in manufactured goods »' }).waitFor({ timeout: 10_000 });
  });
});
