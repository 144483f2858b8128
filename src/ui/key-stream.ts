// The explorer's keyboard, one key at a time. A terminal sends keys that arrive together — a paste, a held key, a
// slow SSH link, `tmux send-keys j j j` — as one chunk, and Ink hands a chunk of plain text to its handlers as one
// string, so "jjj" matched no key and forty backspaces deleted nothing. This stream stands between the terminal and
// Ink: it splits each chunk into keys (an escape sequence stays whole) and hands Ink one key per turn of the event
// loop, after React has rendered the last one and re-subscribed its handlers, so that every key counts against
// the screen it lands on. It also puts the terminal in raw mode as it is made, before the first frame (see the
// constructor).
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { unstable_IdlePriority, unstable_scheduleCallback } from 'scheduler';

const ESC = '\u001B';
/** CSI (ESC [ … final byte), SS3 (ESC O x), and either after a second ESC (meta + a key) */
const SEQUENCE = new RegExp(`^${ESC}{1,2}(?:\\[[\\x20-\\x3f[]*[\\x40-\\x7e]|O[\\x20-\\x7e])`);

/**
 * A chunk from the terminal as the keys it holds: an escape sequence (an arrow, pgup …) whole, everything else one
 * character each — a lone ESC too, so that esc followed quickly by a letter is two keys, not meta + the letter.
 */
export function splitKeys(chunk: string): string[] {
  const keys: string[] = [];
  let at = 0;
  while (at < chunk.length) {
    if (chunk[at] === ESC) {
      const key = SEQUENCE.exec(chunk.slice(at))?.[0] ?? ESC;
      keys.push(key);
      at += key.length;
      continue;
    }
    const next = chunk.indexOf(ESC, at);
    const text = chunk.slice(at, next < 0 ? undefined : next);
    keys.push(...Array.from(text));
    at += text.length;
  }
  return keys;
}

/** What the stream needs of the terminal's input (process.stdin, or a test's fake). */
export interface KeySource {
  readonly isTTY?: boolean;
  on(event: 'data', listener: (data: Buffer | string) => void): unknown;
  off(event: 'data', listener: (data: Buffer | string) => void): unknown;
  setRawMode?(on: boolean): unknown;
  resume?(): unknown;
  pause?(): unknown;
  ref?(): unknown;
  unref?(): unknown;
}

/**
 * Waits until the last key has been rendered and the screen it led to has settled: every task React's scheduler
 * has queued by then (the render itself, and its passive effects, where a scroll box measures what it holds) runs
 * before a task of idle priority, however often the scheduler yields on a loaded machine; then two turns of the
 * event loop, a lone ESC one more, as Ink itself flushes it on setImmediate. (The handlers of a new screen are
 * registered as it commits: hooks/use-keys.ts.)
 */
function afterRender(key: string): Promise<void> {
  let left = key === ESC ? 3 : 2;
  return new Promise((resolve) => {
    const turn = () => (--left > 0 ? setImmediate(turn) : resolve());
    unstable_scheduleCallback(unstable_IdlePriority, () => {
      setImmediate(turn);
    });
  });
}

/** The terminal's input as Ink reads it (the `stdin` option of render), one key per read. */
export class KeyStream extends Readable {
  readonly isTTY: boolean;
  readonly #source: KeySource;
  readonly #decoder = new StringDecoder('utf8');
  readonly #queue: string[] = [];
  readonly #pace: (key: string) => Promise<void>;
  #pumping = false;
  #listening = false;
  readonly #onData = (data: Buffer | string) => {
    this.#queue.push(...splitKeys(typeof data === 'string' ? data : this.#decoder.write(data)));
    void this.#pump();
  };

  constructor(source: KeySource, pace: (key: string) => Promise<void> = afterRender) {
    super({ objectMode: true, read: () => {} });
    this.#source = source;
    this.#pace = pace;
    this.isTTY = source.isTTY === true;
    // Raw at once, not when Ink first listens: Ink subscribes in React's passive effects, after the first frame is
    // on screen, and a key typed in between (type-ahead, or a loaded machine that runs the process late) met the
    // terminal's line discipline, which echoed it and turned enter into a line feed — Ink's 'enter', which no
    // handler takes — so keys typed as the explorer opened were lost. Raw keys wait in the terminal until read.
    if (this.isTTY) source.setRawMode?.(true);
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (this.#queue.length && !this.destroyed) {
        const key = this.#queue.shift()!;
        this.push(key);
        await this.#pace(key);
      }
    } finally {
      this.#pumping = false;
    }
  }

  /**
   * Ink turns raw mode on while any handler listens: the terminal's keys flow only then. The terminal itself stays
   * raw until the stream is destroyed (keys typed while none listens wait there, as typed).
   */
  setRawMode(on: boolean): this {
    if (on && !this.#listening) {
      this.#source.on('data', this.#onData);
      this.#source.resume?.();
      this.#listening = true;
    } else if (!on && this.#listening) {
      this.#source.off('data', this.#onData);
      this.#source.pause?.();
      this.#listening = false;
    }
    return this;
  }

  /** Keys are split as strings already; Ink's call is kept harmless. */
  override setEncoding(_encoding: BufferEncoding): this {
    return this;
  }

  ref(): this {
    this.#source.ref?.();
    return this;
  }

  unref(): this {
    this.#source.unref?.();
    return this;
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.#listening) this.setRawMode(false);
    if (this.isTTY) this.#source.setRawMode?.(false);
    callback(error);
  }
}
