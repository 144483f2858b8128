// The compiled conditions against a second reading of the format (raw-conditions.ts, written from the format doc
// on the raw scenario object): on random small scenarios, every package's broken red lines and rules, and its
// feasibility, are the same by the raw reading, by the compiled masks and by the brute-force oracle.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenConstraints } from '../../src/domain/evaluate.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import type { ConditionInput, ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioInput } from './arbitraries.ts';
import { allPackages, brute } from './oracle.ts';
import { holdsRaw, type RawPackage, type RawValue, rawValues, rawVerdict } from './raw-conditions.ts';

// a longer run, once: RAW_CONDITION_RUNS=10000 RAW_CONDITION_SEED=… npx vitest run --testTimeout=0 <this file>
const SEED = Number(process.env.RAW_CONDITION_SEED ?? 20261205);
const RUNS = Number(process.env.RAW_CONDITION_RUNS ?? 200);

type Gen = fc.GeneratorValue;

const pick = <T>(g: Gen, items: readonly T[]): T => items[g(fc.integer, { min: 0, max: items.length - 1 })]!;

/**
 * What arbitraries.ts does not draw: numbers a document mentions that are no candidate (the format adds them),
 * with contested variants; thresholds between candidates and several bounds in one condition; `is` and `in` on
 * numeric values, `not_in` with several values.
 */
function withEdges(g: Gen, input: ScenarioInput): ScenarioInput {
  const numeric = input.issues.filter((x) => x.kind === 'numeric');
  const documents = [...(input.documents ?? [])];
  for (const x of numeric) {
    if (!g(fc.boolean)) continue;
    const candidates = x.candidates as number[];
    const mentioned = pick(g, candidates) + 5;
    if (mentioned > candidates.at(-1)!) continue;
    const variant = g(fc.boolean) ? pick(g, candidates) + 3 : null;
    documents.push({
      id: `d-extra-${x.id}`,
      title: `Extra ${x.id}`,
      date: '2025-01-01',
      tabledBy: input.actors[0]!.id,
      terms: {
        [x.id]:
          variant !== null && variant <= candidates.at(-1)!
            ? { value: mentioned, variants: [{ value: variant, sources: ['src'] }] }
            : mentioned,
      },
    });
  }
  const values = (id: string): RawValue[] => {
    const issue = input.issues.find((x) => x.id === id)!;
    return [...rawValues({ ...input, documents }, issue)];
  };
  const leaf = (): ConditionInput => {
    const x = pick(g, input.issues);
    const vs = values(x.id);
    if (x.kind !== 'numeric') return { issue: x.id, not_in: vs.filter(() => g(fc.boolean)) as string[] };
    const near = () => (pick(g, vs) as number) + pick(g, [-5, -1, 0, 1, 5]);
    switch (g(fc.integer, { min: 0, max: 3 })) {
      case 0:
        return { issue: x.id, is: pick(g, vs) };
      case 1:
        return { issue: x.id, in: vs.filter(() => g(fc.boolean)) as number[] };
      case 2:
        return { issue: x.id, gte: near(), lt: near() };
      default:
        return { issue: x.id, gt: near(), lte: near() };
    }
  };
  const rule = (k: number) => ({
    id: `edge-${k}`,
    text: `edge ${k}`,
    rule: g(fc.boolean)
      ? leaf()
      : // biome-ignore lint/suspicious/noThenProperty: `then` is a key of the scenario format, never awaited
        { if: leaf(), then: { any: [leaf(), { not: leaf() }] }, ...(g(fc.boolean) ? { else: leaf() } : {}) },
  });
  const extra = Array.from({ length: g(fc.integer, { min: 0, max: 3 }) }, (_, k) => rule(k));
  return { ...input, documents, rules: [...(input.rules ?? []), ...extra] };
}

const arbRaw = fc.gen().map((g) => withEdges(g, scenarioInput(g, { maxPackages: 200 })));

/** The compiled package (option indices) in the file's terms: option ids, or the numbers of numeric issues. */
function rawPackage(s: Scenario, pkg: Int32Array): RawPackage {
  return Object.fromEntries(
    s.issues.map((x, i) => {
      const o = x.options[pkg[i]!]!;
      return [x.id, x.kind === 'numeric' ? o.value! : o.id];
    }),
  );
}

describe('the compiled conditions against the raw reading of the format', () => {
  it('should give every package the same broken red lines, broken rules and feasibility', () => {
    fc.assert(
      fc.property(arbRaw, (input) => {
        const s = compileScenario(input);
        // the same values to choose from, issue by issue
        for (const x of s.issues) {
          const raw = input.issues.find((r) => r.id === x.id)!;
          const compiled = x.options.map((o) => (x.kind === 'numeric' ? o.value! : o.id));
          expect(new Set(compiled), `the values of ${x.id}`).toEqual(rawValues(input, raw));
          expect(compiled.length, `${x.id} lists a value twice`).toBe(new Set(compiled).size);
        }
        const oracle = brute(s);
        allPackages(s).forEach((pkg, k) => {
          const raw = rawPackage(s, pkg);
          const expected = rawVerdict(input, raw);
          const where = `package ${JSON.stringify(raw)}`;
          for (const a of s.actors) {
            const broken = brokenConstraints(a.redLines, pkg).map((v) => v.redLine);
            expect(broken, `${a.id}'s red lines, ${where}`).toEqual(expected.redLines[a.id]);
          }
          const rules = brokenConstraints(s.rules, pkg).map((v) => v.redLine);
          expect(rules, `the rules, ${where}`).toEqual(expected.rules);
          expect(oracle[k]!.feasible, `the oracle's feasibility, ${where}`).toBe(expected.feasible);
        });
      }),
      { seed: SEED, numRuns: RUNS, verbose: true },
    );
  });
});

describe('the raw reading itself', () => {
  // the examples of the format doc's table, one per row, so a slip in the reading shows without the compiler
  const pkg = { alliance: 'neutral', guarantee: 'none', cap: 250000 };
  it.each([
    [{ issue: 'alliance', is: 'neutral' }, true],
    [{ issue: 'alliance', in: ['nato', 'neutral'] }, true],
    [{ issue: 'guarantee', not_in: ['none'] }, false],
    [{ issue: 'cap', gte: 250000, lt: 300000 }, true],
    [{ issue: 'cap', gt: 250000 }, false],
    [{ issue: 'alliance', gte: 1 }, false],
    [
      {
        all: [
          { issue: 'alliance', is: 'neutral' },
          { issue: 'guarantee', is: 'none' },
        ],
      },
      true,
    ],
    [
      {
        any: [
          { issue: 'alliance', is: 'nato' },
          { issue: 'cap', lte: 100000 },
        ],
      },
      false,
    ],
    [{ not: { issue: 'cap', lte: 100000 } }, true],
    // biome-ignore lint/suspicious/noThenProperty: `then` is a key of the scenario format, never awaited
    [{ if: { issue: 'alliance', is: 'neutral' }, then: { issue: 'guarantee', not_in: ['none'] } }, false],
    // biome-ignore lint/suspicious/noThenProperty: `then` is a key of the scenario format, never awaited
    [{ if: { issue: 'alliance', is: 'nato' }, then: { issue: 'guarantee', is: 'x' } }, true],
    [
      {
        if: { issue: 'alliance', is: 'nato' },
        // biome-ignore lint/suspicious/noThenProperty: `then` is a key of the scenario format, never awaited
        then: { issue: 'cap', is: 1 },
        else: { issue: 'cap', is: 250000 },
      },
      true,
    ],
  ])('%j holds: %s', (c, expected) => {
    expect(holdsRaw(c, pkg)).toBe(expected);
  });
});
