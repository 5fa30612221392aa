/**
 * Incremental builds (Astro's `experimental.incrementalBuild`, keys: src/render/data/cache-keys.ts):
 * after any series of changes, the `dist/` an incremental build makes is byte for byte the `dist/` a
 * clean build of the same content and code makes, and a page is made again only when something it
 * shows changed. A scripted series on a copy of the sample content, built in a copy of the project (so
 * the code and the lock file can change too, and the clean builds have caches of their own): after each
 * change, an incremental build (into the same out folder as the builds before, with their caches, as an
 * editor's rebuild does) and a clean build (a fresh copy of the project, empty caches, a new out folder)
 * are compared file by file. Prevents: a cache key that misses something a page shows (a stale card
 * title (or course title on the offline page), a withheld notice still listed, an old photo's variant name, a course title), a file the build
 * no longer makes left in the kept out folder (a deleted notice's page, an old bundle, an old photo's
 * variant), a search index not remade after a page changed, and an incremental build that silently
 * makes every page again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, listFiles, tempDir, type RunResult } from '../helpers/site.ts';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';
import { settingsCache } from '../../src/build/build-dirs.ts';
import { readSettings } from '../../src/settings.ts';

/** The pages made without getStaticPaths(): Astro renders them on every build (they have no cache key). */
/**
 * Pages without a cache key, rendered on every build: the 404, the CMS, the index of the JSON documents and, in
 * each language, the pages made by `languageStaticPaths`.
 */
const ALWAYS_RENDERED = [
  '/404.html',
  '/admin/index.html',
  '/data/index.json',
  ...['', '/fr', '/es', '/ar'].flatMap((l) =>
    [
      '/browse/index.html',
      '/courses/index.html',
      '/feed.xml',
      '/index.html',
      '/markings/index.html',
      '/notices/index.html',
      '/search/index.html',
    ].map((p) => `${l}${p}`),
  ),
  // The STIX bundle and the CSV of the whole build: language-neutral files, made on every build.
  '/data/stix/bundle.json',
  '/data/notices.csv',
];

let content: string;
let project: ProjectCopy;
const dirs: string[] = [];
/** The dist of the last clean build, to compare a build whose content and code did not change with. */
let lastClean = '';
let buildNo = 0;

const noticeFile = (slug: string) => path.join(content, 'notices', slug, 'index.mdx');
/** Rewrites a file of the content copy or of the project copy; throws when `from` is not in it. */
function edit(file: string, from: string | RegExp, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${String(from)} not found in ${file}`);
  fs.writeFileSync(file, next);
}

/** The pages a build rendered and those it copied from its cache, from Astro's log ("├─ /x/index.html (+3ms)" or "(restored)"). */
function pagesOf(r: RunResult): { rendered: string[]; reused: string[] } {
  const rendered: string[] = [];
  const reused: string[] = [];
  for (const m of r.output.matchAll(/├─ (\S+) \((restored|cached|\+[^)]*)\)/g)) (m[2]!.startsWith('+') ? rendered : reused).push(m[1]!);
  return { rendered: rendered.sort(), reused: reused.sort() };
}
/** The pages with a cache key (made by getStaticPaths) that a build rendered. */
const keyedRendered = (r: RunResult) => pagesOf(r).rendered.filter((p) => !ALWAYS_RENDERED.includes(p));

/** The files that name the build they belong to (its id and time, docs/offline.md): compared without those two fields. */
const BUILD_IDENTITY = ['offline/build.json', 'offline/manifest.json'];
/** The bytes of `file` (relative to `dir`) as compared: a file of BUILD_IDENTITY without its build's id and time. */
function comparable(dir: string, file: string): Buffer {
  const bytes = fs.readFileSync(path.join(dir, file));
  if (!BUILD_IDENTITY.includes(file)) return bytes;
  const { id, time, ...rest } = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  expect(typeof id === 'string' && typeof time === 'string', `${file} names its build`).toBe(true);
  return Buffer.from(JSON.stringify(rest));
}

/** Every file that differs between two folders: missing on either side, or other bytes. */
function differences(expected: string, actual: string): string[] {
  const a = new Set(listFiles(expected));
  const b = new Set(listFiles(actual));
  const out: string[] = [];
  for (const f of a) if (!b.has(f)) out.push(`missing: ${f}`);
  for (const f of b) if (!a.has(f)) out.push(`extra: ${f}`);
  for (const f of a) {
    if (b.has(f) && !comparable(expected, f).equals(comparable(actual, f))) out.push(`differs: ${f}`);
  }
  return out.sort();
}

/** The out folder of the incremental builds: kept from one build to the next, as `npm run build` keeps dist/. */
let kept = '';
/** An incremental build in the project copy, into the kept out folder (or `out`); the build must keep the folder unless told otherwise. */
async function incrementalBuild(out = kept, keeps = true): Promise<{ r: RunResult; out: string }> {
  buildNo++;
  const r = await project.build(content, out);
  expect(r.code, r.output).toBe(0);
  if (keeps) expect(r.output).toContain(`keeping ${out}: only what changed is made again`);
  return { r, out };
}

/** A clean build of the same content and code: a fresh copy of the project copy (empty caches). */
async function cleanBuild(): Promise<string> {
  const clean = copyProject(project.root);
  const out = tempDir(`clean-${buildNo}`);
  dirs.push(out);
  try {
    const r = await clean.build(content, out);
    expect(r.code, r.output).toBe(0);
    expect(keyedRendered(r).length, 'a clean build renders every page').toBeGreaterThan(200);
    expect(pagesOf(r).reused).toEqual([]);
  } finally {
    clean.remove();
  }
  lastClean = out;
  return out;
}

/** Builds incrementally and clean after a change, and proves both made the same files; returns the incremental build's pages. */
async function afterChange(): Promise<{ rendered: string[]; reused: string[]; out: string }> {
  const { r, out } = await incrementalBuild();
  const clean = await cleanBuild();
  expect(differences(clean, out)).toEqual([]);
  return { rendered: keyedRendered(r), reused: pagesOf(r).reused, out };
}

beforeAll(() => {
  kept = tempDir('incremental-out');
  dirs.push(kept);
  content = tempDir('incremental-content');
  fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  project = copyProject();
});
afterAll(() => {
  project?.remove();
  if (content) fs.rmSync(content, { recursive: true, force: true });
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('incremental builds are byte-identical to clean builds (sample content, audience public)', () => {
  /** A second out folder built from the first content: what the kept one must hold until the content changes. */
  let first = '';

  it('a first build renders every page; a rebuild with no change does nothing and leaves every file as it was', async () => {
    const a = await incrementalBuild(kept, false);
    expect(pagesOf(a.r).reused).toEqual([]);
    const before = new Map(listFiles(kept).map((f) => [f, fs.statSync(path.join(kept, f)).mtimeMs]));
    const b = await incrementalBuild(kept, false);
    expect(b.r.output).toContain('nothing changed since the last build');
    expect(pagesOf(b.r).rendered).toEqual([]);
    expect(new Map(listFiles(kept).map((f) => [f, fs.statSync(path.join(kept, f)).mtimeMs]))).toEqual(before);
  });

  it('a rebuild with no change into another out folder renders no page with a cache key, and makes the same bytes', async () => {
    const other = tempDir('incremental-other');
    dirs.push(other);
    first = other;
    const c = await incrementalBuild(other, false);
    expect(keyedRendered(c.r)).toEqual([]);
    expect(pagesOf(c.r).rendered).toEqual([...ALWAYS_RENDERED].sort());
    expect(pagesOf(c.r).reused.length).toBeGreaterThan(200);
    expect(differences(kept, other)).toEqual([]);
  });

  it('a file changed by hand in the kept out folder makes the next build start from scratch', async () => {
    fs.appendFileSync(path.join(kept, 'index.html'), '<!-- edited by hand -->');
    const { r } = await incrementalBuild(kept, false);
    expect(r.output).toContain(`building ${kept} from scratch`);
    expect(differences(first, kept)).toEqual([]);
  });

  it('a body edit renders that notice page only, in each language that shows the original (no translation yet)', async () => {
    edit(
      noticeFile('tramadol-in-counterfeit-car-parts'),
      'In all, 20,000 tablets were found.',
      'In all, 20,000 tablets were found, wrapped in zebrawood shavings.',
    );
    const { rendered, out } = await afterChange();
    // Its pages, and its JSON document and STIX bundle, which carry its body.
    expect(rendered.sort()).toEqual(
      [
        ...['', '/ar', '/es', '/fr'].map((l) => `${l}/notices/tramadol-in-counterfeit-car-parts/index.html`),
        '/data/notices/MO-2025-0002.json',
        '/data/stix/MO-2025-0002.json',
      ].sort(),
    );
    for (const l of ['', 'fr/', 'ar/'])
      expect(fs.readFileSync(path.join(out, `${l}notices/tramadol-in-counterfeit-car-parts/index.html`), 'utf8'), l).toContain(
        'zebrawood shavings',
      );
  });

  it('a body edit of an original leaves the pages of its up-to-date translations as they are', async () => {
    edit(
      noticeFile('meth-in-animal-sculptures'),
      'Decorative and handicraft goods recur',
      'Decorative and handicraft goods keep recurring',
    );
    const { rendered, out } = await afterChange();
    // The translations show their own bodies: only the English page shows this text (and the notice's JSON document and STIX bundle).
    expect(rendered.sort()).toEqual([
      '/data/notices/MO-2025-0001.json',
      '/data/stix/MO-2025-0001.json',
      '/notices/meth-in-animal-sculptures/index.html',
    ]);
    expect(fs.readFileSync(path.join(out, 'notices/meth-in-animal-sculptures/index.html'), 'utf8')).toContain('keep recurring');
  });

  it('a title edit renders the pages that show the title: the notice, its cards on other notices, lists, browse and course pages', async () => {
    edit(noticeFile('meth-in-animal-sculptures'), /^title: .*$/m, 'title: Crystal methamphetamine inside carved animal sculptures');
    const { rendered, reused, out } = await afterChange();
    expect(rendered).toEqual(
      expect.arrayContaining([
        '/notices/meth-in-animal-sculptures/index.html',
        '/id/MO-2025-0001/index.html',
        '/data/stix/MO-2025-0001.json',
        '/courses/concealment-in-manufactured-goods/index.html',
        '/courses/concealment-in-manufactured-goods/handout/index.html',
      ]),
    );
    expect(rendered.some((p) => p.startsWith('/browse/commodity/'))).toBe(true);
    expect(rendered.filter((p) => p.startsWith('/notices/') && !p.includes('meth-in-animal-sculptures')).length).toBeGreaterThan(0);
    expect(reused.length).toBeGreaterThan(100);
    const cards = listFiles(out).filter(
      (f) => f.endsWith('.html') && fs.readFileSync(path.join(out, f), 'utf8').includes('inside carved animal sculptures'),
    );
    expect(cards.length).toBeGreaterThan(5);
  });

  it('a marking raised above the audience withholds the notice from every page', async () => {
    edit(noticeFile('drugs-in-food-delivery-bags'), /^tlp: CLEAR$/m, 'tlp: GREEN');
    const { rendered, reused, out } = await afterChange();
    expect(fs.existsSync(path.join(out, 'notices/drugs-in-food-delivery-bags'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'id/MO-2025-0006'))).toBe(false);
    expect(rendered.length).toBeGreaterThan(0);
    expect(reused.length).toBeGreaterThan(100);
  });

  it('a photo replaced under the same name renders the pages that show it (new variant names)', async () => {
    const photo = path.join(content, 'notices/captagon-in-pomegranates/pomegranate-crate.png');
    fs.copyFileSync(path.join(content, 'notices/captagon-in-plastic-oranges/plastic-orange-cutaway.png'), photo);
    const { rendered, reused } = await afterChange();
    expect(rendered).toContain('/notices/captagon-in-pomegranates/index.html');
    // STIX carries no images: the notice's bundle is not made again for a new photo.
    expect(rendered).not.toContain('/data/stix/MO-2025-0018.json');
    expect(reused.length).toBeGreaterThan(100);
  });

  it('a notice deleted is gone from every page', async () => {
    fs.rmSync(path.join(content, 'notices/cash-in-vehicle-quarter-panels'), { recursive: true });
    const { reused, out } = await afterChange();
    expect(fs.existsSync(path.join(out, 'notices/cash-in-vehicle-quarter-panels'))).toBe(false);
    expect(reused.length).toBeGreaterThan(100);
  });

  it("a course changed renders its pages and the notice pages that link it ('Used in courses')", async () => {
    edit(
      path.join(content, 'courses/concealment-in-manufactured-goods/index.mdx'),
      /^title: Concealment in manufactured goods$/m,
      'title: Concealment inside manufactured goods',
    );
    const { rendered, reused } = await afterChange();
    expect(rendered).toEqual(
      expect.arrayContaining([
        '/courses/concealment-in-manufactured-goods/index.html',
        '/courses/concealment-in-manufactured-goods/handout/index.html',
        '/notices/meth-in-animal-sculptures/index.html',
      ]),
    );
    expect(rendered).toContain('/data/courses/concealment-in-manufactured-goods.json');
    // The offline page offers each course by its title.
    expect(rendered).toContain('/offline/index.html');
    expect(rendered.every((p) => /^(\/(fr|es|ar))?\/(courses|notices|offline)\/|^\/data\/courses\//.test(p))).toBe(true);
    expect(reused.length).toBeGreaterThan(100);
  });

  it('a vocabulary label changed in the code renders every page', async () => {
    edit(
      path.join(project.root, 'src/model/vocabularies.ts'),
      "'impregnation-dissolution': 'Impregnation or dissolution',",
      "'impregnation-dissolution': 'Impregnated or dissolved',",
    );
    const { reused, out } = await afterChange();
    expect(reused).toEqual([]);
    expect(fs.readFileSync(path.join(out, 'browse/concealment/index.html'), 'utf8')).toContain('Impregnated or dissolved');
  });

  it('a dependency upgraded (lock file changed) renders every page, and the same bytes', async () => {
    edit(path.join(project.root, 'package-lock.json'), /"version": "0\.1\.0"/, '"version": "0.1.1"');
    const { r, out } = await incrementalBuild();
    expect(pagesOf(r).reused).toEqual([]);
    expect(r.output).toContain('indexed');
    expect(differences(lastClean, out)).toEqual([]);
  });

  it('after an astro build stopped while rendering, the next build drops the page cache instead of copying back what that build left', async () => {
    // Astro writes each rendered page into its cache at once, its manifest at the end: a build stopped in
    // between leaves pages that the old manifest's keys would restore (seen: a reverted title still shown).
    const cache = settingsCache(project.root, readSettings({ MODUS_CONTENT_DIR: content }, project.root));
    const cached = path.join(cache.astro, 'dist/notices/meth-in-animal-sculptures/index.html');
    expect(fs.existsSync(cached)).toBe(true);
    fs.writeFileSync(cache.astroRunning, '');
    fs.writeFileSync(cached, '<p>Rendered by a build that was stopped</p>');
    const other = tempDir('incremental-after-stop');
    dirs.push(other);
    const { r } = await incrementalBuild(other, false);
    expect(r.output).toContain('the last astro build stopped while rendering: its page cache is dropped');
    expect(differences(lastClean, other)).toEqual([]);
  });
});
