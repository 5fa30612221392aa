/**
 * Whether a translation being written fits its original, checked in the editor before Decap saves it, by
 * the rules the generated form carries on its fields (`match`, src/cms/node/translation-config.ts):
 * - `count`: a list has as many items as the original's (indicators, recommended actions, images,
 *   objectives, modules, cases);
 * - `presence`: an optional text is filled exactly where the original's is (placement, caption, a
 *   module's introduction, a case's prompt and trainer note);
 * - `copy`: an image's file name is one of the original's (an empty one is filled from the original's
 *   image at the same place when saving); the translation's images are paired with the original's by file
 *   name, as the build pairs them.
 * The same rules as the build's check of translations, so that the CMS does not save a translation the
 * build would refuse. Also what saving adds and leaves out (`saveEdits`): copied file names filled in,
 * empty optional texts and lists left out, so the file holds exactly the translation's keys.
 * Pure, and runs in the browser: plain data in, sentences or edits out.
 */
import type { MatchRule } from '../node/translation-config.ts';

/** A field of the generated translation form, as far as these checks read it. */
export interface FitField {
  name: string;
  label?: string;
  /** A list's name for one item ("Image"). */
  label_singular?: string;
  widget?: string;
  required?: boolean;
  match?: MatchRule;
  field?: FitField;
  fields?: FitField[];
}

/** A change saving makes to the translation's data: a value set or a key left out, at a path of keys and list positions. */
export type SaveEdit = { op: 'set'; path: Array<string | number>; value: string } | { op: 'delete'; path: Array<string | number> };

type Data = Record<string, unknown>;

const rec = (v: unknown): Data => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Data) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const blank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
/** An image's file name as written (`./a.png` and `a.png` are the same image). */
const fileName = (v: unknown) => (typeof v === 'string' ? v.trim().replace(/^\.\//, '') : '');
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The sub-field of a list of groups copied from the original (an image's `src`), if any. */
const copiedKey = (f: FitField) => f.fields?.find((s) => s.match === 'copy')?.name;

/**
 * The edits saving makes to `data` (a translation's form values) given its `original`, for the form's
 * `fields`: each empty copied value filled from the original's item at the same place, then every empty
 * optional value (blank text, empty list) left out.
 */
export function saveEdits(data: unknown, original: unknown, fields: readonly FitField[]): SaveEdit[] {
  const edits: SaveEdit[] = [];
  const walk = (value: Data, orig: Data, fs: readonly FitField[], at: Array<string | number>) => {
    for (const f of fs) {
      if (f.name === 'body' || !(f.name in value)) continue;
      const v = value[f.name];
      const path = [...at, f.name];
      if (f.fields && Array.isArray(v)) {
        const key = copiedKey(f);
        v.forEach((item, i) => {
          const o = rec(arr(orig[f.name])[i]);
          if (key && !filled(rec(item)[key]) && filled(o[key])) edits.push({ op: 'set', path: [...path, i, key], value: String(o[key]) });
          walk(rec(item), o, f.fields!, [...path, i]);
        });
      } else if (f.fields && v && typeof v === 'object') {
        walk(rec(v), rec(orig[f.name]), f.fields, path);
      }
      // A copied value is filled above (or named as missing by translationProblems), never left out.
      if (!f.required && f.match !== 'copy' && blank(v)) edits.push({ op: 'delete', path });
    }
  };
  walk(rec(data), rec(original), fields, []);
  return edits;
}

/** `data` with `edits` applied (a copy; for tests and for checking what will be saved). */
export function applyEdits<T>(data: T, edits: readonly SaveEdit[]): T {
  const out = structuredClone(data) as unknown;
  for (const e of edits) {
    let parent = out as Record<string | number, unknown>;
    for (const k of e.path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
    const last = e.path.at(-1)!;
    if (e.op === 'set') parent[last] = e.value;
    else delete parent[last];
  }
  return out as T;
}

/**
 * Every way `data` (a translation into `lang`, as it will be saved) does not fit `original`, each a
 * sentence naming the field by its label; empty when it fits.
 */
export function translationProblems(data: unknown, original: unknown, fields: readonly FitField[], lang: string): string[] {
  const problems: string[] = [];
  const originalLang = typeof rec(original).language === 'string' ? (rec(original).language as string) : 'en';
  if (originalLang === lang) problems.push(`The original is written in this language (${lang}): it needs no translation into it.`);
  const walk = (value: Data, orig: Data, fs: readonly FitField[], where: string) => {
    for (const f of fs) {
      if (f.name === 'body') continue;
      const label = `${where}${f.label ?? f.name}`;
      const v = value[f.name];
      const o = orig[f.name];
      if (f.match === 'presence' && filled(v) !== filled(o)) {
        problems.push(filled(o) ? `${label}: the original has one; translate it.` : `${label}: the original has none; leave it empty.`);
      }
      if (f.match === 'count' && arr(v).length !== arr(o).length) {
        problems.push(
          `${label}: the original has ${arr(o).length}, this translation ${arr(v).length}; translate each one, in the same order.`,
        );
      }
      if (f.fields && Array.isArray(v)) {
        const key = copiedKey(f);
        const one = `${where}${f.label_singular ?? f.label ?? f.name}`;
        if (key) {
          const names = arr(o).map((x) => fileName(rec(x)[key]));
          v.forEach((item, i) => {
            const name = fileName(rec(item)[key]);
            const at = names.indexOf(name);
            if (at < 0) problems.push(`${one} ${i + 1}: "${name}" is not an image of the original (it has ${names.join(', ') || 'none'}).`);
            else walk(rec(item), rec(arr(o)[at]), f.fields!, `${one} ${i + 1}, `);
          });
          const missing = names.filter((n) => !v.some((item) => fileName(rec(item)[key]) === n));
          if (missing.length)
            problems.push(
              `${label}: ${plural(missing.length, 'image', 'images')} of the original without a translation: ${missing.join(', ')}.`,
            );
        } else {
          v.forEach((item, i) => i < arr(o).length && walk(rec(item), rec(arr(o)[i]), f.fields!, `${one} ${i + 1}, `));
        }
      } else if (f.fields) {
        walk(rec(v), rec(o), f.fields, `${label}, `);
      }
    }
  };
  walk(rec(data), rec(original), fields, '');
  return problems;
}
