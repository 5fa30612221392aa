/**
 * Smoke test of the benchmark (`npm run bench`): generates 50 notices (with translations and originals in
 * French, Spanish and Arabic), runs every measurement once (cold, warm and one-edit builds, dist figures per
 * language, page weight, first search in Chromium in each language) with the languages' baseline (here this
 * checkout's own commit, so that the test needs no older history: the wiring, not the cost, is checked), and
 * checks that the result holds every figure with plausible values. Timings are never asserted: numbers
 * belong in the benchmark reports (docs/performance.md), not in tests. Prevents: the benchmark breaking
 * unnoticed between the occasions it is run, or reporting a missing or implausible figure (image encodes
 * counted as 0 because a log line changed, a search measured without results, a language's search files
 * or search page left out, a baseline that did not build the corpus).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { z } from 'astro/zod';
import YAML from 'yaml';
import { listFiles, tempDir } from '../helpers/site.ts';
import { bench, markdown, compare } from '../../scripts/bench.mjs';
import { generateCorpus } from '../../scripts/corpus.mjs';
import { NOTICE_FIELD_ORDER, noticeSchema } from '../../src/model/notice.ts';

const NOTICES = 50;
const root = tempDir('bench');
const out = path.join(root, 'result.json');
const lines: string[] = [];
/** The figures of one build in the benchmark's result (scripts/bench.mjs) that these tests check. */
interface BuildFigures {
  ok: boolean;
  wallS: number;
  cpuS: number;
  peakRssBytes: number;
  encodes: number;
  cacheHits: number;
  cacheFilesAdded: number;
  pagesReported: number;
  nothingToDo: boolean;
}
/** Files of one kind on a page: how many, their bytes, and gzipped. */
interface Weight {
  files: number;
  raw: number;
  gzip: number;
}
interface PageWeight {
  scripts: number;
  js: Weight;
  html: Weight;
  css: Weight;
  htmlCssGzip: number;
}
/** The slow-link figures of a site (scripts/bench/slow-link.mjs). */
interface SlowLinkFigures {
  runs: number;
  notice: { readableMs: number; runsMs: number[]; imagesBeforeReadable: { requests: number } };
  search: { firstResultMs: number; afterTypingMs: number; word: string };
}
interface SearchFigures {
  results: number;
  failed: unknown[];
  totalBytes: number;
  byKind: Record<string, number>;
  bytesWithoutImages: number;
}
/** One language's pages and search files of the built site. */
interface LanguageFigures {
  htmlPages: number;
  noticePages: number;
  searchPages: number;
  searchBytes: number;
  byKind: Record<'meta' | 'index' | 'filter' | 'fragment' | 'wasm', number>;
}
/** The benchmark's result, as far as these tests read it. */
interface BenchResult {
  runs: Array<{
    notices: number;
    builds: Record<'cold' | 'warm' | 'edit', BuildFigures>;
    dist: {
      noticePages: number;
      htmlPages: number;
      searchIndexBytes: number;
      imageFiles: number;
      imagesByFormat: Record<string, number>;
      byLanguage: Record<string, LanguageFigures>;
    };
    pageWeight: { notice: PageWeight; home: PageWeight };
    search: { rare: SearchFigures; common: SearchFigures };
    slowLink: SlowLinkFigures;
    searchByLanguage: Record<string, { rare: SearchFigures & { word: string }; common: SearchFigures }>;
    languages: {
      noticeTranslations: Record<string, number>;
      courseTranslations: Record<string, number>;
      originalsByLanguage: Record<string, number>;
    };
    baseline: {
      commit: string;
      copied: { translationsLeftOut: number; languageLines: number };
      builds: Record<'cold' | 'warm' | 'edit', BuildFigures>;
      dist: { noticePages: number; htmlPages: number };
    };
    languageCost: { languages: number; htmlPages: { added: number } };
  }>;
  targets: Array<{ target: string; met: boolean }>;
}
let result: BenchResult;
/** A file in the project's own Astro cache before the benchmark: it must be there afterwards. */
const CACHE_MARKER = path.join(import.meta.dirname, '../../.cache/astro/bench-smoke-marker');
let markerAfter: string | undefined;

beforeAll(async () => {
  fs.mkdirSync(path.dirname(CACHE_MARKER), { recursive: true });
  fs.writeFileSync(CACHE_MARKER, 'kept');
  // The benchmark is plain JavaScript: its result is read through BenchResult.
  const raw: unknown = await bench(
    {
      sizes: [NOTICES],
      images: '1',
      seed: 7,
      audience: 'organisation',
      corpusRoot: path.join(root, 'corpus'),
      out,
      label: 'smoke',
      keepDist: true,
      search: true,
      slowLinkRuns: 1,
      baseline: 'HEAD',
      baselineDir: path.join(root, 'baseline'),
    },
    (line: string) => lines.push(line),
  );
  result = raw as BenchResult;
  markerAfter = fs.existsSync(CACHE_MARKER) ? fs.readFileSync(CACHE_MARKER, 'utf8') : undefined;
}, 900_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(CACHE_MARKER, { force: true });
});

describe("the project's own cache", () => {
  it('is put back after the benchmark (its cold builds empty the cache; the next real build keeps its encoded images)', () => {
    expect(markerAfter).toBe('kept');
  });
});

describe('corpus generator', () => {
  it('writes valid notices with every field, in the CMS field order, with images carrying GPS EXIF', async () => {
    const dir = path.join(root, 'corpus', `n${NOTICES}-i1-s7`, 'notices');
    const slugs = fs.readdirSync(dir);
    expect(slugs).toHaveLength(NOTICES);
    const schema = noticeSchema(() => z.string());
    const seen = new Set<string>();
    for (const slug of slugs) {
      const text = fs.readFileSync(path.join(dir, slug, 'index.mdx'), 'utf8');
      const [, fm, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
      const data = YAML.parse(fm!) as { images: Array<{ src: string }> };
      expect(schema.safeParse(data).success).toBe(true);
      const keys = Object.keys(data);
      expect(keys).toEqual(NOTICE_FIELD_ORDER.filter((k) => keys.includes(k)));
      keys.forEach((k) => seen.add(k));
      expect(body!.split(/\s+/).length).toBeGreaterThan(450);
      for (const img of data.images) expect(fs.existsSync(path.join(dir, slug, img.src))).toBe(true);
    }
    // Every field of the schema appears in some notice of the corpus, but `draft`: a draft is an imported notice
    // not yet finished, built into no audience, so a corpus of published notices has none.
    expect([...seen].sort()).toEqual(NOTICE_FIELD_ORDER.filter((k) => k !== 'draft').sort());
    const sharp = (await import('sharp')).default;
    const first = path.join(dir, slugs[0]!, 'photo-1.jpg');
    const meta = await sharp(first).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([1600, 1200, 'jpeg']);
    // Like an evidence photo: GPS position and camera serial number in the EXIF.
    const tags = execFileSync('exiftool', ['-s', '-GPSLatitude', '-GPSLongitude', '-SerialNumber', first]).toString();
    expect(tags).toMatch(/GPSLatitude\s*: \d+ deg/);
    expect(tags).toMatch(/SerialNumber\s*: SN\d+/);
    expect(fs.statSync(first).size).toBeGreaterThan(200_000);
  });

  it('is deterministic: the same seed gives the same files', async () => {
    const a = path.join(root, 'det-a');
    const b = path.join(root, 'det-b');
    await generateCorpus({ out: a, notices: 5, seed: 3, width: 64, height: 48, progress: false });
    await generateCorpus({ out: b, notices: 5, seed: 3, width: 64, height: 48, progress: false });
    const files = fs.readdirSync(a, { recursive: true }).map(String).sort();
    expect(fs.readdirSync(b, { recursive: true }).map(String).sort()).toEqual(files);
    for (const f of files) {
      if (fs.statSync(path.join(a, f)).isFile())
        expect(fs.readFileSync(path.join(b, f)).equals(fs.readFileSync(path.join(a, f)))).toBe(true);
    }
    const c = path.join(root, 'det-c');
    await generateCorpus({ out: c, notices: 5, seed: 4, width: 64, height: 48, progress: false });
    const anyNotice = fs.readdirSync(path.join(a, 'notices'))[1]!;
    expect(fs.existsSync(path.join(c, 'notices', anyNotice))).toBe(false);
  });

  it('writes courses that link existing notices', () => {
    const corpus = path.join(root, 'corpus', `n${NOTICES}-i1-s7`);
    const ids = new Set(
      fs
        .readdirSync(path.join(corpus, 'notices'))
        .map(
          (s) => (YAML.parse(fs.readFileSync(path.join(corpus, 'notices', s, 'index.mdx'), 'utf8').split('---')[1]!) as { id: string }).id,
        ),
    );
    const courses = fs.readdirSync(path.join(corpus, 'courses'));
    expect(courses.length).toBeGreaterThan(0);
    for (const c of courses) {
      const data = YAML.parse(fs.readFileSync(path.join(corpus, 'courses', c, 'index.mdx'), 'utf8').split('---')[1]!) as {
        modules: Array<{ cases: Array<{ notice: string }> }>;
      };
      const linked = data.modules.flatMap((m) => m.cases.map((k) => k.notice));
      expect(linked.length).toBeGreaterThan(10);
      for (const id of linked) expect(ids.has(id)).toBe(true);
    }
  });
});

describe('benchmark result (smoke mode)', () => {
  it('measures three builds with plausible figures and never re-encodes on a no-change rebuild', () => {
    const run = result.runs[0]!;
    expect(run.notices).toBe(NOTICES);
    for (const kind of ['cold', 'warm', 'edit'] as const) {
      const b = run.builds[kind];
      expect(b.ok).toBe(true);
      expect(b.wallS).toBeGreaterThan(0);
      expect(b.cpuS).toBeGreaterThan(0);
      // A Node process running Astro holds well over 50 MB; less would mean the tree was not sampled.
      // A build with nothing to do runs no Astro (a fraction of a second): sampled at least once.
      expect(b.peakRssBytes).toBeGreaterThan(b.nothingToDo ? 0 : 50 * 2 ** 20);
    }
    // One image per notice: gallery (AVIF + WebP at 480 and 960) and a thumbnail = 5 encodes each,
    // read from the images integration's summary line and counted in its cache (.cache/astro/modus-images/).
    expect(run.builds.cold.encodes).toBe(NOTICES * 5);
    expect(run.builds.cold.cacheHits).toBe(0);
    expect(run.builds.cold.cacheFilesAdded).toBe(NOTICES * 5);
    // The no-change rebuild keeps the out folder and finds nothing to do (scripts/build.mjs): no step runs.
    expect(run.builds.warm.nothingToDo).toBe(true);
    expect(run.builds.warm.encodes).toBe(0);
    expect(run.builds.warm.cacheFilesAdded).toBe(0);
    expect(run.builds.edit.nothingToDo).toBe(false);
    expect(run.builds.edit.encodes).toBe(0);
    expect(run.builds.edit.cacheHits).toBe(NOTICES * 5);
    expect(run.builds.edit.cacheFilesAdded).toBe(0);
  });

  it('counts the pages: one per notice, and the pages the build reports', () => {
    const { dist, builds } = result.runs[0]!;
    expect(dist.noticePages).toBe(NOTICES);
    expect(dist.htmlPages).toBe(builds.cold.pagesReported);
    // Notice pages, /id/ redirects, list and browse pages, and the fixed pages (home, search, markings, 404…).
    expect(dist.htmlPages).toBeGreaterThan(2 * NOTICES + 5);
    expect(dist.searchIndexBytes).toBeGreaterThan(0);
    expect(dist.imagesByFormat.jpg).toBe(0);
    expect(dist.imageFiles).toBe(NOTICES * 5);
    // Per image: AVIF at 480 and 960; WebP at 480, 960 and the 240 thumbnail.
    expect(dist.imagesByFormat).toEqual({ avif: NOTICES * 2, webp: NOTICES * 3, jpg: 0, png: 0 });
    // All of them are variants in _img/ (`<content id>-<width>.<format>`), none elsewhere.
    const distDir = path.join(root, 'corpus', `n${NOTICES}-i1-s7.dist`);
    const images = listFiles(distDir).filter((f) => /\.(avif|webp|jpe?g|png)$/i.test(f));
    expect(images).toHaveLength(NOTICES * 5);
    expect(images.filter((f) => !/^_img\/[0-9a-f]{20}-(240|480|960)\.(avif|webp)$/.test(f))).toEqual([]);
  });

  it('weighs a notice page without JavaScript, and the home page', () => {
    const { notice, home } = result.runs[0]!.pageWeight;
    expect(notice.scripts).toBe(0);
    expect(notice.js.files).toBe(0);
    expect(notice.html.raw).toBeGreaterThan(notice.html.gzip);
    expect(notice.css.files).toBeGreaterThan(0);
    expect(notice.htmlCssGzip).toBe(notice.html.gzip + notice.css.gzip);
    expect(home.html.gzip).toBeGreaterThan(0);
  });

  it('measures a first search in Chromium for a rare and a common word', () => {
    const { rare, common } = result.runs[0]!.search;
    expect(rare.results).toBe(1);
    expect(common.results).toBeGreaterThan(1);
    for (const s of [rare, common]) {
      expect(s.failed).toEqual([]);
      expect(s.totalBytes).toBeGreaterThan(0);
      // The search loads Pagefind's wasm and an index chunk: both must be on the wire.
      expect(s.byKind.wasm).toBeGreaterThan(10_000);
      expect(s.byKind.index).toBeGreaterThan(0);
      expect(s.bytesWithoutImages).toBeLessThanOrEqual(s.totalBytes);
    }
  });

  it('measures a slow link: a notice page readable and a first search result (prevents the figure missing from the report, or measured without the emulated link)', () => {
    const { slowLink } = result.runs[0]!;
    expect(slowLink.runs).toBe(1);
    // The page and its stylesheet each wait for the emulated 800 ms latency: less would mean the link was not emulated.
    expect(slowLink.notice.readableMs).toBeGreaterThanOrEqual(1600);
    expect(slowLink.notice.runsMs).toEqual([slowLink.notice.readableMs]);
    expect(slowLink.search.word).toBe('container');
    expect(slowLink.search.afterTypingMs).toBeGreaterThanOrEqual(800);
    expect(slowLink.search.firstResultMs).toBeGreaterThan(slowLink.search.afterTypingMs);
    const md = fs.readFileSync(out.replace(/\.json$/, '.md'), 'utf8');
    expect(md).toContain('| slow link (256 kbit/s, 800 ms, cold): notice page readable |');
    expect(result.targets.map((t) => t.target)).toEqual(
      expect.arrayContaining([
        '50: slow link (256 kbit/s, 800 ms), notice page readable (marking and text painted), median of 1',
        '50: slow link (256 kbit/s, 800 ms), first search result shown, median of 1',
      ]),
    );
  });

  it('reports each language: its pages, its search files, a first search on its own search page with its words', () => {
    const run = result.runs[0]!;
    const { byLanguage } = run.dist;
    expect(Object.keys(byLanguage)).toEqual(['en', 'fr', 'es', 'ar']);
    for (const l of Object.values(byLanguage)) {
      expect(l.noticePages).toBe(NOTICES);
      expect(l.searchPages).toBeGreaterThan(NOTICES);
      expect(l.htmlPages).toBeGreaterThan(2 * NOTICES);
      expect(l.byKind.index).toBeGreaterThan(0);
      expect(l.byKind.meta).toBeGreaterThan(0);
      expect(l.byKind.wasm).toBeGreaterThan(10_000);
    }
    expect(Object.values(byLanguage).reduce((t, l) => t + l.searchBytes, 0)).toBe(run.dist.searchIndexBytes);
    expect(Object.values(byLanguage).reduce((t, l) => t + l.htmlPages, 0)).toBe(run.dist.htmlPages);
    expect(
      run.languages.noticeTranslations.fr! + run.languages.noticeTranslations.es! + run.languages.noticeTranslations.ar!,
    ).toBeGreaterThan(0);
    expect(Object.keys(run.searchByLanguage)).toEqual(['fr', 'es', 'ar']);
    for (const [lang, s] of Object.entries(run.searchByLanguage)) {
      expect(s.rare.results, lang).toBe(1);
      expect(s.common.results, lang).toBeGreaterThan(1);
      for (const w of [s.rare, s.common]) {
        expect(w.failed).toEqual([]);
        expect(w.byKind.index).toBeGreaterThan(0);
      }
    }
    expect(run.searchByLanguage.ar!.rare.word).toBe('هارمونيوم');
  });

  it('builds the English-only copy of the corpus with the baseline commit, alternated with the builds, and reports the cost', () => {
    const run = result.runs[0]!;
    const order = lines.map((l) => /^ {3}(cold|warm|edit)\b( \(English only\))?/.exec(l)).filter((m) => m !== null);
    expect(order.map((m) => `${m[1]}${m[2] ? ' baseline' : ''}`)).toEqual([
      'cold',
      'cold baseline',
      'warm',
      'warm baseline',
      'edit',
      'edit baseline',
    ]);
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: path.join(import.meta.dirname, '../..') })
      .toString()
      .trim();
    expect(run.baseline.commit).toBe(head);
    const { noticeTranslations, courseTranslations, originalsByLanguage } = run.languages;
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(run.baseline.copied.translationsLeftOut).toBe(sum(noticeTranslations) + sum(courseTranslations));
    expect(run.baseline.copied.languageLines).toBe(NOTICES - originalsByLanguage.en!);
    for (const kind of ['cold', 'warm', 'edit'] as const) expect(run.baseline.builds[kind].ok).toBe(true);
    expect(run.baseline.builds.cold.encodes).toBe(NOTICES * 5);
    expect(run.baseline.builds.warm.nothingToDo).toBe(true);
    expect(run.baseline.builds.edit.nothingToDo).toBe(false);
    expect(run.baseline.dist.noticePages).toBe(NOTICES);
    // This checkout as its own baseline: the same languages and pages, nothing added.
    expect(run.languageCost.languages).toBe(0);
    expect(run.languageCost.htmlPages.added).toBe(0);
    const md = fs.readFileSync(out.replace(/\.json$/, '.md'), 'utf8');
    expect(md).toContain('## Languages');
    expect(md).toContain('| figure | English | French | Spanish | Arabic | all |');
    expect(md).toContain('what the 0 added languages cost');
  });

  it('writes JSON and Markdown, evaluates every target, and compares two results', () => {
    const saved = JSON.parse(fs.readFileSync(out, 'utf8')) as BenchResult;
    expect(saved.runs[0]!.notices).toBe(NOTICES);
    const md = fs.readFileSync(out.replace(/\.json$/, '.md'), 'utf8');
    expect(md).toContain('| notices | 50 |');
    expect(markdown(saved)).toBe(md);
    const targets = saved.targets.map((t) => t.target);
    expect(targets).toEqual(
      expect.arrayContaining([
        '50: no-change rebuild encodes',
        '50: notice page JavaScript',
        '50: notice page HTML+CSS gzipped',
        '50: first search "harmonium" (without result thumbnails)',
      ]),
    );
    for (const t of saved.targets) expect(typeof t.met).toBe('boolean');
    const table = compare(saved, saved);
    expect(table).toContain('| 50 | cold encodes | 250 | 250 | 0% |');
    // Results of other sizes: said so, not an empty table.
    const other = { ...saved, runs: saved.runs.map((r) => ({ ...r, notices: 1000 })) };
    expect(compare(saved, other)).toBe('The two results share no corpus size (50 against 1,000): nothing to compare.');
  });
});
