/**
 * Traffic Light Protocol 2.0 markings (FIRST, 2022) and the audience rules of Modus
 * (docs/content-model.md, "Markings").
 */

/** TLP 2.0 labels, from least to most restricted. Written in frontmatter without the `TLP:` prefix. */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

/** Markings an editor may choose in the CMS: RED never goes into a knowledge-base build. */
export const TLP_PUBLISHABLE = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT'] as const satisfies readonly Tlp[];

/** Build audiences (setting `MODUS_AUDIENCE`) and the highest marking each may see. */
export const AUDIENCES = { public: 'CLEAR', community: 'GREEN', organisation: 'AMBER+STRICT' } as const satisfies Record<string, Tlp>;
export type Audience = keyof typeof AUDIENCES;

/**
 * What a marking means, in the words of FIRST's TLP 2.0 definitions: `short` (one line, as on the
 * marking banner), `long` (the sharing guidance) and `audience` (the builds of Modus that carry it).
 */
export interface TlpDefinition {
  short: string;
  long: string;
  audience: string;
}

/** The definition of each marking (English). The site shows them as UI strings `tlp.<marking>.<part>`. */
export const TLP_DEFINITIONS: Readonly<Record<Tlp, TlpDefinition>> = {
  CLEAR: {
    short: 'Disclosure is not limited.',
    long: 'Recipients can share this information with anyone, including the public, subject to standard copyright rules. Used when there is minimal or no foreseeable risk of misuse.',
    audience: 'In every build, including the public one.',
  },
  GREEN: {
    short: 'Limited disclosure: within the community only.',
    long: 'Recipients can share this information with peers and partner organisations within their community, but not through publicly accessible channels. In Modus the community is the accredited law-enforcement users of this knowledge base.',
    audience: 'In the community and organisation builds only.',
  },
  AMBER: {
    short: 'Limited disclosure: within your organisation and its clients, on a need-to-know basis.',
    long: 'Recipients can share this information only with members of their own organisation and its clients who need to know it to act on it.',
    audience: 'In the organisation build only.',
  },
  'AMBER+STRICT': {
    short: 'Limited disclosure: within your organisation only, on a need-to-know basis.',
    long: 'Recipients can share this information only with members of their own organisation who need to know it; not with clients.',
    audience: 'In the organisation build only.',
  },
  RED: {
    short: 'For the eyes and ears of individual recipients only.',
    long: 'Not for further disclosure: only the named recipients may see it. Modus never builds TLP:RED material into the knowledge base; the build refuses it.',
    audience: 'Never built.',
  },
};

/** Rank of a marking: 0 for CLEAR up to 4 for RED. */
export function tlpRank(tlp: Tlp): number {
  return TLP_LEVELS.indexOf(tlp);
}

/** The more restrictive of the given markings (CLEAR when none is given). */
export function highestTlp(markings: Iterable<Tlp>): Tlp {
  let best: Tlp = 'CLEAR';
  for (const m of markings) if (tlpRank(m) > tlpRank(best)) best = m;
  return best;
}

/** True when material marked `tlp` may go into a build for `audience`. RED never may. */
export function audienceMaySee(audience: Audience, tlp: Tlp): boolean {
  return tlp !== 'RED' && tlpRank(tlp) <= tlpRank(AUDIENCES[audience]);
}

/** Display form of a marking, e.g. `TLP:AMBER+STRICT` (upper case, no spaces, as FIRST writes it). */
export function tlpLabel(tlp: Tlp): string {
  return `TLP:${tlp}`;
}

/**
 * CSS class suffix of a marking: lower case, `+` as `-` (`AMBER+STRICT` → `amber-strict`), as used by
 * `tlp--…`, `marking-banner--…` (src/render/styles/labels.css) and `print-page--…` (src/render/styles/print.css).
 */
export function tlpClass(tlp: Tlp): string {
  return tlp.toLowerCase().replace('+', '-');
}
