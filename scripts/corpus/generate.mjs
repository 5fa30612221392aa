/** Writes a whole generated corpus: the notice and course folders, their photos, and `corpus.json`. */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import cliProgress from 'cli-progress';
import { z } from 'astro/zod';
import YAML from 'yaml';
import { NOTICE_FIELD_ORDER, noticeSchema } from '../../src/model/notice.ts';
import { courseSchema } from '../../src/model/course.ts';
import { makeCourse } from './course.mjs';
import { frontmatter } from './format.mjs';
import { makeJpeg } from './images.mjs';
import { makeNotice, noticeIds } from './notice.mjs';
import { SEARCH_WORDS } from './languages.mjs';
import { DEFAULT_ORIGINALS, DEFAULT_TRANSLATED, LANGUAGES, courseTranslations, languagePlan, noticeInLanguages } from './translation.mjs';
import { COMMON_WORD, RARE_WORD } from './words.mjs';
import { courseTranslationSchema, noticeTranslationSchema } from '../../src/model/translation.ts';

/** Parses a translation file's frontmatter against `schema`; throws with the issues (a bug in the generator). */
function checkTranslation(schema, text, what) {
  const parsed = schema.safeParse(YAML.parse(/^---\n([\s\S]*?)---\n/.exec(text)[1]));
  if (!parsed.success) throw new Error(`corpus: generated translation ${what} is invalid: ${JSON.stringify(parsed.error.issues, null, 1)}`);
}

/**
 * Generates the corpus into `out` (emptied first). Options: notices, imagesMin, imagesMax, seed,
 * width, height, courses, progress (boolean), translated (chance of a translation of each notice and course
 * into each other language, default 0.3), originals (share of notices written in each of French, Spanish
 * and Arabic, default 0.05; see translation.mjs). Returns the manifest written to `out/corpus.json`.
 * Throws when a generated notice or course does not satisfy its schema (a bug in the generator), or when
 * `out` is or lies in the project's content/ folder.
 */
export async function generateCorpus(options) {
  const opts = {
    imagesMin: 1,
    imagesMax: 1,
    seed: 7,
    width: 1600,
    height: 1200,
    progress: true,
    translated: DEFAULT_TRANSLATED,
    originals: DEFAULT_ORIGINALS,
    ...options,
  };
  if (!(opts.translated >= 0 && opts.translated <= 1))
    throw new Error(`corpus: translated must be a share from 0 to 1, got ${opts.translated}`);
  if (!(opts.originals >= 0 && opts.originals <= 1 / 3))
    throw new Error(`corpus: originals must be a share from 0 to 0.33 (for each of three languages), got ${opts.originals}`);
  const out = path.resolve(opts.out);
  if (fs.existsSync(out)) {
    const contentDir = path.resolve('content');
    if (out === contentDir || out.startsWith(contentDir + path.sep))
      throw new Error(`corpus: refusing to write into ${out}; choose a folder outside content/.`);
    fs.rmSync(out, { recursive: true, force: true });
  }
  fs.mkdirSync(path.join(out, 'notices'), { recursive: true });
  fs.mkdirSync(path.join(out, 'courses'), { recursive: true });
  const ids = noticeIds(opts.notices);
  const schema = noticeSchema(() => z.string());
  const noticeTranslation = noticeTranslationSchema();
  const zero = () => Object.fromEntries(LANGUAGES.map((l) => [l, 0]));
  const counts = { originals: zero(), noticeTranslations: zero(), courseTranslations: zero(), stale: 0 };
  const notices = [];
  const bar = opts.progress
    ? new cliProgress.SingleBar(
        { format: 'corpus |{bar}| {value}/{total} notices | {eta_formatted} left', hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(opts.notices, 0);
  let images = 0;
  let imageBytes = 0;
  const limit = Math.max(1, os.availableParallelism());
  let next = 0;
  async function worker() {
    while (next < opts.notices) {
      const i = next++;
      const n = makeNotice(i, ids, opts);
      const plan = languagePlan(i, opts);
      const { original, translations } = noticeInLanguages(n, i, plan, opts);
      const parsed = schema.safeParse(original.data);
      if (!parsed.success)
        throw new Error(`corpus: generated notice ${n.data.id} is invalid: ${JSON.stringify(parsed.error.issues, null, 1)}`);
      const dir = path.join(out, 'notices', n.slug);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'index.mdx'), `---\n${frontmatter(original.data, NOTICE_FIELD_ORDER)}---\n\n${original.body}`);
      counts.originals[plan.original]++;
      for (const t of translations) {
        checkTranslation(noticeTranslation, t.text, `${n.slug}/index.${t.lang}.mdx`);
        fs.writeFileSync(path.join(dir, `index.${t.lang}.mdx`), t.text);
        counts.noticeTranslations[t.lang]++;
        if (plan.stale && original.data.updated) counts.stale++;
      }
      for (const img of n.images) {
        const file = path.join(dir, img.file);
        await makeJpeg(file, { seed: img.seed, label: img.label, width: opts.width, height: opts.height });
        images++;
        imageBytes += fs.statSync(file).size;
      }
      notices[i] = { ...n, data: original.data, englishObject: n.data.concealment.object, translatedInto: plan.translations };
      bar?.increment();
    }
  }
  await Promise.all(Array.from({ length: limit }, worker));
  bar?.stop();
  const nCourses = opts.courses ?? Math.max(1, Math.round(opts.notices / 40));
  const courseCheck = courseSchema();
  const courseTranslation = courseTranslationSchema();
  for (let c = 0; c < nCourses; c++) {
    const course = makeCourse(c, notices, opts);
    const parsed = courseCheck.safeParse(course.data);
    if (!parsed.success)
      throw new Error(`corpus: generated course ${course.slug} is invalid: ${JSON.stringify(parsed.error.issues, null, 1)}`);
    fs.mkdirSync(path.join(out, 'courses', course.slug), { recursive: true });
    fs.writeFileSync(path.join(out, 'courses', course.slug, 'index.mdx'), course.text);
    for (const t of courseTranslations(course, languagePlan(c, opts, 'course'))) {
      checkTranslation(courseTranslation, t.text, `${course.slug}/index.${t.lang}.mdx`);
      fs.writeFileSync(path.join(out, 'courses', course.slug, `index.${t.lang}.mdx`), t.text);
      counts.courseTranslations[t.lang]++;
    }
  }
  const byTlp = {};
  for (const n of notices) byTlp[n.data.tlp] = (byTlp[n.data.tlp] ?? 0) + 1;
  const manifest = {
    generator: 'scripts/corpus.mjs',
    seed: opts.seed,
    notices: opts.notices,
    noticesByTlp: byTlp,
    images,
    imageBytes,
    imageSize: `${opts.width}x${opts.height}`,
    imagesPerNotice: opts.imagesMin === opts.imagesMax ? opts.imagesMin : `${opts.imagesMin}-${opts.imagesMax}`,
    courses: nCourses,
    words: { rare: RARE_WORD, common: COMMON_WORD },
    /**
     * The languages: the shares asked for, originals and translations written in each language, translations
     * older than their original's update, and each language's rare and common search word (the English ones
     * where no text of that language holds its own).
     */
    languages: {
      translated: opts.translated,
      originals: opts.originals,
      originalsByLanguage: counts.originals,
      noticeTranslations: counts.noticeTranslations,
      courseTranslations: counts.courseTranslations,
      staleNoticeTranslations: counts.stale,
      words: Object.fromEntries(
        LANGUAGES.map((l) => [
          l,
          {
            rare: notices[0].translatedInto.includes(l) ? SEARCH_WORDS[l].rare : RARE_WORD,
            common: counts.originals[l] + counts.noticeTranslations[l] > 0 ? SEARCH_WORDS[l].common : COMMON_WORD,
          },
        ]),
      ),
    },
    /** A notice to edit for the "one notice changed" rebuild. */
    editTarget: `notices/${notices[Math.floor(notices.length / 2)].slug}/index.mdx`,
  };
  fs.writeFileSync(path.join(out, 'corpus.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
