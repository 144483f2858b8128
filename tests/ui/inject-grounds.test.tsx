// The inject list shows what each event rests on before it fires: the list gave only titles, so a facilitator could
// not see an event's basis, sources or (unconfirmed) until the transcript named them. The selected event reads under
// the list in the words, and with the marks, of the transcript's line once it fires. What each must say is built
// here from the scenario's fields.
import { afterEach, describe, expect, it } from 'vitest';
import { shippedIds } from '../../src/cli/scenarios.ts';
import type { ScenarioEvent } from '../../src/domain/types.ts';
import { playState } from '../../src/ui/state/app.ts';
import { manualEvents, startGame, step } from '../../src/ui/state/play.ts';
import { openPlay } from '../../src/ui/state/play-view.ts';
import { flat, SMALL } from './panes.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

/** The event as the transcript names it: title — description [basis] [sources] (unconfirmed | recall). */
function named(e: ScenarioEvent): string {
  const flag = e.recall ? ' (recall)' : e.confirmed ? '' : ' (unconfirmed)';
  return `${e.title}${e.description ? ` — ${e.description}` : ''}${e.basis === 'stated' ? '' : ` [${e.basis}]`}${
    e.sources.length ? ` [${e.sources.join(', ')}]` : ''
  }${flag}`;
}

const withEvents = shippedIds().filter((id) => manualEvents(scenario(id)).length > 0);

describe('the inject list, before an event fires', () => {
  it('ships scenarios with manual events to check', () => {
    expect(withEvents.length).toBeGreaterThan(0);
  });

  for (const id of withEvents)
    it(`${id} at 80×24: each event's basis, sources and flag under the list, as the transcript says them`, async () => {
      const s = scenario(id);
      const game = step(startGame(s, { seed: 1 }));
      const ui = await explore(id, SMALL, { initial: playState(s, openPlay(game, s.id, 0)) });
      unmount = ui.unmount;
      await ui.press('i');
      await ui.waitFor('Inject an event');
      const events = manualEvents(s);
      for (const [k, e] of events.entries()) {
        if (k > 0) await ui.press(KEY.down);
        const lines = ui.lines();
        expect(lines.length, `${id} ${e.id}`).toBeLessThanOrEqual(SMALL.rows);
        expect(flat(lines), `${id} ${e.id}`).toContain(flat([named(e)]));
      }
      // and fired, the transcript names the last one in the same words
      await ui.press(KEY.enter);
      await ui.waitFor('injected: ');
      expect(flat(ui.lines())).toContain(`Event: ${flat([named(events.at(-1)!)])}`);
    }, 60_000);
});
