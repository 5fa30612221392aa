/**
 * The objects every bundle of one build shares: the publishing organisation as an `identity` (the
 * `created_by_ref` of every object Modus creates) and the definition of the Modus notice property
 * extension (an `extension-definition`, whose `schema` is the published notice JSON Schema). Both are
 * marked TLP:CLEAR and dated `PUBLISHER_OBJECTS_DATE`: they change with the publisher's name or the site's
 * address, never with a notice, so a notice's bundle stays byte-identical while other notices change.
 */
import { JSON_FORMAT_VERSION } from '../format-version.ts';
import { documentSchemaPath } from '../paths.ts';
import { idNames, stixId } from './ids.ts';
import { TLP_MARKING_IDS } from './markings.ts';
import type { StixExtensionDefinition, StixIdentity } from './types.ts';

/** What the shared objects are made from: the build's settings. */
export interface StixPublisher {
  /** The publishing organisation's name (setting MODUS_PUBLISHER). */
  publisher: string;
  /** The address the build is served at, scheme and host (setting MODUS_SITE_URL), no trailing slash. */
  siteUrl: string;
}

/** `created` and `modified` of the identity and the extension definition (fixed: see the module comment). */
export const PUBLISHER_OBJECTS_DATE = '2026-01-01T00:00:00.000Z';

/** The `name` of the Modus notice extension definition. */
export const MODUS_EXTENSION_NAME = 'Modus notice';

/** The identity of the publishing organisation. */
export function publisherIdentity(p: StixPublisher): StixIdentity {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: stixId('identity', idNames.identity(p.publisher)),
    created_by_ref: stixId('identity', idNames.identity(p.publisher)),
    created: PUBLISHER_OBJECTS_DATE,
    modified: PUBLISHER_OBJECTS_DATE,
    name: p.publisher,
    identity_class: 'organization',
    object_marking_refs: [TLP_MARKING_IDS.CLEAR],
  };
}

/** The absolute address of the notice JSON Schema of the build at `siteUrl`. */
export function noticeSchemaUrl(siteUrl: string): string {
  return new URL(documentSchemaPath('notice'), siteUrl).href;
}

/** The definition of the Modus notice property extension of this publisher and site. */
export function modusExtensionDefinition(p: StixPublisher): StixExtensionDefinition {
  const schema = noticeSchemaUrl(p.siteUrl);
  return {
    type: 'extension-definition',
    spec_version: '2.1',
    id: stixId('extension-definition', idNames.extension(p.publisher, schema)),
    created_by_ref: publisherIdentity(p).id,
    created: PUBLISHER_OBJECTS_DATE,
    modified: PUBLISHER_OBJECTS_DATE,
    name: MODUS_EXTENSION_NAME,
    description:
      'The whole Modus notice, for a lossless exchange between Modus knowledge bases: `notice` holds its frontmatter as the ' +
      '`notice` of the notice document the schema describes (without `images`: STIX carries no image files), `body` its ' +
      'Markdown body and `translations` its translations by language (without images). `format` is "modus-notice" and ' +
      '`format_version` the version of the notice document.',
    schema,
    version: String(JSON_FORMAT_VERSION),
    extension_types: ['property-extension'],
    object_marking_refs: [TLP_MARKING_IDS.CLEAR],
  };
}
