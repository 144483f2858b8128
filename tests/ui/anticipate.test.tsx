// tui --anticipate-ratification (on security-triangle: june-2024-terms has no package every party accepts since
// Ukraine's 2024 red line on withdrawal was dated): the analysis screen counts the zone of agreement when negotiators anticipate the
// hurdles (the counts of analysis/ratification-zone.ts, within 80×24), the play setup says the sessions it starts
// assume it and starts them with it; without the option neither screen says a word of it.
import { afterEach, describe, expect, it } from 'vitest';
import { ratificationZone } from '../../src/analysis/ratification-zone.ts';
import { initialState, judgedScenario } from '../../src/ui/state/app.ts';
import { openSetup, setupOptions } from '../../src/ui/state/play-setup.ts';
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
