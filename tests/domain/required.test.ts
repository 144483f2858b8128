// Who must accept a package: the parties, and the controllers of every issue it moves off the status quo.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredActors } from '../../src/domain/evaluate.ts';
import { arbScenario } from '../analysis/arbitraries.ts';

describe('requiredActors', () => {
  it('should list the parties and the controllers of moved issues, each once, in index order', () => {
    fc.assert(
      fc.property(arbScenario(), fc.gen(), (s, g) => {
        const pkg = Int32Array.from(s.issues, (x) =>
          g(() => fc.integer({ min: 0, max: x.options.length - 1 })),
        );
        const expected = new Set<number>(s.protocol.parties);
        for (const x of s.issues)
          if (pkg[x.index] !== x.statusQuo) for (const a of x.controlledBy) expected.add(a);
        expect(requiredActors(s, pkg)).toEqual([...expected].sort((a, b) => a - b));
      }),
    );
  });

  it('should need only the parties for the status quo', () => {
    fc.assert(
      fc.property(arbScenario(), (s) => {
        const sq = Int32Array.from(s.issues, (x) => x.statusQuo);
        expect(requiredActors(s, sq)).toEqual([...new Set(s.protocol.parties)].sort((a, b) => a - b));
      }),
    );
  });
});
