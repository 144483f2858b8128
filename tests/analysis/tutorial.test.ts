// The tutorial scenario, by hand: 5 issues, 270 packages, numbers one can check on paper.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../src/analysis/analyze.ts';
import { countFeasible, feasiblePackages } from '../../src/analysis/feasibility.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { ROOT } from '../helpers.ts';

const s = loadScenarioFile(resolve(ROOT, 'scenarios/tutorial-bilateral.yaml'));
const report = analyzeScenario(s);

describe('tutorial-bilateral, by hand', () => {
  it('should count 270 × ½ (neutral) × ⅔ (no cession) × ⅘ (army ≥ 250k) × ⅔ (neutral needs a guarantee) = 48', () => {
    expect(report.outcomeSpace.size).toBe(270);
    expect(countFeasible(s)).toBe(48);
    expect(report.feasible.count).toBe(48);
    expect([...feasiblePackages(s, { limit: 5 })]).toHaveLength(5);
  });

  it("should put in each actor's ZOPA exactly what its red lines and the rule leave", () => {
    const z = Object.fromEntries(report.zopa.map((r) => [r.issue, r]));
    expect(z.line!.byActor.south).toEqual(['withdraw-2022', 'freeze']);
    expect(z.alliance!.byActor.north).toEqual(['neutral']);
    expect(z.alliance!.byActor.south).toEqual(['nato-path', 'neutral']);
    // north insists on neutrality, and neutrality needs a guarantee: "none" is out for north
    expect(z.guarantee!.byActor.north).toEqual(['consultations', 'art5-like']);
    expect(z['army-cap']!.byActor.south).toEqual([250000, 600000, 800000, 1000000]);
    expect(z['army-cap']!.parties).toEqual([250000, 600000, 800000, 1000000]);
  });

  it('should give each document its verdicts with reasons', () => {
    const [opening, mediator] = report.documents;
    expect(opening!.agreement).toBe(false);
    expect(opening!.verdicts.north!.accepts).toBe(true);
    expect(opening!.verdicts.south!.violations.map((v) => v.redLine)).toEqual(['no-cession', 'army-floor']);
    expect(opening!.ruleViolations.map((v) => v.redLine)).toEqual(['neutral-needs-guarantee']);
    // North: (4·0.6 + 3·1 + 1·(0.6 − 0.5·350/550) + 1·0.6 + 1·0.6) / 10
    expect(mediator!.verdicts.north!.utility).toBeCloseTo(
      (2.4 + 3 + (0.6 - (0.5 * 350) / 550) + 0.6 + 0.6) / 10,
      12,
    );
    // South: (4·0.4 + 2·0.3 + 2·0.7 + 3·0.3 + 1·0.6) / 12 = 5.1 / 12 < 0.45
    expect(mediator!.verdicts.south!.utility).toBeCloseTo(5.1 / 12, 12);
    expect(mediator!.verdicts.south!.accepts).toBe(false);
    expect(mediator!.verdicts.south!.costs[0]!.issue).toBe('line');
  });

  it('should find the Nash solution: freeze, neutral, no cap, Article-5-like pledge, sanctions lifted', () => {
    const nash = report.solutions.nash!;
    expect(nash.package).toEqual({
      line: 'freeze',
      alliance: 'neutral',
      'army-cap': 1000000,
      guarantee: 'art5-like',
      sanctions: 'lifted',
    });
    // north (2.4 + 3 + 0 + 0 + 1) / 10 = 0.64, south (1.6 + 0.6 + 2 + 3 + 0) / 12 = 0.6
    expect(nash.utilities.north).toBeCloseTo(0.64, 12);
    expect(nash.utilities.south).toBeCloseTo(0.6, 12);
    expect(nash.objective).toBeCloseTo((0.64 - 0.55) * (0.6 - 0.45), 12);
    expect(nash.exact).toBe(true);
  });

  it('should find the utilitarian solution (sanctions phased: 0.6 + 0.65 = 1.25) and a 7-point frontier', () => {
    const u = report.solutions.utilitarian!;
    expect(u.package.sanctions).toBe('phased');
    expect(u.objective).toBeCloseTo(1.25, 12);
    expect(report.pareto.exact).toBe(true);
    expect(
      report.pareto.points.map((p) => [p.utilities.north, p.utilities.south].map((x) => x!.toFixed(3))),
    ).toEqual([
      ['0.700', '0.483'],
      ['0.668', '0.550'],
      ['0.650', '0.583'],
      ['0.640', '0.600'],
      ['0.610', '0.633'],
      ['0.600', '0.650'],
      ['0.550', '0.667'],
    ]);
  });

  it('should break the egalitarian tie (min gain 0.1 twice) towards the lexicographically smaller package', () => {
    const e = report.solutions.egalitarian!;
    expect(e.objective).toBeCloseTo(0.1, 12);
    expect(e.package['army-cap']).toBe(600000);
  });
});
