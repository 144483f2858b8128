// The timeline view (t on the overview): every document by date, each actor's verdict with the positions of that
// date, the feasible count — on one 80×24 screen that says what each column means. And dated positions in the
// explorer: a document opened in the sandbox is judged by the positions of its date.
import { afterEach, describe, expect, it } from 'vitest';
import { timeline } from '../../src/analysis/timeline.ts';
import { cliOk } from '../cli-in-process.ts';
import { flat } from './panes.ts';
import { explore, KEY, scenario } from './render.tsx';

const FIXTURE = 'tests/fixtures/format/dated.yaml';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

async function open(id: string, size = { columns: 80, rows: 24 }) {
  const ui = await explore(id, size);
  unmount = ui.unmount;
  await ui.press('t');
  await ui.waitFor('Timeline —');
  return ui;
}

/** The rows of the table: date, the verdict cells, deal, feasible. */
function rows(lines: string[]) {
  return lines.flatMap((l) => {
    const m = /^[❯ ] (\d{4}-\d{2}-\d{2}) .*? ((?:[✓✗]\*?\s+)+)([✓✗])\s+(\S+)$/.exec(l);
    return m ? [{ date: m[1]!, cells: m[2]!.trim().split(/\s+/), deal: m[3]!, feasible: m[4]! }] : [];
  });
}

describe('the timeline view', () => {
  it('should fit 80×24, say what each column means and list the documents in date order', async () => {
    const s = scenario('ukraine-peace');
    const ui = await open('ukraine-peace');
    const lines = ui.lines();
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    const text = lines.join(' ');
    for (const words of ['accepts', 'rejects', 'consent is not needed', 'tabled it', 'deal:', 'feasible:'])
      expect(text).toContain(words);
    const shown = rows(lines);
    const entries = timeline(s).entries;
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.map((r) => r.date)).toEqual(entries.slice(0, shown.length).map((e) => e.date));
  });

  it('should show the verdicts, the tabler, the deal and the feasible count each entry has', async () => {
    const s = scenario(FIXTURE);
    const ui = await open(FIXTURE);
    const entries = timeline(s).entries;
    const shown = rows(ui.lines());
    expect(shown).toHaveLength(entries.length);
    shown.forEach((r, k) => {
      const e = entries[k]!;
      expect(r.cells).toEqual(
        s.actors.map((a) => `${e.verdicts[a.id]!.accepts ? '✓' : '✗'}${a.id === e.tabledBy ? '*' : ''}`),
      );
      expect(r.deal).toBe(e.agreement ? '✓' : '✗');
      expect(r.feasible).toBe(String(e.feasible));
    });
    // the 2022 text is judged by East's 2022 positions, and the screen says so
    expect(ui.frame()).toContain('judged by dated positions — East: Before East claimed the line');
  });

  it('should mark the basis of each dated position it names, as peacesim show and timeline --json give it', async () => {
    const json = JSON.parse(await cliOk('timeline', 'ukraine-peace', '--json')) as {
      entries: { document: string; epochs: string[] }[];
      epochs: { id: string; actor: string; label: string; basis: string }[];
    };
    const s = scenario('ukraine-peace');
    const ui = await open('ukraine-peace', { columns: 120, rows: 40 });
    // the first entry's dated positions, in the order of the actors, as far as its two rows show them
    const entry = json.entries[0]!;
    const named = s.actors.flatMap((a) =>
      json.epochs.filter((e) => e.actor === a.id && entry.epochs.includes(e.id)).map((e) => ({ a, e })),
    );
    expect(named.some(({ e }) => e.basis !== 'stated')).toBe(true);
    const text = flat(ui.lines());
    const { a, e } = named[0]!;
    const mark = e.basis === 'stated' ? '' : ` [${e.basis}]`;
    expect(text).toContain(
      `judged by dated positions — ${a.name.replace(/\s*\(.*\)$/, '')}: ${e.label}${mark};`,
    );
  });

  it('should open the selected document in the sandbox with enter, judged as of its date', async () => {
    const ui = await open(FIXTURE);
    await ui.press(KEY.down, KEY.enter);
    await ui.waitFor("East's 2025 text");
    expect(ui.frame()).toContain('as of 2025-05-01');
    await ui.press(KEY.esc);
    await ui.waitFor('Timeline —');
    await ui.press(KEY.up, KEY.enter);
    await ui.waitFor('as of 2022-03-29');
  });
});

describe('dated positions in the explorer', () => {
  it('should judge each document on the overview by the positions of its date, and mark the basis of red lines', async () => {
    const ui = await explore(FIXTURE, { columns: 100, rows: 30 });
    unmount = ui.unmount;
    const frame = ui.frame();
    expect(frame).toContain('each document judged by the positions of its date');
    expect(frame).toContain('record ends 2025-05-20');
    expect(frame).toContain('no deal worth 0.50 [assumption]');
    // the sandbox shows East's 2022 utility and value of no deal, not its 2025 ones (0.625 and 0.50)
    await ui.press(KEY.enter);
    await ui.waitFor('as of 2022-03-29');
    expect(ui.frame()).toMatch(/0\.90 no deal 0\.30/);
  });
});
