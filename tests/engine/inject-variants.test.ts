// The run's hinges try the recorded variants of every text the run tables: its opening, the texts of events that
// fire by themselves, and those of the manual events injected into it — once each; and, in alternating offers, the
// order of the parties' turns.
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyItems, variantItems } from '../../src/analysis/hinge-items.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { playOutcome, restsOn, runItems } from '../../src/engine/hinges.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { arbRecordInput } from '../analysis/record-arbitraries.ts';
import { ROOT } from '../helpers.ts';

const fixture = (name: string) => loadScenarioFile(resolve(ROOT, 'tests/fixtures/hinges', name));
const variantIds = (s: Scenario, doc: string) =>
  variantItems(s, s.documents.find((d) => d.id === doc)!).map((x) => x.id);

describe('a contested text that only an inject tables', () => {
  const s = fixture('inject-variant.yaml');
  const injects = [{ event: 'table-d', round: 1 }];

  it('should not be tried in a run that does not inject it', () => {
    // the one item left is who proposes first (alternating offers), which changes nothing here
    expect(runItems(s).map((x) => x.id)).toEqual(['turns']);
    const r = restsOn(s, { run: { seed: 1 } });
    expect(r.outcome).toBe('signed');
    expect(r.tried).toBe(1);
    expect(r.items).toEqual([]);
  });

  it('should be tried in a run that injects it, and found to decide the outcome', () => {
    expect(runItems(s, { injects }).map((x) => x.id)).toEqual(['variant:d:x:1', 'turns']);
    const r = restsOn(s, { run: { seed: 1 }, injects });
    expect(r.outcome).toBe('signed');
    expect(r.items).toEqual([
      {
        id: 'variant:d:x:1',
        label: 'The contested text: X as a recorded variant has it (A → B)',
        basis: 'reading',
        sources: ['report-b'],
        outcomeIfReversed: 'stalemate',
      },
    ]);
    // the change it names is what flips it: the text read as the variant has it, the same inject
    const item = runItems(s, { injects }).find((x) => x.id === 'variant:d:x:1');
    expect(playOutcome(applyItems(s, [item!]), { seed: 1 }, injects)).toBe('stalemate');
  });

  it('should be one item when the text is both the opening and injected', () => {
    const opened: Scenario = { ...s, protocol: { ...s.protocol, opening: 'd' } };
    expect(runItems(opened).map((x) => x.id)).toEqual(['variant:d:x:1', 'turns']);
    expect(runItems(opened, { injects }).map((x) => x.id)).toEqual(['variant:d:x:1', 'turns']);
  });
});

describe('the shipped ukraine-peace with an inject that tables a contested text', () => {
  // ukraine-peace with one invented manual event: Russia's memorandum (route 1), whose ceasefire term has a variant
  const s = fixture('ukraine-memorandum-inject.yaml');
  const memorandum = variantIds(s, 'russia-memorandum-2025');

  it("should try the memorandum's variants in the run that injects it, and only there", () => {
    expect(memorandum).toEqual(['variant:russia-memorandum-2025:ceasefire:1']);
    const plain = runItems(s).map((x) => x.id);
    const injected = runItems(s, { injects: [{ event: 'russia-tables-memorandum', round: 2 }] }).map(
      (x) => x.id,
    );
    for (const id of memorandum) {
      expect(plain).not.toContain(id);
      expect(injected).toContain(id);
    }
    // the rest is the run's items as before, in the same order; the opening's variants among them
    expect(injected.filter((id) => !memorandum.includes(id))).toEqual(plain);
    expect(plain).toEqual(expect.arrayContaining(variantIds(s, s.protocol.opening!)));
    expect(new Set(injected).size).toBe(injected.length);
  });

  it('should leave the items as they are for the shipped inject, whose text has no recorded variant', () => {
    const coalition = s.events.find((e) => e.id === 'coalition-announced')!;
    expect(coalition.effects).toEqual([{ kind: 'table', document: 'coalition-reassurance-force' }]);
    expect(variantIds(s, 'coalition-reassurance-force')).toEqual([]);
    expect(runItems(s, { injects: [{ event: 'coalition-announced', round: 2 }] })).toEqual(runItems(s));
  });
});

/** Random small scenarios with manual events and one that fires by itself, each tabling a random document. */
const arbInjected = fc.tuple(arbRecordInput, fc.gen()).map(([input, g]) => {
  const docs = input.documents.map((d) => d.id);
  const pick = () => docs[g(fc.integer, { min: 0, max: docs.length - 1 })]!;
  const manual = Array.from({ length: g(fc.integer, { min: 1, max: 3 }) }, (_, k) => ({
    id: `m${k}`,
    title: `Manual ${k}`,
    trigger: { manual: true as const },
    effects: [{ kind: 'table' as const, document: pick() }],
  }));
  const timed = g(fc.boolean)
    ? [
        {
          id: 'timed',
          title: 'Timed',
          trigger: { round: g(fc.integer, { min: 1, max: 5 }) },
          effects: [{ kind: 'table' as const, document: pick() }],
        },
      ]
    : [];
  const opening = g(fc.boolean) ? { opening: pick() } : {};
  const s = compileScenario({
    ...input,
    events: [...manual, ...timed],
    protocol: { ...input.protocol, ...opening },
  });
  const injects = manual
    .filter(() => g(fc.boolean))
    .map((e) => ({ event: e.id, round: g(fc.integer, { min: 1, max: 5 }) }));
  return { s, injects };
});

describe("the run's items over random scenarios with injects", () => {
  it('should hold the variants of every text the run tables, each once, and none of a text it cannot table', () => {
    fc.assert(
      fc.property(arbInjected, ({ s, injects }) => {
        const items = runItems(s, { injects }).map((x) => x.id);
        expect(new Set(items).size).toBe(items.length);
        const tabled = new Set(
          runHeadless(s, { seed: 1 }, { injects }).snapshot.context.transcript.flatMap((e) =>
            e.kind === 'tabled' ? [e.document] : [],
          ),
        );
        for (const d of tabled) expect(items).toEqual(expect.arrayContaining(variantIds(s, d)));
        // a text no opening, event or inject of this run names is not on its table, and not tried
        const named = new Set([
          ...(s.protocol.opening ? [s.protocol.opening] : []),
          ...s.events
            .filter((e) => e.id === 'timed' || injects.some((p) => p.event === e.id))
            .flatMap((e) => e.effects.flatMap((f) => (f.kind === 'table' ? [f.document] : []))),
        ]);
        for (const d of s.documents)
          if (!named.has(d.id)) for (const id of variantIds(s, d.id)) expect(items).not.toContain(id);
        // the scenarios are alternating offers between two parties: who proposes first is one item, once
        const runs = runItems(s, { injects });
        expect(runs.filter((y) => y.change.kind === 'turns').map((y) => y.id)).toEqual(['turns']);
        // reversed alone, a variant or the order of the turns flips the outcome exactly when restsOn says so
        const r = restsOn(s, { run: { seed: 1 }, injects });
        for (const x of runs.filter((y) => y.change.kind === 'variant' || y.change.kind === 'turns')) {
          const flips = playOutcome(applyItems(s, [x]), { seed: 1 }, injects) !== r.outcome;
          expect(r.items.some((y) => y.id === x.id)).toBe(flips);
        }
      }),
      { seed: 20261206, numRuns: 60 },
    );
  });
});
