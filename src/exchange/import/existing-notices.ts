/**
 * What the content folder holds already, for the import writer: every notice's id and marking, every
 * folder name and alias (a new folder must take none of them). Read straight from
 * `<contentDir>/notices/<folder>/index.mdx` as the site reads them (src/loading/frontmatter.ts), drafts
 * included; folders whose name starts with a dot (an import's unfinished folder) are not notices.
 * Read-only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readEntryFile } from '../../loading/frontmatter.ts';
import type { Tlp } from '../../model/tlp.ts';

/** The notices of a content folder as the writer needs them. */
export interface ExistingNotices {
  /** Notice id (upper case) → folder holding it, relative to the content folder (`notices/<folder>`). */
  ids: Map<string, string>;
  /** Notice id (upper case) → marking as written (`tlp`, upper case, without `TLP:`), when readable. */
  markings: Map<string, Tlp>;
  /** Names taken under `notices/`: every folder (dot-folders included) and every alias. */
  takenSlugs: Set<string>;
}

/**
 * Reads `<contentDir>/notices/` (an absent folder means no notices). A file whose frontmatter is not YAML
 * keeps its folder name taken but gives no id (the build reports it).
 */
export function readExistingNotices(contentDir: string): ExistingNotices {
  const dir = path.join(contentDir, 'notices');
  const out: ExistingNotices = { ids: new Map(), markings: new Map(), takenSlugs: new Set() };
  if (!fs.existsSync(dir)) return out;
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    out.takenSlugs.add(d.name);
    const file = path.join(dir, d.name, 'index.mdx');
    if (!d.isDirectory() || d.name.startsWith('.') || !fs.existsSync(file)) continue;
    let data: Record<string, unknown>;
    try {
      data = readEntryFile(fs.readFileSync(file, 'utf8')).data;
    } catch {
      continue;
    }
    if (typeof data.id === 'string') {
      const id = data.id.trim().toUpperCase();
      out.ids.set(id, path.join('notices', d.name));
      if (typeof data.tlp === 'string') out.markings.set(id, data.tlp.trim().toUpperCase().replace(/^TLP:/, '') as Tlp);
    }
    if (Array.isArray(data.aliases)) for (const a of data.aliases) out.takenSlugs.add(String(a));
  }
  return out;
}
