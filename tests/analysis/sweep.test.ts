import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sweep } from '../../src/analysis/sweep.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { ROOT } from '../helpers.ts';

const tutorial = loadScenarioFile(resolve(ROOT, 'scenarios/tutorial-bilateral.yaml'));

describe('sweep', () => {
  it('should give the same numbers for the same seed and different ones for another seed', () => {
    const a = sweep(tutorial, { samples: 2000, seed: 7 });
    const b = sweep(tutorial, { samples: 2000, seed: 7 });
    const c = sweep(tutorial, { samples: 2000, seed: 8 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('should never let an actor accept a document that breaks its red line', () => {
    const r = sweep(tutorial, { samples: 500, seed: 1, documents: ['north-opening'] });
    const south = r.documents[0]!.actors.find((a) => a.actor === 'south')!;
    expect(south.redLinesBroken).toEqual(['no-cession', 'army-floor']);
    expect(south.acceptRate).toBe(0);
  });

  it('should estimate the acceptance rate of a reservation drawn uniformly', () => {
    // south's guarantee weight and reservation are both drawn: its verdict on the compromise must vary
    const r = sweep(tutorial, { samples: 20000, seed: 3, documents: ['mediator-text'] });
    const south = r.documents[0]!.actors.find((a) => a.actor === 'south')!;
    expect(south.acceptRate).toBeGreaterThan(0);
    expect(south.acceptRate).toBeLessThan(1);
    expect(south.minUtility).toBeLessThan(south.maxUtility);
  });

  it('should match the plain verdict when nothing is uncertain', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (seed) => {
        const plain = {
          ...tutorial,
          actors: tutorial.actors.map((a) => ({
            ...a,
            reservation: { ...a.reservation, range: undefined },
            preferences: a.preferences.map((p) => (p ? { ...p, weightRange: undefined } : p)),
          })),
        };
        const r = sweep(plain, { samples: 5, seed });
        expect(r.parameters).toEqual([]);
        r.documents.forEach((d) => {
          const ev = evaluatePackage(plain, tutorial.documents.find((x) => x.id === d.id)!.package);
          expect(d.agreementRate).toBe(ev.agreement ? 1 : 0);
          d.actors.forEach((a, i) => {
            expect(a.acceptRate).toBe(ev.verdicts[i]!.accepts ? 1 : 0);
            expect(a.meanUtility).toBeCloseTo(ev.verdicts[i]!.utility, 12);
          });
        });
      }),
      { numRuns: 20 },
    );
  });
});
