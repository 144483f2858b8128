// Random small scenarios with ratification hurdles, for properties: the analysis' arbitraries, plus one or two
// hurdles whose conditions are read back by an oracle of their own (option ids and values, not compiled masks).
import fc from 'fast-check';
import type { Package, Scenario } from '../../src/domain/types.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import type { ConditionInput, ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioInput } from './arbitraries.ts';

export const SEED = 20261205;

type Gen = fc.GeneratorValue;

/** A random condition in the format's language over the scenario's issues. */
function conditionOf(g: Gen, input: ScenarioInput, depth: number): ConditionInput {
  const issue = input.issues[g(fc.integer, { min: 0, max: input.issues.length - 1 })]!;
  const values: (string | number)[] =
    issue.kind === 'numeric' ? (issue.candidates as number[]) : issue.options.map((o) => o.id);
  const kind = depth === 0 ? 0 : g(fc.integer, { min: 0, max: 3 });
  if (kind === 1) return { any: [conditionOf(g, input, depth - 1), conditionOf(g, input, depth - 1)] };
  if (kind === 2) return { all: [conditionOf(g, input, depth - 1), conditionOf(g, input, depth - 1)] };
  if (kind === 3) return { not: conditionOf(g, input, depth - 1) };
  if (issue.kind === 'numeric' && g(fc.boolean))
    return { issue: issue.id, gte: values[g(fc.integer, { min: 0, max: values.length - 1 })] as number };
  return { issue: issue.id, in: values.filter(() => g(fc.boolean)) };
}

/** The input's condition read directly on option ids and values: the oracle, independent of the compiled masks. */
export function meets(s: Scenario, c: ConditionInput, pkg: Package): boolean {
  if (c.issue !== undefined) {
    const issue = s.issues[s.issueIndex.get(c.issue)!]!;
    const o = issue.options[pkg[issue.index]!]!;
    const v = o.value ?? o.id;
    if (c.in !== undefined && !c.in.some((x) => String(x) === String(v))) return false;
    if (c.gte !== undefined && !(Number(v) >= c.gte)) return false;
    return true;
  }
  if (c.any) return c.any.some((x) => meets(s, x, pkg));
  if (c.all) return c.all.every((x) => meets(s, x, pkg));
  return !meets(s, c.not!, pkg);
}

export interface Case {
  readonly scenario: Scenario;
  readonly conditions: readonly ConditionInput[];
}

export const arbCase: fc.Arbitrary<Case> = fc.gen().map((g) => {
  const input = scenarioInput(g, { maxPackages: 200 });
  const n = g(fc.integer, { min: 1, max: 2 });
  const conditions = Array.from({ length: n }, () => conditionOf(g, input, 2));
  const ratification = conditions.map((when, k) => ({
    id: `body-${k}`,
    actor: input.actors[g(fc.integer, { min: 0, max: input.actors.length - 1 })]!.id,
    label: `body ${k}`,
    text: `body ${k} decides`,
    when,
    threshold: { value: g(fc.double, { min: 0, max: 1, noNaN: true }), rationale: 'random' },
  }));
  return { scenario: compileScenario({ ...input, ratification }), conditions };
});
