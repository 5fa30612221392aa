/**
 * Versions of the exchange formats Modus publishes under `/data/` (docs/exchange.md). Every JSON document
 * and the CSV header carry the version of their format; a reader refuses a major version it does not know.
 * Raise the version on any change of the fields (added, removed, renamed, changing meaning): the published JSON
 * Schemas refuse fields they do not list, so a field added under the same version would fail its own schema.
 */

/** Version of the JSON documents (notice, course, index) and their JSON Schemas. */
export const JSON_FORMAT_VERSION = 1;

/** Version of the notices CSV (its columns and how lists are joined). */
export const CSV_FORMAT_VERSION = 1;
