// Synthetic scenarios for the benchmarks, built in code with a fixed seed.
import type { Scenario } from '../src/domain/types.ts';
import { compileScenario } from '../src/scenario/compile.ts';
import type { ConditionInput, ScenarioInput } from '../src/scenario/schema.ts';

/** mulberry32: a small seeded generator (benchmarks only; src never draws randomness itself). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ifThen(cond: ConditionInput, consequence: ConditionInput): ConditionInput {
  // biome-ignore lint/suspicious/noThenProperty: `then` is a key of the scenario format, never awaited
  return { if: cond, then: consequence };
}

const base = {
  title: 'Synthetic',
  summary: 'A synthetic scenario for benchmarks',
  date: '2025-01-01',
  sources: [],
  rules: [],
  documents: [],
  events: [],
};

/**
 * A GENIUS-like domain: `issues` issues × `values` values, two parties with random linear-additive utilities
 * (random weights, random evaluations scaled so each issue's best is 1), reservations `reservation`.
 */
export function geniusLike(seed: number, issues = 8, values = 5, reservation = 0): Scenario {
  const r = rng(seed);
  const ids = Array.from({ length: issues }, (_, i) => `issue${i}`);
  const actor = (id: string) => ({
    id,
    name: id,
    preferences: Object.fromEntries(
      ids.map((x) => {
        const raw = Array.from({ length: values }, () => r());
        const top = Math.max(...raw);
        return [
          x,
          {
            weight: r(),
            values: Object.fromEntries(raw.map((v, k) => [`v${k}`, v / top])),
            rationale: 'random',
          },
        ];
      }),
    ),
    reservation: { value: reservation, rationale: 'random' },
  });
  const input: ScenarioInput = {
    ...base,
    id: 'genius-like',
    issues: ids.map((id) => ({
      id,
      label: id,
      options: Array.from({ length: values }, (_, k) => ({ id: `v${k}`, label: `value ${k}` })),
      statusQuo: 'v0',
    })),
    actors: [actor('agent-a'), actor('agent-b')],
    protocol: { kind: 'alternating-offers', parties: ['agent-a', 'agent-b'], maxRounds: 100 },
  };
  return compileScenario(input);
}

/**
 * A scenario shaped like the Russia–Ukraine one: `issues` issues of 3–5 options, four actors (`parties` of them
 * parties, the others controlling a few issues), unary and pairwise red lines, linkage rules.
 */
export function ukraineLike(seed: number, issues = 22, parties = 2): Scenario {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const ids = Array.from({ length: issues }, (_, i) => `issue${i}`);
  const sizes = ids.map(() => int(3, 5));
  const opt = (_issue: number, k: number) => `o${k}`;
  const actorIds = ['russia', 'ukraine', 'us', 'europe'];
  const someOptions = (i: number, keep: number) => {
    const all = Array.from({ length: sizes[i]! }, (_, k) => opt(i, k));
    return all.filter(() => r() < keep).slice(0, sizes[i]! - 1);
  };
  const lit = (i: number): ConditionInput => {
    const inn = someOptions(i, 0.6);
    return { issue: ids[i]!, in: inn.length ? inn : [opt(i, 0)] };
  };
  const redLine = (id: string, k: number) => {
    const i = int(0, issues - 1);
    const j = int(0, issues - 1);
    const rule: ConditionInput =
      r() < 0.5 || i === j
        ? { issue: ids[i]!, not_in: [opt(i, int(0, sizes[i]! - 1))] }
        : ifThen(lit(i), lit(j));
    return { id: `${id}-${k}`, text: `${id} red line ${k}`, rule };
  };
  const input: ScenarioInput = {
    ...base,
    id: 'ukraine-like',
    issues: ids.map((id, i) => ({
      id,
      label: id,
      options: Array.from({ length: sizes[i]! }, (_, k) => ({ id: opt(i, k), label: `option ${k}` })),
      statusQuo: opt(i, int(0, sizes[i]! - 1)),
      ...(i % 7 === 3 ? { controlledBy: ['europe'] } : i % 9 === 5 ? { controlledBy: ['us'] } : {}),
    })),
    actors: actorIds.map((id, a) => ({
      id,
      name: id,
      preferences: Object.fromEntries(
        ids.map((x, i) => [
          x,
          {
            weight: r() ** 2,
            values: Object.fromEntries(Array.from({ length: sizes[i]! }, (_, k) => [opt(i, k), r()])),
            rationale: 'random',
          },
        ]),
      ),
      redLines: Array.from({ length: a < 2 ? 4 : 2 }, (_, k) => redLine(id, k)),
      reservation: { value: 0.35 + 0.1 * r(), rationale: 'random' },
    })),
    rules: Array.from({ length: 4 }, (_, k) => {
      const i = int(0, issues - 1);
      const j = (i + int(1, issues - 1)) % issues;
      return { id: `rule-${k}`, text: `rule ${k}`, rule: ifThen(lit(i), lit(j)) };
    }),
    protocol: { kind: 'mediated-single-text', parties: actorIds.slice(0, parties), maxRounds: 20 },
  };
  return compileScenario(input);
}
