/** `/data/stix/<ID>.json`: the STIX 2.1 bundle of one notice (docs/exchange.md, "STIX 2.1"). */
import type { APIContext } from 'astro';
import { stixNoticeBundleText, stixNoticeStaticPaths, type StixNoticeProps } from '../../../render/data/stix.ts';

export const getStaticPaths = stixNoticeStaticPaths;

export function GET(context: APIContext<StixNoticeProps>) {
  return new Response(stixNoticeBundleText(context.props), { headers: { 'Content-Type': 'application/stix+json;version=2.1' } });
}
