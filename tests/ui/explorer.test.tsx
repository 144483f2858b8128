// The explorer as a user drives it: keys in, frames out (ink-testing-library).
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeAcceptable } from '../../src/analysis/acceptable.ts';
import { concessions } from '../../src/analysis/concessions.ts';
import { shippedIds } from '../../src/cli/scenarios.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import { utility } from '../../src/domain/utility.ts';
import { initialState, shownDocuments } from '../../src/ui/state/app.ts';
import { displayOrder } from '../../src/ui/state/order.ts';
import { fix2, shortName } from '../../src/ui/words.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

async function open(id: string, size?: { columns: number; rows: number }) {
  const ui = await explore(id, size);
  unmount = ui.unmount;
  return ui;
}

/** The utility shown on the bar line under an actor's verdict line. */
function shownUtility(lines: string[], actorName: string): string | undefined {
  const at = lines.findIndex((l) => l.includes(`✓ ${actorName}`) || l.includes(`✗ ${actorName}`));
  return at < 0 ? undefined : /(\d\.\d\d) no deal/.exec(lines[at + 1] ?? '')?.[1];
}

describe('the overview', () => {
  it('should list every tabled document with its date, and the actors with their red lines', async () => {
    const s = scenario('tutorial-bilateral');
    const ui = await open('tutorial-bilateral');
    const frame = ui.frame();
    expect(frame).toContain(s.title);
    // a row may cut a long title, never the flag of a text the record does not settle
    for (const d of s.documents) {
      const row = frame.split('\n').find((l) => l.includes(`${d.date} ${d.title.slice(0, 20)}`));
      expect(row, d.id).toBeDefined();
      expect(row!.split('│')[0]!.trimEnd().endsWith(' (unconfirmed)'), d.id).toBe(!d.confirmed);
    }
    for (const a of s.actors) for (const r of a.redLines) expect(frame).toContain(r.text.slice(0, 20));
    expect(frame).toMatch(/❯ ✗ 2024-06-14 North's opening demands/);
  });

  it('should mark red lines the record does not settle as unconfirmed', async () => {
    const s = scenario('ukraine-peace');
    const unconfirmed = s.actors.flatMap((a) => a.redLines.filter((r) => !r.confirmed));
    expect(unconfirmed.length).toBeGreaterThan(0);
    const ui = await open('ukraine-peace', { columns: 140, rows: 60 });
    expect(ui.frame()).toContain('(unconfirmed)');
    expect(ui.frame()).not.toContain('[unconfirmed]');
  });

  it('should move the selection with the arrows and say who rejects the selected document', async () => {
    const ui = await open('tutorial-bilateral');
    await ui.press(KEY.down);
    expect(ui.frame()).toMatch(/❯ ✗ 2025-03-01 A mediator's compromise/);
    // the selected title whole in the detail, when its row cuts it
    expect(ui.frame()).toContain("A mediator's compromise text");
    expect(ui.frame()).toContain('Rejected by South');
  });
});

describe('the sandbox', () => {
  it('should change the selected term with → and show the verdicts evaluatePackage gives', async () => {
    const s = scenario('tutorial-bilateral');
    const doc = s.documents[0]!;
    const ui = await open('tutorial-bilateral');
    await ui.press(KEY.enter);
    expect(ui.frame()).toContain(doc.title);
    const before = evaluatePackage(s, doc.package);
    expect(shownUtility(ui.lines(), 'South (stylised Ukraine)')).toBe(fix2(before.verdicts[1]!.utility));
    expect(ui.frame()).toContain('An army of at least 250,000');

    // the army cap is the third issue on the sheet; → takes it to the next value up
    const armyCap = s.issueIndex.get('army-cap')!;
    const row = displayOrder(s).indexOf(armyCap);
    await ui.press(...Array.from({ length: row }, () => KEY.down), KEY.right);
    const pkg = Int32Array.from(doc.package);
    pkg[armyCap] = s.issues[armyCap]!.options.findIndex((o) => o.value === 250000);
    const after = evaluatePackage(s, pkg);
    expect(after.verdicts[1]!.utility).not.toBeCloseTo(before.verdicts[1]!.utility, 6);
    expect(ui.frame()).toContain('Peacetime army cap: 250,000 troops (tabled: 85,000 troops)');
    expect(shownUtility(ui.lines(), 'South (stylised Ukraine)')).toBe(fix2(after.verdicts[1]!.utility));
    expect(shownUtility(ui.lines(), 'North (stylised Russia)')).toBe(fix2(after.verdicts[0]!.utility));
    // the army-floor red line is kept now, so it no longer counts against South
    expect(ui.frame()).not.toContain('An army of at least 250,000');
    expect(ui.frame()).toContain('• 1 changed');

    await ui.press('u');
    expect(ui.frame()).toContain('Peacetime army cap: 85,000 troops (as tabled)');
    expect(shownUtility(ui.lines(), 'South (stylised Ukraine)')).toBe(fix2(before.verdicts[1]!.utility));
    expect(ui.frame()).toContain('undone: Peacetime army cap: 85,000 troops → 250,000 troops');

    await ui.press('r');
    expect(shownUtility(ui.lines(), 'South (stylised Ukraine)')).toBe(fix2(after.verdicts[1]!.utility));
    await ui.press('0');
    expect(ui.frame()).toContain('• 0 changed');
  });

  it('should say when an actor whose red lines break is also short of no deal, and by how much', async () => {
    const shipped = scenario('ukraine-peace');
    const ui = await open('ukraine-peace', { columns: 140, rows: 60 });
    let checked = 0;
    for (const doc of shownDocuments(initialState(shipped))) {
      await ui.press(KEY.enter);
      const s = positionsAsOf(shipped, doc.date);
      const frame = ui.frame();
      expect(frame).toContain(doc.title.slice(0, 40));
      for (const v of evaluatePackage(s, doc.package).verdicts) {
        if (!v.violations.length) continue;
        const line = `and ${fix2(-v.margin)} short of no deal`;
        if (v.margin < 0) {
          expect(frame).toContain(line);
          checked++;
        } else expect(frame).not.toContain(line);
      }
      await ui.press(KEY.esc, KEY.down);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('should say when a package becomes an agreement', async () => {
    const s = scenario('tutorial-bilateral');
    const ui = await open('tutorial-bilateral');
    // mediator-text: South rejects only for being short of no deal; a real guarantee brings it over
    await ui.press(KEY.down, KEY.enter);
    expect(ui.frame()).toContain('✗ No agreement — rejected by South');
    const guarantee = displayOrder(s).indexOf(s.issueIndex.get('guarantee')!);
    await ui.press(...Array.from({ length: guarantee }, () => KEY.down), KEY.right);
    const pkg = Int32Array.from(s.documents[1]!.package);
    pkg[s.issueIndex.get('guarantee')!] = 2;
    const ev = evaluatePackage(s, pkg);
    expect(ui.frame()).toContain(ev.agreement ? '✓ Agreement' : '✗ No agreement');
    expect(ev.agreement).toBe(true);
  });

  it('should explain the selected issue: every option, each actor’s value and verdict, its red lines', async () => {
    const s = scenario('tutorial-bilateral');
    const ui = await open('tutorial-bilateral');
    await ui.press(KEY.enter, 'i');
    const issue = s.issues[displayOrder(s)[0]!]!;
    const frame = ui.frame();
    for (const o of issue.options) expect(frame).toContain(o.label);
    expect(frame).toContain('South: No cession of territory it holds.');
    // South's value of "Russia withdraws" is 1.00, and ceding the four regions breaks its red line (!)
    const withdraw = ui.lines().find((l) => l.includes('Russia withdraws to the lines'))!;
    expect(withdraw).toMatch(/0\.00 .\s+1\.00/);
    const cede = ui.lines().find((l) => l.includes('Ukraine cedes the four regions'))!;
    expect(cede).toMatch(/1\.00 ✓\s+0\.00 !/);
    // enter puts the selected option in the sandbox
    await ui.press(KEY.up, KEY.enter);
    expect(ui.frame()).toContain('Territory: The front is frozen where it stands (tabled: Ukraine cedes');
  });

  it('should let every red line and rule on the issue be read, with pgdn when they do not fit', async () => {
    const shipped = scenario('ukraine-peace');
    // the overlay judges by the positions in force on the selected document's date (the first listed)
    const s = positionsAsOf(shipped, shownDocuments(initialState(shipped))[0]!.date);
    const donetsk = s.issueIndex.get('donetsk')!;
    const ui = await open('ukraine-peace');
    const row = displayOrder(s).indexOf(donetsk);
    await ui.press(KEY.enter, ...Array.from({ length: row }, () => KEY.down), 'i');
    const first = ui.frame();
    expect(first).toContain('Donetsk region');
    // five actors' red lines and a rule do not fit a 30-row terminal under the table: the notes scroll
    expect(first).toContain('pgup/pgdn scroll');
    let seen = first;
    for (let k = 0; k < 10 && !ui.frame().includes('100%'); k++) {
      await ui.press(KEY.pageDown);
      seen += ui.frame();
    }
    const lines = s.actors.flatMap((a) =>
      a.redLines.filter((r) => r.scope.includes(donetsk)).map((r) => `${shortName(a.name)}: ${r.text}`),
    );
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(seen).toContain(line.slice(0, 50));
    for (const r of s.rules.filter((x) => x.scope.includes(donetsk)))
      expect(seen).toContain(`rule: ${r.text}`.slice(0, 50));
    // ↑↓ still choose the option
    await ui.press(KEY.down);
    // (the label wraps in its column: the selected row holds its first words)
    expect(ui.frame()).toMatch(/❯\s+●?\s*Frozen on the line, the\b/);
  });
});

describe('the help', () => {
  it('should open on ? with every key of the screen, and close on esc', async () => {
    const ui = await open('tutorial-bilateral');
    await ui.press(KEY.enter, '?');
    const frame = ui.frame();
    expect(frame).toContain('Keys');
    expect(frame).toContain('Sandbox — the term sheet');
    expect(frame).toContain('undo the last change');
    await ui.press(KEY.esc);
    expect(ui.frame()).not.toContain('undo the last change');
    expect(ui.frame()).toContain("North's opening demands");
  });
});

describe('the analysis', () => {
  it('should show the four bargaining solutions and load one into the sandbox', async () => {
    const s = scenario('tutorial-bilateral');
    const acc = analyzeAcceptable(s);
    const ui = await open('tutorial-bilateral');
    await ui.press('a');
    const frame = ui.frame();
    for (const name of ['Nash', 'Kalai–Smorodinsky', 'Utilitarian', 'Egalitarian'])
      expect(frame).toContain(name);
    const nash = acc.solutions.nash!;
    const row = ui.lines().find((l) => /^1\s+Nash/.test(l))!;
    expect(row).toContain(`${fix2(utility(s.actors[0]!, s.offsets, nash.pkg))}`);
    expect(row).toContain(`${fix2(utility(s.actors[1]!, s.offsets, nash.pkg))}`);
    await ui.press('1');
    expect(ui.frame()).toContain('loaded the Nash solution');
    expect(ui.frame()).toContain('✓ Agreement');
  });

  it('should compute the minimal concessions on c and apply the selected set on enter', async () => {
    const s = scenario('tutorial-bilateral');
    const expected = concessions(s, 'north-opening', { limit: 10 });
    const ui = await open('tutorial-bilateral');
    await ui.press('a');
    expect(ui.frame()).toContain('press c to compute');
    await ui.press('c');
    expect(ui.frame()).toContain(`${expected.count} smallest sets of ${expected.size} changes`);
    const first = expected.solutions[0]!;
    for (const c of first.changes) expect(ui.frame()).toContain(s.issues[c.issue]!.options[c.to]!.label);
    await ui.press(KEY.enter);
    expect(ui.frame()).toContain('applied concession set 1');
    expect(ui.frame()).toContain('✓ Agreement');
    expect(ui.frame()).toContain(`• ${first.changes.length} changed`);
  });

  it('should date what it judges by, and say who still rejects each closest set', async () => {
    const shipped = scenario('ukraine-peace');
    const docs = shownDocuments(initialState(shipped));
    const at = docs.findIndex((d) => d.id === 'us-ukraine-20-point');
    const doc = docs[at]!;
    const expected = concessions(shipped, doc.id, { limit: 10 });
    expect(expected.size).toBeNull(); // no set of up to 3 changes: the closest are listed
    const ui = await open('ukraine-peace', { columns: 140, rows: 40 });
    await ui.press(...Array.from({ length: at }, () => KEY.down), 'a', 'c');
    const frame = ui.frame();
    expect(frame).toContain(`Positions in force on ${shipped.date}:`);
    expect(frame).toContain(`positions of ${doc.date} · for ${doc.title}`);
    const near = expected.closest[0]!;
    const names = near.rejecting.map((a) => shortName(shipped.actors[a]!.name));
    const verb = names.length === 1 ? 'rejects' : 'reject';
    expect(frame).toMatch(new RegExp(`❯ 1\\.\\s+${names.join(' and ')} still ${verb} · `));
    expect(frame).not.toMatch(/\d\.\s+\S+ rejects: /);
  });
});

describe('picking a scenario', () => {
  it('should open another shipped scenario from the list', async () => {
    const ui = await open('tutorial-bilateral');
    await ui.press('s');
    expect(ui.frame()).toContain('Pick a scenario');
    expect(await ui.waitFor('divide-the-surplus')).toContain(scenario('divide-the-surplus').title);
    // the list has just mounted: let its key handler subscribe before typing
    await new Promise((r) => setTimeout(r, 50));
    // as many rows down as the list has before it (scenarios get added)
    const rows = shippedIds().indexOf('divide-the-surplus');
    await ui.press(...Array.from({ length: rows }, () => KEY.down));
    expect(await ui.waitFor('❯ divide-the-surplus')).toContain('❯ divide-the-surplus');
    await ui.press(KEY.enter);
    expect(ui.frame()).toContain(scenario('divide-the-surplus').title);
  });
});

describe('a small terminal', () => {
  it('should fit 80×24 without losing the status line', async () => {
    const ui = await open('ukraine-peace', { columns: 80, rows: 24 });
    await ui.press(KEY.enter);
    const lines = ui.lines();
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines.every((l) => Array.from(l).length <= 80)).toBe(true);
    expect(lines.at(-1)).toContain('q quit');
  });
});
