// A play session is never lost without a word: every input is copied to a recovery file through the host, and
// each key that would drop unsaved inputs (enter or esc on the outcome, q, another scenario) warns first.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Recovery, recoveryNote } from '../../src/cli/recovery.ts';
import { parseSession } from '../../src/engine/session.ts';
import type { PlayHost } from '../../src/ui/host.ts';
import { SMALL } from './panes.ts';
import { explore, KEY } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

const dir = mkdtempSync(join(tmpdir(), 'peacesim-recovery-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A host that keeps every file it is asked to write, recovery copies apart. */
function recorder() {
  const saved = new Map<string, string>();
  const copies: { file: string; text: string; saved: boolean }[] = [];
  const host: PlayHost = {
    sourceOf: (s) => s.id,
    save: (file, text) => void saved.set(file, text),
    recover: (file, base, text, isSaved) => {
      const name = file ?? `${base}.recovery.json`;
      copies.push({ file: name, text, saved: isSaved });
      return name;
    },
  };
  return { saved, copies, host };
}

async function finished(host: PlayHost) {
  const ui = await explore('tutorial-bilateral', { columns: 100, rows: 30 }, { host });
  unmount = ui.unmount;
  await ui.press('p', KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
  await ui.waitFor('space opens round 1');
  await ui.press('r');
  await ui.waitFor('Signed in round 9');
  return ui;
}

describe('a play session that is not saved', () => {
  it('should keep a recovery copy of every input, and warn before enter ends the finished session', async () => {
    const r = recorder();
    const ui = await finished(r.host);
    const last = r.copies.at(-1)!;
    expect(last.file).toBe('tutorial-bilateral-seed1.recovery.json');
    expect(last.saved).toBe(false);
    // the copy is the session as it stands: it replays to the same end
    expect(parseSession(last.text, last.file).inputs.length).toBeGreaterThan(0);
    await ui.press(KEY.enter);
    expect(ui.frame()).toContain(
      'the session is not saved: s saves it, enter again ends it without saving (a recovery copy is kept)',
    );
    expect(ui.frame()).toContain('Signed in round 9');
    // any other key withdraws the warning; enter must then be pressed twice again
    await ui.press('v');
    expect(ui.frame()).not.toContain('enter again ends it');
    await ui.press(KEY.enter);
    expect(ui.frame()).toContain('enter again ends it');
    await ui.press(KEY.enter);
    expect(ui.frame()).toContain('Documents');
    expect(ui.frame()).not.toContain('Signed in round 9');
  });

  it('should leave a saved session at once, its copy marked saved', async () => {
    const r = recorder();
    const ui = await finished(r.host);
    await ui.press('s');
    await ui.waitFor('file: tutorial-bilateral-seed1.session.json');
    await ui.press(KEY.enter);
    await ui.waitFor('saved to tutorial-bilateral-seed1.session.json');
    expect(r.copies.at(-1)!.saved).toBe(true);
    await ui.press(KEY.enter);
    expect(ui.frame()).toContain('Documents');
  });

  it('should name the file a session was saved to once it has moved on, not call it unsaved', async () => {
    const r = recorder();
    const ui = await explore('tutorial-bilateral', { columns: 100, rows: 30 }, { host: r.host });
    unmount = ui.unmount;
    await ui.press('p', KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await ui.waitFor('space opens round 1');
    await ui.press(' ', 's');
    await ui.waitFor('file: tutorial-bilateral-seed1.session.json');
    await ui.press(KEY.enter);
    await ui.waitFor('saved to tutorial-bilateral-seed1.session.json');
    await ui.press(' ');
    await ui.waitFor('2 inputs');
    expect(ui.frame()).toContain(
      '2 inputs · changed since saved to tutorial-bilateral-seed1.session.json (s saves again)',
    );
    expect(ui.frame()).not.toContain('not saved');
    await ui.press('q');
    expect(ui.frame()).toContain(
      'the session has changed since it was saved: s saves it, q again quits without saving',
    );
  });

  it('should keep a long path and what s does whole under the transcript at 80×24', async () => {
    // a path wider than the screen: the line wraps (the path split where it must), it never cuts "(s saves again)"
    const file =
      '/tmp/a/very/long/folder/name/for/a/session/file/even/longer/session-of-the-facilitator.json';
    const r = recorder();
    const ui = await explore('tutorial-bilateral', SMALL, { host: r.host });
    unmount = ui.unmount;
    await ui.press('p', KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await ui.waitFor('space opens round 1');
    await ui.press(' ', 's', '\u0015', file, KEY.enter);
    await ui.waitFor('saved to');
    expect([...r.saved.keys()]).toEqual([file]);
    await ui.press(' ');
    await ui.waitFor('2 inputs');
    const lines = ui.lines();
    expect(lines.length).toBeLessThanOrEqual(SMALL.rows);
    const squeezed = (t: string) => t.replace(/\s+/g, '');
    expect(squeezed(lines.join(''))).toContain(
      squeezed(`2 inputs · changed since saved to ${file} (s saves again)`),
    );
  });

  it('should warn on q from another screen, and on the picker, while a session has unsaved inputs', async () => {
    const r = recorder();
    const ui = await explore('tutorial-bilateral', { columns: 100, rows: 30 }, { host: r.host });
    unmount = ui.unmount;
    await ui.press('p', KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await ui.waitFor('space opens round 1');
    await ui.press(' ', ' ');
    expect(ui.frame()).toContain('2 inputs · not saved (a recovery copy is kept)');
    // esc leaves the unfinished session for the explorer
    await ui.press(KEY.esc);
    await ui.waitFor('Documents');
    await ui.press('s');
    await ui.waitFor('Pick a scenario');
    expect(ui.frame().replace(/\s+/g, ' ')).toContain(
      'Opening another scenario ends the play session in progress: 2 inputs, not saved (a copy stays in tutorial-bilateral-seed1.recovery.json)',
    );
    await ui.press(KEY.esc);
    await ui.press('q');
    // back on the session, with the warning
    expect(ui.frame()).toContain('the session is not saved: s saves it, q again quits without saving');
    expect(ui.frame()).toContain('Play — Tutorial');
  });
});

describe('the recovery folder', () => {
  it('should name a new copy after the session, keep unsaved ones and remove saved ones on exit', () => {
    const rec = new Recovery(join(dir, 'nested', 'recovery'));
    const a = rec.keep(null, 'tutorial-bilateral-seed1', '{"a":1}', false);
    const b = rec.keep(null, 'tutorial-bilateral-seed1', '{"b":1}', false);
    expect(a).toMatch(/nested\/recovery\/tutorial-bilateral-seed1-\d{8}-\d{6}(-\d+)?\.session\.json$/);
    expect(b).not.toBe(a);
    expect(rec.keep(a, 'ignored', '{"a":2}', true)).toBe(a);
    expect(readFileSync(a, 'utf8')).toBe('{"a":2}');
    expect(rec.settle()).toEqual([b]);
    expect(readdirSync(join(dir, 'nested', 'recovery'))).toEqual([b.split('/').at(-1)]);
    expect(recoveryNote(b)).toBe(
      `the play session was not saved; its inputs are in ${b} (reopen it with peacesim tui --session ${b}, then s saves it)`,
    );
  });
});
