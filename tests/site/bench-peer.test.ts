/**
 * Smoke run of the benchmark with its peer (`npm run bench -- --peer starlight`) on 10 notices with
 * tiny photos: the peer's project is set up in a fresh folder outside the repository (npm install from
 * the registry, about half a minute), both sites are built cold, again without change and after one
 * edit, alternately, and searched for a rare and a common word. Checks that every figure of both is
 * there, that the builds alternated, that the peer's cold build was cold and its rebuilds warm, that
 * the one edit reached both sites, and that the ratios are Modus ÷ peer. Timings are never asserted.
 * Prevents: the side-by-side comparison breaking unnoticed between the occasions it is run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bench, markdown } from '../../scripts/bench.mjs';
import { EDIT_SENTENCE } from '../../scripts/bench/modus-build.mjs';
import { tempDir } from '../helpers/site.ts';

const NOTICES = 10;
const root = tempDir('bench-peer');
const out = path.join(root, 'result.json');
const peerDir = path.join(root, 'peer-starlight');
const corpusRoot = path.join(root, 'corpus');
const lines: string[] = [];

interface Build {
  ok: boolean;
  wallS: number;
  cpuS: number;
  peakRssBytes: number;
  pagesReported: number;
  imagesGenerated: number;
  imagesReused: number;
  /** Modus's builds only: the build found nothing changed and ran no step. */
  nothingToDo?: boolean;
  log: string;
}
interface Search {
  results: number;
  summary: string;
  totalBytes: number;
  bytesWithoutImages: number;
  byKind: Record<string, number>;
  failed: string[];
}
interface Side {
  builds: Record<'cold' | 'warm' | 'edit', Build>;
  dist: { htmlPages: number; noticePages: number; pagefindBytes: number };
  search: { ui: string; rare: Search; common: Search };
  slowLink: { notice: { readableMs: number }; search: { ui: string; firstResultMs: number } };
}
interface Run extends Side {
  peer: Side & {
    name: string;
    dir: string;
    versions: Record<string, string>;
    installS: number;
    converted: { pages: number; images: number };
  };
  ratios: Record<string, number | null>;
}
let run: Run;

beforeAll(async () => {
  const result = (await bench(
    {
      sizes: [NOTICES],
      images: '1',
      imageSize: '64x48',
      seed: 7,
      audience: 'organisation',
      corpusRoot,
      out,
      label: 'peer smoke',
      keepDist: true,
      search: true,
      slowLinkRuns: 1,
      peer: 'starlight',
      peerDir,
    },
    (line: string) => lines.push(line),
  )) as { runs: Run[] };
  run = result.runs[0]!;
}, 900_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the benchmark with the Starlight peer (smoke)', () => {
  it('installs the pinned peer outside the repository and converts every notice', () => {
    expect(run.peer.name).toBe('starlight');
    expect(run.peer.dir).toBe(peerDir);
    expect(run.peer.installS).toBeGreaterThan(0);
    expect(run.peer.versions).toMatchObject({ astro: '7.3.5', '@astrojs/starlight': '0.42.4', sharp: '0.35.5' });
    expect(run.peer.converted).toEqual({ pages: NOTICES, images: NOTICES });
  });

  it('alternates the builds: Modus, peer, Modus, peer …', () => {
    const builds = lines.map((l) => /^ {3}(cold|warm|edit)\b( \(starlight\))?/.exec(l)).filter((m) => m !== null);
    expect(builds.map((m) => `${m[1]}${m[2] ? ' peer' : ''}`)).toEqual(['cold', 'cold peer', 'warm', 'warm peer', 'edit', 'edit peer']);
  });

  it('measures the peer like Modus: time, CPU, peak memory of the tree; cold is cold, rebuilds reuse its cache', () => {
    for (const kind of ['cold', 'warm', 'edit'] as const) {
      for (const b of [run.builds[kind], run.peer.builds[kind]]) {
        expect(b.ok).toBe(true);
        expect(b.wallS).toBeGreaterThan(0);
        expect(b.cpuS).toBeGreaterThan(0);
        // A Node process running Astro holds well over 50 MB; less would mean the tree was not sampled.
        // Modus's rebuild with nothing changed runs no Astro (a fraction of a second): sampled at least once.
        expect(b.peakRssBytes).toBeGreaterThan(b.nothingToDo ? 0 : 50 * 2 ** 20);
      }
    }
    // Its cache (node_modules/.astro) was removed before the cold build: every photo optimized again.
    expect(run.peer.builds.cold).toMatchObject({ imagesGenerated: NOTICES, imagesReused: 0 });
    expect(run.peer.builds.warm).toMatchObject({ imagesGenerated: 0, imagesReused: NOTICES });
    expect(run.peer.builds.edit).toMatchObject({ imagesGenerated: 0, imagesReused: NOTICES });
    // Pages: one per notice, the home page and the 404 page.
    expect(run.peer.dist.noticePages).toBe(NOTICES);
    expect(run.peer.dist.htmlPages).toBe(NOTICES + 2);
    expect(run.peer.builds.cold.pagesReported).toBe(NOTICES + 2);
  });

  it('builds the one edit into both sites and puts the sources back', () => {
    const notice = (dir: string) =>
      fs.readdirSync(path.join(dir, 'notices')).filter((f) => f !== 'page' && fs.existsSync(path.join(dir, 'notices', f, 'index.html')));
    const sentence = EDIT_SENTENCE.trim();
    const modusDist = path.join(corpusRoot, `n${NOTICES}-i1-s7-64x48.dist`);
    const edited = (dir: string) =>
      notice(dir).filter((s) => fs.readFileSync(path.join(dir, 'notices', s, 'index.html'), 'utf8').includes(sentence));
    expect(edited(modusDist)).toHaveLength(1);
    expect(edited(path.join(peerDir, 'dist'))).toEqual(edited(modusDist));
    const pages = path.join(peerDir, 'src/content/docs/notices');
    expect(
      fs.readdirSync(pages).filter((f) => f.endsWith('.mdx') && fs.readFileSync(path.join(pages, f), 'utf8').includes(sentence)),
    ).toEqual([]);
  });

  it('measures a first search on both, with results, on the wire', () => {
    expect(run.peer.search.ui).toMatch(/Starlight/);
    for (const s of [run.search, run.peer.search]) {
      expect(s.rare.results).toBe(1);
      expect(s.common.results).toBeGreaterThan(1);
      for (const w of [s.rare, s.common]) {
        expect(w.failed).toEqual([]);
        expect(w.byKind.wasm).toBeGreaterThan(10_000);
        expect(w.byKind.index).toBeGreaterThan(0);
        expect(w.bytesWithoutImages).toBeLessThanOrEqual(w.totalBytes);
      }
    }
  });

  it('measures both on a slow link: the same notice page readable, a first search result (prevents the peer left out of the slow-link figures)', () => {
    expect(run.peer.slowLink.search.ui).toMatch(/Starlight/);
    for (const s of [run.slowLink, run.peer.slowLink]) {
      // The page and its stylesheet each wait for the emulated 800 ms latency.
      expect(s.notice.readableMs).toBeGreaterThanOrEqual(1600);
      expect(s.search.firstResultMs).toBeGreaterThan(s.notice.readableMs);
    }
    expect(run.ratios.slowNoticeReadable).toBe(
      Math.round((run.slowLink.notice.readableMs / run.peer.slowLink.notice.readableMs) * 100) / 100,
    );
  });

  it('reports the ratios Modus ÷ peer next to both raw figures', () => {
    const r = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    expect(run.ratios.coldWallS).toBe(r(run.builds.cold.wallS, run.peer.builds.cold.wallS));
    expect(run.ratios.editWallS).toBe(r(run.builds.edit.wallS, run.peer.builds.edit.wallS));
    expect(run.ratios.searchCommonBytes).toBe(r(run.search.common.totalBytes, run.peer.search.common.totalBytes));
    const md = fs.readFileSync(out.replace(/\.json$/, '.md'), 'utf8');
    expect(markdown(JSON.parse(fs.readFileSync(out, 'utf8')))).toBe(md);
    expect(md).toContain('| figure | Modus | Starlight | Modus ÷ Starlight |');
    expect(md).toContain(
      `| cold build: wall (CPU) | ${run.builds.cold.wallS} s (CPU ${run.builds.cold.cpuS} s) | ${run.peer.builds.cold.wallS} s`,
    );
    expect(md).toContain("starlight's | ");
  });
});
