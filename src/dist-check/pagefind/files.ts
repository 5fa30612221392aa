/**
 * Pagefind's data files as the dist check reads them: fragments (`.pf_fragment`: gzip, a signature,
 * then JSON) and the index, meta and filter files (`.pf_index`, `.pf_meta`, `.pf_filter`: gzip, a
 * signature, then CBOR), decoded so that every string Pagefind wrote can be searched.
 */
import zlib from 'node:zlib';
import { cborStrings, decodeCborSequence } from './cbor.ts';

const PAGEFIND_PREFIX = 'pagefind_dcd';

/** Decompresses a Pagefind data file (gzip, then the `pagefind_dcd` signature); throws on bad gzip. */
export function pagefindPayload(raw: Buffer): Buffer {
  const buf = raw[0] === 0x1f && raw[1] === 0x8b ? zlib.gunzipSync(raw) : raw;
  return buf.subarray(0, PAGEFIND_PREFIX.length).toString('latin1') === PAGEFIND_PREFIX ? buf.subarray(PAGEFIND_PREFIX.length) : buf;
}

/** True for a Pagefind fragment file (JSON inside). */
export function isPagefindFragment(rel: string): boolean {
  return /\.pf_fragment$/.test(rel);
}

/** True for a Pagefind index, meta or filter file (CBOR inside). */
export function isPagefindCbor(rel: string): boolean {
  return /\.pf_(index|meta|filter)$/.test(rel);
}

/** Every string in a JSON value (object keys too). */
export function jsonStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) jsonStrings(x, out);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      jsonStrings(x, out);
    }
  return out;
}

/** Every string of a Pagefind fragment file; throws when it is not compressed JSON. */
export function fragmentStrings(raw: Buffer): string[] {
  return jsonStrings(JSON.parse(pagefindPayload(raw).toString('utf8')));
}

/** The decoded CBOR items of a Pagefind index, meta or filter file, and every string in them; throws on malformed CBOR. */
export function decodePagefindCbor(raw: Buffer): { values: unknown[]; strings: string[] } {
  const values = decodeCborSequence(pagefindPayload(raw));
  return { values, strings: cborStrings(values) };
}

/**
 * The (filter name, value) pairs of a decoded Pagefind filter file: wherever a `[name, [[value,
 * pages], …]]` pair occurs in it (Pagefind 1.x writes one such pair per filter).
 */
export function filterValues(decoded: unknown): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const visit = (v: unknown) => {
    if (!Array.isArray(v)) return;
    if (
      v.length === 2 &&
      typeof v[0] === 'string' &&
      Array.isArray(v[1]) &&
      v[1].every((e) => Array.isArray(e) && typeof e[0] === 'string')
    ) {
      for (const e of v[1] as Array<[string]>) out.push([v[0], e[0]]);
      return;
    }
    for (const x of v) visit(x);
  };
  visit(decoded);
  return out;
}
