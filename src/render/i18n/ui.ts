/**
 * UI strings of Modus in its four languages: English here, French, Spanish and Arabic in `fr.ts`, `es.ts`
 * and `ar.ts`, each typed as a complete table (`UiTable`: a missing string fails the type check, and
 * tests/unit/i18n-tables.test.ts lists what is missing or left in English). Every page takes `lang` and
 * `dir` from here.
 */
import { TLP_DEFINITIONS, TLP_LEVELS, type Tlp, type TlpDefinition } from '../../model/tlp.ts';
import { DEFAULT_LANGUAGE, LANGUAGE_CODES, directionOf, type Language } from '../../model/languages.ts';
import { ui as ar } from './ar.ts';
import { ui as es } from './es.ts';
import { ui as fr } from './fr.ts';

/** The UI strings `tlp.<marking>.<part>`: the definitions of the markings, from the content model. */
function tlpStrings(): Record<`tlp.${Tlp}.${keyof TlpDefinition}`, string> {
  const out = {} as Record<`tlp.${Tlp}.${keyof TlpDefinition}`, string>;
  for (const tlp of TLP_LEVELS) {
    const d = TLP_DEFINITIONS[tlp];
    out[`tlp.${tlp}.short`] = d.short;
    out[`tlp.${tlp}.long`] = d.long;
    out[`tlp.${tlp}.audience`] = d.audience;
  }
  return out;
}

/** A UI language: `en`, `fr`, `es` or `ar` (src/model/languages.ts). */
export type Lang = Language;
export const DEFAULT_LANG: Lang = DEFAULT_LANGUAGE;
/** Every UI language, English first; each language's name is written in that language (for the switcher). */
export const LANGUAGES: Readonly<Record<Lang, { name: string }>> = {
  en: { name: 'English' },
  fr: { name: 'Français' },
  es: { name: 'Español' },
  ar: { name: 'العربية' },
};
export const UI_LANGUAGES: readonly Lang[] = LANGUAGE_CODES;

const en = {
  'site.name': 'Modus',
  'feed.title': 'Modus: latest notices',
  'feed.description': 'The latest notices of this copy of Modus (only notices this copy may show).',
  'feed.subject.title': 'Modus: new notices — {subject}',
  'feed.subject.description': 'The newest notices with {facet}: {subject}, in this copy of Modus (only notices this copy may show).',
  'site.tagline': 'Concealment methods and modus operandi, shared between law-enforcement services',
  skip: 'Skip to content',
  'nav.home': 'home',
  'nav.notices': 'Notices',
  'nav.browse': 'Browse',
  'nav.search': 'Search',
  'nav.markings': 'Markings',
  'search.label': 'Search notices',
  'search.landmark': 'Site search',
  'search.placeholder': 'Object, method, id…',
  'search.button': 'Search',
  'search.title': 'Search',
  'search.intro':
    'Search every notice and course by object, commodity, method, place, street name or notice id. Narrow the results with the filters (Type: Notice or Course).',
  'search.noscript':
    'Search needs JavaScript, which this page alone uses. You can still browse notices by commodity, concealment, transport mode, country or year.',
  'search.devNoIndex':
    'The search index is made when the site is built: search works with npm start or npm run build, not in the live-reload editing server (npm run cms).',
  'search.sort': 'Sort',
  'search.filtersToggle': 'Filters and sort',
  'search.filtersShow': 'Show the filters',
  'search.filtersLoading': 'Loading the filters…',
  'search.sort.relevance': 'Most relevant',
  'search.sort.newest': 'Newest first',
  'search.sort.oldest': 'Oldest first',
  'home.latest': 'Latest notices',
  'home.browse': 'Browse by',
  'home.all': 'All notices',
  'home.count': '{n} notices',
  'home.count.one': '{n} notice',
  'notices.title': 'All notices',
  'notices.page': 'Page {n} of {total}',
  'pagination.label': 'Pages',
  'pagination.prev': 'Previous',
  'pagination.next': 'Next',
  'browse.title': 'Browse notices',
  'browse.intro': 'Every facet of the knowledge base, with the number of notices for each value.',
  'browse.values': '{n} values',
  'browse.values.one': '{n} value',
  'browse.count': '{n} notices',
  'browse.count.one': '{n} notice',
  'browse.follow': 'Follow this subject (RSS)',
  'browse.none': 'No notices.',
  'notice.id': 'Notice id',
  'notice.facts': 'Key facts',
  'notice.published': 'Published',
  'notice.updated': 'Updated',
  'notice.requestingCountry': 'Requested by',
  'notice.operation': 'Operation',
  'notice.crimeAreas': 'Crime area',
  'notice.commodities': 'Commodity',
  'notice.concealment': 'Concealment',
  'notice.transportModes': 'Transport',
  'notice.route': 'Route',
  'notice.origin': 'Origin',
  'notice.transit': 'Transit',
  'notice.destination': 'Destination',
  'notice.seizures': 'Seizures',
  'notice.detection': 'Detected by',
  'notice.antiDetection': 'Anti-detection',
  'notice.keywords': 'Also known as',
  'notice.description': 'Modus operandi',
  'notice.indicators': 'Indicators',
  'notice.recommendedActions': 'Recommended actions',
  'notice.images': 'Images',
  'notice.sources': 'Sources',
  'notice.related': 'Related notices',
  'notice.similar': 'Similar notices',
  'notice.changes': 'Change log',
  'notice.superseded': 'This notice is superseded.',
  'notice.supersededBy': 'See the current notice:',
  'notice.supersededElsewhere':
    'The current notice has a more restrictive marking and is not in this copy of the site; ask your point of contact for it.',
  'notice.withdrawn': 'This notice is withdrawn.',
  'notice.reason': 'Reason:',
  'notice.printed': 'Printed copy of notice {id}, version of {date}. Check for a newer version: {url}',
  'notice.permalink': 'Permanent link',
  'notice.data': 'Data',
  'notice.credit': 'Credit:',
  'route.unknown': 'not reported',
  'markings.title': 'Markings (TLP 2.0)',
  'markings.link': 'What the markings mean',
  'list.highest': 'Highest marking on this page:',
  'redirect.text': 'This notice is at',
  '404.title': 'Page not found',
  '404.text': 'There is no page at this address. A notice may have moved: look it up by its id in the search, or browse.',
  'footer.text': 'For law-enforcement use according to each notice’s marking. Facts in the sample notices come from public reporting.',
  'nav.main': 'Main',
  breadcrumbs: 'Breadcrumbs',
  'notice.more': 'More notices',
  'marking.label': 'Marking',
  'marking.raisedByImage': 'The notice is {notice}; an image on this page is marked {page}, so the whole page is {page}.',
  'search.type': 'Type',
  'search.type.notice': 'Notice',
  'search.type.course': 'Course',
  'facet.commodity': 'Commodity',
  'facet.concealment': 'Concealment category',
  'facet.transport': 'Transport mode',
  'facet.crime-area': 'Crime area',
  'facet.country': 'Country',
  'facet.year': 'Seizure year',
  'facet.operation': 'Operation',
  'facet.detection': 'Detection method',
  'facet.anti-detection': 'Anti-detection measure',
  'markings.intro':
    'Every notice carries a Traffic Light Protocol (TLP 2.0, FIRST) marking that says how far its content may be shared. The marking is shown in a banner at the top of each notice and on every printed page. TLP is a sharing convention, not a legal classification.',
  'markings.community':
    'Community, for TLP:GREEN, means the accredited law-enforcement users of this knowledge base. Each audience gets its own build containing only what it may see, served behind that audience’s own access control.',
  'markings.thisBuild': 'This copy of the site is the {audience} build.',
  ...tlpStrings(),
  'status.active': 'Active',
  'status.superseded': 'Superseded',
  'status.withdrawn': 'Withdrawn',
  'nav.courses': 'Courses',
  'courses.title': 'Courses',
  'courses.intro':
    'Courses for trainers: each walks through real cases, module by module, with discussion prompts. Every course has a printable handout.',
  'courses.none': 'No courses yet.',
  'course.audience': 'For',
  'course.level': 'Level',
  'course.duration': 'Duration',
  'course.durationValue': '{h} h {m} min',
  'course.durationMinutes': '{m} min',
  'course.published': 'Published',
  'course.modules': 'Modules',
  'course.moduleCount': '{n} modules',
  'course.moduleCount.one': '{n} module',
  'course.caseCount': '{n} cases',
  'course.caseCount.one': '{n} case',
  'course.module': 'Module {n}',
  'course.objectives': 'Learning objectives',
  'course.moduleObjectives': 'In this module you will',
  'course.introduction': 'Introduction',
  'course.contents': 'Contents',
  'course.cases': 'Cases',
  'course.prompt': 'Discuss',
  'course.trainerNote': 'Trainer note',
  'course.handout': 'Printable handout',
  'course.handoutHint':
    'Print this page or save it as PDF from your browser (Ctrl+P). Each module starts on a new page; trainer notes are left out.',
  'course.backToCourse': 'Back to the course page',
  'course.label': 'Course',
  'handout.title': 'Handout: {title}',
  'handout.printed':
    'Handout of the course “{title}”, version of {date}. Notices change: check the current version of each case at its permanent link. Course: {url}',
  'handout.notes': 'Notes',
  'handout.permalink': 'Permanent link',
  'case.routeFrom': 'from {places}',
  'case.routeVia': 'via {places}',
  'case.routeTo': 'to {places}',
  'notice.usedIn': 'Used in courses',
  'notice.usedInModule': 'Module {n}: {title}',
  'lang.label': 'Language',
  'translation.missing': 'Not translated into English yet: shown in its original language ({original}).',
  'translation.stale': 'This translation follows the version of {translated}; the original was updated on {updated} and may say more.',
  'translation.original': 'Original language: {original}.',
  'audience.public': 'public',
  'audience.community': 'community',
  'audience.organisation': 'organisation',
  'offline.link': 'Offline copy',
  'offline.title': 'Offline copy',
  'offline.intro':
    'Keep this knowledge base on this device, to read notices with their images and to search when the network is down. Notices you open are kept too. Content pages run no script: a service worker, registered from this page only, answers from the copy when the network fails, and says on each page which build it is from.',
  'offline.noscript': 'Saving an offline copy needs JavaScript, which this page runs (content pages do not).',
  'offline.unsupported':
    'This browser cannot keep an offline copy here (service workers need a secure connection, https, and must be allowed).',
  'offline.held': 'On this device',
  'offline.none': 'No offline copy is kept on this device.',
  'offline.summary': 'Offline copy of {what}: {notices} notices, {pages} pages, {size} MB, build {build} of {built}, saved {saved}.',
  'offline.what.all': 'the whole knowledge base',
  'offline.what.course': 'the course “{course}”',
  'offline.saveAll': 'Save the whole knowledge base ({size} MB)',
  'offline.saveCourse': 'Save one course’s notices',
  'offline.course': 'Course',
  'offline.saveCourseButton': 'Save this course ({size} MB)',
  'offline.noCourses': 'This build has no course.',
  'offline.saving': 'Saving: {done} of {total} files…',
  'offline.saved': 'Saved: this copy opens without a network.',
  'offline.failed': 'Saving failed ({reason}). The copy you had is kept; try again when the network is back.',
  'offline.latest': 'This copy is of the latest build.',
  'offline.newer': 'A newer build is published: build {build} of {built}.',
  'offline.update': 'Update the offline copy',
  'offline.remove': 'Remove the offline copy',
  'offline.removed': 'The offline copy is removed from this device.',
  'offline.noNetwork': 'You are offline: saving and updating need the network. The copy on this device stays available.',
  'offline.banner.copy': 'Offline copy — build {build} of {built}.',
  'offline.banner.newer': 'A newer build of this knowledge base is published.',
  'offline.banner.link': 'Update the offline copy',
} as const;

export type UiKey = keyof typeof en;
const strings: Record<Lang, Record<UiKey, string>> = { en, fr, es, ar };

/**
 * The UI strings missing from a language's table, as `<lang>: <key>` (none when every table is complete).
 * The tables are typed complete, so the type check names a missing key first; this catches a table
 * whose type was loosened, and the build stops on it (below) rather than showing English in its place.
 */
export function missingUiStrings(): string[] {
  return UI_LANGUAGES.flatMap((lang) =>
    (Object.keys(en) as UiKey[])
      .filter((k) => typeof strings[lang][k] !== 'string' || strings[lang][k].trim() === '')
      .map((k) => `${lang}: ${k}`),
  );
}
{
  const missing = missingUiStrings();
  if (missing.length > 0) throw new Error(`UI strings missing, add them to src/render/i18n/<lang>.ts:\n  ${missing.join('\n  ')}`);
}

/**
 * Returns the UI string `key` in `lang`, with `{name}` placeholders filled from `vars` (each value isolated
 * from the text around it in Arabic: see below).
 * Throws on an unknown key (a programming error caught by the build).
 */
export function t(key: UiKey, vars: Record<string, string | number> = {}, lang: Lang = DEFAULT_LANG): string {
  const s = strings[lang][key];
  if (s === undefined) throw new Error(`Unknown UI string "${key}" in ${lang}`);
  // In a right-to-left language each value is isolated (U+2068 … U+2069, Unicode's first-strong isolate, what
  // <bdi> does in markup), so an id, a date, an address or a Latin name keeps its own order inside the sentence.
  const [open, close] = dirOf(lang) === 'rtl' ? ['\u2068', '\u2069'] : ['', ''];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? `${open}${String(vars[k])}${close}` : `{${k}}`));
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * A UI string with a count: uses `<key>.one` (or another CLDR plural category of `lang`) when
 * such a key exists, else `key`; `{n}` is replaced by `n`.
 */
export function tn(key: UiKey, n: number, lang: Lang = DEFAULT_LANG): string {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  const candidate = `${key}.${rules.select(n)}` as UiKey;
  return t(candidate in strings[lang] ? candidate : key, { n: formatNumber(n, lang) }, lang);
}

/** Writing direction of a UI language (`rtl` for Arabic). */
export function dirOf(lang: Lang): 'ltr' | 'rtl' {
  return directionOf(lang);
}

/** A whole number written for `lang` through `Intl.NumberFormat` (`1234` → "1,234", "1 234", "1.234", "1,234"). */
export function formatNumber(n: number, lang: Lang = DEFAULT_LANG): string {
  return new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : lang).format(n);
}

/**
 * Every UI string in every language, placeholders left as written. Used by the dist check to tell
 * the site's own words from content (a sentence the site itself shows is never a leak).
 */
export function allUiStrings(): string[] {
  return Object.values(strings).flatMap((dict) => Object.values(dict));
}
