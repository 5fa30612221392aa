#!/usr/bin/env node
/**
 * Corpus generator: writes a deterministic, realistic set of notices (and courses linking them) into a
 * content folder outside `content/`, for benchmarks and scale tests. The build reads it through
 * MODUS_CONTENT_DIR.
 *
 *   npm run corpus -- --notices 10000 --images 1 --seed 7 --out .corpus/10k
 *
 * Options: --notices N (default 1000), --images N|A-B (images per notice, default 1; "1-3" varies them),
 * --seed N (default 7), --out DIR (required; emptied first), --width/--height (image size, default
 * 1600×1200), --courses N (default one per 40 notices), --translated SHARE (chance that a notice or course
 * gets a translation into each other language, `index.<lang>.mdx`; default 0.3), --originals SHARE (share of
 * notices written in each of French, Spanish and Arabic, with `language:`; default 0.05), --no-progress.
 *
 * Every notice has every frontmatter field (in NOTICE_FIELD_ORDER, valid against the schema), values from
 * the project's vocabularies and ISO country codes, about 600 words of MDX body, `related` links to other
 * notices, and 1–3 distinct JPEG photos with EXIF (camera, capture time, GPS: like evidence photos, so the
 * build's metadata stripping is exercised). Translations and originals in other languages carry the same
 * fields in French, Spanish or Arabic words (scripts/corpus/translation.mjs). Same options and seed give
 * byte-identical output; the English files do not depend on the shares of other languages.
 * `corpus.json` in the output folder records the options, counts, and a rare and a common search word.
 *
 * This file is the command line; the generator's parts are in `scripts/corpus/` (one job each: seeded
 * choices, word banks, frontmatter and other formats, notices, bodies, photos, courses, writing the folder).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { generateCorpus } from './corpus/generate.mjs';
import { DEFAULT_ORIGINALS, DEFAULT_TRANSLATED } from './corpus/translation.mjs';

export { generateCorpus };
export { prng } from './corpus/random.mjs';

/** The `--images` value ("2" or "1-3") as [min, max] images per notice; throws outside 1 to 3. */
function parseImages(s) {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) throw new Error(`--images expects a number such as 1 or a range such as 1-3, got "${s}"`);
  const lo = Number(m[1]);
  const hi = m[2] ? Number(m[2]) : lo;
  if (lo < 1 || hi < lo || hi > 3)
    throw new Error(`--images must be 1 to 3 per notice (every notice needs at least one image), got "${s}"`);
  return [lo, hi];
}

async function main() {
  const { values } = parseArgs({
    options: {
      notices: { type: 'string', default: '1000' },
      images: { type: 'string', default: '1' },
      seed: { type: 'string', default: '7' },
      out: { type: 'string' },
      width: { type: 'string', default: '1600' },
      height: { type: 'string', default: '1200' },
      courses: { type: 'string' },
      translated: { type: 'string', default: String(DEFAULT_TRANSLATED) },
      originals: { type: 'string', default: String(DEFAULT_ORIGINALS) },
      'no-progress': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.out) {
    console.log(
      'Usage: npm run corpus -- --notices 10000 --images 1|1-3 --seed 7 --out DIR [--width 1600 --height 1200] [--courses N] [--translated 0.3] [--originals 0.05]',
    );
    process.exit(values.help ? 0 : 2);
  }
  const int = (name, v, min) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got "${v}"`);
    return n;
  };
  const share = (name, v, max) => {
    const n = Number(v);
    if (v.trim() === '' || !(n >= 0 && n <= max)) throw new Error(`--${name} must be a share from 0 to ${max}, got "${v}"`);
    return n;
  };
  const [imagesMin, imagesMax] = parseImages(values.images);
  const t0 = performance.now();
  const manifest = await generateCorpus({
    out: values.out,
    notices: int('notices', values.notices, 1),
    imagesMin,
    imagesMax,
    seed: int('seed', values.seed, 0),
    width: int('width', values.width, 16),
    height: int('height', values.height, 16),
    courses: values.courses === undefined ? undefined : int('courses', values.courses, 0),
    translated: share('translated', values.translated, 1),
    originals: share('originals', values.originals, 0.33),
    progress: !values['no-progress'] && process.stdout.isTTY !== false,
  });
  const l = manifest.languages;
  const per = (o) => ['fr', 'es', 'ar'].map((x) => `${x} ${o[x]}`).join(', ');
  console.log(
    `corpus: ${manifest.notices} notices, ${manifest.images} images (${(manifest.imageBytes / 1e6).toFixed(1)} MB), ${manifest.courses} courses in ${path.resolve(values.out)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  console.log(
    `languages: originals ${per(l.originalsByLanguage)} (en ${l.originalsByLanguage.en}); notice translations ${per(l.noticeTranslations)}, en ${l.noticeTranslations.en}; course translations ${per(l.courseTranslations)}`,
  );
  console.log(`build it with: MODUS_CONTENT_DIR=${path.resolve(values.out)} npm run build`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(`corpus: ${err.message}`);
    process.exit(1);
  });
}
