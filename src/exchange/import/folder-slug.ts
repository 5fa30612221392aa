/**
 * The folder name of an imported notice, made from its title as the CMS makes a slug from a title
 * (Decap's `slug` settings in src/cms/node/config.ts: ASCII, accents removed, anything else a hyphen)
 * with github-slugger's rules (lower case, punctuation dropped, spaces as hyphens), so an imported notice
 * sits beside the others under a name like theirs, e.g. `cocaine-in-sea-chest`.
 */
import { slug as githubSlug } from 'github-slugger';
import { RESERVED_SLUGS } from '../../loading/checks/references.ts';
import { SLUG } from '../../model/fields.ts';

/** Longest folder name made from a title, in characters (cut at a hyphen). */
export const FOLDER_SLUG_MAX = 60;

/**
 * The slug of `title`: accents removed, github-slugger's slug, only `a-z`, `0-9` and single hyphens,
 * at most FOLDER_SLUG_MAX characters. '' when nothing is left (a title in Arabic script, say).
 */
export function titleSlug(title: string): string {
  const ascii = title.normalize('NFKD').replace(/\p{M}/gu, '');
  let slug = githubSlug(ascii)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > FOLDER_SLUG_MAX) {
    const cut = slug.slice(0, FOLDER_SLUG_MAX + 1);
    slug = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, FOLDER_SLUG_MAX);
  }
  return slug;
}

/**
 * A folder name for a notice titled `title` with id `id` that is not in `taken` (folder names and
 * aliases under `notices/`, and the names given earlier in the same import) nor reserved by the site:
 * `preferred` (the folder name the notice had where it was exported) when it is a valid slug and free, else
 * the title's slug (else the id in lower case), then `-2`, `-3`… Adds the name to `taken`.
 */
export function freeFolderSlug(title: string, id: string, taken: Set<string>, preferred?: string): string {
  if (preferred && SLUG.test(preferred) && !taken.has(preferred) && !RESERVED_SLUGS.has(preferred)) {
    taken.add(preferred);
    return preferred;
  }
  const base = titleSlug(title) || id.toLowerCase();
  let slug = base;
  for (let n = 2; taken.has(slug) || RESERVED_SLUGS.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}
