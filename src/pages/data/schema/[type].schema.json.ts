/** `/data/schema/{notice,course,index}.schema.json`: the JSON Schema of each document type, generated from its zod schema. */
import type { APIContext } from 'astro';
import { documentSchemaStaticPaths, jsonResponse, type DataFileProps } from '../../../render/data/data-paths.ts';

export const getStaticPaths = documentSchemaStaticPaths;

type Props = DataFileProps;

export function GET(context: APIContext<Props>): Response {
  return jsonResponse(context.props.text);
}
