/**
 * Checks that a translation still fits its original (docs/content-model.md, "Translations"): the
 * original exists beside it, is written in another language, and the translation has as many
 * indicators, recommended actions, images (by file name), objectives, modules and cases as the
 * original, with a placement, an introduction, a prompt or a trainer note exactly where the original
 * has one. A translation that does not fit is reported, never shown half-matched. Its prose is
 * checked like its original's for mentions of notices marked above it. Pure: returns problems naming
 * the translation's file and field.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from '../problems.ts';
import { translationLanguageOf } from '../../model/translation.ts';
import { entryTexts, mentionsAbove } from './marking-checks.ts';
import type { Tlp } from '../../model/tlp.ts';
import { imageSrcPath } from '../../model/images.ts';

/** A translation file as loaded: its file, the slug of its original, its language and fields. */
export interface TranslationFile {
  file: string;
  slug: string;
  lang: string;
  data: Record<string, unknown>;
  body?: string;
  bodyLine?: number;
  valid: boolean;
}

/** An original as the checks need it: its file and fields (with `language` and `tlp`). */
export interface OriginalFile {
  file: string;
  data: Record<string, unknown>;
  valid: boolean;
}

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const has = (v: unknown) => typeof v === 'string' && v.trim() !== '';
/** An image's file name as written in either file, or of an image reference (`./a.png` and `a.png` are the same image). */
export const imageName = (src: unknown) => imageSrcPath(src).replace(/^\.\//, '');

/**
 * Every problem of the translations `translations` of the collection `kind` against their originals
 * (`originals` by slug; withheld ones included), mentions in their prose of notices marked above the
 * original (`markingOf`: notice id in upper case → marking), and a `translated` day after `today`
 * (`YYYY-MM-DD`, UTC) when given.
 */
export function checkTranslations(
  kind: 'notice' | 'course',
  translations: readonly TranslationFile[],
  originals: ReadonlyMap<string, OriginalFile>,
  markingOf: ReadonlyMap<string, Tlp>,
  today?: string,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const tr of translations) {
    const say = (field: string, message: string) => problems.push({ file: tr.file, field, message });
    const original = originals.get(tr.slug);
    if (!original) {
      say(
        '(file)',
        `There is no index.mdx beside this translation: a translation needs its original ${kind} in the same folder (rename the folder to the original's, or delete this file).`,
      );
      continue;
    }
    if (!tr.valid || !original.valid) continue; // their fields are reported by the schema
    const o = original.data;
    const t = tr.data;
    // A day to come would hide, for good, that the original changed after the translation.
    if (today && typeof t.translated === 'string' && t.translated > today)
      say(
        'translated',
        `${t.translated} is after today (${today}): write the day this translation was last brought in line with the original.`,
      );
    if ((o.language ?? 'en') === tr.lang) {
      const written =
        typeof o.language === 'string' && o.language !== 'en' ? `language: ${o.language}` : 'English, as it names no other language';
      const others = ['ar', 'en', 'es', 'fr'].filter((l) => l !== tr.lang).join('|');
      say(
        '(file)',
        `This file translates the ${kind} into "${tr.lang}", the language the original is written in (${written}, ${original.file}). Delete it, or rename it for another language (index.<${others}>.mdx).`,
      );
      continue;
    }
    const count = (field: string, a: unknown, b: unknown, what: string) => {
      if (arr(a).length !== arr(b).length)
        say(
          field,
          `The original has ${arr(b).length} ${what}, this translation ${arr(a).length}: translate each one, in the original's order (${original.file}).`,
        );
    };
    const presence = (field: string, a: unknown, b: unknown, what: string) => {
      if (has(a) !== has(b))
        say(
          field,
          has(b)
            ? `The original has ${what}: translate it here (${original.file}).`
            : `The original has no ${what}: remove it here, or add it to the original first (${original.file}).`,
        );
    };
    if (kind === 'notice') {
      count('indicators', t.indicators, o.indicators, 'indicators');
      count('recommendedActions', t.recommendedActions, o.recommendedActions, 'recommended actions');
      presence('concealment.placement', rec(t.concealment).placement, rec(o.concealment).placement, 'a placement');
      const originalImages = arr(o.images).map((img) => imageName(rec(img).src));
      const translated = arr(t.images).map((img) => imageName(rec(img).src));
      arr(t.images).forEach((img, i) => {
        const src = imageName(rec(img).src);
        const at = originalImages.indexOf(src);
        if (at < 0)
          say(
            `images[${i}].src`,
            `"${src}" is not an image of the original (it has: ${originalImages.join(', ') || 'none'}); copy its src unchanged.`,
          );
        else presence(`images[${i}].caption`, rec(img).caption, rec(arr(o.images)[at]).caption, 'a caption for this image');
      });
      for (const src of originalImages)
        if (!translated.includes(src))
          say('images', `The original's image "${src}" has no alt text in this translation: add an entry with src: ${src} and its alt.`);
    } else {
      count('objectives', t.objectives, o.objectives, 'learning objectives');
      count('modules', t.modules, o.modules, 'modules');
      arr(t.modules).forEach((m, i) => {
        const om = rec(arr(o.modules)[i]);
        if (!arr(o.modules)[i]) return;
        const tm = rec(m);
        count(`modules[${i}].objectives`, tm.objectives, om.objectives, 'objectives in this module');
        presence(`modules[${i}].intro`, tm.intro, om.intro, 'an introduction to this module');
        count(`modules[${i}].cases`, tm.cases, om.cases, 'cases in this module');
        arr(tm.cases).forEach((c, j) => {
          const oc = rec(arr(om.cases)[j]);
          presence(`modules[${i}].cases[${j}].prompt`, rec(c).prompt, oc.prompt, 'a discussion prompt for this case');
          presence(`modules[${i}].cases[${j}].trainerNote`, rec(c).trainerNote, oc.trainerNote, 'a trainer note for this case');
        });
      });
    }
    const tlp = o.tlp as Tlp | undefined;
    if (tlp) {
      const texts = entryTexts(t, (key, path) => key === path && key === 'translated', tr.body, tr.bodyLine);
      problems.push(...mentionsAbove({ file: tr.file, tlp, texts }, markingOf, kind));
    }
  }
  return problems;
}

/**
 * Files beside the entries of `base` that look like translations but are not named as one
 * (`index.de.mdx`, `index.FR.mdx`, `index.french.mdx`): the loader would pass over them in silence and an
 * editor's work would never be shown. `rel` names a file as messages do.
 */
export function misnamedTranslations(base: string, rel: (file: string) => string): ContentProblem[] {
  if (!fs.existsSync(base)) return [];
  const problems: ContentProblem[] = [];
  for (const d of fs.readdirSync(base, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    for (const name of fs.readdirSync(path.join(base, d.name))) {
      if (!/^index\..+\.mdx?$/i.test(name) || translationLanguageOf(name) !== undefined) continue;
      problems.push({
        file: rel(path.join(base, d.name, name)),
        field: '(file)',
        message: `"${name}" is not the name of a translation, so it would never be shown: name it index.<lang>.mdx with lang one of ar, en, es, fr in lower case (index.fr.mdx), or move it out of the content folder.`,
      });
    }
  }
  return problems;
}
