// A session saved while two teams were to answer the same text: the report's outcome names both in one clause,
// not "waiting for Russia to answer the text, Ukraine to answer the text (played by a person)"; who is played by a person
// is said before the move, as the text is not.
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { newGame } from '../../src/engine/game.ts';
import { playOn } from '../../src/engine/headless.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import { afterActionReport, runStateOf } from '../../src/report/after-action.ts';

describe('an unfinished session waiting for two teams', () => {
  it('should say who it waits for in one clause, each played by a person', () => {
    const s = openScenario('ukraine-peace');
    const given = {
      seed: 1,
      strategies: { russia: { kind: 'human' as const }, ukraine: { kind: 'human' as const } },
    };
    const { game } = playOn(newGame(s, given), {});
    const r = afterActionReport(s, runStateOf(s, game.snapshot), { options: resolveOptions(s, given) });
    expect(r.outcome.kind).toBe('unfinished');
    const sentence = r.outcome.sentence;
    expect(sentence).toContain(
      'waiting for Russia and Ukraine, each played by a person, to answer the text.',
    );
  });
});
