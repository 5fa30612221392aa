/**
 * The checked content loader's checks, run in-process with Astro's own data store and MDX entry type
 * (tests/helpers/loader-context.ts): every problem of every file is reported at once, naming the file
 * and the field or line; entries and images must stay inside the content folder; what the build's
 * audience may not see is checked like the rest, then never stored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { imageRegistry } from '../../src/loading/images/image-registry.ts';
import { noticeMdx, writeImage } from '../helpers/corpus.ts';
import { loadNotices } from '../helpers/loader-context.ts';
import { fixtureNotice, projects } from '../helpers/loader-project.ts';

const { make: project, cleanUp } = projects();
afterAll(cleanUp);

/** The problem lines of a load's error (`    [file:line:column ]field: message`). */
const problemLines = (err?: Error) => (err?.message ?? '').split('\n').filter((l) => l.startsWith('    '));

describe('checked loader: frontmatter and body problems', () => {
  it('reports a bad field as one problem naming the file and the field (an editor must find what to fix)', async () => {
    const { root, contentDir } = await project([
      fixtureNotice('good', 1),
      fixtureNotice('bad', 2, { data: { commodities: ['unobtainium'] } }),
    ]);
    const load = await loadNotices(root, contentDir);
    expect(load.error?.message).toMatch(/^1 problem in the content; nothing was built:\n {2}content\/notices\/bad\/index\.mdx\n/);
    expect(problemLines(load.error)).toEqual([expect.stringMatching(/^ {4}commodities\[0\]: "unobtainium" is not a known commodity\./)]);
    // The course checks must not run on notices whose fields are not valid.
    expect(await load.published).toBeUndefined();
  });

  it('reports every file whose frontmatter is not YAML, each with its line (Astro alone stops at the first)', async () => {
    const { root, contentDir } = await project([fixtureNotice('one', 1), fixtureNotice('two', 2), fixtureNotice('fine', 3)]);
    for (const slug of ['one', 'two']) {
      const file = path.join(contentDir, 'notices', slug, 'index.mdx');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Hollow casting: resin figurine'));
    }
    const load = await loadNotices(root, contentDir);
    const lines = problemLines(load.error);
    expect(lines).toHaveLength(2);
    for (const slug of ['one', 'two']) {
      const text = fs.readFileSync(path.join(contentDir, 'notices', slug, 'index.mdx'), 'utf8');
      const line = text.split('\n').findIndex((l) => l.startsWith('title:')) + 1;
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(`^ {4}content/notices/${slug}/index\\.mdx:${line}:\\d+ \\(frontmatter\\): The frontmatter is not valid YAML`),
        ),
      );
    }
  });

  it('refuses a <script> in a body at the line of the file it is on, and does not render that body', async () => {
    const { root, contentDir } = await project([fixtureNotice('hostile', 1, { body: 'Intro.\n\n<script>alert(1)</script>\n' })]);
    const load = await loadNotices(root, contentDir);
    const text = fs.readFileSync(path.join(contentDir, 'notices/hostile/index.mdx'), 'utf8');
    const line = text.split('\n').indexOf('<script>alert(1)</script>') + 1;
    expect(problemLines(load.error)).toEqual([
      expect.stringMatching(new RegExp(`^ {4}content/notices/hostile/index\\.mdx:${line}:1 body: <script> is not allowed in a body`)),
    ]);
    expect(load.stored.get('hostile')?.rendered).toBeUndefined();
  });
});

describe('checked loader: entry files and images stay inside the content folder', () => {
  it('refuses an image that is a link to a file outside the content folder (it could publish any file of the machine)', async () => {
    const { root, contentDir } = await project([fixtureNotice('linked', 1)]);
    const outside = path.join(root, 'elsewhere.jpg');
    await writeImage(outside, { colour: [1, 2, 3], gps: false, width: 32, height: 32 });
    const image = path.join(contentDir, 'notices/linked/photo.jpg');
    fs.rmSync(image);
    fs.symlinkSync(outside, image);
    const load = await loadNotices(root, contentDir);
    expect(problemLines(load.error)).toEqual([
      '    images[0].src: Image "photo.jpg" is a link to a file outside the content folder; copy the image into the notice folder instead.',
    ]);
  });

  it('refuses an entry file that is a link to a file outside the content folder', async () => {
    const { root, contentDir } = await project([fixtureNotice('kept', 1)]);
    const outside = path.join(root, 'outside.mdx');
    const linked = fixtureNotice('linked', 2);
    fs.writeFileSync(outside, noticeMdx(linked));
    fs.mkdirSync(path.join(contentDir, 'notices/linked'));
    await writeImage(path.join(contentDir, 'notices/linked/photo.jpg'), linked.images[0]!);
    fs.symlinkSync(outside, path.join(contentDir, 'notices/linked/index.mdx'));
    const load = await loadNotices(root, contentDir);
    expect(problemLines(load.error)).toEqual([
      `    (file): The entry is a link to ${fs.realpathSync(outside)}, outside the content folder. Copy the entry into the content folder instead of linking to it.`,
    ]);
  });

  it('names the images the folder does hold when an image is missing (a typo in a file name)', async () => {
    const { root, contentDir } = await project([fixtureNotice('typo', 1)]);
    const file = path.join(contentDir, 'notices/typo/index.mdx');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('src: photo.jpg', 'src: phot.jpg'));
    const load = await loadNotices(root, contentDir);
    expect(problemLines(load.error)).toEqual([
      '    images[0].src: Image "phot.jpg" not found beside index.mdx. Images in this folder: photo.jpg.',
    ]);
  });

  it('gives each image shown its content id and displayed size, and registers it for encoding (else no variant is made)', async () => {
    const { root, contentDir } = await project([fixtureNotice('shown', 1)]);
    const load = await loadNotices(root, contentDir);
    expect(load.error).toBeUndefined();
    const [image] = load.stored.get('shown')!.data.images as Array<{ src: { path: string; id: string; width: number; height: number } }>;
    expect(image!.src).toEqual({ path: './photo.jpg', id: expect.stringMatching(/^[0-9a-f]{20}$/), width: 64, height: 48 });
    expect(imageRegistry().get(image!.src.id)?.file).toBe(path.join(contentDir, 'notices/shown/photo.jpg'));
  });
});

describe('checked loader: audience', () => {
  it('checks a notice above the audience, publishes it to the course checks, but never stores it (it would reach dist/)', async () => {
    const { root, contentDir } = await project([fixtureNotice('open', 1), fixtureNotice('restricted', 2, { tlp: 'AMBER' })]);
    const load = await loadNotices(root, contentDir, { audience: 'public' });
    expect(load.error).toBeUndefined();
    expect([...load.stored.keys()]).toEqual(['open']);
    expect((await load.published)?.map((e) => e.slug).sort()).toEqual(['open', 'restricted']);
    // Only the stored notice's image is registered for encoding.
    expect([...imageRegistry().values()].map((i) => path.basename(path.dirname(i.file)))).toEqual(['open']);
  });

  it('fails the build for a bad field in a notice above the audience, as every audience’s build does', async () => {
    const { root, contentDir } = await project([
      fixtureNotice('open', 1),
      fixtureNotice('restricted', 2, { tlp: 'AMBER', data: { commodities: ['unobtainium'] } }),
    ]);
    const load = await loadNotices(root, contentDir, { audience: 'public' });
    expect(load.error?.message).toContain('content/notices/restricted/index.mdx\n    commodities[0]:');
    expect(load.stored.has('restricted')).toBe(false);
  });

  it('gives an image marked above the audience no content id and does not register it (its variants would be published)', async () => {
    const notice = fixtureNotice('mixed', 1, {
      images: [
        { file: 'open.jpg', colour: [9, 9, 9], gps: false, width: 32, height: 32 },
        { file: 'amber.jpg', colour: [8, 8, 8], gps: false, width: 32, height: 32, tlp: 'AMBER' },
      ],
    });
    const { root, contentDir } = await project([notice]);
    const load = await loadNotices(root, contentDir, { audience: 'public' });
    expect(load.error).toBeUndefined();
    const images = load.stored.get('mixed')!.data.images as Array<{ src: unknown }>;
    expect(images[0]!.src).toMatchObject({ path: './open.jpg', id: expect.stringMatching(/^[0-9a-f]{20}$/) });
    expect(images[1]!.src).toBe('./amber.jpg');
    expect([...imageRegistry().values()].map((i) => path.basename(i.file))).toEqual(['open.jpg']);
  });
});
