/**
 * Checks across the notice collection that a per-file schema cannot make (field case F7):
 * unique ids and slugs, and every reference to a notice by id resolving exactly.
 */
import type { ContentProblem } from '../problems.ts';
import { noticeLookup } from './notice-lookup.ts';

/** What the collection checks need from each notice. `file` is the path shown to the editor. */
export interface NoticeRefs {
  file: string;
  slug: string;
  id: string;
  related: readonly string[];
  supersededBy?: string;
  aliases: readonly string[];
}

/** Slugs that would collide with the site's own routes under /notices/. */
export const RESERVED_SLUGS = new Set(['page', 'index']);

/**
 * Returns every problem: duplicate ids (naming both files), reserved or colliding slugs and aliases,
 * and `related`/`supersededBy` ids that match no notice (with a hint when only the case differs).
 */
export function checkNoticeReferences(notices: readonly NoticeRefs[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const { byId, unknownId } = noticeLookup(notices, (n) => n.id);
  for (const n of notices) {
    const prior = byId.get(n.id)!;
    if (prior !== n) {
      problems.push({
        file: n.file,
        field: 'id',
        message: `Duplicate id ${n.id}: ${prior.file} already uses it. Give this notice the next free id.`,
      });
    }
  }
  const slugOwner = new Map<string, string>();
  for (const n of notices) {
    if (RESERVED_SLUGS.has(n.slug)) {
      problems.push({
        file: n.file,
        field: '(folder name)',
        message: `The folder name "${n.slug}" is reserved by the site; rename the folder.`,
      });
    }
    slugOwner.set(n.slug, n.file);
  }
  const aliasOwner = new Map<string, string>();
  for (const n of notices) {
    n.aliases.forEach((alias, i) => {
      const slugOf = slugOwner.get(alias);
      const aliasOf = aliasOwner.get(alias);
      if (slugOf === n.file) {
        problems.push({ file: n.file, field: `aliases[${i}]`, message: `Alias "${alias}" is this notice's own slug; remove it.` });
      } else if (slugOf) {
        problems.push({
          file: n.file,
          field: `aliases[${i}]`,
          message: `Alias "${alias}" is the current slug of ${slugOf}; an alias must be a former slug no other notice uses.`,
        });
      } else if (aliasOf && aliasOf !== n.file) {
        problems.push({
          file: n.file,
          field: `aliases[${i}]`,
          message: `Alias "${alias}" is also an alias of ${aliasOf}; a former slug can lead to one notice only. Keep it on the notice that had that slug.`,
        });
      } else {
        aliasOwner.set(alias, n.file);
      }
    });
  }
  const checkRef = (n: NoticeRefs, field: string, ref: string) => {
    if (byId.has(ref)) {
      if (ref === n.id) problems.push({ file: n.file, field, message: `${ref} is this notice's own id; a notice cannot refer to itself.` });
      return;
    }
    problems.push({ file: n.file, field, message: unknownId(ref, 'Use the id of an existing notice (MO-YYYY-NNNN).') });
  };
  for (const n of notices) {
    n.related.forEach((ref, i) => checkRef(n, `related[${i}]`, ref));
    if (n.supersededBy) checkRef(n, 'supersededBy', n.supersededBy);
  }
  return problems;
}
