/**
 * Reads the structure of a zod schema as a small tree the CMS config generator (and its tests) can
 * walk: objects with their fields in declaration order, lists with their minimum length, and leaves
 * with the kind registered in src/model/kinds.ts. Whether a field is required, and its default, are
 * found by asking the schema itself (`safeParse(undefined)`), so they cannot drift from validation.
 */
import type { z } from 'astro/zod';
import { kindOf, type FieldKind } from '../../model/kinds.ts';

/** A node of the schema tree. */
export type SchemaNode =
  | { type: 'leaf'; kind: FieldKind; schema: z.ZodType }
  | { type: 'object'; fields: SchemaField[] }
  | { type: 'list'; item: SchemaNode; min: number };

/** A named field of an object: its node, whether the schema rejects its absence, and its default. */
export interface SchemaField {
  name: string;
  /** Dotted path from the root, list items not counted, e.g. `images.alt`, `route.origin`. */
  path: string;
  node: SchemaNode;
  required: boolean;
  /** What the schema makes of a missing value (undefined when it has none). */
  default?: unknown;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  checks?: Array<{ _zod: { def: { check: string; minimum?: number } } }>;
}

const defOf = (s: z.ZodType) => (s as unknown as { def: Def }).def;

/** Smallest list length accepted by an array schema (from its `min_length` checks). */
function minLength(def: Def): number {
  let min = 0;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length' && typeof d.minimum === 'number') min = Math.max(min, d.minimum);
  }
  return min;
}

/**
 * Builds the node of `schema` at `path`. Throws when a leaf has no registered kind (a new field type
 * must be registered in src/model/kinds.ts before the CMS can offer a widget for it).
 */
export function walkSchema(schema: z.ZodType, path = ''): SchemaNode {
  const kind = kindOf(schema);
  if (kind) return { type: 'leaf', kind, schema };
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
      return walkSchema(def.innerType!, path);
    case 'pipe': {
      // z.preprocess(fn, inner) is pipe(transform, inner); x.transform(fn) is pipe(x, transform).
      if (defOf(def.in!).type === 'transform') return walkSchema(def.out!, path);
      if (defOf(def.out!).type === 'transform') return walkSchema(def.in!, path);
      throw new Error(`Schema field "${path}": a pipe between two schemas has no CMS widget; register its kind in src/model/kinds.ts.`);
    }
    case 'object':
      return { type: 'object', fields: objectFields(schema, path) };
    case 'array':
      return { type: 'list', item: walkSchema(def.element!, path), min: minLength(def) };
    default:
      throw new Error(
        `Schema field "${path || '(root)'}" (zod type "${def.type}") has no registered kind; register it in src/model/kinds.ts.`,
      );
  }
}

/** The fields of an object schema (unwrapping preprocess/default/optional), in declaration order. */
export function objectFields(schema: z.ZodType, path = ''): SchemaField[] {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if (def.type === 'object') break;
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe') s = defOf(def.in!).type === 'transform' ? def.out! : def.in!;
    else throw new Error(`Schema "${path || '(root)'}" is not an object (zod type "${def.type}").`);
  }
  const shape = defOf(s).shape!;
  return Object.entries(shape).map(([name, field]) => {
    const fieldPath = path ? `${path}.${name}` : name;
    const absent = field.safeParse(undefined);
    return {
      name,
      path: fieldPath,
      node: walkSchema(field, fieldPath),
      required: !absent.success,
      default: absent.success ? absent.data : undefined,
    };
  });
}

/** Every field of a tree, depth first (objects inside lists included), for tests and checks. */
export function allFields(fields: readonly SchemaField[]): SchemaField[] {
  const out: SchemaField[] = [];
  const visit = (f: SchemaField) => {
    out.push(f);
    let n = f.node;
    while (n.type === 'list') n = n.item;
    if (n.type === 'object') n.fields.forEach(visit);
  };
  fields.forEach(visit);
  return out;
}
