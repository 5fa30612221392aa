/**
 * Collection checks (src/loading/checks/references.ts, field case F7): duplicate ids name both files, every
 * unresolved reference is listed with file and field, a differently cased id gets "did you mean".
 * Prevents: a related link, successor or alias that points nowhere (a broken link, or a link dropped
 * in silence), and two notices sharing an id or an alias.
 */
import { describe, expect, it } from 'vitest';
import { checkNoticeReferences, type NoticeRefs } from '../../src/loading/checks/references.ts';

const n = (slug: string, id: string, over: Partial<NoticeRefs> = {}): NoticeRefs => ({
  file: `content/notices/${slug}/index.mdx`,
  slug,
  id,
  related: [],
  aliases: [],
  ...over,
});

describe('checkNoticeReferences', () => {
  it('finds nothing wrong in a consistent collection', () => {
    expect(
      checkNoticeReferences([
        n('a', 'MO-2019-0003'),
        n('b', 'MO-2020-0001', { related: ['MO-2019-0003'], aliases: ['old-b'] }),
        n('c', 'MO-2020-0002', { supersededBy: 'MO-2020-0001' }),
      ]),
    ).toEqual([]);
  });

  it('names both files of a duplicate id', () => {
    const p = checkNoticeReferences([n('a', 'MO-2024-0001'), n('b', 'MO-2024-0001')]);
    expect(p).toEqual([
      {
        file: 'content/notices/b/index.mdx',
        field: 'id',
        message: 'Duplicate id MO-2024-0001: content/notices/a/index.mdx already uses it. Give this notice the next free id.',
      },
    ]);
  });

  it('F7: lists every unresolved reference, with "did you mean" when only the case differs', () => {
    const p = checkNoticeReferences([
      n('a', 'MO-2019-0003'),
      n('b', 'MO-2020-0001', { related: ['mo-2019-0003', 'MO-2099-0000'], supersededBy: 'MO-2098-0001' }),
    ]);
    expect(p).toEqual([
      {
        file: 'content/notices/b/index.mdx',
        field: 'related[0]',
        message: '"mo-2019-0003" matches no notice; ids are written exactly, did you mean "MO-2019-0003"?',
      },
      {
        file: 'content/notices/b/index.mdx',
        field: 'related[1]',
        message: '"MO-2099-0000" matches no notice id. Use the id of an existing notice (MO-YYYY-NNNN).',
      },
      {
        file: 'content/notices/b/index.mdx',
        field: 'supersededBy',
        message: '"MO-2098-0001" matches no notice id. Use the id of an existing notice (MO-YYYY-NNNN).',
      },
    ]);
  });

  it('refuses a reference to the notice itself', () => {
    expect(checkNoticeReferences([n('a', 'MO-2019-0003', { related: ['MO-2019-0003'] })])[0]).toMatchObject({
      field: 'related[0]',
      message: expect.stringContaining("this notice's own id"),
    });
  });

  it('refuses reserved folder names and aliases that collide with a slug', () => {
    const p = checkNoticeReferences([
      n('page', 'MO-2020-0001'),
      n('b', 'MO-2020-0002', { aliases: ['c'] }),
      n('c', 'MO-2020-0003', { aliases: ['c'] }),
    ]);
    expect(p.map((x) => `${x.file} ${x.field}`)).toEqual([
      'content/notices/page/index.mdx (folder name)',
      'content/notices/b/index.mdx aliases[0]',
      'content/notices/c/index.mdx aliases[0]',
    ]);
  });

  it('names the other notice when two list the same alias, and blames the second only', () => {
    const p = checkNoticeReferences([
      n('gears', 'MO-2020-0001', { aliases: ['old-shafts'] }),
      n('shafts', 'MO-2020-0002', { aliases: ['old-shafts'] }),
    ]);
    expect(p).toEqual([
      {
        file: 'content/notices/shafts/index.mdx',
        field: 'aliases[0]',
        message:
          'Alias "old-shafts" is also an alias of content/notices/gears/index.mdx; a former slug can lead to one notice only. Keep it on the notice that had that slug.',
      },
    ]);
  });
});
