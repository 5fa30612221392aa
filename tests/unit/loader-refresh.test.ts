/**
 * The checked content loader across loads, in-process (tests/helpers/loader-context.ts): what is kept
 * in Astro's data store from one build to the next, and the refresh of one entry edited under
 * `astro dev`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { imageRefField, imageSrcPath } from '../../src/model/images.ts';
import { imageRegistry } from '../../src/loading/images/image-registry.ts';
import { fillChangedEntry } from '../../src/loading/loader/changed-entry.ts';
import { noticeSchema } from '../../src/model/notice.ts';
import { loadNotices, loaderContext } from '../helpers/loader-context.ts';
import { fixtureNotice, projects } from '../helpers/loader-project.ts';

const { make: project, cleanUp } = projects();
afterAll(cleanUp);

const imagesOf = (data: Record<string, unknown>) => data.images as Array<{ src: unknown }>;

describe('checked loader across loads', () => {
  it('does not reuse entries stored for another audience (an image withheld from the public would keep its variant)', async () => {
    const notice = fixtureNotice('mixed', 1, {
      images: [{ file: 'green.jpg', colour: [7, 7, 7], gps: false, width: 32, height: 32, tlp: 'GREEN' }],
    });
    const { root, contentDir } = await project([notice]);
    const community = await loadNotices(root, contentDir, { audience: 'community' });
    expect(community.error).toBeUndefined();
    expect(imagesOf(community.stored.get('mixed')!.data)[0]!.src).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{20}$/) });

    // The same files, unchanged, built for the public over the same store.
    const pub = await loadNotices(root, contentDir, { audience: 'public', store: community.store });
    expect(pub.error).toBeUndefined();
    expect(imagesOf(pub.stored.get('mixed')!.data)[0]!.src).toBe('./green.jpg');
    expect(imageRegistry().size).toBe(0);
  });
});

describe('fillChangedEntry (a notice edited under astro dev)', () => {
  const options = {
    imageFields: (data: Record<string, unknown>) =>
      imagesOf(data).map((img, i) => ({ field: `images[${i}].src`, src: imageSrcPath(img.src) })),
    fillImages: (data: Record<string, unknown>, refOf: (src: string) => unknown) => ({
      ...data,
      images: imagesOf(data).map((img) => ({ ...img, src: refOf(imageSrcPath(img.src)) })),
    }),
  };

  it('gives a changed notice’s images their content id and registers them, so the dev server can serve their variants', async () => {
    const { root, contentDir } = await project([fixtureNotice('edited', 1)]);
    const { ctx } = await loaderContext(root, 'notices', noticeSchema(imageRefField));
    imageRegistry().clear();
    const entryFile = path.join(contentDir, 'notices/edited/index.mdx');
    const data = await fillChangedEntry(ctx, entryFile, { images: [{ src: './photo.jpg' }] }, options, 'content/notices/edited/index.mdx');
    const src = imagesOf(data)[0]!.src as { id: string; width: number };
    expect(src).toMatchObject({ path: './photo.jpg', width: 64, height: 48 });
    expect(imageRegistry().get(src.id)?.file).toBe(path.join(contentDir, 'notices/edited/photo.jpg'));
  });

  it('gives a broken image its problem instead of an id (the page says why the image is missing, the editor sees it)', async () => {
    const { root, contentDir } = await project([fixtureNotice('broken', 1)]);
    fs.writeFileSync(path.join(contentDir, 'notices/broken/photo.jpg'), 'not a picture');
    const { ctx } = await loaderContext(root, 'notices', noticeSchema(imageRefField));
    imageRegistry().clear();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const entryFile = path.join(contentDir, 'notices/broken/index.mdx');
    const data = await fillChangedEntry(ctx, entryFile, { images: [{ src: './photo.jpg' }] }, options, 'content/notices/broken/index.mdx');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[modus-images\] content\/notices\/broken\/index\.mdx images: /));
    warn.mockRestore();
    expect(imagesOf(data)[0]!.src).toMatchObject({
      id: '',
      problem: expect.stringMatching(/^content\/notices\/broken\/index\.mdx images: /),
    });
    expect(imageRegistry().size).toBe(0);
  });
});
