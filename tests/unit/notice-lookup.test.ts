/**
 * Looking notices up by the id an editor wrote (src/loading/checks/notice-lookup.ts; field case F7).
 * Prevents: a reference written in another case or with spaces resolving to the wrong notice, or failing
 * without saying which id was meant.
 */
import { describe, expect, it } from 'vitest';
import { noticeLookup } from '../../src/loading/checks/notice-lookup.ts';

const notices = [
  { id: 'MO-2024-0001', file: 'a.mdx' },
  { id: 'MO-2024-0002', file: 'b.mdx' },
  { id: 'MO-2024-0001', file: 'c.mdx' },
];
const lookup = noticeLookup(notices, (n) => n.id);

describe('noticeLookup', () => {
  it('finds notices by exact id only, the first of duplicates', () => {
    expect(lookup.byId.get('MO-2024-0001')!.file).toBe('a.mdx');
    expect(lookup.byId.get('MO-2024-0002')!.file).toBe('b.mdx');
    expect(lookup.byId.has('mo-2024-0001')).toBe(false);
    expect(lookup.byId.size).toBe(2);
  });

  it('suggests the exact id when only case or spaces differ', () => {
    expect(lookup.unknownId(' mo-2024-0002', 'Fix it.')).toBe(
      '" mo-2024-0002" matches no notice; ids are written exactly, did you mean "MO-2024-0002"?',
    );
  });

  it('says what to do when no id is close', () => {
    expect(lookup.unknownId('MO-2024-0099', 'Use an existing id.')).toBe('"MO-2024-0099" matches no notice id. Use an existing id.');
  });
});
