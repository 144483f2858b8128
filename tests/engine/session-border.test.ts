// Session files are checked at the border: their shape by zod (the inputs by the engine's own event schemas), the
// options by the code that checks the flags, each input by the machine as it is replayed, and the transcript
// against the seal saved with it. Every refusal is one line naming the file and the place in it, exit 1.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { readSessionFile } from '../../src/cli/sessions.ts';
import { PeacesimError } from '../../src/domain/errors.ts';
import type { NegotiationEvent } from '../../src/engine/events.ts';
import { newGame, send } from '../../src/engine/game.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import type { RunOptions } from '../../src/engine/options.ts';
import { createSession, type Session, sessionText } from '../../src/engine/session.ts';
import { shipped } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'peacesim-session-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOUTH_PLAYS: RunOptions = { seed: 1, maxRounds: 4, strategies: { south: { kind: 'human' } } };

/** A session of the tutorial in which South, played by a person, has rejected the opening text. */
function southSession(): Session {
  const s = shipped('tutorial-bilateral');
  const r = runHeadless(s, SOUTH_PLAYS, {
    moves: [{ actor: 'south', move: { type: 'reject', asks: ['line'] } }],
  });
  return createSession(r.game, 'tutorial-bilateral');
}

/** The session as JSON, changed by `edit`, written to a file; resume and report run on it in-process. */
async function onFile(raw: unknown, name = 'x.json') {
  const file = join(dir, name);
  writeFileSync(file, typeof raw === 'string' ? raw : JSON.stringify(raw, null, 2));
  const results = [];
  for (const command of ['resume', 'report']) {
    const io = memoryIo();
    const code = await run([command, file], io);
    results.push({ code, stderr: io.stderr().replaceAll(file, 'FILE'), stdout: io.stdout() });
  }
  return results;
}

/** A session's JSON, to be edited as plain data (any shape: the point is to break it). */
// biome-ignore lint/suspicious/noExplicitAny: a test writes arbitrary JSON into the file
type Raw = Record<string, any>;

const edited = (edit: (s: Raw) => void) => {
  const raw = JSON.parse(sessionText(southSession()));
  edit(raw);
  return raw;
};

/** Both commands refuse the file with this one line (after "peacesim: FILE: "), exit 1, and print nothing. */
async function refused(raw: unknown, message: string | RegExp) {
  for (const r of await onFile(raw)) {
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(2); // one line and its newline
    const line = r.stderr.replace(/^peacesim: FILE: /, '').trimEnd();
    if (typeof message === 'string') expect(line).toBe(message);
    else expect(line).toMatch(message);
  }
}

describe('a session file at the border', () => {
  it('should replay a good session, and go on from where it stopped', async () => {
    const [resume, report] = await onFile(southSession());
    // the run waits for South again in round 2: resume says so (exit 1), report reports it as unfinished
    expect(resume!.stderr).toMatch(
      /^peacesim: the run stops in round 2: South \(stylised Ukraine\) is played by a person/,
    );
    expect(report!.code).toBe(0);
    expect(report!.stdout).toContain('Unfinished');
  });

  it('should refuse a person’s move without a move, or with null terms, in one located line', async () => {
    const first = (s: Raw) => s.inputs.findIndex((e: NegotiationEvent) => e.type === 'HUMAN_MOVE');
    await refused(
      edited((s) => {
        delete s.inputs[first(s)].move;
      }),
      /^not a peacesim session \(format 2\): input 3: move: Invalid input: expected object, received undefined$/,
    );
    await refused(
      edited((s) => {
        s.inputs[first(s)].move = null;
      }),
      /^not a peacesim session \(format 2\): input 3: move: Invalid input: expected object, received null$/,
    );
    await refused(
      edited((s) => {
        s.inputs[first(s)].move = { type: 'propose', terms: null };
      }),
      /^not a peacesim session \(format 2\): input 3: move\.terms: Invalid input: expected record, received null$/,
    );
  });

  it('should tell a file of a newer peacesim from a broken one, and say what to do', async () => {
    // a later format, with a field this peacesim does not know: not "expected 2 or 1", which reads as a broken file
    await refused(
      edited((s) => {
        s.format = 3;
        s.engine = '9.0.0';
        s.clock = { started: 'later' };
      }),
      /^saved by a newer peacesim \(session format 3, peacesim 9\.0\.0\); this one \(\S+\) reads formats 1 to 2: open it with that peacesim, or update this one$/,
    );
    // a format that is no newer one stays a file that is not a session
    await refused(
      edited((s) => {
        s.format = 0;
      }),
      /^not a peacesim session \(format 2\): format: expected 2 or 1/,
    );
  });

  it('should name an input the machine refuses on replay, never drop it', async () => {
    await refused(
      edited((s) => {
        s.inputs.splice(3, 0, { type: 'HUMAN_MOVE', actor: 'north', move: { type: 'accept' } });
      }),
      'input 4: HUMAN_MOVE by north (accept) is not allowed: North (stylised Russia) is played by a bot (boulware), not by a person',
    );
    await refused(
      edited((s) => {
        s.inputs.push({ type: 'INJECT', effect: { kind: 'drop-red-line', actor: 'south', redLine: 'nope' } });
      }),
      /^input \d+: INJECT drop-red-line is not allowed: unknown red line of south "nope"; valid red line of souths: /,
    );
    await refused(
      edited((s) => {
        s.inputs.unshift({ type: 'RESUME' });
      }),
      'input 1: RESUME is not allowed: the talks are not paused',
    );
  });

  it('should check the options with the bounds of the flags, and say where', async () => {
    await refused(
      edited((s) => {
        s.seed = -1;
      }),
      'seed: expected a whole number from 0 to 2147483647, not "-1"',
    );
    await refused(
      edited((s) => {
        s.seed = 2 ** 31;
      }),
      'seed: expected a whole number from 0 to 2147483647, not "2147483648"',
    );
    await refused(
      edited((s) => {
        s.options.maxRounds = 5000;
      }),
      'options.maxRounds: expected a whole number from 1 to 1000, not "5000"',
    );
    await refused(
      edited((s) => {
        s.options.strategies.north = { kind: 'boulware', params: { e: -5 } };
      }),
      'options.strategies.north: e (the concession exponent) must be above 0 and at most 100, not -5',
    );
    await refused(
      edited((s) => {
        s.options.strategies.north = { kind: 'boulware', params: { x: 1 } };
      }),
      'options.strategies.north: boulware takes no parameter "x"; it takes e, noise',
    );
  });

  it('should refuse a mediator’s patience of −1 as bad input (exit 1), as it refuses the flag (exit 2)', async () => {
    const s = shipped('ukraine-peace');
    const raw = JSON.parse(sessionText(createSession(newGame(s, { seed: 1 }), 'ukraine-peace')));
    raw.options.strategies = { us: { kind: 'linear', params: { patience: -1 } } };
    await refused(
      raw,
      'options.strategies.us: patience (rounds without progress before it leaves) must be a whole number from 1 to 1000, not -1',
    );
    const io = memoryIo();
    expect(await run(['run', 'ukraine-peace', '--strategy', 'us=linear:patience=-1'], io)).toBe(2);
    expect(io.stderr()).toContain(
      "'--strategy <actor=kind>' argument 'us=linear:patience=-1' is invalid. patience (rounds without progress before it leaves) must be a whole number from 1 to 1000, not -1",
    );
  });

  it('should report __proto__ and constructor keys as unknown keys', async () => {
    const text = sessionText(southSession());
    await refused(
      text.replace('"strategies": {', '"strategies": { "__proto__": { "kind": "human" },'),
      'not a peacesim session (format 2): options.strategies: unknown key "__proto__"',
    );
    await refused(
      text.replace('"format": 2,', '"format": 2, "constructor": 1,'),
      'not a peacesim session (format 2): the file: unknown key "constructor"',
    );
    await refused(
      text.replace('"asks": [', '"__proto__": {}, "asks": ['),
      /^not a peacesim session \(format 2\): input \d+: move: unknown key "__proto__"$/,
    );
  });

  it('should report a replay that diverges from the saved transcript', async () => {
    await refused(
      edited((s) => {
        s.transcript.sha256 = '0'.repeat(64);
      }),
      /^the replay diverges from the saved run: the replay gives a different transcript \(\d+ entries, as saved\); saved by this version of peacesim/,
    );
    await refused(
      edited((s) => {
        s.engine = '0.0.1';
        s.transcript.entries += 1;
        s.transcript.sha256 = 'f'.repeat(64);
      }),
      /^the replay diverges from the saved run: the replay gives \d+ transcript entries where the saved run had \d+; saved by peacesim 0\.0\.1, replayed by /,
    );
    // a seed that changes nothing in the run (the tutorial draws nothing) is caught by the seal of the settings
    await refused(
      edited((s) => {
        s.seed = 7;
      }),
      "the seed or the options are not those the run was saved with (the seal's settings differ); the file was changed after it was saved",
    );
    await refused(
      edited((s) => {
        s.options.maxRounds = 5;
      }),
      /^the seed or the options are not those the run was saved with/,
    );
    // a seed that changes the run is caught: by the seal, or before it by an input the new run does not take
    const s = shipped('ukraine-peace');
    const options = {
      seed: 1,
      maxRounds: 3,
      strategies: { eu: { kind: 'linear', params: { noise: 0.2 } } },
    };
    const raw = JSON.parse(sessionText(createSession(runHeadless(s, options).game, 'ukraine-peace')));
    raw.seed = 2;
    await refused(
      raw,
      /^(the seed or the options are not those|input \d+: STEP is not allowed: the talks are over)/,
    );
  });

  it('should still replay a session of format 1 (without a seal)', async () => {
    const raw = edited((s) => {
      s.format = 1;
      delete s.engine;
      delete s.transcript;
    });
    const [, report] = await onFile(raw);
    expect(report!.code).toBe(0);
  });

  it('should give the explorer (tui --session) the same one-line errors', () => {
    const file = join(dir, 'tui.json');
    writeFileSync(
      file,
      JSON.stringify(
        edited((s) => {
          s.inputs.push({ type: 'HUMAN_MOVE', actor: 'south' });
        }),
      ),
    );
    expect(() => readSessionFile(file)).toThrow(PeacesimError);
    expect(() => readSessionFile(file)).toThrow(/: input \d+: move: Invalid input/);
  });

  it('should refuse a moves file with a null move or null terms in one located line', async () => {
    const moves = join(dir, 'moves.json');
    for (const [content, where] of [
      [[{ actor: 'south', move: null }], 'move 1 (move)'],
      [
        [
          { actor: 'south', move: { type: 'accept' } },
          { actor: 'south', move: { type: 'propose', terms: null } },
        ],
        'move 2 (move.terms)',
      ],
    ] as const) {
      writeFileSync(moves, JSON.stringify(content));
      const io = memoryIo();
      const code = await run(
        ['run', 'tutorial-bilateral', '--strategy', 'south=human', '--moves', moves],
        io,
      );
      expect(code).toBe(1);
      expect(io.stderr().replaceAll(moves, 'FILE')).toMatch(
        new RegExp(`^peacesim: FILE: ${where.replace(/[().]/g, '\\$&')}: Invalid input[^\\n]*\\n$`),
      );
    }
  });
});

describe('sending inputs', () => {
  it('should take what the machine takes and say why it refuses the rest', () => {
    const g = newGame(shipped('tutorial-bilateral'), SOUTH_PLAYS);
    expect(send(g, { type: 'PAUSE' })).toEqual({
      ok: false,
      error: 'the talks have not started (STEP opens round 1)',
    });
    const started = send(g, { type: 'STEP' });
    expect(started.ok && started.game.inputs).toEqual([{ type: 'STEP' }]);
  });
});
