/**
 * The course form of the CMS, in Chromium against the real `npm start` (site +
 * decap-server on free loopback ports) on a temporary copy of tests/fixtures/cms, whose content folder
 * has no courses yet: a trainer creates a course with two modules, picks each case's notice by typing
 * part of its title, chooses roles from a select, and publishes. The file is written with its keys in
 * COURSE_FIELD_ORDER, cases stored by notice id, modules in the order they were added, and it passes
 * the build's course checks; a case linking a notice marked above the course is refused by the build.
 * Prevents: a course saved from the CMS in a form the build refuses or with its keys reordered, and a
 * course that links a notice marked above it published.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { launch, offMachine, type Session } from '../helpers/chromium.ts';
import { astroSync } from '../helpers/site.ts';
import { addListText, choose, copyFixture, field, openCms, publishNow, startStack, waitForFile, type Stack } from '../helpers/cms.ts';
import { COURSE_FIELD_ORDER, CASE_FIELD_ORDER } from '../../src/model/course.ts';

const TITLE = 'Hollow goods for front-line officers';

let fixture: { dir: string; contentDir: string };
let stack: Stack;
let session: Session;

beforeAll(async () => {
  fixture = copyFixture('cms');
  expect(fs.existsSync(path.join(fixture.contentDir, 'courses'))).toBe(false);
  stack = await startStack({ contentDir: fixture.contentDir, outDir: path.join(fixture.dir, 'dist') });
  session = await launch();
});

afterAll(async () => {
  await session?.close();
  const code = await stack?.stop();
  expect(code).toBe(0);
  if (fixture && !process.env.MODUS_KEEP_TMP) fs.rmSync(fixture.dir, { recursive: true, force: true });
});

/** Frontmatter of an MDX file, parsed, and its keys in file order. */
function frontmatter(text: string): Record<string, unknown> {
  return parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;
}

describe('CMS course form', () => {
  test('a trainer builds a course of ordered modules, choosing cases by notice title and roles from a select', async () => {
    const page = await session.newPage();
    await openCms(page, stack.url, '/collections/courses/new');

    await field(page, 'Title').fill(TITLE);
    await field(page, 'Summary').fill('Drugs hidden inside statues and machinery, for officers at the border.');
    await choose(page, 'Audience', 'Front-line customs');
    await choose(page, 'Audience', 'Border police');
    await choose(page, 'Level', 'Introductory');
    await field(page, 'Duration (minutes)').fill('90');
    await choose(page, 'Marking (TLP)', 'TLP:CLEAR');
    await field(page, 'Published').fill('2026-11-20');
    await addListText(page, 'Add learning objectives', 'Objective', 'Recognise goods heavier than they should be.');

    // Module 1, with a case chosen by typing part of the notice's title.
    await page.getByRole('button', { name: 'Add modules', exact: true }).click();
    await field(page, 'Module title').fill('Statues');
    await page.getByRole('button', { name: 'Add cases', exact: true }).click();
    const notice = field(page, 'Notice');
    await notice.click();
    await notice.fill('resin');
    const option = page.getByRole('option', { name: /Methamphetamine inside resin animal statues \(MO-2025-0001\)/ });
    await option.first().click({ timeout: 30_000 });
    // The role select offers exactly the three roles.
    const role = field(page, 'Role');
    await role.click();
    const roles = await page.getByRole('option').allInnerTexts();
    expect(roles.map((r) => r.trim())).toEqual(['Primary case', 'Comparison', 'Background']);
    await page.getByRole('option', { name: 'Primary case' }).click();
    await field(page, 'Discussion prompt (optional)').fill('What would you check first?');

    // Module 2, added after module 1, linking the same notice as a comparison.
    await page.getByRole('button', { name: 'Add modules', exact: true }).click();
    await field(page, 'Module title', 1).fill('Machinery');
    await page.getByRole('button', { name: 'Add cases', exact: true }).nth(1).click();
    await choose(page, 'Notice', 'resin', 1);
    await choose(page, 'Role', 'Comparison', 1);

    await page.locator('[data-slate-editor="true"]').first().click();
    await page.keyboard.type('Walk through each case, then discuss.');

    await publishNow(page);
    const dir = path.join(fixture.contentDir, 'courses');
    const file = await (async () => {
      const deadline = Date.now() + 30_000;
      while (!fs.existsSync(dir) || fs.readdirSync(dir).length === 0) {
        if (Date.now() > deadline) throw new Error('no course was written');
        await new Promise((r) => setTimeout(r, 200));
      }
      return path.join(dir, fs.readdirSync(dir)[0]!, 'index.mdx');
    })();
    const written = await waitForFile(file);
    console.info(`written: ${file}\n${written}`);
    await page.close();

    expect(path.basename(path.dirname(file))).toBe('hollow-goods-for-front-line-officers');
    const data = frontmatter(written);
    // Keys in the schema's order (so a later save rewrites nothing else), values as the schema wants them.
    const keys = Object.keys(data);
    expect(keys).toEqual(COURSE_FIELD_ORDER.filter((k) => keys.includes(k)));
    expect(keys).toEqual([...COURSE_FIELD_ORDER]);
    expect(data).toMatchObject({
      title: TITLE,
      audience: ['frontline-customs', 'border-police'],
      level: 'introductory',
      durationMinutes: 90,
      tlp: 'CLEAR',
    });
    // A date only, written as typed: no time, no time zone, no quotes (Decap's YAML writer leaves
    // `2026-11-20` plain; a Date would be written 2026-11-20T00:00:00.000Z).
    expect(written).toMatch(/^published: 2026-11-20$/m);
    expect(data.published).toBe('2026-11-20');
    const modules = data.modules as Array<{ title: string; cases: Array<Record<string, unknown>> }>;
    expect(modules.map((m) => m.title)).toEqual(['Statues', 'Machinery']);
    expect(modules[0]!.cases).toEqual([{ notice: 'MO-2025-0001', role: 'primary', prompt: 'What would you check first?' }]);
    expect(modules[1]!.cases).toEqual([{ notice: 'MO-2025-0001', role: 'comparison' }]);
    for (const c of modules.flatMap((m) => m.cases)) expect(Object.keys(c)).toEqual(CASE_FIELD_ORDER.filter((k) => k in c));
    expect(written).toContain('Walk through each case, then discuss.');
    expect(offMachine(session.requests)).toEqual([]);

    // The build's course checks accept it; linking the GREEN notice from this CLEAR course is refused.
    const sync = await astroSync(fixture.contentDir);
    expect(sync.output).not.toMatch(/problem/);
    expect(sync.code).toBe(0);
    const last = written.lastIndexOf('notice: MO-2025-0001');
    fs.writeFileSync(file, `${written.slice(0, last)}notice: MO-2025-0002${written.slice(last + 'notice: MO-2025-0001'.length)}`);
    const refused = await astroSync(fixture.contentDir);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(
      /tlp: The course is marked TLP:CLEAR but links notices marked higher: MO-2025-0002 \(TLP:GREEN, module 2\)/,
    );
  });
});
