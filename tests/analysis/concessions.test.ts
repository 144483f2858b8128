import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concessions } from '../../src/analysis/concessions.ts';
import { PeacesimError, UnknownIdError } from '../../src/domain/errors.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { Scenario as ScenarioSchema } from '../../src/scenario/schema.ts';
import { ROOT } from '../helpers.ts';
import {
  allChangeSets,
  applyChanges,
  buildSmallScenario,
  isAgreement,
  smallShape,
} from './concession-scenarios.ts';

const tutorial = loadScenarioFile(`${ROOT}/scenarios/tutorial-bilateral.yaml`);
const ids = (s: Scenario, changes: readonly { issue: number; to: number }[]) =>
  changes.map((c) => `${s.issues[c.issue]!.id}=${s.issues[c.issue]!.options[c.to]!.id}`).join(' ');

describe('concessions on the tutorial', () => {
  it('should find the four single changes that win South over the mediator text, best Nash product first', () => {
    const r = concessions(tutorial, 'mediator-text');
    expect(r.size).toBe(1);
    expect(r.count).toBe(4);
    expect(r.solutions.map((x) => ids(tutorial, x.changes))).toEqual([
      'guarantee=art5-like',
      'army-cap=1000000',
      'army-cap=800000',
      'sanctions=kept',
    ]);
    // art5-like: North 0.688… − 0.06, South 5.1/12 + 3·0.7/12; Nash = (uN − 0.55)(uS − 0.45)
    const uN = 0.3 + 0.24 + 0.1 * (0.6 - (0.5 * 350) / 550) + 0.06;
    const uS = (5.1 + 2.1) / 12;
    expect(r.solutions[0]!.nash).toBeCloseTo((uN - 0.55) * (uS - 0.45), 12);
    // North tabled the text: the guarantee costs it what consultations were worth to it, 0.1 · 0.6
    expect(r.solutions[0]!.tablerLoss).toBeCloseTo(0.06, 12);
  });

  it('should rank by what the tabling actor gives up when asked', () => {
    const r = concessions(tutorial, 'mediator-text', { rank: 'tabler' });
    const losses = r.solutions.map((x) => x.tablerLoss);
    expect(losses).toEqual([...losses].sort((a, b) => a - b));
    // North, the tabler, gives up least on a larger army: 0.1 · (its value at 600,000 − at 800,000)
    expect(ids(tutorial, r.solutions[0]!.changes)).toBe('army-cap=800000');
    expect(r.solutions[0]!.tablerLoss).toBeCloseTo(0.1 * (0.6 - (0.5 * 350) / 550 - 0.1), 12);
  });

  it("should need three changes to North's opening demands: territory, the army floor and a guarantee", () => {
    const r = concessions(tutorial, 'north-opening');
    expect(r.size).toBe(3);
    for (const x of r.solutions) {
      const changed = x.changes.map((c) => tutorial.issues[c.issue]!.id);
      expect(changed).toEqual(['line', 'army-cap', 'guarantee']);
      expect(evaluatePackage(tutorial, x.package).agreement).toBe(true);
    }
    expect(r.count).toBe(4);
    // ...and none with two: so --max 2 reports the closest instead
    const two = concessions(tutorial, 'north-opening', { max: 2 });
    expect(two.size).toBeNull();
    expect(two.closest.length).toBeGreaterThan(0);
    expect(two.closest[0]!.blockers).toBe(1);
  });

  it('should find that taking an issue back to its status quo drops its controller from the required actors', () => {
    // The text deploys troops that Europe controls; Europe rejects. Nobody gains from withdrawing them, and no red
    // line reads the issue, yet withdrawing them is the one concession that works: Europe's consent is then moot.
    const s = compileScenario(
      ScenarioSchema.parse({
        id: 'controller',
        title: 'controller',
        summary: 'controller',
        date: '2025',
        issues: [
          {
            id: 'troops',
            label: 'European troops',
            controlledBy: ['europe'],
            options: [
              { id: 'none', label: 'none' },
              { id: 'deployed', label: 'deployed' },
            ],
            statusQuo: 'none',
          },
          {
            id: 'deal',
            label: 'deal',
            options: [
              { id: 'a', label: 'a' },
              { id: 'b', label: 'b' },
            ],
            statusQuo: 'a',
          },
        ],
        actors: ['east', 'west', 'europe'].map((id) => ({
          id,
          name: id,
          preferences: {
            troops: { weight: 1, values: { none: 0, deployed: id === 'europe' ? 0 : 1 }, rationale: 'test' },
            deal: { weight: 1, values: { a: 0, b: 1 }, rationale: 'test' },
          },
          reservation: { value: id === 'europe' ? 0.9 : 0.4, rationale: 'test' },
        })),
        documents: [
          {
            id: 'doc',
            title: 'doc',
            date: '2025',
            tabledBy: 'east',
            terms: { troops: 'deployed', deal: 'b' },
          },
        ],
        protocol: { kind: 'alternating-offers', parties: ['east', 'west'], maxRounds: 5 },
      }),
    );
    expect(evaluatePackage(s, s.documents[0]!.package).required).toEqual(['east', 'west', 'europe']);
    const r = concessions(s, 'doc');
    expect(r.size).toBe(1);
    expect(r.solutions.map((x) => ids(s, x.changes))).toEqual(['troops=none']);
    expect(r.solutions[0]!.required).toEqual([0, 1]);
  });

  it('should refuse more than three changes, and unknown documents', () => {
    expect(() => concessions(tutorial, 'mediator-text', { max: 4 })).toThrow(PeacesimError);
    expect(() => concessions(tutorial, 'mediator-text', { max: 4 })).toThrow(/1 to 3 changes/);
    expect(() => concessions(tutorial, 'nope')).toThrow(UnknownIdError);
  });
});

/** Brute force: every set of 1..3 changes, evaluated from scratch. */
function bruteForce(s: Scenario, max: number) {
  const doc = s.documents[0]!;
  const sets = allChangeSets(s, doc.package, max);
  for (let k = 1; k <= max; k++) {
    const working = sets.filter((c) => c.length === k && isAgreement(s, applyChanges(doc.package, c)));
    if (working.length)
      return { size: k, keys: working.map((c) => c.map(([i, o]) => `${i}:${o}`).join(' ')) };
  }
  return { size: null, keys: [] };
}

describe('concessions properties (against brute force on small random scenarios)', () => {
  it('should find exactly the working sets of the smallest size, each an agreement with no working subset', () => {
    let found = 0;
    fc.assert(
      fc.property(smallShape, fc.integer({ min: 1, max: 3 }), (shape, max) => {
        const s = buildSmallScenario(shape);
        const doc = s.documents[0]!;
        const r = concessions(s, 'doc', { max, limit: 100_000 });
        if (evaluatePackage(s, doc.package).agreement) {
          expect(r.alreadyAgreement).toBe(true);
          return;
        }
        const bf = bruteForce(s, max);
        expect(r.size).toBe(bf.size);
        const keys = r.solutions.map((x) => x.changes.map((c) => `${c.issue}:${c.to}`).join(' '));
        expect(keys.sort()).toEqual([...bf.keys].sort());
        expect(r.count).toBe(bf.keys.length);
        for (const x of r.solutions) {
          found++;
          expect(evaluatePackage(s, x.package).agreement).toBe(true);
          // minimal: no proper non-empty subset works (the empty one is the document, which does not)
          const pairs = x.changes.map((c) => [c.issue, c.to] as [number, number]);
          for (let mask = 1; mask < (1 << pairs.length) - 1; mask++) {
            const sub = pairs.filter((_, k) => mask & (1 << k));
            expect(isAgreement(s, applyChanges(doc.package, sub))).toBe(false);
          }
        }
        // ranked: Nash product descending
        for (let k = 1; k < r.solutions.length; k++)
          expect(r.solutions[k - 1]!.nash).toBeGreaterThanOrEqual(r.solutions[k]!.nash);
      }),
      { numRuns: 300 },
    );
    expect(found).toBeGreaterThan(50); // the generator does produce solvable documents
  });

  it('should name the closest set when none works: fewest blockers, then the largest smallest margin', () => {
    let misses = 0;
    fc.assert(
      fc.property(smallShape, fc.integer({ min: 1, max: 2 }), (shape, max) => {
        const s = buildSmallScenario(shape);
        const r = concessions(s, 'doc', { max, limit: 1 });
        if (r.size !== null || r.alreadyAgreement) return;
        misses++;
        const doc = s.documents[0]!;
        let best: { blockers: number; minMargin: number; size: number } | undefined;
        for (const c of allChangeSets(s, doc.package, max)) {
          const ev = evaluatePackage(s, applyChanges(doc.package, c));
          const req = ev.verdicts.filter((v) => ev.required.includes(v.actor));
          const blockers = req.filter((v) => !v.accepts).length + ev.ruleViolations.length;
          const minMargin = Math.min(...req.map((v) => v.margin));
          if (
            !best ||
            blockers < best.blockers ||
            (blockers === best.blockers && minMargin > best.minMargin + 1e-12) ||
            (blockers === best.blockers &&
              Math.abs(minMargin - best.minMargin) <= 1e-12 &&
              c.length < best.size)
          )
            best = { blockers, minMargin, size: c.length };
        }
        if (best === undefined) {
          // every issue has a single option: there is nothing to change, so nothing to name
          expect(r.closest).toEqual([]);
          return;
        }
        const top = r.closest[0]!;
        expect(top.blockers).toBe(best.blockers);
        expect(top.minMargin).toBeCloseTo(best.minMargin, 12);
      }),
      { numRuns: 300 },
    );
    expect(misses).toBeGreaterThan(10);
  });
});
