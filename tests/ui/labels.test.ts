// Labels, never ids, on the play screen: the inject list, what an inject did, what a rewind undid.
import { describe, expect, it } from 'vitest';
import { injectStep } from '../../src/ui/state/inject-menu.ts';
import { startGame, step } from '../../src/ui/state/play.ts';
import { openPlay, playReducer } from '../../src/ui/state/play-view.ts';
import { scenario } from './render.tsx';

describe('the play screen in words', () => {
  const s = scenario('ukraine-peace');
  const started = () => openPlay(step(startGame(s, {})), 'ukraine-peace', 0);

  it('should list the manual events by their titles only', () => {
    const menu = injectStep(started().game, [], true);
    expect(menu.kind).toBe('menu');
    if (menu.kind !== 'menu') return;
    for (const e of s.events.filter((x) => 'manual' in x.trigger)) {
      const row = menu.choices.find((c) => c.value === `event:${e.id}`)!;
      expect(row.label).toBe(e.title);
    }
  });

  it('should say which red line an actor dropped in its words, and name a rewound inject by its title', () => {
    const russia = s.actors.find((a) => a.id === 'russia')!;
    const red = russia.redLines[0]!;
    const dropped = playReducer(started(), {
      type: 'inject-effect',
      effect: { kind: 'drop-red-line', actor: 'russia', redLine: red.id },
    });
    expect(dropped.notice).toBe(`injected: Russia drops its red line: ${red.text} (ad hoc)`);
    expect(playReducer(dropped, { type: 'rewind' }).notice).toBe(
      'rewound: the ad-hoc inject (a red line dropped)',
    );
    const event = s.events.find((x) => 'manual' in x.trigger)!;
    const fired = playReducer(started(), { type: 'inject', event: event.id });
    expect(playReducer(fired, { type: 'rewind' }).notice).toBe(`rewound: the inject "${event.title}"`);
  });
});
