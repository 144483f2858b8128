// Term-sheet patches: written directly (and short-cut for a text that does not change), they are exactly what immer gives.
import fc from 'fast-check';
import { Immer } from 'immer';
import { describe, expect, it } from 'vitest';
import { nextSheet, termPatches, termSheet, termValue } from '../../src/engine/terms.ts';
import { arbScenario } from '../analysis/arbitraries.ts';

// immer as terms.ts used it for every pair of texts, the same ones included
const immer = new Immer({ autoFreeze: false });

describe('termPatches', () => {
  it('should give the patches immer gives, for texts that differ and for the same text', () => {
    const arb = arbScenario().chain((s) => {
      const pkg = fc.tuple(...s.issues.map((x) => fc.integer({ min: 0, max: x.options.length - 1 })));
      return fc.tuple(fc.constant(s), pkg, fc.option(pkg, { freq: 2 }));
    });
    fc.assert(
      fc.property(arb, ([s, a, other]) => {
        const b = other ?? [...a];
        const [, patches, inverse] = immer.produceWithPatches(termSheet(s, a), (draft) => {
          s.issues.forEach((x, i) => {
            if (a[i] !== b[i]) draft[x.id] = termValue(s, i, b[i]!);
          });
        });
        expect(termPatches(s, a, b)).toEqual({ patches, inverse });
      }),
    );
  });
});

describe('nextSheet', () => {
  it('should hand back the sheet before, frozen, for a text entry without patches', () => {
    fc.assert(
      fc.property(arbScenario(), (s) => {
        const before = termSheet(
          s,
          Int32Array.from(s.issues, (x) => x.statusQuo),
        );
        const next = nextSheet(before, { patches: [] });
        expect(next).toBe(before);
        expect(Object.isFrozen(next)).toBe(true);
        // what immer's applyPatches does with no patches: the same object
        expect(immer.applyPatches(before, [])).toBe(before);
      }),
    );
  });
});
