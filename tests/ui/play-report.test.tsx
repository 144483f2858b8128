// w on the play screen: the after-action report of the session as it stands, written through the host — the same
// bytes `peacesim report` writes for the saved session.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { registerReport } from '../../src/cli/commands/report.ts';
import { memoryIo } from '../../src/cli/io.ts';
import type { PlayHost } from '../../src/ui/host.ts';
import { playState } from '../../src/ui/state/app.ts';
import { type PlayGame, runToTurn, startGame } from '../../src/ui/state/play.ts';
import { openPlay } from '../../src/ui/state/play-view.ts';
import { defaultReportFile, reportFileFor, reportFormat } from '../../src/ui/state/report.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

const dir = mkdtempSync(join(tmpdir(), 'peacesim-ui-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `peacesim report FILE --format F`, in process: what the command prints for a session file. */
async function cliReport(sessionText: string, format: 'md' | 'html'): Promise<string> {
  const file = join(dir, `s-${Math.random().toString(36).slice(2)}.session.json`);
  writeFileSync(file, sessionText);
  const io = memoryIo();
  const program = new Command().exitOverride();
  registerReport(program, io);
  await program.parseAsync(['report', file, '--format', format], { from: 'user' });
  expect(io.stderr()).toBe('');
  return io.stdout();
}

/** A fake host that keeps what it is asked to write. */
function recorder() {
  const written = new Map<string, string>();
  const host: PlayHost = { sourceOf: (x) => x.id, save: (file, text) => void written.set(file, text) };
  return { written, host };
}

function session(game: PlayGame) {
  return playState(game.scenario, openPlay(game, game.scenario.id, 0));
}

describe('the report file name and format', () => {
  it('should put the report next to the session file, and read .md as markdown', () => {
    expect(reportFileFor('tutorial-bilateral-seed1.session.json')).toBe(
      'tutorial-bilateral-seed1.report.html',
    );
    expect(reportFileFor('/tmp/x/run.json')).toBe('/tmp/x/run.report.html');
    expect(reportFormat('debrief.md')).toBe('md');
    expect(reportFormat('debrief.html')).toBe('html');
    expect(reportFormat('debrief')).toBe('html');
    const g = startGame(scenario('tutorial-bilateral'), { seed: 7 });
    expect(defaultReportFile(g)).toBe('tutorial-bilateral-seed7.report.html');
  });
});

describe('w: the after-action report from the play screen', () => {
  it('should ask for a name before the first save, then write next to the session file, as peacesim report does', async () => {
    const s = scenario('tutorial-bilateral');
    const { written, host } = recorder();
    const ui = await explore(
      'tutorial-bilateral',
      { columns: 100, rows: 30 },
      {
        host,
        initial: session(startGame(s, { seed: 1 })),
      },
    );
    unmount = ui.unmount;
    await ui.press('r');
    expect(ui.frame()).toContain('w writes the report');
    // never saved: w asks for a file name, with the scenario and the seed as the default
    await ui.press('w');
    expect(ui.frame()).toContain('Write the after-action report');
    expect(ui.frame()).toContain('file: tutorial-bilateral-seed1.report.html');
    await ui.press(KEY.enter);
    expect(await ui.waitFor('Report written to')).toContain(
      'Report written to tutorial-bilateral-seed1.report.html',
    );
    const html = written.get('tutorial-bilateral-seed1.report.html')!;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h1>After-action report — Tutorial');

    // save, then w writes next to the session file at once; both are what peacesim report makes of that file
    await ui.press('s', KEY.enter);
    await ui.waitFor('saved to tutorial-bilateral-seed1.session.json');
    written.delete('tutorial-bilateral-seed1.report.html');
    await ui.press('w');
    expect(await ui.waitFor('Report written to')).toContain(
      'Report written to tutorial-bilateral-seed1.report.html',
    );
    const sessionText = written.get('tutorial-bilateral-seed1.session.json')!;
    expect(written.get('tutorial-bilateral-seed1.report.html')).toBe(await cliReport(sessionText, 'html'));
    expect(html).toBe(await cliReport(sessionText, 'html'));
  });

  it('should write markdown for a name ending in .md, in the middle of a session with a team', async () => {
    const s = scenario('ukraine-peace');
    const { written, host } = recorder();
    const game = runToTurn(startGame(s, { seed: 3, strategies: { ukraine: { kind: 'human' } } }));
    const ui = await explore('ukraine-peace', { columns: 80, rows: 24 }, { host, initial: session(game) });
    unmount = ui.unmount;
    expect(ui.frame()).toContain('Pass the keyboard to the Ukraine team.');
    await ui.press('w');
    const prompt = ui.lines();
    expect(prompt.length).toBeLessThanOrEqual(23);
    for (const l of prompt) expect(Array.from(l).length).toBeLessThanOrEqual(80);
    expect(ui.frame()).toContain('file: ukraine-peace-seed3.report.html');
    // the name field has the keyboard: q and ? are letters, not quit and help
    await ui.press(...Array.from({ length: 40 }, () => KEY.backspace), ...'debrief-q.md', KEY.enter);
    expect(await ui.waitFor('Report written to')).toContain('Report written to debrief-q.md');
    const md = written.get('debrief-q.md')!;
    expect(md).toMatch(/^# After-action report — Russia–Ukraine/);
    // the same as peacesim report on the session as it stands
    await ui.press('s', KEY.enter);
    await ui.waitFor('saved to');
    const sessionText = written.get('ukraine-peace-seed3.session.json')!;
    expect(md).toBe(await cliReport(sessionText, 'md'));
    const lines = ui.lines();
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines[0]).toMatch(/^Play — /);
  });

  it('should say so when the report cannot be written', async () => {
    const s = scenario('tutorial-bilateral');
    const host: PlayHost = {
      sourceOf: (x) => x.id,
      save: () => {
        throw new Error('cannot write /nowhere/x.report.html: ENOENT');
      },
    };
    const ui = await explore(
      'tutorial-bilateral',
      { columns: 100, rows: 30 },
      {
        host,
        initial: session(startGame(s, { seed: 1 })),
      },
    );
    unmount = ui.unmount;
    await ui.press(' ', 'w', KEY.enter);
    expect(await ui.waitFor('not written')).toContain(
      'the report was not written: cannot write /nowhere/x.report.html: ENOENT',
    );
  });
});
