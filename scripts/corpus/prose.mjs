/**
 * The prose of a generated notice in French, Spanish or Arabic: what an original written in that language
 * holds, and what a translation into it holds (docs/content-model.md, "Translations"). The facts (commodity,
 * category, countries, transport) are the notice's own; the words come from languages.mjs. English prose is
 * made by notice.mjs and body.mjs, unchanged, so a corpus without other languages is the one of before.
 */
import { commodities, concealmentCategories, transportModes } from '../../src/model/vocabularies.ts';
import { countryName } from '../../src/model/countries.ts';
import { termLabel } from '../../src/render/i18n/labels.ts';
import { BANKS, SEARCH_WORDS } from './languages.mjs';

const lower = (s) => s.charAt(0).toLowerCase() + s.slice(1);
const upper = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Sentences of each language, each given { w, d, b } (and { k, xray } for an image's alt text): `w` holds
 * the notice's words: C (commodity label), cat (category label), mode, origin, dest, obj (object as a field
 * value), objIn (with its article), placement, common (the common search word); `d` is the dice
 * (random.mjs), `b` the language's bank.
 */
const GRAMMAR = {
  fr: {
    title: ({ w }) => `${w.C} : dissimulation dans ${w.objIn}`,
    summary: ({ w, d, b }) =>
      `Un envoi de ${lower(w.C)} était caché dans ${w.objIn}${w.placement ? ` (${w.placement})` : ''}, itinéraire ${w.origin} – ${w.dest}, mode de transport : ${lower(w.mode)}. Les agents doivent contrôler les ${d.pick(b.things)} et les ${d.pick(b.things)}.`,
    indicator: ({ w, d, b }) => `${upper(d.pick(b.things))} ${d.pick(b.adj)} sur ${w.objIn}.`,
    action: ({ d, b }) => `Comparer les ${d.pick(b.things)} avec la déclaration et informer ${d.pick(b.units)}.`,
    alt: ({ w, k, xray }) =>
      `${xray ? 'Image radioscopique' : 'Photo'} ${k + 1} : ${w.objIn}, avec l’emplacement de la marchandise cachée.`,
    caption: ({ w }) => `${w.cat} : ${lower(w.obj)}.`,
    sentences: [
      ({ w, d, b }) => `On a ${d.pick(b.verbs)} des ${d.pick(b.things)} ${d.pick(b.adj)} sur ${w.objIn} à l’ouverture du ${w.common}.`,
      ({ d, b }) => `Selon ${lower(d.pick(b.officers))}, les ${d.pick(b.things)} étaient ${d.pick(b.adj)}.`,
      ({ w }) => `Le chargement, déclaré comme ${lower(w.obj)}, a suivi l’itinéraire ${w.origin} – ${w.dest} (${lower(w.mode)}).`,
      ({ d, b }) => `La marchandise se trouvait ${d.pick(b.placements)}, et les ${d.pick(b.things)} étaient ${d.pick(b.adj)}.`,
      ({ w, d, b }) =>
        `Le ciblage a signalé le ${w.common} parce que les ${d.pick(b.things)} et les ${d.pick(b.things)} ne concordaient pas.`,
      ({ w, d, b }) =>
        `Un envoi ${d.pick(['ultérieur', 'semblable', 'précédent'])} utilisait ${w.objIn} de la même façon, avec des ${d.pick(b.things)} ${d.pick(b.adj)}.`,
      ({ d, b }) => `Les agents doivent comparer les ${d.pick(b.things)} avec les envois antérieurs du même expéditeur.`,
      ({ w, d }) =>
        `La méthode relève de la catégorie « ${lower(w.cat)} », observée dans ${d.int(2, 40)} saisies depuis ${d.int(2010, 2024)}.`,
    ],
  },
  es: {
    title: ({ w }) => `${w.C}: ocultación en ${w.objIn}`,
    summary: ({ w, d, b }) =>
      `Un envío de ${lower(w.C)} iba oculto en ${w.objIn}${w.placement ? ` (${w.placement})` : ''}, con ruta ${w.origin} – ${w.dest} y transporte por ${lower(w.mode)}. Los agentes deben comprobar ${d.pick(b.things)} y ${d.pick(b.things)}.`,
    indicator: ({ w, d, b }) => `${upper(d.pick(b.things))} ${d.pick(b.adj)} en ${w.objIn}.`,
    action: ({ d, b }) => `Cotejar ${d.pick(b.things)} con la declaración e informar a ${d.pick(b.units)}.`,
    alt: ({ w, k, xray }) => `${xray ? 'Imagen de rayos X' : 'Foto'} ${k + 1}: ${w.objIn}, con el lugar donde iba oculta la mercancía.`,
    caption: ({ w }) => `${w.cat}: ${lower(w.obj)}.`,
    sentences: [
      ({ w, d, b }) =>
        `${d.pick(b.officers)} ${d.pick(b.verbs)} ${d.pick(b.things)} ${d.pick(b.adj)} en ${w.objIn} al abrir el ${w.common}.`,
      ({ w }) => `La carga, declarada como ${lower(w.obj)}, siguió la ruta ${w.origin} – ${w.dest} (${lower(w.mode)}).`,
      ({ d, b }) => `La mercancía iba ${d.pick(b.placements)}, y se observaron ${d.pick(b.things)} ${d.pick(b.adj)}.`,
      ({ w, d, b }) => `El análisis de riesgo señaló el ${w.common} porque ${d.pick(b.things)} y ${d.pick(b.things)} no coincidían.`,
      ({ w, d, b }) =>
        `Un envío ${d.pick(['posterior', 'similar', 'anterior', 'parecido'])} utilizó ${w.objIn} del mismo modo, con ${d.pick(b.things)} ${d.pick(b.adj)}.`,
      ({ d, b }) => `Los agentes deben comparar ${d.pick(b.things)} con envíos anteriores del mismo expedidor.`,
      ({ w, d }) =>
        `El método pertenece a la categoría «${lower(w.cat)}», observada en ${d.int(2, 40)} incautaciones desde ${d.int(2010, 2024)}.`,
    ],
  },
  ar: {
    title: ({ w }) => `إخفاء ${w.C} في ${w.objIn}`,
    summary: ({ w, d, b }) =>
      `شحنة من ${w.C} مخبأة ${w.placement ? `${w.placement} في` : 'في'} ${w.objIn}، نقلت من ${w.origin} إلى ${w.dest} عبر ${w.mode}. على الموظفين فحص ${d.pick(b.things)} و${d.pick(b.things)}.`,
    indicator: ({ w, d, b }) => `${d.pick(b.things)} ${d.pick(b.adj)} على ${w.objIn}.`,
    action: ({ d, b }) => `مطابقة ${d.pick(b.things)} مع البيان الجمركي وإبلاغ ${d.pick(b.units)}.`,
    alt: ({ w, k, xray }) => `${xray ? 'صورة بالأشعة السينية' : 'صورة'} ${k + 1}: ${w.objIn}، ويظهر فيها مكان إخفاء البضاعة.`,
    caption: ({ w }) => `${w.cat}: ${w.obj}.`,
    sentences: [
      ({ w, d, b }) =>
        `${d.pick(b.verbs)} ${d.pick(b.officers)} ${d.pick(b.things)} ${d.pick(b.adj)} على ${w.objIn} عند فتح ${w.common} الشحن.`,
      ({ w }) => `انتقلت الشحنة من ${w.origin} إلى ${w.dest} عبر ${w.mode}، وصرح عنها على أنها ${w.obj}.`,
      ({ d, b }) => `كانت البضاعة مخبأة ${d.pick(b.placements)}، وكانت ${d.pick(b.things)} ${d.pick(b.adj)}.`,
      ({ w, d, b }) => `رصد تحليل المخاطر ${w.common} الشحن لأن ${d.pick(b.things)} و${d.pick(b.things)} لم تكن متطابقة.`,
      ({ w, d, b }) =>
        `استخدمت شحنة ${d.pick(['لاحقة', 'مماثلة', 'سابقة', 'أخرى'])} ${w.objIn} بالطريقة نفسها، مع ${d.pick(b.things)} ${d.pick(b.adj)}.`,
      ({ d, b }) => `على الموظفين مقارنة ${d.pick(b.things)} بشحنات سابقة من المرسل نفسه.`,
      ({ w, d }) => `تنتمي هذه الطريقة إلى فئة «${w.cat}»، وقد رصدت في ${d.int(2, 40)} عملية ضبط منذ عام ${d.int(2010, 2024)}.`,
    ],
  },
};

/**
 * The prose of a notice in `lang` (fr, es or ar), drawn with the dice `d`. `facts`: commodity, category,
 * origin and destination (country codes), mode (transport mode slug), rare (true for the notice that holds
 * the rare search word), placement (whether the original has one), indicators and recommendedActions (how
 * many), images ([{ xray, caption }]: an X-ray image, and whether the original has a caption). Returns
 * { title, summary, object, placement, keywords, indicators, recommendedActions, images: [{ alt, caption }],
 * body } with as many of each as `facts` asks for. Throws for another language.
 */
export function noticeProse(lang, d, facts) {
  const g = GRAMMAR[lang];
  const b = BANKS[lang];
  if (!g) throw new Error(`corpus: no prose for language "${lang}"`);
  const [obj, objIn] = facts.rare ? b.rareObject : d.pick(b.objects);
  const w = {
    C: termLabel(commodities, facts.commodity, lang),
    cat: termLabel(concealmentCategories, facts.category, lang),
    mode: termLabel(transportModes, facts.mode, lang),
    origin: countryName(facts.origin, lang),
    dest: countryName(facts.destination, lang),
    obj,
    objIn,
    placement: facts.placement ? d.pick(b.placements) : undefined,
    common: SEARCH_WORDS[lang].common,
  };
  const sentence = () => d.pick(g.sentences)({ w, d, b });
  const para = (k) => Array.from({ length: k }, sentence).join(' ');
  const [method, found, variations] = b.headings;
  const body = [method, '', para(8), '', para(7), '', found, '', para(8), '', para(6), '', variations, '', para(7), '']
    .concat([`- ${sentence()}`, `- ${sentence()}`, `- ${sentence()}`, ''])
    .join('\n');
  return {
    title: g.title({ w }),
    summary: g.summary({ w, d, b }),
    object: obj,
    placement: w.placement,
    keywords: d.sample(b.keywords, d.int(0, 3)),
    indicators: Array.from({ length: facts.indicators }, () => g.indicator({ w, d, b })),
    recommendedActions: Array.from({ length: facts.recommendedActions }, () => g.action({ d, b })),
    images: facts.images.map((img, k) => ({ alt: g.alt({ w, k, xray: img.xray }), caption: img.caption ? g.caption({ w }) : undefined })),
    body,
  };
}
