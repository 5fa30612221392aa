/**
 * Bodies: each one is prepared (the literal-prose repair, `prepareBody`), parsed, checked against the
 * body policy and rendered ONCE per load, from one parse (src/loading/body/parse-body.ts). Rendered
 * here, a body is stored with its entry as Astro's `rendered`: no entry becomes an MDX module for Vite
 * to bundle (docs/performance.md, memory). A body that breaks the policy is never rendered; its findings are
 * reported with the file's line and column.
 */
import type { LoaderContext } from 'astro/loaders';
import { bodyFindings, type BodyFinding } from '../body/body-policy.ts';
import { lineColumn } from '../body/mdx-escape.ts';
import { parseBody } from '../body/parse-body.ts';
import { renderParsedBody, type RenderedBody } from '../body/render-body.ts';
import type { ContentProblem } from '../problems.ts';
import type { LoadedEntry, PreparedBody } from './options.ts';

/** A body as read, prepared and checked once per load (its trees are not kept: see `BodyChecks.check`). */
export interface CheckedBody {
  /** The body as written. */
  body: string;
  prepared: Omit<PreparedBody, 'parsed'>;
  findings: BodyFinding[];
  /** True once rendering was tried (from the one parse; never when there are findings); `renderError` says why it failed. */
  renderTried: boolean;
  renderError?: string;
}

/** The outcome of `BodyChecks.check`: the checked body, and its HTML when it was rendered by this call. */
export interface BodyCheck {
  checked: CheckedBody;
  rendered?: RenderedBody;
}

/** Prepares, checks and renders the bodies of one load, each once. */
export class BodyChecks {
  readonly #prepare: (body: string) => PreparedBody;
  readonly #done = new Map<string, CheckedBody>();

  /** `prepare` is the collection's `prepareBody` (default: the body as written). */
  constructor(prepare?: (body: string) => PreparedBody) {
    this.#prepare = prepare ?? ((text) => ({ text }));
  }

  /**
   * Checks the body of entry `id`: prepared, parsed and checked once per load, again only when the
   * text differs from the one checked (a file changed under `astro dev`). With `render`, a body that
   * passes the policy is rendered from that same parse, once: the HTML is returned by the call that
   * rendered it and not kept (the store keeps it), the renderer's error is kept in `renderError`.
   */
  check(id: string, body: string, render = false): BodyCheck {
    const known = this.#done.get(id);
    if (known && known.body === body && (!render || known.renderTried || known.findings.length > 0)) return { checked: known };
    const { parsed: given, ...prepared } = this.#prepare(body);
    const parsed = given && given.text === prepared.text ? given : parseBody(prepared.text);
    const checked: CheckedBody = { body, prepared, findings: bodyFindings(parsed), renderTried: false };
    this.#done.set(id, checked);
    if (!render || checked.findings.length > 0) return { checked };
    checked.renderTried = true;
    try {
      return { checked, rendered: renderParsedBody(parsed) };
    } catch (err) {
      checked.renderError = (err as Error).message;
      return { checked };
    }
  }
}

/**
 * The collection's store as Astro's glob loader sees it: an entry it would leave for Astro to compile
 * as an MDX module (`deferredRender`) is stored rendered instead, when its body passes the body policy
 * (else unrendered: the loader's checks report it). The body itself is not stored: pages show the
 * rendered HTML, and Astro bundles the whole store into the build, so every stored byte costs memory
 * (docs/performance.md); the checks read bodies from the files. Also used by glob's file watcher in `astro dev`.
 */
export function renderingStore(store: LoaderContext['store'], bodies: BodyChecks): LoaderContext['store'] {
  return {
    ...store,
    set: (entry) => {
      if (!entry.deferredRender) return store.set(entry);
      const { deferredRender: _deferred, body, ...rest } = entry;
      const { rendered } = bodies.check(rest.id, body ?? '', true);
      return store.set(rendered ? { ...rest, rendered } : rest);
    },
  };
}

/**
 * The body problems of a stored entry (`stored`, with `entry` as the checks see it: body and the line
 * it starts on): its policy findings at lines and columns of the file. A body stored unrendered (the
 * renderer refused it, or the policy did in an earlier build and the file has not changed since) is
 * rendered now and stored again, or the reason it cannot be is reported. Warnings of the preparation
 * (text the repair shows as typed) are logged with their line and column.
 */
export function storedBodyProblems(
  ctx: LoaderContext,
  stored: ReturnType<LoaderContext['store']['values']>[number],
  entry: LoadedEntry,
  bodies: BodyChecks,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const body = entry.body ?? '';
  const bodyLine = entry.bodyLine ?? 1;
  const { checked, rendered } = bodies.check(stored.id, body, !stored.rendered);
  for (const f of checked.findings) {
    problems.push({ file: entry.file, field: 'body', line: bodyLine + f.line - 1, column: f.column, message: f.message });
  }
  if (rendered) {
    ctx.store.delete(stored.id);
    ctx.store.set({ ...stored, rendered });
  } else if (checked.renderError !== undefined && !stored.rendered) {
    problems.push({ file: entry.file, field: 'body', message: `The body could not be rendered: ${checked.renderError}` });
  }
  for (const w of checked.prepared.warnings ?? []) {
    const at = lineColumn(body, w.offset);
    ctx.logger.warn(`${entry.file}:${bodyLine + at.line - 1}:${at.column} ${w.message}`);
  }
  return problems;
}
