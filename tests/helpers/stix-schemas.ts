/**
 * The vendored OASIS STIX 2.1 JSON schemas (tests/fixtures/stix2-json-schemas, draft 2020-12) in one ajv
 * instance: every schema is added by its own `$id` (URLs under raw.githubusercontent.com), so `$ref`s
 * resolve among the local copies and nothing is ever fetched. `validateStixBundle` checks a bundle against
 * the bundle schema and each object against the schema of its own type.
 *
 * The vendored `common/bundle.json` lists the object schemas an item of `objects` may match, and its list
 * lacks some types of STIX 2.1 (location, grouping, incident, note, opinion, extension-definition: the
 * same gap as OASIS's issue about `infrastructure`). Such an object falls to the schema's branch for
 * custom objects, which requires exactly one of `core.json` and `cyber-observable-core.json`, and a valid
 * object matches both: every bundle holding a location would fail, whatever its content. So the bundle is
 * validated against a copy made in memory (`bundle-with-every-type.json`, beside the original so its
 * relative `$ref`s resolve the same way) whose list holds every SDO and SRO schema of the folder and the
 * extension definition; the vendored files stay unchanged, and each object is still validated against its
 * own type's schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const SCHEMAS = path.resolve('tests/fixtures/stix2-json-schemas/schemas');

/** The `$id` of every vendored schema by its path under `schemas/` (`common/bundle.json`, `sdos/location.json`). */
function loadSchemas(ajv: Ajv2020): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of fs.readdirSync(SCHEMAS, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!file.endsWith('.json')) continue;
    const schema = JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), 'utf8')) as { $id: string };
    ajv.addSchema(schema);
    ids.set(file.split(path.sep).join('/'), schema.$id);
  }
  return ids;
}

/** The `$id` of the completed bundle schema: the original's, with the new file name. */
const BUNDLE_WITH_EVERY_TYPE_ID = (ids: Map<string, string>) =>
  ids.get('common/bundle.json')!.replace(/bundle\.json$/, 'bundle-with-every-type.json');

type Schema = Record<string, unknown>;

/** The vendored bundle schema with every SDO, SRO and the extension definition in the list of object schemas. */
function bundleWithEveryType(ids: Map<string, string>): Schema {
  const original = JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'common/bundle.json'), 'utf8')) as Schema;
  const copy = structuredClone(original) as {
    $id: string;
    properties: {
      objects: {
        items: { anyOf: [{ oneOf: Array<{ $ref: string }> }, { allOf: [unknown, { properties: { type: { not: { enum: string[] } } } }] }] };
      };
    };
  };
  copy.$id = BUNDLE_WITH_EVERY_TYPE_ID(ids);
  const [listed, custom] = copy.properties.objects.items.anyOf;
  const have = new Set(listed.oneOf.map((s) => s.$ref));
  const extra = [...ids.keys()].filter((f) => /^(sdos|sros)\//.test(f) || f === 'common/extension-definition.json').map((f) => `../${f}`);
  for (const ref of extra) {
    if (have.has(ref)) continue;
    listed.oneOf.push({ $ref: ref });
    custom.allOf[1].properties.type.not.enum.push(path.basename(ref, '.json'));
  }
  return copy;
}

let compiled: { bundle: ValidateFunction; byType: Map<string, ValidateFunction> } | undefined;

/** The bundle validator and one validator per STIX type (SDOs, SROs, marking and extension definitions). */
function validators(): { bundle: ValidateFunction; byType: Map<string, ValidateFunction> } {
  if (compiled) return compiled;
  // strict: false: the OASIS schemas use `definitions` and annotation keywords ajv's strict mode refuses;
  // unicodeRegExp: false: their patterns escape `-` outside a class (`\-?$`), which the `u` flag refuses.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  // ajv-formats has no `idn-hostname` (used by an observable Modus never writes): accepted unchecked.
  ajv.addFormat('idn-hostname', true);
  const ids = loadSchemas(ajv);
  const get = (file: string) => ajv.getSchema(ids.get(file)!)!;
  ajv.addSchema(bundleWithEveryType(ids));
  ids.set('common/bundle-with-every-type.json', BUNDLE_WITH_EVERY_TYPE_ID(ids));
  const byType = new Map<string, ValidateFunction>();
  for (const file of ids.keys()) {
    const [folder, name] = file.split('/') as [string, string];
    if (folder === 'sdos' || folder === 'sros') byType.set(name.replace(/\.json$/, ''), get(file));
  }
  byType.set('marking-definition', get('common/marking-definition.json'));
  byType.set('extension-definition', get('common/extension-definition.json'));
  compiled = { bundle: get('common/bundle-with-every-type.json'), byType };
  return compiled;
}

/** One schema failure: where in the bundle, and ajv's words. */
export interface StixSchemaError {
  where: string;
  errors: string[];
}

const describe = (errors: ErrorObject[] | null | undefined): string[] =>
  (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);

/**
 * Every schema failure of `bundle`: against the bundle schema, then each object against its own type's
 * schema (an object of a type without a schema is a failure too: Modus writes none). [] when it validates.
 */
export function validateStixBundle(bundle: unknown): StixSchemaError[] {
  const { bundle: validateBundle, byType } = validators();
  const out: StixSchemaError[] = [];
  if (!validateBundle(bundle)) out.push({ where: 'bundle', errors: describe(validateBundle.errors) });
  const objects = (bundle as { objects?: unknown }).objects;
  for (const [i, o] of (Array.isArray(objects) ? objects : []).entries()) {
    const type = (o as { type?: unknown }).type;
    const where = `objects[${i}] ${(o as { id?: string }).id ?? ''}`;
    const validate = typeof type === 'string' ? byType.get(type) : undefined;
    if (!validate) out.push({ where, errors: [`no OASIS schema for type ${String(type)}`] });
    else if (!validate(o)) out.push({ where, errors: describe(validate.errors) });
  }
  return out;
}
