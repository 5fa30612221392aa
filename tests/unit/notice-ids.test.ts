/** The next free notice id (offered to new notices in the CMS). */
import { describe, expect, test } from 'vitest';
import { nextNoticeId } from '../../src/lib/notice-ids.ts';

describe('nextNoticeId', () => {
  test('one more than the highest id of the year; other years and malformed ids ignored', () => {
    expect(nextNoticeId(['MO-2026-0001', 'MO-2026-0007', 'MO-2026-0003', 'MO-2025-0099', 'mo-2026-0100', 'MO-2026-12'], 2026)).toBe('MO-2026-0008');
  });
  test('the first id of a year without notices', () => {
    expect(nextNoticeId(['MO-2025-0004'], 2026)).toBe('MO-2026-0001');
    expect(nextNoticeId([], 2026)).toBe('MO-2026-0001');
  });
  test('a year whose numbers are used up is an error, not a malformed id', () => {
    expect(() => nextNoticeId(['MO-2026-9999'], 2026)).toThrow(/All notice ids of 2026 are used/);
  });
});
