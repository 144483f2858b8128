// Properties of whole runs on random small scenarios, random strategies and random seeds: the red-line
// invariant, one final state within the round limit, ratified agreements, determinism, and transcripts whose
// immer patches rebuild every text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constrainedDag } from '../../src/agents/optimize.ts';
import { holds } from '../../src/domain/condition.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { stateName } from '../../src/engine/machine.ts';
import { applyTermPatches, packageOf, termSheet } from '../../src/engine/terms.ts';
import { arbRun } from './arb-run.ts';
import { FINAL_STATES, runToEnd } from './helpers.ts';

describe('whole runs on random scenarios', () => {
  it('should keep every acting actor inside its red lines, end once within the rounds, and sign only agreements', () => {
    fc.assert(
      fc.property(arbRun, ({ scenario: s, options }) => {
        const { snapshot, waitingFor } = runToEnd(s, options);
        expect(waitingFor).toBeNull();
        expect(snapshot.status).toBe('done');
        expect(FINAL_STATES).toContain(stateName(snapshot));
        const ctx = snapshot.context;
        expect(ctx.round).toBeGreaterThanOrEqual(1);
        expect(ctx.round).toBeLessThanOrEqual(options.maxRounds!);
        const kinds = ctx.transcript.map((e) => e.kind);
        expect(kinds.filter((k) => k === 'signed' || k === 'stalemate' || k === 'collapsed')).toHaveLength(1);

        const actorOf = (id: string) => s.actors.find((a) => a.id === id)!;
        const keeps = (id: string, pkg: readonly number[]) =>
          actorOf(id).redLines.every((c) => holds(c.condition, pkg));
        const sq = s.issues.map((x) => x.statusQuo);
        let sheet = termSheet(s, sq);
        const text = () => packageOf(s, sheet, sq);
        for (const e of ctx.transcript) {
          if ('patches' in e) sheet = applyTermPatches(sheet, e.patches);
          if (e.kind === 'proposal') expect(keeps(e.actor, text())).toBe(true);
          if (e.kind === 'verdict' && e.accepts) {
            expect(keeps(e.actor, text())).toBe(true);
            expect(e.utility).toBeGreaterThanOrEqual(e.reservation - 1e-12);
          }
          if (e.kind === 'revised') {
            const m = s.actors.findIndex((a) => a.id === e.actor);
            const satisfiable = constrainedDag(s, s.actors[m]!.redLines)!.total > 0;
            if (satisfiable) expect(keeps(e.actor, text())).toBe(true);
          }
        }
        // the patches rebuild the text on the table
        if (ctx.text.length) expect(text()).toEqual(ctx.text);
        if (stateName(snapshot) === 'signed')
          expect(evaluatePackage(s, ctx.text, ctx.reservations).agreement).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('should give the same transcript, byte for byte, for the same scenario, seed and inputs', () => {
    fc.assert(
      fc.property(arbRun, ({ scenario: s, options }) => {
        const a = runToEnd(s, options);
        const b = runToEnd(s, options);
        expect(JSON.stringify(b.snapshot.context)).toBe(JSON.stringify(a.snapshot.context));
        expect(b.inputs).toEqual(a.inputs);
      }),
      { numRuns: 30 },
    );
  });
});
