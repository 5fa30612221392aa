/** What a benchmark run starts from: the generated corpus of each size, and the machine it runs on. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCorpus } from '../corpus.mjs';
import { DEFAULT_ORIGINALS, DEFAULT_TRANSLATED } from '../corpus/translation.mjs';
import { round } from './process.mjs';

/**
 * Generates the corpus into `dir` (scripts/corpus.mjs) unless it already holds one made with the same
 * options (notices, seed, images per notice, image size, shares of translations and of originals in other
 * languages: `opts.translated`, `opts.originals`, the generator's defaults when absent). Returns
 * { manifest, generatedS } (0 s when reused).
 */
export async function ensureCorpus(dir, opts) {
  const manifestFile = path.join(dir, 'corpus.json');
  const translated = opts.translated ?? DEFAULT_TRANSLATED;
  const originals = opts.originals ?? DEFAULT_ORIGINALS;
  if (fs.existsSync(manifestFile)) {
    const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (
      m.notices === opts.notices &&
      m.seed === opts.seed &&
      String(m.imagesPerNotice) === String(opts.images) &&
      m.imageSize === (opts.imageSize ?? '1600x1200') &&
      m.languages?.translated === translated &&
      m.languages?.originals === originals
    )
      return { manifest: m, generatedS: 0 };
  }
  const t0 = performance.now();
  const [imagesMin, imagesMax] = String(opts.images).split('-').map(Number);
  const [width, height] = (opts.imageSize ?? '1600x1200').split('x').map(Number);
  const manifest = await generateCorpus({
    out: dir,
    notices: opts.notices,
    imagesMin,
    imagesMax: imagesMax ?? imagesMin,
    seed: opts.seed,
    width,
    height,
    translated,
    originals,
    progress: process.stdout.isTTY === true,
  });
  return { manifest, generatedS: round((performance.now() - t0) / 1000, 1) };
}

/** The machine and its load, for the record; `root` is the checkout whose commit is named. */
export function machine(root) {
  const cpus = os.cpus();
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    /* not a git checkout */
  }
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    commit,
    loadavg: os.loadavg().map((x) => round(x, 2)),
  };
}
