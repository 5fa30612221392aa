/**
 * The knowledge base of one build: the notices this build's audience may see, and their derived
 * indexes, computed once per build (memoised) and shared by every page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { readSettings } from '../settings.ts';
import { audienceMaySee } from '../schema/tlp.ts';
import { buildIndexes, type Indexes } from './indexes.ts';

/** A notice entry of the content collection. */
export type Notice = CollectionEntry<'notices'>;
export type KnowledgeBase = Indexes<Notice> & { audience: ReturnType<typeof readSettings>['audience'] };

let kb: Promise<KnowledgeBase> | undefined;

async function load(): Promise<KnowledgeBase> {
  const { audience } = readSettings();
  const all = await getCollection('notices');
  const visible = all.filter((n) => audienceMaySee(audience, n.data.tlp));
  const indexes = buildIndexes(visible);
  console.info(`[modus] derived indexes computed once for ${indexes.notices.length} notices (audience ${audience})`);
  return { ...indexes, audience };
}

/** The knowledge base, computed on first use and reused by every page of the build. */
export function getKnowledgeBase(): Promise<KnowledgeBase> {
  kb ??= load();
  return kb;
}
