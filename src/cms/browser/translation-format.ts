/**
 * The file format of the translation collections (registered with Decap as `modus-translation`): Decap's
 * own YAML frontmatter, byte for byte (its YAML formatter, decap-cms-core's `formats/yaml`, with the
 * `yaml` 1.x it bundles; the frontmatter split and join as its `gray-matter` does them for YAML), except
 * that the "Translation of" field is never written. That field names the original's folder for a new
 * translation, where Decap makes the file's path from it (the collection's slug is `{{fields.original}}`);
 * a translation file holds only its prose and date (src/model/translation.ts). Decap's own frontmatter
 * format cannot leave a field out of the file, and Decap's `meta.path` (a path field kept out of the file)
 * gives a file named `index.fr.mdx` the slug `index.fr`, which Decap then cannot open again.
 * tests/unit/cms-translation-format.test.ts checks that this writes and reads exactly what Decap's own
 * frontmatter format does. YAML frontmatter only (`---`): the only kind Modus's files have.
 */
// @ts-expect-error decap-cms-core ships no types for this path
import decapYaml from 'decap-cms-core/dist/esm/formats/yaml.js';
import { TRANSLATION_OF_FIELD } from '../node/widgets.ts';

export { TRANSLATION_FORMAT } from '../node/widgets.ts';

/** Decap's YAML formatter (decap-cms-core/src/formats/yaml.ts). */
const yaml = decapYaml as {
  fromFile(content: string): Record<string, unknown>;
  toFile(data: object, sortedKeys?: string[], comments?: Record<string, string>): string;
};

const stripBom = (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);
const newline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);

/** The frontmatter block and the body of `content`, split where gray-matter splits them (YAML, `---`). */
function split(content: string): { matter?: string; body: string } {
  const str = stripBom(content);
  if (!str.startsWith('---') || str.charAt(3) === '-') return { body: str };
  let rest = str.slice(3);
  // gray-matter reads a language name after the opening delimiter (`---yaml`); Modus's files have none.
  const lineEnd = rest.search(/\r?\n/);
  const language = rest.slice(0, lineEnd);
  if (language.trim()) rest = rest.slice(language.length);
  let close = rest.indexOf('\n---');
  if (close === -1) close = rest.length;
  const matter = rest.slice(0, close);
  let body = close === rest.length ? '' : rest.slice(close + 4);
  if (body.startsWith('\r')) body = body.slice(1);
  if (body.startsWith('\n')) body = body.slice(1);
  return { matter, body };
}

/** The formatter Decap calls for translation files. */
export const translationFormat = {
  /** The form values of a translation file: its frontmatter and, when not blank, its body. */
  fromFile(content: string): Record<string, unknown> {
    if (content === '') return {};
    const { matter, body } = split(content);
    const block = (matter ?? '').replace(/^\s*#[^\n]+/gm, '').trim();
    const data = block === '' ? {} : yaml.fromFile(matter!);
    return { ...data, ...(body.trim() && { body }) };
  },
  /**
   * The file for the form values `data`, keys in `sortedKeys` order (the form's), without the
   * "Translation of" field; the body after the frontmatter.
   */
  toFile(data: Record<string, unknown>, sortedKeys?: string[], comments?: Record<string, string>): string {
    const { body = '', [TRANSLATION_OF_FIELD]: _original, ...meta } = data as Record<string, unknown> & { body?: string };
    const text = typeof body === 'string' ? stripBom(body) : '';
    const matter = yaml.toFile(meta, sortedKeys, comments).trim();
    const file = (matter !== '{}' ? `---\n${newline(matter)}---\n` : '') + newline(text);
    // Decap keeps a body's missing final line break missing (decap-cms-core's FrontmatterFormatter).
    return !text.endsWith('\n') && file.endsWith('\n') ? file.slice(0, -1) : file;
  },
};
