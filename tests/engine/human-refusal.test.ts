// A move the rules forbid is refused with the reason, on the play screen and by the CLI: every red line it would
// break, not the first of several — a team told of one mends it and is refused again for the next.
import { describe, expect, it } from 'vitest';
import { brokenConstraints, verdictOf } from '../../src/domain/evaluate.ts';
import type { HumanMove } from '../../src/engine/events.ts';
import { awaited, type Game, newGame, refusal, send } from '../../src/engine/game.ts';
import { shipped } from './helpers.ts';

/** Steps the bots until a person must move. */
function toTurn(game: Game): Game {
  let g = game;
  for (let k = 0; k < 200 && awaited(g).length === 0; k++) {
    const sent = send(g, { type: 'STEP' });
    if (!sent.ok) throw new Error(sent.error);
    g = sent.game;
  }
  return g;
}

const bare = (text: string) => text.trim().replace(/\.$/, '');

describe('a move refused for red lines', () => {
  it('should name every red line an acceptance would break (ukraine-peace, Russia on the 20-point text)', () => {
    const s = shipped('ukraine-peace');
    const g = toTurn(newGame(s, { seed: 1, strategies: { russia: { kind: 'human' } } }));
    const russia = s.actors.find((a) => a.id === 'russia')!;
    const broken = verdictOf(s, russia, g.snapshot.context.text).violations;
    // the opening text crosses several of Russia's red lines: the case the refusal must name in full
    expect(broken.length).toBeGreaterThan(1);
    const why = refusal(g, { type: 'HUMAN_MOVE', actor: 'russia', move: { type: 'accept' } });
    expect(why).toContain('cannot accept a text that breaks its red lines — ');
    for (const c of broken) expect(why).toContain(bare(c.text));
  });

  it('should name every red line a proposal would break (istanbul-2022, Ukraine tables Russia’s draft)', () => {
    const s = shipped('istanbul-2022');
    let g = toTurn(newGame(s, { seed: 1, strategies: { ukraine: { kind: 'human' } } }));
    // Ukraine answers the opening draft, then proposes: the draft unchanged crosses several of its red lines
    const rejected = send(g, { type: 'HUMAN_MOVE', actor: 'ukraine', move: { type: 'reject' } });
    if (!rejected.ok) throw new Error(rejected.error);
    g = toTurn(rejected.game);
    expect(awaited(g)[0]?.move).toBe('propose');
    const ukraine = s.actors.find((a) => a.id === 'ukraine')!;
    const broken = brokenConstraints(ukraine.redLines, g.snapshot.context.text);
    expect(broken.length).toBeGreaterThan(1);
    const move: HumanMove = { type: 'propose', terms: {} };
    const why = refusal(g, { type: 'HUMAN_MOVE', actor: 'ukraine', move });
    expect(why).toContain('cannot table a text that breaks its red lines — ');
    for (const c of broken) expect(why).toContain(bare(c.text));
  });
});
