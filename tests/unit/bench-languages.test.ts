/**
 * The benchmark in four languages without building anything: the corpus generator's translations and
 * originals in French, Spanish and Arabic (scripts/corpus/translation.mjs), the English-only copy the
 * languages' baseline builds (scripts/bench/baseline.mjs), each language's pages and search files of a built
 * folder (scripts/bench/dist.mjs), the cost of the added languages and its report. The builds themselves run
 * in tests/site/bench-smoke.test.ts. Prevents: a generated translation the build would refuse (a count, a
 * placement, a caption or an image that does not match its original), a corpus whose English files change
 * with the shares of other languages, a baseline that builds other content than the corpus, search bytes
 * counted in the wrong language, and a cost reported upside down.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import YAML from 'yaml';
import { generateCorpus } from '../../scripts/corpus.mjs';
import { englishOnlyCorpus, withoutLanguage } from '../../scripts/bench/baseline.mjs';
import { distFigures } from '../../scripts/bench/dist.mjs';
import { languageCost } from '../../scripts/bench/language-cost.mjs';
import { languagesMarkdown } from '../../scripts/bench/language-report.mjs';
import { NOTICE_FIELD_ORDER, noticeSchema } from '../../src/model/notice.ts';
import { courseSchema } from '../../src/model/course.ts';
import { fieldOrder } from '../../src/model/fields.ts';
import { courseTranslationSchema, noticeTranslationSchema } from '../../src/model/translation.ts';
import { checkTranslations, type OriginalFile, type TranslationFile } from '../../src/loading/checks/translations.ts';
import type { Tlp } from '../../src/model/tlp.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-bench-languages-unit-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Frontmatter and body of a generated file. */
function read(file: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(fs.readFileSync(file, 'utf8'));
  if (!m) throw new Error(`${file}: no frontmatter`);
  return { data: YAML.parse(m[1]!) as Record<string, unknown>, body: m[2]! };
}
const ARABIC = /[\u0600-\u06FF]/;

interface Manifest {
  languages: {
    originalsByLanguage: Record<string, number>;
    noticeTranslations: Record<string, number>;
    courseTranslations: Record<string, number>;
    words: Record<string, { rare: string; common: string }>;
  };
}

describe('a corpus in four languages', () => {
  const dir = path.join(root, 'corpus');
  let manifest: Manifest;
  beforeAll(async () => {
    manifest = await generateCorpus({
      out: dir,
      notices: 40,
      seed: 7,
      width: 32,
      height: 24,
      courses: 2,
      translated: 0.4,
      progress: false,
    });
  }, 60_000);

  it('writes translations the build accepts: schema, key order, and every count, placement, caption and image of the original', () => {
    for (const kind of ['notices', 'courses'] as const) {
      const originals = new Map<string, OriginalFile>();
      const translations: TranslationFile[] = [];
      const markingOf = new Map<string, Tlp>();
      for (const slug of fs.readdirSync(path.join(dir, kind))) {
        const folder = path.join(dir, kind, slug);
        const original = read(path.join(folder, 'index.mdx'));
        originals.set(slug, { file: `${slug}/index.mdx`, data: original.data, valid: true });
        if (kind === 'notices') markingOf.set(String(original.data.id), original.data.tlp as Tlp);
        for (const f of fs.readdirSync(folder).filter((x) => /^index\.[a-z]{2}\.mdx$/.test(x))) {
          const lang = f.slice(6, 8);
          const { data, body } = read(path.join(folder, f));
          const parsed = kind === 'notices' ? noticeTranslationSchema().safeParse(data) : courseTranslationSchema().safeParse(data);
          expect(parsed.success, `${slug}/${f}`).toBe(true);
          const order: readonly string[] =
            kind === 'notices' ? fieldOrder(noticeTranslationSchema()) : fieldOrder(courseTranslationSchema());
          expect(Object.keys(data)).toEqual(order.filter((k) => k in data));
          // Words of the language: Arabic script in Arabic, none elsewhere.
          expect(ARABIC.test(String(data.title)), `${slug}/${f}`).toBe(lang === 'ar');
          translations.push({ file: `${slug}/${f}`, slug, lang, data, body, bodyLine: 1, valid: true });
        }
      }
      expect(translations.length).toBeGreaterThan(kind === 'notices' ? 20 : 0);
      expect(checkTranslations(kind === 'notices' ? 'notice' : 'course', translations, originals, markingOf)).toEqual([]);
    }
  });

  it('writes originals in French, Spanish and Arabic with `language:`, valid and about as long as the English ones', () => {
    const schema = noticeSchema(() => z.string());
    const seen = new Set<string>();
    for (const slug of fs.readdirSync(path.join(dir, 'notices'))) {
      const { data, body } = read(path.join(dir, 'notices', slug, 'index.mdx'));
      expect(schema.safeParse(data).success).toBe(true);
      expect(Object.keys(data)).toEqual(NOTICE_FIELD_ORDER.filter((k) => k in data));
      const lang = (data.language as string | undefined) ?? 'en';
      seen.add(lang);
      expect(ARABIC.test(body)).toBe(lang === 'ar');
      expect(body.split(/\s+/).length).toBeGreaterThan(lang === 'ar' ? 350 : 450);
    }
    expect([...seen].sort()).toEqual(['ar', 'en', 'es', 'fr']);
    for (const slug of fs.readdirSync(path.join(dir, 'courses')))
      expect(courseSchema().safeParse(read(path.join(dir, 'courses', slug, 'index.mdx')).data).success).toBe(true);
    const { originalsByLanguage, noticeTranslations } = manifest.languages;
    expect(Object.values(originalsByLanguage).reduce((a, b) => a + b, 0)).toBe(40);
    expect(noticeTranslations.fr! + noticeTranslations.es! + noticeTranslations.ar!).toBeGreaterThan(0);
  });

  it('names search words that are in the corpus: the rare one in one notice, in each language', () => {
    for (const lang of ['fr', 'es', 'ar']) {
      const { rare } = manifest.languages.words[lang]!;
      const holders = fs
        .readdirSync(path.join(dir, 'notices'))
        .filter((slug) => fs.existsSync(path.join(dir, 'notices', slug, `index.${lang}.mdx`)))
        .filter((slug) => fs.readFileSync(path.join(dir, 'notices', slug, `index.${lang}.mdx`), 'utf8').includes(rare));
      expect(holders, lang).toHaveLength(1);
    }
    expect(manifest.languages.words.ar).toEqual({ rare: 'هارمونيوم', common: 'حاوية' });
  });

  it('leaves the English files alone: without other languages, no translation and no `language:`, the English originals unchanged', async () => {
    const plain = path.join(root, 'english');
    await generateCorpus({
      out: plain,
      notices: 40,
      seed: 7,
      width: 32,
      height: 24,
      courses: 2,
      translated: 0,
      originals: 0,
      progress: false,
    });
    const files = fs.readdirSync(plain, { recursive: true }).map(String);
    expect(files.filter((f) => /index\.[a-z]{2}\.mdx$/.test(f))).toEqual([]);
    let same = 0;
    for (const slug of fs.readdirSync(path.join(plain, 'notices'))) {
      const text = fs.readFileSync(path.join(plain, 'notices', slug, 'index.mdx'), 'utf8');
      expect(text).not.toMatch(/^language:/m);
      const other = fs.readFileSync(path.join(dir, 'notices', slug, 'index.mdx'), 'utf8');
      if (!/^language:/m.test(other)) {
        expect(other).toBe(text);
        same++;
      }
    }
    expect(same).toBe(manifest.languages.originalsByLanguage.en);
  }, 60_000);
});

describe("the languages' baseline", () => {
  it('removes `language:` from the frontmatter only', () => {
    const text = '---\nid: "MO-2020-0001"\nlanguage: "fr"\ntitle: "x"\n---\n\nlanguage: stays in the body\n';
    expect(withoutLanguage(text)).toBe('---\nid: "MO-2020-0001"\ntitle: "x"\n---\n\nlanguage: stays in the body\n');
    expect(withoutLanguage('---\ntitle: "x"\n---\n\nlanguage: body\n')).toBe('---\ntitle: "x"\n---\n\nlanguage: body\n');
  });

  it('copies the corpus in one language: same notices, courses and images, no translation, no `language:`', async () => {
    const from = path.join(root, 'for-baseline');
    await generateCorpus({ out: from, notices: 12, seed: 3, width: 32, height: 24, courses: 1, progress: false });
    const to = path.join(root, 'for-baseline.english-only');
    const counts = englishOnlyCorpus(from, to);
    const all = (d: string) => fs.readdirSync(d, { recursive: true }).map(String).sort();
    const translations = all(from).filter((f) => /index\.[a-z]{2}\.mdx$/.test(f));
    expect(translations.length).toBeGreaterThan(0);
    expect(all(to).filter((f) => f !== '.english-only.json')).toEqual(all(from).filter((f) => !translations.includes(f)));
    expect(counts.translationsLeftOut).toBe(translations.length);
    expect(counts.languageLines).toBeGreaterThanOrEqual(3);
    for (const f of all(to).filter((x) => x.endsWith('index.mdx')))
      expect(fs.readFileSync(path.join(to, f), 'utf8')).not.toMatch(/^language:/m);
    const photo = all(to).find((f) => f.endsWith('.jpg'))!;
    expect(fs.statSync(path.join(to, photo)).ino).toBe(fs.statSync(path.join(from, photo)).ino);
    // Reused while the corpus is the same.
    expect(englishOnlyCorpus(from, to)).toEqual(counts);
  }, 60_000);
});

describe('each language of a built folder', () => {
  it('counts pages by address and Pagefind files by the language in their names', () => {
    const dist = path.join(root, 'dist');
    const put = (rel: string, bytes: number | string) => {
      fs.mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
      fs.writeFileSync(path.join(dist, rel), typeof bytes === 'string' ? bytes : Buffer.alloc(bytes));
    };
    for (const prefix of ['', 'fr/', 'ar/']) {
      put(`${prefix}index.html`, '<html></html>');
      put(`${prefix}notices/a/index.html`, '<html></html>');
      put(`${prefix}courses/c/index.html`, '<html></html>');
    }
    put('notices/old/index.html', '<meta http-equiv="refresh" content="0;url=/notices/a/">');
    put(
      'pagefind/pagefind-entry.json',
      JSON.stringify({ languages: { en: { page_count: 2 }, fr: { page_count: 2 }, ar: { page_count: 2 } } }),
    );
    put('pagefind/pagefind.en_1.pf_meta', 10);
    put('pagefind/pagefind.fr_2.pf_meta', 20);
    put('pagefind/index/fr_a.pf_index', 300);
    put('pagefind/index/ar_b.pf_index', 400);
    put('pagefind/fragment/fr_c.pf_fragment', 5);
    put('pagefind/filter/ar_d.pf_filter', 7);
    put('pagefind/wasm.ar.pagefind', 1000);
    put('pagefind/pagefind.js', 99);
    const d = distFigures(dist);
    expect(Object.keys(d.byLanguage)).toEqual(['en', 'fr', 'ar']);
    expect(d.byLanguage.en).toMatchObject({ htmlPages: 4, noticePages: 1, searchablePages: 2, searchPages: 2, searchBytes: 10 });
    expect(d.byLanguage.fr).toMatchObject({
      htmlPages: 3,
      noticePages: 1,
      searchBytes: 325,
      byKind: { meta: 20, index: 300, fragment: 5, filter: 0, wasm: 0 },
    });
    expect(d.byLanguage.ar).toMatchObject({ searchBytes: 407, byKind: { meta: 0, index: 400, filter: 7, fragment: 0, wasm: 1000 } });
    expect(d.searchIndexBytes).toBe(10 + 325 + 407);
    expect(d.noticePages).toBe(1);
  });
});

describe('what the added languages cost', () => {
  const build = (wallS: number, peak: number) => ({ wallS, cpuS: wallS, peakRssBytes: peak });
  const byLanguage = (langs: string[]) => Object.fromEntries(langs.map((l) => [l, {}]));
  const run = {
    notices: 10,
    builds: { cold: build(40, 900), warm: build(1, 50), edit: build(16, 800) },
    dist: { htmlPages: 400, searchIndexBytes: 4000, pagefindBytes: 5000, bytes: 9000, byLanguage: byLanguage(['en', 'fr', 'es', 'ar']) },
    baseline: {
      commit: '9c72d76aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      subject: 'before',
      dir: '/tmp/before',
      copied: { translationsLeftOut: 5, languageLines: 2 },
      builds: { cold: build(25, 1000), warm: build(1, 50), edit: build(10, 700) },
      dist: { htmlPages: 100, searchIndexBytes: 1000, pagefindBytes: 1200, bytes: 3000, byLanguage: byLanguage(['en']) },
    },
  };

  it('is every language against English only, the difference divided by the three added languages', () => {
    const c = languageCost(run)!;
    expect(c.languages).toBe(3);
    expect(c.builds.cold.wallS).toEqual({ all: 40, one: 25, added: 15, perLanguage: 5, ratio: 1.6 });
    expect(c.builds.edit.peakRssBytes).toEqual({ all: 800, one: 700, added: 100, perLanguage: 33, ratio: 1.14 });
    // Largest of the three builds of each: 900 against 1000, a saving shown as such.
    expect(c.peakRssBytes).toMatchObject({ added: -100, ratio: 0.9 });
    expect(c.htmlPages).toMatchObject({ added: 300, perLanguage: 100 });
    expect(languageCost({ ...run, baseline: undefined })).toBeUndefined();
  });

  it('is reported with both raw figures, or said to be unmeasured without a baseline', () => {
    const figures = {
      htmlPages: 1,
      noticePages: 1,
      searchPages: 1,
      searchBytes: 1,
      searchFiles: 1,
      byKind: { meta: 1, index: 1, filter: 1, fragment: 1, wasm: 1 },
    };
    const dist = { ...run.dist, byLanguage: Object.fromEntries(['en', 'fr', 'es', 'ar'].map((l) => [l, figures])) };
    const md = languagesMarkdown({ runs: [{ ...run, dist }] });
    expect(md).toContain('| figure | English | French | Spanish | Arabic | all |');
    expect(md).toContain('| cold build: wall | 40.0 s | 25.0 s | +15.0 s | +5.0 s | 1.6 |');
    expect(languagesMarkdown({ runs: [{ ...run, dist, baseline: undefined }] })).toContain('was not measured in this run');
    expect(languagesMarkdown({ runs: [{ ...run, dist: { ...dist, byLanguage: { en: dist.byLanguage.en } } }] })).toBe('');
  });
});
