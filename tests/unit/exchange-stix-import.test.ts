/**
 * The STIX 2.1 import reader (src/exchange/import/read-stix.ts): export → read gives the same facts, from
 * the Modus extension (every field but the images) and from plain STIX (what STIX says); markings become
 * `tlp` (TLP 1.0 WHITE as CLEAR) and RED or no marking is refused; a file that is no STIX 2.1 bundle, or
 * whose references dangle, gets a clear problem naming the object and field. Guards against imports that
 * lose or change facts, lower a marking, or write a notice from a broken file.
 */
import { describe, expect, test } from 'vitest';
import { buildBundle, noticeBundle, serialiseBundle } from '../../src/exchange/stix/bundle.ts';
import { readStix } from '../../src/exchange/import/read-stix.ts';
import { TLP_MARKING_IDS } from '../../src/exchange/stix/markings.ts';
import { stixId } from '../../src/exchange/stix/ids.ts';
import { attackPatternDescription } from '../../src/exchange/stix/description.ts';
import { SUMMARY_MAX } from '../../src/model/notice.ts';
import type { StixBundle } from '../../src/exchange/stix/types.ts';
import { sampleNotices, TEST_PUBLISHER } from '../helpers/sample-stix.ts';

const notices = sampleNotices();
const FILE = 'in.json';
const text = (b: unknown) => JSON.stringify(b);

/** `bundle` as another system would write it: no Modus extension, no extension definition. */
function foreign(bundle: StixBundle): Record<string, unknown> & { objects: Array<Record<string, unknown>> } {
  const objects = bundle.objects
    .filter((o) => o.type !== 'extension-definition')
    .map((o) => {
      if (o.type !== 'attack-pattern') return { ...o };
      const { extensions: _e, ...rest } = o;
      return rest;
    });
  return { ...bundle, objects };
}

describe('export → read: the same facts', () => {
  test('through the Modus extension: every frontmatter field but the images, the body and the translations, as a draft', () => {
    for (const n of notices) {
      const { candidates, problems } = readStix(FILE, serialiseBundle(noticeBundle(n, TEST_PUBLISHER)));
      expect(problems, n.data.id).toEqual([]);
      expect(candidates).toHaveLength(1);
      const c = candidates[0]!;
      expect(c.frontmatter).toEqual({ ...JSON.parse(JSON.stringify(n.data)), draft: true });
      expect(c.where).toBe(stixId('attack-pattern', n.data.id));
      expect(c.body).toBe(n.body);
      expect(c.images).toEqual([]);
      expect(Object.keys(c.translations).sort()).toEqual(Object.keys(n.translations).sort());
      for (const [lang, t] of Object.entries(n.translations)) {
        const { images: _i, ...tf } = t.frontmatter;
        expect(c.translations[lang as 'fr']).toEqual({ frontmatter: JSON.parse(JSON.stringify(tf)), body: t.body });
      }
    }
  });

  test('the whole build bundle gives one draft per notice', () => {
    const { candidates, problems } = readStix(FILE, new TextEncoder().encode(serialiseBundle(buildBundle(notices, TEST_PUBLISHER))));
    expect(problems).toEqual([]);
    expect(candidates.map((c) => c.frontmatter.id).sort()).toEqual(notices.map((n) => n.data.id).sort());
  });

  test('as plain STIX (another system): id, title, summary, marking, dates, actions, route and seizure countries', () => {
    for (const n of notices) {
      const { candidates, problems } = readStix(FILE, text(foreign(noticeBundle(n, TEST_PUBLISHER))));
      expect(problems, n.data.id).toEqual([]);
      const f = candidates[0]!.frontmatter;
      const d = n.data;
      expect(f.id).toBe(d.id);
      expect(f.title).toBe(d.title);
      expect(f.tlp).toBe(d.tlp);
      expect(f.draft).toBe(true);
      expect(f.published).toBe(d.published);
      expect([...(f.recommendedActions as string[])].sort()).toEqual([...d.recommendedActions].sort());
      const route = (f.route ?? { origin: [], transit: [], destination: [] }) as typeof d.route;
      expect(route).toEqual({
        origin: [...new Set(d.route.origin)].sort(),
        transit: [...new Set(d.route.transit)].sort(),
        destination: [...new Set(d.route.destination)].sort(),
      });
      const seizures = ((f.seizures ?? []) as Array<{ country: string; year: number }>).map((s) => `${s.country} ${s.year}`).sort();
      expect(seizures).toEqual([...new Set(d.seizures.map((s) => `${s.country} ${s.year}`))].sort());
      // The summary is the description (summary, concealment, indicators), cut to fit with the whole in the body.
      const description = attackPatternDescription(d);
      expect(String(f.summary).length).toBeLessThanOrEqual(SUMMARY_MAX);
      if (description.length <= SUMMARY_MAX) expect(f.summary).toBe(description);
      else {
        expect(description.startsWith(String(f.summary).replace(/…$/, ''))).toBe(true);
        expect(candidates[0]!.body).toContain(description);
      }
    }
  });

  test('an id the bundle does not give is left for the import to assign, the candidate named by its STIX id', () => {
    const b = foreign(noticeBundle(notices[0]!, TEST_PUBLISHER));
    const ap = b.objects.find((o) => o.type === 'attack-pattern')!;
    ap.external_references = [{ source_name: 'other-kb', external_id: 'X-1' }];
    ap.name = 'Cocaine in pineapples';
    const { candidates } = readStix(FILE, text(b));
    expect(candidates[0]!.frontmatter).not.toHaveProperty('id');
    expect(candidates[0]!.frontmatter.title).toBe('Cocaine in pineapples');
    expect(candidates[0]!.where).toBe(ap.id);
    expect(candidates[0]!.frontmatter.sources).toEqual([{ title: 'X-1', publisher: 'other-kb' }]);
  });
});

describe('markings', () => {
  const withMarking = (refs: string[] | undefined, extra: Array<Record<string, unknown>> = []) => {
    const b = foreign(noticeBundle(notices[0]!, TEST_PUBLISHER));
    const ap = b.objects.find((o) => o.type === 'attack-pattern')!;
    if (refs) ap.object_marking_refs = refs;
    else delete ap.object_marking_refs;
    b.objects.push(...extra);
    return readStix(FILE, text(b));
  };

  test('TLP 2.0 AMBER+STRICT stays AMBER+STRICT; TLP 1.0 WHITE becomes CLEAR', () => {
    expect(withMarking([TLP_MARKING_IDS['AMBER+STRICT']]).candidates[0]!.frontmatter.tlp).toBe('AMBER+STRICT');
    expect(withMarking(['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9']).candidates[0]!.frontmatter.tlp).toBe('CLEAR');
  });

  test("a platform's own TLP marking object is read by its definition", () => {
    const own = {
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--11111111-1111-4111-8111-111111111111',
      created: '2020-01-01T00:00:00.000Z',
      definition_type: 'tlp',
      definition: { tlp: 'green' },
    };
    expect(withMarking([own.id], [own]).candidates[0]!.frontmatter.tlp).toBe('GREEN');
  });

  test('RED is refused with a problem naming the object', () => {
    const { candidates, problems } = withMarking([TLP_MARKING_IDS.RED]);
    expect(candidates).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: FILE,
        where: stixId('attack-pattern', notices[0]!.data.id),
        field: 'object_marking_refs',
        message: expect.stringContaining('TLP:RED'),
      }),
    ]);
  });

  test('no marking is refused: the marking is required', () => {
    const { candidates, problems } = withMarking(undefined);
    expect(candidates).toEqual([]);
    expect(problems[0]!.message).toMatch(/No TLP marking/);
  });
});

describe('files that are no STIX 2.1 bundle, or broken', () => {
  const only = (input: string | Uint8Array) => readStix(FILE, input);

  test('not JSON, not UTF-8, not a bundle: one clear problem for the file', () => {
    expect(only('{ nope').problems[0]!.message).toMatch(/not JSON/);
    expect(only(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])).problems[0]!.message).toMatch(/not UTF-8/);
    expect(only(text({ type: 'report', objects: [] })).problems[0]!.message).toMatch(/not a STIX bundle/);
    expect(only(text([1, 2])).problems[0]!.message).toMatch(/not a STIX bundle/);
  });

  test('a STIX 2.0 bundle or object is refused naming the version', () => {
    const b = noticeBundle(notices[0]!, TEST_PUBLISHER);
    expect(only(text({ ...b, spec_version: '2.0' })).problems).toEqual([
      expect.objectContaining({ field: 'spec_version', message: expect.stringContaining('2.1') }),
    ]);
    const old = { ...b, objects: b.objects.map((o) => (o.type === 'attack-pattern' ? { ...o, spec_version: '2.0' } : o)) };
    expect(only(text(old)).problems).toEqual([
      expect.objectContaining({ where: stixId('attack-pattern', notices[0]!.data.id), field: 'spec_version' }),
    ]);
  });

  test('a reference that names no object of the bundle is a problem naming the object and field; nothing is read as fine', () => {
    const b = foreign(noticeBundle(notices[0]!, TEST_PUBLISHER));
    const broken = { ...b, objects: b.objects.filter((o) => o.type !== 'location') };
    const { problems } = only(text(broken));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.field === 'target_ref' && /names no object/.test(p.message))).toBe(true);
    const noIdentity = { ...b, objects: b.objects.filter((o) => o.type !== 'identity') };
    expect(only(text(noIdentity)).problems.some((p) => p.field === 'created_by_ref')).toBe(true);
  });

  test('a bundle without attack-patterns says so', () => {
    const b = noticeBundle(notices[0]!, TEST_PUBLISHER);
    expect(only(text({ ...b, objects: b.objects.filter((o) => o.type === 'identity') })).problems[0]!.message).toMatch(/no attack-pattern/);
  });

  test('a description longer than a summary: the summary is cut and the body gives it in full, saying so', () => {
    const b = foreign(noticeBundle(notices[0]!, TEST_PUBLISHER));
    const ap = b.objects.find((o) => o.type === 'attack-pattern')!;
    ap.description = `${'Long words here. '.repeat(60)}The end.`;
    const c = readStix(FILE, text(b)).candidates[0]!;
    expect(String(c.frontmatter.summary).length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(c.body).toContain('longer than a summary');
    expect(c.body).toContain(String(ap.description));
  });

  test('progress is told of each attack-pattern', () => {
    const calls: Array<[number, number]> = [];
    readStix(FILE, serialiseBundle(buildBundle(notices.slice(0, 3), TEST_PUBLISHER)), (d, t) => calls.push([d, t]));
    expect(calls.at(-1)).toEqual([3, 3]);
  });
});
