/**
 * The editorial workflow with decap-server's git mode (`npm start -- --workflow`), in Chromium, on a
 * temporary git repository holding a copy of tests/fixtures/cms: a new notice is saved as a draft
 * (a `cms/notices/<slug>` branch, nothing on main), moved to "In review" and "Ready", then
 * published (merged into main, branch deleted); a French translation's draft branch and its publication
 * hold its own file alone. The same config points at a production git host.
 * Prevents: a draft reaching main before it is published, a publish that leaves its branch behind, a
 * translation's publication that changes its original or another language's file, and decap-server
 * starting on a checkout whose uncommitted changes its commits would sweep in.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch } from '../helpers/chromium.ts';
import { copyFixture, field, fillRequired, fillTranslation, openCms, startStack, STATUES_FR, type Stack } from '../helpers/cms.ts';

const YEAR = new Date().getFullYear();
const ID = `MO-${YEAR}-0001`;
const SLUG = ID.toLowerCase();
const FILE = `content/notices/${SLUG}/index.mdx`;

let fixture: { dir: string; contentDir: string };
let stack: Stack;
const git = (...args: string[]) => execFileSync('git', ['-C', fixture.dir, ...args], { encoding: 'utf8' }).trim();

beforeAll(async () => {
  fixture = copyFixture('cms');
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test Editor');
  git('config', 'user.email', 'editor@example.org');
  git('add', 'content');
  git('commit', '-qm', 'Fixture content');
  // The build goes outside the repository: the working tree holds only content.
  stack = await startStack({ contentDir: fixture.contentDir, outDir: `${fixture.dir}-dist`, workflow: true });
});

afterAll(async () => {
  expect(await stack?.stop()).toBe(0);
  if (fixture) {
    fs.rmSync(fixture.dir, { recursive: true, force: true });
    fs.rmSync(`${fixture.dir}-dist`, { recursive: true, force: true });
  }
});

describe('editorial workflow (decap-server git mode)', () => {
  test('draft → in review → ready → published, as git branches', async () => {
    const photo = path.join(`${fixture.dir}-dist`, 'diagram.png');
    await sharp({ create: { width: 640, height: 480, channels: 3, background: '#522' } })
      .png()
      .toFile(photo);
    const session = await launch();
    try {
      const page = await session.newPage();
      await openCms(page, stack.url, '/collections/notices/new');
      await expect.poll(() => field(page, 'Notice id').inputValue()).toBe(ID);
      await fillRequired(page, 'Heroin in rail freight wagons', photo);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page
        .getByText(/Entry saved/i)
        .first()
        .waitFor({ timeout: 60_000 });

      // A draft lives on its own branch; main does not have it yet.
      await expect.poll(() => git('branch', '--list', 'cms/*')).toContain(`cms/notices/${SLUG}/index`);
      expect(git('ls-tree', '-r', '--name-only', 'main')).not.toContain(FILE);
      expect(git('config', `branch.cms/notices/${SLUG}/index.description`)).toBe('decap-cms/draft');

      for (const [label, status] of [
        ['In review', 'pending_review'],
        ['Ready', 'pending_publish'],
      ] as const) {
        await page.getByRole('button', { name: /^Status:/ }).click();
        await page.getByRole('menuitem', { name: label }).click();
        await expect.poll(() => git('config', `branch.cms/notices/${SLUG}/index.description`)).toBe(`decap-cms/${status}`);
      }

      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      page.once('dialog', (d) => void d.accept()); // Decap asks "Are you sure you want to publish this entry?"
      await page.getByText('Publish now', { exact: true }).click();
      await expect.poll(() => git('ls-tree', '-r', '--name-only', 'main'), { timeout: 60_000 }).toContain(FILE);
      await expect.poll(() => git('branch', '--list', 'cms/*')).toBe('');
      expect(git('show', `main:${FILE}`)).toContain('title: Heroin in rail freight wagons');
      expect(git('log', '--format=%s', 'main')).toMatch(/Create Notice/);
      // The working tree is back on main, with the published file in the content folder.
      expect(git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
      expect(fs.existsSync(path.join(fixture.dir, FILE))).toBe(true);
    } finally {
      await session.close();
    }
  });
});

describe('editorial workflow: a translation', () => {
  test('its draft branch and its publication hold the translation file alone; the original and the other translation are the same blobs', async () => {
    const branch = 'cms/notices-fr/meth-in-resin-statues/index';
    const translation = 'content/notices/meth-in-resin-statues/index.fr.mdx';
    const blobs = () =>
      git('ls-tree', '-r', 'main', 'content/notices/meth-in-resin-statues/')
        .split('\n')
        .filter((l) => !l.endsWith('index.fr.mdx'));
    const before = blobs();
    const session = await launch();
    try {
      const page = await session.newPage();
      await openCms(page, stack.url, '/collections/notices-fr/new?original=meth-in-resin-statues');
      await expect
        .poll(() => page.getByTestId('translation-of-status').innerText(), { timeout: 30_000 })
        .toMatch(/no French translation yet/);
      await fillTranslation(page, STATUES_FR);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page
        .getByText(/Entry saved/i)
        .first()
        .waitFor({ timeout: 60_000 });
      await expect.poll(() => git('branch', '--list', 'cms/*')).toContain(branch);
      expect(git('diff', '--name-only', 'main', branch)).toBe(translation);

      await page.getByRole('button', { name: /^Status:/ }).click();
      await page.getByRole('menuitem', { name: 'Ready' }).click();
      await expect.poll(() => git('config', `branch.${branch}.description`)).toBe('decap-cms/pending_publish');
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      page.once('dialog', (d) => void d.accept());
      await page.getByText('Publish now', { exact: true }).click();
      await expect.poll(() => git('ls-tree', '-r', '--name-only', 'main'), { timeout: 60_000 }).toContain(translation);
      expect(git('show', `main:${translation}`)).toContain(`title: ${STATUES_FR.title}`);
      expect(git('show', `main:${translation}`)).not.toMatch(/^original:/m);
      expect(blobs()).toEqual(before);
      expect(git('diff', '--name-only', 'HEAD~1', 'HEAD')).toBe(translation);
    } finally {
      await session.close();
    }
  });
});

describe('editorial workflow: a checkout with uncommitted changes', () => {
  test('is refused before decap-server starts, naming the changed files', async () => {
    const { startDecapServer } = await import('../../scripts/lib/servers.mjs');
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-dirty-'));
    try {
      const run = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
      run('init', '-q', '-b', 'main');
      fs.mkdirSync(path.join(repo, 'content', 'notices', 'a'), { recursive: true });
      fs.writeFileSync(path.join(repo, 'content', 'notices', 'a', 'index.mdx'), '---\ntitle: A\n---\n');
      run('add', '.');
      run('-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qm', 'a');
      fs.appendFileSync(path.join(repo, 'content', 'notices', 'a', 'index.mdx'), 'edited by hand\n');
      await expect(startDecapServer({ port: 1, contentDir: path.join(repo, 'content'), mode: 'git' })).rejects.toThrow(
        /needs a clean checkout[\s\S]*content\/notices\/a\/index\.mdx/,
      );
      // An untracked file would be committed by decap-server's `git add .`: refused too.
      run('checkout', '--', '.');
      fs.writeFileSync(path.join(repo, 'content', 'notices', 'a', 'evidence-original.jpg'), 'not for publication');
      await expect(startDecapServer({ port: 1, contentDir: path.join(repo, 'content'), mode: 'git' })).rejects.toThrow(
        /needs a clean checkout[\s\S]*\?\? content\/notices\/a\/evidence-original\.jpg/,
      );
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});
