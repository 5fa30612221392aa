/**
 * The languages of a generated corpus (docs/content-model.md, "Translations"): which notices are written in
 * French, Spanish or Arabic (`language:`), and which notices and courses get a translation file
 * `index.<lang>.mdx` beside them, with the translation's frontmatter in the schema's order and its body.
 * Each choice is drawn from its own PRNG stream, so the English files of a corpus do not depend on the shares.
 */
import { fieldOrder } from '../../src/model/fields.ts';
import { courseTranslationSchema, noticeTranslationSchema } from '../../src/model/translation.ts';
import { commodities, concealmentCategories } from '../../src/model/vocabularies.ts';
import { termLabel } from '../../src/render/i18n/labels.ts';
import { frontmatter } from './format.mjs';
import { noticeProse } from './prose.mjs';
import { dice, prng } from './random.mjs';

/** Every language, English first; the originals of other languages and the translations are in the other three. */
export const LANGUAGES = ['en', 'fr', 'es', 'ar'];
/** The default shares: each notice and course is translated into each other language with this chance… */
export const DEFAULT_TRANSLATED = 0.3;
/** …and this share of notices is written in each of French, Spanish and Arabic. */
export const DEFAULT_ORIGINALS = 0.05;
/** The day an up-to-date generated translation was last brought in line (after every generated `updated`). */
const TRANSLATED = '2026-01-15';
/** Share of translations of an updated original that are older than the update (shown as stale). */
const STALE = 0.1;

const NOTICE_TRANSLATION_ORDER = fieldOrder(noticeTranslationSchema());
const COURSE_TRANSLATION_ORDER = fieldOrder(courseTranslationSchema());

/**
 * The languages of notice `i` (or course `i` when `kind` is "course"): { original, translations }. `opts`:
 * seed, translated (chance of a translation into each other language), originals (share of notices
 * written in each of fr, es, ar; courses are always written in English). Notice 0 (the rare search word)
 * is English and translated into every language, and notices 5, 6 and 7 are written in French, Spanish and
 * Arabic, whenever the shares are above 0, so that even a small corpus has each kind.
 */
export function languagePlan(i, opts, kind = 'notice') {
  const d = dice(prng(opts.seed * 7_000_003 + i * 104_729 + (kind === 'course' ? 17 : 11)));
  const share = opts.originals ?? DEFAULT_ORIGINALS;
  const translated = opts.translated ?? DEFAULT_TRANSLATED;
  let original = 'en';
  const r = d.int(0, 999_999) / 1_000_000;
  if (kind === 'notice' && i !== 0 && share > 0) {
    if (i >= 5 && i <= 7) original = LANGUAGES[i - 4];
    else if (r < 3 * share) original = LANGUAGES[1 + Math.floor(r / share)];
  }
  const translations = LANGUAGES.filter(
    (l) => l !== original && (d.chance(translated) || (kind === 'notice' && i === 0 && translated > 0)),
  );
  return { original, translations, stale: d.chance(STALE) };
}

/** The translation's `translated` date: before the original's update for a stale one, else after every update. */
function translatedOn(data, stale) {
  return stale && data.updated ? data.published : TRANSLATED;
}

/** The English prose of a generated notice (notice.mjs), in the shape noticeProse returns. */
function englishProse(n) {
  const { data } = n;
  return {
    title: data.title,
    summary: data.summary,
    object: data.concealment.object,
    placement: data.concealment.placement,
    keywords: data.keywords,
    indicators: data.indicators,
    recommendedActions: data.recommendedActions,
    images: data.images.map((img) => ({ alt: img.alt, caption: img.caption })),
    body: n.body,
  };
}

/** A translation file's text: frontmatter in `order` (strings double-quoted, like the originals), then the body. */
function file(data, order, body) {
  return `---\n${frontmatter(data, order)}---\n\n${body}`;
}

/**
 * The files of notice `i` (makeNotice's `n`, written in English) in the languages of `plan` (languagePlan):
 * { data, body } of its original (in the plan's original language, with `language:` unless English; the
 * facts unchanged) and [{ lang, text }] of its translations, each with as many indicators, recommended
 * actions and image texts as the original, a placement and captions exactly where the original has them.
 */
export function noticeInLanguages(n, i, plan, opts) {
  const { data } = n;
  const facts = {
    commodity: data.commodities[0],
    category: data.concealment.category,
    origin: data.route.origin[0],
    destination: data.route.destination[0],
    mode: data.transportModes[0],
    rare: i === 0,
    placement: data.concealment.placement !== undefined,
    indicators: data.indicators.length,
    recommendedActions: data.recommendedActions.length,
    images: n.images.map((img, k) => ({ xray: img.kind === 'xray', caption: data.images[k].caption !== undefined })),
  };
  const prose = (lang) =>
    lang === 'en' ? englishProse(n) : noticeProse(lang, dice(prng(opts.seed * 5_000_011 + i * 65_537 + LANGUAGES.indexOf(lang))), facts);
  let original = { data, body: n.body };
  if (plan.original !== 'en') {
    const p = prose(plan.original);
    original = {
      data: {
        ...data,
        language: plan.original,
        title: p.title,
        summary: p.summary,
        concealment: { category: data.concealment.category, object: p.object, placement: p.placement },
        keywords: p.keywords,
        indicators: p.indicators,
        recommendedActions: p.recommendedActions,
        images: data.images.map((img, k) => ({ ...img, alt: p.images[k].alt, caption: p.images[k].caption })),
      },
      body: p.body,
    };
  }
  const translations = plan.translations.map((lang) => {
    const p = prose(lang);
    const t = {
      translated: translatedOn(data, plan.stale),
      title: p.title,
      summary: p.summary,
      concealment: { object: p.object, placement: p.placement },
      keywords: p.keywords.length ? p.keywords : undefined,
      indicators: p.indicators,
      recommendedActions: p.recommendedActions,
      images: data.images.map((img, k) => ({ src: img.src, alt: p.images[k].alt, caption: p.images[k].caption })),
    };
    return { lang, text: file(t, NOTICE_TRANSLATION_ORDER, p.body) };
  });
  return { original, translations };
}

/** A course's words in French, Spanish and Arabic: `w` holds c (course number), C (commodity), m (modules), k (notices). */
const COURSE = {
  fr: {
    title: (w) => `Méthodes de dissimulation ${w.c} : ${w.C} et autres`,
    summary: (w) =>
      `Une formation en ${w.m} modules fondée sur ${w.k} notices, pour les agents qui contrôlent les marchandises et les voyageurs.`,
    objectives: ['Reconnaître les méthodes de dissimulation des cas étudiés.', 'Savoir quoi contrôler et qui informer.'],
    module: (j, cat) => `Module ${j} : ${cat}`,
    objective: (cat) => `Reconnaître les indicateurs de la catégorie « ${cat.toLowerCase()} ».`,
    intro: 'Lisez les cas, puis discutez de ce qui a trahi chaque dissimulation.',
    prompt: 'Que contrôleriez-vous en premier sur cet objet ?',
    note: 'Faites remarquer les documents autant que l’objet.',
    body: (w) => `Cette formation parcourt ${w.k} notices, module par module.\n`,
  },
  es: {
    title: (w) => `Métodos de ocultación ${w.c}: ${w.C} y más`,
    summary: (w) => `Un curso de ${w.m} módulos basado en ${w.k} notificaciones, para los agentes que inspeccionan mercancías y viajeros.`,
    objectives: ['Reconocer los métodos de ocultación de los casos.', 'Saber qué comprobar y a quién informar.'],
    module: (j, cat) => `Módulo ${j}: ${cat}`,
    objective: (cat) => `Reconocer los indicadores de la categoría «${cat.toLowerCase()}».`,
    intro: 'Lean los casos y comenten qué delató cada ocultación.',
    prompt: '¿Qué comprobaría primero en este objeto?',
    note: 'Señale los documentos además del objeto.',
    body: (w) => `Este curso recorre ${w.k} notificaciones, módulo a módulo.\n`,
  },
  ar: {
    title: (w) => `أساليب الإخفاء ${w.c}: ${w.C} وغيرها`,
    summary: (w) => `دورة تدريبية من ${w.m} وحدات مبنية على ${w.k} نشرة، للموظفين الذين يفتشون البضائع والمسافرين.`,
    objectives: ['التعرف على أساليب الإخفاء في الحالات المدروسة.', 'معرفة ما يجب فحصه ومن يجب إبلاغه.'],
    module: (j, cat) => `الوحدة ${j}: ${cat}`,
    objective: (cat) => `التعرف على مؤشرات فئة «${cat}».`,
    intro: 'اقرؤوا الحالات، ثم ناقشوا ما كشف كل عملية إخفاء.',
    prompt: 'ما الذي ستفحصه أولا في هذا الشيء؟',
    note: 'لفت الانتباه إلى الوثائق وليس إلى الشيء وحده.',
    body: (w) => `تستعرض هذه الدورة ${w.k} نشرة، وحدة بعد وحدة.\n`,
  },
};

/**
 * The translations of course `c` (makeCourse's `course`, written in English) into the languages of `plan`:
 * [{ lang, text }], each with as many objectives, modules and cases as the original, an introduction, a
 * prompt and a trainer note exactly where the original has them.
 */
export function courseTranslations(course, plan) {
  const { data, facts } = course;
  return plan.translations.map((lang) => {
    const g = COURSE[lang];
    const w = { c: facts.number, C: termLabel(commodities, facts.commodity, lang), m: data.modules.length, k: facts.linked };
    const t = {
      translated: translatedOn(data, plan.stale),
      title: g.title(w),
      summary: g.summary(w),
      objectives: data.objectives.map((_, j) => g.objectives[j % g.objectives.length]),
      modules: data.modules.map((m, j) => {
        const cat = termLabel(concealmentCategories, facts.categories[j], lang);
        return {
          title: g.module(j + 1, cat),
          objectives: m.objectives.map(() => g.objective(cat)),
          intro: m.intro === undefined ? undefined : g.intro,
          cases: m.cases.map((k) => ({
            prompt: k.prompt === undefined ? undefined : g.prompt,
            trainerNote: k.trainerNote === undefined ? undefined : g.note,
          })),
        };
      }),
    };
    return { lang, text: file(t, COURSE_TRANSLATION_ORDER, g.body(w)) };
  });
}
