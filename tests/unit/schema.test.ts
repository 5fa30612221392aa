/**
 * The notice schema (src/model/notice.ts, fields.ts): every vocabulary value accepted, unknown values
 * rejected with the allowed list, date-only values never shifted, country codes made canonical,
 * YAML retyping caught (F5), empty optional fields defaulted (F6), statuses, TLP:RED refused.
 * Prevents: content the site would show wrongly passing the content check: a country code read as
 * `false`, a date a day off (F4), a misspelt key dropped in silence, a TLP:RED notice built.
 */
import { describe, expect, it } from 'vitest';
import { notice, problems, schema, yamlFrontmatter } from '../helpers/notice-data.ts';
import {
  antiDetectionMeasures,
  commodities,
  concealmentCategories,
  crimeAreas,
  detectionMethods,
  imageKinds,
  noticeStatuses,
  seizureLocations,
  slugsOf,
  transportModes,
  type Vocabulary,
} from '../../src/model/vocabularies.ts';
import { TLP_PUBLISHABLE } from '../../src/model/tlp.ts';
import { NOTICE_FIELD_ORDER } from '../../src/model/notice.ts';

const parse = (over: Record<string, unknown>) => schema.parse(notice(over));

describe('a valid notice', () => {
  it('parses, with explicit defaults for every list the CMS may leave out (F6)', () => {
    const n = parse({ status: undefined });
    expect(n.status).toBe('active');
    expect(n.antiDetection).toEqual([]);
    expect(n.detection).toEqual([]);
    expect(n.keywords).toEqual([]);
    expect(n.seizures).toEqual([]);
    expect(n.related).toEqual([]);
    expect(n.changes).toEqual([]);
    expect(n.aliases).toEqual([]);
    expect(n.route).toEqual({ origin: [], transit: [], destination: [] });
    expect(n.requestingCountry).toBeUndefined();
    expect(n.updated).toBeUndefined();
  });

  it('treats null and "" (what a CMS writes for an empty field) as not given', () => {
    const n = parse({ related: null, requestingCountry: '', operation: null, updated: '', statusReason: '', route: null });
    expect(n.related).toEqual([]);
    expect(n.requestingCountry).toBeUndefined();
    expect(n.operation).toBeUndefined();
    expect(n.updated).toBeUndefined();
    expect(n.route.origin).toEqual([]);
  });

  it('reads blank as missing in every optional field, and blank status as active', () => {
    const n = parse({
      status: '',
      statusReason: null,
      supersededBy: '',
      requestingCountry: null,
      operation: '',
      updated: null,
      seizures: [{ country: 'NL', year: 2023, location: '', quantity: null }],
      images: [{ src: 'photo.jpg', alt: 'A sculpture', kind: 'photo', caption: '', credit: null, tlp: '' }],
      sources: [{ title: 'A source', publisher: 'A publisher', date: '', url: null }],
    });
    expect(n.status).toBe('active');
    expect([n.statusReason, n.supersededBy, n.requestingCountry, n.operation, n.updated]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect([n.seizures[0]!.location, n.seizures[0]!.quantity]).toEqual([undefined, undefined]);
    expect([n.images[0]!.caption, n.images[0]!.credit, n.images[0]!.tlp]).toEqual([undefined, undefined, undefined]);
    expect([n.sources[0]!.date, n.sources[0]!.url]).toEqual([undefined, undefined]);
  });

  it('lists every schema field in NOTICE_FIELD_ORDER exactly once', () => {
    expect(new Set(NOTICE_FIELD_ORDER).size).toBe(NOTICE_FIELD_ORDER.length);
    expect(Object.keys(schema.shape).sort()).toEqual([...NOTICE_FIELD_ORDER].sort());
  });
});

describe('controlled vocabularies in the schema', () => {
  const cases = [
    ['crimeAreas', crimeAreas, (v: string) => ({ crimeAreas: [v] })],
    ['commodities', commodities, (v: string) => ({ commodities: [v] })],
    ['concealment.category', concealmentCategories, (v: string) => ({ concealment: { category: v, object: 'Box' } })],
    ['antiDetection', antiDetectionMeasures, (v: string) => ({ antiDetection: [v] })],
    ['transportModes', transportModes, (v: string) => ({ transportModes: [v] })],
    ['detection', detectionMethods, (v: string) => ({ detection: [v] })],
    ['seizures.location', seizureLocations, (v: string) => ({ seizures: [{ country: 'NL', year: 2021, location: v }] })],
    ['images.kind', imageKinds, (v: string) => ({ images: [{ src: 'a.jpg', alt: 'A', kind: v }] })],
    [
      'status',
      noticeStatuses,
      (v: string) => ({ status: v, statusReason: 'Because.', supersededBy: v === 'superseded' ? 'MO-2024-0002' : undefined }),
    ],
  ] as const satisfies ReadonlyArray<readonly [string, Vocabulary, (v: string) => Record<string, unknown>]>;

  for (const [field, vocabulary, make] of cases) {
    const vocab: Vocabulary = vocabulary;
    it(`${field}: accepts every ${vocab.name}`, () => {
      for (const slug of slugsOf(vocab)) expect(problems(notice(make(slug))), `${field}=${slug}`).toEqual([]);
    });
    it(`${field}: rejects an unknown value naming it and listing every allowed value`, () => {
      const msgs = problems(notice(make('not-a-term')));
      expect(msgs).toHaveLength(1);
      const cut = msgs[0]!.indexOf(': ');
      const [path, message] = [msgs[0]!.slice(0, cut), msgs[0]!.slice(cut + 2)];
      expect(path.replace(/\.\d+/g, '')).toBe(field);
      expect(msgs[0]).toContain('"not-a-term" is not a known');
      expect(msgs[0]).toContain(vocab.name);
      expect(message).toContain(`Allowed values: ${slugsOf(vocab).join(', ')}.`);
    });
  }

  it('lists for crime areas, commodities and transport modes need at least one value', () => {
    for (const f of ['crimeAreas', 'commodities', 'transportModes', 'indicators', 'recommendedActions', 'images', 'sources']) {
      const msgs = problems(notice({ [f]: [] }));
      expect(msgs, f).toHaveLength(1);
      expect(msgs[0]).toMatch(new RegExp(`^${f}: Give at least one `));
    }
  });
});

describe('TLP markings', () => {
  it('accepts every publishable marking, with or without the TLP: prefix and in any case', () => {
    for (const tlp of TLP_PUBLISHABLE) {
      expect(parse({ tlp }).tlp).toBe(tlp);
      expect(parse({ tlp: `tlp:${tlp.toLowerCase()} ` }).tlp).toBe(tlp);
    }
  });
  it('refuses TLP:RED with a reason, on the notice and on an image', () => {
    expect(problems(notice({ tlp: 'RED' }))).toEqual([
      expect.stringMatching(/^tlp: TLP:RED is for named recipients only.*CLEAR, GREEN, AMBER, AMBER\+STRICT/),
    ]);
    expect(problems(notice({ images: [{ src: 'a.jpg', alt: 'A', kind: 'photo', tlp: 'RED' }] }))).toEqual([
      expect.stringMatching(/^images\.0\.tlp: TLP:RED/),
    ]);
  });
  it('rejects an unknown marking listing the allowed ones', () => {
    expect(problems(notice({ tlp: 'WHITE' }))).toEqual([
      'tlp: "WHITE" is not a TLP 2.0 marking. Allowed values: CLEAR, GREEN, AMBER, AMBER+STRICT.',
    ]);
  });
});

describe('dates are date-only and never shift (F4)', () => {
  it('keeps a quoted date as written', () => {
    expect(parse({ published: '2024-03-01' }).published).toBe('2024-03-01');
  });
  it('reads an unquoted YAML date (a UTC midnight Date) back as the same day', () => {
    const fm = yamlFrontmatter('published: 2024-03-01\nupdated: 2024-02-29');
    expect(fm.published).toBeInstanceOf(Date);
    const n = parse({ published: fm.published, updated: undefined });
    expect(n.published).toBe('2024-03-01');
    expect(parse({ published: new Date(Date.UTC(2024, 1, 29)) }).published).toBe('2024-02-29');
  });
  it('rejects impossible dates, other shapes and a time of day', () => {
    expect(problems(notice({ published: '2023-02-29' }))[0]).toMatch(
      /^published: Expected a date written YYYY-MM-DD \(e\.g\. 2024-03-01\), got "2023-02-29"/,
    );
    expect(problems(notice({ published: '01/03/2024' }))[0]).toContain('got "01/03/2024"');
    expect(problems(notice({ published: new Date('2024-03-01T10:00:00Z') }))[0]).toContain('has a time of day');
    expect(problems(notice({ published: undefined }))[0]).toMatch(/^published: Expected a date written YYYY-MM-DD, got an empty value/);
  });
  it('rejects updated before published', () => {
    expect(problems(notice({ published: '2024-03-01', updated: '2024-02-01' }))).toEqual([
      'updated: updated (2024-02-01) is before published (2024-03-01).',
    ]);
  });
});

describe('country codes (F2, F5)', () => {
  it('reads an editor\'s variants "nl ", " Nl" and "no" as the codes NL and NO (F2)', () => {
    const n = parse({
      requestingCountry: 'nl ',
      route: { origin: [' Nl'], destination: ['NL'] },
      seizures: [{ country: 'no', year: 2021 }],
    });
    expect(n.requestingCountry).toBe('NL');
    expect(n.route.origin).toEqual(['NL']);
    expect(n.seizures[0]!.country).toBe('NO');
  });
  it('rejects an unknown code naming the field and the value', () => {
    expect(problems(notice({ route: { origin: ['XX'] } }))).toEqual([
      'route.origin.0: "XX" is not an ISO 3166-1 alpha-2 country code. Use two letters such as "NL" (Netherlands) or "NO" (Norway).',
    ]);
    expect(problems(notice({ requestingCountry: 'NLD' }))[0]).toMatch(/^requestingCountry: "NLD" is not an ISO 3166-1 alpha-2/);
  });
  it('F5: `country: NO` as Astro parses it stays Norway', () => {
    const fm = yamlFrontmatter('seizures: [{ country: NO, year: 2021 }]');
    expect(parse({ seizures: fm.seizures }).seizures).toEqual([{ country: 'NO', year: 2021 }]);
  });
  it('F5: a YAML 1.1 `false` (NO read as a boolean) gets a hint to quote the value', () => {
    expect(problems(notice({ seizures: [{ country: false, year: 2021 }] }))[0]).toMatch(
      /^seizures\.0\.country: Expected an ISO 3166-1 alpha-2 country code such as "NL", got true\/false\. YAML read the value as true\/false; put it in quotes/,
    );
  });
});

describe('F5: YAML retypes text', () => {
  it('an unquoted date-like title (as Decap CMS writes it) stays the same text, never a Date', () => {
    const fm = yamlFrontmatter('title: 2023-05-01\nkeywords: [2024-02-29]');
    expect(fm.title).toBeInstanceOf(Date);
    expect(parse({ title: fm.title }).title).toBe('2023-05-01');
    expect(parse({ keywords: fm.keywords }).keywords).toEqual(['2024-02-29']);
  });
  it('a timestamp where text is expected still gets a hint to quote it (its text cannot be recovered)', () => {
    expect(problems(notice({ title: new Date('2023-05-01T10:00:00Z') }))).toEqual([
      'title: Expected a title, got a date. YAML read the value as a date; put it in quotes, e.g. "…", to keep it as text.',
    ]);
  });
  it('a quoted date-like title stays text', () => {
    const fm = yamlFrontmatter('title: "2023-05-01"');
    expect(parse({ title: fm.title }).title).toBe('2023-05-01');
  });
  it('numbers and booleans where text is expected get the same hint', () => {
    expect(problems(notice({ keywords: [1984] }))[0]).toContain(
      'keywords.0: Expected a keyword, got a number. YAML read the value as a number; put it in quotes',
    );
    expect(problems(notice({ concealment: { category: 'other', object: true } }))[0]).toContain(
      'concealment.object: Expected the object or place used for concealment, got true/false.',
    );
  });
});

describe('images', () => {
  it('normalises every form the CMS writes to ./name (F9)', () => {
    for (const src of ['./X-ray scan 1.jpg', 'X-ray%20scan%201.jpg', 'X-ray scan 1.jpg']) {
      expect(parse({ images: [{ src, alt: 'A', kind: 'xray' }] }).images[0]!.src, src).toBe('./X-ray scan 1.jpg');
    }
  });
  it('rejects an absolute path naming the field and the path (F9)', () => {
    const msgs = problems(notice({ images: [{ src: '/content/notices/logs/X-ray scan 1.jpg', alt: 'A', kind: 'xray' }] }));
    expect(msgs).toEqual([
      'images.0.src: Image path "/content/notices/logs/X-ray scan 1.jpg" is absolute. Write the file name relative to the notice folder, e.g. "X-ray scan 1.jpg", and keep the file beside index.mdx.',
    ]);
  });
  it('rejects an empty or blank alt text', () => {
    for (const alt of ['', '   ', undefined]) {
      const msgs = problems(notice({ images: [{ src: 'a.jpg', alt, kind: 'photo' }] }));
      expect(msgs, String(alt)).toHaveLength(1);
      expect(msgs[0]).toMatch(/^images\.0\.alt: Expected alternative text describing the image/);
    }
  });
});

describe('statuses', () => {
  it('a superseded notice needs supersededBy and statusReason', () => {
    expect(problems(notice({ status: 'superseded' })).sort()).toEqual([
      'statusReason: A superseded notice must say why in statusReason.',
      'supersededBy: A superseded notice must name its successor in supersededBy (a notice id).',
    ]);
  });
  it('a withdrawn notice needs a reason and may not name a successor', () => {
    expect(problems(notice({ status: 'withdrawn', statusReason: 'Wrong.' }))).toEqual([]);
    expect(problems(notice({ status: 'withdrawn' }))).toEqual(['statusReason: A withdrawn notice must say why in statusReason.']);
    expect(problems(notice({ status: 'withdrawn', statusReason: 'Wrong.', supersededBy: 'MO-2024-0002' }))).toEqual([
      'supersededBy: supersededBy is only for notices with status "superseded".',
    ]);
  });
});

describe('other fields', () => {
  it('ids: upper case MO-YYYY-NNNN, with a precise hint for a lower-case id', () => {
    expect(problems(notice({ id: 'mo-2024-0001' }))).toEqual([
      'id: Notice id "mo-2024-0001" must be written exactly as MO-YYYY-NNNN in upper case: "MO-2024-0001".',
    ]);
    expect(problems(notice({ id: 'MO-24-1' }))[0]).toMatch(/^id: Expected a notice id such as MO-2024-0001/);
  });
  it('summary: at most 400 characters', () => {
    expect(problems(notice({ summary: 'x'.repeat(400) }))).toEqual([]);
    expect(problems(notice({ summary: 'x'.repeat(401) }))[0]).toMatch(/^summary: Summary is 401 characters; keep it to 400 or fewer/);
  });
  it('operation: a name not in upper case is refused, giving the upper-case form', () => {
    expect(problems(notice({ operation: 'Lionfish' }))).toEqual([
      'operation: Operation names are written in upper case as published: "LIONFISH".',
    ]);
  });
  it('sources.url: a javascript: address is refused, an https one accepted', () => {
    expect(problems(notice({ sources: [{ title: 'T', publisher: 'P', url: 'javascript:alert(1)' }] }))[0]).toMatch(
      /^sources\.0\.url: Expected a web address starting with https:/,
    );
    expect(problems(notice({ sources: [{ title: 'T', publisher: 'P', url: 'https://example.org/a' }] }))).toEqual([]);
  });
  it('aliases: a former slug that is not lower case with hyphens is refused, saying how to write one', () => {
    expect(problems(notice({ aliases: ['Old Slug'] }))).toEqual([
      'aliases.0: Alias "Old Slug" is not a former slug: use lower-case letters, digits and hyphens.',
    ]);
  });
  it('reports every problem of a file at once', () => {
    expect(problems(notice({ tlp: 'RED', commodities: ['gold'], route: { origin: ['XX'] } }))).toHaveLength(3);
  });
});

describe('unknown fields (a misspelt key would otherwise vanish silently)', () => {
  it('names the unknown key, the field probably meant, and the known fields', () => {
    const [msg] = problems(notice({ keyword: ['ice'] }));
    expect(msg).toContain('Unknown field "keyword": did you mean "keywords"?');
    expect(msg).toContain('Known fields here: id, language, title, summary, tlp,');
  });

  it('inside lists of objects too, at their path', () => {
    const msgs = problems(notice({ images: [{ src: 'a.jpg', alt: 'A', kind: 'photo', captions: 'x' }] }));
    expect(msgs).toEqual([
      expect.stringMatching(
        /^images\.0: Unknown field "captions": did you mean "caption"\? Known fields here: src, alt, caption, credit, kind, tlp\.$/,
      ),
    ]);
  });

  it('a key unlike any field gets no suggestion', () => {
    expect(problems(notice({ zzqq: 1 }))[0]).toContain('Unknown field "zzqq". Known fields here:');
  });
});
