/**
 * Notice ids (src/model/notice-ids.ts): the next free id the CMS offers, and the one id shape used by
 * the schema, the CMS and the checks. Prevents: a new notice offered an id that is taken or malformed,
 * and an id in running text missed by the marking check (a withheld id published).
 */
import { describe, expect, test } from 'vitest';
import { nextNoticeId, NOTICE_ID, NOTICE_ID_IN_TEXT } from '../../src/model/notice-ids.ts';
import { NOTICE_ID as SCHEMA_NOTICE_ID } from '../../src/model/fields.ts';

describe('nextNoticeId', () => {
  test('gives one more than the highest id of the year, ignoring other years and malformed ids', () => {
    expect(nextNoticeId(['MO-2026-0001', 'MO-2026-0007', 'MO-2026-0003', 'MO-2025-0099', 'mo-2026-0100', 'MO-2026-12'], 2026)).toBe(
      'MO-2026-0008',
    );
  });
  test('starts a year without notices at MO-<year>-0001', () => {
    expect(nextNoticeId(['MO-2025-0004'], 2026)).toBe('MO-2026-0001');
    expect(nextNoticeId([], 2026)).toBe('MO-2026-0001');
  });
  test('a year whose numbers are used up is an error, not a malformed id', () => {
    expect(() => nextNoticeId(['MO-2026-9999'], 2026)).toThrow(/All notice ids of 2026 are used/);
  });
});

describe('the notice id shape (one definition for the schema, the CMS and the checks)', () => {
  test('a whole id is MO-YYYY-NNNN in upper case, nothing around it', () => {
    expect(SCHEMA_NOTICE_ID).toBe(NOTICE_ID);
    expect(NOTICE_ID.source).toBe(String.raw`^MO-\d{4}-\d{4}$`); // the CMS form's pattern
    expect(['MO-2024-0001', 'mo-2024-0001', 'MO-2024-001', ' MO-2024-0001', 'MO-2024-00011'].filter((s) => NOTICE_ID.test(s))).toEqual([
      'MO-2024-0001',
    ]);
  });
  test('ids in running text: whole words in any case, found alike on every use', () => {
    const text = 'See mo-2024-0001, MO-2024-0002x, XMO-2024-0003, MO-2024-00045 and (MO-2025-0007).';
    const found = () => [...text.matchAll(NOTICE_ID_IN_TEXT)].map((m) => m[0]);
    expect(found()).toEqual(['mo-2024-0001', 'MO-2025-0007']);
    expect(found()).toEqual(['mo-2024-0001', 'MO-2025-0007']);
  });
});
