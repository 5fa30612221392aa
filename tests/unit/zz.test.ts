import { test, expect } from 'vitest';
// @ts-expect-error untyped
import { FrontmatterFormatter } from 'decap-cms-core/dist/esm/formats/frontmatter.js';
test('x', () => {
  const f = new FrontmatterFormatter('yaml');
  const data = f.fromFile('---\ntitle: a\nid: MO-1\npublished: 2025-01-01\n---\nbody\n');
  console.log(data);
  console.log(JSON.stringify(f.toFile(data, ['id','title','published'])));
});
