/** Text formats of the generated files: YAML frontmatter, slugs, dates. */
import YAML from 'yaml';

/**
 * Writes `index.mdx`-ready frontmatter (YAML text, without the `---` lines): keys in `order` (NOTICE_FIELD_ORDER
 * or COURSE_FIELD_ORDER), every string double-quoted (so no title or keyword is read as a date, number or
 * yes/no). The CMS quotes only where needed (src/cms/node/decap-format.ts), so a save through the CMS may
 * drop these quotes. Throws when `data` has a field `order` does not name.
 */
export function frontmatter(data, order) {
  const ordered = {};
  for (const k of order) if (data[k] !== undefined) ordered[k] = data[k];
  for (const k of Object.keys(data))
    if (data[k] !== undefined && !(k in ordered)) throw new Error(`corpus: field "${k}" is not in the field order`);
  return YAML.stringify(ordered, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
}

/** `s` as a URL slug: lower case ASCII letters and digits joined by single hyphens. */
export function slugify(s) {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The date `y`-`m`-`d` as YYYY-MM-DD (month and day zero-padded). */
export function date(y, m, d) {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
