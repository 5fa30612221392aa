/**
 * What the content folder holds, read straight from the files for the dist check (not through
 * the build's own knowledge base, so that a fault there cannot hide itself): every notice and
 * course with its marking, slug, id, aliases, prose, images and facet values, and every original
 * file (images and other attachments) that must never be copied to dist/ as it is.
 * Files are split and their frontmatter parsed as the site reads them (src/loading/frontmatter.ts),
 * then normalised with the notice schema (src/model); bodies are read with the MDX parser Astro uses
 * (satteri). Read-only: never writes to the content folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { mdxToMdast } from 'satteri';
import { z } from 'astro/zod';
import { noticeSchema, tlpField } from '../model/notice.ts';
import { draftSchema, isDraft } from '../model/draft.ts';
import { imageSrcPath, normaliseImagePath } from '../model/images.ts';
import type { Tlp } from '../model/tlp.ts';
import { FACETS } from '../knowledge/facets.ts';
import { keyFacts, keyFactLinesOf, keyFactText } from '../render/key-facts.ts';
import type { NoticeData } from '../model/notice.ts';
import { imageMarking } from '../loading/audience.ts';
import { readEntryFile } from '../loading/frontmatter.ts';
import { LANGUAGE_CODES, type Language } from '../model/languages.ts';
import { noticeTranslationSchema, translationLanguageOf, type NoticeTranslationData } from '../model/translation.ts';
import { localiseNotice, proseLanguage } from '../knowledge/localise.ts';
import { facetValueLabel } from '../render/i18n/labels.ts';

/** One content entry as the dist check sees it. */
export interface ManifestEntry {
  kind: 'notice' | 'course';
  /** Path relative to the content folder, e.g. `notices/lionfish/index.mdx`. */
  file: string;
  slug: string;
  id?: string;
  tlp: Tlp;
  /** A draft notice (src/model/draft.ts): withheld from every build, whatever its marking. */
  draft: boolean;
  aliases: string[];
  /** Prose: frontmatter texts and body blocks (paragraphs, headings, cells, code). */
  texts: string[];
  /** Images with their effective marking (the more restrictive of image and notice). */
  images: Array<{ file: string; tlp: Tlp }>;
  /** Facet values (browse path segment and Pagefind filter label), notices only. */
  facets: Array<{ facet: string; filter?: string; value: string; label: string }>;
}

/** The content folder as read: entries, and every original file (absolute paths). */
export interface ContentManifest {
  contentDir: string;
  entries: ManifestEntry[];
  originals: string[];
}

/** Frontmatter keys that hold codes, dates, references or paths rather than prose. */
const NOT_PROSE = new Set([
  'id',
  'language',
  'translated',
  'tlp',
  'status',
  'published',
  'updated',
  'date',
  'related',
  'supersededBy',
  'aliases',
  'src',
  'url',
  'kind',
  'country',
  'requestingCountry',
  'crimeAreas',
  'commodities',
  'category',
  'antiDetection',
  'transportModes',
  'route',
  'location',
  'detection',
  'year',
  'notice',
  'role',
  'level',
  'audience',
  'durationMinutes',
]);

/** Every prose string of a frontmatter value (recursively), skipping NOT_PROSE keys. */
export function proseOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) proseOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!NOT_PROSE.has(k)) proseOf(v, out);
  }
  return out;
}

interface MdNode {
  type: string;
  value?: unknown;
  children?: MdNode[];
}
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'code', 'html']);

/** The text of each block of an MDX body (falls back to its lines when it does not parse). */
export function bodyBlocks(body: string): string[] {
  let tree: MdNode;
  try {
    tree = mdxToMdast(body, { position: false });
  } catch {
    return body.split(/\n{2,}/);
  }
  const out: string[] = [];
  const text = (n: MdNode): string =>
    (typeof n.value === 'string' && n.type !== 'mdxFlowExpression' && n.type !== 'mdxTextExpression' ? n.value : '') +
    (n.children ?? []).map(text).join('');
  const walk = (n: MdNode) => {
    if (BLOCKS.has(n.type)) out.push(text(n));
    else for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  return out;
}

const plainNotice = noticeSchema(() => z.string());
const plainDraft = draftSchema(() => z.string());
const plainTlp = tlpField();

/** The file name of an image as a translation writes it (the original's `src`), as the pages match them. */
const srcName = (src: unknown) => imageSrcPath(src).replace(/^\.\//, '');

/**
 * The key-fact lines of a notice page that join facet values to text (src/render/key-facts.ts, the
 * definition the page renders): "Inside goods: sculptures of animals; in the base", "Netherlands, 2023,
 * seaport: 1.2 t". A visible notice shows them, so another notice's caption or sentence that repeats
 * one is not a leak of that notice (the dist check's phrases cross the label and the text). The page
 * of each language shows the notice's own words from its translation into that language, when it has
 * one (`translations`, as src/render/data/localised.ts localises it: "Cache naturelle d'un véhicule :
 * figurines en résine"), else the original's.
 */
export function keyFactLines(d: NoticeData, translations: ReadonlyMap<Language, NoticeTranslationData> = new Map()): string[] {
  return LANGUAGE_CODES.flatMap((lang) => {
    const translation = translations.get(lang);
    const prose = proseLanguage(d, lang, translation);
    const shown = localiseNotice(d, prose.state === 'missing' ? undefined : translation, srcName);
    return keyFacts(shown, undefined, lang, prose.lang)
      .flatMap(keyFactLinesOf)
      .filter((l) => l.parts.some((p) => p.type === 'facet') && l.parts.some((p) => p.type === 'text'))
      .map((l) => keyFactText(l, lang));
  });
}

/** A translation beside an entry (`index.<lang>.mdx`): its language, frontmatter as written, and body. */
export interface TranslationFile {
  lang: Language;
  data: Record<string, unknown>;
  body: string;
}

/**
 * The translations beside an entry (`index.<lang>.mdx`: src/model/translation.ts), in file-name order. A
 * translation that is not YAML is left out (it fails the build before the dist check runs).
 */
export function readTranslations(contentDir: string, entryDir: string): TranslationFile[] {
  const dir = path.join(contentDir, entryDir);
  return fs
    .readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const lang = translationLanguageOf(name);
      if (lang === undefined) return [];
      try {
        const { data, body } = readEntryFile(fs.readFileSync(path.join(dir, name), 'utf8'), path.join(entryDir, name));
        return [{ lang, data, body }];
      } catch {
        return [];
      }
    });
}

/**
 * The prose of an entry's translations: their frontmatter texts and body blocks. A withheld entry's
 * translations are withheld with it, so their sentences are its sentences in every language's pages
 * and search index.
 */
export function translationTexts(translations: readonly TranslationFile[]): string[] {
  return translations.flatMap((t) => [...proseOf(t.data), ...bodyBlocks(t.body)]);
}

const plainTranslation = noticeTranslationSchema();

/** A notice's translations that pass the translation schema, by language (the pages localise with these). */
function noticeTranslations(translations: readonly TranslationFile[]): Map<Language, NoticeTranslationData> {
  return new Map(
    translations.flatMap((t) => {
      const parsed = plainTranslation.safeParse(t.data);
      return parsed.success ? [[t.lang, parsed.data] as const] : [];
    }),
  );
}

/** Reads one entry file. `kind` decides how frontmatter is normalised. */
export function readEntry(contentDir: string, kind: ManifestEntry['kind'], slug: string): ManifestEntry {
  const file = path.join(kind === 'notice' ? 'notices' : 'courses', slug, 'index.mdx');
  const abs = path.join(contentDir, file);
  const { data: raw, body } = readEntryFile(fs.readFileSync(abs, 'utf8'), file);
  const draft = kind === 'notice' && isDraft(raw);
  const notice = kind === 'notice' && !draft ? plainNotice.safeParse(raw) : undefined;
  const draftData = draft ? plainDraft.safeParse(raw) : undefined;
  const translations = readTranslations(contentDir, path.dirname(file));
  const data = (notice?.success ? notice.data : draftData?.success ? draftData.data : raw) as Record<string, unknown>;
  const tlpParsed = plainTlp.safeParse(raw.tlp);
  // An unreadable marking is treated as the most restrictive (the build refuses it before this runs).
  const tlp: Tlp = tlpParsed.success ? tlpParsed.data : 'RED';
  const images = (Array.isArray(data.images) ? data.images : []).flatMap((img: { src?: unknown; tlp?: unknown }) => {
    const p = typeof img?.src === 'string' ? normaliseImagePath(img.src) : undefined;
    if (!p?.ok) return [];
    const own = plainTlp.safeParse(img.tlp);
    return [{ file: path.join(path.dirname(abs), p.path), tlp: imageMarking(tlp, own.success ? own.data : undefined) }];
  });
  // A facet value is a search filter under its label in every language.
  const facets = notice?.success
    ? FACETS.flatMap((f) =>
        f.values(notice.data).flatMap((v) =>
          [...new Set(LANGUAGE_CODES.map((lang) => facetValueLabel(f, v, lang)))].map((label) => ({
            facet: f.key,
            filter: f.filter,
            value: v.value,
            label,
          })),
        ),
      )
    : [];
  return {
    kind,
    file,
    slug,
    id: typeof raw.id === 'string' ? raw.id.trim().toUpperCase() : undefined,
    tlp,
    draft,
    aliases: Array.isArray(raw.aliases) ? raw.aliases.map(String) : [],
    texts: [
      ...proseOf(data),
      ...(notice?.success ? keyFactLines(notice.data, noticeTranslations(translations)) : []),
      ...bodyBlocks(body),
      ...translationTexts(translations),
    ],
    images,
    facets,
  };
}

/** Files that are content text, not originals that could be copied. */
const TEXT_FILES = /\.(mdx?|ya?ml|json|txt)$/i;

/** Reads the whole content folder (`notices/`, and `courses/` when present). */
export function readContentManifest(contentDir: string): ContentManifest {
  const entries: ManifestEntry[] = [];
  for (const [kind, folder] of [
    ['notice', 'notices'],
    ['course', 'courses'],
  ] as const) {
    const dir = path.join(contentDir, folder);
    if (!fs.existsSync(dir)) continue;
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      // A folder whose name starts with a dot is no entry (the loader's glob skips it).
      if (d.isDirectory() && !d.name.startsWith('.') && fs.existsSync(path.join(dir, d.name, 'index.mdx')))
        entries.push(readEntry(contentDir, kind, d.name));
    }
  }
  const originals = fs
    .readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !TEXT_FILES.test(d.name))
    .map((d) => path.join(d.parentPath, d.name));
  return { contentDir, entries, originals };
}
