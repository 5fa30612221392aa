/** Pure parts of the checked content loader (src/loading/loader/): how files are named in messages. */
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/loading/loader/entry-paths.ts';

describe('displayPath', () => {
  it('names a file inside the project relative to it', () => {
    expect(displayPath('/repo/', '/repo/content/notices/a/index.mdx')).toBe('content/notices/a/index.mdx');
    expect(displayPath('/repo/', 'content/notices/a/index.mdx')).toBe('content/notices/a/index.mdx');
  });
  it('names a file outside the project (MODUS_CONTENT_DIR elsewhere) by its absolute path, never ../..', () => {
    expect(displayPath('/repo/', '../../tmp/fx/notices/a/index.mdx')).toBe('/tmp/fx/notices/a/index.mdx');
    expect(displayPath('/repo/', '/tmp/fx/notices/a/index.mdx')).toBe('/tmp/fx/notices/a/index.mdx');
  });
});
