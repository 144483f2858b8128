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

describe("the sandbox's selected term", () => {
  it('should name the option and the document’s whole at 80×24 when they do not fit one row', async () => {
    const id = 'ukraine-peace';
    const s = scenario(id);
    // the first document, row and option whose line is wider than the screen: found, not named
    const found = s.documents.flatMap((d) =>
      displayOrder(s).flatMap((issue, row) => {
        const i = s.issues[issue]!;
        const tabled = i.options[d.package[issue]!]!;
        return i.options.flatMap((o, option) => {
          const line = `${i.label}: ${o.label} (tabled: ${tabled.label})`;
          return o !== tabled && line.length > SMALL.columns && line.length < 1.6 * SMALL.columns
            ? [{ d, row, issue, option, line }]
            : [];
        });
      }),
    );
    expect(found.length).toBeGreaterThan(0);
    const { d, row, issue, option, line } = found[0]!;
    let state = appReducer(initialState(s), { type: 'open-document', document: d.id });
    state = appReducer(state, { type: 'sandbox', action: { type: 'move-to', row } });
    state = appReducer(state, { type: 'sandbox', action: { type: 'set-option', issue, option } });
    const ui = await explore(id, SMALL, { initial: state });
    unmount = ui.unmount;
    await ui.waitFor('Verdicts as of');
    const lines = ui.lines();
    expect(lines.length).toBeLessThanOrEqual(SMALL.rows);
    expect(lines.every((l) => Array.from(l).length <= SMALL.columns)).toBe(true);
    // the two rows above the notice and the status line's, joined where they wrapped
    const status = lines.findIndex((l) => l.startsWith('↑↓ '));
    const shown = lines
      .slice(status - 3, status - 1)
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(shown).toContain(line.replace(/\s+/g, ' '));
  });

  it('should name them whole on three rows when that is what they need at 80 columns', async () => {
    const id = '28-point-path';
    const s = scenario(id);
    // the first document, row and option whose line takes three rows at 80 columns: found, not named
    const found = s.documents.flatMap((d) =>
      displayOrder(s).flatMap((issue, row) => {
        const i = s.issues[issue]!;
        const tabled = i.options[d.package[issue]!]!;
        return i.options.flatMap((o, option) => {
          const line = `${i.label}: ${o.label} (tabled: ${tabled.label})${i.confirmed ? '' : ' [unconfirmed]'}`;
          return o !== tabled && wrapSpans([{ text: line }], SMALL.columns).length === 3
            ? [{ d, row, issue, option, line }]
            : [];
        });
      }),
    );
    expect(found.length).toBeGreaterThan(0);
    const { d, row, issue, option, line } = found[0]!;
    let state = appReducer(initialState(s), { type: 'open-document', document: d.id });
    state = appReducer(state, { type: 'sandbox', action: { type: 'move-to', row } });
    state = appReducer(state, { type: 'sandbox', action: { type: 'set-option', issue, option } });
    const ui = await explore(id, SMALL, { initial: state });
    unmount = ui.unmount;
    await ui.waitFor('Verdicts as of');
    const lines = ui.lines();
    expect(lines.length).toBeLessThanOrEqual(SMALL.rows);
    expect(lines.every((l) => Array.from(l).length <= SMALL.columns)).toBe(true);
    // the three rows above the notice and the status line's
    const status = lines.findIndex((l) => l.startsWith('↑↓ '));
    const shown = lines.slice(status - 4, status - 1);
    expect(shown.join(' ').replace(/\s+/g, ' ')).toContain(line.replace(/\s+/g, ' '));
    expect(shown.some((l) => l.endsWith('…'))).toBe(false);
  });
});
