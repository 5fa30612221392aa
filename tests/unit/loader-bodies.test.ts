/**
 * The checked content loader's bodies, run in-process with Astro's own data store and MDX entry type
 * (tests/helpers/loader-context.ts): each body is parsed once, rendered once into the stored entry,
 * and not rendered again while its file is unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadNotices } from '../helpers/loader-context.ts';
import { fixtureNotice, projects } from '../helpers/loader-project.ts';

/** Calls of the MDX parser (every entry point a step could use) and of the renderer. */
const calls = vi.hoisted(() => ({ parse: 0, render: 0 }));
vi.mock('satteri', async (importOriginal) => {
  const m = await importOriginal<typeof import('satteri')>();
  const counted =
    <A extends unknown[], R>(f: (...a: A) => R) =>
    (...a: A): R => {
      calls.parse++;
      return f(...a);
    };
  return {
    ...m,
    createMdxMdastHandle: counted(m.createMdxMdastHandle),
    createMdxHastHandle: counted(m.createMdxHastHandle),
    mdxToMdast: counted(m.mdxToMdast),
    mdxToHast: counted(m.mdxToHast),
  };
});
vi.mock('../../src/loading/body/render-body.ts', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/loading/body/render-body.ts')>();
  return {
    ...m,
    renderParsedBody: (...a: Parameters<typeof m.renderParsedBody>) => {
      calls.render++;
      return m.renderParsedBody(...a);
    },
  };
});

const { make: project, cleanUp } = projects();
afterAll(cleanUp);
beforeEach(() => {
  calls.parse = 0;
  calls.render = 0;
});

const notice = (slug: string, n: number, body?: string) => fixtureNotice(slug, n, body ? { body } : {});

describe('checked loader: bodies', () => {
  it('stores every notice with its body rendered to HTML, and not its MDX (a page would be empty, or the build bundle every body)', async () => {
    const { root, contentDir } = await project([notice('alpha', 1), notice('beta', 2)]);
    const load = await loadNotices(root, contentDir);
    expect(load.error).toBeUndefined();
    expect([...load.stored.keys()].sort()).toEqual(['alpha', 'beta']);
    const alpha = load.stored.get('alpha')!;
    // "## How it was hidden" sits under the page's own <h2>: one level below.
    expect(alpha.rendered?.html).toBe(
      '<h3 id="how-it-was-hidden">How it was hidden</h3>\n<p>Sentinel of alpha.</p>\n<p>The goods were found during a routine check.</p>',
    );
    expect(alpha.rendered?.metadata?.headings).toEqual([{ depth: 3, slug: 'how-it-was-hidden', text: 'How it was hidden' }]);
    expect(alpha.body).toBeUndefined();
    expect(alpha.deferredRender).toBeUndefined();
    expect(alpha.filePath).toBe('content/notices/alpha/index.mdx');
  });

  it('parses each body once per load (the repair, the body policy and the renderer share one parse)', async () => {
    // One body needs a repair (`<5%` and `{approx.}` are not MDX): the repair parses again after
    // changing the text, and that last parse is the one the policy and the renderer use.
    const { root, contentDir } = await project([notice('plain', 1), notice('repaired', 2, 'Purity <5% and {approx. 2 kg} each.\n')]);
    const load = await loadNotices(root, contentDir);
    expect(load.error).toBeUndefined();
    // plain: 1 parse; repaired: the failing parse of `<5%`, of `{approx.`, then the parse of the repaired text.
    expect(calls.parse).toBe(1 + 3);
    expect(calls.render).toBe(2);
    expect(load.stored.get('repaired')!.rendered?.html).toBe('<p>Purity &lt;5% and {approx. 2 kg} each.</p>');
  });

  it('does not render an unchanged file again on the next load (its digest is unchanged), but does render an edited one', async () => {
    const { root, contentDir } = await project([notice('alpha', 1), notice('beta', 2)]);
    const first = await loadNotices(root, contentDir);
    expect(first.error).toBeUndefined();
    expect(calls.render).toBe(2);

    calls.render = 0;
    const again = await loadNotices(root, contentDir, { store: first.store });
    expect(again.error).toBeUndefined();
    expect(calls.render).toBe(0);
    expect(again.stored.get('alpha')!.rendered?.html).toContain('Sentinel of alpha.');

    const file = path.join(contentDir, 'notices/beta/index.mdx');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('found during a routine check.', 'found by a sniffer dog.'));
    calls.render = 0;
    const edited = await loadNotices(root, contentDir, { store: first.store });
    expect(edited.error).toBeUndefined();
    expect(calls.render).toBe(1);
    expect(edited.stored.get('beta')!.rendered?.html).toContain('<p>The goods were found by a sniffer dog.</p>');
    expect(edited.stored.get('alpha')!.rendered?.html).toContain('Sentinel of alpha.');
  });

  it('warns with the file’s line and column where the repair shows text as typed (an editor’s HTML comment would be public)', async () => {
    const { root, contentDir } = await project([notice('noted', 1, 'First line.\n\n<!-- check weight -->\n')]);
    const load = await loadNotices(root, contentDir);
    expect(load.error).toBeUndefined();
    const text = fs.readFileSync(path.join(contentDir, 'notices/noted/index.mdx'), 'utf8');
    const line = text.split('\n').indexOf('<!-- check weight -->') + 1;
    expect(load.warnings).toContainEqual(expect.stringMatching(new RegExp(`^content/notices/noted/index\\.mdx:${line}:1 An HTML comment`)));
  });
});
