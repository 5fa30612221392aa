#!/usr/bin/env node
/**
 * Corpus generator: writes a deterministic, realistic set of notices (and courses linking them) into a
 * content folder outside `content/`, for benchmarks and scale tests. The build reads it through
 * MODUS_CONTENT_DIR.
 *
 *   npm run corpus -- --notices 10000 --images 1 --seed 7 --out .corpus/10k
 *
 * Options: --notices N (default 1000), --images N|A-B (images per notice, default 1; "1-3" varies them),
 * --seed N (default 7), --out DIR (required; emptied first), --width/--height (image size, default
 * 1600×1200), --courses N (default one per 40 notices), --no-progress.
 *
 * Every notice has every frontmatter field (in NOTICE_FIELD_ORDER, valid against the schema), values from
 * the project's vocabularies and ISO country codes, about 600 words of MDX body, `related` links to other
 * notices, and 1–3 distinct JPEG photos with EXIF (camera, capture time, GPS: like evidence photos, so the
 * build's metadata stripping is exercised). Same options and seed give byte-identical output.
 * `corpus.json` in the output folder records the options, counts, and a rare and a common search word.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import os from 'node:os';
import YAML from 'yaml';
import sharp from 'sharp';
import cliProgress from 'cli-progress';
import { z } from 'astro/zod';
import {
  antiDetectionMeasures,
  commodities,
  concealmentCategories,
  crimeAreas,
  detectionMethods,
  imageKinds,
  seizureLocations,
  transportModes,
  courseAudiences,
  courseLevels,
  caseRoles,
  slugsOf,
  labelOf,
} from '../src/model/vocabularies.ts';
import { COUNTRY_CODES, countryName } from '../src/model/countries.ts';
import { NOTICE_FIELD_ORDER, noticeSchema } from '../src/model/notice.ts';
import { COURSE_FIELD_ORDER, courseSchema } from '../src/model/course.ts';

/** Small fast deterministic PRNG (mulberry32). Returns a function giving floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers around one PRNG: integers, picks, weighted picks, samples without repetition. */
function dice(rand) {
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const sample = (xs, n) => {
    const pool = [...xs];
    const out = [];
    for (let i = 0; i < n && pool.length; i++) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
    return out;
  };
  /** Zipf-like pick: earlier items are much more frequent (realistic skew of vocabularies). */
  const skewed = (xs, s = 1.1) => {
    const weights = xs.map((_, i) => 1 / (i + 1) ** s);
    let r = rand() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < xs.length; i++) if ((r -= weights[i]) <= 0) return xs[i];
    return xs[xs.length - 1];
  };
  return { int, pick, sample, skewed, chance: (p) => rand() < p };
}

// Word banks for realistic text. Objects are what officers search for ("sculpture", "gear", "charcoal").
const OBJECTS = [
  'resin figurines',
  'engine block',
  'banana boxes',
  'charcoal briquettes',
  'marble sculpture',
  'gearbox housing',
  'spare tyre',
  'fuel tank',
  'refrigeration unit',
  'pallet of tiles',
  'coffee sacks',
  'frozen fish cartons',
  'wooden furniture',
  'industrial rollers',
  'sea chest',
  'suitcase lining',
  'shoe soles',
  'laptop batteries',
  'canned pineapple',
  'transformer casing',
  'ceramic vases',
  "children's toys",
  'tea packets',
  'cosmetics jars',
  'wine bottles',
  'car door panels',
  'dashboard cavity',
  'roof lining',
  'tractor tyres',
  'steel pipes',
  'granite slabs',
  'plastic buckets',
  'printer cartridges',
  'aquarium filters',
  'motorbike frame',
  'surfboards',
  'candles',
  'soap bars',
  'rice bags',
  'cocoa beans',
  'scrap metal bales',
  'wheel rims',
  'generator housing',
  'air-conditioning units',
  'hollow logs',
  'picture frames',
  'garment hangers',
  'fruit juice cans',
  'prayer books',
];
const PLACEMENTS = [
  'in a welded cavity behind a false wall',
  'inside the hollowed core',
  'under a false floor',
  'sewn into the lining',
  'in vacuum-sealed packs among the goods',
  'moulded into the object itself',
  'dissolved and impregnated into the material',
  'behind the control panel',
  'inside the insulation foam',
  'in a compartment reached through the fuel filler',
];
const VERBS = ['noticed', 'recorded', 'observed', 'measured', 'confirmed', 'reported', 'documented', 'found'];
const ADJ = [
  'unusual',
  'inconsistent',
  'fresh',
  'heavy',
  'irregular',
  'recent',
  'non-standard',
  'mismatched',
  'poorly finished',
  'tampered',
];
const THINGS = [
  'tool marks',
  'welding seams',
  'paint layers',
  'screw heads',
  'weight readings',
  'density images',
  'shipping documents',
  'seal numbers',
  'consignee details',
  'routing choices',
  'packing patterns',
  'invoice values',
  'odour traces',
  'glue residues',
];
const OFFICERS = [
  'Customs officers',
  'Border police',
  'The x-ray operator',
  'The dog handler',
  'Port investigators',
  'The rummage team',
  'Analysts',
];
const STREET_NAMES = [
  'ice',
  'shabu',
  'yaba',
  'perico',
  'farlopa',
  'captagon',
  'fenethylline',
  'tina',
  'crystal',
  'brown',
  'skunk',
  'molly',
  'special K',
  'tramal',
];
const OPERATIONS = [
  'LIONFISH',
  'PANGEA',
  'THUNDERBIRD',
  'TRIGGER',
  'ORCA',
  'STORM',
  'PANDORA',
  'WILDCAT',
  'CYCLONE',
  'NEPTUNE',
  'SILVER AXE',
  'JUNIPER',
  'KESTREL',
  'MISTRAL',
  'HARMATTAN',
];
const PUBLISHERS = [
  'World Customs Organization',
  'INTERPOL',
  'UNODC',
  'Europol',
  'National customs service',
  'Port authority',
  'Ministry of the Interior',
];
const CAMERAS = [
  ['Canon', 'EOS 90D'],
  ['Nikon', 'D7500'],
  ['Sony', 'ILCE-7M3'],
  ['Samsung', 'SM-G991B'],
  ['Apple', 'iPhone 13'],
  ['FUJIFILM', 'X-T4'],
];

/** Words that appear in exactly one notice (the first): a "rare" search word. */
const RARE_WORD = 'harmonium';
/** A word used in the body of every notice: a "common" search word. */
const COMMON_WORD = 'container';

const vocab = (v) => slugsOf(v);

/** Countries, the often-involved hubs first (skewed picks make them common), then every other ISO code. */
const HUBS = [
  'NL',
  'BE',
  'ES',
  'DE',
  'CO',
  'EC',
  'BR',
  'PA',
  'MX',
  'US',
  'GB',
  'FR',
  'IT',
  'NG',
  'ZA',
  'KE',
  'TZ',
  'CN',
  'HK',
  'MY',
  'TH',
  'VN',
  'AU',
  'TR',
  'AE',
  'PK',
  'IN',
  'MA',
  'SN',
  'PE',
];
const COUNTRIES = [...HUBS, ...COUNTRY_CODES.filter((c) => !HUBS.includes(c))];

/**
 * Writes `index.mdx`-ready frontmatter: keys in NOTICE_FIELD_ORDER, every string double-quoted (so no
 * title or keyword is read as a date, number or yes/no). The CMS quotes only where needed
 * (src/cms/node/decap-format.ts), so a save through the CMS may drop these quotes.
 */
function frontmatter(data, order) {
  const ordered = {};
  for (const k of order) if (data[k] !== undefined) ordered[k] = data[k];
  for (const k of Object.keys(data))
    if (data[k] !== undefined && !(k in ordered)) throw new Error(`corpus: field "${k}" is not in the field order`);
  return YAML.stringify(ordered, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
}

function slugify(s) {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function date(y, m, d) {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The ids of `n` notices: MO-YYYY-NNNN over 2012–2025, numbered within each year. */
function noticeIds(n) {
  const YEARS = 14;
  return Array.from({ length: n }, (_, i) => `MO-${2012 + (i % YEARS)}-${String(Math.floor(i / YEARS) + 1).padStart(4, '0')}`);
}

/** One notice's data (frontmatter object, body, image plans), from its own PRNG stream. */
function makeNotice(i, ids, opts) {
  const rand = prng(opts.seed * 1_000_003 + i * 7919 + 1);
  const d = dice(rand);
  const id = ids[i];
  const year = Number(id.slice(3, 7));
  const commodity = d.skewed(vocab(commodities));
  const extraCommodity = d.chance(0.2) ? d.pick(vocab(commodities)) : undefined;
  const category = d.skewed(vocab(concealmentCategories), 0.8);
  const object = i === 0 ? `${RARE_WORD} case` : d.pick(OBJECTS);
  const modes = [...new Set([d.skewed(vocab(transportModes), 0.7), ...(d.chance(0.25) ? [d.pick(vocab(transportModes))] : [])])];
  // Countries: skewed so that a few are common (big ports and hubs) and many are rare.
  const country = () => d.skewed(COUNTRIES, 0.8);
  const origin = [country()];
  const transit = d.chance(0.5) ? [country()] : [];
  const destination = [country()];
  const published = date(year, d.int(1, 12), d.int(1, 28));
  const updated = i === 1 || d.chance(0.3) ? date(Math.min(year + d.int(0, 1), 2025), 12, d.int(1, 28)) : undefined;
  const crime = [
    commodity.match(/firearm|ammunition|explosives/)
      ? 'firearms-trafficking'
      : commodity.match(/ivory|pangolin|animals|timber|wildlife/)
        ? 'environmental-crime'
        : commodity.match(/antiquities|artworks|architectural/)
          ? 'cultural-heritage-crime'
          : commodity.match(/migrants/)
            ? 'migrant-smuggling'
            : commodity.match(/trafficking-victims/)
              ? 'trafficking-in-human-beings'
              : commodity.match(/cash|bearer|precious/)
                ? 'financial-crime'
                : commodity.match(/counterfeit|falsified|tobacco/)
                  ? 'illicit-goods-counterfeiting'
                  : 'drug-trafficking',
  ];
  if (d.chance(0.4)) crime.push(d.pick(vocab(crimeAreas)));
  const title = `${labelOf(commodities, commodity)} concealed in ${object}`;
  const nImages = opts.imagesMin + Math.floor(rand() * (opts.imagesMax - opts.imagesMin + 1));
  const images = Array.from({ length: nImages }, (_, k) => ({
    file: `photo-${k + 1}.jpg`,
    seed: opts.seed * 7_777_777 + i * 31 + k,
    label: `${id} · ${k + 1}`,
    kind: k === 0 ? 'photo' : d.pick(vocab(imageKinds)),
  }));
  // Related: up to 5 other notices (field case F12), never itself.
  const related = [];
  const nRelated = ids.length > 1 ? d.int(0, Math.min(5, ids.length - 1)) : 0;
  while (related.length < nRelated) {
    const j = d.int(0, ids.length - 1);
    if (j !== i && !related.includes(ids[j])) related.push(ids[j]);
  }
  // Notices 2 and 3 are always superseded and withdrawn, so that even a small corpus has every field.
  const status =
    i === 2 ? 'superseded' : i === 3 ? 'withdrawn' : i > 3 && d.chance(0.04) ? (d.chance(0.5) ? 'superseded' : 'withdrawn') : 'active';
  const tlp = i === 0 ? 'CLEAR' : d.skewed(['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT'], 1.5);
  const data = {
    id,
    title,
    summary: `${labelOf(commodities, commodity)} hidden ${d.pick(PLACEMENTS)} of ${object}, moved by ${labelOf(transportModes, modes[0]).toLowerCase()} from ${countryName(origin[0])} to ${countryName(destination[0])}. Officers should check ${d.pick(THINGS)} and ${d.pick(THINGS)}.`,
    tlp,
    status,
    statusReason:
      status === 'active'
        ? undefined
        : status === 'superseded'
          ? 'A later notice describes the same method with newer seizures.'
          : 'The method description was found to rest on an unconfirmed report.',
    supersededBy: status === 'superseded' ? ids[d.int(0, i - 1)] : undefined,
    published,
    updated: updated && updated >= published ? updated : undefined,
    requestingCountry: country(),
    operation: i === 1 || d.chance(0.3) ? d.pick(OPERATIONS) : undefined,
    crimeAreas: [...new Set(crime)],
    commodities: [...new Set([commodity, ...(extraCommodity ? [extraCommodity] : [])])],
    concealment: { category, object, placement: d.chance(0.8) ? d.pick(PLACEMENTS) : undefined },
    antiDetection: d.sample(vocab(antiDetectionMeasures), d.int(0, 2)),
    transportModes: modes,
    route: { origin, transit, destination },
    seizures: Array.from({ length: d.int(0, 3) }, () => ({
      country: country(),
      year: d.int(year - 2, year),
      location: d.pick(vocab(seizureLocations)),
      quantity: d.chance(0.7) ? `${d.int(1, 900)} kg` : undefined,
    })),
    detection: d.sample(vocab(detectionMethods), d.int(1, 3)),
    keywords: d.sample(STREET_NAMES, d.int(0, 3)),
    indicators: Array.from({ length: d.int(2, 5) }, () => {
      const a = d.pick(ADJ);
      return `${a[0].toUpperCase()}${a.slice(1)} ${d.pick(THINGS)} on the ${object}.`;
    }),
    recommendedActions: Array.from(
      { length: d.int(2, 4) },
      () =>
        `Check the ${d.pick(THINGS)} against the declaration and inform the ${d.pick(['national focal point', 'port intelligence unit', 'drug squad', 'wildlife unit', 'financial intelligence unit'])}.`,
    ),
    images: images.map((img, k) => ({
      src: img.file,
      alt: `${img.kind === 'xray' ? 'X-ray image' : 'Photo'} ${k + 1} of the ${object} showing where the goods were hidden.`,
      caption: d.chance(0.7) ? `${labelOf(concealmentCategories, category)}: ${object}.` : undefined,
      credit: d.chance(0.6) ? d.pick(PUBLISHERS) : undefined,
      kind: img.kind,
    })),
    related,
    sources: Array.from({ length: d.int(1, 3) }, (_, k) => ({
      title: `${d.pick(['Seizure report', 'Joint operation summary', 'Alert', 'Risk bulletin'])} ${id}-${k + 1}`,
      publisher: d.pick(PUBLISHERS),
      date: d.chance(0.8) ? published : undefined,
      url: d.chance(0.5) ? `https://example.org/reports/${id.toLowerCase()}-${k + 1}` : undefined,
    })),
    changes:
      updated && updated >= published ? [{ date: updated, summary: 'Added seizures and indicators reported since publication.' }] : [],
    aliases: i === 4 || d.chance(0.05) ? [`old-${slugify(id)}`] : [],
  };
  const body = makeBody(d, { id, object, commodity, category, origin, destination, modes });
  const slug = `${slugify(id)}-${slugify(object)}`.slice(0, 80).replace(/-$/, '');
  return { slug, data, body, images };
}

/** About 600 words of MDX narrative: method, detection, variations. Plain text, safe for MDX. */
function makeBody(d, n) {
  const sentence = () => {
    const forms = [
      () => `${d.pick(OFFICERS)} ${d.pick(VERBS)} ${d.pick(ADJ)} ${d.pick(THINGS)} on the ${n.object} when the ${COMMON_WORD} was opened.`,
      () =>
        `The consignment travelled from ${countryName(n.origin[0])} to ${countryName(n.destination[0])} by ${labelOf(transportModes, n.modes[0]).toLowerCase()}, declared as ${d.pick(OBJECTS)}.`,
      () => `${labelOf(commodities, n.commodity)} was packed ${d.pick(PLACEMENTS)}, and the ${d.pick(THINGS)} were ${d.pick(ADJ)}.`,
      () => `Risk profiling flagged the ${COMMON_WORD} because the ${d.pick(THINGS)} and the ${d.pick(THINGS)} did not match.`,
      () =>
        `A ${d.pick(['second', 'third', 'later', 'similar'])} shipment used the same ${n.object}, with ${d.pick(ADJ)} ${d.pick(THINGS)}.`,
      () => `Officers should compare the ${d.pick(THINGS)} with earlier consignments of ${d.pick(OBJECTS)} from the same shipper.`,
      () =>
        `The method belongs to the category ${labelOf(concealmentCategories, n.category).toLowerCase()}, seen again in ${d.int(2, 40)} seizures since ${d.int(2010, 2024)}.`,
    ];
    return d.pick(forms)();
  };
  const para = (k) => Array.from({ length: k }, sentence).join(' ');
  const parts = [
    '## Method',
    '',
    para(8),
    '',
    para(7),
    '',
    '## How it was found',
    '',
    para(8),
    '',
    para(6),
    '',
    '## Variations',
    '',
    para(7),
    '',
    `- ${sentence()}`,
    `- ${sentence()}`,
    `- ${sentence()}`,
    '',
  ];
  if (n.id.endsWith('-0001') && n.object.startsWith(RARE_WORD)) parts.push(`The ${RARE_WORD} was shipped as a musical instrument.`, '');
  return parts.join('\n');
}

/** One photo-like JPEG: smooth colour fields, mid-frequency texture, fine grain, a label; EXIF with GPS. */
async function makeJpeg(file, { seed, label, width, height }) {
  const rand = prng(seed);
  const smallW = 8 + Math.floor(rand() * 10);
  const smallH = Math.max(4, Math.round((smallW * height) / width));
  const coarse = Buffer.alloc(smallW * smallH * 3);
  const base = [rand() * 255, rand() * 255, rand() * 255];
  for (let p = 0; p < coarse.length; p++) coarse[p] = Math.max(0, Math.min(255, base[p % 3] + (rand() - 0.5) * 180));
  const big = await sharp(coarse, { raw: { width: smallW, height: smallH, channels: 3 } })
    .resize(width, height, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  const midW = Math.round(width / 8);
  const midH = Math.round(height / 8);
  const mid = Buffer.alloc(midW * midH);
  for (let p = 0; p < mid.length; p++) mid[p] = Math.floor(rand() * 256);
  const midBig = await sharp(mid, { raw: { width: midW, height: midH, channels: 1 } })
    .resize(width, height, { kernel: 'linear' })
    .raw()
    .toBuffer();
  // Fine grain from a cheap xorshift (a full-resolution PRNG call per pixel would be slow).
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let p = 0, q = 0; p < big.length; p += 3, q++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    const grain = (x & 31) - 16;
    const tex = (midBig[q] - 128) * 0.35;
    big[p] = Math.max(0, Math.min(255, big[p] + tex + grain));
    big[p + 1] = Math.max(0, Math.min(255, big[p + 1] + tex + grain));
    big[p + 2] = Math.max(0, Math.min(255, big[p + 2] + tex + grain));
  }
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect x="${Math.round(width * (0.1 + rand() * 0.4))}" y="${Math.round(height * (0.1 + rand() * 0.4))}" width="${Math.round(width * 0.35)}" height="${Math.round(height * 0.3)}" fill="none" stroke="#ffde00" stroke-width="8"/>` +
      `<text x="40" y="${height - 50}" font-family="sans-serif" font-size="56" fill="#ffffff">${label}</text></svg>`,
  );
  const [make, model] = CAMERAS[seed % CAMERAS.length];
  const lat = rand() * 120 - 60;
  const lon = rand() * 340 - 170;
  const dms = (v) => {
    const a = Math.abs(v);
    const deg = Math.floor(a);
    const min = Math.floor((a - deg) * 60);
    const sec = Math.round(((a - deg) * 60 - min) * 6000);
    return `${deg}/1 ${min}/1 ${sec}/100`;
  };
  const taken = `20${String(12 + (seed % 13)).padStart(2, '0')}:0${1 + (seed % 9)}:1${seed % 10} 1${seed % 10}:2${seed % 10}:0${seed % 10}`;
  await sharp(big, { raw: { width, height, channels: 3 } })
    .composite([{ input: svg }])
    .jpeg({ quality: 85, mozjpeg: false })
    .withExif({
      IFD0: { Make: make, Model: model, Artist: 'Officer A', Copyright: 'Evidence photo, not for release' },
      IFD2: { DateTimeOriginal: taken, BodySerialNumber: `SN${seed}` },
      IFD3: {
        GPSLatitudeRef: lat >= 0 ? 'N' : 'S',
        GPSLatitude: dms(lat),
        GPSLongitudeRef: lon >= 0 ? 'E' : 'W',
        GPSLongitude: dms(lon),
      },
    })
    .toFile(file);
}

/**
 * A course linking many notices (src/model/course.ts, docs/content-model.md "Course frontmatter"): active notices
 * only, each once per module, with a marking ≥ every linked notice's.
 */
function makeCourse(c, notices, opts) {
  const rand = prng(opts.seed * 99_991 + c * 13 + 5);
  const d = dice(rand);
  // Courses link active notices only: a withdrawn one must not be taught, a superseded one draws a warning.
  // The notice holding the rare search word is left out, so that word stays on one page of the site.
  const active = notices.filter((n) => n.data.status === 'active' && !n.data.concealment.object.includes(RARE_WORD));
  const linked = d.sample(active, Math.min(40, active.length));
  const rank = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT'];
  const tlp = rank[Math.max(...linked.map((n) => rank.indexOf(n.data.tlp)))];
  const perModule = Math.max(1, Math.ceil(linked.length / 4));
  const modules = [];
  for (let m = 0; m * perModule < linked.length; m++) {
    modules.push({
      title: `Module ${m + 1}: ${labelOf(concealmentCategories, linked[m * perModule].data.concealment.category)}`,
      objectives: [`Recognise the indicators of ${linked[m * perModule].data.concealment.object}.`],
      intro: 'Read the cases, then discuss what gave each concealment away.',
      cases: linked.slice(m * perModule, (m + 1) * perModule).map((n, k) => ({
        notice: n.data.id,
        role: k === 0 ? 'primary' : d.pick(vocab(caseRoles)),
        prompt: `What would you check first on the ${n.data.concealment.object}?`,
        trainerNote: d.chance(0.5) ? 'Point out the documents as well as the object.' : undefined,
      })),
    });
  }
  const data = {
    title: `Concealment methods ${c + 1}: ${labelOf(commodities, linked[0].data.commodities[0])} and more`,
    summary: `A course of ${modules.length} modules built on ${linked.length} notices, for officers who inspect goods and travellers.`,
    audience: d.sample(vocab(courseAudiences), d.int(1, 2)),
    level: d.pick(vocab(courseLevels)),
    durationMinutes: d.pick([45, 60, 90, 120, 180]),
    tlp,
    published: date(2020 + (c % 6), d.int(1, 12), d.int(1, 28)),
    objectives: ['Recognise the concealment methods in the cases.', 'Know what to check and whom to inform.'],
    modules,
  };
  return {
    slug: `course-${String(c + 1).padStart(3, '0')}`,
    data,
    text: `---\n${frontmatter(data, COURSE_FIELD_ORDER)}---\n\nThis course walks through ${linked.length} notices, module by module.\n`,
  };
}

/**
 * Generates the corpus into `out` (emptied first). Options: notices, imagesMin, imagesMax, seed,
 * width, height, courses, progress (boolean). Returns the manifest written to `out/corpus.json`.
 * Throws when a generated notice does not satisfy the notice schema (a bug in the generator).
 */
export async function generateCorpus(options) {
  const opts = { imagesMin: 1, imagesMax: 1, seed: 7, width: 1600, height: 1200, progress: true, ...options };
  const out = path.resolve(opts.out);
  if (fs.existsSync(out)) {
    const contentDir = path.resolve('content');
    if (out === contentDir || out.startsWith(contentDir + path.sep))
      throw new Error(`corpus: refusing to write into ${out}; choose a folder outside content/.`);
    fs.rmSync(out, { recursive: true, force: true });
  }
  fs.mkdirSync(path.join(out, 'notices'), { recursive: true });
  fs.mkdirSync(path.join(out, 'courses'), { recursive: true });
  const ids = noticeIds(opts.notices);
  const schema = noticeSchema(() => z.string());
  const notices = [];
  const bar = opts.progress
    ? new cliProgress.SingleBar(
        { format: 'corpus |{bar}| {value}/{total} notices | {eta_formatted} left', hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(opts.notices, 0);
  let images = 0;
  let imageBytes = 0;
  const limit = Math.max(1, os.availableParallelism());
  let next = 0;
  async function worker() {
    while (next < opts.notices) {
      const i = next++;
      const n = makeNotice(i, ids, opts);
      const parsed = schema.safeParse(n.data);
      if (!parsed.success)
        throw new Error(`corpus: generated notice ${n.data.id} is invalid: ${JSON.stringify(parsed.error.issues, null, 1)}`);
      const dir = path.join(out, 'notices', n.slug);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'index.mdx'), `---\n${frontmatter(n.data, NOTICE_FIELD_ORDER)}---\n\n${n.body}`);
      for (const img of n.images) {
        const file = path.join(dir, img.file);
        await makeJpeg(file, { seed: img.seed, label: img.label, width: opts.width, height: opts.height });
        images++;
        imageBytes += fs.statSync(file).size;
      }
      notices[i] = n;
      bar?.increment();
    }
  }
  await Promise.all(Array.from({ length: limit }, worker));
  bar?.stop();
  const nCourses = opts.courses ?? Math.max(1, Math.round(opts.notices / 40));
  const courseCheck = courseSchema();
  for (let c = 0; c < nCourses; c++) {
    const course = makeCourse(c, notices, opts);
    const parsed = courseCheck.safeParse(course.data);
    if (!parsed.success)
      throw new Error(`corpus: generated course ${course.slug} is invalid: ${JSON.stringify(parsed.error.issues, null, 1)}`);
    fs.mkdirSync(path.join(out, 'courses', course.slug), { recursive: true });
    fs.writeFileSync(path.join(out, 'courses', course.slug, 'index.mdx'), course.text);
  }
  const byTlp = {};
  for (const n of notices) byTlp[n.data.tlp] = (byTlp[n.data.tlp] ?? 0) + 1;
  const manifest = {
    generator: 'scripts/corpus.mjs',
    seed: opts.seed,
    notices: opts.notices,
    noticesByTlp: byTlp,
    images,
    imageBytes,
    imageSize: `${opts.width}x${opts.height}`,
    imagesPerNotice: opts.imagesMin === opts.imagesMax ? opts.imagesMin : `${opts.imagesMin}-${opts.imagesMax}`,
    courses: nCourses,
    words: { rare: RARE_WORD, common: COMMON_WORD },
    /** A notice to edit for the "one notice changed" rebuild. */
    editTarget: `notices/${notices[Math.floor(notices.length / 2)].slug}/index.mdx`,
  };
  fs.writeFileSync(path.join(out, 'corpus.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

function parseImages(s) {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) throw new Error(`--images expects a number such as 1 or a range such as 1-3, got "${s}"`);
  const lo = Number(m[1]);
  const hi = m[2] ? Number(m[2]) : lo;
  if (lo < 1 || hi < lo || hi > 3)
    throw new Error(`--images must be 1 to 3 per notice (every notice needs at least one image), got "${s}"`);
  return [lo, hi];
}

async function main() {
  const { values } = parseArgs({
    options: {
      notices: { type: 'string', default: '1000' },
      images: { type: 'string', default: '1' },
      seed: { type: 'string', default: '7' },
      out: { type: 'string' },
      width: { type: 'string', default: '1600' },
      height: { type: 'string', default: '1200' },
      courses: { type: 'string' },
      'no-progress': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.out) {
    console.log('Usage: npm run corpus -- --notices 10000 --images 1|1-3 --seed 7 --out DIR [--width 1600 --height 1200] [--courses N]');
    process.exit(values.help ? 0 : 2);
  }
  const int = (name, v, min) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got "${v}"`);
    return n;
  };
  const [imagesMin, imagesMax] = parseImages(values.images);
  const t0 = performance.now();
  const manifest = await generateCorpus({
    out: values.out,
    notices: int('notices', values.notices, 1),
    imagesMin,
    imagesMax,
    seed: int('seed', values.seed, 0),
    width: int('width', values.width, 16),
    height: int('height', values.height, 16),
    courses: values.courses === undefined ? undefined : int('courses', values.courses, 0),
    progress: !values['no-progress'] && process.stdout.isTTY !== false,
  });
  console.log(
    `corpus: ${manifest.notices} notices, ${manifest.images} images (${(manifest.imageBytes / 1e6).toFixed(1)} MB), ${manifest.courses} courses in ${path.resolve(values.out)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  console.log(`build it with: MODUS_CONTENT_DIR=${path.resolve(values.out)} npm run build`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(`corpus: ${err.message}`);
    process.exit(1);
  });
}
