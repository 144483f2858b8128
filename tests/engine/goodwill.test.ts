// Goodwill: a gesture that concedes nothing on the table renews the mediator's patience (the next tally counts as
// progress) and forgives one of the actor's rounds as lone holdout — never below zero, never a walk-out, never
// un-firing a blame-triggered event. The cheap-signal hypothesis of ukraine-peace.yaml rests on it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/types.ts';
import type { SuppliedMove } from '../../src/engine/headless.ts';
import { stateName } from '../../src/engine/machine.ts';
import type { RunOptions } from '../../src/engine/options.ts';
import { createSession, parseSession, replaySession, sessionText } from '../../src/engine/session.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { Narration } from '../../src/report/narration/narration.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { memoryFiles } from '../helpers.ts';
import { entries, runToEnd, shipped } from './helpers.ts';

// A mediator with no patience, and a Ukraine that holds out for its best terms: with both parties' red lines
// leaving no zone of agreement in the default, nothing then moves after round 1, and the mediator walks out.
const IMPATIENT: RunOptions = {
  strategies: { us: { kind: 'conceder', params: { patience: 1 } }, ukraine: { kind: 'hardliner' } },
};

/** The round the mediator walks out in, or null. */
const walkOutRound = (t: readonly TranscriptEntry[]) =>
  entries(t, 'walk-out').find((e) => e.actor === 'us')?.round ?? null;

describe('goodwill and the mediator’s patience', () => {
  const s = shipped('ukraine-peace');
  const base = runToEnd(s, IMPATIENT);
  const out = walkOutRound(base.snapshot.context.transcript);

  it('should let an impatient mediator walk out in round 2 without a gesture', () => {
    expect(stateName(base.snapshot)).toBe('collapsed');
    expect(out).toBe(2);
  });

  it('should delay the walk-out when the gesture comes in the round it would happen', () => {
    const run = runToEnd(s, IMPATIENT, { injects: [{ event: 'pow-exchange-1000', round: out! }] });
    const t = run.snapshot.context.transcript;
    const gesture = entries(t, 'inject').find((e) => e.event?.id === 'pow-exchange-1000')!;
    expect(gesture.round).toBe(out);
    // the exchange was agreed by both sides, so both make the gesture
    expect(gesture.effects).toEqual([
      { kind: 'goodwill', actor: 'russia', patienceRenewed: true, blameForgiven: false },
      { kind: 'goodwill', actor: 'ukraine', patienceRenewed: true, blameForgiven: false },
    ]);
    // nothing on the table moves: the text tabled this round is the one the baseline tabled
    const text = (x: readonly TranscriptEntry[]) =>
      entries(x, 'revised').find((e) => e.round === out)?.changes ?? null;
    expect(text(t)).toEqual(text(base.snapshot.context.transcript));
    const later = walkOutRound(t);
    expect(later === null || later > out!).toBe(true);
  });

  it('should renew nothing without a mediator at the table', () => {
    const s = shipped('istanbul-2022');
    const run = runToEnd(s, {}, { injects: [{ event: 'kyiv-drawdown', round: 2 }] });
    const gesture = entries(run.snapshot.context.transcript, 'inject')[0]!;
    expect(gesture.effects[0]).toMatchObject({ kind: 'goodwill', actor: 'russia', patienceRenewed: false });
  });

  it('should replay a session with a goodwill inject byte for byte', () => {
    const options: RunOptions = { ...IMPATIENT, seed: 4 };
    const plan = { injects: [{ event: 'truces-for-the-dead', round: 2 }] };
    const run = runToEnd(s, options, plan);
    const file = parseSession(sessionText(createSession(run.game, 'ukraine-peace')), 'x.json');
    expect(file.inputs).toContainEqual({ type: 'INJECT', event: 'truces-for-the-dead' });
    const replayed = replaySession(s, file);
    expect(JSON.stringify(replayed.snapshot.context)).toBe(JSON.stringify(run.snapshot.context));
  });

  it('should tell the gesture in the public view without a number', () => {
    const run = runToEnd(s, IMPATIENT, { injects: [{ event: 'pow-exchange-1000', round: out! }] });
    const gesture = entries(run.snapshot.context.transcript, 'inject').filter((e) =>
      e.effects.some((x) => x.kind === 'goodwill'),
    );
    for (const voice of ['run', 'screen'] as const) {
      const lines = gesture.flatMap((e) => new Narration(s, { voice, public: true }).entry(e));
      const text = lines.map((l) => l.spans.map((x) => x.text).join('')).join('\n');
      // the play screen says it short, the run in full; both as the model's category, not a finding
      expect(text).toContain(
        voice === 'run'
          ? "Russia's gesture, which the model counts as goodwill"
          : "Russia's gesture, counted as goodwill",
      );
      // the gesture's line itself: no digit (the event's description carries its date)
      const line = text.split('\n').find((l) => l.includes('goodwill'))!;
      expect(line, voice).not.toMatch(/\d/);
    }
    // one line per side that agreed the exchange; no blame to forgive yet in round 2
    const full = new Narration(s).entry(gesture[0]!).map((l) => l.spans.map((x) => x.text).join(''));
    expect(full.slice(-2)).toEqual([
      "Russia's gesture, which the model counts as goodwill: the mediator's patience is renewed",
      "Ukraine's gesture, which the model counts as goodwill: the mediator's patience is renewed",
    ]);
  });
});

/** Two parties played by people, a bot mediator, a blame trigger on q and q's manual gesture. */
const CRAFTED = [
  'id: crafted',
  'title: Crafted',
  'summary: Two parties played by people, a bot mediator, a gesture by q.',
  'date: 2025-01-01',
  'issues:',
  '  - { id: a, label: A, options: [{ id: x, label: X }, { id: y, label: Y }], statusQuo: x }',
  'actors:',
  '  - { id: m, name: M, preferences: { a: { weight: 1, values: { x: 1, y: 1 }, rationale: r } }, reservation: { value: 0, rationale: r } }',
  '  - { id: p, name: P, strategy: { kind: human }, preferences: { a: { weight: 1, values: { x: 1, y: 0.5 }, rationale: r } }, reservation: { value: 0, rationale: r } }',
  '  - { id: q, name: Q, strategy: { kind: human }, preferences: { a: { weight: 1, values: { y: 1, x: 0.5 }, rationale: r } }, reservation: { value: 0, rationale: r } }',
  'events:',
  '  - { id: q-blamed-twice, title: Q blamed twice, trigger: { blame: { actor: q, atLeast: 2 } }, effects: [{ kind: shift-reservation, actor: m, delta: 0.1 }] }',
  '  - { id: q-gesture, title: Q makes a gesture, trigger: { manual: true }, effects: [{ kind: goodwill, actor: q }] }',
  'protocol: { kind: mediated-single-text, mediator: m, parties: [p, q], maxRounds: 8 }',
].join('\n');

function crafted(): Scenario {
  return loadScenarioFile('/mem/crafted.yaml', memoryFiles({ '/mem/crafted.yaml': CRAFTED }));
}

describe('goodwill and blame', () => {
  const s = crafted();
  const q = s.actorIndex.get('q')!;

  it('should lower the count by one, never below zero, and keep count and marks in step', () => {
    const answers = fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: 8, maxLength: 8 });
    const rounds = fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 5 });
    fc.assert(
      fc.property(answers, rounds, (pairs, injectRounds) => {
        const moves: SuppliedMove[] = pairs.flatMap(([p, q]) => [
          { actor: 'p', move: { type: p ? 'accept' : 'reject' } } as const,
          { actor: 'q', move: { type: q ? 'accept' : 'reject' } } as const,
        ]);
        const injects = injectRounds.map((round) => ({ event: 'q-gesture', round }));
        const run = runToEnd(s, {}, { moves, injects });
        const ctx = run.snapshot.context;
        // replay the transcript: holdouts count up, gestures forgive one while there is one to forgive
        const count = s.actors.map(() => 0);
        for (const e of ctx.transcript) {
          if (e.kind === 'tally' && e.holdout) count[s.actorIndex.get(e.holdout)!]!++;
          if (e.kind === 'walk-out') count[s.actorIndex.get(e.actor)!]!++;
          if (e.kind === 'inject' && e.event?.id === 'q-gesture') {
            expect(e.effects[0]!.blameForgiven).toBe(count[q]! > 0);
            count[q] = Math.max(0, count[q]! - 1);
          }
          expect(Math.min(...count)).toBeGreaterThanOrEqual(0);
        }
        expect(ctx.blame).toEqual(count);
        s.actors.forEach((a) =>
          expect(ctx.blameMarks.filter((m) => m.actor === a.index)).toHaveLength(ctx.blame[a.index]!),
        );
        // a blame-triggered event fires at most once, even when a gesture takes the count back under it
        const fired = entries(ctx.transcript, 'inject').filter((e) => e.event?.id === 'q-blamed-twice');
        expect(fired.length).toBeLessThanOrEqual(1);
        expect(ctx.blameFired.filter((id) => id === 'q-blamed-twice')).toHaveLength(fired.length);
      }),
      { numRuns: 80 },
    );
  });

  it('should forgive the latest holdout and leave a fired event fired', () => {
    const accept = (actor: string): SuppliedMove => ({ actor, move: { type: 'accept' } });
    const reject = (actor: string): SuppliedMove => ({ actor, move: { type: 'reject' } });
    // q alone in rounds 1 and 2; the event fires in round 3; q's gesture in round 4 forgives round 2
    const moves = [
      ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap((r) =>
        r <= 2 ? [accept('p'), reject('q')] : [reject('p'), reject('q')],
      ),
    ];
    const run = runToEnd(s, {}, { moves, injects: [{ event: 'q-gesture', round: 4 }] });
    const ctx = run.snapshot.context;
    expect(ctx.blame[q]).toBe(1);
    expect(ctx.blameMarks).toEqual([{ round: 1, actor: q, cause: 'holdout' }]);
    expect(ctx.blameFired).toEqual(['q-blamed-twice']);
    expect(ctx.transcript.at(-1)).toMatchObject({
      kind: 'stalemate',
      blame: [{ actor: 'q', count: 1, holdouts: [1], walkOut: null }],
    });
    // and the narration says so (the mediator is a bot without patience: nothing to renew)
    const gesture = entries(ctx.transcript, 'inject').find((e) => e.event?.id === 'q-gesture')!;
    const said = new Narration(s)
      .entry(gesture)
      .map((l) => l.spans.map((x) => x.text).join(''))
      .at(-1);
    expect(said).toBe("Q's gesture, which the model counts as goodwill: one round of blame is forgiven");
  });
});
