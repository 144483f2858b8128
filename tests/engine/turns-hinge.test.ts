// Who proposes first, as a choice the run's outcome may rest on: under alternating offers the order of the
// scenario's parties is the order of their turns, given with no basis or source — the modeller's assumption. The
// run's search tries another party first like any other item (two parties: the list reversed; three or more: each
// other party first, the list rotated — tests/engine/rotated-turns.test.ts); a mediated single text and a
// document's verdicts have no turns.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyItems, type HingeItem } from '../../src/analysis/hinge-items.ts';
import { documentHinges } from '../../src/analysis/hinges.ts';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { firstTurn, proposerOf } from '../../src/domain/protocol.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { playOutcome, restsOn, runItems } from '../../src/engine/hinges.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { ROOT } from '../helpers.ts';

const FIXTURE = resolve(ROOT, 'tests/fixtures/hinges/first-proposer.yaml');

async function cli(argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/** The scenario with its parties listed the other way round, built here rather than by the item. */
const reversed = (s: Scenario): Scenario => ({
  ...s,
  protocol: { ...s.protocol, parties: [...s.protocol.parties].reverse() },
});

/** The actor id of the first proposal a run makes. */
function firstProposer(s: Scenario): string | undefined {
  const t = runHeadless(s, { seed: 1 }).snapshot.context.transcript;
  return t.find((e) => e.kind === 'proposal')?.actor;
}

describe('a run whose outcome turns on who proposes first', () => {
  const s = loadScenarioFile(FIXTURE);

  it('should try the order of the turns, the only item, and find that it decides the outcome', () => {
    const items = runItems(s);
    expect(items.map((x) => x.id)).toEqual(['turns']);
    const [turns] = items;
    // the change is the parties' list reversed, and the label names who then proposes first
    expect(applyItems(s, [turns!]).protocol.parties).toEqual([...s.protocol.parties].reverse());
    expect([firstProposer(s), firstProposer(applyItems(s, [turns!]))]).toEqual(['p', 'q']);
    const r = restsOn(s, { run: { seed: 1 } });
    expect(r.outcome).toBe('signed-unratified');
    expect(r.items).toEqual([
      {
        id: 'turns',
        label: 'the parties take their turns the other way round (Q proposes first instead of P)',
        basis: 'assumption',
        sources: [],
        outcomeIfReversed: 'signed-ratified',
      },
    ]);
    expect(playOutcome(reversed(s), { seed: 1 }, [])).toBe('signed-ratified');
  });

  it("should be named in run's words and --json, and in the hinges command's", async () => {
    const words = (await cli(['run', FIXTURE])).stdout.replace(/\s+/g, ' ');
    expect(words).toContain(
      'The outcome rests on: [assumption] the parties take their turns the other way round (Q proposes first instead of P) — reversed alone, the run ends in an agreement that clears its ratification at home',
    );
    const j = JSON.parse((await cli(['run', FIXTURE, '--json'])).stdout);
    expect(j.restsOn.items.map((x: { id: string }) => x.id)).toEqual(['turns']);
    const h = await cli(['hinges', FIXTURE, '--json']);
    expect(h.code).toBe(0);
    const hj = JSON.parse(h.stdout);
    expect(hj.outcome.hinges).toEqual([{ items: ['turns'], outcome: 'signed-ratified' }]);
    expect(hj.items.turns).toEqual({
      label: 'the parties take their turns the other way round (Q proposes first instead of P)',
      basis: 'assumption',
      sources: [],
    });
    expect((await cli(['hinges', FIXTURE])).stdout.replace(/\s+/g, ' ')).toContain(
      '→ signed, clears its ratification at home: [assumption] the parties take their turns the other way round (Q proposes first instead of P)',
    );
  });

  it('should try each other party first when three parties take turns, the cyclic order kept', () => {
    const r: Scenario = {
      ...s,
      actors: [...s.actors, { ...s.actors[1]!, id: 'r', name: 'R', index: 2 }],
      protocol: { ...s.protocol, parties: [0, 1, 2] },
    };
    const turns = (x: Scenario) => runItems(x).filter((y) => y.change.kind === 'turns');
    // each item's order is the one its run takes: round by round, from the first round of proposals
    const proposers = (x: Scenario, item: HingeItem) => {
      const run = applyItems(x, [item]);
      return [0, 1, 2].map((k) => run.actors[proposerOf(run, firstTurn(run) + k)]!.id);
    };
    expect(turns(r).map((x) => [x.id, x.label, x.order])).toEqual([
      [
        'turns:q',
        'the turns rotated so that Q proposes first instead of P (Q, R, P in turn)',
        ['q', 'r', 'p'],
      ],
      [
        'turns:r',
        'the turns rotated so that R proposes first instead of P (R, P, Q in turn)',
        ['r', 'p', 'q'],
      ],
    ]);
    for (const x of turns(r)) expect(proposers(r, x)).toEqual(x.order);
    // with an opening text the second listed, Q, proposes first (round 2): the others are tried in its place
    const opened: Scenario = { ...r, protocol: { ...r.protocol, opening: 'any' } };
    expect(turns(opened).map((x) => [x.id, x.label, x.order])).toEqual([
      [
        'turns:p',
        'the turns rotated so that P proposes first instead of Q (P, Q, R in turn)',
        ['p', 'q', 'r'],
      ],
      [
        'turns:r',
        'the turns rotated so that R proposes first instead of Q (R, P, Q in turn)',
        ['r', 'p', 'q'],
      ],
    ]);
    for (const x of turns(opened)) expect(proposers(opened, x)).toEqual(x.order);
  });
});

describe('where turns decide nothing', () => {
  it('should not be an item of a mediated single text', () => {
    const s = openScenario('ukraine-peace');
    expect(s.protocol.kind).toBe('mediated-single-text');
    expect(runItems(s).some((x) => x.change.kind === 'turns')).toBe(false);
  });

  it("should not be an item of a document's verdicts, which no turn changes", () => {
    const s = openScenario('tutorial-bilateral');
    expect(s.protocol.kind).toBe('alternating-offers');
    const met = new Map<string, HingeItem>();
    documentHinges(s, new Map(), met);
    expect(met.size).toBeGreaterThan(0);
    expect([...met.values()].some((x) => x.change.kind === 'turns')).toBe(false);
  });
});

const SHIPPED = ['istanbul-2022', 'june-2024-terms', 'tutorial-bilateral', 'divide-the-surplus'];

describe('the shipped alternating-offers scenarios', () => {
  // whatever the numbers say: "rests on" lists the order of the turns exactly when a run with the parties
  // listed the other way round, made here directly, ends otherwise
  for (const id of SHIPPED) {
    it(`should say whether ${id}'s outcome rests on who proposes first, true of a run with the turns reversed`, async () => {
      const s = openScenario(id);
      expect(s.protocol.kind).toBe('alternating-offers');
      expect(runItems(s).map((x) => x.id)).toContain('turns');
      const j = JSON.parse((await cli(['run', id, '--json'])).stdout);
      const other = playOutcome(reversed(s), { seed: j.seed }, []);
      const listed = j.restsOn.items.find((x: { id: string }) => x.id === 'turns');
      expect(j.restsOn.outcome).toBe(playOutcome(s, { seed: j.seed }, []));
      expect(listed?.outcomeIfReversed ?? j.restsOn.outcome).toBe(other);
      const words = (await cli(['run', id])).stdout.replace(/\s+/g, ' ');
      expect(words.includes('the parties take their turns the other way round')).toBe(listed !== undefined);
    });
  }

  it('should be as docs/engine.md says of them: no outcome moves', () => {
    const page = readFileSync(resolve(ROOT, 'docs/engine.md'), 'utf8').replace(/\s+/g, ' ');
    expect(page).toContain(
      'on the four shipped scenarios that use alternating offers (two parties each), at seed 1, the outcome stays as it is',
    );
    for (const id of SHIPPED) {
      const s = openScenario(id);
      expect(s.protocol.parties, id).toHaveLength(2);
      expect(playOutcome(reversed(s), { seed: 1 }, []), id).toBe(playOutcome(s, { seed: 1 }, []));
    }
  });
});
