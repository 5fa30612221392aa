/** `/data/courses/<slug>.json`: a course's JSON document (docs/exchange.md, "JSON"), made from its props alone. */
import type { APIContext } from 'astro';
import { courseDocumentStaticPaths, jsonResponse, type DataFileProps } from '../../../render/data/data-paths.ts';

export const getStaticPaths = courseDocumentStaticPaths;

type Props = DataFileProps;

export function GET(context: APIContext<Props>): Response {
  return jsonResponse(context.props.text);
}
