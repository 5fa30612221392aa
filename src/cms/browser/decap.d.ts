/**
 * The globals the prebuilt Decap CMS bundle (`/admin/decap-cms.js`) defines, typed as loosely as the
 * admin scripts need them. Values from Decap are Immutable.js maps and lists.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export interface ImmutableLike {
  get(key: string | number, fallback?: unknown): any;
  getIn(path: Array<string | number>, fallback?: unknown): any;
  set(key: string | number, value: unknown): ImmutableLike;
  setIn(path: Array<string | number>, value: unknown): ImmutableLike;
  deleteIn(path: Array<string | number>): ImmutableLike;
  toJS(): any;
  find?(fn: (v: any) => boolean): any;
}

export interface DecapCms {
  init(options?: { config?: Record<string, unknown> }): void;
  registerPreviewStyle(style: string, options?: { raw?: boolean }): void;
  registerPreviewTemplate(collection: string, component: unknown): void;
  registerWidget(name: string, control: unknown, preview?: unknown, schema?: unknown): void;
  registerEditorComponent(component: Record<string, unknown>): void;
  registerEventListener(listener: { name: string; handler: (arg: any) => unknown }): void;
  registerCustomFormat(
    name: string,
    extension: string,
    formatter: { fromFile(content: string): unknown; toFile(data: any, sortedKeys?: string[], comments?: Record<string, string>): string },
  ): void;
  /** A registered widget (`{ control, preview }`), e.g. Decap's own `markdown`. */
  getWidget(name: string): { control: unknown; preview?: unknown } | undefined;
  /** The registry's entry of a backend (its `init` makes the backend). */
  getBackend(name: string): unknown;
}

declare global {
  interface Window {
    CMS?: DecapCms;
    CMS_MANUAL_INIT?: boolean;
    /** React.createElement, exposed by the Decap bundle. */
    h?: (type: any, props?: Record<string, unknown> | null, ...children: unknown[]) => unknown;
    /** create-react-class, exposed by the Decap bundle. */
    createClass?: (spec: Record<string, unknown>) => unknown;
  }
}
