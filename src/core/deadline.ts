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
    // Asked before every rule of every file: a plain field is read faster than the signal's state.
    if (!this.#expired && performance.now() >= this.#end) this.#expire();
    if (this.#expired) this.signal.throwIfAborted();
  }

  /** Stops the timer: call once the file is done. */
  clear(): void {
    clearTimeout(this.#timer);
  }

  /** Set with the signal's abort, which only `#expire` does. */
  #expired = false;

  #expire(): void {
    this.#expired = true;
    this.#controller.abort(new DOMException(`The ${this.ms / 1000} s time limit of the file is up`, 'TimeoutError'));
  }
}
