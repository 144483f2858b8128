// Who fired each manual inject: the facilitator at the play screen, the analyst on the command line (`run --inject`).
// The INJECT input records it, the transcript logs it, and every place that names the origin says what the input
// says; a session saved before inputs recorded it names no one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import type { InjectEvent, NegotiationEvent } from '../../src/engine/events.ts';
import { replay } from '../../src/engine/game.ts';
import { createSession, parseSession, sessionText } from '../../src/engine/session.ts';
import { injectedBy } from '../../src/report/narration/phrases.ts';
import type { PlayHost } from '../../src/ui/host.ts';
import { playState } from '../../src/ui/state/app.ts';
import { type PlayGame, startGame, step } from '../../src/ui/state/play.ts';
import { openPlay } from '../../src/ui/state/play-view.ts';
import { cliOk } from '../cli-in-process.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

const dir = mkdtempSync(join(tmpdir(), 'peacesim-inject-origin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const injects = (inputs: readonly NegotiationEvent[]) =>
  inputs.filter((e): e is InjectEvent => e.type === 'INJECT');

/** How many times `text` occurs in `s`. */
const count = (s: string, text: string) => s.split(text).length - 1;

/** The report's lines that name an inject's origin: one per manual inject in the timeline, one in the turning points. */
function originLines(md: string, by: string) {
  return {
    adHoc: count(md, `Inject ${by}:`),
    event: count(md, `Event, injected ${by}:`),
    points: count(md, `An inject ${by}:`) + count(md, `, injected ${by}.`),
  };
}

describe('who fired an inject', () => {
  it('should record the play screen’s injects as the facilitator’s, and the report says so of each', async () => {
    const s = scenario('ukraine-peace');
    const written = new Map<string, string>();
    const host: PlayHost = { sourceOf: (x) => x.id, save: (file, text) => void written.set(file, text) };
    const game: PlayGame = step(startGame(s, { seed: 1 }));
    const ui = await explore(
      'ukraine-peace',
      { columns: 100, rows: 30 },
      {
        host,
        initial: playState(s, openPlay(game, s.id, 0)),
      },
    );
    unmount = ui.unmount;
    // the first manual event, then the first ad-hoc kind (a shift) after the scenario's manual events
    await ui.press('i', KEY.enter);
    await ui.waitFor('injected: ');
    const manual = s.events.filter((e) => 'manual' in e.trigger).length;
    await ui.press('i', ...Array.from({ length: manual }, () => KEY.down), KEY.enter, KEY.enter, KEY.enter);
    await ui.waitFor('(ad hoc)');
    expect(ui.frame().replace(/\s+/g, ' ')).toContain(`Inject ${injectedBy('facilitator')}:`);
    await ui.press('s', KEY.enter);
    await ui.waitFor('saved to');
    const text = written.get('ukraine-peace-seed1.session.json')!;
    const fired = injects(parseSession(text, 'x').inputs);
    expect(fired.map((e) => e.by)).toEqual(['facilitator', 'facilitator']);

    const file = join(dir, 'played.session.json');
    writeFileSync(file, text);
    const md = await cliOk('report', file);
    expect(originLines(md, injectedBy('facilitator'))).toEqual({
      adHoc: fired.filter((e) => 'effect' in e).length,
      event: fired.filter((e) => 'event' in e).length,
      points: fired.length,
    });
    expect(md).not.toContain(injectedBy('analyst'));
    expect(md).not.toContain(injectedBy(undefined));
    // resume --json gives each inject with its origin
    const json = JSON.parse(await cliOk('resume', file, '--json'));
    expect(json.injects.map((i: { by?: string }) => i.by)).toEqual(fired.map((e) => e.by));
  });

  it('should record `run --inject … --save`’s injects as the analyst’s, never the facilitator’s', async () => {
    const file = join(dir, 'analyst.session.json');
    const args = ['--inject', 'us-pressure-on-ukraine@2', '--inject', 'goodwill:russia@3', '--rounds', '6'];
    await cliOk('run', 'ukraine-peace', ...args, '--save', file);
    const fired = injects(parseSession(readFileSync(file, 'utf8'), file).inputs);
    expect(fired.map((e) => e.by)).toEqual(['analyst', 'analyst']);
    const md = await cliOk('report', file);
    expect(originLines(md, injectedBy('analyst'))).toEqual({ adHoc: 1, event: 1, points: 2 });
    expect(md).not.toContain(injectedBy('facilitator'));
    const json = JSON.parse(await cliOk('run', 'ukraine-peace', ...args, '--json'));
    expect(json.injects.map((i: { by?: string }) => i.by)).toEqual(['analyst', 'analyst']);
    const logged = json.transcript.filter((e: { kind: string; trigger?: string }) => e.trigger === 'manual');
    expect(logged.map((e: { by?: string }) => e.by)).toEqual(['analyst', 'analyst']);
  });

  it('should load a session saved before inputs said who fired them, name no one, and say the rest as for a recorded one', async () => {
    const s = scenario('ukraine-peace');
    const file = join(dir, 'recorded.session.json');
    await cliOk('run', 'ukraine-peace', '--inject', 'goodwill:russia@2', '--rounds', '4', '--save', file);
    const recorded = parseSession(readFileSync(file, 'utf8'), file);
    // the same inputs without the origin, saved as the engine saved them before: a seal of their own transcript
    const inputs = recorded.inputs.map((e) => {
      if (e.type !== 'INJECT') return e;
      const { by: _, ...rest } = e;
      return rest as InjectEvent;
    });
    const old = join(dir, 'old.session.json');
    writeFileSync(
      old,
      sessionText(createSession(replay(s, { seed: recorded.seed, ...recorded.options }, inputs), s.id)),
    );
    const before = await cliOk('report', old);
    const now = await cliOk('report', file);
    expect(count(before, injectedBy(undefined))).toBe(2);
    expect(before).not.toContain(injectedBy('facilitator'));
    expect(before).not.toContain(injectedBy('analyst'));
    expect(before.replaceAll(injectedBy(undefined), injectedBy('analyst'))).toBe(now);
    // resume names no origin: the same words for both files
    expect(await cliOk('resume', old)).toBe(
      (await cliOk('resume', file)).replaceAll('recorded.session.json', 'old.session.json'),
    );
  });

  it('should refuse a session file whose origin was changed or misspelt by hand, in one line naming the file', async () => {
    const file = join(dir, 'edit.session.json');
    await cliOk('run', 'tutorial-bilateral', '--inject', 'goodwill:north@2', '--save', file);
    const text = readFileSync(file, 'utf8');
    const refused = async (edited: string) => {
      const f = join(dir, 'edited.session.json');
      writeFileSync(f, edited);
      const io = memoryIo();
      expect(await run(['report', f], io)).toBe(1);
      expect(io.stdout()).toBe('');
      const lines = io.stderr().trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(f);
      return lines[0]!;
    };
    // the transcript's seal holds the origin: a file that claims another is caught
    expect(await refused(text.replace('"by": "analyst"', '"by": "facilitator"'))).toContain(
      'the file was changed after it was saved',
    );
    // inputs count from 1
    const at = (JSON.parse(text).inputs as NegotiationEvent[]).findIndex((e) => e.type === 'INJECT') + 1;
    expect(await refused(text.replace('"by": "analyst"', '"by": "the chair"'))).toContain(
      `input ${at}: by: who fired the inject: give "facilitator" or "analyst"`,
    );
    // cut short inside a string: the line and column where the JSON ends, and what to do
    const cut = text.slice(0, text.indexOf('"INJECT"') + 3);
    const line = cut.split('\n').length;
    const column = cut.length - cut.lastIndexOf('\n');
    expect(await refused(cut)).toMatch(
      new RegExp(`edited\\.session\\.json:${line}:${column}: not a session file .*save the session again`),
    );
  });
});
