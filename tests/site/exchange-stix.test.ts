/**
 * The published STIX 2.1 bundles of a built fixture (the `basic` fixture, public audience): every file under
 * /data/stix/ validates against the OASIS schemas and keeps the rules they cannot express, there is one
 * per visible notice and one of the whole build, no image is in any, the publisher and site address come from the settings,
 * and the TLP:GREEN notice the public build withholds is in no bundle (not its id, title or STIX id, not
 * even as a related notice of a visible one). Prevents: bundles a platform refuses, and a withheld notice
 * leaking through the STIX export.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, tempDir, type RunResult } from '../helpers/site.ts';
import { materialise, type Fixture } from '../helpers/fixtures.ts';
import { validateStixBundle } from '../helpers/stix-schemas.ts';
import { stixRuleBreaches } from '../helpers/stix-rules.ts';
import { stixId } from '../../src/exchange/stix/ids.ts';
import { readStix } from '../../src/exchange/import/read-stix.ts';

/** The notices the public build shows (the fixture's TLP:CLEAR ones). */
const VISIBLE = ['MO-2020-0006', 'MO-2021-0005', 'MO-2022-0003', 'MO-2023-0012', 'MO-2024-0001', 'MO-2024-0004'];
/** The TLP:GREEN notice the public build withholds. */
const WITHHELD = { id: 'MO-2024-0007', title: 'Cocaine among zebrawood banana boxes' };
const SITE = 'https://stix.example.org';
const PUBLISHER = 'Fixture Customs Intelligence';

let fixture: Fixture;
let dist: string;
let build: RunResult;
let stixDir: string;
const bundles = new Map<string, { id: string; objects: Array<Record<string, unknown>> }>();
const texts = new Map<string, string>();

beforeAll(async () => {
  fixture = await materialise('basic');
  // A visible notice names the withheld one as related: the export must drop the link.
  const gearbox = path.join(fixture.contentDir, 'notices/gearbox/index.mdx');
  fs.writeFileSync(
    gearbox,
    fs.readFileSync(gearbox, 'utf8').replace('related:\n  - MO-2024-0001', `related:\n  - MO-2024-0001\n  - ${WITHHELD.id}`),
  );
  dist = tempDir('dist-stix');
  build = await astroBuild(fixture.contentDir, dist, { MODUS_SITE_URL: SITE, MODUS_PUBLISHER: PUBLISHER });
  if (build.code !== 0) throw new Error(`fixture build failed:\n${build.output}`);
  stixDir = path.join(dist, 'data/stix');
  for (const file of fs.readdirSync(stixDir).sort()) {
    const text = fs.readFileSync(path.join(stixDir, file), 'utf8');
    texts.set(file, text);
    bundles.set(file, JSON.parse(text) as { id: string; objects: Array<Record<string, unknown>> });
  }
}, 600_000);

afterAll(() => {
  fixture?.remove();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

describe('published STIX bundles', () => {
  it('one bundle per visible notice and one of the whole build', () => {
    expect([...bundles.keys()]).toEqual([...VISIBLE.map((id) => `${id}.json`), 'bundle.json'].sort());
  });

  it('each validates against the OASIS STIX 2.1 schemas and keeps the rules they cannot express', () => {
    for (const [file, bundle] of bundles) {
      expect(validateStixBundle(bundle), file).toEqual([]);
      expect(stixRuleBreaches(bundle), file).toEqual([]);
    }
  });

  it('the whole bundle holds every visible notice, created by the publisher of the settings, linked at the site address', () => {
    const all = bundles.get('bundle.json')!;
    const patterns = all.objects.filter((o) => o.type === 'attack-pattern');
    expect(patterns.map((p) => (p.external_references as Array<{ external_id: string }>)[0]!.external_id).sort()).toEqual(VISIBLE);
    const identity = all.objects.filter((o) => o.type === 'identity');
    expect(identity.map((i) => i.name)).toEqual([PUBLISHER]);
    const sculptures = patterns.find((p) => p.id === stixId('attack-pattern', 'MO-2024-0001'))!;
    expect((sculptures.external_references as Array<{ url: string }>)[0]!.url).toBe(`${SITE}/id/MO-2024-0001/`);
  });

  it('no image is exported: no images field, no image address, no alt text', () => {
    for (const [file, text] of texts) {
      expect(text, file).not.toContain('"images"');
      expect(text, file).not.toContain('/_img/');
      expect(text, file).not.toMatch(/"alt":/);
    }
  });

  it('the withheld notice is in no bundle: not its id, title or STIX id, not as a related notice', () => {
    for (const [file, text] of texts) {
      expect(text, file).not.toContain(WITHHELD.id);
      expect(text, file).not.toContain(WITHHELD.title);
      expect(text, file).not.toContain(stixId('attack-pattern', WITHHELD.id));
    }
  });

  it('the published whole bundle reads back as one draft per visible notice, with no problem', () => {
    const { candidates, problems } = readStix('bundle.json', texts.get('bundle.json')!);
    expect(problems).toEqual([]);
    expect(candidates.map((c) => c.frontmatter.id).sort()).toEqual(VISIBLE);
    const gearbox = candidates.find((c) => c.frontmatter.id === 'MO-2023-0012')!;
    expect(gearbox.frontmatter.related).toEqual(['MO-2024-0001']);
  });
});
