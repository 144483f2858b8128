// The sandbox's row under the terms names the selected term, its option and the document's ("Issue: option (tabled:
// …)"). It was one row, cut at the screen's edge when the labels were long, so that the document's own option — the
// one a change is measured from — was lost. Now it takes the rows it needs (the blank row under the heading gives
// way first) and the screen still fits; at 80 columns the longest need three.
import { afterEach, describe, expect, it } from 'vitest';
import { wrapSpans } from '../../src/ui/layout.ts';
import { appReducer, initialState } from '../../src/ui/state/app.ts';
import { displayOrder } from '../../src/ui/state/order.ts';
import { SMALL } from './panes.ts';
import { explore, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

type Scenario = ReturnType<typeof scenario>;

/** The document's term's mark, from the data: none when the whole document is unconfirmed (its title has it). */
function termMark(d: Scenario['documents'][number], issue: number): string {
  const t = d.terms.find((x) => x.issue === issue);
  if (!d.confirmed || !t) return '';
  return t.recall ? ' (recall)' : t.confirmed ? '' : ' (unconfirmed)';
}

/** The first document, row and option of `id` whose "Issue: option (tabled: …)" line `fits` asks for: found, not named. */
function firstLine(
  s: Scenario,
  line: (issue: number, option: number, tabled: number, d: Scenario['documents'][number]) => string,
  fits: (line: string) => boolean,
) {
  const found = s.documents.flatMap((d) =>
    displayOrder(s).flatMap((issue, row) =>
      s.issues[issue]!.options.flatMap((_, option) => {
        const text = line(issue, option, d.package[issue]!, d);
        return option !== d.package[issue] && fits(text) ? [{ d, row, issue, option, line: text }] : [];
      }),
    ),
  );
  expect(found.length).toBeGreaterThan(0);
  return found[0]!;
}

/** The sandbox of `id` at 80 × 24 with that option set, checked to fit the screen: its lines, and the status line's. */
async function sandboxWith(id: string, f: ReturnType<typeof firstLine>) {
  let state = appReducer(initialState(scenario(id)), { type: 'open-document', document: f.d.id });
  state = appReducer(state, { type: 'sandbox', action: { type: 'move-to', row: f.row } });
  state = appReducer(state, {
    type: 'sandbox',
    action: { type: 'set-option', issue: f.issue, option: f.option },
  });
  const ui = await explore(id, SMALL, { initial: state });
  unmount = ui.unmount;
  await ui.waitFor('Verdicts as of');
  const lines = ui.lines();
  expect(lines.length).toBeLessThanOrEqual(SMALL.rows);
  expect(lines.every((l) => Array.from(l).length <= SMALL.columns)).toBe(true);
  return { lines, status: lines.findIndex((l) => l.startsWith('↑↓ ')) };
}

describe("the sandbox's selected term", () => {
  it('should name the option and the document’s whole at 80×24 when they do not fit one row', async () => {
    const id = 'ukraine-peace';
    const s = scenario(id);
    const found = firstLine(
      s,
      (issue, option, tabled, d) => {
        const i = s.issues[issue]!;
        return `${i.label}: ${i.options[option]!.label} (tabled: ${i.options[tabled]!.label}${termMark(d, issue)})`;
      },
      (line) => line.length > SMALL.columns && line.length < 1.6 * SMALL.columns,
    );
    const { lines, status } = await sandboxWith(id, found);
    // the two rows above the notice and the status line's, joined where they wrapped
    const shown = lines
      .slice(status - 3, status - 1)
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(shown).toContain(found.line.replace(/\s+/g, ' '));
  });

  it('should name them whole on three rows when that is what they need at 80 columns', async () => {
    const id = '28-point-path';
    const s = scenario(id);
    const found = firstLine(
      s,
      (issue, option, tabled, d) => {
        const i = s.issues[issue]!;
        return `${i.label}: ${i.options[option]!.label} (tabled: ${i.options[tabled]!.label}${termMark(d, issue)})${i.confirmed ? '' : ' (unconfirmed)'}`;
      },
      (line) => wrapSpans([{ text: line }], SMALL.columns).length === 3,
    );
    const { lines, status } = await sandboxWith(id, found);
    // the three rows above the notice and the status line's
    const shown = lines.slice(status - 4, status - 1);
    expect(shown.join(' ').replace(/\s+/g, ' ')).toContain(found.line.replace(/\s+/g, ' '));
    expect(shown.some((l) => l.endsWith('…'))).toBe(false);
  });
});
