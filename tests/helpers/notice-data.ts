/**
 * A valid notice as plain data (what YAML gives the schema) for unit tests, and a helper that
 * parses frontmatter text with the very parser Astro uses for content files.
 */
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { z } from 'astro/zod';
import { noticeSchema } from '../../src/model/notice.ts';

/** The schema with images as plain strings (as the loader's first pass runs it). */
export const schema = noticeSchema(() => z.string());

/** A complete, valid notice; `over` replaces top-level fields (undefined deletes a field). */
export function notice(over: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: 'MO-2024-0001',
    title: 'Methamphetamine inside animal sculptures',
    summary: 'Crystal methamphetamine hidden inside hollow resin sculptures.',
    tlp: 'CLEAR',
    status: 'active',
    published: '2024-03-01',
    crimeAreas: ['drug-trafficking'],
    commodities: ['methamphetamine'],
    concealment: { category: 'inside-goods', object: 'Hollow casting: resin figurine' },
    transportModes: ['air-cargo'],
    indicators: ['Heavier than it looks.'],
    recommendedActions: ['X-ray it.'],
    images: [{ src: 'photo.jpg', alt: 'A sculpture', kind: 'photo' }],
    sources: [{ title: 'A source', publisher: 'A publisher' }],
  };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  return base;
}

/** Parses the YAML frontmatter of `yamlText` exactly as Astro does (js-yaml through Astro's helper). */
export function yamlFrontmatter(yamlText: string): Record<string, unknown> {
  return parseFrontmatter(`---\n${yamlText}\n---\n`).frontmatter as Record<string, unknown>;
}

/** Parses `data`; returns `field: message` lines of every issue (empty when valid). */
export function problems(data: unknown): string[] {
  const r = schema.safeParse(data);
  if (r.success) return [];
  return r.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}
