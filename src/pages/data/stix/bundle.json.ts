/** `/data/stix/bundle.json`: the STIX 2.1 bundle of every notice of this build (docs/exchange/stix.md). */
import { stixBuildBundleText } from '../../../render/data/stix.ts';

export async function GET() {
  return new Response(await stixBuildBundleText(), { headers: { 'Content-Type': 'application/stix+json;version=2.1' } });
}
