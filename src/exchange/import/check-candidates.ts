/**
 * The checks the import writer makes before it writes anything: every candidate validated with the
 * notice schema (the draft schema for `draft: true`, src/model/draft.ts), its translations with the
 * translation schema and against it (src/loading/checks/translations.ts), its images named and given,
 * its id new to the content folder and to the file. Each problem names the import file, where in it
 * (row, object, document), the field and what was expected, in the loader's words
 * (src/loading/problems.ts). Pure: the content folder comes in as `ExistingNotices`.
 */
import { z } from 'astro/zod';
import { bodyFindings } from '../../loading/body/body-policy.ts';
import { proseBody } from '../../loading/body/mdx-escape.ts';
import { checkTranslations } from '../../loading/checks/translations.ts';
import { problemsFromIssues } from '../../loading/problems.ts';
import { draftSchema, isDraft } from '../../model/draft.ts';
import { normaliseImagePath } from '../../model/images.ts';
import { noticeSchema } from '../../model/notice.ts';
import { nextNoticeId } from '../../model/notice-ids.ts';
import type { Tlp } from '../../model/tlp.ts';
import { noticeTranslationSchema } from '../../model/translation.ts';
import type { ImportProblem, NoticeCandidate } from './candidate.ts';
import type { ExistingNotices } from './existing-notices.ts';

const plainNotice = noticeSchema(() => z.string());

/**
 * The body policy of the build (src/loading/body/body-policy.ts) on an imported body, prepared as the
 * collections prepare it (`proseBody`): each refused construct or syntax error with its line and column, so a
 * body the build would refuse (a script, an expression, a `javascript:` link, an import) is refused here and
 * never written (an import that succeeds must leave content that builds).
 */
function bodyProblems(body: string, say: (field: string, message: string) => void, field: string): void {
  if (!body.trim()) return;
  for (const f of bodyFindings(proseBody(body).parsed)) {
    say(
      field,
      `line ${f.line}, column ${f.column} of the body: ${f.message} The build would refuse it; correct the text where it was exported.`,
    );
  }
}
const plainDraft = draftSchema(() => z.string());
const translationSchema = noticeTranslationSchema();

/** A candidate that passed every check: its frontmatter (id given) and what the schema made of it. */
export interface CheckedCandidate {
  candidate: NoticeCandidate;
  /** The frontmatter to write: as given, with the id the writer gave when it had none. */
  frontmatter: Record<string, unknown>;
  id: string;
  title: string;
  draft: boolean;
}

/** The year of a candidate's new id: the year it was published, else this year (UTC). */
function idYear(frontmatter: Record<string, unknown>, today: Date): number {
  const p = frontmatter.published;
  const published = p instanceof Date ? p.toISOString() : typeof p === 'string' ? p : '';
  const m = /^(\d{4})-\d{2}-\d{2}/.exec(published);
  return m ? Number(m[1]) : today.getUTCFullYear();
}

/**
 * Gives each candidate without `frontmatter.id` (a foreign STIX object, say) the next free id of its
 * year (`MO-<year>-NNNN`, src/model/notice-ids.ts), counting the content folder's ids and the file's.
 * Returns new frontmatter objects; the candidates are not changed.
 */
export function assignIds(candidates: readonly NoticeCandidate[], existing: ExistingNotices, today: Date): Array<Record<string, unknown>> {
  const used = new Set<string>([...existing.ids.keys()]);
  for (const c of candidates) if (typeof c.frontmatter.id === 'string') used.add(c.frontmatter.id.trim().toUpperCase());
  return candidates.map((c) => {
    const given = c.frontmatter.id;
    if (given !== undefined && given !== null && given !== '') return { ...c.frontmatter };
    const id = nextNoticeId(used, idYear(c.frontmatter, today));
    used.add(id);
    return { ...c.frontmatter, id };
  });
}

/** Problems of the image files of one candidate: each `images[].src` names a file given, each file given is named. */
function imageProblems(c: NoticeCandidate, frontmatter: Record<string, unknown>, say: (field: string, message: string) => void): void {
  const given = new Set(c.images.map((img) => img.file));
  c.images.forEach((img, i) => {
    const p = normaliseImagePath(img.file);
    if (!p.ok || p.path !== `./${img.file}` || img.file.includes('/')) {
      say(`images[${i}]`, `"${img.file}" is not a plain file name for an image beside index.mdx (no folders, no URL).`);
    }
  });
  const named = (Array.isArray(frontmatter.images) ? frontmatter.images : []).map((img: { src?: unknown }) =>
    typeof img?.src === 'string' ? img.src.replace(/^\.\//, '') : '',
  );
  named.forEach((src, i) => {
    if (src && !given.has(src)) say(`images[${i}].src`, `No image file "${src}" comes with this notice: the import file must carry it.`);
  });
  for (const file of given) {
    if (!named.includes(file)) say('images', `The image file "${file}" is named by no entry of images: give it an entry (src, alt, kind).`);
  }
}

/**
 * Checks every candidate (ids given first: `assignIds`). Returns the candidates ready to write, in
 * the file's order, and every problem (`file` is the import file as named in messages). Ids are
 * compared in upper case, as the build does; a translation may not be dated after `today` (UTC).
 */
export function checkCandidates(
  file: string,
  candidates: readonly NoticeCandidate[],
  frontmatters: ReadonlyArray<Record<string, unknown>>,
  existing: ExistingNotices,
  today: Date,
): { ready: CheckedCandidate[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const ready: CheckedCandidate[] = [];
  const firstWhere = new Map<string, string>();
  const markings = new Map<string, Tlp>(existing.markings);
  const parsed = candidates.map((c, i) => {
    const fm = frontmatters[i]!;
    const draft = isDraft(fm);
    return { c, fm, draft, result: (draft ? plainDraft : plainNotice).safeParse(fm) };
  });
  for (const { fm, result } of parsed) {
    if (result.success) markings.set(String(fm.id).toUpperCase(), (result.data as { tlp: Tlp }).tlp);
  }
  for (const { c, fm, draft, result } of parsed) {
    const before = problems.length;
    const say = (field: string, message: string) => problems.push({ file, where: c.where, field, message });
    if (!result.success) {
      for (const p of problemsFromIssues(file, result.error.issues)) say(p.field, p.message);
    }
    const id = typeof fm.id === 'string' ? fm.id.trim().toUpperCase() : '';
    if (id && existing.ids.has(id)) {
      say('id', `${id} exists already in the content folder (${existing.ids.get(id)}); an import never overwrites a notice.`);
    } else if (id && firstWhere.has(id)) {
      say('id', `${id} comes twice in this file (first at ${firstWhere.get(id)}); each notice needs its own id.`);
    }
    if (id && !firstWhere.has(id)) firstWhere.set(id, c.where || '(start)');
    imageProblems(c, fm, say);
    bodyProblems(c.body, say, 'body');
    for (const [lang, tr] of Object.entries(c.translations)) bodyProblems(tr.body, say, `translations.${lang}.body`);
    if (result.success) {
      for (const [lang, tr] of Object.entries(c.translations)) {
        const at = (field: string) => `translations.${lang}${field && field !== '(frontmatter)' ? `.${field}` : ''}`;
        const t = translationSchema.safeParse(tr.frontmatter);
        if (!t.success) {
          for (const p of problemsFromIssues(file, t.error.issues)) say(at(p.field), p.message);
          continue;
        }
        const checked = checkTranslations(
          'notice',
          [{ file, slug: id, lang, data: t.data, body: tr.body, valid: true }],
          new Map([[id, { file: `${c.where || id} (original)`, data: result.data, valid: true }]]),
          markings,
          today.toISOString().slice(0, 10),
        );
        for (const p of checked) say(at(p.field === '(file)' ? '' : p.field), p.message);
      }
    }
    if (problems.length === before && result.success) {
      ready.push({ candidate: c, frontmatter: fm, id, title: String((result.data as { title: string }).title), draft });
    }
  }
  return { ready, problems };
}
