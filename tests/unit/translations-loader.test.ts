/**
 * The translations' loader (src/loading/collections.ts `translationsLoader`), run in-process after the
 * notices' loader as the content layer runs them: a translation that does not fit its original stops the
 * load naming the translation's file and field; a translation follows its notice's marking, so a build
 * for an audience that may not see the notice stores none of it. Prevents: a mismatched translation
 * reaching the pages, and a withheld notice's words kept in the data store through its translation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Handoff } from '../../src/loading/handoff.ts';
import { noticesLoader, translationsLoader, type NoticeHandoff } from '../../src/loading/collections.ts';
import { noticeSchema } from '../../src/model/notice.ts';
import { imageRefField } from '../../src/model/images.ts';
import { noticeTranslationSchema } from '../../src/model/translation.ts';
import { loaderContext } from '../helpers/loader-context.ts';
import { fixtureNotice, projects } from '../helpers/loader-project.ts';

const { make: project, cleanUp } = projects();
afterAll(cleanUp);

/** Loads the notices, then their translations, for `audience`; returns the translations' error and stored ids. */
async function loadTranslations(root: string, contentDir: string, audience: 'public' | 'community') {
  const settings = { contentDir, audience, imageMaxPixels: 50_000_000 };
  const handoff: NoticeHandoff = new Handoff();
  const notices = await loaderContext(root, 'notices', noticeSchema(imageRefField));
  const translations = await loaderContext(root, 'noticeTranslations', noticeTranslationSchema());
  let error: Error | undefined;
  await Promise.all([
    noticesLoader(settings, handoff).load(notices.ctx),
    translationsLoader(settings, 'notice', handoff, handoff)
      .load(translations.ctx)
      .catch((e: unknown) => {
        error = e as Error;
      }),
  ]);
  return { error, stored: [...translations.ctx.store.keys()].sort() };
}

/** Writes a French translation of `slug` (one indicator and one action, like the fixture's notices). */
function translate(contentDir: string, slug: string, indicators = ['Indice.']): void {
  const fm = {
    translated: '2026-01-01',
    title: `Traduction de ${slug}`,
    summary: `Résumé de ${slug}.`,
    concealment: { object: 'Objet' },
    indicators,
    recommendedActions: ['Action.'],
    images: [{ src: 'photo.jpg', alt: 'Texte' }],
  };
  fs.writeFileSync(path.join(contentDir, 'notices', slug, 'index.fr.mdx'), `---\n${JSON.stringify(fm)}\n---\nCorps.\n`);
}

describe('the translations loader', () => {
  it('stores the translations of the notices this audience may see, and none of a withheld one', async () => {
    const { root, contentDir } = await project([fixtureNotice('open', 1), fixtureNotice('closed', 2, { tlp: 'GREEN' })]);
    translate(contentDir, 'open');
    translate(contentDir, 'closed');
    expect(await loadTranslations(root, contentDir, 'community')).toEqual({ error: undefined, stored: ['closed/fr', 'open/fr'] });
    expect(await loadTranslations(root, contentDir, 'public')).toEqual({ error: undefined, stored: ['open/fr'] });
  });

  it('stops on a translation that does not fit its original, naming its file and field', async () => {
    const { root, contentDir } = await project([fixtureNotice('open', 1)]);
    translate(contentDir, 'open', ['Un.', 'Deux.']);
    const { error } = await loadTranslations(root, contentDir, 'public');
    expect(error?.message).toMatch(
      /content\/notices\/open\/index\.fr\.mdx\n {4}indicators: The original has 1 indicators, this translation 2/,
    );
  });
});
