/**
 * The STIX 2.1 export (src/exchange/stix/): the bundles of the sample notices validate against the OASIS
 * schemas and keep the rules the schemas cannot express; the markings are the official TLP 2.0 objects;
 * ids are deterministic. Guards against a bundle MISP or OpenCTI refuses, a reference that dangles, a
 * marking a platform does not recognise, and ids that change between exports (duplicates downstream).
 */
import { describe, expect, test } from 'vitest';
import { buildBundle, noticeBundle, serialiseBundle } from '../../src/exchange/stix/bundle.ts';
import { TLP_MARKING_IDS, tlpMarkingDefinition, tlpOfMarkingId } from '../../src/exchange/stix/markings.ts';
import type { StixNoticeInput } from '../../src/exchange/stix/notice-objects.ts';
import { stixId } from '../../src/exchange/stix/ids.ts';
import type { StixBundle, StixObject } from '../../src/exchange/stix/types.ts';
import { validateStixBundle } from '../helpers/stix-schemas.ts';
import { stixRuleBreaches } from '../helpers/stix-rules.ts';
import { sampleNotices, TEST_PUBLISHER } from '../helpers/sample-stix.ts';

const notices = sampleNotices();
const rules = (b: StixBundle) => stixRuleBreaches(b as unknown as { id: string; objects: Array<Record<string, unknown>> });
const ofType = <T extends StixObject['type']>(b: StixBundle, type: T) =>
  b.objects.filter((o): o is Extract<StixObject, { type: T }> => o.type === type);

describe('bundles of the sample notices', () => {
  test('there are sample notices to export', () => {
    expect(notices.length).toBeGreaterThan(20);
  });

  test('each notice bundle validates against the OASIS STIX 2.1 schemas and keeps the rules they cannot express', () => {
    for (const n of notices) {
      const bundle = noticeBundle(n, TEST_PUBLISHER);
      expect(validateStixBundle(bundle), n.data.id).toEqual([]);
      expect(rules(bundle), n.data.id).toEqual([]);
    }
  });

  test('the bundle of the whole build validates, holds each object once, sorted by id', () => {
    const bundle = buildBundle(notices, TEST_PUBLISHER);
    expect(validateStixBundle(bundle)).toEqual([]);
    expect(rules(bundle)).toEqual([]);
    const ids = bundle.objects.map((o) => o.id);
    expect(ids).toEqual([...new Set(ids)].sort());
    expect(ofType(bundle, 'attack-pattern')).toHaveLength(notices.length);
    expect(ofType(bundle, 'identity')).toHaveLength(1);
  });

  test('the schema check fails a broken bundle (the helper can fail)', () => {
    const bundle = noticeBundle(notices[0]!, TEST_PUBLISHER);
    const broken = { ...bundle, objects: bundle.objects.map((o) => (o.type === 'attack-pattern' ? { ...o, created: '2025-01-20' } : o)) };
    expect(validateStixBundle(broken)).not.toEqual([]);
    const dangling = { ...bundle, objects: bundle.objects.filter((o) => o.type !== 'identity') };
    expect(rules(dangling).some((r) => r.includes('is not in the bundle'))).toBe(true);
  });
});

describe('what a notice becomes', () => {
  const n = notices.find((x) => x.data.id === 'MO-2025-0001')!;
  const bundle = noticeBundle(n, TEST_PUBLISHER);
  const [ap] = ofType(bundle, 'attack-pattern');

  test('an attack-pattern named "<ID>: <title>" with its id and absolute permanent link as a modus external reference', () => {
    expect(ap!.name).toBe(`MO-2025-0001: ${n.data.title}`);
    expect(ap!.external_references[0]).toEqual({
      source_name: 'modus',
      url: 'https://modus.example.org/id/MO-2025-0001/',
      external_id: 'MO-2025-0001',
    });
    expect(ap!.description).toContain(n.data.summary);
    expect(ap!.description).toContain(n.data.concealment.object);
    for (const i of n.data.indicators) expect(ap!.description).toContain(`- ${i}`);
    expect(ap!.created).toBe('2025-01-20T00:00:00.000Z');
    expect(ap!.modified).toBe('2026-03-02T00:00:00.000Z');
  });

  test('each recommended action a course-of-action that mitigates it', () => {
    const courses = ofType(bundle, 'course-of-action');
    expect(courses.map((c) => c.description).sort()).toEqual([...n.data.recommendedActions].sort());
    expect(courses.map((c) => c.id).sort()).toEqual(
      n.data.recommendedActions.map((_, i) => stixId('course-of-action', `MO-2025-0001/action/${i + 1}`)).sort(),
    );
    const mitigates = ofType(bundle, 'relationship').filter((r) => r.relationship_type === 'mitigates');
    expect(mitigates.map((r) => r.source_ref).sort()).toEqual(courses.map((c) => c.id).sort());
    expect(new Set(mitigates.map((r) => r.target_ref))).toEqual(new Set([ap!.id]));
  });

  test('the route countries as shared locations with relationships naming their role', () => {
    const roles = ofType(bundle, 'relationship')
      .filter((r) => r.relationship_type !== 'mitigates')
      .map(
        (r) =>
          `${r.relationship_type} ${bundle.objects.find((o) => o.id === r.target_ref && o.type === 'location') && (bundle.objects.find((o) => o.id === r.target_ref) as { country: string }).country}`,
      )
      .sort();
    expect(roles).toEqual(['route-destination AU', 'route-origin ZA']);
    expect(ofType(bundle, 'location').find((l) => l.country === 'ZA')!.id).toBe(stixId('location', 'country/ZA'));
  });

  test('seizure countries are located with seized-in, once per country, with what was seized when', () => {
    const withSeizures = notices.find((x) => x.data.seizures.length > 0)!;
    const b = noticeBundle(withSeizures, TEST_PUBLISHER);
    const seized = ofType(b, 'relationship').filter((r) => r.relationship_type === 'seized-in');
    expect(seized).toHaveLength(new Set(withSeizures.data.seizures.map((s) => s.country)).size);
    expect(seized[0]!.description).toMatch(/^Seized in \d{4}/);
  });

  test('every object it creates is created by the publisher and marked; shared ones TLP:CLEAR', () => {
    const identity = ofType(bundle, 'identity')[0]!;
    expect(identity.name).toBe(TEST_PUBLISHER.publisher);
    for (const o of bundle.objects) {
      if (o.type === 'marking-definition') continue;
      expect(o.created_by_ref, o.id).toBe(identity.id);
      expect(o.object_marking_refs, o.id).toHaveLength(1);
    }
    for (const o of bundle.objects.filter((x) => ['identity', 'location', 'extension-definition'].includes(x.type))) {
      expect((o as { object_marking_refs: string[] }).object_marking_refs).toEqual([TLP_MARKING_IDS.CLEAR]);
    }
  });

  test("a GREEN notice's own objects carry TLP:GREEN, and the bundle holds the GREEN and CLEAR marking definitions", () => {
    const green: StixNoticeInput = { ...n, data: { ...n.data, tlp: 'GREEN' } };
    const b = noticeBundle(green, TEST_PUBLISHER);
    for (const o of b.objects.filter((x) => ['attack-pattern', 'course-of-action', 'relationship'].includes(x.type))) {
      expect((o as { object_marking_refs: string[] }).object_marking_refs, o.id).toEqual([TLP_MARKING_IDS.GREEN]);
    }
    expect(
      ofType(b, 'marking-definition')
        .map((m) => m.name)
        .sort(),
    ).toEqual(['TLP:CLEAR', 'TLP:GREEN']);
    expect(validateStixBundle(b)).toEqual([]);
  });

  test('the Modus extension carries the whole frontmatter it is given (the images are cut by the caller: see the site test), and is defined in the bundle with the schema URL', () => {
    const def = ofType(bundle, 'extension-definition')[0]!;
    expect(def.schema).toBe('https://modus.example.org/data/schema/notice.schema.json');
    expect(def.extension_types).toEqual(['property-extension']);
    const ext = ap!.extensions![def.id] as { notice: Record<string, unknown>; body: string; translations: Record<string, unknown> };
    expect(ext.notice).toEqual(n.data);
    expect(ext.body).toBe(n.body);
    expect(Object.keys(ext.translations).sort()).toEqual(Object.keys(n.translations).sort());
    expect(JSON.stringify(ext.translations)).not.toContain('"images"');
  });
});

describe('markings', () => {
  test('the TLP 2.0 marking definitions have their official ids, date and extension (OASIS)', () => {
    expect(TLP_MARKING_IDS).toEqual({
      CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
      GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
      AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
      'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
      RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
    });
    expect(tlpMarkingDefinition('AMBER+STRICT')).toEqual({
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
      created: '2022-10-01T00:00:00.000Z',
      name: 'TLP:AMBER+STRICT',
      extensions: {
        'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { extension_type: 'property-extension', tlp_2_0: 'amber+strict' },
      },
    });
  });

  test('TLP 1.0 WHITE is read as CLEAR, and RED recognised (to be refused on import)', () => {
    expect(tlpOfMarkingId('marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9')).toBe('CLEAR');
    expect(tlpOfMarkingId(TLP_MARKING_IDS.RED)).toBe('RED');
    expect(tlpOfMarkingId('marking-definition--00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });
});

describe('determinism', () => {
  test('exporting again gives the same bytes, for each notice and the whole build', () => {
    for (const n of notices)
      expect(serialiseBundle(noticeBundle(n, TEST_PUBLISHER))).toBe(serialiseBundle(noticeBundle(structuredClone(n), TEST_PUBLISHER)));
    expect(serialiseBundle(buildBundle(notices, TEST_PUBLISHER))).toBe(
      serialiseBundle(buildBundle([...notices].reverse(), TEST_PUBLISHER)),
    );
  });

  test('a changed notice keeps every id and gets a new modified; created and the shared objects stay', () => {
    const n = notices[0]!;
    const before = noticeBundle(n, TEST_PUBLISHER);
    const changed: StixNoticeInput = {
      ...n,
      data: {
        ...n.data,
        title: `${n.data.title} (revised)`,
        summary: 'A new summary.',
        updated: '2099-12-31',
        changes: [...n.data.changes, { date: '2099-12-31', summary: 'Revised.' }],
      },
    };
    const after = noticeBundle(changed, TEST_PUBLISHER);
    expect(after.objects.map((o) => o.id)).toEqual(before.objects.map((o) => o.id));
    const ap = ofType(after, 'attack-pattern')[0]!;
    expect(ap.modified).toBe('2099-12-31T00:00:00.000Z');
    expect(ap.created).toBe(ofType(before, 'attack-pattern')[0]!.created);
    expect(ap.name).toContain('(revised)');
    for (const type of ['identity', 'location', 'extension-definition', 'marking-definition'] as const) {
      expect(ofType(after, type)).toEqual(ofType(before, type));
    }
    expect(after.id).not.toBe(before.id);
  });

  test("a notice's ids come from its id alone: the same notice id gives the same attack-pattern id everywhere", () => {
    const n = notices[0]!;
    const ap = ofType(noticeBundle(n, TEST_PUBLISHER), 'attack-pattern')[0]!;
    expect(ap.id).toBe(stixId('attack-pattern', n.data.id));
    const elsewhere = ofType(noticeBundle(n, { publisher: 'Another service', siteUrl: 'https://other.example' }), 'attack-pattern')[0]!;
    expect(elsewhere.id).toBe(ap.id);
  });
});
