// The play screen's outcome of a text signed subject to ratification: the heading names the body in both views;
// the vote's verdict rests on the actor's utility, a private number, so only the facilitator view shows it.

import { resolve } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { OutcomePane } from '../../src/ui/components/outcome-pane.tsx';
import { outcomeOf, runToTurn, startGame } from '../../src/ui/state/play.ts';
import { MONO_THEME, ThemeContext } from '../../src/ui/theme.ts';
import { ROOT } from '../helpers.ts';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

describe('the outcome pane of a text signed subject to ratification', () => {
  const s = loadScenarioFile(resolve(ROOT, 'docs/examples/my-referendum-truce.yaml'));
  const outcome = outcomeOf(runToTurn(startGame(s, { seed: 1 })))!;

  const frame = (numbers: boolean) => {
    const ui = render(
      <ThemeContext.Provider value={MONO_THEME}>
        <OutcomePane scenario={s} outcome={outcome} width={120} height={40} numbers={numbers} />
      </ThemeContext.Provider>,
    );
    unmount = ui.unmount;
    return ui.lastFrame() ?? '';
  };

  it('should name the body in the heading, and give the verdict with its numbers to the facilitator only', () => {
    expect(outcome.kind).toBe('signed');
    const h = outcome.ratification!.hurdles[0]!;
    // since when the hurdle holds, in both views: the scenario's date for it (Article 73, 1996)
    const body = 'a referendum in Ukraine (in force from 28 Jun 1996)';
    const verdict = `${body}: worth ${h.utility.toFixed(3)} to Ukraine`;
    const facilitator = frame(true);
    expect(facilitator).toContain(`Signed in round ${outcome.round}, subject to ${body}`);
    expect(facilitator).toContain(verdict);
    unmount?.();
    const open = frame(false);
    expect(open).toContain(`Signed in round ${outcome.round}, subject to ${body}`);
    expect(open).not.toContain(verdict);
  });
});
