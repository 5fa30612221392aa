/**
 * Derived indexes (src/knowledge/facets.ts, similar.ts, indexes.ts): facet values canonical and counted
 * once per notice (F2), commas and colons kept (F3), ordering, similar notices (exclude self and
 * `related`), newest-first order, withheld ids dropped from `related`, one pass over the collection.
 * Prevents: one country shown as several filter values (F2) or a value with a comma split in two (F3),
 * a withheld notice reached through a related link, a notice recommended as similar to itself, and
 * indexes recomputed per page (quadratic builds, field case F12).
 */
import { describe, expect, it, vi } from 'vitest';
import { notice, schema } from '../helpers/notice-data.ts';
import { FACETS, computeFacets, countryEntry, facetByKey, noticeCountries, operationKey, yearEntry } from '../../src/knowledge/facets.ts';
import { computeSimilar, SIMILARITY_WEIGHTS, type SimilarNotice } from '../../src/knowledge/similar.ts';
import { buildIndexes, newestFirst } from '../../src/knowledge/indexes.ts';
import { facetLabel } from '../../src/render/facet-labels.ts';

/** A validated notice (as the collection holds it) with `over` applied to the frontmatter. */
const data = (over: Record<string, unknown>) => schema.parse(notice(over));
const entry = (slug: string, over: Record<string, unknown>) => ({ id: slug, data: data(over) });

describe('facets', () => {
  it('F2: NL, "nl " and NL twice make one Netherlands value with three notices', () => {
    const notices = [
      data({ id: 'MO-2024-0001', seizures: [{ country: 'NL', year: 2021 }] }),
      data({ id: 'MO-2024-0002', seizures: [{ country: 'nl ', year: 2022 }] }),
      data({ id: 'MO-2024-0003', route: { origin: ['NL'], destination: ['NL'] }, requestingCountry: 'NL' }),
      data({ id: 'MO-2024-0004', route: { origin: ['NO'] } }),
    ];
    const countries = computeFacets(notices).get('country')!;
    expect(countries).toEqual([
      { value: 'nl', label: 'Netherlands', items: [0, 1, 2] },
      { value: 'no', label: 'Norway', items: [3] },
    ]);
  });

  it('F3: a country name with a comma stays one intact value', () => {
    const v = facetByKey('country').values(data({ route: { origin: ['MD'], transit: ['KR'] } }));
    expect(v).toEqual([
      { value: 'md', label: 'Moldova, Republic of' },
      { value: 'kr', label: 'South Korea' },
    ]);
  });

  it('noticeCountries: requesting, route and seizure countries, each once', () => {
    expect(
      noticeCountries(
        data({
          requestingCountry: 'ZA',
          route: { origin: ['ZA'], transit: ['NL'], destination: ['AU'] },
          seizures: [{ country: 'AU', year: 2020 }],
        }),
      ),
    ).toEqual(['ZA', 'NL', 'AU']);
  });

  it('orders values: vocabulary order, years newest first, countries and operations by label', () => {
    const notices = [
      data({ commodities: ['cash', 'cocaine'], seizures: [{ country: 'NO', year: 2019 }], operation: 'ZULU' }),
      data({
        commodities: ['ivory'],
        seizures: [
          { country: 'AU', year: 2023 },
          { country: 'AU', year: 2021 },
        ],
        operation: 'ALPHA',
      }),
    ];
    const f = computeFacets(notices);
    expect(f.get('commodity')!.map((v) => v.value)).toEqual(['cocaine', 'ivory', 'cash']);
    expect(f.get('year')!.map((v) => v.value)).toEqual(['2023', '2021', '2019']);
    expect(f.get('country')!.map((v) => v.label)).toEqual(['Australia', 'Norway']);
    expect(f.get('operation')!.map((v) => v.value)).toEqual(['alpha', 'zulu']);
    expect(f.get('year')!.find((v) => v.value === '2021')!.items).toEqual([1]);
  });

  it('leaves out unused vocabulary terms and has an entry for every facet', () => {
    const f = computeFacets([data({})]);
    expect([...f.keys()]).toEqual(FACETS.map((x) => x.key));
    expect(f.get('commodity')!.map((v) => v.value)).toEqual(['methamphetamine']);
    expect(f.get('year')).toEqual([]);
  });

  it('reads each facet of each notice once (one pass, linear in notices)', () => {
    const notices = Array.from({ length: 7 }, (_, i) => data({ id: `MO-2024-000${i}` }));
    const spies = FACETS.map((facet) => vi.spyOn(facet, 'values'));
    computeFacets(notices);
    for (const s of spies) expect(s).toHaveBeenCalledTimes(7);
    spies.forEach((s) => s.mockRestore());
  });

  it('operationKey makes a lower-case ASCII URL key of an operation name, never an empty one', () => {
    expect(operationKey('LIONFISH HURRICANE')).toBe('lionfish-hurricane');
    expect(operationKey('ÉCLAIR/2')).toBe('eclair-2');
    expect(operationKey('---')).toBe('operation');
  });

  it('search filters have names; browse-only facets have none', () => {
    expect(FACETS.filter((f) => f.filter).map((f) => f.filter)).toEqual([
      'commodity',
      'concealment',
      'transport',
      'crime_area',
      'country',
      'year',
    ]);
    expect(() => facetByKey('nope')).toThrow('Unknown facet "nope"');
  });

  it('every facet has a display name, given by the render layer (the knowledge base holds no UI strings)', () => {
    expect(FACETS.map((f) => facetLabel(f.key, 'en'))).toEqual([
      'Commodity',
      'Concealment category',
      'Transport mode',
      'Crime area',
      'Country',
      'Seizure year',
      'Operation',
      'Detection method',
      'Anti-detection measure',
    ]);
    expect(FACETS.every((f) => !('label' in f))).toBe(true);
  });
});

describe('similar notices', () => {
  const sim = (id: string, over: Record<string, unknown>): SimilarNotice => ({
    ...data({ id, ...over }),
    related: (over.related as string[]) ?? [],
  });

  it('excludes the notice itself and the notices it lists in related', () => {
    const ns = [sim('MO-2024-0001', { related: ['MO-2024-0002'] }), sim('MO-2024-0002', {}), sim('MO-2024-0003', {})];
    const s = computeSimilar(ns);
    expect(s[0]).toEqual([2]);
    expect(s[1]).toEqual([0, 2]); // equal scores and dates: lower id first; 0002 does not list 0001 as related
  });

  it('ranks by shared facets (concealment weighs most), then newer first, and applies the limit and minimum', () => {
    const base = {
      commodities: ['cash'],
      transportModes: ['rail'],
      crimeAreas: ['financial-crime'],
      concealment: { category: 'other', object: 'x' },
    };
    const ns = [
      sim('MO-2024-0001', { ...base, concealment: { category: 'inside-goods', object: 'x' }, commodities: ['cocaine'] }),
      sim('MO-2024-0002', { ...base, concealment: { category: 'inside-goods', object: 'x' }, published: '2020-01-01' }), // 3 + 0.25 + ... shares concealment
      sim('MO-2024-0003', { ...base, concealment: { category: 'inside-goods', object: 'x' }, published: '2023-01-01' }),
      sim('MO-2024-0004', { ...base, commodities: ['cocaine'] }), // shares commodity 2 + transport 1 + crime area 0.25
      sim('MO-2024-0005', {
        ...base,
        commodities: ['ivory'],
        transportModes: ['drone'],
        concealment: { category: 'body-internal', object: 'x' },
      }), // only crime area: below minimum
    ];
    const s = computeSimilar(ns, 2);
    // For 0001: 0004 scores 2+1+0.25 = 3.25; 0002 and 0003 score 3+1+0.25 = 4.25 (0003 newer first); limit 2.
    expect(s[0]).toEqual([2, 1]);
    expect(computeSimilar(ns, 10)[0]).toEqual([2, 1, 3]);
    expect(computeSimilar(ns, 10)[4]).toEqual([]);
    expect(SIMILARITY_WEIGHTS.concealment).toBeGreaterThan(SIMILARITY_WEIGHTS.commodity);
  });

  it('gives the same answer whatever the input order (scores are reset between notices)', () => {
    const ns = [sim('MO-2024-0001', {}), sim('MO-2024-0002', {}), sim('MO-2024-0003', { commodities: ['ivory'] })];
    const a = computeSimilar(ns).map((l, i) => [ns[i]!.id, l.map((j) => ns[j]!.id)]);
    const rev = [...ns].reverse();
    const b = computeSimilar(rev).map((l, i) => [rev[i]!.id, l.map((j) => rev[j]!.id)]);
    expect(new Map(b as Array<[string, string[]]>)).toEqual(new Map(a as Array<[string, string[]]>));
  });
});

describe('facet entries for one value (key facts links)', () => {
  it('countryEntry and yearEntry give the keys and labels the country and year facets list', () => {
    expect(countryEntry('NL')).toEqual({ value: 'nl', label: 'Netherlands' });
    expect(yearEntry(2021)).toEqual({ value: '2021', label: '2021' });
    const d = data({
      seizures: [
        { country: 'NL', year: 2021 },
        { country: 'NL', year: 2021 },
      ],
    });
    expect(facetByKey('country').values(d)).toContainEqual(countryEntry('NL'));
    expect(facetByKey('year').values(d)).toEqual([yearEntry(2021)]);
  });
});

describe('buildIndexes', () => {
  const input = [
    entry('old', { id: 'MO-2022-0003', published: '2022-06-15' }),
    entry('leap', { id: 'MO-2024-0004', published: '2024-02-29', related: ['MO-2022-0003', 'MO-2099-0000'] }),
    entry('march-b', { id: 'MO-2024-0002', published: '2024-03-01' }),
    entry('march-a', { id: 'MO-2024-0001', published: '2024-03-01', seizures: [{ country: 'NL', year: 2021 }] }),
  ];

  it('orders notices newest first, then by id descending', () => {
    expect(buildIndexes(input, 'public').notices.map((n) => n.data.id)).toEqual([
      'MO-2024-0002',
      'MO-2024-0001',
      'MO-2024-0004',
      'MO-2022-0003',
    ]);
    expect(newestFirst(input[2]!, input[3]!)).toBe(-1);
  });

  it('resolves related ids to notices and drops ids not in this build (e.g. withheld)', () => {
    const ix = buildIndexes(input, 'public');
    expect(ix.related.get('MO-2024-0004')!.map((n) => n.id)).toEqual(['old']);
    expect(ix.related.get('MO-2024-0001')).toEqual([]);
  });

  it('facet values list their notices newest first, with counts', () => {
    const ix = buildIndexes(input, 'public');
    const meth = ix.facets.get('commodity')!.find((v) => v.value === 'methamphetamine')!;
    expect(meth.notices.map((n) => n.id)).toEqual(['march-b', 'march-a', 'leap', 'old']);
    expect(ix.facets.get('country')!).toEqual([{ value: 'nl', label: 'Netherlands', notices: [ix.byId.get('MO-2024-0001')] }]);
  });

  it('similar never includes the notice itself or its related notices', () => {
    const ix = buildIndexes(input, 'public');
    for (const n of ix.notices) {
      const ids = ix.similar.get(n.data.id)!.map((s) => s.data.id);
      expect(ids).not.toContain(n.data.id);
      for (const r of n.data.related) expect(ids).not.toContain(r);
    }
    // Equal scores and dates: the lower id first.
    expect(ix.similar.get('MO-2024-0004')!.map((s) => s.data.id)).toEqual(['MO-2024-0001', 'MO-2024-0002']);
  });

  it('shownImages: per notice, the images a card may show (within the audience and the notice marking), computed once', () => {
    const imgs = [
      { src: 'a.jpg', alt: 'amber', kind: 'photo', tlp: 'AMBER' },
      { src: 'b.jpg', alt: 'plain', kind: 'photo' },
      { src: 'c.jpg', alt: 'green', kind: 'photo', tlp: 'GREEN' },
    ];
    const green = [entry('g', { id: 'MO-2024-0009', tlp: 'GREEN', images: imgs })];
    const alts = (aud: 'public' | 'community' | 'organisation') =>
      buildIndexes(green, aud)
        .shownImages.get('MO-2024-0009')!
        .map((i) => i.alt);
    // AMBER is above the GREEN notice's marking, so no card shows it, not even for the organisation.
    expect(alts('organisation')).toEqual(['plain', 'green']);
    expect(alts('community')).toEqual(['plain', 'green']);
    expect(
      buildIndexes(input, 'public')
        .shownImages.get('MO-2024-0001')!
        .map((i) => i.alt),
    ).toEqual(['A sculpture']);
  });

  it('byId finds a notice by its id', () => {
    expect(buildIndexes(input, 'public').byId.get('MO-2024-0004')!.id).toBe('leap');
  });
});
