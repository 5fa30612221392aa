/**
 * The offline page's script (src/pages/[...lang]/offline.astro; Astro bundles it into a file of the site,
 * the page's policy runs no inline script). Registers the service worker (`<base>sw.js`, scope `<base>`,
 * both given by the page) and saves the offline copy itself, file by file, into a cache of its own
 * (`modus-copy-<build id>-<time>`), from the build's manifest (`<base>offline/manifest.json`); then records
 * it (cache `modus-meta`), which the worker reads, and deletes the copy it replaces. A copy that fails half
 * way is deleted, the one before it kept. Shows what the copy holds, tells of a newer build
 * (`<base>offline/build.json`) and updates to it, and removes everything in one action: every cache of
 * Modus and the worker's registration (docs/offline.md).
 */
import type { OfflineWord } from './offline-words.ts';

/** A file of the copy: its path relative to the base and its size in bytes (src/offline/manifest.ts). */
type CopyFile = [string, number];
/** The parts of the manifest (src/offline/manifest.ts, `OfflineManifest`) this script reads. */
interface Manifest {
  version: number;
  id: string;
  time: string;
  shell: CopyFile[];
  notices: Record<string, CopyFile[]>;
  courses: Record<string, { files: CopyFile[]; notices: string[] }>;
}
/** The record of the saved copy (also read by the service worker: `id`, `time`, `cache`). */
interface SavedCopy {
  id: string;
  time: string;
  saved: string;
  cache: string;
  course?: { slug: string; title: string };
  notices: number;
  pages: number;
  bytes: number;
}

const META = 'modus-meta';
const PREFIX = 'modus-';
/** Files fetched at once while saving. */
const IN_FLIGHT = 6;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

/** Starts the page: does nothing without its container; shows why when the browser cannot keep a copy. */
export async function startOfflinePage(): Promise<void> {
  const root = $('offline-copy');
  if (!root) return;
  const d = root.dataset;
  if (!('serviceWorker' in navigator) || !('caches' in window) || !window.isSecureContext) {
    $('offline-unsupported')!.hidden = false;
    return;
  }
  root.hidden = false;
  const page = new OfflinePage(
    d.scope!,
    d.sw!,
    d.manifest!,
    d.build!,
    d.state!,
    d.lang!,
    JSON.parse(d.words!) as Record<OfflineWord, string>,
  );
  await page.start();
}

class OfflinePage {
  private manifest: Manifest | null = null;
  private readonly scope: string;
  private readonly stateKey: string;

  constructor(
    private readonly scopePath: string,
    private readonly swUrl: string,
    private readonly manifestUrl: string,
    private readonly buildUrl: string,
    statePath: string,
    private readonly lang: string,
    private readonly words: Record<OfflineWord, string>,
  ) {
    this.scope = new URL(scopePath, location.href).href;
    this.stateKey = new URL(statePath, location.href).href;
  }

  async start(): Promise<void> {
    try {
      await navigator.serviceWorker.register(this.swUrl, { scope: this.scopePath });
    } catch {
      $('offline-unsupported')!.hidden = false;
    }
    $('offline-save-all')?.addEventListener('click', () => void this.save(undefined));
    $('offline-save-course')?.addEventListener('click', () => void this.save(this.chosenCourse()));
    $<HTMLSelectElement>('offline-course')?.addEventListener('change', () => this.showSizes());
    $('offline-update')!.addEventListener('click', () => void this.update());
    $('offline-remove')!.addEventListener('click', () => void this.remove());
    let unreachable = !navigator.onLine;
    try {
      const r = await fetch(this.manifestUrl, { cache: 'no-store' });
      if (r.ok) this.manifest = (await r.json()) as Manifest;
    } catch {
      unreachable = true; // offline: the copy can be shown and removed, not saved
    }
    if (!this.manifest && unreachable) this.showOffline();
    this.showSizes();
    await this.showCopy();
  }

  /** `key` in the page's language, `{name}` placeholders filled (values isolated in Arabic, as the pages do). */
  private say(key: OfflineWord, vars: Record<string, string | number> = {}): string {
    const rtl = document.documentElement.dir === 'rtl';
    return this.words[key].replace(/\{(\w+)\}/g, (_, k: string) =>
      k in vars ? (rtl ? `\u2068${vars[k]}\u2069` : String(vars[k])) : `{${k}}`,
    );
  }

  private mb(bytes: number): string {
    const locale = this.lang === 'ar' ? 'ar-u-nu-latn' : this.lang;
    return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.max(bytes, 1e5) / 1e6);
  }

  private chosenCourse(): { slug: string; title: string } | undefined {
    const select = $<HTMLSelectElement>('offline-course');
    const option = select?.selectedOptions[0];
    return option ? { slug: option.value, title: option.textContent?.trim() ?? option.value } : undefined;
  }

  /** A saved course's title in this page's language (its option in the course list), else as it was saved. */
  private courseTitle(course: { slug: string; title: string }): string {
    const options = $<HTMLSelectElement>('offline-course')?.options ?? [];
    const option = [...options].find((o) => o.value === course.slug);
    return option?.textContent?.trim() || course.title;
  }

  /** The files of a copy of the whole knowledge base (no course) or of one course's notices, each once. */
  private filesOf(m: Manifest, course: string | undefined): Map<string, number> {
    const lists: CopyFile[][] = [m.shell];
    if (course === undefined) lists.push(...Object.values(m.notices), ...Object.values(m.courses).map((c) => c.files));
    else {
      const c = m.courses[course];
      if (!c) throw new Error(course);
      lists.push(c.files, ...c.notices.map((n) => m.notices[n] ?? []));
    }
    return new Map(lists.flat());
  }

  private bytesOf(files: Map<string, number>): number {
    return [...files.values()].reduce((a, b) => a + b, 0);
  }

  /** Offline, nothing can be saved or updated: says so, and hides the save buttons (their sizes are unknown). */
  private showOffline(): void {
    $('offline-no-network')!.hidden = false;
    for (const id of ['offline-save-all', 'offline-save-course']) {
      const b = $<HTMLButtonElement>(id);
      if (b) b.hidden = true;
    }
  }

  private showSizes(): void {
    const all = $<HTMLButtonElement>('offline-save-all')!;
    const one = $<HTMLButtonElement>('offline-save-course');
    const m = this.manifest;
    all.disabled = !m;
    if (one) one.disabled = !m;
    if (!m) return;
    all.textContent = this.say('offline.saveAll', { size: this.mb(this.bytesOf(this.filesOf(m, undefined))) });
    const course = this.chosenCourse();
    if (one && course && m.courses[course.slug]) {
      one.textContent = this.say('offline.saveCourseButton', { size: this.mb(this.bytesOf(this.filesOf(m, course.slug))) });
    }
  }

  private async saved(): Promise<SavedCopy | null> {
    if (!(await caches.has(META))) return null; // (opening it would make it again after a removal)
    const r = await (await caches.open(META)).match(this.stateKey);
    return r ? ((await r.json()) as SavedCopy) : null;
  }

  /** Shows what the copy on this device holds, and whether a newer build is published. */
  private async showCopy(): Promise<void> {
    const copy = await this.saved();
    const summary = $('offline-summary')!;
    const newer = $('offline-newer')!;
    $('offline-remove')!.hidden = !copy;
    $('offline-update')!.hidden = true;
    newer.hidden = true;
    if (!copy) {
      summary.textContent = this.say('offline.none');
      return;
    }
    summary.textContent = this.say('offline.summary', {
      what: copy.course ? this.say('offline.what.course', { course: this.courseTitle(copy.course) }) : this.say('offline.what.all'),
      notices: copy.notices,
      pages: copy.pages,
      size: this.mb(copy.bytes),
      build: copy.id.slice(0, 12),
      built: copy.time.slice(0, 10),
      saved: copy.saved.slice(0, 10),
    });
    let published: { id: string; time: string } | null = null;
    try {
      const r = await fetch(this.buildUrl, { cache: 'no-store' });
      if (r.ok) published = (await r.json()) as { id: string; time: string };
    } catch {
      // offline: nothing to compare with
    }
    if (!published) return;
    newer.hidden = false;
    if (published.id === copy.id) newer.textContent = this.say('offline.latest');
    else {
      newer.textContent = this.say('offline.newer', { build: published.id.slice(0, 12), built: published.time.slice(0, 10) });
      $('offline-update')!.hidden = false;
    }
  }

  private progress(text: string): void {
    $('offline-progress')!.textContent = text;
  }

  /** Saves the whole knowledge base (`course` undefined) or one course's notices from the manifest; replaces the copy kept before. */
  private async save(course: { slug: string; title: string } | undefined): Promise<void> {
    const m = this.manifest;
    if (!m) return;
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('#offline-copy button')];
    buttons.forEach((b) => (b.disabled = true));
    const name = `${PREFIX}copy-${m.id}-${Date.now()}`;
    let outcome: string;
    try {
      const files = this.filesOf(m, course?.slug);
      const cache = await caches.open(name);
      const queue = [...files.keys()];
      let done = 0;
      this.progress(this.say('offline.saving', { done, total: queue.length }));
      const worker = async () => {
        for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
          const url = `${this.scope}${p}`;
          const r = await fetch(url, { cache: 'no-store' });
          if (!r.ok) throw new Error(`${r.status} ${p}`);
          const headers = new Headers(r.headers);
          headers.set('X-Modus-Build', m.id);
          headers.set('X-Modus-Built', m.time);
          await cache.put(url, new Response(await r.blob(), { status: 200, headers }));
          this.progress(this.say('offline.saving', { done: ++done, total: files.size }));
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      const pages = [...files.keys()].filter((p) => p === '' || p.endsWith('/') || p.endsWith('.html')).length;
      const notices = course ? m.courses[course.slug]!.notices.length : Object.keys(m.notices).length;
      const record: SavedCopy = {
        id: m.id,
        time: m.time,
        saved: new Date().toISOString(),
        cache: name,
        course,
        notices,
        pages,
        bytes: this.bytesOf(files),
      };
      const meta = await caches.open(META);
      await meta.put(this.stateKey, new Response(JSON.stringify(record), { headers: { 'Content-Type': 'application/json' } }));
      for (const key of await caches.keys()) if (key.startsWith(`${PREFIX}copy-`) && key !== name) await caches.delete(key);
      outcome = this.say('offline.saved');
    } catch (err) {
      await caches.delete(name);
      outcome = this.say('offline.failed', { reason: err instanceof Error ? err.message : String(err) });
    }
    buttons.forEach((b) => (b.disabled = false));
    this.showSizes();
    await this.showCopy();
    this.progress(outcome); // last: once it shows, the page shows the copy as it now is
  }

  /** Saves the newest build in place of the copy, with the same choice (the whole base or the same course). */
  private async update(): Promise<void> {
    const copy = await this.saved();
    try {
      const r = await fetch(this.manifestUrl, { cache: 'no-store' });
      if (r.ok) this.manifest = (await r.json()) as Manifest;
    } catch {
      // keep the manifest we have
    }
    await this.save(copy?.course);
  }

  /** Removes the copy in one action: every cache of Modus, and the service worker's registration. */
  private async remove(): Promise<void> {
    for (const key of await caches.keys()) if (key.startsWith(PREFIX)) await caches.delete(key);
    const registration = await navigator.serviceWorker.getRegistration(this.scopePath);
    await registration?.unregister();
    await this.showCopy();
    this.progress(this.say('offline.removed'));
  }
}
