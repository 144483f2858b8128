// The zone of agreement when negotiators anticipate ratification, against brute force on small random scenarios
// with random hurdles: the exact counts of packages every party accepts, and of those that also clear every hurdle
// they meet, are the counts of a pass over every package judged by the domain's own rules (the hurdle conditions read
// by the test's own oracle, not the compiled masks).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratificationZone } from '../../src/analysis/ratification-zone.ts';
import { brokenConstraints } from '../../src/domain/evaluate.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { utility } from '../../src/domain/utility.ts';
import { allPackages } from './oracle.ts';
import { arbCase, meets, SEED } from './ratified-arbitraries.ts';

/** Every party keeps its red lines and the rules, and finds the package worth its value of no deal. */
function everyPartyAccepts(s: Scenario, pkg: Int32Array): boolean {
  if (brokenConstraints(s.rules, pkg).length) return false;
  return s.protocol.parties.every((p) => {
    const a = s.actors[p]!;
    return (
      brokenConstraints(a.redLines, pkg).length === 0 &&
      utility(a, s.offsets, pkg) >= a.reservation.value - 1e-12
    );
  });
}

describe('the zone of agreement under anticipated ratification, against brute force', () => {
  it('should count the accepted packages, and those clearing every hurdle they meet, exactly', () => {
    let binding = 0;
    fc.assert(
      fc.property(
        arbCase,
        fc.boolean(),
        fc.integer({ min: 1, max: 9 }),
        ({ scenario, conditions }, low, tenth) => {
          // half the cases without red lines or rules, with no reservation and thresholds between 0.1 and 0.9, so that many packages are accepted
          // and the hurdles decide
          const s: Scenario = low
            ? {
                ...scenario,
                rules: [],
                actors: scenario.actors.map((a) => ({
                  ...a,
                  redLines: [],
                  reservation: { ...a.reservation, value: 0 },
                })),
                // thresholds inside the utilities' range (the random ones sit mostly at 0 or 1)
                ratifications: scenario.ratifications.map((r, k) => ({
                  ...r,
                  threshold: { ...r.threshold, value: ((tenth + 3 * k) % 9) / 10 + 0.1 },
                })),
              }
            : scenario;
          let accepted = 0;
          let clearing = 0;
          for (const pkg of allPackages(s)) {
            if (!everyPartyAccepts(s, pkg)) continue;
            accepted++;
            const clears = s.ratifications.every(
              (r, k) =>
                !meets(s, conditions[k]!, pkg) ||
                utility(s.actors[r.actor]!, s.offsets, pkg) >= r.threshold.value - 1e-12,
            );
            if (clears) clearing++;
          }
          const zone = ratificationZone(s);
          expect(zone).toEqual({ accepted, clearing });
          if (clearing < accepted) binding++;
        },
      ),
      { seed: SEED, numRuns: 150, verbose: true },
    );
    // the hurdles ruled packages out in a good share of the cases, not only in none
    expect(binding).toBeGreaterThan(20);
  });

  it('should say nothing for a scenario without hurdles', () => {
    fc.assert(
      fc.property(arbCase, ({ scenario }) => {
        expect(ratificationZone({ ...scenario, ratifications: [] })).toBeNull();
      }),
      { seed: SEED, numRuns: 10 },
    );
  });
});
