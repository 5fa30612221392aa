/**
 * The vocabularies (src/model/vocabularies.ts): the one source used by the schema, CMS, filters and
 * browse pages. Slugs are unique and URL-safe, every term has a label, groups cover known slugs only,
 * the published slugs stay as they are, and docs/content-model.md lists them as defined. Prevents: a
 * renamed, dropped or reordered slug making stored notices invalid, changing /browse/ addresses and the
 * order of filters; a term without a label shown as its slug; and a content model that tells editors
 * values the build refuses.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as V from '../../src/model/vocabularies.ts';
import { SLUG } from '../../src/model/fields.ts';

const vocabularies = Object.entries(V).filter(([, v]) => typeof v === 'object' && v !== null && 'terms' in v) as Array<
  [string, V.Vocabulary]
>;

describe('vocabularies', () => {
  it('are all found (the test would pass vacuously otherwise)', () => {
    expect(vocabularies.map(([k]) => k).sort()).toEqual([
      'antiDetectionMeasures',
      'caseRoles',
      'commodities',
      'concealmentCategories',
      'courseAudiences',
      'courseLevels',
      'crimeAreas',
      'detectionMethods',
      'imageKinds',
      'languages',
      'noticeStatuses',
      'seizureLocations',
      'transportModes',
    ]);
  });

  for (const [key, vocab] of vocabularies) {
    describe(key, () => {
      const slugs = V.slugsOf(vocab);
      it('has a name and at least two terms', () => {
        expect(vocab.name.trim()).not.toBe('');
        expect(slugs.length).toBeGreaterThanOrEqual(2);
      });
      it('has well-formed slugs (lower case, digits, single hyphens), each unique', () => {
        for (const s of slugs) expect(s, s).toMatch(SLUG);
        expect(new Set(slugs).size).toBe(slugs.length);
      });
      it('has a non-empty label for every slug, and no label twice', () => {
        const labels = slugs.map((s) => V.labelOf(vocab, s));
        for (const l of labels) expect(l.trim().length).toBeGreaterThan(0);
        expect(new Set(labels.map((l) => l.toLowerCase())).size).toBe(labels.length);
      });
      it('groups only slugs it has', () => {
        for (const g of Object.keys(vocab.groups ?? {})) expect(slugs).toContain(g);
      });
      it('is frozen, so no module can add or relabel a term at run time', () => {
        expect(Object.isFrozen(vocab)).toBe(true);
        expect(Object.isFrozen(vocab.terms)).toBe(true);
      });
    });
  }

  it('groups every commodity except "other"', () => {
    const ungrouped = V.slugsOf(V.commodities).filter((s) => !V.commodities.groups?.[s]);
    expect(ungrouped).toEqual(['other']);
  });

  it('keep their published slugs, in order (notices store them; /browse/ addresses and filter order use them)', () => {
    expect(V.slugsOf(V.concealmentCategories)).toEqual([
      'natural-void-vehicle',
      'natural-void-vessel-aircraft',
      'false-compartment',
      'container-structure',
      'inside-goods',
      'disguised-as-goods',
      'among-goods',
      'impregnation-dissolution',
      'packaging-lining',
      'body-internal',
      'body-external',
      'parasitic-hull',
      'specialised-vessel',
      'misdeclaration-only',
      'persons-concealed',
      'aerial-delivery',
      'other',
    ]);
    expect(V.slugsOf(V.transportModes)).toEqual([
      'air-passenger-baggage',
      'air-passenger-body',
      'air-cargo',
      'maritime-container',
      'maritime-general-cargo',
      'maritime-vessel-structure',
      'small-craft',
      'semi-submersible',
      'road-private-vehicle',
      'road-commercial-vehicle',
      'rail',
      'postal',
      'express-courier',
      'pedestrian',
      'last-mile-delivery',
      'drone',
      'other',
    ]);
    expect(V.slugsOf(V.commodities)).toEqual([
      'cocaine',
      'heroin-opioids',
      'methamphetamine',
      'amphetamine-captagon',
      'cannabis',
      'mdma',
      'ketamine',
      'pharmaceutical-opioids',
      'new-psychoactive-substances',
      'precursors',
      'firearms',
      'firearm-parts',
      'ammunition',
      'explosives',
      'ivory',
      'pangolin-scales',
      'live-animals',
      'timber',
      'other-wildlife',
      'antiquities',
      'artworks',
      'architectural-elements',
      'cash',
      'bearer-instruments',
      'precious-metals',
      'tobacco',
      'counterfeit-goods',
      'falsified-medicines',
      'smuggled-migrants',
      'trafficking-victims',
      'other',
    ]);
    expect(V.slugsOf(V.crimeAreas)).toEqual([
      'drug-trafficking',
      'firearms-trafficking',
      'environmental-crime',
      'trafficking-in-human-beings',
      'migrant-smuggling',
      'cybercrime',
      'financial-crime',
      'illicit-goods-counterfeiting',
      'cultural-heritage-crime',
      'terrorism',
      'organized-crime',
      'maritime-crime',
      'vehicle-crime',
      'corruption',
      'crimes-against-children',
    ]);
    expect(V.slugsOf(V.detectionMethods)).toEqual([
      'xray-nii',
      'detector-dog',
      'risk-profiling',
      'intelligence-tip-off',
      'physical-examination',
      'density-weight-anomaly',
      'smell-packaging-anomaly',
      'behavioural-indicators',
      'underwater-search',
      'laboratory-analysis',
      'controlled-delivery',
      'other',
    ]);
    expect(V.slugsOf(V.antiDetectionMeasures)).toEqual([
      'false-declaration',
      'odour-masking',
      'xray-shielding',
      'chemical-masking',
      'legitimate-cover-load',
      'insider-assistance',
      'split-consignments',
      'tampered-seals',
    ]);
    expect(V.slugsOf(V.seizureLocations)).toEqual(['seaport', 'airport', 'land-border', 'postal-hub', 'inland', 'at-sea']);
    expect(V.slugsOf(V.noticeStatuses)).toEqual(['active', 'superseded', 'withdrawn']);
  });

  it('are listed in docs/content-model.md exactly as defined: every slug, in order, under its field', () => {
    const md = fs.readFileSync(new URL('../../docs/content-model.md', import.meta.url), 'utf8');
    const section = /^## Vocabularies\n([\s\S]*?)^## /m.exec(md)?.[1] ?? '';
    const bullets = section.split(/\n(?=- )/).filter((b) => b.startsWith('- '));
    const ticks = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    // Each notice vocabulary's bullet names its field first, then lists its slugs: "(`detection`): `xray-nii`, …".
    const documented = new Map(bullets.map((b) => [ticks(b)[0], ticks(b).slice(1)]));
    const fields: Array<[string, V.Vocabulary]> = [
      ['concealment.category', V.concealmentCategories],
      ['transportModes', V.transportModes],
      ['commodities', V.commodities],
      ['crimeAreas', V.crimeAreas],
      ['detection', V.detectionMethods],
      ['antiDetection', V.antiDetectionMeasures],
      ['seizures[].location', V.seizureLocations],
      ['images[].kind', V.imageKinds],
      ['status', V.noticeStatuses],
      ['language', V.languages],
    ];
    for (const [field, vocab] of fields) expect(documented.get(field), field).toEqual(V.slugsOf(vocab));
    // The course vocabularies share one bullet: "**audiences** `…`, …; **levels** …; **case roles** …".
    const course = bullets.find((b) => b.includes('**case roles**')) ?? '';
    const after = (name: string) => ticks(new RegExp(`\\*\\*${name}\\*\\*([^*]*)`).exec(course)?.[1] ?? '');
    expect(after('audiences')).toEqual(V.slugsOf(V.courseAudiences));
    expect(after('levels')).toEqual(V.slugsOf(V.courseLevels));
    expect(after('case roles')).toEqual(V.slugsOf(V.caseRoles));
    // Every vocabulary is covered (thirteen: see the first test).
    expect(fields.length + 3).toBe(vocabularies.length);
  });

  it('labelOf throws for a slug not in the vocabulary', () => {
    expect(() => V.labelOf(V.commodities, 'gold')).toThrow('"gold" is not a commodity');
  });
});
