/**
 * The columns of the notices CSV (docs/exchange/csv.md), in file order: for each, its header name, the
 * frontmatter field it holds, how a notice's value becomes the cell and how the cell becomes the value
 * again. The one source of the export (write-csv.ts) and the import (src/exchange/import/read-csv.ts).
 * Vocabulary values are their slugs, countries ISO 3166-1 alpha-2 codes, dates YYYY-MM-DD.
 */
import { likelyField } from '../../model/fields.ts';
import { imageSrcPath } from '../../model/images.ts';
import type { NoticeData } from '../../model/notice.ts';
import { CSV_FORMAT_VERSION } from '../format-version.ts';
import { cellLines, joinList, joinParts, splitList, splitPartsLine } from './cells.ts';

/** One notice as the CSV writes it: the frontmatter as validated (with only the images its audience may see), body and addresses. */
export interface CsvNotice {
  /** The notice's folder name, the last segment of its page address. */
  slug: string;
  data: NoticeData<unknown>;
  /** The MDX body as written (Markdown source). */
  body: string;
  /** Absolute address of the notice's page. */
  pageUrl: string;
  /** Absolute permanent address (`/id/<ID>/`). */
  permanentUrl: string;
}

/** What one row is read into: frontmatter (plain values, as YAML would give them) and body. */
export interface RowValues {
  frontmatter: Record<string, unknown>;
  body: string;
}

/** One column of the CSV. */
export interface CsvColumn {
  /** Header name (lower case, words joined by `_`). */
  name: string;
  /** The frontmatter field it holds, dotted (`concealment.category`); '' for a column import does not read. */
  field: string;
  /** Only written (addresses, slug): import ignores the cell, and the column may be missing. */
  exportOnly?: boolean;
  /** What the cell holds, in a few words (the table of docs/exchange/csv.md). */
  describe: string;
  /** The cell of `notice`, before the formula escape. */
  toCell(notice: CsvNotice): string;
  /** Puts the value of a non-empty cell (formula escape already removed) into `row`; returns what is wrong, if anything. */
  fromCell(cell: string, row: RowValues): string | undefined;
}

type Data = Record<string, unknown>;
const get = (n: CsvNotice, key: string): unknown => (n.data as unknown as Data)[key];
const textOf = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** Sets `row.frontmatter[key]`, or `row.frontmatter[parent][key]` for a dotted `parent.key`. */
function setField(row: RowValues, field: string, value: unknown): void {
  const fm = row.frontmatter;
  const [parent, key] = field.split('.') as [string, string | undefined];
  if (key === undefined) {
    fm[parent] = value;
    return;
  }
  const group = (fm[parent] ??= {}) as Data;
  group[key] = value;
}

/** The value at a dotted `field` of the notice's data. */
function valueAt(n: CsvNotice, field: string): unknown {
  const [parent, key] = field.split('.') as [string, string | undefined];
  const v = get(n, parent);
  return key === undefined ? v : ((v ?? {}) as Data)[key];
}

/** A column of one value: the cell is the value as written. */
function single(name: string, field: string, describe: string): CsvColumn {
  return {
    name,
    field,
    describe,
    toCell: (n) => textOf(valueAt(n, field)),
    fromCell: (cell, row) => void setField(row, field, cell),
  };
}

/** A column of a list: one item per line. */
function list(name: string, field: string, describe: string): CsvColumn {
  return {
    name,
    field,
    describe: `${describe}, one per line`,
    toCell: (n) => joinList(((valueAt(n, field) ?? []) as unknown[]).map(textOf)),
    fromCell: (cell, row) => void setField(row, field, splitList(cell)),
  };
}

/** A part of a nested item; `number` parts (a seizure's year) are read back as numbers. */
interface Part {
  key: string;
  number?: boolean;
}

/** A column of nested items: one item per line, its parts `key: value` joined by ` | `. */
function nested(name: string, field: string, parts: readonly Part[], describe: string, toItem?: (item: Data) => Data): CsvColumn {
  const keys = parts.map((p) => p.key);
  return {
    name,
    field,
    describe: `${describe}, one per line: ${keys.map((k) => `\`${k}: …\``).join(' \\| ')}`,
    toCell: (n) => ((valueAt(n, field) ?? []) as Data[]).map((item) => joinParts(toItem ? toItem(item) : item, keys)).join('\n'),
    fromCell: (cell, row) => {
      const items: Data[] = [];
      for (const [i, line] of cellLines(cell).entries()) {
        const r = splitPartsLine(line, keys, (k) => likelyField(k, keys));
        if (!r.ok) return `Line ${i + 1} of the cell: ${r.message}`;
        const item: Data = { ...r.parts };
        for (const p of parts) {
          const v = r.parts[p.key];
          // A whole number becomes a number; anything else stays text for the schema to name.
          if (p.number && v !== undefined && /^\d+$/.test(v.trim())) item[p.key] = Number(v);
        }
        items.push(item);
      }
      setField(row, field, items);
      return undefined;
    },
  };
}

/** An image's file name as the CSV gives it: the frontmatter path without its leading `./`. */
export function imageFileName(src: unknown): string {
  return imageSrcPath(src).replace(/^\.\//, '');
}

/**
 * Every column, in file order. `format_version` comes first so a reader knows the shape before reading
 * the rest; the export-only addresses come last.
 */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  {
    name: 'format_version',
    field: '',
    describe: `the version of this CSV format (${CSV_FORMAT_VERSION}), the same on every row`,
    toCell: () => String(CSV_FORMAT_VERSION),
    fromCell: () => undefined,
  },
  single('id', 'id', 'notice id, `MO-YYYY-NNNN`'),
  { ...single('slug', '', "the notice's folder name (in its page address)"), exportOnly: true, toCell: (n) => n.slug },
  single('language', 'language', 'language the notice is written in: `en`, `fr`, `es`, `ar`'),
  single('title', 'title', 'title'),
  single('summary', 'summary', 'summary'),
  single('tlp', 'tlp', 'TLP 2.0 marking without `TLP:`: `CLEAR`, `GREEN`, `AMBER`, `AMBER+STRICT`'),
  single('status', 'status', 'status: `active`, `superseded` or `withdrawn`'),
  single('status_reason', 'statusReason', 'why the status is not active'),
  single('superseded_by', 'supersededBy', 'id of the notice that replaces this one'),
  single('published', 'published', 'date published, YYYY-MM-DD'),
  single('updated', 'updated', 'date last updated, YYYY-MM-DD'),
  single('requesting_country', 'requestingCountry', 'country code of the requesting country'),
  single('operation', 'operation', 'operation name, upper case'),
  list('crime_areas', 'crimeAreas', 'crime area slugs'),
  list('commodities', 'commodities', 'commodity slugs'),
  single('concealment_category', 'concealment.category', 'concealment category slug'),
  single('concealment_object', 'concealment.object', 'the object or place used for concealment'),
  single('concealment_placement', 'concealment.placement', 'where in the object the goods were placed'),
  list('anti_detection', 'antiDetection', 'anti-detection measure slugs'),
  list('transport_modes', 'transportModes', 'transport mode slugs'),
  list('route_origin', 'route.origin', 'country codes of origin'),
  list('route_transit', 'route.transit', 'country codes of transit'),
  list('route_destination', 'route.destination', 'country codes of destination'),
  nested('seizures', 'seizures', [{ key: 'country' }, { key: 'year', number: true }, { key: 'location' }, { key: 'quantity' }], 'seizures'),
  list('detection', 'detection', 'detection method slugs'),
  list('keywords', 'keywords', 'keywords'),
  list('indicators', 'indicators', 'indicators'),
  list('recommended_actions', 'recommendedActions', 'recommended actions'),
  nested(
    'images',
    'images',
    [{ key: 'src' }, { key: 'alt' }, { key: 'caption' }, { key: 'credit' }, { key: 'kind' }, { key: 'tlp' }],
    'images this audience may see (`src` is the file name; the CSV holds no image files)',
    (img) => ({ ...img, src: imageFileName(img.src) }),
  ),
  list('related', 'related', 'ids of related notices'),
  nested('sources', 'sources', [{ key: 'title' }, { key: 'publisher' }, { key: 'date' }, { key: 'url' }], 'sources'),
  nested('changes', 'changes', [{ key: 'date' }, { key: 'summary' }], 'changes'),
  list('aliases', 'aliases', 'former slugs'),
  {
    ...single('body', '', 'the body as written (Markdown)'),
    toCell: (n) => n.body,
    fromCell: (cell, row) => void (row.body = cell),
  },
  { ...single('page_url', '', "address of the notice's page"), exportOnly: true, toCell: (n) => n.pageUrl },
  { ...single('permanent_url', '', 'permanent address of the notice'), exportOnly: true, toCell: (n) => n.permanentUrl },
];

/** The header row: every column's name, in order. */
export const CSV_HEADER: readonly string[] = CSV_COLUMNS.map((c) => c.name);
