/**
 * The course index (src/knowledge/course-index.ts) behind course pages, case cards, covers and each
 * notice's "Used in courses". Prevents: a course page showing a notice withheld from the build, a
 * backlink to the wrong module, a cover from an image the card may not show, and key facts or backlinks
 * computed per card or per page (quadratic builds, field case F12).
 */
import { describe, expect, it } from 'vitest';
import { buildCourseIndex, caseFacts, type CaseNotice, type IndexedCourse } from '../../src/knowledge/course-index.ts';
import type { CourseData } from '../../src/model/course.ts';
import { caseFactLines } from '../../src/render/case-facts.ts';

function notice(id: string, over: Partial<CaseNotice['data']> = {}): CaseNotice {
  return {
    id: `slug-${id.toLowerCase()}`,
    data: {
      id,
      title: `Notice ${id}`,
      commodities: ['methamphetamine'],
      concealment: { category: 'inside-goods', object: 'Helical gears' },
      transportModes: ['air-cargo'],
      route: { origin: [], transit: [], destination: [] },
      seizures: [],
      detection: [],
      ...over,
    },
  };
}

function course(
  slug: string,
  published: string,
  modules: Array<[string, Array<[string, 'primary' | 'comparison' | 'background']>]>,
): IndexedCourse {
  const data: CourseData = {
    language: 'en',
    title: `Course ${slug}`,
    summary: 's',
    audience: ['analysts'],
    level: 'introductory',
    durationMinutes: 60,
    tlp: 'CLEAR',
    published,
    objectives: ['o'],
    modules: modules.map(([title, cases]) => ({ title, objectives: [], cases: cases.map(([n, role]) => ({ notice: n, role })) })),
  };
  return { id: slug, data };
}

const A = notice('MO-2025-0001');
const B = notice('MO-2025-0002', { commodities: ['cocaine'], concealment: { category: 'parasitic-hull', object: 'Sea chest' } });
const C = notice('MO-2025-0003');
const byId = new Map([A, B, C].map((n) => [n.data.id, n]));

describe('course index: case cards and "Used in courses"', () => {
  const older = course('older', '2025-01-01', [
    ['Castings', [['MO-2025-0001', 'primary']]],
    [
      'Hulls',
      [
        ['MO-2025-0002', 'primary'],
        ['MO-2025-0001', 'comparison'],
      ],
    ],
  ]);
  const newer = course('newer', '2026-01-01', [['Only', [['MO-2025-0001', 'background']]]]);
  const idx = buildCourseIndex([older, newer], byId);

  it('lists courses newest first', () => {
    expect(idx.courses.map((c) => c.id)).toEqual(['newer', 'older']);
    expect(idx.bySlug.get('older')).toBe(older);
  });

  it('gives modules 1-based numbers and anchors, with cards resolving each notice', () => {
    const mods = idx.modules.get('older')!;
    expect(mods.map((m) => [m.number, m.anchor, m.title])).toEqual([
      [1, 'module-1', 'Castings'],
      [2, 'module-2', 'Hulls'],
    ]);
    expect(mods[1]!.cases.map((c) => [c.notice, c.role, c.roleLabel])).toEqual([
      [B, 'primary', 'Primary case'],
      [A, 'comparison', 'Comparison'],
    ]);
    expect(idx.caseCount).toBe(4);
    expect([...idx.caseCounts]).toEqual([
      ['newer', 1],
      ['older', 3],
    ]);
  });

  it('links each notice back to every course module that uses it, grouped by course', () => {
    const usedA = idx.usedIn.get('MO-2025-0001')!;
    expect(usedA.map((u) => u.course.id)).toEqual(['newer', 'older']);
    expect(usedA[1]!.modules).toEqual([
      { number: 1, title: 'Castings', role: 'primary', roleLabel: 'Primary case', url: '/courses/older/#module-1' },
      { number: 2, title: 'Hulls', role: 'comparison', roleLabel: 'Comparison', url: '/courses/older/#module-2' },
    ]);
    expect(idx.usedIn.get('MO-2025-0002')!.map((u) => u.modules.map((m) => m.url))).toEqual([['/courses/older/#module-2']]);
    expect(idx.usedIn.has('MO-2025-0003')).toBe(false);
  });

  it('computes the key facts of a notice once, however many cards show it', () => {
    const cardsOfA = [...idx.modules.values()]
      .flat()
      .flatMap((m) => m.cases)
      .filter((c) => c.notice === A);
    expect(cardsOfA).toHaveLength(3);
    expect(new Set(cardsOfA.map((c) => c.facts)).size).toBe(1);
  });

  it('covers: the first image a card may show, of the first case that has one, in module order', () => {
    const shown = new Map([
      ['MO-2025-0001', []],
      ['MO-2025-0002', ['b1', 'b2']],
      ['MO-2025-0003', ['c1']],
    ]);
    const ix = buildCourseIndex([older, newer], byId, shown);
    // older: module 1 links A (no image), module 2 links B then A.
    expect(ix.covers.get('older')).toBe('b1');
    expect(ix.covers.has('newer')).toBe(false);
    expect(idx.covers.size).toBe(0);
  });

  it('gives each case card the images a card may show of its notice (the components never look them up)', () => {
    const shown = new Map([
      ['MO-2025-0001', []],
      ['MO-2025-0002', ['b1', 'b2']],
    ]);
    const ix = buildCourseIndex([older, newer], byId, shown);
    expect(ix.modules.get('older')!.map((m) => m.cases.map((c) => [c.notice.data.id, c.images]))).toEqual([
      [['MO-2025-0001', []]],
      [
        ['MO-2025-0002', ['b1', 'b2']],
        ['MO-2025-0001', []],
      ],
    ]);
    expect(idx.modules.get('newer')![0]!.cases[0]!.images).toEqual([]);
  });

  it('refuses to show a course with a notice missing from this build (never leak a withheld notice)', () => {
    const leaky = course('leaky', '2025-01-01', [['M', [['MO-2025-0009', 'primary']]]]);
    expect(() => buildCourseIndex([leaky], byId)).toThrow(/module 1: notice MO-2025-0009 is not in this build/);
  });

  it('builds 50 courses × 40 links over 2,000 notices with one backlink per link (field case F12)', () => {
    const many = Array.from({ length: 2000 }, (_, i) => notice(`MO-2024-${String(i).padStart(4, '0')}`));
    const map = new Map(many.map((n) => [n.data.id, n]));
    const courses = Array.from({ length: 50 }, (_, c) =>
      course(
        `c${c}`,
        '2025-01-01',
        Array.from(
          { length: 4 },
          (_, m) =>
            [
              `M${m}`,
              Array.from({ length: 10 }, (_, k) => [many[(c * 40 + m * 10 + k) % 2000]!.data.id, 'primary'] as [string, 'primary']),
            ] as [string, Array<[string, 'primary']>],
        ),
      ),
    );
    const big = buildCourseIndex(courses, map);
    expect(big.caseCount).toBe(2000);
    expect(big.usedIn.size).toBe(2000);
    expect([...big.usedIn.values()].every((u) => u.length === 1 && u[0]!.modules.length === 1)).toBe(true);
  });
});

describe('case facts', () => {
  it('gives commodity, concealment, transport, and route, seizures and detection only when known', () => {
    expect(caseFacts(A.data)).toEqual([
      { field: 'commodities', value: 'Methamphetamine' },
      { field: 'concealment', value: 'Inside goods: Helical gears' },
      { field: 'transportModes', value: 'Air cargo' },
    ]);
    const withRoute = caseFacts({
      ...A.data,
      route: { origin: ['ZA'], transit: [], destination: ['AU', 'NZ'] },
      seizures: [
        { country: 'AU', year: 2021 },
        { country: 'AU', year: 2021 },
        { country: 'NZ', year: 2022 },
      ],
      detection: ['detector-dog', 'xray-nii'],
    });
    expect(caseFacts({ ...A.data, route: { origin: [], transit: ['PA'], destination: ['GB'] } })[3]).toEqual({
      field: 'route',
      legs: [
        { leg: 'via', places: 'Panama' },
        { leg: 'to', places: 'United Kingdom' },
      ],
    });
    expect(withRoute.slice(3)).toEqual([
      {
        field: 'route',
        legs: [
          { leg: 'from', places: 'South Africa' },
          { leg: 'to', places: 'Australia, New Zealand' },
        ],
      },
      { field: 'seizures', value: 'Australia 2021; New Zealand 2022' },
      { field: 'detection', value: 'Detector dog, X-ray / non-intrusive inspection' },
    ]);
  });

  it('are worded for the page: field labels, the route as one sentence of its known parts', () => {
    expect(caseFactLines(caseFacts(A.data), 'en')).toEqual([
      { label: 'Commodity', value: 'Methamphetamine' },
      { label: 'Concealment', value: 'Inside goods: Helical gears' },
      { label: 'Transport', value: 'Air cargo' },
    ]);
    const facts = caseFacts({
      ...A.data,
      route: { origin: ['ZA'], transit: ['PA'], destination: ['AU', 'NZ'] },
      seizures: [{ country: 'AU', year: 2021 }],
      detection: ['detector-dog'],
    });
    expect(caseFactLines(facts, 'en').slice(3)).toEqual([
      { label: 'Route', value: 'from South Africa via Panama to Australia, New Zealand' },
      { label: 'Seizures', value: 'Australia 2021' },
      { label: 'Detected by', value: 'Detector dog' },
    ]);
    expect(caseFactLines(caseFacts({ ...A.data, route: { origin: [], transit: ['PA'], destination: ['GB'] } }), 'en')[3]).toEqual({
      label: 'Route',
      value: 'via Panama to United Kingdom',
    });
  });
});
