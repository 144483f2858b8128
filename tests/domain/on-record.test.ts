// Positions applied before the record of their date (domain/on-record.ts): what appliedBeforeRecord lists on a small
// fixture, and that the lint of the file (scenario/anachronism.ts) warns of exactly the listed positions that give no
// reason — on random small scenarios and on the shipped ones at random dates (fixed seed).
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AppliedBeforeRecord, appliedBeforeRecord, beforeRecord } from '../../src/domain/on-record.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { anachronisms } from '../../src/scenario/anachronism.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import type { Raw } from '../../src/scenario/crosscheck-context.ts';
import { loadRaw } from '../../src/scenario/include.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import type { ActorInput, EpochInput, ScenarioInput } from '../../src/scenario/schema.ts';
import { ROOT } from '../helpers.ts';

const FIXTURE = resolve(ROOT, 'tests/fixtures/format/held-earlier.yaml');

describe('beforeRecord', () => {
  const dates = new Map([
    ['a', '2023-05'],
    ['b', '2021'],
  ]);
  const dateOf = (id: string) => dates.get(id);
  it('is null when a source is dated on or before the date, or when there is none', () => {
    expect(beforeRecord(['a'], dateOf, '2023-05-01')).toBeNull(); // a partial date is its first day
    expect(beforeRecord(['a', 'b'], dateOf, '2022-01-01')).toBeNull();
    expect(beforeRecord([], dateOf, '2000')).toBeNull();
  });
  it('gives the earliest dated source when all are later, and none when none is dated', () => {
    expect(beforeRecord(['x', 'a', 'b'], dateOf, '2020-12-31')).toEqual({
      earliest: { source: 'b', date: '2021' },
    });
    expect(beforeRecord(['x', 'y'], dateOf, '2030')).toEqual({});
  });
});

describe('appliedBeforeRecord on a fixture', () => {
  const s = loadScenarioFile(FIXTURE);
  it("lists East's positions of spring 2022 that rest on later or undated sources, with the epoch and reason", () => {
    expect(appliedBeforeRecord(s, '2022-03-29')).toEqual([
      { actor: 'east', kind: 'redLine', id: 'no-member', earliest: { source: 's-late', date: '2025-03-01' } },
      {
        actor: 'east',
        kind: 'redLine',
        id: 'keep-line',
        heldEarlier: 'the leaked paper is of the time, though it carries no date',
      },
      {
        actor: 'east',
        kind: 'redLine',
        id: 'no-troops',
        epoch: 'east-2022',
        earliest: { source: 's-late', date: '2025-03-01' },
        heldEarlier: 'the interview recalls what East demanded in 2022',
      },
      // the epoch's preference names no sources: it rests on the epoch's, and the epoch's reason covers it
      {
        actor: 'east',
        kind: 'preference',
        id: 'line',
        epoch: 'east-2022',
        earliest: { source: 's-mid', date: '2023-05' },
        heldEarlier: "the memoir's author took part in the 2022 talks",
      },
    ]);
  });
  it('lists only the undated source in 2025, when the others are on the record', () => {
    expect(appliedBeforeRecord(s, '2025-05-01').map((e) => e.id)).toEqual(['keep-line']);
    // the top-level preference's own reason, not the epoch's, once the epoch has ended — and on its source's day,
    // it is on the record
    expect(appliedBeforeRecord(s, '2024-01-01').find((e) => e.id === 'line')?.heldEarlier).toMatch(
      /^East said/,
    );
    expect(appliedBeforeRecord(s, '2025-03-01').find((e) => e.id === 'line')).toBeUndefined();
  });
});

// ---- the lint warns of exactly the listed positions without a reason ----

/** The position a lint finding points at, as appliedBeforeRecord names it. */
function keyOfFinding(raw: Raw, path: readonly (string | number)[]): string {
  const actor = (raw.actors as Raw[])[path[1] as number]!;
  if (path[2] === 'redLines')
    return `${actor.id}/redLine/${(actor.redLines as Raw[])[path[3] as number]!.id}/`;
  if (path[2] === 'preferences') return `${actor.id}/preference/${path[3]}/`;
  const epoch = (actor.epochs as Raw[])[path[3] as number]!;
  if (path[4] === 'redLines') {
    const added = (epoch.redLines as { add: Raw[] }).add[path[6] as number]!;
    return `${actor.id}/redLine/${added.id}/${epoch.id}`;
  }
  return `${actor.id}/preference/${path[5]}/${epoch.id}`;
}
const keyOf = (e: AppliedBeforeRecord) => `${e.actor}/${e.kind}/${e.id}/${e.epoch ?? ''}`;

/** The lint on `raw` judged at `date` alone, against appliedBeforeRecord at that date. */
function bothAt(raw: Raw, s: Scenario, date: string): { lint: string[]; listed: string[] } {
  const judgedOnce = { ...raw, date, documents: [], record: [] };
  return {
    lint: anachronisms(judgedOnce)
      .map((f) => keyOfFinding(raw, f.path))
      .sort(),
    listed: appliedBeforeRecord(s, date)
      .filter((e) => e.heldEarlier === undefined)
      .map(keyOf)
      .sort(),
  };
}

const DATES = ['2020', '2021-06', '2022-02-24', '2022-10-01', '2023', '2024-03-15', '2025-01-01'];
const SOURCES = ['s0', 's1', 's2', 's3'];
const ISSUES = [
  { id: 'a', options: ['a0', 'a1'] },
  { id: 'b', options: ['b0', 'b1', 'b2'] },
] as const;

/** sources absent, none, or some; a reason or not */
const arbCited = fc.record({
  sources: fc.option(fc.subarray(SOURCES), { nil: undefined }),
  heldEarlier: fc.option(fc.constantFrom('held then', 'a text of the time'), { nil: undefined }),
});
const cited = (c: { sources?: string[] | undefined; heldEarlier?: string | undefined }) => ({
  ...(c.sources === undefined ? {} : { sources: c.sources }),
  ...(c.heldEarlier === undefined ? {} : { heldEarlier: c.heldEarlier }),
});
const redLine = (id: string, c: Parameters<typeof cited>[0]) => ({
  id,
  text: id,
  rule: { issue: 'a', in: ['a0'] },
  ...cited(c),
});

const arbEpoch = (actor: string, k: number): fc.Arbitrary<EpochInput> =>
  fc
    .record({
      from: fc.constantFrom(...DATES),
      until: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
      own: arbCited,
      prefs: fc.subarray([...ISSUES]).chain((issues) => fc.tuple(...issues.map(() => arbCited))),
      drop: fc.subarray(['r0', 'r1']),
      add: fc.option(fc.tuple(fc.constantFrom('r0', 'r1', 'r2'), arbCited), { nil: undefined }),
    })
    .map((e) => ({
      id: `${actor}-e${k}`,
      label: 'an epoch',
      from: e.from,
      ...(e.until === undefined ? {} : { until: e.until }),
      ...cited(e.own),
      preferences: Object.fromEntries(e.prefs.map((c, i) => [ISSUES[i]!.id, { weight: 1, ...cited(c) }])),
      redLines: { drop: e.drop, ...(e.add ? { add: [redLine(...e.add)] } : {}) },
    }));

const arbActor = (id: string): fc.Arbitrary<ActorInput> =>
  fc
    .record({
      prefs: fc.tuple(arbCited, arbCited),
      lines: fc.tuple(arbCited, arbCited),
      epochs: fc.nat({ max: 3 }),
    })
    .chain((a) =>
      fc.tuple(...Array.from({ length: a.epochs }, (_, k) => arbEpoch(id, k))).map((epochs) => ({
        id,
        name: id,
        preferences: Object.fromEntries(
          ISSUES.map((x, i) => [x.id, { weight: 1, values: {}, rationale: 'r', ...cited(a.prefs[i]!) }]),
        ),
        redLines: [redLine('r0', a.lines[0]), redLine('r1', a.lines[1])],
        reservation: { value: 0.5, rationale: 'r' },
        epochs,
      })),
    );

const arbInput: fc.Arbitrary<ScenarioInput> = fc
  .record({
    dates: fc.tuple(...SOURCES.map(() => fc.option(fc.constantFrom(...DATES), { nil: undefined }))),
    actors: fc.tuple(arbActor('x'), arbActor('y')),
  })
  .map(({ dates, actors }) => ({
    id: 'random',
    title: 't',
    summary: 's',
    date: '2030',
    sources: SOURCES.map((id, k) => ({ id, title: id, ...(dates[k] ? { date: dates[k] } : {}) })),
    issues: ISSUES.map((x) => ({
      id: x.id,
      label: x.id,
      options: x.options.map((o) => ({ id: o, label: o })),
      statusQuo: x.options[0],
    })),
    actors: [...actors],
    rules: [],
    documents: [],
    events: [],
    protocol: { kind: 'alternating-offers', parties: ['x', 'y'], maxRounds: 3 },
  }));

describe('the lint warns of exactly the positions applied before the record that give no reason', () => {
  it('on random small scenarios, at every date', () => {
    fc.assert(
      fc.property(arbInput, fc.constantFrom(...DATES, '2022-06-01', '2019'), (input, date) => {
        const { lint, listed } = bothAt(input as unknown as Raw, compileScenario(input), date);
        expect(lint).toEqual(listed);
      }),
      { seed: 20261205, numRuns: 300 },
    );
  });

  const dir = resolve(ROOT, 'scenarios');
  const shipped = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const file = resolve(dir, f);
      return { f, raw: loadRaw(file, new WeakMap()).value as Raw, s: loadScenarioFile(file) };
    });
  it('on the shipped scenarios and the fixture, at random dates, with the reasons taken away', () => {
    const cases = [
      ...shipped,
      { f: 'fixture', raw: loadRaw(FIXTURE, new WeakMap()).value as Raw, s: loadScenarioFile(FIXTURE) },
    ];
    const arbDate = fc
      .date({
        min: new Date('2014-01-01T00:00:00Z'),
        max: new Date('2027-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.nat({ max: cases.length - 1 }), arbDate, (k, date) => {
        const { raw, s } = cases[k]!;
        // with the reasons, the lint is silent where the listed positions all give one
        const { lint, listed } = bothAt(raw, s, date);
        expect(lint).toEqual(listed);
        // without them, the lint warns of every listed position
        const bare = JSON.parse(JSON.stringify(raw, (k, v) => (k === 'heldEarlier' ? undefined : v))) as Raw;
        expect(bothAt(bare, s, date).lint).toEqual(appliedBeforeRecord(s, date).map(keyOf).sort());
      }),
      { seed: 20261205, numRuns: 200 },
    );
  });
});
