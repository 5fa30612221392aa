/**
 * Rebuilds reuse Astro's content store (bodies are rendered once, in the loader, and kept with the
 * entry: src/loading/loader/bodies.ts). A rebuild must show an edited body, keep the unchanged ones as
 * they were, and refuse a bad edit like a first build does. Prevents: a rebuild publishing a stale body
 * from the reused store, or accepting an edit a first build would refuse.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, tempDir } from '../helpers/site.ts';
import { materialise, type Fixture } from '../helpers/fixtures.ts';

/** banana-boxes is TLP:GREEN: built for the community audience. */
const AUDIENCE = { MODUS_AUDIENCE: 'community' };
let fixture: Fixture;
const outs: string[] = [];
const page = (out: string, slug: string) => fs.readFileSync(path.join(out, 'notices', slug, 'index.html'), 'utf8');
const noticeFile = (slug: string) => path.join(fixture.contentDir, 'notices', slug, 'index.mdx');

beforeAll(async () => {
  fixture = await materialise('basic');
});
afterAll(() => {
  fixture?.remove();
  for (const o of outs) fs.rmSync(o, { recursive: true, force: true });
});

describe('rebuilding after an edit (content store reused)', () => {
  it('shows the edited body, keeps the unchanged ones, and refuses a bad edit', async () => {
    const first = tempDir('rebuild-1');
    outs.push(first);
    const r1 = await astroBuild(fixture.contentDir, first, AUDIENCE);
    expect(r1.code, r1.output).toBe(0);
    expect(page(first, 'banana-boxes')).toContain('Packages marked zebrawood were hidden among the banana boxes.');
    const gearboxBody = /<section aria-labelledby="mo-h"[\s\S]*?<\/section>/.exec(page(first, 'gearbox'))![0];

    // Edit one body: a new sentence with a call-out.
    const file = noticeFile('banana-boxes');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, 'utf8')
        .replace(
          'Packages marked zebrawood were hidden among the banana boxes.',
          'Packages marked okoume were hidden among the banana boxes.\n\n<Callout type="warning" title="Ripening gas">\nVentilate the container first.\n</Callout>',
        ),
    );
    const second = tempDir('rebuild-2');
    outs.push(second);
    const r2 = await astroBuild(fixture.contentDir, second, AUDIENCE);
    expect(r2.code, r2.output).toBe(0);
    const edited = page(second, 'banana-boxes');
    expect(edited).toContain('Packages marked okoume were hidden among the banana boxes.');
    expect(edited).not.toContain('Packages marked zebrawood');
    expect(edited).toContain(
      '<aside class="callout callout--warning" role="note"><p class="callout__title"><strong>Ripening gas</strong></p><p>Ventilate the container first.</p></aside>',
    );
    // The unchanged notice comes from the store, rendered as before.
    expect(/<section aria-labelledby="mo-h"[\s\S]*?<\/section>/.exec(page(second, 'gearbox'))![0]).toBe(gearboxBody);

    // A bad edit to a stored notice is refused on the rebuild, at its line.
    const bad = noticeFile('gearbox');
    const text = fs.readFileSync(bad, 'utf8');
    fs.writeFileSync(bad, `${text.trimEnd()}\n\n<Callout type="danger">\nx\n</Callout>\n`);
    const line =
      fs
        .readFileSync(bad, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('<Callout type="danger">')) + 1;
    const third = tempDir('rebuild-3');
    outs.push(third);
    const r3 = await astroBuild(fixture.contentDir, third, AUDIENCE);
    expect(r3.code).not.toBe(0);
    expect(r3.output).toContain(`notices/gearbox/index.mdx:${line}:1 body: Callout type "danger" is not one of indicator, warning, note.`);
    expect(fs.existsSync(path.join(third, 'notices/gearbox/index.html'))).toBe(false);
  });
});
