/** A generated notice: its frontmatter data (every field, valid against the schema), body and image plans. */
import {
  antiDetectionMeasures,
  commodities,
  concealmentCategories,
  crimeAreas,
  detectionMethods,
  imageKinds,
  seizureLocations,
  transportModes,
  slugsOf as vocab,
  labelOf,
} from '../../src/model/vocabularies.ts';
import { countryName } from '../../src/model/countries.ts';
import { makeBody } from './body.mjs';
import { date, slugify } from './format.mjs';
import { dice, prng } from './random.mjs';
import { ADJ, COUNTRIES, OBJECTS, OPERATIONS, PLACEMENTS, PUBLISHERS, RARE_WORD, STREET_NAMES, THINGS } from './words.mjs';

/** The ids of `n` notices: MO-YYYY-NNNN over 2012–2025, numbered within each year. */
export function noticeIds(n) {
  const YEARS = 14;
  return Array.from({ length: n }, (_, i) => `MO-${2012 + (i % YEARS)}-${String(Math.floor(i / YEARS) + 1).padStart(4, '0')}`);
}

/**
 * Notice `i` of `ids` (from noticeIds), drawn from its own PRNG stream so it does not depend on the others.
 * `opts` gives seed, imagesMin and imagesMax. Returns { slug, data (frontmatter object), body (MDX),
 * images ({ file, seed, label, kind } for makeJpeg) }.
 */
export function makeNotice(i, ids, opts) {
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
