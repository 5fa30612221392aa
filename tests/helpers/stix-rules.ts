/**
 * The STIX 2.1 rules the OASIS JSON schemas cannot express, checked on a whole bundle: every id is
 * `<type>--<UUID>` with the object's own type; ids are unique; every `*_ref`, `*_refs` and
 * `object_marking_refs` (at any depth) names an object of the bundle; `modified` is not before `created`;
 * a relationship joins the types its relationship type is for.
 */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';

/** The source and target types each relationship type of Modus joins. */
export const RELATIONSHIP_ENDS: Record<string, [string, string]> = {
  mitigates: ['course-of-action', 'attack-pattern'],
  'route-origin': ['attack-pattern', 'location'],
  'route-transit': ['attack-pattern', 'location'],
  'route-destination': ['attack-pattern', 'location'],
  'seized-in': ['attack-pattern', 'location'],
};

type Obj = Record<string, unknown>;

/** Every reference in `value` (keys ending `_ref` or `_refs`, at any depth but inside `extensions`), with its path. */
function references(value: unknown, at: string, out: Array<{ at: string; ref: string }>): void {
  if (Array.isArray(value)) value.forEach((v, i) => references(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'extensions') continue;
      if (k.endsWith('_ref') && typeof v === 'string') out.push({ at: `${at}.${k}`, ref: v });
      else if (k.endsWith('_refs') && Array.isArray(v)) v.forEach((r, i) => out.push({ at: `${at}.${k}[${i}]`, ref: String(r) }));
      else references(v, `${at}.${k}`, out);
    }
  }
}

/** Every breach of the rules in `bundle`, one line each; [] when it keeps them all. */
export function stixRuleBreaches(bundle: { id: string; objects: Obj[] }): string[] {
  const out: string[] = [];
  if (!new RegExp(`^bundle--${UUID}$`).test(bundle.id)) out.push(`bundle id ${bundle.id} is not bundle--<UUID>`);
  const byId = new Map<string, Obj>();
  for (const o of bundle.objects) {
    const id = String(o.id);
    if (!new RegExp(`^${String(o.type)}--${UUID}$`).test(id)) out.push(`${id}: id is not ${String(o.type)}--<UUID>`);
    if (byId.has(id)) out.push(`${id}: twice in the bundle`);
    byId.set(id, o);
  }
  for (const o of bundle.objects) {
    const refs: Array<{ at: string; ref: string }> = [];
    references(o, String(o.id), refs);
    for (const { at, ref } of refs) if (!byId.has(ref)) out.push(`${at}: ${ref} is not in the bundle`);
    if (typeof o.modified === 'string' && typeof o.created === 'string' && Date.parse(o.modified) < Date.parse(o.created)) {
      out.push(`${String(o.id)}: modified ${o.modified} is before created ${o.created}`);
    }
    if (o.type === 'relationship') {
      const ends = RELATIONSHIP_ENDS[String(o.relationship_type)];
      const source = byId.get(String(o.source_ref))?.type;
      const target = byId.get(String(o.target_ref))?.type;
      if (!ends) out.push(`${String(o.id)}: unknown relationship type ${String(o.relationship_type)}`);
      else if (source !== ends[0] || target !== ends[1]) {
        out.push(
          `${String(o.id)}: ${String(o.relationship_type)} joins ${String(source)} to ${String(target)}, not ${ends[0]} to ${ends[1]}`,
        );
      }
    }
  }
  return out;
}
