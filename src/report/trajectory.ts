// The utility trajectories of a run: the transcript replayed round by round — the text each round's verdicts
// answered, every actor's value of no deal and weight edits — so every actor gets a worth per round, asked or not.
import type { Scenario } from '../domain/types.ts';
import { statusQuoPackage, utility } from '../domain/utility.ts';
import type { WeightEdit } from '../engine/context.ts';
import { effectiveScenario } from '../engine/effective.ts';
import { applyTermPatches, packageOf, type TermSheet, termSheet } from '../engine/terms.ts';
import type { TranscriptEntry } from '../engine/transcript.ts';
import type { Trajectory } from './after-action-model.ts';

export /** Replays the texts, values of no deal and weight edits of a transcript, round by round. */
function trajectories(scenario: Scenario, entries: readonly TranscriptEntry[], rounds: number) {
  const sq = statusQuoPackage(scenario);
  let sheet: TermSheet | null = null;
  const reservations = scenario.actors.map((a) => a.reservation.value);
  const weightEdits: WeightEdit[] = [];
  const answered: (TermSheet | null)[] = [];
  const out = scenario.actors.map(() => ({
    utility: [] as (number | null)[],
    noDeal: [] as number[],
    accepts: [] as (boolean | null)[],
  }));
  const proposer = new Map<number, boolean>();
  const close = (
    r: number,
    at: TermSheet | null,
    verdicts: Map<number, { u: number; ok: boolean; res: number }>,
  ) => {
    answered[r - 1] = at;
    const eff = effectiveScenario(scenario, { reservations, weightEdits, redLineEdits: [] });
    const pkg = at ? packageOf(scenario, at, sq) : null;
    out.forEach((t, k) => {
      const v = verdicts.get(k);
      t.utility.push(v ? v.u : pkg ? utility(eff.actors[k]!, scenario.offsets, pkg) : null);
      t.noDeal.push(v ? v.res : reservations[k]!);
      t.accepts.push(v ? v.ok : (proposer.get(k) ?? null));
    });
    proposer.clear();
  };
  let round = 1;
  let atVerdict: TermSheet | null = null;
  let verdicts = new Map<number, { u: number; ok: boolean; res: number }>();
  for (const e of entries) {
    while (e.round > round) {
      close(round, atVerdict ?? sheet, verdicts);
      round++;
      atVerdict = null;
      verdicts = new Map();
    }
    switch (e.kind) {
      case 'tabled':
      case 'proposal':
      case 'revised': {
        sheet = e.terms ? { ...e.terms } : applyTermPatches(sheet ?? termSheet(scenario, sq), e.patches);
        break;
      }
      case 'tally':
        // a proposer accepts its own text without a verdict entry
        for (const id of e.accepting) {
          const k = scenario.actorIndex.get(id);
          if (k !== undefined && !verdicts.has(k)) proposer.set(k, true);
        }
        break;
      case 'verdict': {
        atVerdict ??= sheet;
        const k = scenario.actorIndex.get(e.actor);
        if (k !== undefined) verdicts.set(k, { u: e.utility, ok: e.accepts, res: e.reservation });
        break;
      }
      case 'drift':
        for (const c of e.changes) {
          const k = scenario.actorIndex.get(c.actor);
          if (k !== undefined) reservations[k] = c.to;
        }
        break;
      case 'inject':
        for (const x of e.effects) {
          const k = x.actor === undefined ? undefined : scenario.actorIndex.get(x.actor);
          if (k === undefined) continue;
          if ((x.kind === 'set-reservation' || x.kind === 'shift-reservation') && x.to !== undefined)
            reservations[k] = x.to;
          const i = x.issue === undefined ? undefined : scenario.issueIndex.get(x.issue);
          if (x.kind === 'set-weight' && i !== undefined && x.to !== undefined)
            weightEdits.push({ actor: k, issue: i, weight: x.to });
        }
        break;
      default:
        break;
    }
  }
  while (round <= rounds) {
    close(round, atVerdict ?? sheet, verdicts);
    round++;
    atVerdict = null;
    verdicts = new Map();
  }
  const series: Trajectory[] = scenario.actors.map((a, k) => ({ actor: a.id, ...out[k]! }));
  return { series, answered, last: sheet };
}

export function movedTerms(scenario: Scenario, prev: TermSheet | null, next: TermSheet | null): string[] {
  if (!prev || !next) return [];
  return scenario.issues.map((x) => x.id).filter((k) => prev[k] !== next[k]);
}
