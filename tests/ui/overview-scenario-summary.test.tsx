// The overview's scenario summary is never cut without a word: it stands whole under the heading while every
// document's head (title, verdict, hurdles) still fits the detail's first page; else its last row ends in
// "… i: whole summary" and i shows it whole. Cut at three rows, istanbul-2022 at 80×24 hid "from one unconfirmed
// source — against Ukraine's 250,000": what the figures rest on.
import { afterEach, describe, expect, it } from 'vitest';
import { shippedIds } from '../../src/cli/scenarios.ts';
import { flat, SMALL } from './panes.ts';
import { explore, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

const MARK = '… i: whole summary';
/** The rows between the line of counts and the documents' pane: the summary as the overview shows it. */
const summaryArea = (lines: readonly string[]) => {
  const end = lines.findIndex((l) => l.startsWith('Documents'));
  return flat(lines.slice(2, end)).trim();
};

describe("the overview's scenario summary", () => {
  it('istanbul-2022 at 80×24: whole in place, the unconfirmed source of the figures with it', async () => {
    const ui = await explore('istanbul-2022', SMALL);
    unmount = ui.unmount;
    expect(summaryArea(ui.lines())).toBe(flat([scenario('istanbul-2022').summary]).trim());
  });

  for (const size of [SMALL, { columns: 120, rows: 40 }, { columns: 60, rows: 16 }])
    it(`${size.columns}×${size.rows}: every shipped summary whole, or marked as cut and whole on i`, async () => {
      for (const id of shippedIds()) {
        const whole = flat([scenario(id).summary]).trim();
        const ui = await explore(id, size);
        const shown = summaryArea(ui.lines());
        if (shown !== whole) {
          // cut: what it shows is the summary's beginning, and its end says how to read the rest
          expect(shown.endsWith(MARK), `${id}: ${shown}`).toBe(true);
          expect(whole.startsWith(shown.slice(0, -MARK.length)), id).toBe(true);
          await ui.press('i');
          expect(flat(ui.lines().slice(2)), id).toContain(whole);
          // and i closes it again, back to the documents
          await ui.press('i');
          expect(summaryArea(ui.lines()), id).toBe(shown);
        }
        ui.unmount();
      }
    }, 60_000);
});
