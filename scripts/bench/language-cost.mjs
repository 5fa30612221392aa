/**
 * What the added languages cost, from one benchmark run with the languages' baseline (`--languages-baseline`):
 * each figure of this checkout's build (every language) against the same corpus built in English only by a
 * commit before the languages (scripts/bench/baseline.mjs), measured in the same run, alternately.
 */
import { round } from './process.mjs';

const KINDS = ['cold', 'warm', 'edit'];

/**
 * One figure of the two builds: { all (every language), one (English only), added (the difference),
 * perLanguage (the difference ÷ the added languages), ratio (all ÷ one) }; null when either is missing.
 * `digits`: decimals kept.
 */
function cost(all, one, languages, digits) {
  if (typeof all !== 'number' || typeof one !== 'number') return null;
  return {
    all,
    one,
    added: round(all - one, digits),
    perLanguage: languages > 0 ? round((all - one) / languages, digits) : null,
    ratio: one !== 0 ? round(all / one, 2) : null,
  };
}

/**
 * The cost of the added languages in a run with `baseline` (undefined without): { languages (how many were
 * added: languages of this build's pages less the baseline's), builds: { cold, warm, edit: { wallS, cpuS,
 * peakRssBytes } }, peakRssBytes (largest of the three builds), htmlPages, searchIndexBytes, pagefindBytes,
 * distBytes }, each a cost() entry. A difference is only as good as the two builds behind it: on a shared
 * machine the report shows both raw figures next to it.
 */
export function languageCost(run) {
  const b = run.baseline;
  if (!b?.builds || !run.builds) return undefined;
  const count = (dist) => Object.keys(dist?.byLanguage ?? { en: {} }).length;
  const languages = count(run.dist) - count(b.dist);
  const peak = (builds) => Math.max(...KINDS.map((k) => builds[k]?.peakRssBytes ?? 0));
  const of = (k) => ({
    wallS: cost(run.builds[k]?.wallS, b.builds[k]?.wallS, languages, 2),
    cpuS: cost(run.builds[k]?.cpuS, b.builds[k]?.cpuS, languages, 2),
    peakRssBytes: cost(run.builds[k]?.peakRssBytes, b.builds[k]?.peakRssBytes, languages, 0),
  });
  const builds = { cold: of('cold'), warm: of('warm'), edit: of('edit') };
  return {
    languages,
    builds,
    peakRssBytes: cost(peak(run.builds), peak(b.builds), languages, 0),
    htmlPages: cost(run.dist?.htmlPages, b.dist?.htmlPages, languages, 1),
    searchIndexBytes: cost(run.dist?.searchIndexBytes, b.dist?.searchIndexBytes, languages, 0),
    pagefindBytes: cost(run.dist?.pagefindBytes, b.dist?.pagefindBytes, languages, 0),
    distBytes: cost(run.dist?.bytes, b.dist?.bytes, languages, 0),
  };
}
