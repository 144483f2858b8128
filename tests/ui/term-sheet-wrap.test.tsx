// The sandbox's term sheet at 100 and 80 columns: an issue label longer than its column wraps under itself, so every
// label can be read whole ("Prisoners, detainees and children", "Zaporizhzhia nuclear power plant" were cut to
// "Prisoners, detainees…"), and so does every option, selected or not (three regions read "Frozen on the line …":
// which of them differed could not be told); and the list still scrolls to its last issue.
import { afterEach, describe, expect, it } from 'vitest';
import { rowWindow } from '../../src/ui/layout.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

/** The label column of the term sheet in a frame: between the marks (4 columns) and the selected option's ‹. */
function labelColumn(lines: readonly string[]): string {
  const pane = lines.map((l) => l.split('│')[0] ?? '');
  const selected = pane.find((l) => l.includes('‹'));
  if (!selected) throw new Error(`no selected term in:\n${lines.join('\n')}`);
  const end = selected.indexOf('‹');
  return pane
    .filter((l) => l.startsWith('    ') || l.startsWith('❯'))
    .map((l) => l.slice(4, end).trim())
    .join(' ');
}

describe('the term sheet of the sandbox', () => {
  for (const columns of [100, 80])
    it(`should show every issue label whole at ${columns} columns`, async () => {
      const s = scenario('ukraine-peace');
      const ui = await explore('ukraine-peace', { columns, rows: 30 });
      unmount = ui.unmount;
      await ui.press(KEY.enter);
      await ui.waitFor('Terms 1 of');
      const seen = new Set<string>();
      for (let k = 0; k < s.issues.length; k++) {
        const column = labelColumn(ui.lines());
        expect(column, 'a label cut short').not.toContain('…');
        for (const issue of s.issues) if (column.includes(issue.label)) seen.add(issue.id);
        if (k < s.issues.length - 1) await ui.press(KEY.down);
      }
      expect(ui.frame()).toContain(`Terms ${s.issues.length} of ${s.issues.length}`);
      // the labels that did not fit the column before are among them
      const long = s.issues.filter(
        (x) => x.label.length > Math.floor((Math.floor(columns * 0.53) - 4) * 0.45),
      );
      expect(long.length).toBeGreaterThan(0);
      expect(
        s.issues.filter((x) => !seen.has(x.id)).map((x) => x.label),
        'labels never shown whole',
      ).toEqual([]);
    }, 60_000);
});

/** The option column of the term sheet in a frame: from the selected option's ‹ on, without the ‹ › marks. */
function optionColumn(lines: readonly string[]): string {
  const pane = lines.map((l) => l.split('│')[0] ?? '');
  const selected = pane.find((l) => l.includes('‹'));
  if (!selected) throw new Error(`no selected term in:\n${lines.join('\n')}`);
  const start = selected.indexOf('‹');
  const first = pane.findIndex((l) => l.startsWith('Terms '));
  const last = pane.findIndex(
    (l, k) => k > first && !l.startsWith(' ') && !l.startsWith('❯') && l.trim() === '',
  );
  return pane
    .slice(first + 1, last < 0 ? undefined : last)
    .filter((l) => l.startsWith('    ') || l.startsWith('❯'))
    .map((l) => l.slice(start).replace(/[‹›]/g, ' ').trim())
    .join(' ')
    .replace(/\s+/g, ' ');
}

describe('the options of the term sheet', () => {
  for (const columns of [100, 80])
    it(`should show every issue's option whole, selected or not, at ${columns} columns`, async () => {
      const s = scenario('ukraine-peace');
      const ui = await explore('ukraine-peace', { columns, rows: 30 });
      unmount = ui.unmount;
      await ui.press(KEY.enter);
      await ui.waitFor('Terms 1 of');
      // the overview's first document, by date
      const d = [...s.documents].sort((a, b) => a.date.localeCompare(b.date))[0]!;
      const seen = new Set<string>();
      for (let k = 0; k < s.issues.length; k++) {
        const column = optionColumn(ui.lines());
        expect(column, 'an option cut short').not.toContain('…');
        for (const issue of s.issues)
          if (column.includes(issue.options[d.package[issue.index]!]!.label)) seen.add(issue.id);
        if (k < s.issues.length - 1) await ui.press(KEY.down);
      }
      // the options longer than their column are among them
      const labelWidth = Math.floor((Math.floor(columns * 0.53) - 4) * 0.45);
      const optionWidth = Math.floor(columns * 0.53) - 4 - labelWidth - 1;
      expect(s.issues.some((x) => x.options[d.package[x.index]!]!.label.length > optionWidth)).toBe(true);
      expect(
        s.issues.filter((x) => !seen.has(x.id)).map((x) => x.options[d.package[x.index]!]!.label),
        'options never shown whole',
      ).toEqual([]);
    }, 60_000);
});

describe('a window of rows over entries of different heights', () => {
  it('should keep the selected entry and its heading in view and fill the rows it has', () => {
    const heights = [1, 2, 1, 3, 1, 1, 2, 1];
    for (let at = 0; at < heights.length; at++)
      for (let rows = 3; rows <= 14; rows++) {
        const from = Math.max(0, at - 1);
        const { start, end } = rowWindow(heights, from, at, rows);
        const used = heights.slice(start, end).reduce((a, b) => a + b, 0);
        expect(start).toBeLessThanOrEqual(from);
        expect(end).toBeGreaterThan(at);
        // never more than the rows, unless the selected entry alone is taller
        if (heights.slice(from, at + 1).reduce((a, b) => a + b, 0) <= rows)
          expect(used).toBeLessThanOrEqual(rows);
        // nothing left out that would have fitted
        if (end < heights.length) expect(used + heights[end]!).toBeGreaterThan(rows);
        if (start > 0) expect(used + heights[start - 1]!).toBeGreaterThan(rows);
      }
  });
});
