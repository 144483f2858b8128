// The overview's detail gives a document's summary whole: a summary cut to the rows left hid its last words — the
// Paris declaration's "Whether the US endorsed it is disputed." ended at "is…". What does not fit scrolls (pgdn).
import { afterEach, describe, expect, it } from 'vitest';
import { shippedIds } from '../../src/cli/scenarios.ts';
import { initialState, shownDocuments } from '../../src/ui/state/app.ts';
import { flat, leftPane, SMALL } from './panes.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

/** The summary's last words, as the pane wraps them (spaces folded). */
const ending = (summary: string) => flat([summary]).trim().slice(-30);

describe("the overview's detail never cuts a document's summary", () => {
  it.each(shippedIds())(
    '%s: each summary ends as written, on a tall screen',
    async (id) => {
      const s = scenario(id);
      const docs = shownDocuments(initialState(s));
      const ui = await explore(id, { columns: 100, rows: 60 });
      unmount = ui.unmount;
      for (const [k, d] of docs.entries()) {
        if (k > 0) await ui.press(KEY.down);
        if (!d.summary) continue;
        // page down until the end shows (a tall detail scrolls); a cut summary never shows it
        let seen = flat(leftPane(ui.lines()));
        for (let page = 0; page < 4 && !seen.includes(ending(d.summary)); page++) {
          await ui.press(KEY.pageDown);
          seen = flat(leftPane(ui.lines()));
        }
        expect(seen, `${id} ${d.id}`).toContain(ending(d.summary));
      }
    },
    120_000,
  );

  it('at 80×24 the end of a long summary is a page down, not cut', async () => {
    const s = scenario('ukraine-peace');
    const docs = shownDocuments(initialState(s));
    const at = docs.reduce(
      (best, d, k) => ((d.summary?.length ?? 0) > (docs[best]!.summary?.length ?? 0) ? k : best),
      0,
    );
    const ui = await explore('ukraine-peace', SMALL);
    unmount = ui.unmount;
    await ui.press(...Array.from({ length: at }, () => KEY.down));
    const end = ending(docs[at]!.summary!);
    let seen = flat(leftPane(ui.lines()));
    for (let page = 0; page < 6 && !seen.includes(end); page++) {
      await ui.press(KEY.pageDown);
      seen = flat(leftPane(ui.lines()));
    }
    expect(seen).toContain(end);
  }, 60_000);
});
