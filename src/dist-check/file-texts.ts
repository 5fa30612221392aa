/**
 * The texts a text file of dist/ holds, by its format, for the rules that look for withheld content: a
 * page or feed also as the text a reader sees, a JSON document (the exports under `/data/`: notice and
 * course documents, STIX bundles, the index, the schemas) as its keys and strings with their escapes
 * decoded, a CSV file also as its cells unquoted. Whatever a format can write a sentence as (`\u00e9`,
 * `\/`, `\n` in JSON; `""` in a quoted CSV cell; `&amp;eacute;` in a feed's escaped HTML), one of the
 * texts has it plain, so a withheld notice's id or prose is found however the file spells it.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { markupText } from './html/text.ts';
import { jsonStrings } from './pagefind/files.ts';

const HTML_EXT = /\.(html?|xhtml)$/i;
const XML_EXT = /\.(xml|svg|rss|atom)$/i;
const JSON_EXT = /\.(json|jsonld|geojson|webmanifest)$/i;
const JSON_LINES_EXT = /\.(jsonl|ndjson)$/i;
const CSV_EXT = /\.(csv|tsv)$/i;

/** The JSON escapes of a string literal: `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t` and `\uXXXX`. */
const JSON_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g;
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * `text` with every JSON string escape decoded (surrogate pairs written as two `\uXXXX` join into one
 * character), for JSON that does not parse as a whole: what a reader of the file would take each string to say.
 */
export function decodeJsonEscapes(text: string): string {
  return text.replace(JSON_ESCAPE, (_, hex: string | undefined, c: string | undefined) =>
    hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : SIMPLE_ESCAPES[c!]!,
  );
}

/** The keys and strings of a JSON text, and the text of those that hold markup; the text with its escapes decoded when it does not parse. */
function jsonTexts(s: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(s);
  } catch {
    const decoded = decodeJsonEscapes(s);
    return decoded === s ? [s] : [s, decoded];
  }
  const strings = jsonStrings(value);
  // A string holding HTML (a rendered body, a feed item) is also read as a reader sees it: entities decoded.
  return [...strings, ...strings.filter((x) => /[<&]/.test(x)).map(markupText)];
}

/** The cells of a CSV (or tab-separated) text, unquoted (`""` → `"`), one per line; the text with `""` undoubled when it does not parse. */
export function csvCells(s: string, delimiter = ','): string {
  try {
    const rows: string[][] = parseCsv(s, { bom: true, delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true });
    return rows.flat().join('\n');
  } catch {
    return s.replaceAll('""', '"');
  }
}

/**
 * The texts of the text file `rel` (its contents `s`): markup also as its text (an XML feed's escaped HTML
 * decoded twice), JSON as its keys and strings, JSON lines line by line, CSV also as its cells; any other
 * file as written.
 */
export function textsOf(rel: string, s: string): string[] {
  if (HTML_EXT.test(rel)) return [markupText(s), s];
  if (XML_EXT.test(rel)) {
    const text = markupText(s);
    return /[<&]/.test(text) ? [text, markupText(text), s] : [text, s];
  }
  if (JSON_EXT.test(rel)) return jsonTexts(s);
  if (JSON_LINES_EXT.test(rel)) return s.split('\n').flatMap((line) => (line.trim() ? jsonTexts(line) : []));
  if (CSV_EXT.test(rel)) return [s, csvCells(s, /\.tsv$/i.test(rel) ? '\t' : ',')];
  return [s];
}

/**
 * The text of `data`: UTF-16 when it starts with that encoding's byte order mark (either byte order; a file
 * saved as "Unicode" by a spreadsheet), else UTF-8. A UTF-16 text is full of NUL bytes: it must be decoded
 * here, not taken for a binary file and left unread.
 */
export function decodeText(data: Buffer): string {
  const body = data.subarray(2, 2 + ((data.length - 2) & ~1));
  if (data[0] === 0xff && data[1] === 0xfe) return body.toString('utf16le');
  if (data[0] === 0xfe && data[1] === 0xff) return Buffer.from(body).swap16().toString('utf16le');
  return data.toString('utf8');
}

/** True when `data` starts with a UTF-16 byte order mark. */
export function isUtf16(data: Buffer): boolean {
  return (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff);
}
