// The play screen's outcome of a text signed subject to ratification: the heading names the body in both views;
// the vote's verdict rests on the actor's utility, a private number, so only the facilitator view shows it. The
// explorer's overview says which hurdle a document would meet if signed, and since when it holds.

import { resolve } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { positionsAsOf } from '../../src/domain/positions.ts';
import { ratificationOf } from '../../src/domain/ratification.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { OutcomePane } from '../../src/ui/components/outcome-pane.tsx';
import { outcomeOf, runToTurn, startGame } from '../../src/ui/state/play.ts';
import { MONO_THEME, ThemeContext } from '../../src/ui/theme.ts';
import { ROOT } from '../helpers.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

describe('the outcome pane of a text signed subject to ratification', () => {
  const s = loadScenarioFile(resolve(ROOT, 'docs/examples/my-referendum-truce.yaml'));
  const outcome = outcomeOf(runToTurn(startGame(s, { seed: 1 })))!;

  const frame = (numbers: boolean, width = 120, height = 40) => {
    const ui = render(
      <ThemeContext.Provider value={MONO_THEME}>
        <OutcomePane scenario={s} outcome={outcome} width={width} height={height} numbers={numbers} />
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

describe('the outcome pane at 80 columns', () => {
  it('should give the heading, each hurdle’s verdict and every term shown whole, wrapped', () => {
    const s = loadScenarioFile(resolve(ROOT, 'docs/examples/my-referendum-truce.yaml'));
    const outcome = outcomeOf(runToTurn(startGame(s, { seed: 1 })))!;
    const ui = render(
      <ThemeContext.Provider value={MONO_THEME}>
        <OutcomePane scenario={s} outcome={outcome} width={80} height={22} numbers />
      </ThemeContext.Provider>,
    );
    unmount = ui.unmount;
    const lines = (ui.lastFrame() ?? '').split('\n');
    for (const l of lines) expect(Array.from(l.trimEnd()).length).toBeLessThanOrEqual(80);
    const words = lines.join(' ').replace(/\s+/g, ' ');
    const h = outcome.ratification!.hurdles[0]!;
    // the hurdle's verdict is at the end of its sentence, past 80 columns: it wraps rather than being cut
    const verdict = h.clears ? '— it clears the hurdle' : '— it falls short';
    expect(words).toContain(`worth ${h.utility.toFixed(3)} to Ukraine`);
    expect(words).toContain(verdict);
    expect(lines.some((l) => l.trimEnd().endsWith('…'))).toBe(false);
  });
});

describe("the explorer's overview of a document that would go to a hurdle", () => {
  it('should name the body, since when it holds, under the selected document that meets it, and only there', async () => {
    const s = scenario('ukraine-peace');
    const meets = (id: string) => {
      const d = s.documents.find((x) => x.id === id)!;
      return ratificationOf(positionsAsOf(s, d.date), d.package);
    };
    const ui = await explore('ukraine-peace', { columns: 120, rows: 36 });
    unmount = ui.unmount;
    // by date: Ukraine's Istanbul position (no withdrawal) first, then Russia's Istanbul draft (Donbas ceded)
    expect(ui.lines().find((l) => l.startsWith('❯'))).toContain('2022-03-29');
    expect(meets('istanbul-2022-ukraine')).toBeNull();
    expect(ui.frame()).not.toContain('if signed, subject to');
    await ui.press(KEY.down);
    expect(ui.lines().find((l) => l.startsWith('❯'))).toContain('2022-04-15');
    expect(meets('istanbul-2022-russia')?.hurdles.map((h) => h.id)).toEqual(['ukraine-referendum']);
    // the left pane's lines joined (the actors' pane, right of │, dropped): the line may wrap
    const left = ui.frame().replace(/\s+│[^\n]*\n/g, ' ');
    expect(left.replace(/\s+/g, ' ')).toContain(
      'if signed, subject to a referendum in Ukraine (in force from 28 Jun 1996)',
    );
  });
});
