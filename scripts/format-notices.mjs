// Rewrites notice files and their translations (index.<lang>.mdx) into the exact form Decap CMS writes
// (decap-cms-core's own formatter, with each file's key order: the notice form's or the translation
// form's), so a later save through the CMS changes only what the editor changed. Frontmatter values are
// kept; only quoting, line folding and key order change. Bodies are never touched.
// Usage: npm run format:notices -- [--check] [content-folder]   (default: MODUS_CONTENT_DIR or content)
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { decapResave } from '../src/cms/node/decap-format.ts';
import { readEntryFile } from '../src/loading/frontmatter.ts';
import { NOTICE_FIELD_ORDER } from '../src/model/notice.ts';
import { translationLanguageOf } from '../src/model/translation.ts';
import { translationFieldOrder } from '../src/cms/node/translation-config.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { check: { type: 'boolean', default: false } } });
const contentDir = path.resolve(positionals[0] ?? process.env.MODUS_CONTENT_DIR ?? 'content');
const noticesDir = path.join(contentDir, 'notices');
if (!fs.existsSync(noticesDir)) {
  console.error(`No notices folder at ${noticesDir}.`);
  process.exit(2);
}
const differ = [];
const TRANSLATION_ORDER = translationFieldOrder('notice');
/** Each notice file and translation file with the key order the CMS writes it in. */
const files = fs
  .readdirSync(noticesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('.')) // a dot-folder is no notice (an import's unfinished folder)
  .map((d) => d.name)
  .sort()
  .flatMap((dir) => {
    const folder = path.join(noticesDir, dir);
    const names = fs.readdirSync(folder).sort();
    return [
      ...(names.includes('index.mdx') ? [{ file: path.join(folder, 'index.mdx'), order: NOTICE_FIELD_ORDER }] : []),
      ...names.filter((n) => translationLanguageOf(n)).map((n) => ({ file: path.join(folder, n), order: TRANSLATION_ORDER })),
    ];
  });
for (const { file, order } of files) {
  const before = fs.readFileSync(file, 'utf8');
  const after = await decapResave(before, order);
  if (after === before) continue;
  // Safety: the site must read exactly the same values and body from the rewritten file.
  const read = (text) => {
    const { data, body } = readEntryFile(text, file);
    return { data, body };
  };
  if (!isDeepStrictEqual(read(before), read(after))) {
    console.error(`${file}: rewriting would change what the site reads; left as it is. Check its frontmatter by hand.`);
    process.exitCode = 1;
    continue;
  }
  differ.push(path.relative(process.cwd(), file));
  if (!values.check) fs.writeFileSync(file, after);
}
if (values.check) {
  if (differ.length) {
    console.error(
      `${differ.length} notice or translation file(s) are not in the form Decap CMS writes; a CMS save would rewrite more than the edited field:\n  ${differ.join('\n  ')}\nRun "npm run format:notices" to fix them.`,
    );
    process.exit(1);
  }
  console.log('Every notice file and translation is in the form Decap CMS writes.');
} else {
  console.log(differ.length ? `Rewrote ${differ.length} file(s):\n  ${differ.join('\n  ')}` : 'Nothing to rewrite.');
}
