// The explorer marks a tabled document's term the record does not settle with the flag every command writes, " (unconfirmed)" /
// " (recall)", where it lists the document's terms: the sandbox's term sheet (while the term is the document's: one
// the student changed is theirs), the selected term's line ("(as tabled [unconfirmed])", "(tabled: … [unconfirmed])")
// and the issue overlay's "(tabled [unconfirmed])" row; none on the terms of a document unconfirmed as a whole (its
// title carries the mark). Every expectation is derived from the scenario's data.
import { afterEach, describe, expect, it } from 'vitest';
import type { NegotiationDocument } from '../../src/domain/types.ts';
import { appReducer, initialState } from '../../src/ui/state/app.ts';
import { displayOrder } from '../../src/ui/state/order.ts';
import { flat, leftPane } from './panes.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

/** The mark the document's term on `issue` carries, from the data: none when the whole document is unconfirmed. */
function mark(d: NegotiationDocument, issue: number): string {
  const t = d.terms.find((x) => x.issue === issue);
  if (!d.confirmed || !t) return '';
  return t.recall ? ' (recall)' : t.confirmed ? '' : ' (unconfirmed)';
}

// wide and tall enough that no label or option wraps and the whole sheet shows
const WIDE = { columns: 220, rows: 60 };

async function sandbox(id: string, document: string) {
  const state = appReducer(initialState(scenario(id)), { type: 'open-document', document });
  const ui = await explore(id, WIDE, { initial: state });
  unmount = ui.unmount;
  await ui.waitFor('Verdicts as of');
  return ui;
}

describe("the explorer marks a tabled document's unsettled terms", () => {
  it("should mark exactly the document's unsettled terms on the sandbox's term sheet", async () => {
    const s = scenario('june-2024-terms');
    let marked = 0;
    for (const d of s.documents) {
      const ui = await sandbox(s.id, d.id);
      const sheet = leftPane(ui.lines());
      for (const issue of s.issues) {
        const label = issue.options[d.package[issue.index]!]!.label;
        const row = sheet.find((l) => l.includes(` ${issue.label} `));
        expect(row, `${d.id}/${issue.id}`).toBeDefined();
        const m = mark(d, issue.index);
        // the selected row's option stands between ‹ ›
        const shown = row!.replace(/ ?[‹›]/g, '').trimEnd();
        expect(shown.endsWith(`${label}${m}`), `${d.id}/${issue.id}: ${row}`).toBe(true);
        if (m) marked++;
      }
      unmount?.();
      unmount = undefined;
    }
    expect(marked).toBeGreaterThan(0);
  });

  it('should mark none on the terms of a document unconfirmed as a whole', async () => {
    const s = scenario('ukraine-peace');
    const d = s.documents.find((x) => !x.confirmed && x.terms.some((t) => !t.confirmed))!;
    const ui = await sandbox(s.id, d.id);
    // the sheet's rows (the heading above them names the document, with its mark)
    const rows = leftPane(ui.lines()).filter((l) => s.issues.some((x) => l.includes(` ${x.label} `)));
    expect(rows.length).toBe(s.issues.length);
    expect(flat(rows)).not.toContain('(unconfirmed)');
    expect(flat(rows)).not.toContain('(recall)');
  });

  it("should mark the document's term on the selected line, and drop it from the sheet once the term is changed", async () => {
    const s = scenario('june-2024-terms');
    const d = s.documents.find((x) => x.confirmed && x.terms.some((t) => !t.confirmed))!;
    const term = d.terms.find((t) => !t.confirmed && !t.recall)!;
    const issue = s.issues[term.issue]!;
    const tabled = issue.options[term.option]!.label;
    const ui = await sandbox(s.id, d.id);
    const row = displayOrder(s).indexOf(issue.index);
    await ui.press(...Array.from({ length: row }, () => KEY.down));
    expect(flat(ui.lines())).toContain(`${issue.label}: ${tabled} (as tabled [unconfirmed])`);
    // the overlay's row of the document's option
    await ui.press('i');
    expect(flat(ui.lines())).toContain('(tabled [unconfirmed])');
    await ui.press(KEY.esc);
    await ui.press(term.option === 0 ? KEY.right : KEY.left);
    const other = issue.options[term.option === 0 ? 1 : term.option - 1]!.label;
    expect(flat(ui.lines())).toContain(`${issue.label}: ${other} (tabled: ${tabled} [unconfirmed])`);
    // the term on the sheet is the student's now: no mark after it
    const sheetRow = leftPane(ui.lines()).find((l) => l.includes(` ${issue.label} `))!;
    expect(sheetRow).not.toContain('(unconfirmed)');
  });

  it("should mark the document's term a concession set changes, in the set's detail", async () => {
    const s = scenario('june-2024-terms');
    const d = s.documents.find((x) => x.id === 'putin-june-2024')!;
    const ui = await sandbox(s.id, d.id);
    await ui.press('a');
    await ui.waitFor('press c');
    await ui.press('c');
    await ui.waitFor('over no deal:');
    let seen = 0;
    let marked = 0;
    // each set in turn: every change its detail gives names the document's option, marked when unsettled
    for (let k = 0; k < 10; k++) {
      const text = flat(ui.lines());
      for (const issue of s.issues) {
        const from = `${issue.label}: ${issue.options[d.package[issue.index]!]!.label}`;
        if (!text.includes(`${from} `)) continue;
        const m = mark(d, issue.index);
        expect(text, issue.id).toContain(`${from}${m} → `);
        seen++;
        if (m) marked++;
      }
      await ui.press(KEY.down);
    }
    expect(seen).toBeGreaterThan(0);
    expect(marked).toBeGreaterThan(0);
  });
});
