/**
 * The draft form of the notice schema (docs/content-model.md, "Drafts"). An import writes a notice
 * that lacks what publishing requires (STIX and CSV carry no image files) as a draft: `draft: true`.
 * A draft is checked with the same field schemas as a notice (src/model/notice.ts), but only `id`,
 * `title` and `tlp` are required: every other field may be absent (or an empty list), and is checked
 * when present. A draft is never built into any audience; an editor finishes it in the CMS and unticks
 * "Draft", and from then on the full notice schema applies.
 */
import { z } from 'astro/zod';
import { fields } from './fields.ts';
import { noticeRules, noticeShape } from './notice.ts';

/** The fields a draft must have: what names it and who may see it. */
export const DRAFT_REQUIRED = ['id', 'title', 'tlp'] as const;

/** A field of a draft: absent, `null`, `""` and `[]` mean "not given yet"; any other value is checked as in a notice. */
function draftOptional<T extends z.ZodType>(field: T) {
  return z.preprocess((v) => (v === null || v === '' || (Array.isArray(v) && v.length === 0) ? undefined : v), field.optional());
}

/**
 * Builds the draft schema: the notice's fields (`image` as in `noticeSchema`) with only DRAFT_REQUIRED
 * required, and the notice's rules across fields (they say nothing about absent fields).
 */
export function draftSchema<T extends z.ZodType>(image: () => T) {
  const shape = noticeShape(image);
  const required = new Set<string>(DRAFT_REQUIRED);
  const draftShape = Object.fromEntries(
    Object.entries(shape).map(([name, field]) => [name, required.has(name) ? field : draftOptional(field as z.ZodType)]),
  ) as unknown as { [K in keyof typeof shape]: z.ZodType };
  return fields(draftShape).superRefine((n, ctx) => noticeRules(n as Parameters<typeof noticeRules>[0], ctx));
}

/** True when a notice's frontmatter (as read, not yet validated) marks it as a draft: `draft: true`. */
export function isDraft(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>).draft === true;
}
