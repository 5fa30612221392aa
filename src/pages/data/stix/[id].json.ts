/** `/data/stix/<ID>.json`: the STIX 2.1 bundle of one notice (docs/exchange/stix.md). */
import type { APIContext } from 'astro';
import { stixNoticeStaticPaths } from '../../../render/data/data-paths.ts';
import { stixNoticeBundleText, type StixNoticeProps } from '../../../render/data/stix.ts';

export const getStaticPaths = stixNoticeStaticPaths;

type Props = StixNoticeProps;

export function GET(context: APIContext<Props>) {
  return new Response(stixNoticeBundleText(context.props), { headers: { 'Content-Type': 'application/stix+json;version=2.1' } });
}
