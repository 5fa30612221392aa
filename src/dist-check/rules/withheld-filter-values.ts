/**
 * Catches a search filter value that gives a withheld notice away: Pagefind's filter files list every
 * value of every filter (commodity, country, …); a value that only withheld notices have (e.g. a
 * commodity no visible notice names) tells the reader such a notice exists.
 */
import type { ManifestEntry } from '../content-manifest.ts';
import { filterValues } from '../pagefind/files.ts';
import type { DistCheckRule } from '../rule.ts';
import { describeEntry } from '../withheld.ts';

/** Finds, in Pagefind's `.pf_filter` files, filter values only withheld notices have. */
export const withheldFilterValues: DistCheckRule = {
  reportedAs: 'withheld',
  prepare({ visible, withheld }) {
    const visibleFilter = new Set(visible.flatMap((e) => e.facets.filter((f) => f.filter).map((f) => `${f.filter}\0${f.label}`)));
    const exclusive = new Map<string, ManifestEntry>();
    for (const e of withheld) {
      for (const f of e.facets) {
        if (f.filter && !visibleFilter.has(`${f.filter}\0${f.label}`)) exclusive.set(`${f.filter}\0${f.label}`, e);
      }
    }
    return {
      verdictKey: JSON.stringify([...exclusive].map(([value, e]) => [value, describeEntry(e)])),
      file({ rel, pagefindValues }, report) {
        if (!pagefindValues || !rel.endsWith('.pf_filter')) return;
        for (const [name, label] of filterValues(pagefindValues)) {
          const e = exclusive.get(`${name}\0${label}`);
          if (e) report(rel, `has the search filter value ${name} = "${label}", which only withheld ${describeEntry(e)} has`);
        }
      },
    };
  },
};
