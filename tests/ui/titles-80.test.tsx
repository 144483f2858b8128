// At 80×24 a title a row cuts short ("Ukraine's position at Istanb…") reads whole somewhere on the same screen: the
// selected document's in the overview's detail, between the evidence list and its detail, and under the timeline
// (two rows when wider than the screen); the selected scenario's under the picker; an actor's name wrapped in the
// evidence's column; and the red lines of a conflict on the analysis screen wrapped, never cut.
import { afterEach, describe, expect, it } from 'vitest';
import { conflictsOf } from '../../src/analysis/conflict-report.ts';
import { shippedIds } from '../../src/cli/scenarios.ts';
import { defaultDocumentOrder, documentIndices } from '../../src/ui/state/order.ts';
import { flat, leftPane, SMALL } from './panes.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

async function open(id: string) {
  const ui = await explore(id, SMALL);
  unmount = ui.unmount;
  return ui;
}

/** The documents in the order the overview opens on (by date when they span years, else as in the file). */
const overviewOrder = (id: string) => {
  const s = scenario(id);
  return documentIndices(s, defaultDocumentOrder(s)).map((k) => s.documents[k]!);
};

/** The documents by date (documents of one date in their file order), as the evidence and the timeline list them. */
const byDate = (id: string) =>
  scenario(id)
    .documents.map((d, k) => ({ d, k }))
    .sort((a, b) => a.d.date.localeCompare(b.d.date) || a.k - b.k)
    .map((x) => x.d);

describe('titles at 80×24', () => {
  for (const id of ['ukraine-peace', '28-point-path', 'istanbul-2022'])
    it(`overview (${id}): every document's title whole in the detail when its row cuts it, the screen within 80×24`, async () => {
      const ui = await open(id);
      const docs = overviewOrder(id);
      let cut = 0;
      for (const [k, d] of docs.entries()) {
        if (k > 0) await ui.press(KEY.down);
        const lines = ui.lines();
        expect(lines.length).toBeLessThanOrEqual(24);
        expect(lines.every((l) => Array.from(l).length <= 80)).toBe(true);
        const left = leftPane(lines);
        const row = left.find((l) => l.startsWith('❯'))!;
        expect(row, d.title).toContain(d.date);
        if (row.includes(d.title)) continue;
        cut++;
        // under the list, whole (wrapped), above the verdict line
        const under = left.slice(left.indexOf(row) + 1);
        expect(flat(under), d.title).toContain(d.title.replace(/\s+/g, ' '));
      }
      // each of these scenarios has titles too long for a row at 80 columns
      expect(cut).toBeGreaterThan(0);
    });

  it('overview (tutorial-bilateral): a title its row holds is not repeated: the detail is as docs/tui.md draws it', async () => {
    const ui = await open('tutorial-bilateral');
    const left = leftPane(ui.lines());
    const title = scenario('tutorial-bilateral').documents[0]!.title;
    expect(left.filter((l) => l.includes(title))).toHaveLength(1);
  });

  it('evidence (ukraine-peace): the selected title whole between the list and the detail, names whole', async () => {
    const ui = await open('ukraine-peace');
    await ui.press('e');
    await ui.waitFor('settled / depends');
    const docs = byDate('ukraine-peace');
    let cut = 0;
    for (const [k, d] of docs.slice(0, 6).entries()) {
      if (k > 0) await ui.press(KEY.down);
      const lines = ui.lines();
      expect(lines.length).toBeLessThanOrEqual(24);
      const row = lines.find((l) => l.startsWith('❯'))!;
      expect(row).toContain(d.date);
      if (row.includes(d.title)) continue;
      cut++;
      const under = lines.slice(lines.indexOf(row) + 1);
      expect(flat(under)).toContain(d.title);
    }
    expect(cut).toBeGreaterThan(0);
    // every actor's name, wrapped in its column where it is wider ("Coalition of the" / "willing")
    const detail = flat(ui.lines().map((l) => l.slice(0, 22)));
    for (const a of scenario('ukraine-peace').actors) expect(detail).toContain(a.name);
  });

  it('timeline (ukraine-peace): a title wider than the screen whole on two rows under the table', async () => {
    const ui = await open('ukraine-peace');
    await ui.press('t');
    await ui.waitFor('feasible');
    const docs = scenario('ukraine-peace').documents;
    const widest = [...docs].sort((a, b) => b.title.length - a.title.length)[0]!;
    expect(Array.from(widest.title).length).toBeGreaterThan(80);
    const order = byDate('ukraine-peace');
    await ui.press(...Array.from({ length: order.indexOf(widest) }, () => KEY.down));
    const lines = ui.lines();
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(flat(lines)).toContain(widest.title);
  });

  it('picker: the selected scenario’s title whole under the list when its row cuts it', async () => {
    const ui = await open('ukraine-peace');
    await ui.press('s');
    await ui.waitFor('28-point-path ');
    let cut = 0;
    for (const [k, id] of shippedIds().entries()) {
      if (k > 0) await ui.press(KEY.down);
      const lines = ui.lines();
      expect(lines.length).toBeLessThanOrEqual(24);
      const title = scenario(id).title;
      const row = lines.find((l) => l.startsWith('❯'))!;
      expect(row).toContain(id);
      if (row.includes(title)) continue;
      cut++;
      expect(flat(lines.slice(lines.indexOf(row) + 1))).toContain(title);
    }
    expect(cut).toBeGreaterThan(0);
  });

  it('analysis (ukraine-peace): every red line of the conflict whole, each beside its owner and its count', async () => {
    const s = scenario('ukraine-peace');
    const [conflict] = conflictsOf(s).conflicts;
    const ui = await open('ukraine-peace');
    await ui.press('a');
    await ui.waitFor('Why no package is feasible');
    // and with the concessions computed: the selected set (whole, concessions-list.test), the line that says how many
    // sets are below it, and the selected one's detail keep their rows
    await ui.press('c');
    await ui.waitFor('enter applies');
    const lines = ui.lines();
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(lines.at(-1)).toContain('q quit');
    expect(lines.filter((l) => /^❯ 1\. /.test(l))).toHaveLength(1);
    expect(lines.some((l) => /^↓ \d+ sets below$/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('over no deal:'))).toBe(true);
    for (const m of conflict!.members) {
      const at = lines.findIndex((l) => l.includes(m.text.slice(0, 20)));
      expect(at, m.text).toBeGreaterThanOrEqual(0);
      expect(lines[at]).toContain(m.feasibleWithout!.toLocaleString('en-US'));
      // the member's words column, from its row down to the next member's or the note under the list
      const column = lines[at]!.indexOf(m.text.slice(0, 20));
      const next = lines.findIndex((l, k) => k > at && l.slice(0, column).trim() !== '');
      const words = lines.slice(at, next).map((l) => l.slice(column, 80 - 18));
      expect(flat(words)).toContain(m.text);
    }
  });
});
