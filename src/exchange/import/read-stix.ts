/**
 * The STIX 2.1 import reader (docs/exchange.md, "Import"): each attack-pattern of a bundle becomes a notice
 * draft (`draft: true`: STIX carries no image files, so the editor finishes it in the CMS). An
 * attack-pattern a Modus build exported carries the whole notice in the Modus extension and comes back
 * with every field but its images; another system's is mapped field by field (src/exchange/import/stix-foreign.ts).
 * Its TLP marking becomes `tlp` (TLP 1.0 WHITE as CLEAR); RED and a missing marking are refused. Reads only.
 */
import type { NoticeCandidate, ReadProgress, ReadResult } from './candidate.ts';
import { brokenReferences, readBundle, type StixIndex, type StixRecord } from './stix-bundle.ts';
import { foreignNotice } from './stix-foreign.ts';
import { tlpOfMarkingId, tlpOfMarkingObject } from '../stix/markings.ts';
import { JSON_FORMAT_VERSION } from '../format-version.ts';
import { highestTlp, TLP_PUBLISHABLE, type Tlp } from '../../model/tlp.ts';
import { isLanguage } from '../../model/languages.ts';

/** The Modus extension value of `ap`, if it has one (recognised by `format: "modus-notice"`). */
function modusExtension(ap: StixRecord): Record<string, unknown> | undefined {
  const extensions = ap.extensions && typeof ap.extensions === 'object' ? Object.values(ap.extensions as Record<string, unknown>) : [];
  return extensions.find(
    (e): e is Record<string, unknown> => !!e && typeof e === 'object' && (e as { format?: unknown }).format === 'modus-notice',
  );
}

/** The TLP markings of `object`'s `object_marking_refs`, by official id or by the marking object of the bundle. */
function markingsOf(object: StixRecord, objects: StixIndex): Tlp[] {
  const refs = Array.isArray(object.object_marking_refs) ? object.object_marking_refs : [];
  return refs.flatMap((ref) => {
    if (typeof ref !== 'string') return [];
    const known = tlpOfMarkingId(ref);
    if (known) return [known];
    const marking = objects.get(ref);
    const tlp = marking?.type === 'marking-definition' ? tlpOfMarkingObject(marking) : undefined;
    return tlp ? [tlp] : [];
  });
}

/** A copy of frontmatter without its images (a notice's extension never holds them; another tool's might). */
function withoutImages(value: unknown): Record<string, unknown> {
  const { images: _images, ...rest } = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return rest;
}

/**
 * Reads the STIX 2.1 bundle `text` of import file `file` (its path, for messages): one notice candidate
 * per attack-pattern, every problem found (file, object id, field, what was expected). `progress` is told
 * of each attack-pattern read (done of total). Never writes.
 */
export function readStix(file: string, text: string | Uint8Array, progress: ReadProgress = () => {}): ReadResult {
  const { objects, problems } = readBundle(file, text);
  const candidates: NoticeCandidate[] = [];
  if (problems.length) return { candidates, problems };
  const attackPatterns = [...objects.values()].filter((o) => o.type === 'attack-pattern');
  if (!attackPatterns.length) {
    problems.push({
      file,
      where: '',
      field: 'objects',
      message: 'The bundle holds no attack-pattern: Modus imports each attack-pattern as a notice draft.',
    });
  }
  // The objects an import reads: the attack-patterns, the relationships that touch them and the objects at their other end.
  const read = new Set<StixRecord>(attackPatterns);
  const apIds = new Set(attackPatterns.map((a) => a.id));
  for (const o of objects.values()) {
    if (o.type !== 'relationship' || !(apIds.has(String(o.source_ref)) || apIds.has(String(o.target_ref)))) continue;
    read.add(o);
    for (const end of [objects.get(String(o.source_ref)), objects.get(String(o.target_ref))]) if (end) read.add(end);
  }
  for (const o of read) problems.push(...brokenReferences(file, o, objects));
  let done = 0;
  for (const ap of attackPatterns) {
    progress(done++, attackPatterns.length);
    const problem = (field: string, message: string) => problems.push({ file, where: ap.id, field, message });
    const markings = markingsOf(ap, objects);
    if (!markings.length) {
      problem(
        'object_marking_refs',
        `No TLP marking: every notice must carry one. Mark the attack-pattern with a TLP 2.0 marking-definition (one of ${TLP_PUBLISHABLE.map((t) => `TLP:${t}`).join(', ')}) and export it again.`,
      );
      continue;
    }
    const ext = modusExtension(ap);
    const extTlp =
      ext && typeof (ext.notice as { tlp?: unknown } | undefined)?.tlp === 'string'
        ? ((ext.notice as { tlp: string }).tlp as Tlp)
        : undefined;
    // The stricter of the object's marking and the notice's own, should they differ.
    const tlp = highestTlp([
      ...markings,
      ...(extTlp && TLP_PUBLISHABLE.includes(extTlp as (typeof TLP_PUBLISHABLE)[number]) ? [extTlp] : []),
    ]);
    if (tlp === 'RED') {
      problem(
        'object_marking_refs',
        'TLP:RED is for named recipients only and never goes into the knowledge base: it is not imported. Share it outside Modus.',
      );
      continue;
    }
    if (ext) {
      const version = ext.format_version;
      if (typeof version !== 'number' || version > JSON_FORMAT_VERSION) {
        problem(
          `extensions.format_version`,
          `The Modus extension is format version ${String(version)}; this Modus reads version ${JSON_FORMAT_VERSION} and earlier. Update Modus, or import the notice's JSON document.`,
        );
        continue;
      }
      const translations: NoticeCandidate['translations'] = {};
      const extTranslations = (ext.translations && typeof ext.translations === 'object' ? ext.translations : {}) as Record<
        string,
        { notice?: unknown; body?: unknown }
      >;
      for (const [lang, t] of Object.entries(extTranslations)) {
        if (isLanguage(lang)) translations[lang] = { frontmatter: withoutImages(t.notice), body: typeof t.body === 'string' ? t.body : '' };
      }
      candidates.push({
        where: ap.id,
        ...(typeof ext.slug === 'string' ? { slug: ext.slug } : {}),
        frontmatter: { ...withoutImages(ext.notice), tlp, draft: true },
        body: typeof ext.body === 'string' ? ext.body : '',
        images: [],
        translations,
      });
    } else {
      const { frontmatter, body } = foreignNotice(ap, objects);
      candidates.push({ where: ap.id, frontmatter: { ...frontmatter, tlp, draft: true }, body, images: [], translations: {} });
    }
  }
  progress(done, attackPatterns.length);
  return { candidates, problems };
}
