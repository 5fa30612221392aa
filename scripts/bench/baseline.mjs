/**
 * The languages' baseline (`npm run bench -- --languages-baseline <commit>`): Modus at a commit before the
 * four languages builds the same corpus in English only, measured like this checkout's build, so that the
 * report can say what the three added languages cost in build time and memory (docs/performance.md). The site
 * has no switch that builds one language, and none is added for the benchmark: the baseline is the code of
 * before. Its files are exported from git (`git archive`) into a folder outside the repository, by default
 * `<system temp>/modus-before-languages`; its node_modules is this checkout's, hard-linked, when every package
 * that commit locks is installed here at the same version. The corpus it builds is a copy without the
 * translation files and without `language:` (the commit before the languages refuses that field, and reads
 * `<slug>/index.mdx` only): the same notices, images and courses, each in one language.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distFigures } from './dist.mjs';
import { ROOT, clearCaches, editFile, measuredBuild } from './modus-build.mjs';
import { round } from './process.mjs';

/** The default folder of the baseline's checkout: outside the repository, kept between runs. */
export function defaultBaselineDir() {
  return path.join(os.tmpdir(), 'modus-before-languages');
}

/** `packages` of a package-lock.json: path in node_modules → { version }. */
const lockedPackages = (file) => JSON.parse(fs.readFileSync(file, 'utf8')).packages ?? {};

/**
 * Makes `dir` a checkout of `commit` (any name git knows) that can build: the commit's files exported, and
 * this checkout's node_modules hard-linked into it, its caches left out (each checkout keeps its own).
 * Reused while it holds the same commit. Returns { dir, commit (full hash), subject (its first line),
 * setupS (0 when reused) }. Throws when `dir` is inside the repository, git does not know the commit, the
 * commit locks a package this checkout does not have at the same version (listed), or the folder is on
 * another file system than node_modules (no hard links: choose another --baseline-dir).
 */
export function setUpBaseline(commit, dir, log = () => {}) {
  const abs = path.resolve(dir);
  if (abs === ROOT || abs.startsWith(ROOT + path.sep))
    throw new Error(`The baseline's checkout must be outside the repository (${ROOT}), not in ${abs}: choose another --baseline-dir.`);
  const git = (...args) =>
    execFileSync('git', ['-C', ROOT, ...args])
      .toString()
      .trim();
  const sha = git('rev-parse', '--verify', `${commit}^{commit}`);
  const subject = git('log', '-1', '--format=%s', sha);
  const stamp = path.join(abs, '.modus-baseline-commit');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === sha) return { dir: abs, commit: sha, subject, setupS: 0 };
  const t0 = performance.now();
  log(`   baseline: exporting ${sha.slice(0, 7)} into ${abs}`);
  fs.rmSync(abs, { recursive: true, force: true });
  fs.mkdirSync(abs, { recursive: true });
  execFileSync('sh', ['-c', 'git -C "$1" archive "$2" | tar -x -C "$3"', 'sh', ROOT, sha, abs]);
  const mine = lockedPackages(path.join(ROOT, 'package-lock.json'));
  const missing = Object.entries(lockedPackages(path.join(abs, 'package-lock.json')))
    .filter(([p, v]) => p !== '' && !v.link && mine[p]?.version !== v.version)
    .map(([p, v]) => `${p.replace(/^.*node_modules\//, '')}@${v.version}`);
  if (missing.length)
    throw new Error(
      `The commit ${sha.slice(0, 7)} locks packages this checkout does not have installed: ${missing.slice(0, 10).join(', ')}.`,
    );
  try {
    execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(abs, 'node_modules')]);
  } catch (err) {
    throw new Error(
      `Could not hard-link node_modules into ${abs} (${err.message.split('\n')[0]}); choose a --baseline-dir on the file system of ${ROOT}.`,
      { cause: err },
    );
  }
  // Caches inside node_modules are files a build rewrites: unlinked, so the two checkouts never share one.
  for (const cache of ['.astro', '.vite', '.cache']) fs.rmSync(path.join(abs, 'node_modules', cache), { recursive: true, force: true });
  fs.writeFileSync(stamp, sha);
  return { dir: abs, commit: sha, subject, setupS: round((performance.now() - t0) / 1000, 1) };
}

/** Hard-links `from` to `to`, or copies it across file systems. */
function link(from, to) {
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

/** `index.mdx` text without its `language:` line (in the frontmatter, at the top level). */
export function withoutLanguage(text) {
  return text.replace(/^(---\n[\s\S]*?)^language: .*\n([\s\S]*?\n---\n)/m, '$1$2');
}

/**
 * Copies the corpus `contentDir` into `outDir` (emptied first) as the baseline builds it: every notice and
 * course folder with its `index.mdx` (without `language:`) and its images, without the translation files
 * `index.<lang>.mdx`. Reused while the corpus's corpus.json is unchanged. Returns { entries, languageLines
 * (originals whose `language:` was removed), translationsLeftOut }.
 * @returns {{ entries: number, languageLines: number, translationsLeftOut: number }}
 */
export function englishOnlyCorpus(contentDir, outDir) {
  const manifest = fs.readFileSync(path.join(contentDir, 'corpus.json'), 'utf8');
  const stamp = path.join(outDir, '.english-only.json');
  if (fs.existsSync(stamp) && JSON.parse(fs.readFileSync(stamp, 'utf8')).manifest === manifest)
    return JSON.parse(fs.readFileSync(stamp, 'utf8')).counts;
  fs.rmSync(outDir, { recursive: true, force: true });
  const counts = { entries: 0, languageLines: 0, translationsLeftOut: 0 };
  for (const kind of ['notices', 'courses']) {
    const from = path.join(contentDir, kind);
    if (!fs.existsSync(from)) continue;
    for (const slug of fs.readdirSync(from)) {
      fs.mkdirSync(path.join(outDir, kind, slug), { recursive: true });
      counts.entries++;
      for (const f of fs.readdirSync(path.join(from, slug))) {
        const src = path.join(from, slug, f);
        const to = path.join(outDir, kind, slug, f);
        if (/^index\.[a-z]{2}\.mdx$/.test(f)) counts.translationsLeftOut++;
        else if (f === 'index.mdx') {
          const text = fs.readFileSync(src, 'utf8');
          const plain = withoutLanguage(text);
          if (plain !== text) counts.languageLines++;
          fs.writeFileSync(to, plain);
        } else link(src, to);
      }
    }
  }
  fs.copyFileSync(path.join(contentDir, 'corpus.json'), path.join(outDir, 'corpus.json'));
  fs.writeFileSync(stamp, JSON.stringify({ manifest, counts }));
  return counts;
}

/**
 * The baseline's side of a benchmark run, alternated with Modus's by scripts/bench/run.mjs: `opts.baseline`
 * is the commit, `opts.baselineDir` its folder (default defaultBaselineDir()). Returns { figures, build(kind),
 * edit(), measureDist() }; `figures` (what the result records under `baseline`) gets each build and the
 * built site's figures. The baseline is built and measured like Modus (cold: its own caches removed; the
 * rebuilds keep its out folder); it is not searched (its English index is Modus's English one).
 */
export function baselineSide(opts, { contentDir, manifest, logDir, name, audience }, log = console.log) {
  const setup = setUpBaseline(opts.baseline, opts.baselineDir ?? defaultBaselineDir(), log);
  const corpus = `${contentDir}.english-only`;
  const outDir = `${corpus}.dist`;
  const t0 = performance.now();
  const copied = englishOnlyCorpus(contentDir, corpus);
  const figures = { ...setup, asked: opts.baseline, corpus, copied, copyS: round((performance.now() - t0) / 1000, 1), builds: {} };
  log(
    `   baseline: Modus at ${setup.commit.slice(0, 7)} ("${setup.subject.slice(0, 60)}") in ${setup.dir}, the corpus without translations (${copied.translationsLeftOut} left out, ${copied.languageLines} language lines removed)`,
  );
  return {
    figures,
    async build(kind) {
      if (kind === 'cold') {
        clearCaches(setup.dir);
        fs.rmSync(outDir, { recursive: true, force: true });
      }
      const r = await measuredBuild({
        root: setup.dir,
        contentDir: corpus,
        outDir,
        env: { MODUS_AUDIENCE: audience },
        logFile: path.join(logDir, `${name}.baseline.${kind}.log`),
        expectImages: manifest.images > 0,
      });
      log(
        `   ${`${kind} (English only)`.padEnd(18)} ${r.ok ? 'ok ' : 'FAILED'} ${r.wallS.toFixed(1)} s wall, ${r.cpuS.toFixed(1)} s CPU, peak ${(r.peakRssBytes / 2 ** 20).toFixed(0)} MiB, ${r.encodes} image encodes`,
      );
      if (!r.ok) throw new Error(`${kind} build of the baseline (${setup.commit.slice(0, 7)}) failed (exit ${r.exitCode}); see ${r.log}`);
      figures.builds[kind] = r;
    },
    edit: () => editFile(path.join(corpus, manifest.editTarget)),
    measureDist() {
      figures.dist = distFigures(outDir);
    },
    outDir,
  };
}
