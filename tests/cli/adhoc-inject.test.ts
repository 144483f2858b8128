// `--inject KIND:TARGET@ROUND`: the analyst's ad-hoc effects in run, outcomes and hinges. The syntax reads back
// every effect the engine's schema takes; every mistake is one usage line naming the flag; a run with an ad-hoc
// inject is the run the engine gives for the same INJECT input, sent at the start of the round as the play mode
// sends it, and its session replays it byte for byte.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { type AdHocEffect, NegotiationEventSchema } from '../../src/engine/events.ts';
import { isOver, newGame, send } from '../../src/engine/game.ts';
import { injectText, parseInjectText } from '../../src/engine/inject-text.ts';
import { createSession } from '../../src/engine/session.ts';
import { cli, ROOT } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'peacesim-adhoc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function inProcess(argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('the syntax of an ad-hoc inject', () => {
  // a scenario id (its schema's pattern): the only ids an effect can name
  const id = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,12}$/);
  const unitNumber = fc.double({ min: 0, max: 1, noNaN: true });
  const effect: fc.Arbitrary<AdHocEffect> = fc.oneof(
    fc.record({ kind: fc.constant('set-reservation' as const), actor: id, value: unitNumber }),
    fc.record({
      kind: fc.constant('shift-reservation' as const),
      actor: id,
      delta: fc.double({ min: -1, max: 1, noNaN: true }),
    }),
    fc.record({
      kind: fc.constant('set-weight' as const),
      actor: id,
      issue: id,
      weight: fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }),
    }),
    fc.record({ kind: fc.constant('drop-red-line' as const), actor: id, redLine: id }),
    fc.record({ kind: fc.constant('table' as const), document: id }),
    fc.record({ kind: fc.constant('walk-out' as const), actor: id }),
    fc.record({ kind: fc.constant('goodwill' as const), actor: id }),
  );

  it('should read back every effect the schema accepts, written as --inject writes it', () => {
    fc.assert(
      fc.property(effect, fc.integer({ min: 1, max: 1000 }), (e, round) => {
        // the effect is one a session file may hold
        expect(NegotiationEventSchema.safeParse({ type: 'INJECT', effect: e }).success).toBe(true);
        const text = injectText({ effect: e, round });
        expect(parseInjectText(text)).toEqual({ effect: e, round });
      }),
      { seed: 20261206, numRuns: 2000 },
    );
  });

  it('should read an event id as an event: no scenario id holds a colon', () => {
    expect(parseInjectText('us-walks-away@7')).toEqual({ event: 'us-walks-away', round: 7 });
    expect(injectText({ event: 'us-walks-away', round: 7 })).toBe('us-walks-away@7');
  });
});

describe('mistakes in --inject', () => {
  /** One line on stderr, exit 2, naming the flag, through the built CLI. */
  function usage(command: string, inject: string, says: string | RegExp) {
    const draws = command === 'outcomes' ? ['-n', '2'] : [];
    const r = cli([command, 'ukraine-peace', ...draws, '--inject', inject]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--inject');
    expect(r.stderr).toMatch(says);
  }

  it('should say what is wrong and what to write, for every kind of mistake', () => {
    const s = openScenario('ukraine-peace');
    const kinds =
      'set-reservation:ACTOR=VALUE, shift-reservation:ACTOR=DELTA, set-weight:ACTOR/ISSUE=WEIGHT, drop-red-line:ACTOR/RED-LINE, table:DOCUMENT, walk-out:ACTOR, goodwill:ACTOR';
    usage('run', 'drop:ukraine/no-withdrawal@3', `unknown kind of ad-hoc inject "drop"; the kinds: ${kinds}`);
    usage(
      'run',
      'set-weight:russia=2@1',
      'expected set-weight:ACTOR/ISSUE=WEIGHT, e.g. set-weight:russia/donetsk=2@1',
    );
    usage('run', 'drop-red-line:ukraine@1', 'expected drop-red-line:ACTOR/RED-LINE');
    usage('run', 'goodwill:russia', 'expected EVENT@ROUND');
    usage('run', 'goodwill:russia@0', 'expected EVENT@ROUND');
    usage('run', 'set-reservation:us=1.5@1', 'a value of no deal 1.5 is outside [0, 1]');
    usage('run', 'shift-reservation:us=-2@1', 'a shift of a value of no deal -2 is outside [-1, 1]');
    usage('run', 'set-weight:russia/donetsk=-1@1', 'a weight -1 is outside [0, ∞)');
    usage('run', 'set-weight:russia/donetsk=x@1', 'a weight "x" is not a number');
    const actors = s.actors.map((a) => a.id).join(', ');
    usage(
      'outcomes',
      'walk-out:rusia@2',
      `--inject walk-out:rusia@2: unknown actor "rusia" (did you mean "russia"?); valid actors: ${actors}`,
    );
    usage(
      'run',
      'set-weight:russia/donbas=2@1',
      `unknown issue "donbas"; valid issues: ${s.issues.map((i) => i.id).join(', ')}`,
    );
    usage(
      'run',
      'table:us-29-point-plan@4',
      /unknown document "us-29-point-plan" \(did you mean "us-28-point-plan"\?\); valid documents: /,
    );
    // an issue the actor has no values for: the scenario's data says which it weighs
    const us = s.actors.find((a) => a.id === 'us')!;
    const unweighed = s.issues.find((_, i) => !us.preferences[i])!.id;
    const weighed = s.issues.filter((_, i) => us.preferences[i]).map((i) => i.id);
    usage(
      'hinges',
      `set-weight:us/${unweighed}=2@1`,
      `United States has no preference on ${unweighed} in the scenario, so a weight there would only shrink its other weights; set one of the issues it weighs: ${weighed.join(', ')}`,
    );
    // the red lines Ukraine may hold: its own, and none an event adds (the scenario's data)
    const ukraine = s.actors.find((a) => a.id === 'ukraine')!;
    usage(
      'run',
      'drop-red-line:ukraine/no-referendum@3',
      `unknown red line "no-referendum"; valid red lines: ${ukraine.redLines.map((r) => r.id).join(', ')}`,
    );
    usage(
      'outcomes',
      `goodwill:russia@${s.protocol.maxRounds + 1}`,
      `the run has ${s.protocol.maxRounds} rounds`,
    );
  });

  it('should refuse in a run, naming the flag, what would have nothing to do where the run stands', async () => {
    const twice = await inProcess([
      'run',
      'ukraine-peace',
      '--inject',
      'walk-out:coalition@2',
      '--inject',
      'walk-out:coalition@3',
    ]);
    expect([twice.code, twice.stderr]).toEqual([
      1,
      'peacesim: --inject walk-out:coalition@3: the coalition of the willing has already walked out by round 3; a walk-out would change nothing\n',
    ]);
    const dropped = await inProcess([
      'run',
      'ukraine-peace',
      '--inject',
      'drop-red-line:ukraine/no-withdrawal@2',
      '--inject',
      'drop-red-line:ukraine/no-withdrawal@3',
    ]);
    expect(dropped.code).toBe(1);
    expect(dropped.stderr).toMatch(
      /^peacesim: --inject drop-red-line:ukraine\/no-withdrawal@3: Ukraine does not hold the red line no-withdrawal in round 3 \(its red lines then: [a-z, -]+\); drop one it holds, or pick another round\n$/,
    );
    const draws = await inProcess([
      'outcomes',
      'ukraine-peace',
      '-n',
      '3',
      '--inject',
      'walk-out:coalition@2',
      '--inject',
      'walk-out:coalition@3',
    ]);
    // over draws, one with nothing to do is passed over and counted, not refused (tests/cli/inject-fates.test.ts)
    expect([draws.code, draws.stderr]).toEqual([0, '']);
    expect(draws.stdout.replace(/\n\s+/g, ' ')).toContain(
      'passed over in 3, with nothing to do: in 3, the coalition of the willing had already walked out, with an earlier inject of the run',
    );
  });

  it('should say which injects did not fire because the talks ended first', async () => {
    const r = await inProcess([
      'run',
      'ukraine-peace',
      '--inject',
      'us-walks-away@2',
      '--inject',
      'goodwill:russia@5',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Not fired: --inject goodwill:russia@5 — the talks ended in round 2, before its round.',
    );
  });
});

/**
 * The game the engine gives for these inputs: STEP, and the INJECT at the start of round `round`'s tabling, as the
 * play mode sends a facilitator's inject — no headless driver, no plan.
 */
function byHand(scenario: ReturnType<typeof openScenario>, effect: AdHocEffect, round: number) {
  let game = newGame(scenario, { seed: 1 });
  let sent = false;
  while (!isOver(game)) {
    const atStart =
      game.snapshot.matches({ live: { running: 'tabling' } }) && game.snapshot.context.round === round;
    // the origin `run --inject` records: the analyst's
    const input =
      atStart && !sent ? ({ type: 'INJECT', effect, by: 'analyst' } as const) : ({ type: 'STEP' } as const);
    if (input.type === 'INJECT') sent = true;
    const r = send(game, input);
    if (!r.ok) throw new Error(r.error);
    game = r.game;
  }
  return game;
}

describe('a run with an ad-hoc inject', () => {
  const s = openScenario('ukraine-peace');
  const cases: [string, AdHocEffect, number][] = [
    [
      'drop-red-line:ukraine/no-withdrawal@2',
      { kind: 'drop-red-line', actor: 'ukraine', redLine: 'no-withdrawal' },
      2,
    ],
    ['shift-reservation:russia=-0.1@2', { kind: 'shift-reservation', actor: 'russia', delta: -0.1 }, 2],
    ['set-reservation:us=0.4@1', { kind: 'set-reservation', actor: 'us', value: 0.4 }, 1],
    [
      'set-weight:russia/donetsk=2@1',
      { kind: 'set-weight', actor: 'russia', issue: 'donetsk', weight: 2 },
      1,
    ],
    ['table:istanbul-2022-ukraine@4', { kind: 'table', document: 'istanbul-2022-ukraine' }, 4],
    ['walk-out:coalition@5', { kind: 'walk-out', actor: 'coalition' }, 5],
    ['goodwill:russia@2', { kind: 'goodwill', actor: 'russia' }, 2],
  ];

  for (const [flag, effect, round] of cases)
    it(`should be the engine's run for the same INJECT, and resume byte for byte: ${flag}`, async () => {
      const save = join(dir, `${effect.kind}.json`);
      const r = await inProcess(['run', 'ukraine-peace', '--inject', flag, '--json', '--save', save]);
      expect(r.code, r.stderr).toBe(0);
      const session = JSON.parse(readFileSync(save, 'utf8'));
      const game = byHand(s, effect, round);
      // the same inputs, the INJECT as the play mode records it, and so the same transcript
      expect(session.inputs).toEqual(game.inputs);
      expect(session.inputs).toContainEqual({ type: 'INJECT', effect, by: 'analyst' });
      expect(session).toMatchObject({
        transcript: (createSession(game, 'ukraine-peace') as { transcript: object }).transcript,
      });
      const json = JSON.parse(r.stdout);
      expect(json.transcript.map((e: { seq: number; kind: string }) => [e.seq, e.kind])).toEqual(
        game.snapshot.context.transcript.map((e) => [e.seq, e.kind]),
      );
      expect(json.injects).toEqual([{ effect, round, basis: 'assumption', by: 'analyst' }]);
      const again = await inProcess(['resume', save, '--json']);
      expect(again.stdout).toBe(r.stdout);
      // the text says it is an assumption, not an event of the scenario
      const words = await inProcess(['resume', save]);
      expect(words.stdout).toContain(
        'Ad-hoc inject — an assumption put in by hand, not an event of the scenario:',
      );
    });

  it("should take a red line a rejection cited out of the actor's next verdict", async () => {
    const plain = JSON.parse((await inProcess(['run', 'ukraine-peace', '--json'])).stdout);
    type Verdict = { kind: string; round: number; actor: string; violations: { redLine: string }[] };
    const verdicts = (j: { transcript: Verdict[] }) => j.transcript.filter((e) => e.kind === 'verdict');
    // the first rejection that cites a red line of one of the actor's own (not one an event gave it)
    const cited = verdicts(plain).find((v) =>
      v.violations.some((x) =>
        s.actors.find((a) => a.id === v.actor)!.redLines.some((r) => r.id === x.redLine),
      ),
    )!;
    const redLine = cited.violations.find((x) =>
      s.actors.find((a) => a.id === cited.actor)!.redLines.some((r) => r.id === x.redLine),
    )!.redLine;
    const round = cited.round + 1;
    const dropped = JSON.parse(
      (
        await inProcess([
          'run',
          'ukraine-peace',
          '--inject',
          `drop-red-line:${cited.actor}/${redLine}@${round}`,
          '--json',
        ])
      ).stdout,
    );
    const after = verdicts(dropped).filter((v) => v.actor === cited.actor && v.round >= round);
    expect(after.length).toBeGreaterThan(0);
    for (const v of after) expect(v.violations.map((x) => x.redLine)).not.toContain(redLine);
    // and before the inject the runs are the same: it cited it then
    const before = verdicts(dropped).find((v) => v.actor === cited.actor && v.round === cited.round)!;
    expect(before.violations.map((x) => x.redLine)).toContain(redLine);
  });
});

describe('outcomes with an ad-hoc drop of a red line', () => {
  const FIXTURE = resolve(ROOT, 'tests/fixtures/format/unsignable.yaml');

  it('should say no run signs before the inject fires, naming it, with the same bytes on 1 and 2 workers', () => {
    const none = cli(['outcomes', FIXTURE, '-n', '40']);
    expect(none.stdout).toContain('no run can sign: as every run starts');
    const args = ['outcomes', FIXTURE, '-n', '40', '--inject', 'drop-red-line:north/all-four-regions@2'];
    const one = cli([...args, '--workers', '1']);
    const two = cli([...args, '--workers', '2']);
    expect(one.code, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const flat = one.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('no run can sign before an event or an inject drops a red line');
    expect(flat).toContain(
      "A run can sign only once this has fired: the inject drop-red-line:north/all-four-regions@2 (the analyst's assumption; drops North's red line all-four-regions), which opens",
    );
    expect(flat).toContain(
      "injects: North's red line all-four-regions dropped in round 2 (ad hoc: the analyst's assumption)",
    );
    const json = JSON.parse(cli([...args, '--json']).stdout);
    expect(json.injects).toMatchObject([
      {
        effect: { kind: 'drop-red-line', actor: 'north', redLine: 'all-four-regions' },
        round: 2,
        basis: 'assumption',
      },
    ]);
    // and in how many of the draws it fired (here every one: nothing else drops the red line)
    expect(json.injects[0].draws).toMatchObject({
      fired: json.draws,
      passedOver: 0,
      notReached: 0,
      reasons: [],
    });
    expect(json.feasibility.drops).toEqual([
      {
        actor: 'north',
        redLine: 'all-four-regions',
        by: 'drop-red-line:north/all-four-regions@2',
        basis: 'assumption',
      },
    ]);
    expect(json.feasibility.noRunCanSign).toBe(false);
    // shards carry the inject in their options, and merge back into the same bytes
    const parts = ['0/2', '1/2'].map((shard, k) => {
      const out = join(dir, `part-${k}.json`);
      expect(cli([...args, '--shard', shard, '--out', out]).code).toBe(0);
      return out;
    });
    expect(cli(['merge', ...parts]).stdout).toBe(one.stdout);
  });
});

describe('hinges with an ad-hoc inject', () => {
  // the fixture's manual event table-d tables the contested text d; the ad-hoc table:d does the same by hand
  const FIXTURE = resolve(ROOT, 'tests/fixtures/hinges/inject-variant.yaml');

  it('should find the hinges of the manual event that tables the same text, and list the inject with its basis', () => {
    const event = JSON.parse(cli(['hinges', FIXTURE, '--inject', 'table-d@1', '--json']).stdout);
    const r = cli(['hinges', FIXTURE, '--inject', 'table:d@1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const adHoc = JSON.parse(r.stdout);
    expect(adHoc.outcome).toEqual(event.outcome);
    expect(adHoc.outcome.hinges).toEqual([{ items: ['variant:d:x:1'], outcome: 'stalemate' }]);
    expect(adHoc.injects).toEqual([
      { effect: { kind: 'table', document: 'd' }, round: 1, basis: 'assumption' },
    ]);
    const words = cli(['hinges', FIXTURE, '--inject', 'table:d@1']).stdout;
    expect(words).toMatch(/ {2}injects: .+ tabled in round 1 \(ad hoc: the analyst's assumption\)\n/);
  });
});
