// The durability of a deal: base + the shifts of the factors whose condition holds, clamped to [0, 1] — checked
// against a direct evaluation of the raw conditions on random scenarios, factors and packages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durabilityOf } from '../../src/domain/durability.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import type { ConditionInput, ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioInput } from '../analysis/arbitraries.ts';
import { memoryFiles } from '../helpers.ts';

type Sheet = Record<string, string | number>;

/** The constraint language read directly on a term sheet: the reference the compiled masks must agree with. */
function holdsRaw(c: ConditionInput, sheet: Sheet): boolean {
  if (c.issue !== undefined) {
    const v = sheet[c.issue]!;
    const eq = (x: string | number) => (typeof v === 'number' ? Number(x) === v : x === v);
    if (c.is !== undefined && !eq(c.is)) return false;
    if (c.in !== undefined && !c.in.some(eq)) return false;
    if (c.not_in?.some(eq)) return false;
    if (typeof v === 'number') {
      if (c.lt !== undefined && !(v < c.lt)) return false;
      if (c.lte !== undefined && !(v <= c.lte)) return false;
      if (c.gt !== undefined && !(v > c.gt)) return false;
      if (c.gte !== undefined && !(v >= c.gte)) return false;
    }
    return true;
  }
  if (c.all) return c.all.every((x) => holdsRaw(x, sheet));
  if (c.any) return c.any.some((x) => holdsRaw(x, sheet));
  if (c.not) return !holdsRaw(c.not, sheet);
  return holdsRaw(c.if!, sheet) ? holdsRaw(c.then!, sheet) : c.else ? holdsRaw(c.else, sheet) : true;
}

function sheetOf(s: Scenario, pkg: readonly number[]): Sheet {
  return Object.fromEntries(
    s.issues.map((x) => {
      const o = x.options[pkg[x.index]!]!;
      return [x.id, x.kind === 'numeric' ? o.value! : o.id];
    }),
  );
}

interface Case {
  readonly input: ScenarioInput;
  readonly pkg: number[];
}

/** A random scenario whose red lines and rules double as durability factors, each with a random shift. */
const arbCase: fc.Arbitrary<Case> = fc.gen().map((g) => {
  const base = scenarioInput(g);
  const conditions = [
    ...base.actors.flatMap((a) => (a.redLines ?? []).map((r) => r.rule)),
    ...base.rules.map((r) => r.rule),
  ];
  const input: ScenarioInput = {
    ...base,
    durability: {
      base: g(fc.double, { min: 0, max: 1, noNaN: true }),
      rationale: 'random',
      factors: conditions.map((when, k) => ({
        id: `f${k}`,
        label: `factor ${k}`,
        when,
        shift: g(fc.double, { min: -1, max: 1, noNaN: true }),
        rationale: 'random',
      })),
    },
  };
  const pkg = base.issues.map((x) =>
    g(fc.integer, { min: 0, max: ('options' in x ? x.options.length : x.candidates.length) - 1 }),
  );
  return { input, pkg };
});

describe('durabilityOf', () => {
  it('should be the base plus the shifts of the factors that hold, clamped to [0, 1]', () => {
    fc.assert(
      fc.property(arbCase, ({ input, pkg }) => {
        const s = compileScenario(input);
        const sheet = sheetOf(s, pkg);
        const d = durabilityOf(s, pkg)!;
        const factors = input.durability!.factors;
        const on = factors.map((f) => holdsRaw(f.when, sheet));
        const expected = Math.min(
          1,
          Math.max(
            0,
            factors.reduce((sum, f, k) => sum + (on[k] ? f.shift : 0), input.durability!.base),
          ),
        );
        expect(d.value).toBeCloseTo(expected, 12);
        expect(d.value).toBeGreaterThanOrEqual(0);
        expect(d.value).toBeLessThanOrEqual(1);
        expect(d.factors.map((f) => f.holds)).toEqual(on);
        expect(d.factors.map((f) => f.shift)).toEqual(factors.map((f) => f.shift));
      }),
      { numRuns: 300 },
    );
  });

  it('should be null for a scenario that states no durability', () => {
    const input = fc.sample(arbCase, { numRuns: 1, seed: 7 })[0]!.input;
    const { durability: _d, ...rest } = input;
    const s = compileScenario(rest as ScenarioInput);
    expect(
      durabilityOf(
        s,
        s.issues.map((x) => x.statusQuo),
      ),
    ).toBeNull();
  });

  it('should read a factor on an omitted issue at that issue’s status quo', () => {
    const base = [
      'id: base',
      'title: Base',
      'summary: Two issues and a durability factor on each.',
      'date: 2025-01-01',
      'issues:',
      '  - { id: a, label: A, options: [{ id: x, label: X }, { id: y, label: Y }], statusQuo: x }',
      '  - { id: b, label: B, options: [{ id: x, label: X }, { id: y, label: Y }], statusQuo: y }',
      'actors:',
      '  - { id: p, name: P, preferences: { a: { weight: 1, values: { x: 1 }, rationale: r } }, reservation: { value: 0, rationale: r } }',
      '  - { id: q, name: Q, preferences: { a: { weight: 1, values: { y: 1 }, rationale: r } }, reservation: { value: 0, rationale: r } }',
      'durability:',
      '  base: 0.5',
      '  rationale: assumed',
      '  factors:',
      '    - { id: on-a, label: a is y, when: { issue: a, is: y }, shift: 0.2, rationale: r }',
      '    - { id: on-b, label: b is y, when: { issue: b, is: y }, shift: -0.3, rationale: r }',
      'protocol: { kind: alternating-offers, parties: [p, q], maxRounds: 3 }',
    ].join('\n');
    const child = ['include: base.yaml', 'id: child', 'title: Child', 'omit: { issues: [b] }'].join('\n');
    const s = loadScenarioFile(
      '/mem/child.yaml',
      memoryFiles({ '/mem/base.yaml': base, '/mem/child.yaml': child }),
    );
    expect(s.issues.map((x) => x.id)).toEqual(['a']);
    // b is fixed at its status quo y: its factor holds whatever the package
    expect(durabilityOf(s, [0])).toEqual({
      value: 0.2,
      base: 0.5,
      factors: [
        { id: 'on-a', shift: 0.2, holds: false, basis: 'assumption' },
        { id: 'on-b', shift: -0.3, holds: true, basis: 'assumption' },
      ],
    });
    expect(durabilityOf(s, [1])!.value).toBeCloseTo(0.4, 12);
    const dropped = loadScenarioFile(
      '/mem/child.yaml',
      memoryFiles({
        '/mem/base.yaml': base,
        '/mem/child.yaml': `${child.replace('omit: { issues: [b] }', 'omit: { issues: [b], durabilityFactors: [on-b] }')}`,
      }),
    );
    expect(dropped.durability!.factors.map((f) => f.id)).toEqual(['on-a']);
  });
});
