/**
 * The dist check knows the key facts each language's page shows, with the notice's own words from its
 * translation into that language: "Cache naturelle d’un véhicule : Figurines en résine ; derrière le
 * tableau de commande" on the French page of an English notice translated into French. Prevents two
 * failures, both found on a generated 1,000-notice corpus:
 * - a false alarm that fails the build: a visible notice's translated key-fact line, which a withheld
 *   notice written in French happens to say too, reported as text of the withheld notice (68 findings on
 *   the French, Spanish and Arabic notice pages and their search fragments), because the check counted
 *   only the lines built from the original's words as visible text;
 * - a leak passed unseen: the translated key-fact line of a withheld notice in a page, which the check did
 *   not count as that notice's text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkDist } from '../../src/dist-check/check-dist.ts';
import { readContentManifest } from '../../src/dist-check/content-manifest.ts';
import { withheldText } from '../../src/dist-check/rules/withheld-text.ts';
import { allLabels } from '../../src/render/i18n/labels.ts';
import { allUiStrings } from '../../src/render/i18n/ui.ts';
import { writeCorpus, type FixtureNotice } from '../helpers/corpus.ts';

let root: string;
let content: string;
let n = 0;

const IMAGE = { file: 'photo.jpg', colour: [40, 40, 40] as [number, number, number], gps: false, width: 32, height: 24 };
const FIGURINES = { object: 'Figurines en résine', placement: 'derrière le tableau de commande' };
/** The French page's key-fact line of a notice hidden in resin figurines behind the dashboard, as KeyFacts.astro renders it. */
const FIGURINES_LINE =
  '<dt>Dissimulation</dt><dd><a href="/fr/browse/concealment/natural-void-vehicle/">Cache naturelle d’un véhicule</a>\u00a0: Figurines en résine\u202f; derrière le tableau de commande</dd>';
/** The same of the withheld notice's French translation (its original is English: tablets in cosmetics jars). */
const JARS_LINE =
  '<dt>Dissimulation</dt><dd><a href="/fr/browse/concealment/false-compartment/">Cache aménagée (faux compartiment)</a>\u00a0: Pots de cosmétiques\u202f; sous le double fond</dd>';

/** A notice in the fixture corpus: one small image, concealed in a vehicle's natural void unless `data` says otherwise. */
function fixture(slug: string, id: string, tlp: string, data: Record<string, unknown>): FixtureNotice {
  return { slug, id, tlp, title: `Notice ${slug}`, sentinel: `Sentinel of ${slug}.`, images: [IMAGE], data };
}

/** Writes the French translation `index.fr.mdx` of notice `slug` with its concealment `object` and `placement`. */
function translateToFrench(slug: string, concealment: { object: string; placement: string }): void {
  const data = {
    translated: '2030-02-01',
    title: `Avis ${slug}`,
    summary: `Résumé de ${slug}.`,
    concealment,
    keywords: [],
    indicators: ['Marchandises plus lourdes que déclaré.'],
    recommendedActions: ['Passer les marchandises aux rayons X.'],
    images: [{ src: IMAGE.file, alt: `Photo de ${slug}` }],
  };
  fs.writeFileSync(path.join(content, 'notices', slug, 'index.fr.mdx'), `---\n${stringify(data)}---\nCorps de ${slug}.\n`);
}

/** Writes `files` into a fresh dist/ and runs the withheld-text rule on it for the public audience, as the build does. */
async function check(files: Record<string, string>) {
  const distDir = path.join(root, `dist-${++n}`);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(distDir, rel)), { recursive: true });
    fs.writeFileSync(path.join(distDir, rel), text);
  }
  return checkDist(
    {
      distDir,
      audience: 'public',
      admin: true,
      siteUrl: 'https://modus.example.org',
      manifest: readContentManifest(content),
      commonTexts: [...allUiStrings(), ...allLabels()],
    },
    [withheldText],
  );
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'modus-distcheck-translated-'));
  content = await writeCorpus(path.join(root, 'content'), [
    // Visible, written in English, translated into French.
    fixture('surfboards', 'MO-2030-0001', 'CLEAR', {
      concealment: { category: 'natural-void-vehicle', object: 'Resin figurines', placement: 'behind the dashboard' },
    }),
    // Withheld from the public, written in French, hidden the same way in the same things.
    fixture('wine-bottles', 'MO-2030-0002', 'GREEN', {
      language: 'fr',
      concealment: { category: 'natural-void-vehicle', ...FIGURINES },
    }),
    // Withheld from the public, written in English, translated into French.
    fixture('jars', 'MO-2030-0003', 'AMBER', {
      concealment: { category: 'false-compartment', object: 'Cosmetics jars', placement: 'under the false bottom' },
    }),
  ]);
  translateToFrench('surfboards', FIGURINES);
  translateToFrench('jars', { object: 'Pots de cosmétiques', placement: 'sous le double fond' });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the dist check and the key facts of translated notice pages', () => {
  it('passes the French page of a visible notice whose translated key facts a withheld French notice also says', async () => {
    const findings = await check({ 'fr/notices/surfboards/index.html': `<dl class="facts">${FIGURINES_LINE}</dl>` });
    expect(findings).toEqual([]);
  });

  it("still finds a withheld notice's own French key facts in a page (its translation's words, not only its original's)", async () => {
    const findings = await check({ 'fr/notices/surfboards/index.html': `<dl class="facts">${JARS_LINE}</dl>` });
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f).toMatchObject({ file: 'fr/notices/surfboards/index.html', rule: 'withheld' });
      expect(f.message).toContain('withheld notice MO-2030-0003 (TLP:AMBER, notices/jars/index.mdx)');
      expect(f.message).toContain('pots de cosmétiques');
    }
  });
});
