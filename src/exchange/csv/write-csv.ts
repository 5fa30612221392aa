/**
 * The notices CSV of a build (docs/exchange/csv.md): a header row, then one row per notice, the cells of
 * CSV_COLUMNS. RFC 4180 quoting by csv-stringify, CRLF between rows, UTF-8 with a byte order mark (so
 * Excel reads Arabic and accented letters right), formula-looking cells escaped with `'`. Deterministic:
 * the same notices give the same bytes (no date of generation).
 */
import { stringify } from 'csv-stringify/sync';
import { idUrl, noticeUrl } from '../../knowledge/urls.ts';
import type { NoticeData } from '../../model/notice.ts';
import { linksWithinBuild } from '../references.ts';
import { escapeFormula } from './cells.ts';
import { CSV_COLUMNS, CSV_HEADER, type CsvNotice } from './columns.ts';

/** A notice as the build hands it over: slug, validated frontmatter, the images its audience may see, body. */
export interface NoticeForCsv {
  slug: string;
  data: NoticeData<unknown>;
  /** The images this build may show of it (the knowledge base's `shownImages`); the frontmatter's own list is not used. */
  shownImages: NoticeData<unknown>['images'];
  body: string;
}

/** The cells of one notice's row, formula escape applied. */
export function csvRow(notice: CsvNotice): string[] {
  return CSV_COLUMNS.map((c) => escapeFormula(c.toCell(notice)));
}

/**
 * The CSV text of `notices` (every notice of the build), in the order given, with page and permanent
 * addresses joined to `site` (the build's address). Links to other notices (`related`, `supersededBy`)
 * keep only notices among `notices`: one withheld from the build is left out, as on its pages. Starts
 * with the UTF-8 byte order mark; rows end with CRLF.
 */
export function noticesCsv(notices: readonly NoticeForCsv[], site: string | URL): string {
  const ids = new Set(notices.map((n) => n.data.id));
  const rows = notices.map((n) =>
    csvRow({
      slug: n.slug,
      data: { ...linksWithinBuild(n.data, (id) => ids.has(id)), images: [...n.shownImages] },
      body: n.body,
      pageUrl: new URL(noticeUrl(n.slug), site).href,
      permanentUrl: new URL(idUrl(n.data.id), site).href,
    }),
  );
  // quote_record_delimiter: a cell holding a line feed alone is quoted too (RFC 4180; csv-stringify quotes
  // only the record delimiter itself when one is given), so a reader that splits rows at LF reads it whole.
  return stringify([[...CSV_HEADER], ...rows], { bom: true, record_delimiter: 'windows', quote_record_delimiter: true });
}
