/**
 * Controlled vocabularies of Modus: the one source used by the notice schema, the CMS forms,
 * the search filters and the browse pages (docs/content-model.md, "Vocabularies").
 *
 * Stored values are the slugs (object keys, in display order); the values are English labels
 * for display. Translations of labels come from the UI strings module, keyed by slug.
 */

/** A vocabulary: its name in messages, and its terms as slug → English label (ordered). */
export interface Vocabulary<S extends string = string> {
  /** Singular name used in error messages and headings, e.g. "concealment category". */
  readonly name: string;
  /** slug → label, in display order. */
  readonly terms: Readonly<Record<S, string>>;
  /** Optional grouping of slugs for display (e.g. commodity groups), slug → group label. */
  readonly groups?: Readonly<Partial<Record<S, string>>>;
}

function vocabulary<S extends string>(name: string, terms: Record<S, string>, groups?: Partial<Record<S, string>>): Vocabulary<S> {
  return Object.freeze({ name, terms: Object.freeze(terms), groups: groups && Object.freeze(groups) });
}

/** Where and how the goods or persons were hidden (`concealment.category`). */
export const concealmentCategories = vocabulary('concealment category', {
  'natural-void-vehicle': 'Natural void in a vehicle',
  'natural-void-vessel-aircraft': 'Natural void in a vessel or aircraft',
  'false-compartment': 'False compartment (purpose-built)',
  'container-structure': 'Container structure (incl. refrigeration unit)',
  'inside-goods': 'Inside goods',
  'disguised-as-goods': 'Disguised as goods (moulded or made to look like goods)',
  'among-goods': 'Among goods (cover load, rip-on/rip-off)',
  'impregnation-dissolution': 'Impregnation or dissolution',
  'packaging-lining': 'Packaging or lining (false bottoms, luggage lining)',
  'body-internal': 'Inside the body',
  'body-external': 'On the body',
  'parasitic-hull': 'Parasitic, on the hull (incl. sea chest)',
  'specialised-vessel': 'Specialised vessel (semi-submersible, go-fast)',
  'misdeclaration-only': 'Misdeclaration only',
  'persons-concealed': 'Persons concealed',
  'aerial-delivery': 'Aerial delivery',
  other: 'Other',
});

/** How the consignment travelled (`transportModes`). Post and courier are modes, not concealments. */
export const transportModes = vocabulary('transport mode', {
  'air-passenger-baggage': 'Air passenger, baggage',
  'air-passenger-body': 'Air passenger, on or in the body',
  'air-cargo': 'Air cargo',
  'maritime-container': 'Maritime container',
  'maritime-general-cargo': 'Maritime general cargo',
  'maritime-vessel-structure': 'Maritime vessel structure',
  'small-craft': 'Small craft',
  'semi-submersible': 'Semi-submersible',
  'road-private-vehicle': 'Road, private vehicle',
  'road-commercial-vehicle': 'Road, commercial vehicle',
  rail: 'Rail',
  postal: 'Postal',
  'express-courier': 'Express courier',
  pedestrian: 'Pedestrian',
  'last-mile-delivery': 'Last-mile delivery',
  drone: 'Drone',
  other: 'Other or not reported',
});

const DRUGS = 'Drugs';
const WEAPONS = 'Firearms and explosives';
const WILDLIFE = 'Wildlife and environment';
const HERITAGE = 'Cultural property';
const FINANCE = 'Cash and valuables';
const EXCISE = 'Excise goods';
const FAKES = 'Counterfeits';
const PERSONS = 'Persons';

/** What was smuggled (`commodities`), grouped for display. */
export const commodities = vocabulary(
  'commodity',
  {
    cocaine: 'Cocaine',
    'heroin-opioids': 'Heroin and opioids',
    methamphetamine: 'Methamphetamine',
    'amphetamine-captagon': 'Amphetamine and Captagon',
    cannabis: 'Cannabis',
    mdma: 'MDMA',
    ketamine: 'Ketamine',
    'pharmaceutical-opioids': 'Pharmaceutical opioids (e.g. tramadol)',
    'new-psychoactive-substances': 'New psychoactive substances',
    precursors: 'Precursors',
    firearms: 'Firearms',
    'firearm-parts': 'Firearm parts',
    ammunition: 'Ammunition',
    explosives: 'Explosives',
    ivory: 'Ivory',
    'pangolin-scales': 'Pangolin scales',
    'live-animals': 'Live animals',
    timber: 'Timber',
    'other-wildlife': 'Other wildlife',
    antiquities: 'Antiquities',
    artworks: 'Artworks',
    'architectural-elements': 'Architectural elements',
    cash: 'Cash',
    'bearer-instruments': 'Bearer instruments',
    'precious-metals': 'Precious metals',
    tobacco: 'Tobacco',
    'counterfeit-goods': 'Counterfeit goods',
    'falsified-medicines': 'Falsified medicines',
    'smuggled-migrants': 'Smuggled migrants',
    'trafficking-victims': 'Victims of trafficking',
    other: 'Other',
  },
  {
    cocaine: DRUGS,
    'heroin-opioids': DRUGS,
    methamphetamine: DRUGS,
    'amphetamine-captagon': DRUGS,
    cannabis: DRUGS,
    mdma: DRUGS,
    ketamine: DRUGS,
    'pharmaceutical-opioids': DRUGS,
    'new-psychoactive-substances': DRUGS,
    precursors: DRUGS,
    firearms: WEAPONS,
    'firearm-parts': WEAPONS,
    ammunition: WEAPONS,
    explosives: WEAPONS,
    ivory: WILDLIFE,
    'pangolin-scales': WILDLIFE,
    'live-animals': WILDLIFE,
    timber: WILDLIFE,
    'other-wildlife': WILDLIFE,
    antiquities: HERITAGE,
    artworks: HERITAGE,
    'architectural-elements': HERITAGE,
    cash: FINANCE,
    'bearer-instruments': FINANCE,
    'precious-metals': FINANCE,
    tobacco: EXCISE,
    'counterfeit-goods': FAKES,
    'falsified-medicines': FAKES,
    'smuggled-migrants': PERSONS,
    'trafficking-victims': PERSONS,
  },
);

/** INTERPOL-style crime areas (`crimeAreas`). */
export const crimeAreas = vocabulary('crime area', {
  'drug-trafficking': 'Drug trafficking',
  'firearms-trafficking': 'Firearms trafficking',
  'environmental-crime': 'Environmental crime',
  'trafficking-in-human-beings': 'Trafficking in human beings',
  'migrant-smuggling': 'Migrant smuggling',
  cybercrime: 'Cybercrime',
  'financial-crime': 'Financial crime',
  'illicit-goods-counterfeiting': 'Illicit goods and counterfeiting',
  'cultural-heritage-crime': 'Cultural heritage crime',
  terrorism: 'Terrorism',
  'organized-crime': 'Organized crime',
  'maritime-crime': 'Maritime crime',
  'vehicle-crime': 'Vehicle crime',
  corruption: 'Corruption',
  'crimes-against-children': 'Crimes against children',
});

/** What revealed the concealment (`detection`). */
export const detectionMethods = vocabulary('detection method', {
  'xray-nii': 'X-ray / non-intrusive inspection',
  'detector-dog': 'Detector dog',
  'risk-profiling': 'Risk profiling',
  'intelligence-tip-off': 'Intelligence or tip-off',
  'physical-examination': 'Physical examination',
  'density-weight-anomaly': 'Density or weight anomaly',
  'smell-packaging-anomaly': 'Smell or packaging anomaly',
  'behavioural-indicators': 'Behavioural indicators',
  'underwater-search': 'Underwater search',
  'laboratory-analysis': 'Laboratory analysis',
  'controlled-delivery': 'Controlled delivery',
  other: 'Other',
});

/** Measures taken to defeat detection (`antiDetection`). */
export const antiDetectionMeasures = vocabulary('anti-detection measure', {
  'false-declaration': 'False declaration',
  'odour-masking': 'Odour masking',
  'xray-shielding': 'X-ray shielding',
  'chemical-masking': 'Chemical masking',
  'legitimate-cover-load': 'Legitimate cover load',
  'insider-assistance': 'Insider assistance',
  'split-consignments': 'Split consignments',
  'tampered-seals': 'Tampered seals',
});

/** Where a seizure happened (`seizures[].location`). */
export const seizureLocations = vocabulary('seizure location', {
  seaport: 'Seaport',
  airport: 'Airport',
  'land-border': 'Land border',
  'postal-hub': 'Postal hub',
  inland: 'Inland',
  'at-sea': 'At sea',
});

/** What an image shows (`images[].kind`). */
export const imageKinds = vocabulary('image kind', {
  photo: 'Photo',
  xray: 'X-ray image',
  diagram: 'Diagram',
  illustration: 'Illustration',
});

/** Lifecycle of a notice (`status`). Drafts live in the CMS workflow, not here. */
export const noticeStatuses = vocabulary('status', {
  active: 'Active',
  superseded: 'Superseded',
  withdrawn: 'Withdrawn',
});

/** Role of a notice linked as a case in a course module. */
export const caseRoles = vocabulary('case role', {
  primary: 'Primary case',
  comparison: 'Comparison',
  background: 'Background',
});

/** Who a course is for. */
export const courseAudiences = vocabulary('course audience', {
  'frontline-customs': 'Front-line customs',
  'border-police': 'Border police',
  investigators: 'Investigators',
  analysts: 'Analysts',
});

/** Course level. */
export const courseLevels = vocabulary('course level', {
  introductory: 'Introductory',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
});

/**
 * The languages of Modus (ISO 639-1): the interface's, and the one a notice or course is written in
 * (`language`, English when absent). English is at the site's root addresses, the others under
 * `/<code>/`; Arabic is written right to left (see src/model/languages.ts).
 */
export const languages = vocabulary('language', {
  en: 'English',
  fr: 'French',
  es: 'Spanish',
  ar: 'Arabic',
});

/** The slugs of a vocabulary, in display order, as a non-empty tuple (what `z.enum` takes). */
export function slugsOf<S extends string>(v: Vocabulary<S>): [S, ...S[]] {
  return Object.keys(v.terms) as [S, ...S[]];
}

/** The English label of a slug; throws if the slug is not in the vocabulary (a programming error). */
export function labelOf<S extends string>(v: Vocabulary<S>, slug: S | string): string {
  const label = (v.terms as Record<string, string>)[slug];
  if (label === undefined) throw new Error(`"${slug}" is not a ${v.name}`);
  return label;
}
