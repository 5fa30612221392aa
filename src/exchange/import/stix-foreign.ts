/**
 * A notice draft from an attack-pattern another system wrote (no Modus extension): what STIX says that a
 * notice has a field for. Title from `name`, summary from `description` (a description longer than a
 * summary may be is cut, and given whole in the body), the id from a `modus` external reference, the
 * recommended actions from the courses of action that mitigate it, the route and seizure countries from
 * its relationships to locations, the sources from its other external references, the dates from
 * `created` and `modified`. Everything else is left for the editor (the draft says what is missing).
 */
import { SUMMARY_MAX } from '../../model/notice.ts';
import { NOTICE_ID } from '../../model/notice-ids.ts';
import { isLanguage } from '../../model/languages.ts';
import { isCountryCode } from '../../model/countries.ts';
import { LOCATION_RELATIONSHIPS, MODUS_SOURCE_NAME } from '../stix/notice-objects.ts';
import type { StixIndex, StixRecord } from './stix-bundle.ts';

/** `value` trimmed when it is a string, else ''. */
const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The frontmatter and body of the draft of `ap` (its `tlp` and `draft` are set by the caller). */
export function foreignNotice(ap: StixRecord, objects: StixIndex): { frontmatter: Record<string, unknown>; body: string } {
  const refs = Array.isArray(ap.external_references) ? (ap.external_references as Array<Record<string, unknown>>) : [];
  const modusRef = refs.find(
    (r) => r.source_name === MODUS_SOURCE_NAME && typeof r.external_id === 'string' && NOTICE_ID.test(r.external_id),
  );
  const id = modusRef?.external_id as string | undefined;
  const name = typeof ap.name === 'string' ? ap.name.trim() : '';
  const title = id && name.startsWith(`${id}: `) ? name.slice(id.length + 2) : name;
  const description = typeof ap.description === 'string' ? ap.description.trim() : '';
  const notes: string[] = [];
  let summary = description || undefined;
  if (description.length > SUMMARY_MAX) {
    summary = `${description.slice(0, SUMMARY_MAX - 1).replace(/\s+\S*$/, '')}…`;
    notes.push(
      `The STIX description was longer than a summary may be (${SUMMARY_MAX} characters): the summary is its beginning, and here it is in full:\n\n${description}`,
    );
  }

  // Relationships of the attack-pattern, in the order of the file.
  const relationships = [...objects.values()].filter((o) => o.type === 'relationship');
  const actions = relationships
    .filter((r) => r.relationship_type === 'mitigates' && r.target_ref === ap.id)
    .map((r) => objects.get(String(r.source_ref)))
    .filter((c): c is StixRecord => c?.type === 'course-of-action')
    .map((c) => textOf(c.description) || textOf(c.name))
    .filter(Boolean);
  const countryOf = (r: StixRecord): string | undefined => {
    const loc = objects.get(String(r.target_ref));
    const code = loc?.type === 'location' && typeof loc.country === 'string' ? loc.country.trim().toUpperCase() : undefined;
    return code && isCountryCode(code) ? code : undefined;
  };
  const fromAp = relationships.filter((r) => r.source_ref === ap.id);
  const countries = (type: string) =>
    [
      ...new Set(
        fromAp
          .filter((r) => r.relationship_type === type)
          .map(countryOf)
          .filter((c) => c !== undefined),
      ),
    ].sort();
  const route = {
    origin: countries(LOCATION_RELATIONSHIPS.origin),
    transit: countries(LOCATION_RELATIONSHIPS.transit),
    destination: countries(LOCATION_RELATIONSHIPS.destination),
  };
  const seizures: Array<{ country: string; year: number }> = [];
  for (const r of fromAp.filter((x) => x.relationship_type === LOCATION_RELATIONSHIPS.seizure)) {
    const country = countryOf(r);
    if (!country) continue;
    const years = [...textOf(r.description).matchAll(/\b(19\d{2}|20\d{2}|2100)\b/g)].map((m) => Number(m[1]));
    if (!years.length && typeof r.start_time === 'string') years.push(Number(r.start_time.slice(0, 4)));
    if (years.length) for (const year of new Set(years)) seizures.push({ country, year });
    else notes.push(`A seizure in ${country} (relationship ${r.id}) came without a year: add it under Seizures.`);
  }
  const sources = refs
    .filter((r) => r !== modusRef && typeof r.source_name === 'string')
    .map((r) => ({
      title: textOf(r.description) || textOf(r.external_id) || String(r.source_name),
      publisher: String(r.source_name),
      ...(typeof r.url === 'string' ? { url: r.url } : {}),
    }));
  const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? v.slice(0, 10) : undefined);
  const published = day(ap.created);
  const modified = day(ap.modified);
  const frontmatter: Record<string, unknown> = {
    ...(id ? { id } : {}),
    ...(typeof ap.lang === 'string' && isLanguage(ap.lang) ? { language: ap.lang } : {}),
    title,
    ...(summary ? { summary } : {}),
    ...(published ? { published } : {}),
    ...(modified && modified !== published ? { updated: modified } : {}),
    ...(route.origin.length || route.transit.length || route.destination.length ? { route } : {}),
    ...(seizures.length ? { seizures } : {}),
    ...(actions.length ? { recommendedActions: actions } : {}),
    ...(sources.length ? { sources } : {}),
  };
  const body = notes.length ? `Imported from STIX (${ap.id}).\n\n${notes.join('\n\n')}\n` : '';
  return { frontmatter, body };
}
