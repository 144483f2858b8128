// Every reason the mediator gives for a change must be true of the numbers, checked from the transcript and the
// scenario as it stood (never from the mediator's own reasoning): who rejected what and asked for which terms,
// whose red line holds, whose utility moved which way. And its search does not go round in circles: without new
// information (an event, an inject, a walk-out) it never tables a text again, nor moves a term back to a value it
// moved it away from. Many runs of every shipped scenario, several strategies and seeds, a fixed seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holds } from '../../src/domain/condition.ts';
import { requiredActors } from '../../src/domain/evaluate.ts';
import { optionOf } from '../../src/domain/lookup.ts';
import type { Scenario, StrategyKind } from '../../src/domain/types.ts';
import { utility } from '../../src/domain/utility.ts';
import { type Game, isOver, newGame, scenarioNow, send } from '../../src/engine/game.ts';
import type { RunOptions } from '../../src/engine/options.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { shipped } from './helpers.ts';

const SCENARIOS = [
  'ukraine-peace',
  '28-point-path',
  'blame-and-pressure',
  'security-triangle',
  'istanbul-2022',
  'june-2024-terms',
  'tutorial-bilateral',
  'divide-the-surplus',
];
const KINDS: StrategyKind[] = ['boulware', 'linear', 'conceder', 'hardliner', 'tit-for-tat', 'zeuthen'];

type Revised = Extract<TranscriptEntry, { kind: 'revised' }>;
type Verdict = Extract<TranscriptEntry, { kind: 'verdict' }>;

/** One revision by a bot mediator: the entry, and the games just before and after the step that made it. */
interface Revision {
  readonly entry: Revised;
  readonly before: Game;
  readonly after: Game;
}

/** Plays the run step by step (a manual event injected at the start of a round, if given), collecting revisions. */
function play(s: Scenario, options: RunOptions, inject: { event: string; round: number } | null) {
  let g = newGame(s, options);
  const revisions: Revision[] = [];
  let fired = false;
  for (let k = 0; k < 5000 && !isOver(g); k++) {
    const ctx = g.snapshot.context;
    if (
      inject &&
      !fired &&
      ctx.round === inject.round &&
      g.snapshot.matches({ live: { running: 'tabling' } })
    ) {
      fired = true;
      const sent = send(g, { type: 'INJECT', event: inject.event });
      if (sent.ok) g = sent.game;
      if (isOver(g)) break; // the event ended the talks (a walk-out)
    }
    const sent = send(g, { type: 'STEP' });
    if (!sent.ok) throw new Error(sent.error);
    for (const e of sent.game.snapshot.context.transcript.slice(ctx.transcript.length))
      if (e.kind === 'revised' && e.human !== true) revisions.push({ entry: e, before: g, after: sent.game });
    g = sent.game;
  }
  return { game: g, revisions };
}

function checkReasons(s0: Scenario, r: Revision): void {
  const s = scenarioNow(r.after); // the scenario as it stood when the mediator revised
  const prev = r.before.snapshot.context.text;
  const next = r.after.snapshot.context.text;
  const id = (a: string) => s.actorIndex.get(a)!;
  const u = (a: string, pkg: readonly number[]) => utility(s.actors[id(a)]!, s.offsets, pkg);
  const contrib = (a: string, issue: number, option: number) =>
    s.actors[id(a)]!.contrib[s.offsets[issue]! + option]!;
  const verdicts = r.before.snapshot.context.transcript.filter(
    (e): e is Verdict => e.kind === 'verdict' && e.round === r.entry.round - 1,
  );
  const rejection = (a: string) => verdicts.find((v) => v.actor === a && !v.accepts);
  const keeps = (a: string, pkg: readonly number[]) =>
    s.actors[id(a)]!.redLines.every((c) => holds(c.condition, pkg));
  const where = `round ${r.entry.round} of ${s0.id}`;
  for (const c of r.entry.changes) {
    const reason = c.reason;
    if (!reason) continue;
    const i = s.issueIndex.get(c.issue)!;
    const what = `${where}, ${c.issue} (${reason.kind})`;
    switch (reason.kind) {
      case 'red-line': {
        const line = s.actors[id(reason.actor)]!.redLines.find((x) => x.id === reason.redLine.redLine);
        expect(line && holds(line.condition, next), `${what}: the red line holds`).toBe(true);
        if (reason.actor !== r.entry.actor)
          expect(rejection(reason.actor), `${what}: ${reason.actor} rejected the last text`).toBeDefined();
        break;
      }
      case 'rule': {
        const rule = s.rules.find((x) => x.id === reason.rule.redLine)!;
        expect(holds(rule.condition, next), `${what}: the rule holds`).toBe(true);
        break;
      }
      case 'consent':
        expect(rejection(reason.actor), `${what}: ${reason.actor} rejected`).toBeDefined();
        expect(requiredActors(s, prev), `${what}: its consent was needed`).toContain(id(reason.actor));
        expect(requiredActors(s, next), `${what}: its consent is no longer needed`).not.toContain(
          id(reason.actor),
        );
        break;
      case 'ask': {
        const v = rejection(reason.actor);
        expect(v, `${what}: ${reason.actor} rejected the last text`).toBeDefined();
        expect(v!.utility, `${what}: it got less than no deal`).toBeLessThan(v!.reservation);
        expect(
          v!.asks.map((a) => a.issue),
          `${what}: it asked for this term`,
        ).toContain(c.issue);
        expect(
          contrib(reason.actor, i, optionOf(s, i, c.to)),
          `${what}: the term moves its way`,
        ).toBeGreaterThan(contrib(reason.actor, i, optionOf(s, i, c.from)));
        break;
      }
      case 'frontier': {
        // the redraft is a text every required actor prefers to no deal
        for (const a of requiredActors(s, next)) {
          const actor = s.actors[a]!;
          expect(u(actor.id, next), `${what}: ${actor.id} prefers it to no deal`).toBeGreaterThanOrEqual(
            actor.reservation.value - 1e-9,
          );
          expect(keeps(actor.id, next), `${what}: it keeps ${actor.id}'s red lines`).toBe(true);
        }
        for (const a of reason.meets) {
          const v = rejection(a);
          expect(v?.asks.length ?? 0, `${what}: ${a} rejected the last text with asks`).toBeGreaterThan(0);
          expect(u(a, next), `${what}: ${a}'s stated demand is met`).toBeGreaterThanOrEqual(
            v!.aspiration - 1e-9,
          );
          expect(keeps(a, next), `${what}: ${a}'s red lines hold`).toBe(true);
          const moves = v!.asks.map(({ issue }) => {
            const k = s.issueIndex.get(issue)!;
            return contrib(a, k, next[k]!) - contrib(a, k, prev[k]!);
          });
          expect(
            Math.min(...moves),
            `${what}: no term ${a} asked for moves against it`,
          ).toBeGreaterThanOrEqual(-1e-12);
          expect(Math.max(...moves), `${what}: a term ${a} asked for moves its way`).toBeGreaterThan(1e-12);
        }
        break;
      }
    }
  }
}

/** How an actor answered a text: accepted, refused on a red line, found it below no deal, or held out for more. */
const answerOf = (v: Verdict) =>
  v.accepts ? 'accept' : v.violations.length ? 'red-line' : v.utility < v.reservation ? 'below' : 'holds-out';

/**
 * The mediator never goes back without new information — an event, an inject, a walk-out, or an actor answering
 * the same text as the round before in another way: no text tabled again, no term moved back.
 */
function checkNoCycles(s: Scenario, game: Game, mediator: string): void {
  const transcript = game.snapshot.context.transcript;
  let text: (string | number)[] | null = null;
  let tabled: string[] = [];
  let abandoned = new Set<string>();
  const forget = () => {
    tabled = [];
    abandoned = new Set();
  };
  let answered = null as { text: string; answers: Map<string, string> } | null;
  let answers = new Map<string, string>();
  for (const e of transcript) {
    if (e.kind === 'inject' || e.kind === 'walk-out') forget();
    if (e.kind === 'verdict') answers.set(e.actor, answerOf(e));
    if (e.kind === 'tally') {
      const key = JSON.stringify(text);
      if (answered?.text === key)
        for (const [actor, answer] of answers)
          if (answered.answers.has(actor) && answered.answers.get(actor) !== answer) forget();
      answered = { text: key, answers };
      answers = new Map();
    }
    if (e.kind !== 'tabled' && e.kind !== 'proposal' && e.kind !== 'revised') continue;
    const next: (string | number)[] = e.terms
      ? s.issues.map((x) => e.terms![x.id]!)
      : text!.map((v, i) => e.changes.find((c) => c.issue === s.issues[i]!.id)?.to ?? v);
    const key = JSON.stringify(next);
    if (e.kind === 'revised' && e.actor === mediator && e.human !== true) {
      if (e.changes.length)
        expect(
          tabled,
          `round ${e.round} of ${s.id}: a text tabled again without new information`,
        ).not.toContain(key);
      for (const c of e.changes) {
        expect(
          abandoned.has(`${c.issue}=${c.to}`),
          `round ${e.round} of ${s.id}: ${c.issue} moved back to ${c.to} without new information`,
        ).toBe(false);
        abandoned.add(`${c.issue}=${c.from}`);
      }
    }
    tabled.push(key);
    text = next;
  }
}

const arbRun = fc.record({
  scenario: fc.constantFrom(...SCENARIOS),
  kinds: fc.array(fc.constantFrom(...KINDS), { minLength: 8, maxLength: 8 }),
  override: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  inject: fc.option(fc.tuple(fc.nat(), fc.integer({ min: 2, max: 6 })), { freq: 3 }),
});

describe('the mediator’s reasons and its search', () => {
  it('should state only reasons the numbers bear out, and never go round in circles', () => {
    fc.assert(
      fc.property(arbRun, ({ scenario: id, kinds, override, seed, inject }) => {
        const s = shipped(id);
        // the scenario's strategies, with some actors' replaced (a mediator's is its aspiration)
        const strategies = Object.fromEntries(
          s.actors.flatMap((a, k) => (override[k] ? [[a.id, { kind: kinds[k]! }]] : [])),
        );
        const manual = s.events.filter((e) => 'manual' in e.trigger);
        const planned =
          inject && manual.length ? { event: manual[inject[0] % manual.length]!.id, round: inject[1] } : null;
        const { game, revisions } = play(s, { seed, strategies }, planned);
        for (const r of revisions) checkReasons(s, r);
        const m =
          s.protocol.kind === 'mediated-single-text' ? s.actors[s.protocol.mediator ?? -1]?.id : undefined;
        if (m) checkNoCycles(s, game, m);
      }),
      {
        numRuns: Number(process.env.REASON_RUNS ?? 40),
        ...(process.env.REASON_RUNS ? {} : { seed: 20_260_903 }),
      },
    );
  }, 900_000);
});
