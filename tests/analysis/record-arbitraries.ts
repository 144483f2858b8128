// Random small scenarios with a record, for calibration properties: 2–4 discrete issues, 2 actors with random
// weight and reservation ranges (values on a grid of 0.1, weights on a grid of 0.5), sometimes a red line each
// and a red line withheld on a reading,
// 2–5 documents (some terms with recorded variants) and 0–5 recorded reactions.
import fc from 'fast-check';
import type { Scenario } from '../../src/domain/types.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';

const step = (k: number, s: number) => Math.round(k) * s;

/** A random small scenario with a record, as a file gives it (to add to before it is compiled). */
export const arbRecordInput: fc.Arbitrary<ScenarioInput> = fc.gen().map((g) => {
  const nIssues = g(fc.integer, { min: 2, max: 4 });
  const issues = Array.from({ length: nIssues }, (_, i) => ({
    id: `i${i}`,
    label: `Issue ${i}`,
    options: Array.from({ length: g(fc.integer, { min: 2, max: 3 }) }, (_, o) => ({
      id: `o${o}`,
      label: `O${o}`,
    })),
    statusQuo: 'o0',
  }));
  const actors = ['a', 'b'].map((id) => {
    const preferences: ScenarioInput['actors'][number]['preferences'] = {};
    for (const x of issues) {
      const lo = step(g(fc.integer, { min: 1, max: 8 }), 0.5);
      const width = g(fc.boolean) ? step(g(fc.integer, { min: 0, max: 6 }), 0.5) : 0;
      const weight = lo + step(g(fc.integer, { min: 0, max: Math.round(width / 0.5) }), 0.5);
      preferences[x.id] = {
        weight,
        ...(width > 0 ? { weightRange: [lo, lo + width] as [number, number] } : {}),
        values: Object.fromEntries(
          x.options.map((o) => [o.id, step(g(fc.integer, { min: 0, max: 10 }), 0.1)]),
        ),
        rationale: 'random',
      };
    }
    const rlo = step(g(fc.integer, { min: 4, max: 14 }), 0.05);
    const rwidth = step(g(fc.integer, { min: 0, max: 6 }), 0.05);
    const x = issues[g(fc.integer, { min: 0, max: nIssues - 1 })]!;
    const y = issues[g(fc.integer, { min: 0, max: nIssues - 1 })]!;
    return {
      id,
      name: `Actor ${id}`,
      preferences,
      redLines: g(fc.boolean)
        ? [{ id: `${id}-red`, text: 'a red line', rule: { issue: x.id, not_in: ['o1'] } }]
        : [],
      // a red line withheld on a reading, for hinges to restore
      ...(g(fc.boolean)
        ? {
            withheldRedLines: [
              {
                id: `${id}-withheld`,
                text: 'a withheld red line',
                rule: { issue: y.id, not_in: [`o${g(fc.integer, { min: 0, max: y.options.length - 1 })}`] },
                withheld: { basis: 'reading' as const, rationale: 'random' },
              },
            ],
          }
        : {}),
      reservation: {
        value: rlo + step(g(fc.integer, { min: 0, max: Math.round(rwidth / 0.05) }), 0.05),
        ...(rwidth > 0 ? { range: [rlo, rlo + rwidth] as [number, number] } : {}),
        rationale: 'random',
      },
    };
  });
  const documents = Array.from({ length: g(fc.integer, { min: 2, max: 5 }) }, (_, k) => ({
    id: `d${k}`,
    title: `Document ${k}`,
    date: '2025-01-01',
    tabledBy: 'a',
    terms: Object.fromEntries(
      issues.map((x) => {
        const option = () => `o${g(fc.integer, { min: 0, max: x.options.length - 1 })}`;
        const value = option();
        // now and then a contested term: one or two recorded variants (a variant may repeat the value)
        const variants = Array.from({ length: g(fc.constantFrom, 0, 0, 0, 1, 2) }, () => ({
          value: option(),
          sources: ['src'],
        }));
        return [x.id, variants.length ? { value, sources: ['src'], variants } : value];
      }),
    ),
  }));
  const record = Array.from({ length: g(fc.integer, { min: 0, max: 5 }) }, (_, k) => ({
    id: `r${k}`,
    actor: g(fc.boolean) ? 'a' : 'b',
    document: `d${g(fc.integer, { min: 0, max: documents.length - 1 })}`,
    reaction: g(fc.boolean) ? ('accept' as const) : ('reject' as const),
    date: '2025-01-01',
    basis: 'stated' as const,
    sources: ['src'],
    statement: 'random',
  }));
  const input: ScenarioInput = {
    id: 'random',
    title: 'Random',
    summary: 'random',
    date: '2025-01-01',
    sources: [{ id: 'src', title: 'A source' }],
    issues,
    actors,
    rules: [],
    documents,
    events: [],
    protocol: { kind: 'alternating-offers', parties: ['a', 'b'], maxRounds: 5 },
    record,
  };
  return input;
});

/** A random small scenario with a record: values on a grid of 0.1, weights and ranges on a grid of 0.5. */
export const arbRecordScenario: fc.Arbitrary<Scenario> = arbRecordInput.map((input) =>
  compileScenario(input),
);
