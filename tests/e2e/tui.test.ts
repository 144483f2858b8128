// The built binary in a real terminal: tmux runs `peacesim tui`, we send keys and read the screen back.
// (tmux is installed by .ci/run; each test uses its own tmux server socket and kills it afterwards.)
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { BIN, cli, ROOT } from '../helpers.ts';
import { systemProgram } from '../system.ts';
import { TmuxServer } from '../tmux.ts';

const TMUX = systemProgram('tmux', 'the terminal tests of the explorer');

const SOCKET = `peacesim-e2e-${process.pid}`;
// Ink draws only the final frame, and chalk no colour, when CI is set at all; the terminal here is real
const ENV: NodeJS.ProcessEnv = { ...process.env };
delete ENV.CI;
delete ENV.CONTINUOUS_INTEGRATION;
// the recovery copies of play sessions go to a folder of the tests', never the user's
const RECOVERY = mkdtempSync(join(tmpdir(), 'peacesim-e2e-recovery-'));
ENV.PEACESIM_RECOVERY_DIR = RECOVERY;

const server = new TmuxServer(SOCKET, ENV);
const tmux = (...args: string[]) => server.run(...args);
const screen = (session: string, colours = false) => server.screen(session, colours);
const waitFor = (session: string, text: string | RegExp, timeout?: number) =>
  server.waitFor(session, text, timeout);
const waitForGone = (session: string, text: string, timeout?: number) =>
  server.waitForGone(session, text, timeout);

const ESC = '\u001B';
/** an SGR foreground colour (red … cyan, plain or bright) */
const COLOUR = new RegExp(`${ESC}\\[(3[1-6]|9[1-6])m`);
/** any SGR foreground colour, 256-colour and RGB included */
const ANY_COLOUR = new RegExp(`${ESC}\\[(3[0-7]|9[0-7]|38;)`);

let sessions = 0;
function start(extraEnv = '', args = 'tui tutorial-bilateral', cwd = ROOT): string {
  const session = `tui-${process.pid}-${++sessions}`;
  const command = `cd ${JSON.stringify(cwd)} && ${extraEnv} node ${JSON.stringify(BIN)} ${args}; echo "EXIT=$?"; exec sleep 120`;
  server.start(session, 100, 30, command);
  return session;
}

afterAll(() => {
  rmSync(RECOVERY, { recursive: true, force: true });
  server.kill();
});

describe.skipIf(TMUX === undefined)('peacesim tui in a terminal', () => {
  it('should show the documents, react to keys and quit cleanly on q', async () => {
    const s = start();
    // the key line is drawn last: once it is there, the whole first frame is
    const first = await waitFor(s, 'q quit');
    expect(first).toContain('Documents');
    expect(first).toContain("North's opening demands");
    // its row cuts the title before its flag, never the flag (the detail gives the title whole when selected)
    expect(first).toMatch(/A mediator's compromise t?e?x?t?…? \(unconfirmed\)/);
    // colour is on in a terminal without NO_COLOR
    expect(screen(s, true)).toMatch(COLOUR);

    tmux('send-keys', '-t', s, 'Down');
    await waitFor(s, "❯ ✗ 2025-03-01 A mediator's compromise");
    tmux('send-keys', '-t', s, 'Enter');
    await waitFor(s, 'Terms 1 of 5');
    tmux('send-keys', '-t', s, 'Down');
    await waitFor(s, 'Terms 2 of 5');
    tmux('send-keys', '-t', s, 'Down');
    await waitFor(s, 'Terms 3 of 5');
    tmux('send-keys', '-t', s, 'Right');
    await waitFor(s, 'Peacetime army cap: 800,000 troops (tabled: 600,000 troops)');
    tmux('send-keys', '-t', s, 'u');
    await waitFor(s, 'Peacetime army cap: 600,000 troops (as tabled)');

    tmux('send-keys', '-t', s, 'q');
    const after = await waitFor(s, 'EXIT=0');
    // the alternate screen is gone: nothing of the explorer is left on the terminal
    expect(after).not.toContain('Terms');
    expect(after).not.toContain('Documents');
    tmux('kill-session', '-t', s);
  });

  it('should list ukraine-peace by date, and o switch to the order of the file and back', async () => {
    const s = start('', 'tui ukraine-peace');
    const rows = (text: string) => text.split('\n').filter((l) => /^[❯ ] [✓✗] \d{4}-/.test(l));
    const byDate = await waitFor(s, 'Documents by date');
    expect(rows(byDate)[0]).toMatch(/^❯ ✗ 2022-03-29 Ukraine's position at Istanbul/);
    tmux('send-keys', '-t', s, 'o');
    const filed = await waitFor(s, 'Documents as in the file');
    // the selection stays on the same document, and the rows around it run in the file's order (the list scrolls
    // to keep it in view: the whole title under the list takes two of its rows)
    expect(rows(filed).find((l) => l.startsWith('❯'))).toMatch(/2022-03-29 Ukraine's position at Istanbul/);
    const dates = (list: readonly string[]) => list.map((l) => /\d{4}-\d\d-\d\d/.exec(l)![0]).join(' ');
    const file = openScenario('ukraine-peace').documents.map((d) => d.date);
    expect(rows(filed).length).toBeGreaterThan(3);
    expect(file.join(' ')).toContain(dates(rows(filed)));
    expect(dates(rows(filed))).not.toBe(dates(rows(byDate)));
    tmux('send-keys', '-t', s, 'o');
    const again = await waitFor(s, 'Documents by date');
    expect(rows(again)[0]).toMatch(/2022-03-29/);
    tmux('send-keys', '-t', s, 'q');
    await waitFor(s, 'EXIT=0');
    tmux('kill-session', '-t', s);
  });

  it('should draw without colour under NO_COLOR', async () => {
    const s = start('NO_COLOR=1');
    await waitFor(s, 'Documents');
    const coloured = screen(s, true);
    expect(coloured).toContain('Documents');
    expect(coloured).not.toMatch(ANY_COLOUR);
    tmux('send-keys', '-t', s, 'q');
    await waitFor(s, 'EXIT=0');
    tmux('kill-session', '-t', s);
  });
});

/**
 * Keys one at a time, as a person types them. Ink reads keys that arrive together as one string, and on a loaded
 * machine keys sent 60 ms apart can still arrive together: so each call sends one key and the caller waits for
 * its effect on the screen before the next.
 */
async function type(session: string, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    tmux('send-keys', '-t', session, k);
    await new Promise((r) => setTimeout(r, 60));
  }
}

describe.skipIf(TMUX === undefined)('peacesim tui: playing a session in a terminal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'peacesim-play-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should play one actor through the privacy gate to an outcome, save it, and open it again', async () => {
    const s = start('', 'tui tutorial-bilateral', dir);
    await waitFor(s, 'Documents');
    await type(s, 'p');
    await waitFor(s, 'Play a session');
    // North is played by a team; one round, so that its answer ends the talks
    await type(s, 'Space');
    // a picked actor reads as the team's, no longer as a bot
    const picked = await waitFor(s, '[x] North (stylised Russia) · party · team');
    expect(picked).not.toContain('bot: boulware');
    await type(s, 'Enter');
    await waitFor(s, 'Teams     North (stylised Russia)');
    // one field at a time, each key only once its field is on screen (a loaded machine is slow to re-render)
    await type(s, 'Enter');
    await waitFor(s, '❯ Seed');
    await type(s, 'Enter');
    await waitFor(s, '❯ Rounds');
    await type(s, 'BSpace');
    await waitFor(s, /^❯ 1$/m);
    await type(s, 'BSpace');
    await waitFor(s, /^❯\s*$/m);
    await type(s, '1');
    await waitFor(s, /^❯ 1$/m);
    await type(s, 'Enter');
    await waitFor(s, '❯ Time box');
    await type(s, 'Enter');
    await waitFor(s, 'Start: 1 team, 1 bot, seed 1, up to 1 rounds');
    await type(s, 'Enter');
    await waitFor(s, 'space opens round 1');
    await type(s, 'r');
    const gate = await waitFor(s, 'Pass the keyboard to the North (stylised Russia) team.');
    expect(gate).not.toContain("for this team's eyes only");
    expect(gate).not.toContain('no deal is worth');
    expect(gate).toMatch(/⏱ \d:\d\d/);
    await type(s, 'Enter');
    const brief = await waitFor(s, "for this team's eyes only");
    // the opening compromise is a text the record does not settle at all: the briefing says so once, as its title
    const opening = openScenario('tutorial-bilateral').documents.find((d) => d.id === 'mediator-text')!;
    expect(opening.confirmed).toBe(false);
    expect(brief.replace(/\s+/g, ' ')).toContain(
      'The text on the table (unconfirmed) is the text you tabled; it is worth 0.688 to you; no deal is worth 0.550 [assumption].',
    );
    // the frame fits: the heading stays on the first line
    expect(brief.split('\n')[0]).toMatch(/^Play — Tutorial/);
    await type(s, 'a');
    const moved = await waitFor(s, 'Move recorded.');
    expect(moved).not.toContain('no deal is worth');
    await type(s, 'Enter');
    await waitForGone(s, 'Move recorded.');
    await type(s, 'r');
    const outcome = await waitFor(s, 'Stalemate');
    expect(outcome).toContain('The last text on the table');
    // a team plays: the public view, who accepted and no numbers; v shows each actor's worth
    expect(outcome).toContain('Who accepted the last text tallied');
    expect(outcome).not.toMatch(/\d\.\d{3}/);
    await type(s, 'v');
    const numbers = await waitFor(s, 'Worth to each actor');
    expect(numbers).toContain('facilitator view — numbers shown');
    await type(s, 's');
    await waitFor(s, 'file: tutorial-bilateral-seed1.session.json');
    await type(s, 'Enter');
    await waitFor(s, 'saved to tutorial-bilateral-seed1.session.json');
    const file = join(dir, 'tutorial-bilateral-seed1.session.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.options).toEqual({ maxRounds: 1, strategies: { north: { kind: 'human' } } });
    expect(saved.inputs).toContainEqual({ type: 'HUMAN_MOVE', actor: 'north', move: { type: 'accept' } });
    // the session replays headless to the same end
    expect(cli(['resume', file]).stdout).toContain('Outcome: stalemate');
    // w: the debrief from the screen, next to the session file, as peacesim report writes it
    await type(s, 'w');
    await waitFor(s, 'Report written to tutorial-bilateral-seed1.report.html');
    const report = readFileSync(join(dir, 'tutorial-bilateral-seed1.report.html'), 'utf8');
    expect(report).toMatch(/^<!DOCTYPE html>/);
    expect(report).toContain('<h1>After-action report — Tutorial');
    expect(report).toBe(cli(['report', file, '--format', 'html']).stdout);
    await type(s, 'q');
    await waitFor(s, 'EXIT=0');
    tmux('kill-session', '-t', s);

    const again = start('', `tui --session ${JSON.stringify(file)}`, dir);
    const reopened = await waitFor(again, 'Stalemate');
    expect(reopened).toContain('Play — Tutorial');
    await type(again, 'u');
    await waitFor(again, 'rewound: a step');
    // the rewound session differs from its file: q asks again before it quits
    await type(again, 'q');
    await waitFor(again, 'the session has changed since it was saved');
    await type(again, 'q');
    await waitFor(again, 'EXIT=0');
    tmux('kill-session', '-t', again);
  });

  it('should count every key of a chunk: j j j, forty backspaces, a pasted path', async () => {
    const s = start('', 'tui ukraine-peace', dir);
    await waitFor(s, 'Documents by date');
    // one send-keys call is one chunk on the terminal, as a paste or a held key is
    tmux('send-keys', '-t', s, 'j', 'j', 'j');
    const moved = await waitFor(s, /❯ ✗ 2024-06-14/);
    expect(moved).not.toMatch(/❯ ✗ 2022-/);
    tmux('send-keys', '-t', s, 'q');
    await waitFor(s, 'EXIT=0');
    tmux('kill-session', '-t', s);

    const t = start('', 'tui tutorial-bilateral', dir);
    await waitFor(t, 'Documents');
    // the setup's six fields, the run to the end and the save prompt in one chunk
    tmux('send-keys', '-t', t, 'p', ...Array(6).fill('Enter'), 'r', 's');
    await waitFor(t, 'file: tutorial-bilateral-seed1.session.json');
    tmux('send-keys', '-t', t, ...Array(40).fill('BSpace'));
    await waitFor(t, /^file: *$/m);
    const pasted = join(dir, 'pasted here.session.json');
    tmux('send-keys', '-t', t, '-l', pasted);
    await waitFor(t, `file: ${pasted}`);
    tmux('send-keys', '-t', t, 'Enter');
    await waitFor(t, `saved to ${pasted}`);
    expect(JSON.parse(readFileSync(pasted, 'utf8')).scenario.source).toBe('tutorial-bilateral');
    tmux('send-keys', '-t', t, 'q');
    await waitFor(t, 'EXIT=0');
    tmux('kill-session', '-t', t);
  });

  it('should never drop a finished session without a word, and name its recovery copy on exit', async () => {
    const recovery = join(dir, 'recovery');
    const s = start(`PEACESIM_RECOVERY_DIR=${JSON.stringify(recovery)}`, 'tui tutorial-bilateral', dir);
    await waitFor(s, 'Documents');
    tmux('send-keys', '-t', s, 'p', ...Array(6).fill('Enter'), 'r');
    await waitFor(s, 'Signed in round 9');
    await type(s, 'Enter');
    await waitFor(s, 'the session is not saved: s saves it, enter again ends it without saving');
    await type(s, 'Enter');
    await waitForGone(s, 'Signed in round 9');
    await type(s, 'q');
    const after = (await waitFor(s, 'EXIT=0')).replace(/\n/g, '');
    const [copy] = readdirSync(recovery);
    expect(copy).toMatch(/^tutorial-bilateral-seed1-\d{8}-\d{6}\.session\.json$/);
    expect(after).toContain('the play session was not saved; its inputs are in');
    expect(after).toContain(copy);
    // the copy is a session file: it replays to the same end
    expect(cli(['resume', join(recovery, copy!)]).stdout).toContain('Outcome: signed in round 9.');
    tmux('kill-session', '-t', s);
  });

  it('should refuse a bad session file in one line with exit 1', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format": 0}');
    const r = cli(['tui', '--session', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `peacesim: ${bad}: not a peacesim session (format 2): format: expected 2 or 1, the session formats this peacesim reads\n`,
    );
    // a later format is a newer peacesim's file, and the line says what to do
    writeFileSync(bad, '{"format": 3}');
    const newer = cli(['tui', '--session', bad]);
    expect(newer.code).toBe(1);
    expect(newer.stderr).toMatch(
      /^peacesim: .*bad\.json: saved by a newer peacesim \(session format 3\); this one \(\S+\) reads formats 1 to 2: open it with that peacesim, or update this one\n$/,
    );
    const missing = cli(['tui', '--session', join(dir, 'missing.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      `peacesim: ${join(dir, 'missing.json')}: no such file; check the name and the folder\n`,
    );
  });
});

describe('without a terminal', () => {
  it('should refuse tui with a one-line message and exit 2', () => {
    const r = cli(['tui', 'tutorial-bilateral']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'peacesim: the explorer needs a terminal (stdin and stdout); try peacesim show tutorial-bilateral for the same scenario as text\n',
    );
  });

  it('should make start run the headless default (the negotiation on the default scenario)', () => {
    const r = cli(['start']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(cli(['run', 'ukraine-peace']).stdout);
    expect(r.stdout).toMatch(/Round 1/);
    expect(r.stdout).toContain('Russia–Ukraine peace process');
  });
});
