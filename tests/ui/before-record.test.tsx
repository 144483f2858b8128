// The explorer marks what the scenario applies before its earliest source (†): the timeline's detail counts the
// positions of the selected document's date, and the sandbox's verdicts mark a broken red line with its earliest
// source and the scenario's reason, and so do the minimal concessions' closest sets (the reason under them) — on the
// shipped case, Istanbul 2022 judged by positions reported from 2024.
import { afterEach, describe, expect, it } from 'vitest';
import { appliedBeforeRecord } from '../../src/domain/on-record.ts';
import { beforeRecordCounts } from '../../src/report/before-record.ts';
import { initialState, shownDocuments } from '../../src/ui/state/app.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

const flat = (lines: string[]) => lines.join(' ').replace(/\s+/g, ' ');

describe('positions applied before their sources, in the explorer', () => {
  it('the timeline counts them under the selected document; the sandbox marks the broken red line, with the reason', async () => {
    const s = scenario('istanbul-2022');
    const ui = await explore('istanbul-2022', { columns: 100, rows: 30 });
    unmount = ui.unmount;
    await ui.press('t');
    await ui.waitFor('Timeline —');
    const first = s.documents.find((d) => d.id === 'istanbul-2022-ukraine')!;
    const counts = beforeRecordCounts(s, appliedBeforeRecord(s, first.date));
    expect(flat(ui.lines())).toContain(
      `† applied before their earliest source (the reasons: peacesim show): ${counts}`,
    );

    await ui.press(KEY.enter);
    await ui.waitFor('Verdicts');
    const reason = s.actors[0]!.redLines.find((r) => r.id === 'guarantor-veto')!.heldEarlier!;
    // the verdicts pane, right of the term sheet
    const verdicts = ui.lines().map((l) => l.split('│')[1] ?? '');
    expect(flat(verdicts)).toContain(
      `[s89, s90, s93] † before its earliest source (s90, 2024-03-01); held earlier: ${reason}`,
    );
  });

  it('the minimal concessions mark the red line a closest set still breaks, with its source and reason below', async () => {
    const s = scenario('istanbul-2022');
    const at = shownDocuments(initialState(s)).findIndex((d) => d.id === 'istanbul-2022-ukraine');
    const ui = await explore('istanbul-2022', { columns: 100, rows: 30 });
    unmount = ui.unmount;
    await ui.press(...Array.from({ length: at }, () => KEY.down), 'a', 'c');
    await ui.waitFor('still rejects —');
    // Kyiv's text of 29 March 2022, judged on its date: Moscow's veto over the guarantee, read from drafts of 2024
    const text = flat(ui.lines());
    expect(text).toContain(
      "Russia still rejects — † red line: Any response by the guarantors needs every guarantor's",
    );
    const reason = s.actors[0]!.redLines.find((r) => r.id === 'guarantor-veto')!.heldEarlier!;
    expect(text).toContain(
      `† before its earliest source (s90, 2024-03-01); held earlier: ${reason.slice(0, 20)}`,
    );
  });

  it('says nothing where every position is on the record in time', async () => {
    const ui = await explore('tutorial-bilateral', { columns: 100, rows: 30 });
    unmount = ui.unmount;
    await ui.press('t');
    await ui.waitFor('Timeline —');
    expect(flat(ui.lines())).not.toContain('†');
  });
});
