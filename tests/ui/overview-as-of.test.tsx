// Under --as-of the overview's actors pane shows each actor as that date has it (its red lines, its value of no
// deal): the pane says which date, since the heading names the scenario's own situation.
import { afterEach, describe, expect, it } from 'vitest';
import { positionsAsOf } from '../../src/domain/positions.ts';
import { initialState } from '../../src/ui/state/app.ts';
import { explore, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

describe('the overview under --as-of', () => {
  it("should name the date of the actors' positions, and show the red lines of that date", async () => {
    const s = scenario('ukraine-peace');
    const asOf = '2022-04-15';
    const ui = await explore('ukraine-peace', { columns: 80, rows: 24 }, { initial: initialState(s, asOf) });
    unmount = ui.unmount;
    const frame = ui.frame();
    expect(frame).toContain(`Actors as of ${asOf}`);
    // the first actor's first red line of that date is the one shown (its first words: the pane wraps it)
    const first = positionsAsOf(s, asOf).actors[0]!.redLines[0]!.text;
    expect(frame.replace(/\s+/g, ' ')).toContain(first.split(' ').slice(0, 4).join(' '));
    expect(ui.lines().length).toBeLessThanOrEqual(24);
  });

  it('should keep the plain title without --as-of', async () => {
    const ui = await explore('ukraine-peace', { columns: 80, rows: 24 });
    unmount = ui.unmount;
    expect(ui.frame()).not.toContain('Actors as of');
    expect(ui.frame()).toContain('Actors');
  });
});
