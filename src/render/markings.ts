/**
 * What each TLP 2.0 marking means and which builds carry it, in a UI language: the definitions of
 * the content model (src/model/tlp.ts `TLP_DEFINITIONS`) as UI strings `tlp.<marking>.<part>`
 * (src/render/i18n/ui.ts), so a language may translate them.
 */
import { t, type Lang, type UiKey } from './i18n/ui.ts';
import type { Tlp } from '../model/tlp.ts';

/** Short meaning (banner), longer guidance and the builds that carry `tlp`, in `lang`. */
export function tlpMeaning(tlp: Tlp, lang: Lang): { short: string; long: string; audience: string } {
  const k = (part: string) => `tlp.${tlp}.${part}` as UiKey;
  return { short: t(k('short'), {}, lang), long: t(k('long'), {}, lang), audience: t(k('audience'), {}, lang) };
}
