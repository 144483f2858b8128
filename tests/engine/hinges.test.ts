// The run's hinges on a scenario built so that exactly one assumption decides the outcome: the search finds that
// one, and nothing else, and `restsOn` lists it. Alternating offers: the order of the turns is an item too, and
// decides nothing here (no package keeps both stated and assumed red lines, whoever proposes it).
import { describe, expect, it } from 'vitest';
import { applyItems } from '../../src/analysis/hinge-items.ts';
import { outcomeHinges, playOutcome, restsOn, runItems } from '../../src/engine/hinges.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';

const said = { basis: 'stated' as const, sources: ['src'], statement: 'as said' };

/**
 * Two parties, two issues. P insists on x = b (stated); Q's red line keeps x = a (the modeller's assumption), so
 * no package keeps both and the talks stall; without it they sign. Three more labelled choices never matter: P's
 * weight on y (a range), a reading red line of P that every package keeps, and who proposes first.
 */
function decidedByOne(): ScenarioInput {
  const options = [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
  ];
  return {
    id: 'one-hinge',
    title: 'One hinge',
    summary: 'exactly one assumption decides the outcome',
    date: '2025-01-01',
    sources: [{ id: 'src', title: 'A source' }],
    issues: [
      { id: 'x', label: 'X', options, statusQuo: 'a' },
      { id: 'y', label: 'Y', options, statusQuo: 'a' },
    ],
    actors: [
      {
        id: 'p',
        name: 'P',
        preferences: {
          x: { weight: 1, values: { a: 0, b: 1 }, rationale: 'r', ...said },
          y: { weight: 1, weightRange: [1, 2], values: { a: 0, b: 1 }, rationale: 'r', basis: 'assumption' },
        },
        redLines: [
          { id: 'p-x', text: 'X must be B', rule: { issue: 'x', is: 'b' }, ...said },
          {
            id: 'p-y',
            text: 'Y is A or B',
            rule: { issue: 'y', in: ['a', 'b'] },
            basis: 'reading',
            sources: ['src'],
          },
        ],
        reservation: { value: 0.3, rationale: 'r', ...said },
        strategy: { kind: 'linear', ...said },
      },
      {
        id: 'q',
        name: 'Q',
        preferences: {
          x: { weight: 1, values: { a: 1, b: 0.6 }, rationale: 'r', ...said },
          y: { weight: 1, values: { a: 1, b: 1 }, rationale: 'r', ...said },
        },
        redLines: [{ id: 'q-x', text: 'X stays A', rule: { issue: 'x', is: 'a' }, basis: 'assumption' }],
        reservation: { value: 0.5, rationale: 'r', ...said },
        strategy: { kind: 'linear', ...said },
      },
    ],
    rules: [],
    documents: [],
    events: [],
    protocol: { kind: 'alternating-offers', parties: ['p', 'q'], maxRounds: 6 },
  } as ScenarioInput;
}

describe("the run's hinges", () => {
  const s = compileScenario(decidedByOne());

  it('should find exactly the one assumption that decides the outcome', () => {
    const items = runItems(s);
    expect(items.map((x) => x.id).sort()).toEqual([
      'red-line:p:p-y',
      'red-line:q:q-x',
      'turns',
      'weight:p:y',
    ]);
    const h = outcomeHinges(s, { run: { seed: 1 } });
    expect(h.outcome).toBe('stalemate');
    expect(h.hinges).toEqual([{ items: ['red-line:q:q-x'], outcome: 'signed' }]);
    expect(h.complete).toBe(true);
    // every set without it was tried (4 singles, then the three pairs and the one triple that leave it out)
    expect(h.sizes.map((c) => [c.size, c.candidates, c.tried])).toEqual([
      [1, 4, 4],
      [2, 3, 3],
      [3, 1, 1],
    ]);
    // and the change it names is what flips it
    const qx = items.find((x) => x.id === 'red-line:q:q-x')!;
    expect(playOutcome(applyItems(s, [qx]), { seed: 1 }, [])).toBe('signed');
  });

  it('should list it as what the outcome rests on, marked as an assumption', () => {
    const r = restsOn(s, { run: { seed: 1 } });
    expect(r.outcome).toBe('stalemate');
    expect(r.tried).toBe(4);
    expect(r.items).toEqual([
      {
        id: 'red-line:q:q-x',
        label: 'Q: red line dropped — X stays A',
        basis: 'assumption',
        sources: [],
        outcomeIfReversed: 'signed',
      },
    ]);
  });

  it('should stop at the budget and say so', () => {
    const h = outcomeHinges(s, { run: { seed: 1 }, budget: 2 });
    expect(h.tried).toBe(2);
    expect(h.complete).toBe(false);
  });
});
