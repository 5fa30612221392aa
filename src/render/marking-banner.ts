/**
 * What the marking banner of a page says, defined once for the page (src/render/components/MarkingBanner.astro)
 * and the CMS preview (src/cms/browser/preview.ts): the marking's short meaning and, when an image raised the
 * page's marking above the notice's own, a sentence saying so.
 */
import { tlpLabel, type Tlp } from '../model/tlp.ts';
import { tlpMeaning } from './markings.ts';
import { DEFAULT_LANG, t, type Lang } from './i18n/ui.ts';

/** The words of a marking banner: `meaning` always, `raisedByImage` only when the page is marked above its notice. */
export interface MarkingBannerText {
  meaning: string;
  raisedByImage?: string;
}

/**
 * The banner text of a page marked `tlp` (the highest of the notice and the images it shows); `noticeTlp`
 * is the notice's own marking, when the page has one (notice pages); in `lang` (English by default).
 */
export function markingBannerText(tlp: Tlp, noticeTlp?: Tlp, lang: Lang = DEFAULT_LANG): MarkingBannerText {
  const meaning = tlpMeaning(tlp, lang).short;
  if (!noticeTlp || noticeTlp === tlp) return { meaning };
  return { meaning, raisedByImage: t('marking.raisedByImage', { notice: tlpLabel(noticeTlp), page: tlpLabel(tlp) }, lang) };
}
