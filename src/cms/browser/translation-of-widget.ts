/**
 * The "Translation of" widget of a translation's form: the folder of the original it translates, from
 * which Decap makes a new translation's path (`<folder>/index.<lang>.mdx`); the translation format never
 * writes it into the file (translation-format.ts).
 * - A new translation: a list of the originals written in another language and not yet translated into
 *   this one (loaded live through Decap's backend, as the notice-id widget loads ids). Opened as
 *   `…/new?original=<folder>`, the original is chosen already.
 * - A saved translation: which original it belongs to (its folder), read-only: the file stays where it is.
 * Either way it loads the original for the side-by-side preview and the save (translation-store.ts), and
 * before Decap saves it refuses what would lose or break something: an original that already has a
 * translation into this language (the save would overwrite it), one written in this language, and a
 * translation that does not fit its original (translation-fit.ts).
 */
import type { ImmutableLike } from './decap.d.ts';
import { parseTranslationCollection } from '../node/widgets.ts';
import { labelOf, languages } from '../../model/vocabularies.ts';
import {
  folderOf,
  originalIn,
  rememberForm,
  rememberOriginal,
  rememberQuery,
  type OriginalEntry,
  type Query,
} from './translation-store.ts';
import { applyEdits, saveEdits, translationProblems, type FitField } from './translation-fit.ts';

type Hit = { slug?: string; path?: string; data?: Record<string, unknown> };

interface ControlProps {
  forID: string;
  value?: string;
  field: ImmutableLike;
  collection: ImmutableLike;
  classNameWrapper: string;
  onChange: (value: string) => void;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
  getEntry?: () => ImmutableLike;
  entry?: ImmutableLike;
  query: Query;
}

interface State {
  /** Every original of the collection, by folder (null until loaded). */
  originals: Map<string, OriginalEntry> | null;
  /** Folders that have a translation into this language already (null until loaded; new translations only). */
  translated: Set<string> | null;
  failed: boolean;
}

interface Self {
  props: ControlProps;
  state: State;
  setState(s: Partial<State>): void;
  mounted?: boolean;
  entry(): ImmutableLike | undefined;
  isNew(): boolean;
  folder(): string | undefined;
  target(): { kind: 'notice' | 'course'; lang: string; originals: string; name: string };
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** "MO-2025-0007 · Title (written in English)" for a notice, "Title (written in English)" for a course. */
function describe(o: OriginalEntry): string {
  const id = text(o.data.id);
  return `${id ? `${id} · ` : ''}${text(o.data.title) || o.folder} (written in ${labelOf(languages, text(o.data.language) || 'en')})`;
}

/** The control component class (built on first use: `createClass` exists only once Decap loaded). */
export function TranslationOfControl(): unknown {
  const h = window.h!;
  return window.createClass!({
    getInitialState(): State {
      return { originals: null, translated: null, failed: false };
    },
    entry(this: Self) {
      return this.props.getEntry ? this.props.getEntry() : this.props.entry;
    },
    isNew(this: Self): boolean {
      return Boolean(this.entry()?.get('newRecord'));
    },
    /** The original's folder: chosen here for a new translation, the file's own folder for a saved one. */
    folder(this: Self): string | undefined {
      return this.isNew() ? this.props.value || undefined : folderOf(this.entry()?.get('slug') as string | undefined);
    },
    target(this: Self) {
      const name = this.props.collection.get('name') as string;
      const parsed = parseTranslationCollection(name) ?? { kind: 'notice' as const, lang: '' };
      return { ...parsed, name, originals: this.props.field.get('originals') as string };
    },
    componentDidMount(this: Self) {
      this.mounted = true;
      const { forID, query, collection } = this.props;
      const t = this.target();
      rememberForm(t.name, (collection.get('fields') as ImmutableLike).toJS() as FitField[]);
      rememberQuery(t.name, query);
      const folders = (hits: Hit[] | undefined) => (hits ?? []).map((hit) => ({ hit, folder: folderOf(hit.slug ?? hit.path) }));
      const originals = query(`${forID}-originals`, t.originals, ['title'], '').then((action) => {
        const map = new Map<string, OriginalEntry>();
        for (const { hit, folder } of folders(action?.payload?.hits)) {
          if (!folder || !hit.data) continue;
          const entry = { folder, data: hit.data };
          map.set(folder, entry);
          rememberOriginal(t.originals, entry);
        }
        return map;
      });
      const translated = this.isNew()
        ? query(`${forID}-translated`, t.name, ['title'], '').then(
            (action) => new Set(folders(action?.payload?.hits).flatMap(({ folder }) => (folder ? [folder] : []))),
          )
        : Promise.resolve(new Set<string>());
      Promise.all([originals, translated])
        .then(([o, tr]) => this.mounted && this.setState({ originals: o, translated: tr }))
        .catch(() => this.mounted && this.setState({ failed: true }));
    },
    componentWillUnmount(this: Self) {
      this.mounted = false;
    },
    /** What Decap checks the field's presence on: the folder (a saved translation's file does not hold the field). */
    getValidateValue(this: Self) {
      return this.folder();
    },
    /** Decap calls this before saving: a reason not to save blocks it with a message. */
    isValid(this: Self) {
      const value = this.folder();
      const t = this.target();
      const refuse = (message: string) => ({ error: { message } });
      if (this.state.failed) return refuse('Could not load the originals; reload the page and try again.');
      if (!this.state.originals || !this.state.translated) return refuse('Still loading the original; try again in a moment.');
      if (!value) return refuse(`Choose the ${t.kind} this translates under "Translation of".`);
      // Decap makes the folder name a slug (lower case, no dots): a folder it would rename cannot be translated here.
      if (this.isNew() && !/^[a-z0-9_-]+$/.test(value))
        return refuse(`The folder "${value}" has characters Decap would change in a path; rename it first.`);
      const original = this.state.originals.get(value) ?? originalIn(t.originals, value);
      if (!original) return refuse(`There is no ${t.kind} in the folder "${value}".`);
      if (this.isNew() && this.state.translated.has(value)) {
        return refuse(
          `"${describe(original)}" has a ${labelOf(languages, t.lang)} translation already: open it from the list instead of starting a new one.`,
        );
      }
      const fields = (this.props.collection.get('fields') as ImmutableLike).toJS() as FitField[];
      const data = ((this.entry()?.get('data') as ImmutableLike | undefined)?.toJS() ?? {}) as Record<string, unknown>;
      const problems = translationProblems(applyEdits(data, saveEdits(data, original.data, fields)), original.data, fields, t.lang);
      return problems.length ? refuse(problems.join(' ')) : true;
    },
    render(this: Self) {
      const { forID, classNameWrapper, onChange, setActiveStyle, setInactiveStyle } = this.props;
      const value = this.folder();
      const t = this.target();
      const language = labelOf(languages, t.lang);
      const { originals, translated, failed } = this.state;
      const chosen = value ? originals?.get(value) : undefined;
      const status = (message: string) =>
        h(
          'p',
          {
            id: `${forID}-status`,
            'data-testid': 'translation-of-status',
            style: { margin: '0.4rem 0 0', fontSize: '0.85em', color: '#50505a' },
          },
          message,
        );
      if (!this.isNew()) {
        return h(
          'div',
          null,
          h('input', {
            id: forID,
            type: 'text',
            className: classNameWrapper,
            readOnly: true,
            value: chosen ? describe(chosen) : (value ?? ''),
          }),
          status(
            failed
              ? 'Could not load the original.'
              : originals && !chosen
                ? `There is no original in the folder "${value}".`
                : `The ${t.kind} this translates cannot change here: the translation is the file beside it.`,
          ),
        );
      }
      const offered = originals
        ? [...originals.values()]
            .filter((o) => (text(o.data.language) || 'en') !== t.lang && !translated?.has(o.folder))
            .sort((a, b) => describe(a).localeCompare(describe(b)))
        : [];
      return h(
        'div',
        null,
        h(
          'select',
          {
            id: forID,
            className: classNameWrapper,
            value: value ?? '',
            onChange: (e: { target: { value: string } }) => onChange(e.target.value),
            onFocus: setActiveStyle,
            onBlur: setInactiveStyle,
            'aria-describedby': `${forID}-status`,
          },
          h('option', { value: '' }, originals ? `Choose the ${t.kind} to translate` : 'Loading…'),
          ...offered.map((o) => h('option', { key: o.folder, value: o.folder }, describe(o))),
          value && originals && !offered.some((o) => o.folder === value) ? h('option', { value }, chosen ? describe(chosen) : value) : null,
        ),
        status(
          failed
            ? 'Could not list the originals; reload the page.'
            : !originals
              ? 'Looking up the originals…'
              : value && translated?.has(value)
                ? `This ${t.kind} has a ${language} translation already: open it from the list.`
                : `${offered.length} ${t.kind}s written in another language have no ${language} translation yet.`,
        ),
      );
    },
  });
}

/** Preview of the field: the folder. */
export function TranslationOfPreview(): unknown {
  const h = window.h!;
  return ({ value }: { value?: string }) => h('span', { className: 'mono' }, value ?? '');
}
