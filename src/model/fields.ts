/**
 * Reusable zod field types for frontmatter, with messages an editor can act on:
 * each says what was expected and how to fix it. YAML pitfalls (field case F5) are caught here:
 * an unquoted date, number or yes/no where text is expected is rejected with a hint to quote it.
 */
import { z } from 'astro/zod';
import { canonicalCountryCode, isCountryCode } from './countries.ts';
import { slugsOf, type Vocabulary } from './vocabularies.ts';
import { withKind } from './kinds.ts';
import { NOTICE_ID } from './notice-ids.ts';

/** Describes what YAML produced, for messages: "a date", "a number", "true/false", "an empty value". */
export function describeYamlValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true/false';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `"${value}"`;
  return `a ${typeof value}`; // bigint, symbol, function: YAML reads none of these from a notice
}

function quoteHint(value: unknown): string {
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean') {
    return ` YAML read the value as ${describeYamlValue(value)}; put it in quotes, e.g. "…", to keep it as text.`;
  }
  return '';
}

/**
 * The text YAML turned into a Date: an unquoted date-only value (`2023-05-01`, which YAML reads as
 * midnight UTC) is given back as that exact text. Decap CMS writes such strings unquoted (its YAML
 * 1.2 core schema has no timestamps), so a date-like title typed in the CMS must survive (field
 * case F5). Anything else is returned unchanged.
 */
export function dateLikeText(value: unknown): unknown {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const iso = value.toISOString();
    if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  }
  return value;
}

/**
 * Non-empty text (trimmed length ≥ 1). An unquoted date-only value is kept as its text
 * (`dateLikeText`); numbers, booleans and timestamps YAML made of unquoted values are rejected with
 * a hint to quote them.
 */
export function text(what = 'text') {
  return z.preprocess(
    dateLikeText,
    withKind(
      z
        .string({ error: (iss) => `Expected ${what}, got ${describeYamlValue(iss.input)}.${quoteHint(iss.input)}` })
        .refine((s) => s.trim().length > 0, { message: `Expected ${what}, got an empty value.` }),
      { kind: 'text' },
    ),
  );
}

/**
 * `schema` with a blank value read as missing: `null` and `""` become `undefined` before `schema`
 * sees them, since the CMS writes any of the three for a field left empty. Pass an optional or
 * defaulted schema (`countryCode().optional()`, `term(x).default('active')`); other values reach
 * `schema` unchanged, so its messages stay its own.
 */
export function blankIsMissing<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === null || v === '' ? undefined : v), schema);
}

/** Optional text: a missing key, `null` or `""` all mean "not given" (the CMS writes any of them). */
export function optionalText(what = 'text') {
  return blankIsMissing(text(what).optional());
}

/** A list that may be missing from the file (the CMS omits empty lists, field case F6): defaults to `[]`. */
export function list<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === null ? undefined : v), z.array(item).default([]));
}

/** A list that must hold at least one item. */
export function nonEmptyList<T extends z.ZodType>(item: T, what: string) {
  return z
    .array(item, { error: (iss) => `Expected a list of ${what}, got ${describeYamlValue(iss.input)}.` })
    .min(1, { message: `Give at least one ${what}.` });
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written YYYY-MM-DD. */
export function isDateOnly(s: string): boolean {
  const m = DATE_ONLY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/**
 * A date-only value, output as the string `YYYY-MM-DD` (never a Date, so no time zone can shift it,
 * field case F4). Accepts the quoted string, or the Date YAML makes of an unquoted `2024-03-01`
 * (always midnight UTC, read back in UTC). A date with a time of day is rejected.
 */
export function dateOnly() {
  return z.preprocess(
    (v) => {
      if (v instanceof Date && !Number.isNaN(v.getTime())) {
        const iso = v.toISOString();
        return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso} (has a time of day)`;
      }
      return v;
    },
    withKind(
      z
        .string({ error: (iss) => `Expected a date written YYYY-MM-DD, got ${describeYamlValue(iss.input)}.` })
        .refine(isDateOnly, { error: (iss) => `Expected a date written YYYY-MM-DD (e.g. 2024-03-01), got "${String(iss.input)}".` }),
      { kind: 'date' },
    ),
  );
}

/** An optional date-only value (missing, null or "" mean not given). */
export function optionalDateOnly() {
  return blankIsMissing(dateOnly().optional());
}

/** One value of a controlled vocabulary; the error lists the allowed slugs. */
export function term<S extends string>(vocab: Vocabulary<S>) {
  const slugs = slugsOf(vocab);
  return withKind(
    z.enum(slugs, {
      error: (iss) => `${describeYamlValue(iss.input)} is not a known ${vocab.name}. Allowed values: ${slugs.join(', ')}.`,
    }),
    { kind: 'term', vocabulary: vocab },
  );
}

/**
 * An ISO 3166-1 alpha-2 country code. Editors' variants are made canonical first (`" nl"` → `"NL"`,
 * field case F2); an unknown code fails naming the value. `false` (YAML 1.1's reading of NO) gets a hint.
 */
export function countryCode() {
  return z.preprocess(
    canonicalCountryCode,
    withKind(
      z
        .string({
          error: (iss) =>
            `Expected an ISO 3166-1 alpha-2 country code such as "NL", got ${describeYamlValue(iss.input)}.${quoteHint(iss.input)}`,
        })
        .refine(isCountryCode, {
          error: (iss) =>
            `"${String(iss.input)}" is not an ISO 3166-1 alpha-2 country code. Use two letters such as "NL" (Netherlands) or "NO" (Norway).`,
        }),
      { kind: 'country' },
    ),
  );
}

/**
 * Notice ids: `MO-YYYY-NNNN`, upper case (our own numbering, never an INTERPOL number). Defined in
 * src/model/notice-ids.ts, which the CMS's browser code imports without zod or the country lists.
 */
export { NOTICE_ID, NOTICE_ID_IN_TEXT } from './notice-ids.ts';

/** A notice id as written in the notice itself. */
export function noticeId() {
  return withKind(
    z
      .string({ error: (iss) => `Expected a notice id such as MO-2024-0001, got ${describeYamlValue(iss.input)}.` })
      .refine((s) => NOTICE_ID.test(s), {
        error: (iss) => {
          const s = String(iss.input);
          return NOTICE_ID.test(s.trim().toUpperCase())
            ? `Notice id "${s}" must be written exactly as MO-YYYY-NNNN in upper case: "${s.trim().toUpperCase()}".`
            : `Expected a notice id such as MO-2024-0001 (MO-, year, four digits), got "${s}".`;
        },
      }),
    { kind: 'noticeId' },
  );
}

/**
 * A reference to a notice by id (in `related`, `supersededBy`, course cases). Only the shape is
 * checked here; whether a notice has that id is checked across the collection (field case F7).
 */
export function noticeRef() {
  return withKind(z.string({ error: (iss) => `Expected a notice id such as MO-2024-0001, got ${describeYamlValue(iss.input)}.` }), {
    kind: 'noticeRef',
  });
}

/** A web address for a source: http or https only (no `javascript:` or other schemes). */
export function webUrl() {
  return blankIsMissing(
    withKind(
      z
        .string({ error: (iss) => `Expected a web address, got ${describeYamlValue(iss.input)}.` })
        .refine((s) => /^https?:\/\/[^\s]+$/i.test(s) && URL.canParse(s), {
          error: (iss) => `Expected a web address starting with https:// or http://, got "${String(iss.input)}".`,
        }),
      { kind: 'url' },
    ).optional(),
  );
}

/** A URL path segment used as a slug (folder name or alias): lower-case letters, digits and hyphens. */
export const SLUG = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

/** Edit distance between two short strings (for "did you mean"). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The known field an unknown key was probably meant to be, if any (case, plural, small typo). */
export function likelyField(key: string, known: readonly string[]): string | undefined {
  const k = key.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const n = name.toLowerCase();
    const d = n === k ? 0 : n.startsWith(k) || k.startsWith(n) ? 1 : distance(k, n);
    if (d <= Math.max(2, Math.floor(n.length / 4)) && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

/**
 * An object of fields that refuses unknown keys: a misspelt field (`keyword:` for `keywords:`) would
 * otherwise be dropped silently, and what the editor wrote would vanish from the page. The message
 * names each unknown key, the likely intended field, and the known fields. `expected` describes the
 * object for a value of the wrong type.
 */
export function fields<S extends z.ZodRawShape>(shape: S, expected?: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys') {
        return (
          iss.keys
            .map((key) => {
              const meant = likelyField(key, known);
              return `Unknown field "${key}"${meant ? `: did you mean "${meant}"?` : '.'}`;
            })
            .join(' ') + ` Known fields here: ${known.join(', ')}.`
        );
      }
      return expected ? `Expected ${expected}, got ${describeYamlValue(iss.input)}.` : undefined;
    },
  });
}

/**
 * The keys of an object schema in declaration order: the one source of a frontmatter key order (the
 * CMS form's field order, the key order Decap writes, the order the sample files keep). For nested
 * objects, pass the nested object's schema (a course's modules: `fieldOrder(moduleSchema())`).
 */
export function fieldOrder<S extends z.ZodRawShape>(schema: { shape: S }): ReadonlyArray<keyof S & string> {
  return Object.freeze(Object.keys(schema.shape) as Array<keyof S & string>);
}
