// Dated positions: positionsAsOf against an independent oracle — the epochs in force merged by hand into the
// top level of the file, compiled as an ordinary scenario — on random small scenarios (fixed seed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inSpan } from '../../src/domain/dates.ts';
import { brokenConstraints } from '../../src/domain/evaluate.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { utility } from '../../src/domain/utility.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import type { ActorInput, EpochInput, ScenarioInput } from '../../src/scenario/schema.ts';

const ISSUES = [
  { id: 'a', options: ['a0', 'a1', 'a2'] },
  { id: 'b', options: ['b0', 'b1'] },
  { id: 'c', options: ['c0', 'c1', 'c2'] },
] as const;
const DATES = ['2020', '2021-06', '2022-02-24', '2022-10-01', '2023', '2024-03-15'];

const arbValues = (options: readonly string[]) =>
  fc.dictionary(
    fc.constantFrom(...options),
    fc.integer({ min: 0, max: 4 }).map((x) => x / 4),
    { maxKeys: 3 },
  );
const arbRedLine = (id: string) =>
  fc.constantFrom(...ISSUES).chain((issue) =>
    fc.subarray([...issue.options], { minLength: 1 }).map((allowed) => ({
      id,
      text: `${id} holds`,
      rule: { issue: issue.id, in: allowed },
    })),
  );

const arbEpoch = (actor: string, k: number): fc.Arbitrary<EpochInput> =>
  fc
    .record({
      from: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
      until: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
      prefs: fc.subarray([...ISSUES]).chain((issues) =>
        fc.tuple(
          ...issues.map((x) =>
            fc.record({
              issue: fc.constant(x.id),
              weight: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
              values: fc.option(arbValues(x.options), { nil: undefined }),
            }),
          ),
        ),
      ),
      reservation: fc.option(
        fc.integer({ min: 0, max: 10 }).map((x) => x / 10),
        { nil: undefined },
      ),
      drop: fc.subarray(['r0', 'r1']),
      add: fc.option(arbRedLine(`r${k % 2}`), { nil: undefined }),
    })
    .map((e) => ({
      id: `${actor}-e${k}`,
      label: 'an epoch',
      ...(e.from === undefined && e.until === undefined ? { from: '2022' } : {}),
      ...(e.from === undefined ? {} : { from: e.from }),
      ...(e.until === undefined ? {} : { until: e.until }),
      preferences: Object.fromEntries(
        e.prefs.map((p) => [
          p.issue,
          {
            ...(p.weight === undefined ? {} : { weight: p.weight }),
            ...(p.values ? { values: p.values } : {}),
          },
        ]),
      ),
      ...(e.reservation === undefined ? {} : { reservation: { value: e.reservation } }),
      redLines: { drop: e.drop, ...(e.add ? { add: [e.add] } : {}) },
    }));

const arbActor = (id: string): fc.Arbitrary<ActorInput> =>
  fc
    .record({
      values: fc.tuple(...ISSUES.map((x) => arbValues(x.options))),
      weights: fc.tuple(...ISSUES.map(() => fc.integer({ min: 1, max: 4 }))),
      lines: fc.tuple(arbRedLine('r0'), arbRedLine('r1')),
      epochs: fc.array(fc.nat(), { maxLength: 3 }),
      reservation: fc.integer({ min: 0, max: 10 }).map((x) => x / 10),
    })
    .chain((a) =>
      fc.tuple(...a.epochs.map((_, k) => arbEpoch(id, k))).map((epochs) => ({
        id,
        name: id,
        preferences: Object.fromEntries(
          ISSUES.map((x, i) => [x.id, { weight: a.weights[i]!, values: a.values[i]!, rationale: 'r' }]),
        ),
        redLines: [...a.lines],
        reservation: { value: a.reservation, rationale: 'r' },
        epochs,
      })),
    );

/** A scenario of the three issues and these actors (x and y the parties), dated 2030. */
const scenarioOf = (id: string, actors: ScenarioInput['actors']): ScenarioInput => ({
  id,
  title: 't',
  summary: 's',
  date: '2030',
  sources: [],
  issues: ISSUES.map((x) => ({
    id: x.id,
    label: x.id,
    options: x.options.map((o) => ({ id: o, label: o })),
    statusQuo: x.options[0],
  })),
  actors,
  rules: [],
  documents: [],
  events: [],
  protocol: { kind: 'alternating-offers', parties: ['x', 'y'], maxRounds: 3 },
});

const arbInput: fc.Arbitrary<ScenarioInput> = fc
  .tuple(arbActor('x'), arbActor('y'))
  .map((actors) => scenarioOf('random', actors));

/** The oracle: every epoch in force on `date` written into the actor's top level, by hand, in file order. */
function mergedByHand(input: ScenarioInput, date: string): ScenarioInput {
  const actors = input.actors.map((a) => {
    const out = structuredClone({ ...a, epochs: undefined });
    for (const e of a.epochs ?? []) {
      if (!inSpan(date, e)) continue;
      for (const [issue, p] of Object.entries(e.preferences ?? {})) {
        const prev = out.preferences[issue]!;
        out.preferences[issue] = {
          ...prev,
          ...(p.weight === undefined ? {} : { weight: p.weight }),
          values: { ...prev.values, ...(p.values ?? {}) },
        };
      }
      if (e.reservation?.value !== undefined)
        out.reservation = { ...out.reservation, value: e.reservation.value };
      const lines = (out.redLines ?? []).filter((r) => !(e.redLines?.drop ?? []).includes(r.id));
      // an added red line with the id of one in force takes its place; a new one goes last
      for (const r of e.redLines?.add ?? []) {
        const at = lines.findIndex((x) => x.id === r.id);
        if (at >= 0) lines[at] = r;
        else lines.push(r);
      }
      out.redLines = lines;
    }
    return out;
  });
  return { ...input, actors };
}

function* packages(s: Scenario): Generator<number[]> {
  const sizes = s.issues.map((x) => x.options.length);
  const pkg = sizes.map(() => 0);
  for (;;) {
    yield [...pkg];
    let i = 0;
    while (i < pkg.length && ++pkg[i]! === sizes[i]) pkg[i++] = 0;
    if (i === pkg.length) return;
  }
}

describe('positionsAsOf', () => {
  it('should equal the epochs in force merged into the top level by hand, on every package', () => {
    fc.assert(
      fc.property(arbInput, fc.constantFrom(...DATES, '2022-05-01', '2019'), (input, date) => {
        const dated = positionsAsOf(compileScenario(input), date);
        const oracle = compileScenario(mergedByHand(input, date));
        for (const [k, a] of dated.actors.entries()) {
          const b = oracle.actors[k]!;
          expect(a.reservation.value).toBe(b.reservation.value);
          expect(a.redLines.map((r) => r.id)).toEqual(b.redLines.map((r) => r.id));
          for (const pkg of packages(dated)) {
            expect(utility(a, dated.offsets, pkg)).toBeCloseTo(utility(b, oracle.offsets, pkg), 12);
            expect(brokenConstraints(a.redLines, pkg).map((v) => v.redLine)).toEqual(
              brokenConstraints(b.redLines, pkg).map((v) => v.redLine),
            );
          }
        }
      }),
      { numRuns: 200, seed: 7_2025 },
    );
  });

  it('should return the scenario itself when no epoch is in force, and the same object for the same epochs', () => {
    fc.assert(
      fc.property(arbInput, fc.constantFrom(...DATES), fc.constantFrom(...DATES), (input, d1, d2) => {
        const s = compileScenario(input);
        const inForce = (d: string) =>
          input.actors
            .map((a) =>
              (a.epochs ?? [])
                .filter((e) => inSpan(d, e))
                .map((e) => e.id)
                .join(),
            )
            .join('|');
        const a = positionsAsOf(s, d1);
        expect(a === s).toBe(inForce(d1).replaceAll('|', '') === '');
        // memoised by the epochs in force; dating a dated scenario starts from the top level again
        expect(positionsAsOf(s, d2) === a).toBe(inForce(d1) === inForce(d2));
        expect(positionsAsOf(a, d2)).toBe(positionsAsOf(s, d2));
      }),
      { numRuns: 50, seed: 7_2025 },
    );
  });
});

describe('positionsAsOf: the ranges a sweep draws from', () => {
  // x weighs a and b with ranges and has a reservation range; each epoch changes one thing on its own dates
  const input = scenarioOf('ranges', [
    {
      id: 'x',
      name: 'x',
      preferences: {
        a: { weight: 2, weightRange: [1, 3], values: { a1: 1 }, rationale: 'r' },
        b: { weight: 2, weightRange: [1, 3], values: { b1: 1 }, rationale: 'r' },
        c: { weight: 1, values: { c1: 1 }, rationale: 'r' },
      },
      reservation: { value: 0.4, range: [0.3, 0.5], rationale: 'r' },
      epochs: [
        // a weight without a range of its own, values only, and a reservation value
        {
          id: 'weight',
          label: 'w',
          until: '2021',
          preferences: { a: { weight: 5 }, b: { values: { b0: 1 } } },
        },
        { id: 'value', label: 'v', until: '2021', reservation: { value: 0.6 } },
        // a weight and a reservation with ranges of their own; a reservation drift only
        {
          id: 'ranged',
          label: 'r',
          from: '2022',
          until: '2023',
          preferences: { a: { weight: 5, weightRange: [4, 6] } },
          reservation: { range: [0.1, 0.2] },
        },
        { id: 'drift', label: 'd', from: '2023', until: '2024', reservation: { drift: -0.01 } },
      ],
    },
    {
      id: 'y',
      name: 'y',
      preferences: { a: { weight: 1, values: {}, rationale: 'r' } },
      reservation: { value: 0, rationale: 'r' },
    },
  ]);
  const s = compileScenario(input);
  const x = (date: string) => positionsAsOf(s, date).actors[0]!;

  it('should fix a number an epoch sets without a range of its own, and keep the range of one it leaves alone', () => {
    const early = x('2020');
    expect(early.preferences[0]).toMatchObject({ rawWeight: 5 });
    expect(early.preferences[0]!.weightRange).toBeUndefined();
    // b: only its values changed, so its weight is still the uncertain top-level one
    expect(early.preferences[1]!.weightRange).toEqual([1, 3]);
    expect(early.reservation.value).toBe(0.6);
    expect(early.reservation.range).toBeUndefined();
  });

  it("should take an epoch's own ranges, and keep the top level's where it changes something else", () => {
    expect(x('2022-06').preferences[0]!.weightRange).toEqual([4, 6]);
    expect(x('2022-06').reservation.range).toEqual([0.1, 0.2]);
    expect(x('2023-06').reservation).toMatchObject({ value: 0.4, drift: -0.01, range: [0.3, 0.5] });
    expect(x('2030').preferences[0]!.weightRange).toEqual([1, 3]);
  });
});
