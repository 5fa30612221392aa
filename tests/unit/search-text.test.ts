/**
 * The search normalisation of each language (src/knowledge/search-text.ts), case by case, and the
 * search forms of a page's text (src/knowledge/search-forms.ts).
 *
 * Prevents: an Arabic query typed with tashkeel, tatweel, another alef or hamza form, ta marbuta,
 * alef maqsura or eastern digits that no longer meets the page written the other way; a French word
 * with a typographic apostrophe or a ligature that cannot be found by its plain spelling; a notice
 * id copied from a right-to-left page (with its invisible marks) that finds nothing; accents stripped
 * from queries (Pagefind then loses its preference for the exact spelling); Latin text, ids and plain
 * words changed by the Arabic normalisation; search forms that leak into the index words Pagefind
 * already matches (index size) or that change order from build to build (the incremental build's digest).
 * tests/site/search-languages.test.ts proves the same cases with the real Pagefind in Chromium.
 */
import { describe, expect, it } from 'vitest';
import {
  NORMALISE,
  SEARCH_LANGUAGES,
  normaliseArabic,
  normaliseCommon,
  normaliseEnglish,
  normaliseFrench,
  normaliseSearchText,
  normaliseSpanish,
  pagefindFold,
  searchLanguageOf,
} from '../../src/knowledge/search-text.ts';
import { searchForms } from '../../src/knowledge/search-forms.ts';

describe('every language', () => {
  it.each(SEARCH_LANGUAGES)(
    '%s: Arabic-Indic and Persian digits read as 0–9 (a year or quantity typed on an Arabic or Persian keyboard)',
    (lang) => {
      const n = NORMALISE[lang];
      expect(n('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
      expect(n('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
      expect(n('٢٠٢٥')).toBe('2025');
      expect(n('۲۰۲۵')).toBe('2025');
      expect(n('MO-٢٠٢٥-٠٠٠١')).toBe('MO-2025-0001');
    },
  );

  it.each(SEARCH_LANGUAGES)(
    '%s: directional marks, isolates, zero-width characters, soft hyphens and BOM are removed (an id copied from a right-to-left page)',
    (lang) => {
      const n = NORMALISE[lang];
      expect(n('\u200FMO-2025-0001\u200F')).toBe('MO-2025-0001'); // right-to-left mark
      expect(n('\u200EMO-2025-0001')).toBe('MO-2025-0001'); // left-to-right mark
      expect(n('\u061CMO-2025-0001')).toBe('MO-2025-0001'); // Arabic letter mark
      expect(n('\u2067MO-2025-0001\u2069')).toBe('MO-2025-0001'); // right-to-left isolate … pop
      expect(n('\u202BMO-2025-0001\u202C')).toBe('MO-2025-0001'); // embedding … pop
      expect(n('co\u00ADcaine')).toBe('cocaine'); // soft hyphen
      expect(n('\uFEFFcocaine\u200B')).toBe('cocaine');
      expect(n('مخ\u200Cدرات')).toBe('مخدرات'); // zero-width non-joiner
    },
  );

  it.each(SEARCH_LANGUAGES)("%s: typographic apostrophes become ' (Pagefind splits l'héroïne at it, not at ’)", (lang) => {
    const n = NORMALISE[lang];
    for (const a of ['\u2019', '\u2018', '\u02BC', '\u2032', '\u00B4', '\u201B', '\uFF07']) expect(n(`l${a}héroïne`)).toBe("l'héroïne");
    expect(n("d'ecstasy")).toBe("d'ecstasy");
  });

  it.each(SEARCH_LANGUAGES)('%s: Latin typographic ligatures are spelt out (text copied from a PDF)', (lang) => {
    expect(NORMALISE[lang]('\uFB01ngerprint \uFB02ask o\uFB00shore')).toBe('fingerprint flask offshore');
  });

  it.each(SEARCH_LANGUAGES)(
    '%s: accents, case, hyphens, punctuation and spaces stay as written (Pagefind matches accents and ranks the exact spelling first)',
    (lang) => {
      const n = NORMALISE[lang];
      for (const s of [
        'cocaïne',
        'Métamphétamine',
        'ocultación',
        'piña',
        'niño',
        'MO-2025-0001',
        'TLP:AMBER+STRICT',
        'a  b\tc',
        '¿Dónde?',
        'São Paulo',
      ])
        expect(n(s), s).toBe(s);
    },
  );

  it('normaliseCommon leaves text without any of these characters exactly as it is', () => {
    const s = 'Crystal methamphetamine concealed inside 12 decorative animal sculptures (MO-2025-0001).';
    expect(normaliseCommon(s)).toBe(s);
  });
});

describe('Arabic', () => {
  it('tashkeel is removed: fatha, damma, kasra, tanween, shadda, sukun, superscript alef', () => {
    expect(normaliseArabic('مُخَدِّرَات')).toBe('مخدرات');
    expect(normaliseArabic('كُوكَايِين')).toBe('كوكايين');
    expect(normaliseArabic('مخدراتٌ')).toBe('مخدرات');
    expect(normaliseArabic('كتابًا')).toBe('كتابا');
    expect(normaliseArabic('بابٍ')).toBe('باب');
    expect(normaliseArabic('هٰذا')).toBe('هذا');
    expect(normaliseArabic('قُطْن')).toBe('قطن');
  });

  it('tatweel (kashida) is removed', () => {
    expect(normaliseArabic('مخـدرات')).toBe('مخدرات');
    expect(normaliseArabic('حشـــيش')).toBe('حشيش');
  });

  it('alef with hamza above or below, with madda, and alef wasla read as alef', () => {
    expect(normaliseArabic('أفيون')).toBe('افيون');
    expect(normaliseArabic('إخفاء')).toBe('اخفاء');
    expect(normaliseArabic('آثار')).toBe('اثار');
    expect(normaliseArabic('ٱستخدام')).toBe('استخدام');
  });

  it('the same letters written decomposed (alef + combining hamza or madda) read the same', () => {
    expect(normaliseArabic('\u0627\u0654فيون')).toBe('افيون');
    expect(normaliseArabic('\u0627\u0655خفاء')).toBe('اخفاء');
    expect(normaliseArabic('\u0627\u0653ثار')).toBe('اثار');
    expect(normaliseArabic('مسو\u0654ول')).toBe(normaliseArabic('مسؤول'));
  });

  it('waw and yeh with hamza read as their seat (as Pagefind folds them); hamza alone stays', () => {
    expect(normaliseArabic('مسؤول')).toBe('مسوول');
    expect(normaliseArabic('حقائب')).toBe('حقايب');
    expect(normaliseArabic('رئيس')).toBe('رييس');
    expect(normaliseArabic('سماء')).toBe('سماء');
  });

  it('ta marbuta reads as heh, and alef maqsura as yeh', () => {
    expect(normaliseArabic('شحنة')).toBe('شحنه');
    expect(normaliseArabic('مرة')).toBe('مره');
    expect(normaliseArabic('مستشفى')).toBe('مستشفي');
    expect(normaliseArabic('الفتى')).toBe('الفتي');
    expect(normaliseArabic('إلى')).toBe('الي');
  });

  it('Persian yeh and keheh read as Arabic yeh and kaf', () => {
    expect(normaliseArabic('کوکایین')).toBe('كوكايين');
  });

  it('presentation forms (shaped letters, lam-alef ligatures) read as plain letters', () => {
    expect(normaliseArabic('ﺿﺒﻂ ﻣﺨﺪﺭﺍﺕ')).toBe('ضبط مخدرات');
    expect(normaliseArabic('ﻻ')).toBe('لا');
    expect(normaliseArabic('ﻷ')).toBe('لا');
  });

  it('every variant of a word meets in one form', () => {
    const forms = ['المخدرات', 'المُخَدِّرَات', 'المخـدرات', 'ٱلمخدرات', 'ﺍﻟﻤﺨﺪﺭﺍﺕ'].map(normaliseArabic);
    expect(new Set(forms)).toEqual(new Set(['المخدرات']));
    expect(new Set(['سيارة', 'سياره', 'سيَّارة', 'سيـارة'].map(normaliseArabic))).toEqual(new Set(['سياره']));
  });

  it('digits and marks together: a year with tashkeel-free eastern digits and a notice id in Arabic text', () => {
    expect(normaliseArabic('في عام ٢٠٢٥ صدرت النشرة \u2067MO-٢٠٢٥-٠٠٠١\u2069')).toBe('في عام 2025 صدرت النشره MO-2025-0001');
  });

  it('Latin text, ids and spaces are untouched by the Arabic letters (a Latin name or id in an Arabic page)', () => {
    for (const s of ['MO-2025-0001', 'São Paulo', 'cocaïne', 'TLP:CLEAR', 'Operation LIONFISH']) expect(normaliseArabic(s), s).toBe(s);
  });

  it('spelling variants that are not letter forms stay apart (documented as not handled)', () => {
    expect(normaliseArabic('مسئول')).not.toBe(normaliseArabic('مسؤول'));
  });
});

describe('French', () => {
  it('the ligatures œ and æ are spelt out, in either case', () => {
    expect(normaliseFrench('œuvres')).toBe('oeuvres');
    expect(normaliseFrench('cœur')).toBe('coeur');
    expect(normaliseFrench('Œuvre')).toBe('OEuvre');
    expect(normaliseFrench('ex æquo')).toBe('ex aequo');
    expect(normaliseFrench('Æ')).toBe('AE');
  });

  it('elided articles keep an ASCII apostrophe, so Pagefind indexes the word after it', () => {
    expect(normaliseFrench('l’aéroport d’Orly jusqu’à')).toBe("l'aéroport d'Orly jusqu'à");
  });

  it('accents and cedillas stay (Pagefind matches across them)', () => {
    expect(normaliseFrench('méthamphétamine cachée à Besançon')).toBe('méthamphétamine cachée à Besançon');
  });
});

describe('Spanish and English', () => {
  it('Spanish keeps accents, ñ and ü, and gets every language’s normalisation', () => {
    expect(normaliseSpanish('ocultación de piña y pingüino')).toBe('ocultación de piña y pingüino');
    expect(normaliseSpanish('año ٢٠٢٥')).toBe('año 2025');
  });

  it('English gets every language’s normalisation only', () => {
    expect(normaliseEnglish('the officer’s bag, ٢٠٢٥')).toBe("the officer's bag, 2025");
    expect(normaliseEnglish('œuvre')).toBe('œuvre');
  });
});

describe('by language tag', () => {
  it('reads the primary subtag of <html lang>, in any case, and falls back to every language’s normalisation', () => {
    expect(searchLanguageOf('ar')).toBe('ar');
    expect(searchLanguageOf('fr-CA')).toBe('fr');
    expect(searchLanguageOf('ES')).toBe('es');
    expect(searchLanguageOf('en_GB')).toBe('en');
    expect(searchLanguageOf('de')).toBeUndefined();
    expect(searchLanguageOf('')).toBeUndefined();
    expect(normaliseSearchText('ar-EG', 'مُخَدِّرَات')).toBe('مخدرات');
    expect(normaliseSearchText('fr', 'œuvre')).toBe('oeuvre');
    expect(normaliseSearchText('de', 'œuvre ٢٠٢٥')).toBe('œuvre 2025');
    expect(normaliseSearchText('', 'l’œuvre')).toBe("l'œuvre");
  });

  it('each normalisation is idempotent (a normalised query normalised again does not change)', () => {
    const samples = ['مُخَدِّرَات ٱلشحنة ٢٠٢٥', 'l’œuvre Æ ﬁn', '\u200FMO-٢٠٢٥-٠٠٠١', 'ocultación'];
    for (const lang of SEARCH_LANGUAGES)
      for (const s of samples) expect(NORMALISE[lang](NORMALISE[lang](s)), `${lang} ${s}`).toBe(NORMALISE[lang](s));
  });
});

describe('pagefindFold', () => {
  it('lower-cases and removes combining marks, as Pagefind does to every word', () => {
    expect(pagefindFold('Cocaïne')).toBe('cocaine');
    expect(pagefindFold('OCULTACIÓN')).toBe('ocultacion');
    expect(pagefindFold('أفيون')).toBe('افيون');
    expect(pagefindFold('مُخَدِّرَات')).toBe('مخدرات');
    expect(pagefindFold('مرة')).toBe('مرة');
  });
});

describe('searchForms', () => {
  it('Arabic: only the forms Pagefind would not take for the written word (ة, ى, ٱ, digits, tatweel), each once, in order', () => {
    const texts = ['وصلت شحنة إلى مستشفى عام ٢٠٢٥.', 'أفيون مُخَدِّرَات (مخـدرات) ٱستخدام', 'شحنة أخرى'];
    expect(searchForms('ar', texts)).toEqual(['شحنه', 'الي', 'مستشفي', '2025', 'مخدرات', 'استخدام', 'اخري']);
  });

  it('French: elisions with ’ and ligatures; plain and accented words give nothing', () => {
    expect(searchForms('fr', ['Saisie de l’héroïne et d’œuvres d’art à l’aéroport.', 'cocaïne méthamphétamine statues'])).toEqual([
      "l'héroïne",
      "d'oeuvres",
      "d'art",
      "l'aéroport",
    ]);
  });

  it('Spanish and English: nothing for plain text; eastern digits and ’ when present', () => {
    expect(searchForms('es', ['Ocultación de cocaína en estatuas de resina.'])).toEqual([]);
    expect(searchForms('en', ['The driver’s bag held ٣ kg.'])).toEqual(["driver's", '3']);
  });

  it('punctuation at either end of a word is left out; a notice id in eastern digits gives its Latin form', () => {
    expect(searchForms('ar', ['(MO-٢٠٢٥-٠٠٠١)،', '«مرة»'])).toEqual(['MO-2025-0001', 'مره']);
  });

  it('skips empty and missing texts, and gives nothing for a page whose words need no other form', () => {
    expect(searchForms('ar', [undefined, null, '', '   '])).toEqual([]);
    expect(searchForms('en', ['Methamphetamine inside animal sculptures (MO-2025-0001).'])).toEqual([]);
  });

  it('forms that Pagefind takes for one another are kept once (the first met)', () => {
    expect(searchForms('ar', ['مرة', 'مَرَّة', 'مرّة', 'مره'])).toEqual(['مره']);
  });

  it('the same texts give the same forms in the same order (a stable page for the incremental build)', () => {
    const texts = ['شحنة مستشفى ٢٠٢٥', 'مرة ثانية'];
    expect(searchForms('ar', texts)).toEqual(searchForms('ar', [...texts]));
  });
});
