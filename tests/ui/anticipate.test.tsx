// tui --anticipate-ratification (on security-triangle: june-2024-terms has no package every party accepts since
// Ukraine's 2024 red line on withdrawal was dated): the analysis screen counts the zone of agreement when negotiators anticipate the
// hurdles (the counts of analysis/ratification-zone.ts, within 80×24), the play setup says the sessions it starts
// assume it and starts them with it; without the option neither screen says a word of it. Its concessions are the
// CLI's under the assumption, and a verdict that fails only its hurdle gives the vote as its reason.
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { concessions } from '../../src/analysis/concessions.ts';
import { ratificationZone } from '../../src/analysis/ratification-zone.ts';
import { verdictOf } from '../../src/domain/evaluate.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import { anticipatedVoteWords } from '../../src/report/ratification.ts';
import { initialState, judgedScenario, shownDocuments } from '../../src/ui/state/app.ts';
import { openSetup, setupOptions } from '../../src/ui/state/play-setup.ts';
import { reasonLines } from '../../src/ui/words.ts';
import { ROOT } from '../helpers.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

describe('the explorer with --anticipate-ratification', () => {
  it('should count on the analysis screen the packages every party accepts and those that clear the hurdles', async () => {
    const s = scenario('security-triangle');
    const initial = initialState(s, null, true);
    const zone = ratificationZone(judgedScenario(initial))!;
    expect(zone.accepted).toBeGreaterThan(0);
    const ui = await explore('security-triangle', { columns: 80, rows: 24 }, { initial });
    unmount = ui.unmount;
    await ui.press('a');
    await ui.waitFor('If negotiators anticipate ratification');
    const lines = ui.lines();
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines.every((l) => Array.from(l).length <= 80)).toBe(true);
    const at = lines.findIndex((l) => l.includes('If negotiators anticipate ratification'));
    expect(`${lines[at]} ${lines[at + 1]}`.replace(/\s+/g, ' ')).toContain(
      `${zone.clearing!.toLocaleString('en-US')} of the ${zone.accepted!.toLocaleString('en-US')} packages every party accepts`,
    );
  });

  it('should say nothing of it without the option', async () => {
    const ui = await explore('june-2024-terms', { columns: 80, rows: 24 });
    unmount = ui.unmount;
    await ui.press('a');
    await ui.waitFor('Analysis');
    expect(ui.frame()).not.toContain('anticipate');
    await ui.press(KEY.esc, 'p');
    await ui.waitFor('Play a session');
    expect(ui.frame()).not.toContain('anticipate');
  });

  it('should say on the play setup that sessions assume it, and start them with it', async () => {
    const s = scenario('security-triangle');
    const ui = await explore(
      'june-2024-terms',
      { columns: 80, rows: 24 },
      { initial: initialState(s, null, true) },
    );
    unmount = ui.unmount;
    await ui.press('p');
    await ui.waitFor('Play a session');
    expect(ui.frame()).toContain("negotiators anticipate ratification (the modeller's assumption)");
    expect(setupOptions(s, openSetup(s, true)).options.anticipateRatification).toBe(true);
    expect(setupOptions(s, openSetup(s)).options).not.toHaveProperty('anticipateRatification');
  });
});

describe('the concessions of the analysis screen with --anticipate-ratification', () => {
  // the US guarantee text of December 2025 with Kyiv leaving Donetsk under a ceasefire for its referendum and no
  // foreign troops: Kyiv's red lines hold and the text beats no deal, but the referendum would fail it
  const SETS: readonly (readonly [string, string])[] = [
    ['donetsk', 'withdraw-dmz'],
    ['foreign-troops', 'none-stationed'],
    ['ceasefire', 'referendum-truce'],
  ];

  it('should give the vote as the reason of a verdict that fails only its hurdle, in the words of the CLI', () => {
    const s = scenario('ukraine-peace');
    const doc = s.documents.find((d) => d.id === 'us-security-guarantee-2025')!;
    const dated = positionsAsOf(s, doc.date);
    const pkg = Int32Array.from(doc.package);
    for (const [issue, option] of SETS) {
      const i = dated.issues.findIndex((x) => x.id === issue);
      pkg[i] = dated.issues[i]!.options.findIndex((o) => o.id === option);
    }
    const ukraine = dated.actors.find((a) => a.id === 'ukraine')!;
    const on = verdictOf(dated, ukraine, pkg, ukraine.reservation.value, true);
    expect(on.accepts).toBe(false);
    expect(on.violations).toEqual([]);
    expect(reasonLines(dated, on)).toEqual([anticipatedVoteWords(dated, on.wouldFail!)]);
    // without the assumption the same text is accepted, for its margin over no deal
    const off = verdictOf(dated, ukraine, pkg, ukraine.reservation.value);
    expect(off.accepts).toBe(true);
    expect(reasonLines(dated, off)[0]).toMatch(/better than no deal/);
  });

  it('should compute the CLI’s concessions under the assumption: a signed text its parliament would reject needs one change', async () => {
    // cede-for-aid is an agreement as it stands, but West's parliament would vote it down
    const file = resolve(ROOT, 'tests/fixtures/format/anticipated.yaml');
    const s = scenario(file);
    expect(concessions(s, 'cede-for-aid', { limit: 10 }).size).toBe(0);
    const expected = concessions(s, 'cede-for-aid', { limit: 10, anticipate: true });
    expect(expected.size).toBe(1);
    const initial = initialState(s, null, true);
    expect(shownDocuments(initial)[0]!.id).toBe('cede-for-aid');
    const ui = await explore(file, { columns: 100, rows: 30 }, { initial });
    unmount = ui.unmount;
    await ui.press('a', 'c');
    const frame = await ui.waitFor('smallest set');
    expect(frame).toContain(`${expected.count} smallest set${expected.count === 1 ? '' : 's'} of 1 change`);
    for (const c of expected.solutions[0]!.changes)
      expect(frame).toContain(s.issues[c.issue]!.options[c.to]!.label);
  });
});
