/**
 * The CMS names no real-looking notice id as an example. `/admin/` (its config.yml and its script) is part
 * of a build, and the dist check stops a build that holds the id of a notice withheld from it: an example
 * such as "e.g. MO-2026-0007" failed every build in which a draft or a higher-marked notice had that id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { cmsConfig } from '../../src/cms/node/config.ts';
import { NOTICE_ID_IN_TEXT } from '../../src/model/notice-ids.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** The code of a source file without its comments (a bundle keeps string literals, not comments). */
const code = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

describe('the CMS gives no notice id as an example', () => {
  test('its generated config (hints, patterns, messages): only the next free id it offers a new notice', () => {
    const nextId = 'MO-2026-0042';
    const yaml = stringify(
      cmsConfig({
        noticesFolder: 'content/notices',
        coursesFolder: 'content/courses',
        mediaFolder: 'content/media',
        nextId,
        branch: 'main',
      }),
    );
    expect((yaml.match(NOTICE_ID_IN_TEXT) ?? []).filter((id) => id !== nextId)).toEqual([]);
  });

  test('the strings of its code, Node and browser side', () => {
    const files = ['src/cms/node', 'src/cms/browser'].flatMap((d) =>
      fs
        .readdirSync(path.join(root, d))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => path.join(root, d, f)),
    );
    const found = files.flatMap((f) => (code(f).match(NOTICE_ID_IN_TEXT) ?? []).map((id) => `${path.relative(root, f)}: ${id}`));
    expect(found).toEqual([]);
  });
});
