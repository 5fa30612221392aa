/**
 * The STIX 2.1 objects of one notice (docs/exchange.md, "STIX 2.1"): the notice as an `attack-pattern`
 * (with the whole notice in the Modus property extension), each recommended action as a
 * `course-of-action` that `mitigates` it, and the countries of its route and seizures as shared
 * `location`s linked by relationships that name their role. Pure: the same notice gives the same objects,
 * byte for byte.
 */
import type { NoticeData } from '../../model/notice.ts';
import type { Language } from '../../model/languages.ts';
import { countryName } from '../../model/countries.ts';
import { labelOf, seizureLocations } from '../../model/vocabularies.ts';
import { idUrl } from '../../knowledge/urls.ts';
import { JSON_FORMAT_VERSION } from '../format-version.ts';
import { actionName, attackPatternDescription } from './description.ts';
import { idNames, stixId } from './ids.ts';
import { TLP_MARKING_IDS } from './markings.ts';
import { PUBLISHER_OBJECTS_DATE, modusExtensionDefinition, publisherIdentity, type StixPublisher } from './publisher.ts';
import type { StixAttackPattern, StixCourseOfAction, StixExternalReference, StixLocation, StixObject, StixRelationship } from './types.ts';

/** A notice's frontmatter as the STIX export takes it: every field but `images`. */
export type StixNoticeData = Omit<NoticeData, 'images'>;

/** A notice as the STIX export takes it: only what the build's audience may see. */
export interface StixNoticeInput {
  /** Its slug (folder name). */
  slug: string;
  /**
   * Its frontmatter as validated, cut to the audience by the caller: `related` and `supersededBy` name only
   * notices the audience may see. Without `images`: STIX carries no image files (and a notice's STIX
   * bundle does not change when only its images do).
   */
  data: StixNoticeData;
  /** Its Markdown body, when the build has it (left out of the extension when undefined). */
  body?: string;
  /** Its translations the audience may see: frontmatter (images are left out) and body when the build has it. */
  translations: Partial<Record<Language, { frontmatter: Record<string, unknown>; body?: string }>>;
}

/** The relationship types from a notice's attack-pattern to a country, by the country's role. */
export const LOCATION_RELATIONSHIPS = {
  origin: 'route-origin',
  transit: 'route-transit',
  destination: 'route-destination',
  seizure: 'seized-in',
} as const;

/** The `source_name` of the external reference that carries a notice's id and permanent link. */
export const MODUS_SOURCE_NAME = 'modus';

/** A date-only value (`2025-01-20`) as a STIX timestamp at the start of that day, UTC. */
export function dayStart(date: string): string {
  return `${date}T00:00:00.000Z`;
}

/** `created` (published) and `modified` (the last of updated, the latest change's date and published) of a notice. */
export function noticeTimes(d: Pick<NoticeData, 'published' | 'updated' | 'changes'>): { created: string; modified: string } {
  const dates = [d.published, ...(d.updated ? [d.updated] : []), ...d.changes.map((c) => c.date)];
  return { created: dayStart(d.published), modified: dayStart(dates.reduce((a, b) => (b > a ? b : a))) };
}

/** A copy of frontmatter without its images (STIX carries no image files). */
function withoutImages(frontmatter: Record<string, unknown>): Record<string, unknown> {
  const { images: _images, ...rest } = frontmatter;
  return rest;
}

/** The value of the Modus extension on a notice's attack-pattern: the whole notice but its images. */
export function modusExtensionValue(n: StixNoticeInput): Record<string, unknown> {
  const translations = Object.entries(n.translations).map(([lang, t]) => [
    lang,
    { notice: withoutImages(t.frontmatter), ...(t.body === undefined ? {} : { body: t.body }) },
  ]);
  return {
    extension_type: 'property-extension',
    format: 'modus-notice',
    format_version: JSON_FORMAT_VERSION,
    slug: n.slug,
    notice: n.data,
    ...(n.body === undefined ? {} : { body: n.body }),
    ...(translations.length ? { translations: Object.fromEntries(translations) } : {}),
  };
}

/** The location of a country, shared by every notice (TLP:CLEAR: a country's name is no secret). */
export function countryLocation(code: string, p: StixPublisher): StixLocation {
  return {
    type: 'location',
    spec_version: '2.1',
    id: stixId('location', idNames.location(code)),
    created_by_ref: publisherIdentity(p).id,
    created: PUBLISHER_OBJECTS_DATE,
    modified: PUBLISHER_OBJECTS_DATE,
    name: countryName(code),
    country: code,
    object_marking_refs: [TLP_MARKING_IDS.CLEAR],
  };
}

/** Sorted unique values. */
const unique = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/**
 * Every object one notice adds to a bundle (not the shared identity, extension definition and marking
 * definitions): its attack-pattern, courses of action, locations and relationships.
 */
export function noticeObjects(n: StixNoticeInput, p: StixPublisher): StixObject[] {
  const d = n.data;
  const { created, modified } = noticeTimes(d);
  const createdBy = publisherIdentity(p).id;
  const marking = [TLP_MARKING_IDS[d.tlp]];
  const common = { spec_version: '2.1' as const, created_by_ref: createdBy, created, modified };
  const sources: StixExternalReference[] = d.sources.map((s) => ({
    source_name: s.publisher,
    description: s.date ? `${s.title} (${s.date})` : s.title,
    ...(s.url ? { url: s.url } : {}),
  }));
  const attackPattern: StixAttackPattern = {
    type: 'attack-pattern',
    ...common,
    id: stixId('attack-pattern', idNames.attackPattern(d.id)),
    name: `${d.id}: ${d.title}`,
    description: attackPatternDescription(d),
    lang: d.language,
    external_references: [{ source_name: MODUS_SOURCE_NAME, url: new URL(idUrl(d.id), p.siteUrl).href, external_id: d.id }, ...sources],
    object_marking_refs: marking,
    extensions: { [modusExtensionDefinition(p).id]: modusExtensionValue(n) },
  };
  const relationship = (type: string, source: string, target: string, description?: string): StixRelationship => ({
    type: 'relationship',
    ...common,
    id: stixId('relationship', idNames.relationship(source, type, target)),
    relationship_type: type,
    ...(description ? { description } : {}),
    source_ref: source,
    target_ref: target,
    object_marking_refs: marking,
  });
  const objects: StixObject[] = [attackPattern];
  d.recommendedActions.forEach((action, i) => {
    const course: StixCourseOfAction = {
      type: 'course-of-action',
      ...common,
      id: stixId('course-of-action', idNames.courseOfAction(d.id, i + 1)),
      name: actionName(action),
      description: action,
      object_marking_refs: marking,
    };
    objects.push(course, relationship('mitigates', course.id, attackPattern.id));
  });
  const countries = new Set<string>();
  const toCountry = (type: string, code: string, description?: string) => {
    countries.add(code);
    objects.push(relationship(type, attackPattern.id, stixId('location', idNames.location(code)), description));
  };
  for (const role of ['origin', 'transit', 'destination'] as const) {
    for (const code of unique(d.route[role])) toCountry(LOCATION_RELATIONSHIPS[role], code);
  }
  for (const code of unique(d.seizures.map((s) => s.country))) {
    const here = d.seizures.filter((s) => s.country === code);
    const description = here
      .map((s) => {
        const details = [s.location && labelOf(seizureLocations, s.location), s.quantity].filter(Boolean);
        return `Seized in ${s.year}${details.length ? ` (${details.join(', ')})` : ''}`;
      })
      .join('; ');
    toCountry(LOCATION_RELATIONSHIPS.seizure, code, description);
  }
  for (const code of countries) objects.push(countryLocation(code, p));
  return objects;
}
