// The issue overlay on a short screen scrolls whole: at 80×24 its head and table alone are taller than the screen,
// and every line the overlay has at 80 columns on a screen tall enough for all of it — what holds with no deal,
// who rejects whatever the issue says, the option's description, each red line and rule with its sources — is
// reached with pgdn (the key the help gives), in the same order.
import { afterEach, describe, expect, it } from 'vitest';
import { displayOrder } from '../../src/ui/state/order.ts';
import { SMALL } from './panes.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

const PAGE_UP = '\u001B[5~';
const OPTION_KEYS = '↑↓ option';

/** The overlay of the issue on display row `row` of the first document's sandbox, at `size`: its frame's lines. */
async function openIssue(id: string, row: number, size: { columns: number; rows: number }) {
  const ui = await explore(id, size);
  unmount = ui.unmount;
  await ui.press(KEY.enter);
  await ui.waitFor('Verdicts');
  for (let k = 0; k < row; k++) await ui.press(KEY.down);
  await ui.press('i');
  await ui.waitFor(OPTION_KEYS);
  return ui;
}

/** The overlay's rows in a frame: from the issue's title to the scroll line (or to the status line). */
function overlayRows(lines: readonly string[], title: string): string[] {
  const from = lines.findIndex((l) => l.startsWith(title));
  const scroll = lines.findIndex((l) => l.includes('pgup/pgdn scroll'));
  const to = scroll >= 0 ? scroll : lines.findIndex((l) => l.includes(OPTION_KEYS));
  const rows = lines.slice(Math.max(0, from), to);
  while (rows.length && !rows.at(-1)!.trim()) rows.pop();
  return rows;
}

/** `next` after `seen`, without the rows they share (the page's overlap). */
function merge(seen: string[], next: readonly string[]): string[] {
  for (let overlap = Math.min(seen.length, next.length); overlap > 0; overlap--)
    if (seen.slice(seen.length - overlap).join('\n') === next.slice(0, overlap).join('\n'))
      return [...seen, ...next.slice(overlap)];
  return [...seen, ...next];
}

/** Every row of the overlay at 80×24, paging down with pgdn from its top until the scroll line says 100%. */
async function scrolledRows(id: string, row: number, title: string): Promise<string[]> {
  const ui = await openIssue(id, row, SMALL);
  await ui.press(PAGE_UP, PAGE_UP, PAGE_UP);
  // the view between the title and the scroll line: the sandbox's heading above it stays
  const top = ui.lines().findIndex((l) => l.startsWith(title));
  expect(top, 'the overlay opens on its title').toBeGreaterThanOrEqual(0);
  let seen: string[] = [];
  for (let page = 0; page < 40; page++) {
    const lines = ui.lines();
    const scroll = lines.findIndex((l) => l.includes('pgup/pgdn scroll'));
    seen = merge(seen, lines.slice(top, scroll >= 0 ? scroll : undefined));
    if (scroll < 0 || lines[scroll]!.includes('100%')) break;
    await ui.press(KEY.pageDown);
  }
  ui.unmount();
  return seen;
}

async function expectWhole(id: string, issueIndex: number) {
  const s = scenario(id);
  const issue = s.issues[issueIndex]!;
  const row = displayOrder(s).indexOf(issueIndex);
  const tall = await openIssue(id, row, { columns: SMALL.columns, rows: 200 });
  const whole = overlayRows(tall.lines(), issue.label);
  tall.unmount();
  const legend = whole.findIndex((l) => l.startsWith('● in the sandbox'));
  expect(legend).toBeGreaterThan(0);
  const seen = (await scrolledRows(id, row, issue.label)).map((l) => l.trimEnd());
  // the head, then everything under the table, row for row (the table shows a window of its options)
  const head = whole.slice(
    0,
    whole.findIndex((l) => l.includes('option · value')),
  );
  expect(seen.slice(0, head.length)).toEqual(head);
  const notes = whole.slice(legend);
  const at = seen.indexOf(notes[0]!);
  expect(at, 'the table legend is reached').toBeGreaterThan(0);
  expect(seen.slice(at, at + notes.length)).toEqual(notes);
}

describe('the issue overlay at 80×24', () => {
  it("should reach every line of 28-point-path's Donetsk region with pgdn", async () => {
    const s = scenario('28-point-path');
    await expectWhole(
      '28-point-path',
      s.issues.findIndex((x) => x.label === 'Donetsk region'),
    );
  }, 60_000);

  it("should reach every line of ukraine-peace's issue with the most red lines and rules with pgdn", async () => {
    const s = scenario('ukraine-peace');
    const notes = (i: number) =>
      s.actors.reduce((n, a) => n + a.redLines.filter((r) => r.scope.includes(i)).length, 0) +
      s.rules.filter((r) => r.scope.includes(i)).length;
    const longest = s.issues.reduce((best, x) => (notes(x.index) > notes(best.index) ? x : best));
    await expectWhole('ukraine-peace', longest.index);
  }, 60_000);
});
