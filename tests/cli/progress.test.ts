// The progress bar of long work, on a real terminal (tmux): draws done and time left on stderr while it works,
// nothing left behind when it ends, and nothing at all when the result goes to the terminal as JSON.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers.ts';
import { systemProgram } from '../system.ts';
import { TmuxServer } from '../tmux.ts';

const TMUX = systemProgram('tmux', 'the terminal tests of the progress bar');
const SOCKET = `peacesim-progress-${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'peacesim-progress-'));

const server = new TmuxServer(SOCKET);
const tmux = (...args: string[]) => server.run(...args);

afterAll(() => {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** Polls the pane until `test` holds of its text; returns every screen seen. */
async function watch(
  session: string,
  test: (screen: string) => boolean,
  timeout = 60_000,
): Promise<string[]> {
  const seen: string[] = [];
  const until = performance.now() + timeout;
  while (performance.now() < until) {
    const screen = tmux('capture-pane', '-p', '-t', session);
    seen.push(screen);
    if (test(screen)) return seen;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out; the screen was:\n${seen.at(-1)}`);
}

describe.skipIf(TMUX === undefined)('the progress bar', () => {
  it('should show draws done and time left while outcomes runs, and clear itself at the end', async () => {
    const out = join(dir, 'result.json');
    // enough draws to outlast the bar's quiet start (400 ms) by seconds on a fast machine: 60 draws once took
    // about that long, and the bar sometimes never showed
    const n = 1000;
    const command = `node ${JSON.stringify(BIN)} outcomes ukraine-peace -n ${n} --workers 1 --json --out ${out}; echo EXIT=$?; sleep 60`;
    server.start('bar', 120, 10, command);
    const seen = await watch('bar', (s) => s.includes('EXIT='));
    const bars = seen.filter((s) => new RegExp(`outcomes .*\\d+/${n} draws \\| \\S+ left`).test(s));
    expect(bars.length).toBeGreaterThan(0);
    const last = seen.at(-1)!;
    expect(last).toContain('EXIT=0');
    expect(last).not.toMatch(/draws \|/);
    expect(JSON.parse(readFileSync(out, 'utf8')).draws).toBe(n);
  });

  it('should draw nothing when the JSON itself goes to the terminal', async () => {
    const command = `node ${JSON.stringify(BIN)} outcomes ukraine-peace -n 30 --workers 1 --json; echo EXIT=$?; sleep 60`;
    server.start('plain', 120, 10, command);
    const seen = await watch('plain', (s) => s.includes('EXIT='));
    expect(seen.some((s) => s.includes('draws |'))).toBe(false);
  });
});
