/**
 * The envelope of a STIX 2.1 import file (src/exchange/import/read-stix.ts): UTF-8 JSON holding a bundle
 * of objects that each have a type and an id, in STIX 2.1; and the references of the objects an import
 * reads, which must resolve inside the bundle (the official TLP marking definitions excepted: platforms
 * often leave them out, and every reader knows them).
 */
import type { ImportProblem } from './candidate.ts';
import { TLP_1_0_MARKING_IDS, TLP_MARKING_IDS } from '../stix/markings.ts';

/** A STIX object as read: its properties, with at least a string `type` and `id`. */
export type StixRecord = Record<string, unknown> & { type: string; id: string };

/** The objects of a bundle by id, in the order of the file. */
export type StixIndex = Map<string, StixRecord>;

/** The official marking-definition ids a bundle may refer to without holding them. */
const WELL_KNOWN = new Set<string>([...Object.values(TLP_MARKING_IDS), ...Object.keys(TLP_1_0_MARKING_IDS)]);

/**
 * The objects of the bundle in `text` (bytes are read as UTF-8), or the problems that make it no STIX
 * 2.1 bundle: not UTF-8, not JSON, not a bundle, an object without a type or id, an id used twice, an
 * object of another STIX version.
 */
export function readBundle(file: string, text: string | Uint8Array): { objects: StixIndex; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const problem = (where: string, field: string, message: string) => problems.push({ file, where, field, message });
  const objects: StixIndex = new Map();
  let source: string;
  try {
    source = typeof text === 'string' ? text : new TextDecoder('utf-8', { fatal: true }).decode(text);
  } catch {
    problem('', '', 'The file is not UTF-8 text: a STIX 2.1 bundle is JSON in UTF-8. Export it again as UTF-8.');
    return { objects, problems };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (e) {
    problem('', '', `The file is not JSON (${(e as Error).message}): a STIX 2.1 bundle is a JSON object with "type": "bundle".`);
    return { objects, problems };
  }
  const bundle = parsed as { type?: unknown; spec_version?: unknown; objects?: unknown };
  if (!bundle || typeof bundle !== 'object' || Array.isArray(bundle) || bundle.type !== 'bundle' || !Array.isArray(bundle.objects)) {
    problem('', 'type', 'The file is not a STIX bundle: expected a JSON object with "type": "bundle" and a list of "objects".');
    return { objects, problems };
  }
  if (bundle.spec_version !== undefined) {
    // Only STIX 2.0 bundles carry a spec_version; STIX 2.1 bundles never do.
    problem(
      '',
      'spec_version',
      `The bundle is STIX ${JSON.stringify(bundle.spec_version)}: Modus reads STIX 2.1 only. Export it as STIX 2.1.`,
    );
    return { objects, problems };
  }
  bundle.objects.forEach((o: unknown, i) => {
    const where = `objects[${i}]`;
    if (!o || typeof o !== 'object' || Array.isArray(o)) return problem(where, '', 'Expected a STIX object (a JSON object).');
    const r = o as Record<string, unknown>;
    if (typeof r.type !== 'string' || typeof r.id !== 'string')
      return problem(where, 'id', 'Expected a STIX object with a "type" and an "id".');
    if (objects.has(r.id))
      return problem(r.id, 'id', `The id is used by two objects of the bundle (the second is ${where}); each object must have its own id.`);
    // Cyber-observable objects may leave spec_version out; every other object must say 2.1.
    if (r.spec_version !== undefined && r.spec_version !== '2.1') {
      return problem(
        r.id,
        'spec_version',
        `The object is STIX ${JSON.stringify(r.spec_version)}: Modus reads STIX 2.1 only ("spec_version": "2.1").`,
      );
    }
    if (
      r.spec_version === undefined &&
      ['attack-pattern', 'course-of-action', 'location', 'relationship', 'marking-definition'].includes(r.type)
    ) {
      return problem(r.id, 'spec_version', 'The object has no "spec_version": a STIX 2.1 object says "spec_version": "2.1".');
    }
    objects.set(r.id, r as StixRecord);
  });
  return { objects, problems };
}

/** Each reference of `object` (keys ending `_ref` or `_refs`, at any depth outside `extensions`), with its field path. */
function referencesOf(value: unknown, at: string, out: Array<{ field: string; ref: unknown }>): void {
  if (Array.isArray(value)) value.forEach((v, i) => referencesOf(v, `${at}.${i}`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const field = at ? `${at}.${k}` : k;
      if (k === 'extensions') continue;
      if (k.endsWith('_ref')) out.push({ field, ref: v });
      else if (k.endsWith('_refs') && Array.isArray(v)) v.forEach((r, i) => out.push({ field: `${field}.${i}`, ref: r }));
      else referencesOf(v, field, out);
    }
  }
}

/** A problem for each reference of `object` that names no object of the bundle (nor an official TLP marking). */
export function brokenReferences(file: string, object: StixRecord, objects: StixIndex): ImportProblem[] {
  const refs: Array<{ field: string; ref: unknown }> = [];
  referencesOf(object, '', refs);
  return refs
    .filter(({ ref }) => typeof ref !== 'string' || (!objects.has(ref) && !WELL_KNOWN.has(ref)))
    .map(({ field, ref }) => ({
      file,
      where: object.id,
      field,
      message: `The reference ${JSON.stringify(ref)} names no object of the bundle: export the bundle with the objects it refers to.`,
    }));
}
