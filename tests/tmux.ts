// A private tmux server for the terminal tests: its own socket, a keep-alive session so that killing a test's
// last session never leaves the next `new-session` racing a server on its way out ("server exited
// unexpectedly"), and polling helpers that read the screen back.
import { execFileSync } from 'node:child_process';
import { ROOT } from './helpers.ts';

export class TmuxServer {
  private alive = false;

  constructor(
    private readonly socket: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  run(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], {
      encoding: 'utf8',
      env: this.env,
      cwd: ROOT,
    });
  }

  /** Starts a detached session of `cols`×`rows` running `command` under sh. */
  start(session: string, cols: number, rows: number, command: string): void {
    if (!this.alive) {
      this.run('new-session', '-d', '-s', 'keep-alive', 'sleep', '100000');
      this.alive = true;
    }
    this.run('new-session', '-d', '-s', session, '-x', String(cols), '-y', String(rows), 'sh', '-c', command);
  }

  screen(session: string, colours = false): string {
    return this.run('capture-pane', '-p', ...(colours ? ['-e'] : []), '-t', session);
  }

  async waitFor(session: string, text: string | RegExp, timeout = 20_000): Promise<string> {
    const until = performance.now() + timeout;
    let last = '';
    while (performance.now() < until) {
      last = this.screen(session);
      if (typeof text === 'string' ? last.includes(text) : text.test(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${String(text)}; the screen was:\n${last}`);
  }

  /** Waits until `text` has left the screen (the key that removes it has been handled). */
  async waitForGone(session: string, text: string, timeout = 20_000): Promise<void> {
    const until = performance.now() + timeout;
    while (performance.now() < until) {
      if (!this.screen(session).includes(text)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${text} to go; the screen was:\n${this.screen(session)}`);
  }

  kill(): void {
    try {
      this.run('kill-server');
    } catch {
      // already gone
    }
    this.alive = false;
  }
}
