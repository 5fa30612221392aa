/**
 * Nothing lost or silently changed by the CMS, in Chromium against the real `npm start` on a copy of
 * tests/fixtures/cms: a title-only save changes only the title line, with the browser at UTC+10 and
 * at UTC−5; editing a paragraph leaves the Call-out byte for byte; new notices get the next free id
 * and a folder named after it whatever the title's script; a taken id is refused; a notice saved
 * with every optional field empty (F6) builds. Prevents: a CMS save rewriting what the editor did not
 * touch (a date shifted by the browser's time zone, a call-out rewritten), two notices given one id,
 * and a notice with empty optional fields failing the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, type Session } from '../helpers/chromium.ts';
import { astroSync } from '../helpers/site.ts';
import {
  changedLines,
  copyFixture,
  field,
  fillRequired,
  openCms,
  publishNow,
  startStack,
  waitForChange,
  waitForFile,
  type Stack,
} from '../helpers/cms.ts';

const YEAR = new Date().getFullYear();
const STATUES = 'notices/meth-in-resin-statues/index.mdx';

let fixture: { dir: string; contentDir: string };
let stack: Stack;

beforeAll(async () => {
  fixture = copyFixture('cms');
  stack = await startStack({ contentDir: fixture.contentDir, outDir: path.join(fixture.dir, 'dist') });
});

afterAll(async () => {
  expect(await stack?.stop()).toBe(0);
  if (fixture) fs.rmSync(fixture.dir, { recursive: true, force: true });
});

describe('editing an existing notice', () => {
  for (const [timezoneId, offset] of [
    ['Etc/GMT-10', -600],
    ['Etc/GMT+5', 300],
  ] as const) {
    test(`a title-only save changes only the title line (browser at UTC${offset < 0 ? '+10' : '−5'})`, async () => {
      const file = path.join(fixture.contentDir, STATUES);
      const before = fs.readFileSync(file, 'utf8');
      const session: Session = await launch({ timezoneId });
      try {
        const page = await session.newPage();
        await openCms(page, stack.url, '/collections/notices/entries/meth-in-resin-statues/index');
        expect(await page.evaluate(() => new Date(2025, 2, 1).getTimezoneOffset())).toBe(offset);
        // Date-only values are shown as written, not shifted by the browser's time zone.
        await expect.poll(() => field(page, 'Published').inputValue()).toBe('2025-03-01');
        expect(await field(page, 'Last updated (optional)').inputValue()).toBe('2025-06-15');
        await field(page, 'Title').fill(`Methamphetamine inside resin animal statues (${timezoneId})`);
        await publishNow(page);
        const after = await waitForChange(file, before);
        expect(changedLines(before, after)).toEqual([
          ['title: Methamphetamine inside resin animal statues', `title: Methamphetamine inside resin animal statues (${timezoneId})`],
        ]);
      } finally {
        await session.close();
        fs.writeFileSync(file, before);
      }
    });
  }

  test('editing a paragraph of the body leaves the Call-out byte for byte', async () => {
    const file = path.join(fixture.contentDir, STATUES);
    const before = fs.readFileSync(file, 'utf8');
    const callout = /<Callout type="warning" title="Safety">\n[\s\S]*?\n<\/Callout>/.exec(before)![0];
    const session = await launch();
    try {
      const page = await session.newPage();
      await openCms(page, stack.url, '/collections/notices/entries/meth-in-resin-statues/index');
      const paragraph = page.locator('[data-slate-editor="true"]').first().getByText('An x-ray showed a dense block');
      await paragraph.click();
      // Put the caret at the end of that paragraph's text (as a click after its last word would).
      await paragraph.evaluate((el) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let last: Node | null = null;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent) last = n;
        const range = document.createRange();
        range.setStart(last!, last!.textContent!.length);
        range.collapse(true);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
      });
      await page.waitForTimeout(200);
      await page.keyboard.type(' The block weighed 2 kg.');
      await publishNow(page);
      const after = await waitForChange(file, before);
      expect(after).toContain(callout);
      expect(changedLines(before, after)).toEqual([
        [
          'An x-ray showed a dense block where the base should be hollow.',
          'An x-ray showed a dense block where the base should be hollow. The block weighed 2 kg.',
        ],
      ]);
    } finally {
      await session.close();
      fs.writeFileSync(file, before);
    }
  });
});

describe('new notices', () => {
  test('get the next free id and a folder named after it, for any title; empty optional fields build', async () => {
    const photo = path.join(fixture.dir, 'diagram.png');
    await sharp({ create: { width: 640, height: 480, channels: 3, background: '#225' } })
      .png()
      .toFile(photo);
    const session = await launch();
    try {
      const titles = ['Метамфетамин в статуэтках', '?!…', 'Café crème — ½ kg in “tiles”'];
      for (const [i, title] of titles.entries()) {
        const id = `MO-${YEAR}-${String(i + 1).padStart(4, '0')}`;
        const page = await session.newPage();
        await openCms(page, stack.url, '/collections/notices/new');
        await expect.poll(() => field(page, 'Notice id').inputValue()).toBe(id);
        await fillRequired(page, title, photo);
        await publishNow(page);
        const file = path.join(fixture.contentDir, 'notices', id.toLowerCase(), 'index.mdx');
        const written = await waitForFile(file);
        expect(written).toContain(`id: ${id}\n`);
        // F6: optional fields left empty are not written (or written empty), and the schema accepts that.
        expect(written).not.toMatch(/^(statusReason|supersededBy|updated|operation|aliases): \S/m);
        await page.close();
      }
      // The folder stays when the title changes later (links and ids do not move).
      const page = await session.newPage();
      const id = `MO-${YEAR}-0002`;
      await openCms(page, stack.url, `/collections/notices/entries/${id.toLowerCase()}/index`);
      const file = path.join(fixture.contentDir, 'notices', id.toLowerCase(), 'index.mdx');
      const before = fs.readFileSync(file, 'utf8');
      await field(page, 'Title').fill('Heroin in rail freight, renamed');
      await publishNow(page);
      await waitForChange(file, before);
      expect(fs.readdirSync(path.join(fixture.contentDir, 'notices')).sort()).toEqual([
        'cocaine-in-sea-chest',
        'meth-in-resin-statues',
        `mo-${YEAR}-0001`,
        `mo-${YEAR}-0002`,
        `mo-${YEAR}-0003`,
      ]);
      // An id already in use is refused before saving, naming the notice that has it.
      await page.goto('about:blank');
      await openCms(page, stack.url, '/collections/notices/new');
      await expect.poll(() => field(page, 'Notice id').inputValue()).toBe(`MO-${YEAR}-0004`);
      await field(page, 'Notice id').fill('MO-2025-0001');
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.getByText('Publish now', { exact: true }).click();
      await page.getByText(/MO-2025-0001 is already used by "Methamphetamine inside resin animal statues"/).waitFor();
    } finally {
      await session.close();
    }
    const sync = await astroSync(fixture.contentDir);
    expect(sync.output).not.toMatch(/problem/);
    expect(sync.code).toBe(0);
  });
});
