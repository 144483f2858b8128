// Whether any run of outcomes could sign (engine/signable.ts), over small random scenarios with random events that
// drop red lines — scheduled, blame-triggered, manual and injected or not: whenever it says no run can sign, no run
// signs, for several master seeds; when nothing is feasible at the start but an event can drop a red line, no run
// signs before such an event can fire. The CSV summary and the text say what the field says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryIo, palette } from '../../src/cli/io.ts';
import { signableLines } from '../../src/cli/signable-words.ts';
import { brokenConstraints } from '../../src/domain/evaluate.ts';
import type { PlannedEvent } from '../../src/engine/inject-text.ts';
import type { OutcomeRun } from '../../src/engine/outcomes.ts';
import { runOutcomes } from '../../src/engine/outcomes-result.ts';
import { signability } from '../../src/engine/signable.ts';
import { outcomesSummaryCsv } from '../../src/report/exports/outcomes.ts';
import { compileScenario } from '../../src/scenario/compile.ts';
import type { EventInput } from '../../src/scenario/schema.ts';
import { scenarioInput } from '../analysis/arbitraries.ts';
import { allPackages } from '../analysis/oracle.ts';
import { csvRecords } from '../csv-reader.ts';
import { BOTS } from './arb-run.ts';

const arbCase = fc.gen().map((g) => {
  const input = scenarioInput(g, { maxIssues: 4, maxPackages: 200, redLines: [0, 1, 1, 2, 3] });
  const maxRounds = g(fc.integer, { min: 1, max: 8 });
  const redLines = input.actors.flatMap((a) => (a.redLines ?? []).map((r) => ({ actor: a.id, id: r.id })));
  const events: EventInput[] = redLines
    .filter(() => g(fc.boolean))
    .map((r, k) => {
      const kind = g(fc.integer, { min: 0, max: 2 });
      return {
        id: `drop-${k}`,
        title: `Drop ${r.actor}'s ${r.id}`,
        trigger:
          kind === 0
            ? { round: g(fc.integer, { min: 1, max: 8 }) }
            : kind === 1
              ? { manual: true as const }
              : { blame: { actor: r.actor, atLeast: g(fc.integer, { min: 1, max: 2 }) } },
        effects: [{ kind: 'drop-red-line' as const, actor: r.actor, redLine: r.id }],
      } as EventInput;
    });
  const injects: PlannedEvent[] = events
    .filter((e) => 'manual' in e.trigger && g(fc.boolean))
    .map((e) => ({ event: e.id, round: g(fc.integer, { min: 1, max: maxRounds }) }));
  const strategies = Object.fromEntries(
    input.actors.map((a) => [a.id, { kind: g(fc.constantFrom, ...BOTS) }]),
  );
  return { scenario: compileScenario({ ...input, events }), maxRounds, injects, strategies };
});

describe('signability of the runs of outcomes (property)', () => {
  it('should sign no run where it says none can, nor before a red line can be dropped', () => {
    const seen = { never: 0, neverWithDrops: 0, signedAfterDrop: 0, signed: 0 };
    fc.assert(
      fc.property(arbCase, ({ scenario, maxRounds, injects, strategies }) => {
        // the earliest round each event can fire in: its own, the one after a blame, or its first inject
        const firstRound = (event: string) => {
          const trigger = scenario.events.find((e) => e.id === event)!.trigger;
          if ('round' in trigger) return trigger.round;
          if ('blame' in trigger) return 2;
          return Math.min(...injects.filter((p) => p.event === event).map((p) => p.round));
        };
        for (const seed of [1, 2, 3]) {
          const runs: OutcomeRun[] = [];
          const options = { draws: 3, seed, run: { maxRounds, strategies }, injects };
          const result = runOutcomes(scenario, options, (r) => runs.push(r));
          const f = result.feasibility!;
          expect(f.noRunCanSign).toBe(f.feasibleAfterDrops === 0);
          expect(f.feasibleAfterDrops).toBeGreaterThanOrEqual(f.feasibleAtStart);
          const signed = runs.filter((r) => r.outcome === 'signed');
          seen.signed += signed.length;
          if (f.noRunCanSign) {
            expect(signed).toEqual([]);
            seen.never++;
            if (f.drops.length) seen.neverWithDrops++;
          } else if (f.feasibleAtStart === 0) {
            const earliest = Math.min(...f.drops.map((d) => firstRound(d.by)));
            for (const r of signed) expect(r.round).toBeGreaterThanOrEqual(earliest);
            if (signed.length) seen.signedAfterDrop++;
          }
          // the CSV summary and the text say what the field says
          const csv = csvRecords(outcomesSummaryCsv(result)).filter((r) => r.measure === 'feasibility');
          expect(csv.find((r) => r.statistic === 'no_run_can_sign')?.value).toBe(f.noRunCanSign ? '1' : '0');
          expect(csv.find((r) => r.statistic === 'packages_at_start')?.value).toBe(String(f.feasibleAtStart));
          const text = signableLines(scenario, f, result.parameters, palette(memoryIo())).join('\n');
          expect(text.includes('no run can sign:')).toBe(f.noRunCanSign);
          expect(text.includes('no run can sign before an event drops a red line')).toBe(
            f.feasibleAtStart === 0 && !f.noRunCanSign,
          );
        }
      }),
      { numRuns: 100 },
    );
    // the property was not empty: runs that sign, scenarios where none can (some with events that drop red lines),
    // and runs that sign after an event dropped a red line of a conflict at the start
    expect(seen.signed).toBeGreaterThan(0);
    expect(seen.never).toBeGreaterThan(0);
    expect(seen.neverWithDrops).toBeGreaterThan(0);
    expect(seen.signedAfterDrop).toBeGreaterThan(0);
  });
});

describe('the smallest sets of events that open a package (property, against brute force)', () => {
  it('should list exactly the minimal sets of events whose drops leave a package feasible, each with its count', () => {
    let searched = 0;
    let several = 0;
    fc.assert(
      fc.property(arbCase, ({ scenario, maxRounds, injects }) => {
        const f = signability(scenario, maxRounds, injects)!;
        if (f.feasibleAtStart > 0 || f.noRunCanSign) {
          expect(f.openers).toBeNull();
          return;
        }
        const sources = [...new Set(f.drops.map((d) => d.by))];
        // every package of the outcome space, counted against the parties' red lines left and the rules
        const packages = allPackages(scenario);
        const feasibleWith = (by: readonly string[]) => {
          const dropped = f.drops.filter((d) => by.includes(d.by));
          const kept = scenario.protocol.parties.flatMap((a) =>
            scenario.actors[a]!.redLines.filter(
              (c) => !dropped.some((d) => d.actor === scenario.actors[a]!.id && d.redLine === c.id),
            ),
          );
          return packages.filter((p) => brokenConstraints([...kept, ...scenario.rules], p).length === 0)
            .length;
        };
        const subsets = Array.from({ length: 2 ** sources.length - 1 }, (_, k) =>
          sources.filter((_, q) => (k + 1) & (1 << q)),
        );
        const opening = subsets.filter((set) => feasibleWith(set) > 0);
        const minimal = opening.filter(
          (set) => !opening.some((o) => o.length < set.length && o.every((x) => set.includes(x))),
        );
        const key = (set: readonly string[]) => [...set].sort().join(' + ');
        expect(f.openers!.map((o) => key(o.by)).sort()).toEqual(minimal.map(key).sort());
        for (const o of f.openers!) expect(o.feasible).toBe(feasibleWith(o.by));
        // by size, then in the order of drops
        const sizes = f.openers!.map((o) => o.by.length);
        expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
        searched++;
        if (f.openers!.some((o) => o.by.length > 1)) several++;
      }),
      { numRuns: 150, seed: 20_261_206 },
    );
    // the property was not empty: cases searched, some where only several events together open a package
    expect(searched).toBeGreaterThan(0);
    expect(several).toBeGreaterThan(0);
  });
});
