// Random small scenarios for property tests: 1–5 issues (discrete, or numeric with candidate values), 2–4 actors,
// 1–3 parties, random controllers, random red lines and rules built from the whole constraint language,
// utilities on a coarse grid (so ties happen) or continuous, and reservations that sometimes cut hard.
import fc from 'fast-check';
import type { Scenario } from '../../src/domain/types.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import type { ConditionInput, IssueInput, ScenarioInput } from '../../src/scenario/schema.ts';

export interface Shape {
  readonly minIssues?: number;
  readonly maxIssues?: number;
  readonly maxOptions?: number;
  readonly maxActors?: number;
  readonly maxParties?: number;
  readonly maxPackages?: number;
  /** how many red lines an actor may have, drawn from this list (default: 0, 0, 1, 1, 2) */
  readonly redLines?: readonly number[];
  /** how many rules the scenario may have, drawn from this list (default: 0, 0, 1, 2) */
  readonly rules?: readonly number[];
}

type Gen = fc.GeneratorValue;

function pick<T>(g: Gen, items: readonly T[]): T {
  return items[g(fc.integer, { min: 0, max: items.length - 1 })]!;
}

function subset<T>(g: Gen, items: readonly T[], min = 0): T[] {
  for (;;) {
    const out = items.filter(() => g(fc.boolean));
    if (out.length >= min) return out;
  }
}

interface IssueSketch {
  readonly id: string;
  readonly numeric: boolean;
  /** option ids (discrete) or candidate values (numeric) */
  readonly values: readonly (string | number)[];
}

function leaf(g: Gen, issues: readonly IssueSketch[]): ConditionInput {
  const x = pick(g, issues);
  const form = g(fc.integer, { min: 0, max: x.numeric ? 5 : 2 });
  if (form === 0) return { issue: x.id, is: pick(g, x.values) };
  if (form === 1) return { issue: x.id, in: subset(g, x.values, 1) };
  if (form === 2) return { issue: x.id, not_in: [pick(g, x.values)] };
  const v = pick(g, x.values) as number;
  if (form === 3) return { issue: x.id, gte: v };
  if (form === 4) return { issue: x.id, lt: v };
  return { issue: x.id, gt: v, lte: pick(g, x.values) as number };
}

function condition(g: Gen, issues: readonly IssueSketch[], depth: number): ConditionInput {
  if (depth === 0) return leaf(g, issues);
  const kind = g(fc.integer, { min: 0, max: 6 });
  const sub = () => condition(g, issues, depth - 1);
  switch (kind) {
    case 0:
    case 1:
      return leaf(g, issues);
    case 2:
      return { all: [sub(), sub()] };
    case 3:
      return { any: [sub(), sub(), ...(g(fc.boolean) ? [sub()] : [])] };
    case 4:
      return { not: sub() };
    case 5:
      // biome-ignore lint/suspicious/noThenProperty: `then` is a key of the scenario format, never awaited
      return { if: sub(), then: sub() };
    default:
      // biome-ignore lint/suspicious/noThenProperty: `then` is a key of the scenario format, never awaited
      return { if: sub(), then: sub(), else: sub() };
  }
}

const GRID = [0, 0.25, 0.5, 0.75, 1];

function value(g: Gen, grid: boolean): number {
  return grid ? pick(g, GRID) : g(fc.double, { min: 0, max: 1, noNaN: true });
}

/** Builds a scenario input from random draws. */
export function scenarioInput(g: Gen, shape: Shape = {}): ScenarioInput {
  const maxPackages = shape.maxPackages ?? 600;
  const nIssues = g(fc.integer, { min: shape.minIssues ?? 1, max: shape.maxIssues ?? 5 });
  const issues: IssueSketch[] = [];
  let space = 1;
  for (let i = 0; i < nIssues; i++) {
    const maxK = Math.max(1, Math.min(shape.maxOptions ?? 4, Math.floor(maxPackages / space)));
    if (maxK < 2 && i > 0) break;
    const k = g(fc.integer, { min: Math.min(2, maxK), max: maxK });
    space *= k;
    const numeric = g(fc.integer, { min: 0, max: 3 }) === 0;
    issues.push({
      id: `i${i}`,
      numeric,
      values: numeric
        ? Array.from({ length: k }, (_, o) => (o + 1) * 10)
        : Array.from({ length: k }, (_, o) => `o${o}`),
    });
  }
  const nActors = g(fc.integer, { min: 2, max: shape.maxActors ?? 4 });
  const actorIds = Array.from({ length: nActors }, (_, a) => `a${a}`);
  const parties = subset(g, actorIds, 1).slice(0, shape.maxParties ?? 3);
  const grid = g(fc.boolean);

  const issueInputs: IssueInput[] = issues.map((x) => {
    const controlledBy = g(fc.integer, { min: 0, max: 2 }) === 0 ? [pick(g, actorIds)] : [];
    const common = { id: x.id, label: `Issue ${x.id}`, ...(controlledBy.length ? { controlledBy } : {}) };
    if (x.numeric) {
      const values = x.values as number[];
      return {
        ...common,
        kind: 'numeric' as const,
        unit: 'units',
        range: [values[0]!, values.at(-1)!] as [number, number],
        candidates: values,
        statusQuo: pick(g, values),
      };
    }
    return {
      ...common,
      options: (x.values as string[]).map((id) => ({ id, label: `Option ${id}` })),
      statusQuo: pick(g, x.values) as string,
    };
  });

  const constraint = (prefix: string, k: number) => ({
    id: `${prefix}${k}`,
    text: `${prefix} ${k}`,
    rule: condition(g, issues, g(fc.integer, { min: 0, max: 2 })),
    sources: g(fc.boolean) ? ['src'] : [],
  });

  const actors = actorIds.map((id) => {
    const preferences: ScenarioInput['actors'][number]['preferences'] = {};
    for (const x of issues) {
      if (g(fc.integer, { min: 0, max: 5 }) === 0) continue; // no stated preference on this issue
      const weight = grid ? g(fc.integer, { min: 0, max: 3 }) : g(fc.double, { min: 0, max: 3, noNaN: true });
      if (x.numeric) {
        const values = x.values as number[];
        preferences[x.id] = {
          weight,
          curve: [
            [values[0]!, value(g, grid)],
            [values.at(-1)!, value(g, grid)],
          ],
          rationale: 'random',
        };
      } else {
        preferences[x.id] = {
          weight,
          values: Object.fromEntries((x.values as string[]).map((o) => [o, value(g, grid)])),
          rationale: 'random',
        };
      }
    }
    const nRed = pick(g, shape.redLines ?? [0, 0, 1, 1, 2]);
    return {
      id,
      name: `Actor ${id}`,
      preferences,
      redLines: Array.from({ length: nRed }, (_, k) => constraint(`${id}-red-`, k)),
      reservation: {
        value: grid ? pick(g, [0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5]) : value(g, false) * 0.5,
        rationale: 'random',
      },
    };
  });

  const documents = Array.from({ length: g(fc.integer, { min: 0, max: 2 }) }, (_, k) => ({
    id: `d${k}`,
    title: `Document ${k}`,
    date: '2025-01-01',
    tabledBy: pick(g, actorIds),
    terms: Object.fromEntries(subset(g, issues).map((x) => [x.id, pick(g, x.values)])),
  }));

  return {
    id: 'random',
    title: 'Random',
    summary: 'A random scenario for property tests',
    date: '2025-01-01',
    sources: [{ id: 'src', title: 'A source' }],
    issues: issueInputs,
    actors,
    rules: Array.from({ length: pick(g, shape.rules ?? [0, 0, 1, 2]) }, (_, k) => constraint('rule-', k)),
    documents,
    events: [],
    protocol: { kind: 'alternating-offers', parties, maxRounds: 10 },
  };
}

export function arbScenario(shape: Shape = {}): fc.Arbitrary<Scenario> {
  return fc.gen().map((g) => compileScenario(scenarioInput(g, shape)));
}
