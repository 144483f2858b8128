// What a saved session's outcome rests on when a facilitator fired ad-hoc injects: the report plans them again at
// the rounds they fired — the variants of a text an ad-hoc inject tables among the items, like any tabled text's —
// once that plan replays the session; a session it does not replay says why, and is not computed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { applyItems } from '../../src/analysis/hinge-items.ts';
import type { Scenario } from '../../src/domain/types.ts';
import type { AdHocEffect, InjectEvent } from '../../src/engine/events.ts';
import { isOver } from '../../src/engine/game.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { playOutcome, restsOn, runItems } from '../../src/engine/hinges.ts';
import type { PlannedInject } from '../../src/engine/inject-text.ts';
import { replaySessionPlan } from '../../src/engine/session-plan.ts';
import { restsOnFor, sessionRestsOn } from '../../src/report/evidence-of.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import {
  context,
  fireInject,
  type PlayGame,
  phaseName,
  runToTurn,
  scenarioNow,
  sessionOf,
  startGame,
  step,
  togglePause,
} from '../../src/ui/state/play.ts';
import { cliOk } from '../cli-in-process.ts';
import { ROOT } from '../helpers.ts';
import { scenario } from '../ui/render.tsx';

const FIXTURE = resolve(ROOT, 'tests/fixtures/hinges/inject-variant.yaml');
const dir = mkdtempSync(join(tmpdir(), 'peacesim-session-rests-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The inject sent, as the play screen sends it; it must be taken. */
function fire(game: PlayGame, effect: AdHocEffect): PlayGame {
  const sent = fireInject(game, { type: 'INJECT', effect });
  if (!sent.ok) throw new Error(sent.error);
  return sent.game;
}

const played = (g: PlayGame) => ({ inputs: g.inputs, transcript: context(g).transcript });
const bots = { done: true, people: false };

/** The session's file, saved as `s` saves it, and what `peacesim report` prints for it. */
async function report(g: PlayGame, source: string): Promise<string> {
  const file = join(dir, `${g.scenario.id}-${g.inputs.length}.session.json`);
  writeFileSync(file, `${JSON.stringify(sessionOf(g, source), null, 2)}\n`);
  // markdown escapes brackets and quotes: the words as a reader sees them
  return (await cliOk('report', file)).replace(/\\/g, '').replace(/\s+/g, ' ');
}

describe('a bot session in which the facilitator tabled a contested text ad hoc', () => {
  const s = loadScenarioFile(FIXTURE);
  // round 1 opened, P's text on the table; the facilitator tables d in its place, and the talks run to the end
  const game = runToTurn(fire(step(startGame(s, { seed: 1 })), { kind: 'table', document: 'd' }));
  // the plan carries the inject's origin, so that its run logs what the session logged
  const plan: PlannedInject[] = [{ effect: { kind: 'table', document: 'd' }, round: 1, by: 'facilitator' }];

  it('should plan the inject again at its round, replay the session, and find the variant it rests on', async () => {
    expect(isOver(game)).toBe(true);
    expect(replaySessionPlan(s, { seed: 1 }, game.inputs, context(game).transcript)).toEqual({
      replays: true,
      plan,
    });
    const r = await sessionRestsOn(s, { seed: 1 }, played(game), bots);
    expect(r).toEqual({ computed: true, ...restsOn(s, { run: { seed: 1 }, injects: plan }) });
    if (!r.computed) return;
    expect(r.outcome).toBe('signed');
    expect(r.items.map((x) => [x.id, x.outcomeIfReversed])).toEqual([['variant:d:x:1', 'stalemate']]);
  });

  it('should rest on what run and hinges find for the same plan made with the scenario event that tables d', async () => {
    const r = await sessionRestsOn(s, { seed: 1 }, played(game), bots);
    const byEvent = await restsOnFor(s, { seed: 1 }, [{ event: 'table-d', round: 1 }], false);
    expect(r).toEqual(byEvent);
    const hinges = JSON.parse(
      await cliOk('hinges', FIXTURE, '--inject', 'table-d@1', '--seed', '1', '--json'),
    );
    expect(hinges.outcome.outcome).toBe('signed');
    expect(hinges.outcome.hinges.filter((h: { items: string[] }) => h.items.length === 1)).toEqual([
      { items: ['variant:d:x:1'], outcome: 'stalemate' },
    ]);
  });

  it("should print it in the session's report", async () => {
    const words = await report(game, FIXTURE);
    expect(words).toContain(
      '[reading] The contested text: X as a recorded variant has it (A → B) — reversed alone, the run ends in stalemate',
    );
    expect(words).not.toContain('not computed');
  });
});

describe('a bot session whose injects, planned at the start of their rounds, would not replay it', () => {
  const s = scenario('ukraine-peace');

  it('should say that an inject came after the verdicts, and how the replay ends instead', async () => {
    // round 1: the texts answered, then Ukraine's value of no deal is set to nothing
    let g = step(step(startGame(s, { seed: 1, maxRounds: 3 })));
    expect(phaseName(g)).toBe('responding');
    g = runToTurn(fire(g, { kind: 'set-reservation', actor: 'ukraine', value: 0 }));
    const r = replaySessionPlan(s, g.options, g.inputs, context(g).transcript);
    expect(r.replays).toBe(false);
    if (r.replays) return;
    expect(r.late).toEqual({ input: g.inputs.find((e) => e.type === 'INJECT'), round: 1, by: 'verdicts' });
    const rests = await sessionRestsOn(s, g.options, played(g), bots);
    expect(rests.computed).toBe(false);
    if (rests.computed) return;
    expect(rests.why).toMatch(
      /^not computed: planned again at the start of their rounds, the injects of this session do not replay it: the ad-hoc inject \(a value of no deal set\) of round 1 came after the round's verdicts, and the replay (ends in .+ where the session ended in .+|departs from the session in round 1)\.$/,
    );
    expect(await report(g, 'ukraine-peace')).toContain(rests.why);
  });

  it('should say that a text tabled while the talks were paused waited for the next round', async () => {
    let g = togglePause(step(startGame(s, { seed: 2, maxRounds: 3 })));
    expect(phaseName(g)).toBe('paused');
    g = runToTurn(togglePause(fire(g, { kind: 'table', document: 'istanbul-2022-ukraine' })));
    const rests = await sessionRestsOn(s, g.options, played(g), bots);
    expect(rests.computed).toBe(false);
    if (rests.computed) return;
    expect(rests.why).toContain(
      'the ad-hoc inject (a document tabled) of round 1 came while the talks were paused, so its text was held for the next round',
    );
  });

  it('should still compute it when an inject that tables nothing was fired while paused at the round start', async () => {
    let g = togglePause(step(startGame(s, { seed: 2, maxRounds: 3 })));
    g = runToTurn(togglePause(fire(g, { kind: 'drop-red-line', actor: 'us', redLine: 'no-us-troops' })));
    expect(context(g).transcript.some((e) => e.kind === 'inject' && e.phase === 'paused')).toBe(true);
    const rests = await sessionRestsOn(s, g.options, played(g), bots);
    expect(rests.computed).toBe(true);
  });
});

describe('a session in which the facilitator dropped a red line the search also drops', () => {
  it('should try that reversal, the inject then dropping nothing: as if it had not been fired', async () => {
    const s = scenario('tutorial-bilateral');
    const options = { seed: 3, maxRounds: 4 };
    const drop: AdHocEffect = { kind: 'drop-red-line', actor: 'north', redLine: 'no-nato' };
    const game = runToTurn(fire(step(startGame(s, options)), drop));
    const plan: PlannedInject[] = [{ effect: drop, round: 1 }];
    const r = await sessionRestsOn(s, options, played(game), bots);
    expect(r).toEqual({ computed: true, ...restsOn(s, { run: options, injects: plan }) });
    const item = runItems(s, { run: options, injects: plan }).find((x) => x.id === 'red-line:north:no-nato')!;
    expect(item).toBeDefined();
    const reversed = applyItems(s, [item]);
    const flips = playOutcome(reversed, options, plan) !== (r.computed && r.outcome);
    expect(playOutcome(reversed, options, plan)).toBe(playOutcome(reversed, options, []));
    expect(r.computed && r.items.some((x) => x.id === item.id)).toBe(flips);
  });
});

describe('sessions that people played, or that have not ended', () => {
  it('should stay not computed, whatever the injects', async () => {
    const s = scenario('tutorial-bilateral');
    const g = fire(step(startGame(s, { seed: 1 })), { kind: 'goodwill', actor: 'north' });
    expect((await sessionRestsOn(s, {}, played(g), { done: true, people: true })).computed).toBe(false);
    expect(await sessionRestsOn(s, {}, played(g), { done: false, people: false })).toEqual({
      computed: false,
      why: 'not computed: the session has not ended, so it has no outcome yet.',
    });
  });
});

/** A random ad-hoc effect the engine takes where the game stands (its lists offer only these). */
function arbEffect(s: Scenario, g: PlayGame, pick: fc.GeneratorValue): AdHocEffect {
  const actor = pick(fc.constantFrom, ...s.actors.map((a) => a.id));
  const kind = pick(fc.constantFrom, 'set', 'shift', 'weight', 'drop', 'table', 'walk-out', 'goodwill');
  if (kind === 'set')
    return { kind: 'set-reservation', actor, value: pick(fc.double, { min: 0, max: 1, noNaN: true }) };
  if (kind === 'shift')
    return { kind: 'shift-reservation', actor, delta: pick(fc.constantFrom, -0.1, -0.05, 0.05, 0.1) };
  if (kind === 'weight')
    return {
      kind: 'set-weight',
      actor,
      issue: pick(fc.constantFrom, ...s.issues.map((x) => x.id)),
      weight: pick(fc.integer, { min: 0, max: 5 }),
    };
  const standing = scenarioNow(g)
    .actors.find((a) => a.id === actor)!
    .redLines.map((r) => r.id);
  if (kind === 'drop' && standing.length)
    return { kind: 'drop-red-line', actor, redLine: pick(fc.constantFrom, ...standing) };
  if (kind === 'table')
    return { kind: 'table', document: pick(fc.constantFrom, ...s.documents.map((d) => d.id)) };
  if (kind === 'walk-out') return { kind: 'walk-out', actor };
  return { kind: 'goodwill', actor };
}

describe('replaying a session from its plan, over random ad-hoc injects', () => {
  const s = scenario('tutorial-bilateral');

  it('should reproduce the transcript of a session whose injects came at the start of their rounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 5 }),
        fc.gen(),
        (seed, maxRounds, pick) => {
          let g = step(startGame(s, { seed, maxRounds }));
          let sent: InjectEvent[] = [];
          for (let guard = 0; guard < 200 && !isOver(g); guard++) {
            if (phaseName(g) === 'tabling' && pick(fc.boolean)) {
              // now and then paused first: a text tabled while paused would wait a round, so none is then
              const paused = pick(fc.boolean);
              let effect = arbEffect(s, g, pick);
              if (paused && effect.kind === 'table') effect = { kind: 'goodwill', actor: s.actors[0]!.id };
              const at = paused ? togglePause(g) : g;
              const after = fire(at, effect);
              sent = [...sent, { type: 'INJECT', effect }];
              g = paused ? togglePause(after) : after;
              if (isOver(g)) break;
            }
            g = step(g);
          }
          fc.pre(isOver(g));
          const r = replaySessionPlan(s, g.options, g.inputs, context(g).transcript);
          expect(r.replays).toBe(true);
          // the plan's run logs what the session logged; an inject sent while paused logs that phase, nothing else
          const replay = runHeadless(s, g.options, { injects: r.plan }).snapshot.context.transcript;
          expect(replay).toEqual(
            context(g).transcript.map((e) => (e.phase === 'paused' ? { ...e, phase: 'tabling' } : e)),
          );
          expect(r.plan.map((p) => ('effect' in p ? p.effect : null))).toEqual(
            sent.map((e) => ('effect' in e ? e.effect : null)),
          );
        },
      ),
      { seed: 20261206, numRuns: 60 },
    );
  });

  it('should put every replay that departs down to an inject that did not come at its round start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 4 }),
        fc.gen(),
        (seed, maxRounds, pick) => {
          let g = step(startGame(s, { seed, maxRounds }));
          for (let guard = 0; guard < 200 && !isOver(g); guard++) {
            if (pick(fc.integer, { min: 0, max: 3 }) === 0) g = fire(g, arbEffect(s, g, pick));
            if (!isOver(g)) g = step(g);
          }
          fc.pre(isOver(g));
          const r = replaySessionPlan(s, g.options, g.inputs, context(g).transcript);
          if (!r.replays) expect(r.late).not.toBeNull();
          // an inject in any phase but tabling is late; one came at every round start replays
          const late = context(g).transcript.some(
            (e) => e.kind === 'inject' && e.trigger === 'manual' && e.phase !== 'tabling',
          );
          if (!late) expect(r.replays).toBe(true);
        },
      ),
      { seed: 20261207, numRuns: 60 },
    );
  });
});
