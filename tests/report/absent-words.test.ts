// An actor that walked out while the talks go on (a controller, not a party or the mediator) still answers each
// text whose consent it controls, and answers no: the engine's answer holds out for 1 as a placeholder. The words
// must give the walk-out as the cause, never "short of the 1.000 it holds out for" or a red line, and the --json
// verdict must say it was absent; the report must not count its no as a change of mind.
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { newGame, type Sent, send } from '../../src/engine/game.ts';
import { playOn } from '../../src/engine/headless.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { afterActionReport, runStateOf } from '../../src/report/after-action.ts';
import { Narration } from '../../src/report/narration/narration.ts';
import { lineText } from '../../src/report/narration/spans.ts';

const taken = (s: Sent) => {
  if (!s.ok) throw new Error(s.error);
  return s.game;
};

/** June 2024 (alternating offers, the coalition a controller) with the coalition walking out in round `round`. */
function walkOutRun(round: number) {
  const s = openScenario('june-2024-terms');
  let game = newGame(s, { seed: 1 });
  while (game.snapshot.context.round < round) game = taken(send(game, { type: 'STEP' }));
  game = taken(send(game, { type: 'INJECT', effect: { kind: 'walk-out', actor: 'coalition' } }));
  return { s, run: playOn(game, {}) };
}

type Verdict = Extract<TranscriptEntry, { kind: 'verdict' }>;

describe('the answers of an actor that walked out', () => {
  it('should give the walk-out as the cause, in every voice, and mark the verdict absent in --json', () => {
    const { s, run } = walkOutRun(3);
    const transcript = run.snapshot.context.transcript;
    const out = transcript.findIndex((e) => e.kind === 'walk-out' && e.actor === 'coalition');
    expect(out).toBeGreaterThan(0);
    const after = transcript
      .slice(out)
      .filter((e): e is Verdict => e.kind === 'verdict' && e.actor === 'coalition');
    // its consent is still asked where the text moves what it controls
    expect(after.length).toBeGreaterThan(0);
    const voices = [
      new Narration(s),
      new Narration(s, { voice: 'report' }),
      new Narration(s, { voice: 'screen' }),
      new Narration(s, { voice: 'screen', public: true }),
    ];
    for (const v of after) {
      expect(v.accepts).toBe(false);
      expect(v.absent).toBe(true);
      for (const n of voices) {
        const words = n.entry(v).map(lineText).join(' ');
        expect(words).toContain('has walked out');
        expect(words).not.toMatch(/holds out for|short of|crosses its red line|no deal/);
      }
    }
    // before the walk-out its answers are its own, and say so
    const before = transcript
      .slice(0, out)
      .filter((e): e is Verdict => e.kind === 'verdict' && e.actor === 'coalition');
    expect(before.length).toBeGreaterThan(0);
    for (const v of before) expect(v.absent).toBeUndefined();
  });

  it('should not count its no after the walk-out as a change of mind among the turning points', () => {
    const { s, run } = walkOutRun(3);
    const options = resolveOptions(s, { seed: 1 });
    const r = afterActionReport(s, runStateOf(s, run.snapshot), { options });
    const out = run.snapshot.context.transcript.find(
      (e) => e.kind === 'walk-out' && e.actor === 'coalition',
    )!;
    const flips = r.turningPoints.filter(
      (t) => t.kind === 'flip' && t.text.startsWith('Coalition of the willing') && t.rounds[0]! >= out.round,
    );
    expect(flips).toEqual([]);
  });
});
