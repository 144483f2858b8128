// The reproduction in a real terminal: a scenario title of `T ESC]0;pwned BEL ESC[2J` renamed the tmux
// pane and cleared the screen when the explorer drew it. tmux runs the built binary; the pane's title is read
// back from tmux itself, after the same sequence printed raw has shown that this tmux does obey it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers.ts';
import { systemProgram } from '../system.ts';
import { TmuxServer } from '../tmux.ts';

const TMUX = systemProgram('tmux', 'the terminal test of escape sequences in the explorer');
const ENV: NodeJS.ProcessEnv = { ...process.env };
delete ENV.CI;
delete ENV.CONTINUOUS_INTEGRATION;
const dir = mkdtempSync(join(tmpdir(), 'peacesim-terminal-'));
ENV.PEACESIM_RECOVERY_DIR = join(dir, 'recovery');
const server = new TmuxServer(`peacesim-security-${process.pid}`, ENV);
afterAll(() => {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
});

const title = (session: string) => server.run('display-message', '-p', '-t', session, '#{pane_title}').trim();

async function until(check: () => boolean, what: string): Promise<void> {
  const end = performance.now() + 20_000;
  while (performance.now() < end) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(TMUX === undefined)('the explorer in tmux, on a hostile title', () => {
  it('should leave the pane title and the screen alone', async () => {
    const tutorial = readFileSync(join(ROOT, 'scenarios/tutorial-bilateral.yaml'), 'utf8');
    const file = join(dir, 'hostile.yaml');
    writeFileSync(file, tutorial.replace(/^title: .*$/m, 'title: "T \\u001b]0;pwned\\u0007\\u001b[2J"'));
    // the raw sequence first: this terminal does rename its pane on OSC 0
    server.start('raw', 100, 30, `printf 'T \\033]0;pwned\\007'; exec sleep 120`);
    await until(() => title('raw') === 'pwned', 'the raw OSC to rename the pane');

    const s = 'tui';
    server.start(
      s,
      100,
      30,
      `printf '\\033]0;before\\007'; node ${JSON.stringify(BIN)} tui ${file}; exec sleep 120`,
    );
    const first = await server.waitFor(s, 'q quit');
    expect(first).toMatch(/^T {2,}/m);
    expect(first).toContain('Documents');
    // open a document: its screen shows the title again
    server.run('send-keys', '-t', s, 'Enter');
    await server.waitForGone(s, 'Documents by date');
    expect(title(s)).toBe('before');
    expect(server.screen(s)).not.toContain('pwned');
    server.run('send-keys', '-t', s, 'q');
  }, 60_000);
});
