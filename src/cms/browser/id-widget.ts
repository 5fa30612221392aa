/**
 * The notice-id widget. Decap cannot number entries itself, so for a NEW notice this widget asks the
 * CMS for the ids of every notice it can see (its `query` prop searches the collection through the
 * backend, live) and proposes the next free id of the current year (src/model/notice-ids.ts); the
 * build-time proposal in the config is the fallback. It refuses an id another notice already uses.
 * For an existing notice the id is shown read-only: other notices and courses refer to it.
 * The build's duplicate-id check remains the safety net (e.g. two drafts in review at once).
 */
import type { ImmutableLike } from './decap.d.ts';
import { nextNoticeId } from '../../model/notice-ids.ts';
import { NOTICES_COLLECTION } from '../node/widgets.ts';

interface ControlProps {
  forID: string;
  value?: string;
  field: ImmutableLike;
  classNameWrapper: string;
  // Function properties, not methods: Decap passes them as plain callbacks, called without `this`.
  onChange: (value: string) => void;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
  getEntry?: () => ImmutableLike;
  entry?: ImmutableLike;
  query: (
    namespace: string,
    collection: string,
    fields: string[],
    term: string,
  ) => Promise<{ payload?: { hits?: Array<{ data?: { id?: unknown; title?: unknown } }> } }>;
}

interface State {
  /** id → title of every notice the CMS can see (null until loaded). */
  taken: Map<string, string> | null;
  failed: boolean;
}

interface Self {
  props: ControlProps;
  state: State;
  setState(s: Partial<State>): void;
  isNew(): boolean;
  mounted?: boolean;
}

/** The control component class (built on first use: `createClass` exists only once Decap loaded). */
export function NoticeIdControl(): unknown {
  const h = window.h!;
  return window.createClass!({
    getInitialState(): State {
      return { taken: null, failed: false };
    },
    isNew(this: Self): boolean {
      const entry = this.props.getEntry ? this.props.getEntry() : this.props.entry;
      return Boolean(entry?.get('newRecord'));
    },
    componentDidMount(this: Self) {
      this.mounted = true;
      if (!this.isNew()) return;
      const { forID, query, field, onChange } = this.props;
      // Every valid id contains "MO-", so this fuzzy search returns every notice of the collection.
      query(`${forID}-ids`, NOTICES_COLLECTION, ['id'], 'MO-')
        .then((action) => {
          if (!this.mounted) return;
          const taken = new Map<string, string>();
          for (const hit of action?.payload?.hits ?? []) {
            if (typeof hit.data?.id === 'string') taken.set(hit.data.id, typeof hit.data.title === 'string' ? hit.data.title : '');
          }
          this.setState({ taken });
          const value = this.props.value;
          if (!value || value === field.get('default')) {
            onChange(nextNoticeId(taken.keys(), new Date().getFullYear()));
          }
        })
        .catch(() => this.mounted && this.setState({ failed: true }));
    },
    componentWillUnmount(this: Self) {
      this.mounted = false;
    },
    /** Decap calls this before saving: a taken or malformed id blocks the save with a message. */
    isValid(this: Self) {
      const value = this.props.value ?? '';
      // The pattern comes from the generated config (NOTICE_ID in src/model/notice-ids.ts).
      const pattern = this.props.field.getIn(['pattern', 0]) as string | undefined;
      if (pattern && !new RegExp(pattern).test(value))
        return { error: { message: 'Write the id as MO-YYYY-NNNN: MO-, the year, a hyphen and four digits.' } };
      const owner = this.isNew() ? this.state.taken?.get(value) : undefined;
      if (owner !== undefined) {
        const next = nextNoticeId(this.state.taken!.keys(), new Date().getFullYear());
        return { error: { message: `${value} is already used by "${owner}". Use ${next}.` } };
      }
      return true;
    },
    render(this: Self) {
      const { forID, value, classNameWrapper, onChange, setActiveStyle, setInactiveStyle } = this.props;
      const isNew = this.isNew();
      const status = !isNew
        ? 'The id of a saved notice cannot change: notices and courses refer to it.'
        : this.state.failed
          ? 'Could not list the existing notices; check the id is free.'
          : this.state.taken
            ? `Next free id of ${new Date().getFullYear()}; ${this.state.taken.size} notices checked.`
            : 'Looking up the next free id…';
      return h(
        'div',
        null,
        h('input', {
          id: forID,
          type: 'text',
          className: classNameWrapper,
          value: value ?? '',
          readOnly: !isNew,
          spellCheck: false,
          autoComplete: 'off',
          'aria-describedby': `${forID}-status`,
          onChange: (e: { target: { value: string } }) => onChange(e.target.value.trim().toUpperCase()),
          onFocus: setActiveStyle,
          onBlur: setInactiveStyle,
        }),
        h(
          'p',
          {
            id: `${forID}-status`,
            'data-testid': 'notice-id-status',
            style: { margin: '0.4rem 0 0', fontSize: '0.85em', color: '#50505a' },
          },
          status,
        ),
      );
    },
  });
}

/** Preview of the id field: the id as text. */
export function NoticeIdPreview(): unknown {
  const h = window.h!;
  return ({ value }: { value?: string }) => h('span', { className: 'mono' }, value ?? '');
}
