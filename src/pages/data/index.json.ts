/** `/data/index.json`: every notice and course document of this build (docs/exchange.md, "JSON"); made on every build. */
import { indexDocumentText, jsonResponse } from '../../render/data/data-paths.ts';

export async function GET(): Promise<Response> {
  return jsonResponse(await indexDocumentText());
}
