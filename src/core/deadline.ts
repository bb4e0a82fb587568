/**
 * A file's time limit on the thread that lints it. Its signal aborts when the time is up, which stops waits on
 * external tools; `check` also notices the time is up right after synchronous work, before the timer has had a turn.
 */
export class Deadline {
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout;
  readonly #end: number;
  readonly signal = this.#controller.signal;

  constructor(readonly ms: number) {
    this.#end = performance.now() + ms;
    this.#timer = setTimeout(() => this.#expire(), ms);
  }

  /** Throws the signal's reason once the time is up. */
  check(): void {
    if (!this.signal.aborted && performance.now() >= this.#end) this.#expire();
    this.signal.throwIfAborted();
  }

  /** Stops the timer: call once the file is done. */
  clear(): void {
    clearTimeout(this.#timer);
  }

  #expire(): void {
    this.#controller.abort(new DOMException(`The ${this.ms / 1000} s time limit of the file is up`, 'TimeoutError'));
  }
}
