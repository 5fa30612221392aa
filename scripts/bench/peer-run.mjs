/**
 * The peer's side of a benchmark run (`--peer starlight`): its project set up and the corpus converted,
 * then the same steps as Modus's side (cold, no-change and one-edit builds, dist figures, first search),
 * which scripts/bench/run.mjs alternates with Modus's.
 */
import path from 'node:path';
import { distFigures, pageWeight } from './dist.mjs';
import { editFile } from './modus-build.mjs';
import { round } from './process.mjs';
import { serve } from './search.mjs';
import {
  PEER_CONFIG,
  clearPeerCaches,
  convertCorpus,
  defaultPeerDir,
  measuredPeerBuild,
  peerPageOf,
  setUpPeer,
  starlightSearchUi,
  starlightSlowLinkUi,
} from './peer-starlight.mjs';

/** The peers the benchmark knows, by the name given to --peer. */
export const PEERS = ['starlight'];

/**
 * Sets up the peer's project (`opts.peerDir`, default outside the repository), converts the corpus
 * `contentDir` into it, and returns the peer's side: { figures, build(kind), edit(), measureDist(),
 * serve(), searchUi, slowLinkUi }. `figures` is what the run's result records under `peer`: build(kind) measures
 * one build ("cold" clears the peer's caches first), measureDist() the built site, and record them there;
 * edit() edits the page of the corpus's edit target and returns a function that restores it.
 * Throws for an unknown peer, or when npm or the conversion fails.
 */
export async function peerSide(opts, { contentDir, manifest, logDir, name }, log = console.log) {
  if (!PEERS.includes(opts.peer)) throw new Error(`--peer: unknown peer "${opts.peer}" (known: ${PEERS.join(', ')})`);
  const { dir, installS, versions } = await setUpPeer(opts.peerDir ?? defaultPeerDir(), log);
  const t0 = performance.now();
  const converted = convertCorpus(contentDir, dir);
  const figures = {
    name: opts.peer,
    versions,
    dir,
    config: PEER_CONFIG,
    installS,
    convertS: round((performance.now() - t0) / 1000, 1),
    converted,
    builds: {},
  };
  const pages = { notice: `notices/${path.basename(path.dirname(manifest.editTarget))}`, home: '' };
  const outDir = path.join(dir, 'dist');
  log(`   peer: Starlight ${versions['@astrojs/starlight']} (Astro ${versions.astro}) in ${dir}, ${converted.pages} notice pages`);
  return {
    figures,
    async build(kind) {
      if (kind === 'cold') clearPeerCaches(dir);
      const r = await measuredPeerBuild(dir, path.join(logDir, `${name}.peer-${opts.peer}.${kind}.log`));
      log(
        `   ${`${kind} (${opts.peer})`.padEnd(18)} ${r.ok ? 'ok ' : 'FAILED'} ${r.wallS.toFixed(1)} s wall, ${r.cpuS.toFixed(1)} s CPU, peak ${(r.peakRssBytes / 2 ** 20).toFixed(0)} MiB`,
      );
      if (!r.ok) throw new Error(`${kind} build of the peer (${opts.peer}) failed (exit ${r.exitCode}); see ${r.log}`);
      figures.builds[kind] = r;
      return r;
    },
    edit: () => editFile(peerPageOf(dir, manifest.editTarget)),
    measureDist() {
      figures.dist = distFigures(outDir);
      figures.pageWeight = { notice: pageWeight(outDir, pages.notice), home: pageWeight(outDir, pages.home) };
    },
    serve: () => serve(outDir, { root: dir, config: PEER_CONFIG }),
    searchUi: starlightSearchUi,
    slowLinkUi: starlightSlowLinkUi,
  };
}
