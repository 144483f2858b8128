// The play screen's end of a stalemate: who said no to the last text, and why — the reason its own verdict gives.
// A red line crossed is public (a stated position, shown in the transcript too), as are a walk-out and a person's
// choice; a reason that compares private numbers is the facilitator view's only. Checked against the session's transcript on shipped scenarios.

import { resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { nameInSentence } from '../../src/domain/actor-names.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { rejectionKind } from '../../src/engine/holdout-kind.ts';
import type { PlannedInject } from '../../src/engine/inject-text.ts';
import type { RunOptions } from '../../src/engine/options.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { context, outcomeOf, runToTurn, startGame } from '../../src/ui/state/play.ts';
import { ROOT } from '../helpers.ts';
import { renderOutcome } from './outcome-frame.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

const WORDS = {
  'below-no-deal': 'worth less to it than no deal',
  'holds-out': 'short of what it held out for',
  absent: 'it had walked out',
  person: "a person's choice",
} as Record<string, string>;

/** The reasons the public view tells: none compares a private number. */
const PUBLIC = new Set(['red-line', 'absent', 'person']);

describe('the outcome pane of a stalemate', () => {
  const kinds = new Set<string>();
  const cases: [string, RunOptions, PlannedInject[]?][] = [
    ['istanbul-2022', { seed: 1 }],
    ['ukraine-peace', { seed: 1 }],
    // hardliners for three rounds: each holds out on value, no red line crossed
    [
      'tutorial-bilateral',
      { seed: 1, maxRounds: 3, strategies: { north: { kind: 'hardliner' }, south: { kind: 'hardliner' } } },
    ],
    // the facilitator makes a controller walk out: it answers no to every text after, which the room saw
    ['ukraine-peace', { seed: 1 }, [{ effect: { kind: 'walk-out', actor: 'coalition' }, round: 2 }]],
  ];
  afterAll(() => {
    // both paths were taken: a red line (public) and a comparison of numbers (the facilitator's)
    expect(kinds).toContain('red-line');
    expect([...kinds].some((k) => !PUBLIC.has(k))).toBe(true);
    expect(kinds).toContain('absent');
  });
  for (const [id, options, injects] of cases)
    it(`should say why each actor rejected the last text, a comparison of numbers to the facilitator only (${id}${injects ? ', a walk-out' : ''})`, () => {
      const s = loadScenarioFile(resolve(ROOT, 'scenarios', `${id}.yaml`));
      const game = injects ? runHeadless(s, options, { injects }).game : runToTurn(startGame(s, options));
      const outcome = outcomeOf(game)!;
      const transcript = context(game).transcript;
      expect(outcome.kind).toBe('stalemate');
      if (outcome.kind !== 'stalemate') return;
      expect(outcome.rejecting.length).toBeGreaterThan(0);
      const frame = (numbers: boolean) => {
        const ui = renderOutcome(s, outcome, transcript, numbers);
        unmount = ui.unmount;
        return (ui.lastFrame() ?? '').replace(/\s+/g, ' ');
      };
      const facilitator = frame(true);
      unmount?.();
      const open = frame(false);
      const tally = transcript.findLast((e) => e.kind === 'tally')!;
      for (const actor of outcome.rejecting) {
        const name = nameInSentence(s.actors.find((a) => a.id === actor)!);
        const v = transcript.findLast(
          (e) => e.kind === 'verdict' && e.actor === actor && e.round === tally.round,
        );
        if (v?.kind !== 'verdict') throw new Error('no verdict');
        kinds.add(rejectionKind(v));
        // a red line crossed is counted as the verdict counts it: "its red lines" of one would say more
        const crossed = v.violations.length;
        const why =
          rejectionKind(v) === 'red-line'
            ? crossed === 1
              ? 'it crossed one of its red lines'
              : `it crossed ${crossed} of its red lines`
            : WORDS[rejectionKind(v)]!;
        expect(facilitator).toContain(`${name} (${why})`);
        // a red line crossed is a stated position, public as in the transcript, and so is a walk-out; a comparison
        // of numbers is not
        if (PUBLIC.has(rejectionKind(v))) expect(open).toContain(`${name} (${why})`);
        else {
          expect(open).toContain(name);
          expect(open).not.toContain(why);
        }
      }
    });
});
