/**
 * A small CBOR (RFC 8949) decoder, enough to read Pagefind's index, meta and filter files
 * (integers, byte and text strings, arrays, maps, simple values and floats; definite and
 * indefinite lengths). Used by the dist check to see every string Pagefind wrote.
 * Throws on malformed input.
 */

/** Decodes the CBOR data items in `buf` one after another; returns them all. */
export function decodeCborSequence(buf: Uint8Array): unknown[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const text = new TextDecoder('utf-8', { fatal: false });
  let pos = 0;
  const need = (n: number) => {
    if (pos + n > buf.length) throw new Error(`CBOR: unexpected end at byte ${pos}`);
  };
  const BREAK = Symbol('break');
  const length = (info: number): number | null => {
    if (info < 24) return info;
    if (info === 24) {
      need(1);
      return buf[pos++]!;
    }
    if (info === 25) {
      need(2);
      const v = view.getUint16(pos);
      pos += 2;
      return v;
    }
    if (info === 26) {
      need(4);
      const v = view.getUint32(pos);
      pos += 4;
      return v;
    }
    if (info === 27) {
      need(8);
      const v = Number(view.getBigUint64(pos));
      pos += 8;
      return v;
    }
    if (info === 31) return null;
    throw new Error(`CBOR: bad length ${info} at byte ${pos}`);
  };
  const item = (): unknown => {
    need(1);
    const first = buf[pos++]!;
    const major = first >> 5;
    const info = first & 31;
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22 || info === 23) return null;
      if (info === 25) {
        need(2);
        const h = view.getUint16(pos);
        pos += 2;
        return h;
      }
      if (info === 26) {
        need(4);
        const v = view.getFloat32(pos);
        pos += 4;
        return v;
      }
      if (info === 27) {
        need(8);
        const v = view.getFloat64(pos);
        pos += 8;
        return v;
      }
      if (info === 31) return BREAK;
      if (info === 24) {
        need(1);
        return buf[pos++];
      }
      return info;
    }
    const len = length(info);
    switch (major) {
      case 0:
        return len;
      case 1:
        return -1 - (len ?? 0);
      case 2:
      case 3: {
        if (len === null) {
          const parts: unknown[] = [];
          for (let p = item(); p !== BREAK; p = item()) parts.push(p);
          return major === 3 ? parts.join('') : Buffer.concat(parts as Uint8Array[]);
        }
        need(len);
        const bytes = buf.subarray(pos, pos + len);
        pos += len;
        return major === 3 ? text.decode(bytes) : bytes;
      }
      case 4: {
        const out: unknown[] = [];
        if (len === null) for (let v = item(); v !== BREAK; v = item()) out.push(v);
        else for (let i = 0; i < len; i++) out.push(item());
        return out;
      }
      case 5: {
        const out = new Map<unknown, unknown>();
        if (len === null) for (let k = item(); k !== BREAK; k = item()) out.set(k, item());
        else for (let i = 0; i < len; i++) out.set(item(), item());
        return out;
      }
      case 6:
        return item(); // tag: the tagged value
      default:
        throw new Error(`CBOR: bad major type ${major}`);
    }
  };
  const items: unknown[] = [];
  while (pos < buf.length) items.push(item());
  return items;
}

/** Every text string inside decoded CBOR values (depth first), e.g. to search them. */
export function cborStrings(values: unknown, out: string[] = []): string[] {
  if (typeof values === 'string') out.push(values);
  else if (Array.isArray(values)) for (const v of values) cborStrings(v, out);
  else if (values instanceof Map)
    for (const [k, v] of values) {
      cborStrings(k, out);
      cborStrings(v, out);
    }
  return out;
}
