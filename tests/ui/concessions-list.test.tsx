// The minimal concessions' list on the analysis screen: every set's row whole — who still rejects a closest set and
// every change it makes, wrapped under the set's number — at 80×24, 100×30 and any width from 60 to 140; the list
// scrolls by whole sets, the selected one always on screen, and the line under it says how many are above and below.
// A row was cut at the screen's edge ("Russia still rejects · Crimea and Sevastopol → Recognised as Russian de f…"),
// which could hide the very term that matters. What each row must say comes from `concessions`, not from the screen.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { concessions } from '../../src/analysis/concessions.ts';
import type { ConcessionSet, NearMiss } from '../../src/analysis/concessions-types.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { shortName } from '../../src/ui/words.ts';
import { flat } from './panes.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

/** The first line of a set's row: the selection mark, the set's number and the first of its words. */
const ROW = /^([❯ ]) (\d+)\.\s+\S/;

interface ShownList {
  /** each set shown, by its number: its lines as one run of words */
  readonly rows: ReadonlyMap<number, string>;
  /** the number of the selected set */
  readonly selected: number;
  /** the line under the sets */
  readonly under: string;
}

/** The concessions' rows in a frame: a row's first line and the lines indented under it, then the line under them. */
function shownList(lines: readonly string[]): ShownList {
  const first = lines.findIndex((l) => ROW.test(l));
  if (first < 0) throw new Error(`no concession set on screen:\n${lines.join('\n')}`);
  const rows = new Map<number, string[]>();
  let selected = -1;
  let at = first;
  let number = 0;
  for (; at < lines.length; at++) {
    const line = lines[at]!;
    const head = ROW.exec(line);
    if (head) {
      number = Number(head[2]);
      if (head[1] === '❯') selected = number;
      rows.set(number, [line.slice(head[0].length - 1)]);
    } else if (/^ {6}\S/.test(line)) rows.get(number)!.push(line.slice(6));
    else break;
  }
  return {
    rows: new Map([...rows].map(([n, l]) => [n, flat(l)])),
    selected,
    under: lines[at] ?? '',
  };
}

/** What a set's row must say, from the analysis: each change's issue and option, and who still rejects it. */
function expectRow(s: Scenario, set: ConcessionSet | NearMiss, row: string, where: string) {
  for (const c of set.changes)
    expect(row, where).toContain(`${s.issues[c.issue]!.label} → ${s.issues[c.issue]!.options[c.to]!.label}`);
  if ('rejecting' in set) {
    const names = set.rejecting.map((a) => shortName(s.actors[a]!.name));
    expect(row, where).toContain(`${names.join(' and ')} still ${names.length === 1 ? 'rejects' : 'reject'}`);
  }
  expect(row, where).not.toContain('…');
}

/**
 * Opens the analysis of the overview's first document, computes its concessions and steps through every set: each
 * selected row read whole, every frame within the terminal, and what the line under the sets says true of the rows
 * shown. Returns the rows read, by set number.
 */
async function readEverySet(id: string, size: { columns: number; rows: number }, count: number) {
  const ui = await explore(id, size);
  unmount = ui.unmount;
  await ui.press('a', 'c');
  await ui.waitFor('enter applies');
  const read = new Map<number, string>();
  for (let k = 0; k < count; k++) {
    if (k > 0) await ui.press(KEY.down);
    const lines = ui.lines();
    expect(lines.length).toBeLessThanOrEqual(size.rows);
    for (const l of lines) expect(Array.from(l).length, l).toBeLessThanOrEqual(size.columns);
    const list = shownList(lines);
    expect(list.selected).toBe(k + 1);
    read.set(k + 1, list.rows.get(k + 1)!);
    // the line under the sets counts those above the first shown and below the last
    const numbers = [...list.rows.keys()];
    const above = Math.min(...numbers) - 1;
    const below = count - Math.max(...numbers);
    const says = [
      ...(above ? [`↑ ${above} set${above === 1 ? '' : 's'} above`] : []),
      ...(below ? [`↓ ${below} set${below === 1 ? '' : 's'} below`] : []),
    ].join(' · ');
    expect(list.under.trim()).toBe(says);
  }
  return read;
}

/** The overview's first document of a scenario (by date for ukraine-peace) and its concessions, as the screen asks. */
function firstDocument(id: string, document: string) {
  const s = scenario(id);
  const result = concessions(s, document, { limit: 10 });
  const sets: readonly (ConcessionSet | NearMiss)[] =
    result.size !== null ? result.solutions : result.closest;
  return { s, sets };
}

describe('the minimal concessions, every set whole', () => {
  for (const size of [
    { columns: 80, rows: 24 },
    { columns: 100, rows: 30 },
  ])
    for (const [id, document] of [
      ['ukraine-peace', 'istanbul-2022-ukraine'],
      ['tutorial-bilateral', 'north-opening'],
    ] as const)
      it(`should show every set of ${id} whole at ${size.columns}×${size.rows}, scrolling by sets`, async () => {
        const { s, sets } = firstDocument(id, document);
        expect(sets.length).toBeGreaterThan(1);
        const read = await readEverySet(id, size, sets.length);
        for (const [k, set] of sets.entries()) expectRow(s, set, read.get(k + 1)!, `set ${k + 1}`);
      }, 60_000);

  it('should wrap a row at 80×24 that is wider than the screen, under its number', async () => {
    const { s, sets } = firstDocument('ukraine-peace', 'istanbul-2022-ukraine');
    const ui = await explore('ukraine-peace', { columns: 80, rows: 24 });
    unmount = ui.unmount;
    await ui.press('a', 'c');
    await ui.waitFor('enter applies');
    const lines = ui.lines();
    const at = lines.findIndex((l) => l.startsWith('❯ 1.'));
    // the first set's changes alone are wider than the row's words' columns: its second line is indented under them
    const changes = sets[0]!.changes
      .map((c) => `${s.issues[c.issue]!.label} → ${s.issues[c.issue]!.options[c.to]!.label}`)
      .join('; ');
    expect(changes.length).toBeGreaterThan(80 - 6);
    expect(lines[at + 1]).toMatch(/^ {6}\S/);
  });
});

describe('the minimal concessions from 60 to 140 columns', () => {
  it('should keep every line within the terminal and every set’s words on screen', async () => {
    const { s, sets } = firstDocument('ukraine-peace', 'istanbul-2022-ukraine');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 60, max: 140 }), fc.constantFrom(24, 30), async (columns, rows) => {
        try {
          const read = await readEverySet('ukraine-peace', { columns, rows }, sets.length);
          for (const [k, set] of sets.entries())
            expectRow(s, set, read.get(k + 1)!, `set ${k + 1} at ${columns}×${rows}`);
        } finally {
          unmount?.();
          unmount = undefined;
        }
      }),
      { seed: 60_140, numRuns: 8 },
    );
  }, 120_000);
});
