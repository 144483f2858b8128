// Small random compiled scenarios for the what-if and concessions properties: discrete and numeric issues, red lines,
// rules, controllers, a stakeholder, one tabled document. Built from a fast-check seed with a tiny PRNG so one
// arbitrary covers the dependent choices (red lines name issues and options that exist).
import fc from 'fast-check';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import { type ConditionInput, Scenario as ScenarioSchema } from '../../src/scenario/schema.ts';

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  return { next, int, pick };
}

export interface SmallScenarioShape {
  readonly issues: number;
  readonly actors: number;
  readonly seed: number;
}

export const smallShape = fc.record({
  issues: fc.integer({ min: 2, max: 5 }),
  actors: fc.integer({ min: 2, max: 3 }),
  seed: fc.integer(),
});

export function buildSmallScenario({ issues, actors, seed }: SmallScenarioShape): Scenario {
  const r = prng(seed);
  const issueDefs = Array.from({ length: issues }, (_, i) => {
    if (r.next() < 0.25) {
      const candidates = [...new Set(Array.from({ length: r.int(2, 3) }, () => r.int(1, 9) * 10))];
      return {
        id: `i${i}`,
        kind: 'numeric' as const,
        label: `issue ${i}`,
        unit: 'units',
        range: [0, 100] as [number, number],
        candidates,
        statusQuo: r.pick(candidates),
      };
    }
    const n = r.int(2, 4);
    return {
      id: `i${i}`,
      kind: 'discrete' as const,
      label: `issue ${i}`,
      options: Array.from({ length: n }, (_, o) => ({ id: `o${o}`, label: `option ${o}` })),
      statusQuo: `o${r.int(0, n - 1)}`,
    };
  });
  const actorIds = Array.from({ length: actors }, (_, a) => `a${a}`);
  const values = (def: (typeof issueDefs)[number]) =>
    def.kind === 'discrete'
      ? def.options.map((o) => o.id)
      : [...def.candidates, def.statusQuo].map((v) => v as number | string);
  const literal = (): ConditionInput => {
    const i = r.int(0, issues - 1);
    const def = issueDefs[i]!;
    if (def.kind === 'numeric' && r.next() < 0.5) return { issue: def.id, gte: r.int(1, 9) * 10 };
    const vs = values(def);
    const allowed = vs.filter(() => r.next() < 0.6);
    return { issue: def.id, in: allowed.length ? allowed : [vs[0]!] };
  };
  const condition = (): ConditionInput => {
    const k = r.next();
    if (k < 0.5) return literal();
    if (k < 0.75) return { any: [literal(), literal()] };
    // biome-ignore lint/suspicious/noThenProperty: `then` is a key of the scenario format, never awaited
    return { if: literal(), then: literal() };
  };
  // controllers: mostly the stakeholder (when there is one), whose consent then matters only for moved issues
  for (const def of issueDefs)
    if (r.next() < 0.35)
      (def as { controlledBy?: string[] }).controlledBy = [
        actors > 2 && r.next() < 0.7 ? actorIds[actors - 1]! : r.pick(actorIds),
      ];

  const input = ScenarioSchema.parse({
    id: 'random',
    title: 'random',
    summary: 'random',
    date: '2025',
    issues: issueDefs,
    actors: actorIds.map((id) => ({
      id,
      name: id,
      preferences: Object.fromEntries(
        issueDefs.map((def) => [
          def.id,
          def.kind === 'discrete'
            ? {
                weight: r.int(0, 4),
                values: Object.fromEntries(def.options.map((o) => [o.id, r.int(0, 10) / 10])),
                rationale: 'random',
              }
            : {
                weight: r.int(0, 4),
                curve: [
                  [0, r.int(0, 10) / 10],
                  [100, r.int(0, 10) / 10],
                ],
                rationale: 'random',
              },
        ]),
      ),
      redLines: Array.from({ length: r.int(0, 2) }, (_, k) => ({
        id: `rl${k}`,
        text: `red line ${k} of ${id}`,
        rule: condition(),
      })),
      reservation: { value: r.int(0, 12) / 20, rationale: 'random' },
    })),
    rules: Array.from({ length: r.int(0, 1) }, (_, k) => ({
      id: `rule${k}`,
      text: `rule ${k}`,
      rule: condition(),
    })),
    documents: [
      {
        id: 'doc',
        title: 'a document',
        date: '2025',
        tabledBy: r.pick(actorIds),
        terms: Object.fromEntries(
          issueDefs.filter(() => r.next() < 0.7).map((def) => [def.id, r.pick(values(def))]),
        ),
      },
    ],
    protocol: { kind: 'alternating-offers', parties: ['a0', 'a1'], maxRounds: 10 },
  });
  return compileScenario(input);
}

/** Every set of 1..max changes to `base` (issue index ascending), as [issue, option] lists. */
export function allChangeSets(s: Scenario, base: ArrayLike<number>, max: number): [number, number][][] {
  const out: [number, number][][] = [];
  const rec = (start: number, acc: [number, number][]) => {
    if (acc.length > 0) out.push(acc);
    if (acc.length === max) return;
    for (let i = start; i < s.issues.length; i++)
      for (let o = 0; o < s.issues[i]!.options.length; o++) if (o !== base[i]) rec(i + 1, [...acc, [i, o]]);
  };
  rec(0, []);
  return out;
}

export function applyChanges(
  base: ArrayLike<number>,
  changes: readonly (readonly [number, number])[],
): Int32Array {
  const pkg = Int32Array.from(base);
  for (const [i, o] of changes) pkg[i] = o;
  return pkg;
}

export const isAgreement = (s: Scenario, pkg: ArrayLike<number>) => evaluatePackage(s, pkg).agreement;
