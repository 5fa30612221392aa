/**
 * The notice schema (docs/content-model.md, "Notice frontmatter"): one zod schema built from the vocabularies,
 * used by the content collection, the CMS config generator and the tests.
 *
 * `noticeSchema(image)` takes the image field factory: the collection passes `imageRefField`
 * (src/model/images.ts: the path becomes an image reference the content loader completes), the CMS
 * config and unit tests a plain string schema.
 */
import { z } from 'astro/zod';
import {
  blankIsMissing,
  countryCode,
  dateOnly,
  describeYamlValue,
  fieldOrder,
  fields,
  list,
  noticeId,
  noticeRef,
  nonEmptyList,
  optionalDateOnly,
  optionalText,
  term,
  text,
  webUrl,
  SLUG,
} from './fields.ts';
import { normaliseImagePath } from './images.ts';
import { withKind } from './kinds.ts';
import { TLP_LEVELS, TLP_PUBLISHABLE } from './tlp.ts';
import {
  antiDetectionMeasures,
  commodities,
  concealmentCategories,
  crimeAreas,
  detectionMethods,
  imageKinds,
  languages,
  noticeStatuses,
  seizureLocations,
  transportModes,
} from './vocabularies.ts';

/**
 * TLP 2.0 marking without the `TLP:` prefix (`tlp:AMBER` and ` amber` are read as `AMBER`).
 * TLP:RED is refused with its own message: it is for named recipients only and never goes into a
 * knowledge-base build (docs/content-model.md, "Markings").
 */
export function tlpField() {
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toUpperCase().replace(/^TLP:/, '') : v),
    withKind(
      z
        .enum(TLP_LEVELS, {
          error: (iss) => `${describeYamlValue(iss.input)} is not a TLP 2.0 marking. Allowed values: ${TLP_PUBLISHABLE.join(', ')}.`,
        })
        .refine((t) => t !== 'RED', {
          message: `TLP:RED is for named recipients only and never goes into the knowledge base; share it outside Modus, or choose one of: ${TLP_PUBLISHABLE.join(', ')}.`,
        }),
      { kind: 'tlp' },
    ),
  );
}

/** Image path field: validated and normalised by `normaliseImagePath`, then handed to `image`. */
function imagePath<T extends z.ZodType>(image: () => T) {
  return withKind(
    z
      .string({ error: (iss) => `Expected the file name of an image beside index.mdx, got ${describeYamlValue(iss.input)}.` })
      .transform((raw, ctx) => {
        const r = normaliseImagePath(raw);
        if (!r.ok) {
          ctx.addIssue({ code: 'custom', message: r.message });
          return z.NEVER;
        }
        return r.path;
      })
      .pipe(image() as unknown as z.ZodType<z.output<T>, string>),
    { kind: 'image' },
  );
}

/** Earliest and latest seizure year accepted. */
export const SEIZURE_YEARS = { min: 1900, max: 2100 } as const;

/** Longest summary, in characters: it must fit cards, search results and feeds. */
export const SUMMARY_MAX = 400;

/**
 * A notice written by an import that lacks what publishing requires (src/model/draft.ts): `true`
 * makes it a draft, validated by the draft schema and never built; absent or `false` for a published
 * notice. An editor finishes a draft in the CMS and unticks "Draft".
 */
function draftField() {
  return withKind(
    z.boolean({
      error: (iss) => `Expected true or false (tick or untick "Draft" in the CMS), got ${describeYamlValue(iss.input)}.`,
    }),
    { kind: 'boolean' },
  ).optional();
}

/**
 * The fields of a notice, in the order of the file and the CMS form (NOTICE_FIELD_ORDER), without the
 * rules across fields (`noticeRules`): zod cannot make the draft form (every field optional,
 * src/model/draft.ts) of a refined object, so both forms are built from this shape.
 */
export function noticeShape<T extends z.ZodType>(image: () => T) {
  return {
    id: noticeId(),
    // The language the notice is written in; translations of its prose are files beside it (src/model/translation.ts).
    language: blankIsMissing(term(languages).default('en')),
    title: text('a title'),
    summary: text('a summary').refine((s) => s.length <= SUMMARY_MAX, {
      error: (iss) =>
        `Summary is ${String(iss.input).length} characters; keep it to ${SUMMARY_MAX} or fewer (it is shown on cards and in search results).`,
    }),
    tlp: tlpField(),
    draft: draftField(),
    status: blankIsMissing(term(noticeStatuses).default('active')),
    statusReason: optionalText('the reason for the status'),
    supersededBy: blankIsMissing(noticeRef().optional()),
    published: dateOnly(),
    updated: optionalDateOnly(),
    requestingCountry: blankIsMissing(countryCode().optional()),
    operation: blankIsMissing(
      text('an operation name')
        .refine((s) => s === s.toUpperCase(), {
          error: (iss) => `Operation names are written in upper case as published: "${String(iss.input).toUpperCase()}".`,
        })
        .optional(),
    ),
    crimeAreas: nonEmptyList(term(crimeAreas), 'crime area'),
    commodities: nonEmptyList(term(commodities), 'commodity'),
    concealment: fields(
      {
        category: term(concealmentCategories),
        object: text('the object or place used for concealment'),
        placement: optionalText('where in the object the goods were placed'),
      },
      'concealment with a category and an object',
    ),
    antiDetection: list(term(antiDetectionMeasures)),
    transportModes: nonEmptyList(term(transportModes), 'transport mode'),
    route: z.preprocess(
      (v) => (v === null ? undefined : v),
      fields({ origin: list(countryCode()), transit: list(countryCode()), destination: list(countryCode()) }).default({
        origin: [],
        transit: [],
        destination: [],
      }),
    ),
    seizures: list(
      fields({
        country: countryCode(),
        year: withKind(
          z
            .number({ error: (iss) => `Expected a seizure year such as 2021, got ${describeYamlValue(iss.input)}.` })
            .int()
            .min(SEIZURE_YEARS.min)
            .max(SEIZURE_YEARS.max),
          { kind: 'year', ...SEIZURE_YEARS },
        ),
        location: blankIsMissing(term(seizureLocations).optional()),
        quantity: optionalText('a quantity'),
      }),
    ),
    detection: list(term(detectionMethods)),
    keywords: list(text('a keyword')),
    indicators: nonEmptyList(text('an indicator'), 'indicator'),
    recommendedActions: nonEmptyList(text('a recommended action'), 'recommended action'),
    images: nonEmptyList(
      fields({
        src: imagePath(image),
        alt: text('alternative text describing the image for someone who cannot see it'),
        caption: optionalText('a caption'),
        credit: optionalText('a credit'),
        kind: term(imageKinds),
        tlp: blankIsMissing(tlpField().optional()),
      }),
      'image',
    ),
    related: list(noticeRef()),
    sources: nonEmptyList(
      fields({
        title: text('the title of the source'),
        publisher: text('the publisher of the source'),
        date: optionalDateOnly(),
        url: webUrl(),
      }),
      'source',
    ),
    changes: list(fields({ date: dateOnly(), summary: text('a summary of the change') })),
    aliases: list(
      withKind(
        z.string().refine((s) => SLUG.test(s), {
          error: (iss) => `Alias "${String(iss.input)}" is not a former slug: use lower-case letters, digits and hyphens.`,
        }),
        { kind: 'slug' },
      ),
    ),
  };
}

/** What the rules across fields read of a notice (every field may be absent in a draft). */
interface RuledNotice {
  status?: string;
  statusReason?: string;
  supersededBy?: string;
  published?: string;
  updated?: string;
}

/**
 * The rules across fields of a notice (status and its reason or successor, updated after published),
 * for the notice and the draft schema alike; a rule whose fields are absent says nothing.
 */
export function noticeRules(n: RuledNotice, ctx: z.RefinementCtx): void {
  // The schema's default status; a draft may leave it out.
  const status = n.status ?? 'active';
  if (status === 'superseded' && !n.supersededBy) {
    ctx.addIssue({
      code: 'custom',
      path: ['supersededBy'],
      message: 'A superseded notice must name its successor in supersededBy (a notice id).',
    });
  }
  if (status !== 'active' && !n.statusReason) {
    ctx.addIssue({ code: 'custom', path: ['statusReason'], message: `A ${status} notice must say why in statusReason.` });
  }
  if (status !== 'superseded' && n.supersededBy) {
    ctx.addIssue({ code: 'custom', path: ['supersededBy'], message: 'supersededBy is only for notices with status "superseded".' });
  }
  if (n.updated && n.published && n.updated < n.published) {
    ctx.addIssue({ code: 'custom', path: ['updated'], message: `updated (${n.updated}) is before published (${n.published}).` });
  }
}

/**
 * Builds the notice frontmatter schema. `image` is `imageRefField` in the collection,
 * or any string schema elsewhere.
 */
export function noticeSchema<T extends z.ZodType>(image: () => T) {
  return fields(noticeShape(image)).superRefine(noticeRules);
}

/** Notice frontmatter after validation (image type left open). */
export type NoticeData<Img = unknown> = Omit<z.output<ReturnType<typeof noticeSchema<z.ZodString>>>, 'images'> & {
  images: Array<Omit<z.output<ReturnType<typeof noticeSchema<z.ZodString>>>['images'][number], 'src'> & { src: Img }>;
};

/**
 * Key order of notice frontmatter: the order of the schema's fields (fieldOrder), which is the CMS
 * field order and the order the sample files keep (see tests).
 */
export const NOTICE_FIELD_ORDER = fieldOrder(noticeSchema(() => z.string()));
