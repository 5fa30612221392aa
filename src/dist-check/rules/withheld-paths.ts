/**
 * Catches a withheld notice or course given away by the files dist/ has, whatever they contain: a
 * page or redirect at its address (slug or former slug), a file named after its id (e.g. the
 * `/id/MO-…/` redirect), or a browse page that only withheld notices fill (its facet value alone,
 * e.g. an operation name, is a leak).
 */
import { NOTICE_ID_IN_TEXT } from '../../model/notice-ids.ts';
import type { ManifestEntry } from '../content-manifest.ts';
import type { DistCheckRule } from '../rule.ts';
import { withheldById, withheldByPagePath, describeEntry } from '../withheld.ts';

/**
 * Browse pages (`browse/<facet>/<value>/`) of facet values that only withheld notices have, with one
 * such notice each.
 */
function exclusiveBrowsePages(visible: readonly ManifestEntry[], withheld: readonly ManifestEntry[]): Map<string, ManifestEntry> {
  const visibleFacet = new Set(visible.flatMap((e) => e.facets.map((f) => `${f.facet}\0${f.value}`)));
  const out = new Map<string, ManifestEntry>();
  for (const e of withheld) {
    for (const f of e.facets) {
      if (!visibleFacet.has(`${f.facet}\0${f.value}`)) out.set(`browse/${f.facet}/${encodeURIComponent(f.value)}/`, e);
    }
  }
  return out;
}

/** Finds pages, id-named files and browse pages of withheld entries, by their path in dist/. */
export const withheldPaths: DistCheckRule = {
  reportedAs: 'withheld',
  prepare({ visible, withheld }) {
    const ids = withheldById(withheld);
    const pages = withheldByPagePath(withheld);
    const browse = exclusiveBrowsePages(visible, withheld);
    return {
      // By path only, on every build: cheaper than keeping its results.
      everyFile({ rel }, report) {
        // In every language: `notices/<slug>/…`, `fr/notices/<slug>/…`, …
        const entryDir = /^(?:(?:fr|es|ar)\/)?(notices|courses)\/([^/]+)\//.exec(rel);
        const pageOf = entryDir && pages.get(`${entryDir[1]}/${entryDir[2]}`);
        if (pageOf) report(rel, `is a page of withheld ${describeEntry(pageOf)}`);
        for (const m of rel.matchAll(NOTICE_ID_IN_TEXT)) {
          const e = ids.get(m[0].toUpperCase());
          if (e) report(rel, `is named after the id of withheld ${describeEntry(e)}`);
        }
        const browseDir = /^(?:(?:fr|es|ar)\/)?(browse\/[^/]+\/[^/]+\/)/.exec(rel);
        const browseOf = browseDir && browse.get(browseDir[1]!);
        if (browseOf) report(rel, `is a browse page that only withheld ${describeEntry(browseOf)} fills`);
      },
    };
  },
};
