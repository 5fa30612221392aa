/**
 * Hands a value from one content loader to another within the same content sync. Astro loads
 * collections in parallel, so a collection whose checks need another collection (courses need the
 * notices) awaits the value the other loader publishes when its own checks are done.
 *
 * Every sync publishes once. `start()` (called by the publishing loader when it begins) opens a new
 * round only if the previous one was published, so a reader that asked first still gets this round's
 * value and can never wait forever for a round nobody publishes.
 */
export class Handoff<T> {
  #published = false;
  #resolve!: (value: T) => void;
  #value!: Promise<T>;

  constructor() {
    this.#open();
  }

  #open(): void {
    this.#published = false;
    this.#value = new Promise<T>((resolve) => (this.#resolve = resolve));
  }

  /** The publishing loader begins: a new round starts unless the current one is still open. */
  start(): void {
    if (this.#published) this.#open();
  }

  /** The publishing loader is done (it must call this on every path, failures included). */
  publish(value: T): void {
    this.#published = true;
    this.#resolve(value);
  }

  /** The value of the current round (resolves when it is published). */
  get(): Promise<T> {
    return this.#value;
  }
}
