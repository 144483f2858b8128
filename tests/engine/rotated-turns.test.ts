// Who proposes first when three or more parties take turns: each other party first is an item, the parties' list
// rotated so that the scenario's cyclic order stays (tests/engine/turns-hinge.test.ts has two parties). Whatever
// the numbers: an item is listed exactly when a run made here, with the list rotated by this test, ends otherwise;
// and no set the search tries or names holds two rotations, which are alternatives.
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HingeItem } from '../../src/analysis/hinge-items.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { firstTurn, proposerOf } from '../../src/domain/protocol.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { outcomeHinges, playOutcome, restsOn, runItems } from '../../src/engine/hinges.ts';
import type { RunOptions } from '../../src/engine/options.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { ROOT } from '../helpers.ts';

const FIXTURE = resolve(ROOT, 'tests/fixtures/hinges/rotated-turns.yaml');

async function cli(argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/**
 * Every rotation of the parties' list but the scenario's own, built here rather than by the items: the actor id
 * that proposes first in it, and the scenario with it.
 */
function rotations(s: Scenario): { first: string; scenario: Scenario }[] {
  const parties = s.protocol.parties;
  return parties.slice(1).map((_, j) => {
    const list = [...parties.slice(j + 1), ...parties.slice(0, j + 1)];
    const scenario = { ...s, protocol: { ...s.protocol, parties: list } };
    return { first: s.actors[proposerOf(scenario, firstTurn(scenario))]!.id, scenario };
  });
}

const isTurns = (x: { id: string }) => x.id === 'turns' || x.id.startsWith('turns:');
const turnsIn = (items: readonly HingeItem[], set: readonly string[]) =>
  set.filter((id) => items.some((x) => x.id === id && x.change.kind === 'turns')).length;

/**
 * What the run's search says of the rotations, against runs made here with each: the items, one per other first
 * proposer; "rests on" lists exactly those whose run ends otherwise, with that run's end; no set holds two.
 */
function checkRotations(s: Scenario, options: RunOptions, maxSize: number, budget: number) {
  const outcome = playOutcome(s, options, []);
  const direct = rotations(s).map((x) => ({ first: x.first, end: playOutcome(x.scenario, options, []) }));
  const items = runItems(s, { run: options }).filter(isTurns);
  expect(items.map((x) => x.id).sort()).toEqual(direct.map((x) => `turns:${x.first}`).sort());
  // the order each item names is the one the rotation built here takes, round by round from the first proposal
  for (const x of items) {
    const rotated = rotations(s).find((y) => `turns:${y.first}` === x.id)!.scenario;
    const order = s.protocol.parties.map((_, k) => proposerOf(rotated, firstTurn(rotated) + k));
    expect(x.order).toEqual(order.map((k) => s.actors[k]!.id));
  }
  const r = restsOn(s, { run: options });
  expect(r.outcome).toBe(outcome);
  const listed = r.items.filter(isTurns).map((x) => ({ first: x.order![0]!, end: x.outcomeIfReversed }));
  const changed = direct.filter((x) => x.end !== outcome);
  expect(listed.sort((a, b) => a.first.localeCompare(b.first))).toEqual(
    changed.sort((a, b) => a.first.localeCompare(b.first)),
  );
  // pairs and triples: none holds two rotations, found or counted among the sets tried
  const h = outcomeHinges(s, { run: options, maxSize, budget });
  for (const x of h.hinges) expect(turnsIn(h.items, x.items)).toBeLessThanOrEqual(1);
  const singles = new Set(h.hinges.filter((x) => x.items.length === 1).map((x) => x.items[0]!));
  const n = h.items.length;
  const pairs = h.items.flatMap((x, i) =>
    h.items
      .slice(i + 1)
      .filter((y) => !singles.has(x.id) && !singles.has(y.id) && turnsIn(h.items, [x.id, y.id]) < 2),
  ).length;
  expect(h.sizes.map((c) => c.candidates).slice(0, 2)).toEqual([n, pairs].slice(0, maxSize));
  return { changed: changed.length, unchanged: direct.length - changed.length };
}

describe('three parties whose deal depends on who proposes first', () => {
  const s = loadScenarioFile(FIXTURE);

  it('should list exactly the rotations whose run ends otherwise: one changes the outcome, the other not', () => {
    expect(s.protocol.parties.length).toBe(3);
    expect(checkRotations(s, { seed: 1 }, 3, 100)).toEqual({ changed: 1, unchanged: 1 });
    expect(runItems(s).map((x) => x.id)).toEqual(['turns:q', 'turns:r']);
  });

  it('should run the order its words and --json name', async () => {
    const item = restsOn(s, { run: { seed: 1 } }).items[0]!;
    const rotated = rotations(s).find((x) => x.first === item.order![0])!.scenario;
    const proposals = runHeadless(rotated, { seed: 1 }).snapshot.context.transcript.flatMap((e) =>
      e.kind === 'proposal' ? [e.actor] : [],
    );
    expect(proposals).toEqual(item.order);
    const words = (await cli(['run', FIXTURE])).stdout.replace(/\s+/g, ' ');
    expect(words).toContain(
      `The outcome rests on: [assumption] the turns rotated so that Q proposes first instead of P (Q, R, P in turn) — reversed alone, the run ends in an agreement that clears its ratification at home`,
    );
    expect(words).not.toContain('R proposes first instead of P');
    const j = JSON.parse((await cli(['run', FIXTURE, '--json'])).stdout);
    expect(j.restsOn.items).toEqual([
      {
        id: 'turns:q',
        label: 'the turns rotated so that Q proposes first instead of P (Q, R, P in turn)',
        basis: 'assumption',
        sources: [],
        order: ['q', 'r', 'p'],
        outcomeIfReversed: 'signed-ratified',
      },
    ]);
    const hj = JSON.parse((await cli(['hinges', FIXTURE, '--json'])).stdout);
    expect(hj.outcome.hinges).toEqual([{ items: ['turns:q'], outcome: 'signed-ratified' }]);
    expect(hj.outcome.sizes.map((c: { candidates: number }) => c.candidates)).toEqual([2, 0, 0]);
    expect(hj.items['turns:q'].order).toEqual(['q', 'r', 'p']);
  });
});

const GRID = [0, 0.2, 0.4, 0.6, 0.8, 1];
const STRATEGIES = ['linear', 'conceder', 'boulware', 'tit-for-tat', 'zeuthen', 'hardliner'] as const;

/**
 * Small random scenarios of alternating offers between three or four parties, listed in a random order: one or two
 * issues of three to five options whose values differ between the parties (so who proposes first can matter), an
 * occasional red line, random strategies (assumptions, so items too), an opening text or none, and a ratification
 * hurdle whose threshold tells one signed text from another.
 */
const arbTurns = fc.gen().map((g) => {
  const pick = <T>(items: readonly T[]): T => g(fc.constantFrom, ...items);
  const ids = Array.from({ length: g(fc.integer, { min: 3, max: 4 }) }, (_, k) => `a${k}`);
  const issues = Array.from({ length: g(fc.integer, { min: 1, max: 2 }) }, (_, i) => ({
    id: `i${i}`,
    label: `Issue ${i}`,
    options: Array.from({ length: g(fc.integer, { min: 3, max: 5 }) }, (_, o) => ({
      id: `o${o}`,
      label: `Option ${o}`,
    })),
    statusQuo: 'o0',
  }));
  const optionIds = (i: number) => issues[i]!.options.map((o) => o.id);
  const actors = ids.map((id) => ({
    id,
    name: `Actor ${id}`,
    preferences: Object.fromEntries(
      issues.map((x, i) => [
        x.id,
        {
          weight: pick([1, 2]),
          values: Object.fromEntries(optionIds(i).map((o) => [o, pick(GRID)])),
          rationale: 'r',
        },
      ]),
    ),
    reservation: { value: pick([0, 0.1, 0.2, 0.3]), rationale: 'r' },
    redLines:
      g(fc.integer, { min: 0, max: 3 }) === 0
        ? [{ id: 'red', text: 'A red line', rule: { issue: 'i0', not_in: [pick(optionIds(0))] } }]
        : [],
    strategy: { kind: pick(STRATEGIES) },
  }));
  const opening = g(fc.boolean);
  const input = {
    id: 'random-turns',
    title: 'Random turns',
    summary: 'random alternating offers between three or four parties',
    date: '2025-01-01',
    sources: [{ id: 'src', title: 'A source' }],
    issues,
    actors,
    rules: [],
    documents: opening
      ? [
          {
            id: 'd',
            title: 'The opening text',
            date: '2025-01-01',
            tabledBy: ids[0]!,
            terms: Object.fromEntries(issues.map((x, i) => [x.id, pick(optionIds(i))])),
          },
        ]
      : [],
    events: [],
    ratification: [
      {
        id: 'vote',
        actor: pick(ids),
        label: 'a vote',
        text: 'A vote on any signed text.',
        when: { issue: 'i0', in: optionIds(0) },
        threshold: { value: pick([0.3, 0.4, 0.5, 0.6, 0.7]), rationale: 'r' },
      },
    ],
    protocol: {
      kind: 'alternating-offers',
      parties: g(fc.shuffledSubarray, ids, { minLength: ids.length, maxLength: ids.length }),
      maxRounds: g(fc.integer, { min: 2, max: 6 }),
      ...(opening ? { opening: 'd' } : {}),
    },
  } as ScenarioInput;
  return { s: compileScenario(input), options: { seed: g(fc.integer, { min: 0, max: 2 ** 31 - 1 }) } };
});

describe('the rotations of three or four parties over random scenarios', () => {
  it('should list a rotation iff a direct run with it ends otherwise, and never hold two in one set', () => {
    let changed = 0;
    let unchanged = 0;
    fc.assert(
      fc.property(arbTurns, ({ s, options }) => {
        const c = checkRotations(s, options, 2, 120);
        changed += c.changed;
        unchanged += c.unchanged;
      }),
      { seed: 20261206, numRuns: 80 },
    );
    // the draws meet both answers
    expect([changed > 0, unchanged > 0]).toEqual([true, true]);
  });
});

describe('two parties', () => {
  it('should keep the one item as it was: the list reversed, its words, no order', () => {
    fc.assert(
      fc.property(arbTurns, ({ s }) => {
        const two: Scenario = { ...s, protocol: { ...s.protocol, parties: s.protocol.parties.slice(0, 2) } };
        const [first, second] = [0, 1].map((k) => s.actors[proposerOf(two, firstTurn(two) + k)]!.name);
        expect(runItems(two).filter(isTurns)).toEqual([
          {
            id: 'turns',
            basis: 'assumption',
            sources: [],
            label: `the parties take their turns the other way round (${second} proposes first instead of ${first})`,
            change: { kind: 'turns', parties: [...two.protocol.parties].reverse() },
          },
        ]);
      }),
      { seed: 20261206, numRuns: 60 },
    );
  });
});
