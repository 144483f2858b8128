// A person who rejects a text may name the terms to change, or not. When not, the engine records the terms that
// cost the actor most in their place (a mediator takes them; under alternating offers no one reads them): the words
// must not say the team asked for them, nor name a mediator the protocol does not have.
import { describe, expect, it } from 'vitest';
import { openScenario } from '../../src/cli/scenarios.ts';
import { newGame, type Sent, send } from '../../src/engine/game.ts';
import { playOn } from '../../src/engine/headless.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { Narration } from '../../src/report/narration/narration.ts';
import { lineText } from '../../src/report/narration/spans.ts';

const taken = (s: Sent) => {
  if (!s.ok) throw new Error(s.error);
  return s.game;
};

type Verdict = Extract<TranscriptEntry, { kind: 'verdict' }>;

/** The tutorial with South played by a person, whose first answer is a rejection naming `asks`. */
function southRejects(asks?: string[]) {
  const s = openScenario('tutorial-bilateral');
  const start = newGame(s, { seed: 1, strategies: { south: { kind: 'human' } } });
  const waiting = playOn(start, {});
  expect(waiting.waitingFor).toBe('south');
  const game = taken(
    send(waiting.game, {
      type: 'HUMAN_MOVE',
      actor: 'south',
      move: { type: 'reject', ...(asks ? { asks } : {}) },
    }),
  );
  const verdict = game.snapshot.context.transcript.findLast(
    (e): e is Verdict => e.kind === 'verdict' && e.actor === 'south',
  )!;
  return { s, verdict };
}

describe('a person’s rejection and its asks', () => {
  const voices = (s: ReturnType<typeof openScenario>) => [
    new Narration(s),
    new Narration(s, { voice: 'report' }),
    new Narration(s, { voice: 'screen' }),
    new Narration(s, { voice: 'screen', public: true }),
  ];

  it('should say a team that named no terms asked for none, and mark the verdict in --json', () => {
    const { s, verdict } = southRejects();
    expect(verdict.human).toBe(true);
    expect(verdict.asksDefaulted).toBe(true);
    expect(verdict.asks.length).toBeGreaterThan(0);
    for (const n of voices(s)) {
      const words = n.entry(verdict).map(lineText).join(' ');
      // the tutorial is alternating offers: no mediator to take them
      expect(s.protocol.kind).toBe('alternating-offers');
      expect(words).toContain(
        'It names no terms to change; those that cost it most are recorded as its asks:',
      );
      expect(words).not.toContain('mediator');
      expect(words).not.toContain('It asks for changes to');
    }
  });

  it('should say a team that named its terms asked for them', () => {
    const { s, verdict } = southRejects(['army-cap']);
    expect(verdict.asksDefaulted).toBeUndefined();
    expect(verdict.asks.map((a) => a.issue)).toEqual(['army-cap']);
    for (const n of voices(s)) {
      const words = n.entry(verdict).map(lineText).join(' ');
      expect(words).toContain('It asks for changes to Peacetime army cap');
      expect(words).not.toContain('names no terms');
    }
  });
});

describe('a person’s rejection across its red lines, and its asks', () => {
  /** Ukraine-peace with Russia played by a person: the opening text crosses its red lines. */
  function russiaRejects(asks?: string[]) {
    const s = openScenario('ukraine-peace');
    const start = newGame(s, { seed: 1, strategies: { russia: { kind: 'human' } } });
    const waiting = playOn(start, {});
    expect(waiting.waitingFor).toBe('russia');
    const game = taken(
      send(waiting.game, {
        type: 'HUMAN_MOVE',
        actor: 'russia',
        move: { type: 'reject', ...(asks ? { asks } : {}) },
      }),
    );
    const verdict = game.snapshot.context.transcript.findLast(
      (e): e is Verdict => e.kind === 'verdict' && e.actor === 'russia',
    )!;
    expect(verdict.violations.length).toBeGreaterThan(0);
    return { s, verdict };
  }
  const voices = (s: ReturnType<typeof openScenario>) => [
    new Narration(s),
    new Narration(s, { voice: 'report' }),
    new Narration(s, { voice: 'screen' }),
    new Narration(s, { voice: 'screen', public: true }),
  ];

  it('should say which terms the team asked to change, after the red lines it cites', () => {
    const { s, verdict } = russiaRejects(['nato', 'donetsk']);
    expect(verdict.asks.map((a) => a.issue)).toEqual(['nato', 'donetsk']);
    for (const n of voices(s)) {
      const lines = n.entry(verdict).map(lineText);
      expect(lines[0]).toContain('crosses its red lines');
      expect(lines.at(-1)).toMatch(/^It asks for changes to NATO membership( \(0\.\d{3}\))?, Donetsk region/);
    }
  });

  it('should say a team that named none named none, red lines or not', () => {
    const { s, verdict } = russiaRejects();
    expect(verdict.asksDefaulted).toBe(true);
    for (const n of voices(s))
      expect(n.entry(verdict).map(lineText).at(-1)).toContain(
        'It names no terms to change; the mediator takes those that cost it most:',
      );
  });
});

describe('a redraft that meets a person', () => {
  /** Ukraine-peace with both parties played by people who reject every text naming nothing; Russia drops the red
   * line that blocks every text from round 3, so the mediator redrafts towards the frontier. */
  function redrafts() {
    const s = openScenario('ukraine-peace');
    let g = newGame(s, { seed: 1, strategies: { russia: { kind: 'human' }, ukraine: { kind: 'human' } } });
    let dropped = false;
    for (let k = 0; k < 40; k++) {
      const w = playOn(g, {});
      g = w.game;
      if (!w.waitingFor) break;
      if (!dropped && g.snapshot.context.round >= 3) {
        g = taken(
          send(g, {
            type: 'INJECT',
            effect: { kind: 'drop-red-line', actor: 'russia', redLine: 'no-ceasefire-for-referendum' },
          }),
        );
        dropped = true;
      }
      g = taken(send(g, { type: 'HUMAN_MOVE', actor: w.waitingFor, move: { type: 'reject' } }));
    }
    const t = g.snapshot.context.transcript;
    const k = t.findIndex(
      (e) => e.kind === 'revised' && e.changes.some((c) => c.reason?.kind === 'frontier'),
    );
    expect(k).toBeGreaterThan(0);
    return { s, entry: t[k]!, before: t.slice(0, k) };
  }

  it('should not say a team that named no terms asked to change them, nor that it held out for anything', () => {
    const { s, entry, before } = redrafts();
    for (const n of [
      new Narration(s),
      new Narration(s, { voice: 'report' }),
      new Narration(s, { voice: 'screen' }),
      new Narration(s, { voice: 'screen', public: true }),
    ]) {
      const words = n.entry(entry, before).map(lineText).join(' ');
      expect(words).toContain('nearest text');
      expect(words).not.toContain('asked to change');
      expect(words).not.toContain('Russia held out for');
      expect(words).toContain("moving Russia's way some of the terms that cost it most (it named none)");
    }
  });
});
