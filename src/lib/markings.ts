/**
 * What each TLP 2.0 marking means, in the words of Modus, following FIRST's TLP 2.0 definitions,
 * and how Modus defines "community" (DESIGN.md, "Audiences and markings").
 */
import type { Tlp } from '../schema/tlp.ts';

/** Short meaning (banner) and longer guidance (markings page) for each marking. */
export const TLP_MEANING: Record<Tlp, { short: string; long: string; audience: string }> = {
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
