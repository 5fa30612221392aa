/** `/data/notices/<ID>.json`: a notice's JSON document (docs/exchange.md, "JSON"), made from its props alone. */
import type { APIContext } from 'astro';
import { jsonResponse, noticeDocumentStaticPaths, type DataFileProps } from '../../../render/data/data-paths.ts';

export const getStaticPaths = noticeDocumentStaticPaths;

type Props = DataFileProps;

export function GET(context: APIContext<Props>): Response {
  return jsonResponse(context.props.text);
}
