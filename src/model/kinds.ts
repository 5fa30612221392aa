/**
 * What each frontmatter field *is* (a date, a country, a term of a vocabulary…), recorded on the
 * zod schemas themselves with a zod registry. The field factories in fields.ts and notice.ts register
 * their schemas here, so that anything generated from the schema (the Decap CMS forms in src/cms/)
 * reads the meaning from the schema instead of repeating it.
 */
import { z } from 'astro/zod';
import type { Vocabulary } from './vocabularies.ts';

/** The meaning of a leaf field. Structure (objects, lists, required, defaults) comes from zod itself. */
export type FieldKind =
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'country' }
  | { kind: 'term'; vocabulary: Vocabulary }
  | { kind: 'tlp' }
  | { kind: 'noticeId' }
  | { kind: 'noticeRef' }
  | { kind: 'url' }
  | { kind: 'image' }
  | { kind: 'slug' }
  | { kind: 'boolean' }
  | { kind: 'year'; min: number; max: number }
  | { kind: 'integer'; min: number; max: number };

/** Registry of field kinds, keyed by schema instance (zod 4 registries hold a WeakMap). */
export const fieldKinds = z.registry<FieldKind>();

/**
 * Registers `schema` as a field of `kind` and returns it unchanged (for use inside factories).
 * Register the innermost schema a factory builds (inside any preprocess): zod methods such as
 * `.refine()` or `.optional()` return new instances, which keep the inner one by reference, so the
 * CMS generator still finds the kind when a caller refines the field further.
 */
export function withKind<T extends z.ZodType>(schema: T, kind: FieldKind): T {
  fieldKinds.add(schema, kind);
  return schema;
}

/** The kind registered for exactly this schema instance, if any. */
export function kindOf(schema: z.ZodType): FieldKind | undefined {
  return fieldKinds.get(schema);
}
