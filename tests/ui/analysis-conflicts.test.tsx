// The analysis screen when nothing is feasible: why, in the place of the (empty) bargaining solutions, at 80×24.

import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { conflictsOf } from '../../src/analysis/conflict-report.ts';
import { countFeasible } from '../../src/analysis/feasibility.ts';
import { ConflictsPane } from '../../src/ui/components/conflicts-pane.tsx';
import { explore, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

describe('the analysis screen with nothing feasible', () => {
  it('should name the positions that cannot hold together and what dropping each would open, within 80×24', async () => {
    const s = scenario('ukraine-peace');
    expect(countFeasible(s)).toBe(0);
    const [conflict] = conflictsOf(s).conflicts;
    const ui = await explore('ukraine-peace', { columns: 80, rows: 24 });
    unmount = ui.unmount;
    await ui.press('a');
    const frame = await ui.waitFor('Why no package is feasible');
    const lines = ui.lines();
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines.every((l) => Array.from(l).length <= 80)).toBe(true);
    expect(lines.at(-1)).toContain('q quit');
    for (const m of conflict!.members) {
      const row = lines.find((l) => l.includes(m.text.slice(0, 20)));
      expect(row).toBeDefined();
      expect(row).toContain(m.feasibleWithout!.toLocaleString('en-US'));
    }
    expect(frame).not.toContain('Nash');
    // no solution to load: the status line does not offer 1–4, and 1 changes nothing
    expect(lines.slice(-2).join(' ')).not.toContain('1–4 load');
    await ui.press('1');
    expect(ui.frame()).toBe(frame);
  });

  it('should keep the bargaining solutions when some package is feasible', async () => {
    const ui = await explore('tutorial-bilateral', { columns: 80, rows: 24 });
    unmount = ui.unmount;
    await ui.press('a');
    expect(ui.frame()).toContain('Bargaining solutions');
    expect(ui.frame()).not.toContain('Why no package is feasible');
    expect(ui.lines().slice(-2).join(' ')).toContain('1–4 load');
  });
});

describe('the conflicts pane when its rows run out', () => {
  it('should count what it leaves out in the words of the count: one conflict, not "1 conflicts"', () => {
    const s = scenario('ukraine-peace');
    const { conflicts, search } = conflictsOf(s);
    // the default scenario has a single conflict: the case the plural got wrong
    expect(conflicts).toHaveLength(1);
    // the title, the head and the note: no room for a member, so the pane says how many there are in all
    const ui = render(
      <ConflictsPane scenario={s} conflicts={conflicts} search={search} width={80} rows={4} />,
    );
    const frame = ui.lastFrame() ?? '';
    ui.unmount();
    expect(frame).toContain(`… ${conflicts.length} conflict in all`);
    expect(frame).not.toContain('conflicts in all');
  });
});

describe("the conflicts pane's marks", () => {
  it('flags a member the record does not settle (unconfirmed), as analyze does', () => {
    const s = scenario('ukraine-peace');
    const { conflicts, search } = conflictsOf(s);
    // every shipped conflict member is confirmed: the report of one as if the record did not settle it
    const members = conflicts[0]!.members.map((m, k) => (k === 0 ? { ...m, confirmed: false } : m));
    const ui = render(
      <ConflictsPane
        scenario={s}
        conflicts={[{ ...conflicts[0]!, members }]}
        search={search}
        width={120}
        rows={20}
      />,
    );
    const text = (ui.lastFrame() ?? '').replace(/\s+/g, ' ');
    ui.unmount();
    // after the member's last words (its count stands beside its first row)
    expect(text).toContain(`${members[0]!.text.split(' ').slice(-2).join(' ')} (unconfirmed)`);
    expect(text.match(/\(unconfirmed\)/g)).toHaveLength(1);
  });
});
