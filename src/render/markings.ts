/**
 * What each TLP 2.0 marking means (following FIRST's TLP 2.0 definitions) and which builds carry it
 * (DESIGN.md, "Audiences and markings"). The words are UI strings (src/render/i18n/ui.ts).
 */
import { t, type Lang, type UiKey } from './i18n/ui.ts';
import type { Tlp } from '../model/tlp.ts';

/** Short meaning (banner), longer guidance and the builds that carry `tlp`, in `lang`. */
export function tlpMeaning(tlp: Tlp, lang?: Lang): { short: string; long: string; audience: string } {
  const k = (part: string) => `tlp.${tlp}.${part}` as UiKey;
  return { short: t(k('short'), {}, lang), long: t(k('long'), {}, lang), audience: t(k('audience'), {}, lang) };
}
