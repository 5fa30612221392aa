/**
 * The files of one imported notice, exactly as the CMS writes them: `index.mdx` and each translation
 * `index.<lang>.mdx`, serialised by Decap's own frontmatter writer (src/cms/node/decap-format.ts) with
 * the key order of the notice form (NOTICE_FIELD_ORDER) or of the translation form, as
 * `npm run format:notices` leaves them; then the image files. So a later save in the CMS changes only
 * what the editor changed. Pure: returns file names and contents, writes nothing.
 */
import { decapFrontmatter } from '../../cms/node/decap-format.ts';
import { translationFieldOrder } from '../../cms/node/translation-config.ts';
import { NOTICE_FIELD_ORDER } from '../../model/notice.ts';
import type { NoticeCandidate } from './candidate.ts';

/** One file of a notice folder: its name in the folder and its content. */
export interface NoticeFile {
  name: string;
  content: string | Uint8Array;
}

/** `data` without keys whose value is undefined (YAML has no "absent"; Decap leaves such keys out). */
function defined(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}

/**
 * The text Decap writes for frontmatter `data` and `body`: top-level keys in `order` (then any other),
 * the body after the frontmatter, a newline at the end.
 */
export async function decapFileText(data: Record<string, unknown>, body: string, order: readonly string[]): Promise<string> {
  const f = await decapFrontmatter();
  const out = f.toFile({ ...defined(data), body }, [...order, 'body']);
  return out.endsWith('\n') ? out : `${out}\n`;
}

/** Every file of the folder of `candidate`, with `frontmatter` (the candidate's, id given) in `index.mdx`. */
export async function noticeFiles(candidate: NoticeCandidate, frontmatter: Record<string, unknown>): Promise<NoticeFile[]> {
  const files: NoticeFile[] = [{ name: 'index.mdx', content: await decapFileText(frontmatter, candidate.body, NOTICE_FIELD_ORDER) }];
  const translationOrder = translationFieldOrder('notice');
  for (const [lang, tr] of Object.entries(candidate.translations).sort(([a], [b]) => a.localeCompare(b))) {
    files.push({ name: `index.${lang}.mdx`, content: await decapFileText(tr.frontmatter, tr.body, translationOrder) });
  }
  for (const img of candidate.images) files.push({ name: img.file, content: img.bytes });
  return files;
}
