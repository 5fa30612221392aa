/**
 * The benchmark's peer (`npm run bench -- --peer starlight`, scripts/bench/peer-*.mjs) without building
 * it: a Modus notice becomes a Starlight page (title, description = summary, its photos as Markdown
 * images copied beside it, then the same MDX body), the corpus is converted whole, the peer's project
 * is never put inside the repository, and the report shows both raw figures and the ratio Modus ÷ peer
 * with the targets against the peer. The full run (npm install, six builds, four searches) is in
 * tests/site/bench-peer.test.ts. Prevents: the peer building other content than Modus (a body changed,
 * a photo left out, a stale page of an earlier corpus), or a ratio reported upside down.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { convertCorpus, noticeToStarlight, peerPageOf, setUpPeer } from '../../scripts/bench/peer-starlight.mjs';
import { peerRatios } from '../../scripts/bench/peer-ratios.mjs';
import { peerMarkdown } from '../../scripts/bench/peer-report.mjs';
import { evaluateTargets } from '../../scripts/bench/targets.mjs';
import { generateCorpus } from '../../scripts/corpus.mjs';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-bench-peer-unit-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Frontmatter and the text after it, as the peer's page is written. */
function splitPage(mdx: string): { data: Record<string, unknown>; rest: string } {
  const m = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/.exec(mdx);
  if (!m) throw new Error('no frontmatter');
  return { data: YAML.parse(m[1]!) as Record<string, unknown>, rest: m[2]! };
}

describe('a notice as a Starlight page', () => {
  const body = '\n## Method\n\nPacked in the *lining* of a suitcase: 2--3 kg.\n\n- one\n- two\n';
  const notice = [
    '---',
    'id: "MO-2020-0001"',
    'title: "Cocaine: concealed in a \\"false\\" floor"',
    'summary: "Hidden under the floor; officers: check the screws."',
    'images:',
    '  - src: "photo-1.jpg"',
    '    alt: "Photo [1] of the floor"',
    '  - src: "xray.png"',
    '    alt: "X-ray image"',
    '---',
    body,
  ].join('\n');

  it('has the title and, as description, the summary; then the photos; then the same body', () => {
    const page = noticeToStarlight(notice, 'mo-2020-0001-floor');
    const { data, rest } = splitPage(page.mdx);
    expect(data).toEqual({
      title: 'Cocaine: concealed in a "false" floor',
      description: 'Hidden under the floor; officers: check the screws.',
    });
    expect(page.images).toEqual([
      { src: 'photo-1.jpg', as: 'mo-2020-0001-floor--photo-1.jpg' },
      { src: 'xray.png', as: 'mo-2020-0001-floor--xray.png' },
    ]);
    // Markdown images relative to the page (astro:assets processes them), alt text with its brackets escaped.
    expect(rest).toBe(
      `\n![Photo \\[1\\] of the floor](./mo-2020-0001-floor--photo-1.jpg)\n\n![X-ray image](./mo-2020-0001-floor--xray.png)\n${body}`,
    );
    expect(page.body).toBe(body);
    expect(page.mdx.endsWith(page.body)).toBe(true);
  });

  it('refuses a notice without frontmatter', () => {
    expect(() => noticeToStarlight('# no frontmatter\n', 'x')).toThrow(/no frontmatter/);
  });
});

describe('converting the generated corpus', () => {
  it('writes one page per notice with its photos beside it, a home page, and removes pages of an earlier corpus', async () => {
    const corpus = path.join(root, 'corpus');
    await generateCorpus({ out: corpus, notices: 4, imagesMin: 1, imagesMax: 3, seed: 5, width: 64, height: 48, progress: false });
    const peer = path.join(root, 'peer');
    const stale = path.join(peer, 'src/content/docs/notices/stale.mdx');
    fs.mkdirSync(path.dirname(stale), { recursive: true });
    fs.writeFileSync(stale, '---\ntitle: Stale\n---\n');

    const converted = convertCorpus(corpus, peer);

    expect(fs.existsSync(stale)).toBe(false);
    expect(YAML.parse(fs.readFileSync(path.join(peer, 'src/content/docs/index.mdx'), 'utf8').split('---')[1]!)).toEqual({ title: 'Home' });
    const slugs = fs.readdirSync(path.join(corpus, 'notices')).sort();
    expect(converted.pages).toBe(4);
    let images = 0;
    for (const slug of slugs) {
      const source = fs.readFileSync(path.join(corpus, 'notices', slug, 'index.mdx'), 'utf8');
      const [, fm, noticeBody] = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/.exec(source)!;
      const notice = YAML.parse(fm!) as { title: string; summary: string; images: Array<{ src: string; alt: string }> };
      const file = peerPageOf(peer, `notices/${slug}/index.mdx`);
      const page = fs.readFileSync(file, 'utf8');
      const { data, rest } = splitPage(page);
      expect(data).toEqual({ title: notice.title, description: notice.summary });
      expect(rest.endsWith(noticeBody!)).toBe(true);
      for (const img of notice.images) {
        expect(rest).toContain(`![${img.alt}](./${slug}--${img.src})`);
        const copy = path.join(path.dirname(file), `${slug}--${img.src}`);
        expect(fs.readFileSync(copy).equals(fs.readFileSync(path.join(corpus, 'notices', slug, img.src)))).toBe(true);
        images++;
      }
    }
    expect(images).toBeGreaterThan(4);
    expect(converted.images).toBe(images);
    expect(fs.readdirSync(path.join(peer, 'src/content/docs/notices')).filter((f) => f.endsWith('.mdx'))).toHaveLength(4);
  });

  it("never sets up the peer's project (and its node_modules) inside the repository", async () => {
    const inside = path.resolve(import.meta.dirname, '../../.cache/peer-starlight-test');
    await expect(setUpPeer(inside)).rejects.toThrow(/outside the repository/);
    expect(fs.existsSync(inside)).toBe(false);
  });
});

/** A run with a peer, as the benchmark records it (only the figures the report and the targets read). */
function runWithPeer() {
  const build = (wallS: number, peakRssBytes: number) => ({ wallS, cpuS: wallS + 10, peakRssBytes, encodes: 0, imagesGenerated: 0 });
  const search = (word: string, totalBytes: number) => ({
    word,
    totalBytes,
    bytesWithoutImages: totalBytes - 1024,
    requests: 20,
    summary: '',
  });
  const dist = { htmlPages: 10, noticePages: 5, bytes: 2 ** 20, pagefindBytes: 2 ** 19, imageFiles: 5, imageBytes: 2 ** 18 };
  const pageWeight = { notice: { htmlCssGzip: 9000, scripts: 0, js: { files: 0 } } };
  const slowLink = (readableMs: number, firstResultMs: number) => ({
    runs: 3,
    notice: { readableMs, runsMs: [readableMs, readableMs, readableMs] },
    search: { word: 'container', firstResultMs, afterTypingMs: firstResultMs - 4000, runsMs: [firstResultMs] },
  });
  return {
    notices: 1000,
    images: 1000,
    imageSize: '64x48',
    loadBefore: [1, 1, 1],
    loadAfterBuilds: [2, 2, 2],
    builds: { cold: build(30, 1200 * 2 ** 20), warm: build(25, 1000 * 2 ** 20), edit: build(5, 900 * 2 ** 20) },
    search: { rare: search('harmonium', 100 * 1024), common: search('container', 120 * 1024) },
    dist,
    pageWeight,
    slowLink: slowLink(1800, 9000),
    peer: {
      name: 'starlight',
      config: 'astro.config.lean.mjs',
      versions: { astro: '7.3.5', '@astrojs/starlight': '0.42.4', pagefind: '1.6.0', sharp: '0.35.5' },
      builds: { cold: build(20, 2000 * 2 ** 20), warm: build(18, 1900 * 2 ** 20), edit: build(20, 1800 * 2 ** 20) },
      search: { rare: search('harmonium', 150 * 1024), common: search('container', 160 * 1024) },
      dist,
      pageWeight,
      slowLink: slowLink(2400, 12000),
    },
  };
}

describe('ratios, report and targets against the peer', () => {
  it('divides Modus by the peer, figure by figure', () => {
    expect(peerRatios(runWithPeer())).toEqual({
      coldWallS: 1.5,
      coldCpuS: 1.33,
      coldPeakRss: 0.6,
      warmWallS: 1.39,
      warmCpuS: 1.25,
      warmPeakRss: 0.53,
      editWallS: 0.25,
      editCpuS: 0.5,
      editPeakRss: 0.5,
      peakRss: 0.6,
      searchRareBytes: 0.67,
      searchRareBytesWithoutImages: 0.66,
      searchCommonBytes: 0.75,
      searchCommonBytesWithoutImages: 0.75,
      slowNoticeReadable: 0.75,
      slowFirstResult: 0.75,
    });
    expect(peerRatios({ ...runWithPeer(), peer: undefined })).toBeUndefined();
  });

  it('shows both raw figures next to each ratio', () => {
    const md = peerMarkdown({ runs: [runWithPeer()] });
    expect(md).toContain('| figure | Modus | Starlight | Modus ÷ Starlight |');
    expect(md).toContain('| cold build: wall (CPU) | 30 s (CPU 40 s) | 20 s (CPU 30 s) | 1.50 (CPU 1.33) |');
    expect(md).toContain('| peak memory: largest of the three | 1200 MiB | 2000 MiB | 0.60 |');
    expect(md).toMatch(
      /\| first search "harmonium" \(rare word\)[^|]*\| 100\.0 kB [^|]*\| 150\.0 kB [^|]*\| 0\.67 \(0\.66 without images\) \|/,
    );
    expect(md).toContain('| slow link (256 kbit/s, 800 ms, cold): notice page readable, median | 1.80 s | 2.40 s | 0.75 |');
    expect(md).toContain('| slow link: first search result shown ("container"), median | 9.00 s | 12.00 s | 0.75 |');
    expect(peerMarkdown({ runs: [{ ...runWithPeer(), peer: undefined }] })).toBe('');
  });

  it('evaluates the slow-link targets: a notice page readable in < 3 s is met, a first result after 9 s is a miss', () => {
    const targets = evaluateTargets({ runs: [runWithPeer()] }).filter((t: { target: string }) => t.target.includes('slow link'));
    expect(targets).toEqual([
      {
        target: '1,000: slow link (256 kbit/s, 800 ms), notice page readable (marking and text painted), median of 3',
        value: '1.80 s',
        limit: '< 3 s',
        met: true,
      },
      {
        target: '1,000: slow link (256 kbit/s, 800 ms), first search result shown, median of 3',
        value: '9.00 s',
        limit: '< 6 s',
        met: false,
      },
    ]);
  });

  it("evaluates the targets against the peer's times and memory", () => {
    const targets = evaluateTargets({ runs: [runWithPeer()] }).filter((t: { target: string }) => t.target.includes("starlight's"));
    expect(targets).toEqual([
      { target: "1,000: one notice edited, rebuild time ÷ starlight's", value: 0.25, limit: '≤ 0.25', met: true },
      { target: "1,000: no-change rebuild time ÷ starlight's", value: 1.39, limit: '≤ 0.1', met: false },
      { target: "1,000: cold build time (small images) ÷ starlight's", value: 1.5, limit: '≤ 1', met: false },
      { target: "1,000: peak memory of the process tree ÷ starlight's", value: 0.6, limit: '≤ 0.6', met: true },
    ]);
  });
});
