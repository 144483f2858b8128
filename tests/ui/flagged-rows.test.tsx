// The overview's and the timeline's lists cut a long title to its row, and the flag of a text the record does not
// settle stays whole at its end: the title is cut, not "(unconfirmed)", on every row, selected or not, at 120×40
// and at 80×24. Which texts are flagged comes from the data of every shipped scenario.
import { afterEach, describe, expect, it } from 'vitest';
import { shippedIds } from '../../src/cli/scenarios.ts';
import { unconfirmedFlag } from '../../src/report/words.ts';
import { initialState, shownDocuments } from '../../src/ui/state/app.ts';
import { leftPane, SMALL } from './panes.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

const FLAG = unconfirmedFlag(false).trim();
const byDate = <T extends { readonly date: string }>(xs: readonly T[]) =>
  [...xs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

/** The row of the list that holds a document's date and the start of its title. */
function rowOf(lines: readonly string[], date: string, title: string): string | undefined {
  const head = Array.from(title).slice(0, 4).join('');
  return lines.find((l) => {
    const at = l.indexOf(date);
    return (
      at >= 0 &&
      l
        .slice(at + date.length)
        .trimStart()
        .startsWith(head)
    );
  });
}

describe('flagged titles in the lists', () => {
  for (const size of [{ columns: 120, rows: 40 }, SMALL])
    for (const id of shippedIds())
      it(`${id} at ${size.columns}×${size.rows}: every unconfirmed text's row ends in ${FLAG}, and no other's does`, async () => {
        const s = scenario(id);
        const docs = shownDocuments(initialState(s));
        const ui = await explore(id, size);
        unmount = ui.unmount;
        // the overview's list, row by row: the selection walks down so that every row has been on screen
        for (const [k, d] of docs.entries()) {
          if (k > 0) await ui.press(KEY.down);
          const row = rowOf(leftPane(ui.lines()), d.date, d.title);
          expect(row, `${d.id} overview`).toBeDefined();
          expect(row!.trimEnd().endsWith(FLAG), `${d.id} overview: ${row}`).toBe(!d.confirmed);
        }
        await ui.press('t');
        await ui.waitFor('Timeline —');
        for (const [k, d] of byDate(s.documents).entries()) {
          if (k > 0) await ui.press(KEY.down);
          const row = rowOf(ui.lines(), d.date, d.title);
          expect(row, `${d.id} timeline`).toBeDefined();
          // the title's column ends before the actors' verdicts
          const title = row!
            .slice(row!.indexOf(d.date) + d.date.length)
            .trimStart()
            .split(/ {2,}|\s[✓✗]/)[0]!;
          expect(title.trimEnd().endsWith(FLAG), `${d.id} timeline: ${row}`).toBe(!d.confirmed);
        }
      }, 60_000);

  it(`ukraine-peace at 80×24: the evidence screen's list ends every unconfirmed text's row in ${FLAG}`, async () => {
    const s = scenario('ukraine-peace');
    const ui = await explore('ukraine-peace', SMALL);
    unmount = ui.unmount;
    await ui.press('e');
    await ui.waitFor('settled / depends');
    let flagged = 0;
    for (const [k, d] of byDate(s.documents).entries()) {
      if (k > 0) await ui.press(KEY.down);
      const row = rowOf(ui.lines(), d.date, d.title);
      expect(row, `${d.id} evidence`).toBeDefined();
      // the title's column ends before the counts ("2 / 3")
      const title = row!.replace(/\s+\d+ \/ \d+\s*$/, '');
      expect(title.trimEnd().endsWith(FLAG), `${d.id} evidence: ${row}`).toBe(!d.confirmed);
      if (!d.confirmed) flagged++;
    }
    expect(flagged).toBeGreaterThan(0);
  }, 60_000);
});
