/** Writes a whole generated corpus: the notice and course folders, their photos, and `corpus.json`. */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import cliProgress from 'cli-progress';
import { z } from 'astro/zod';
import { NOTICE_FIELD_ORDER, noticeSchema } from '../../src/model/notice.ts';
import { courseSchema } from '../../src/model/course.ts';
import { makeCourse } from './course.mjs';
import { frontmatter } from './format.mjs';
import { makeJpeg } from './images.mjs';
import { makeNotice, noticeIds } from './notice.mjs';
import { COMMON_WORD, RARE_WORD } from './words.mjs';

/**
 * Generates the corpus into `out` (emptied first). Options: notices, imagesMin, imagesMax, seed,
 * width, height, courses, progress (boolean). Returns the manifest written to `out/corpus.json`.
 * Throws when a generated notice or course does not satisfy its schema (a bug in the generator), or when
 * `out` is or lies in the project's content/ folder.
 */
export async function generateCorpus(options) {
  const opts = { imagesMin: 1, imagesMax: 1, seed: 7, width: 1600, height: 1200, progress: true, ...options };
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
      const parsed = schema.safeParse(n.data);
      if (!parsed.success)
        throw new Error(`corpus: generated notice ${n.data.id} is invalid: ${JSON.stringify(parsed.error.issues, null, 1)}`);
      const dir = path.join(out, 'notices', n.slug);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'index.mdx'), `---\n${frontmatter(n.data, NOTICE_FIELD_ORDER)}---\n\n${n.body}`);
      for (const img of n.images) {
        const file = path.join(dir, img.file);
        await makeJpeg(file, { seed: img.seed, label: img.label, width: opts.width, height: opts.height });
        images++;
        imageBytes += fs.statSync(file).size;
      }
      notices[i] = n;
      bar?.increment();
    }
  }
  await Promise.all(Array.from({ length: limit }, worker));
  bar?.stop();
  const nCourses = opts.courses ?? Math.max(1, Math.round(opts.notices / 40));
  const courseCheck = courseSchema();
  for (let c = 0; c < nCourses; c++) {
    const course = makeCourse(c, notices, opts);
    const parsed = courseCheck.safeParse(course.data);
    if (!parsed.success)
      throw new Error(`corpus: generated course ${course.slug} is invalid: ${JSON.stringify(parsed.error.issues, null, 1)}`);
    fs.mkdirSync(path.join(out, 'courses', course.slug), { recursive: true });
    fs.writeFileSync(path.join(out, 'courses', course.slug, 'index.mdx'), course.text);
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
    /** A notice to edit for the "one notice changed" rebuild. */
    editTarget: `notices/${notices[Math.floor(notices.length / 2)].slug}/index.mdx`,
  };
  fs.writeFileSync(path.join(out, 'corpus.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
