// The checks a shipped scenario must pass beyond validity (issue 7): every modelling choice carries its basis, a
// stated or read one its sources, and the scenario turns on no one-sided hypothesis without its counterpart or a
// stated reason. Pure functions of the compiled scenario, for tests (tests/scenarios runs them on the shipped files).
import { compareDates } from '../domain/dates.ts';
import type { Effect, Grounded, Scenario, ScenarioEvent } from '../domain/types.ts';

export interface AuditFinding {
  /** where, as validation errors name it: actors[russia].redLines[no-nato] */
  readonly at: string;
  readonly message: string;
}

interface Sourced extends Grounded {
  readonly sources: readonly string[];
}

/** Every item of the scenario that must carry a basis, with where it is. */
function groundedItems(s: Scenario): { at: string; item: Sourced }[] {
  const out: { at: string; item: Sourced }[] = [];
  for (const a of s.actors) {
    const at = `actors[${a.id}]`;
    for (const r of a.redLines) out.push({ at: `${at}.redLines[${r.id}]`, item: r });
    a.preferences.forEach((p, i) => {
      if (p) out.push({ at: `${at}.preferences.${s.issues[i]!.id}`, item: p });
    });
    out.push({ at: `${at}.reservation`, item: a.reservation });
    const drift = a.reservation.driftHypothesis;
    if (drift) out.push({ at: `${at}.reservation.drift`, item: drift });
    if (a.strategy.given || a.role === 'party') out.push({ at: `${at}.strategy`, item: a.strategy });
    for (const e of a.epochs) {
      out.push({ at: `${at}.epochs[${e.id}]`, item: e });
      for (const r of e.addRedLines) out.push({ at: `${at}.epochs[${e.id}].redLines.add[${r.id}]`, item: r });
    }
  }
  for (const r of s.rules) out.push({ at: `rules[${r.id}]`, item: r });
  for (const e of s.events) out.push({ at: `events[${e.id}]`, item: e });
  for (const f of s.durability?.factors ?? []) out.push({ at: `durability.factors[${f.id}]`, item: f });
  for (const r of s.record) out.push({ at: `record[${r.id}]`, item: r });
  for (const r of s.ratifications) {
    out.push({ at: `ratification[${r.id}]`, item: r });
    out.push({ at: `ratification[${r.id}].threshold`, item: r.threshold });
  }
  return out;
}

/**
 * Items without `basis`, and `stated` or `reading` items without sources. A party without a strategy is flagged too:
 * the engine's default (linear) is then an unstated assumption.
 */
export function missingBasis(s: Scenario): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const { at, item } of groundedItems(s)) {
    if (!item.basisGiven) out.push({ at, message: 'no basis: give basis: stated | reading | assumption' });
    else if (item.basis !== 'assumption' && item.sources.length === 0)
      out.push({ at, message: `a ${item.basis} basis without sources` });
  }
  return out;
}

const actsOnActor = (e: Effect) => 'actor' in e;

/** Is the event on in a default run: fired by a round or by blame (a manual event waits for a person)? */
export function onByDefault(e: ScenarioEvent): boolean {
  return !('manual' in e.trigger);
}

/**
 * Hypotheses a default run turns on that act on one side without a counterpart or a stated reason: non-zero drifts,
 * round- or blame-triggered events that act on an actor, durability factors.
 */
export function unpairedHypotheses(s: Scenario): AuditFinding[] {
  const out: AuditFinding[] = [];
  const unpaired = (h: { counterpart?: string; oneSided?: string }) =>
    h.counterpart === undefined && h.oneSided === undefined;
  const message = 'a hypothesis on by default: name its counterpart, or say why it has none (oneSided)';
  for (const a of s.actors) {
    const d = a.reservation.driftHypothesis;
    if (d && d.value !== 0 && unpaired(d)) out.push({ at: `actors[${a.id}].reservation.drift`, message });
  }
  for (const e of s.events)
    if (onByDefault(e) && e.effects.some(actsOnActor) && unpaired(e))
      out.push({ at: `events[${e.id}]`, message });
  for (const f of s.durability?.factors ?? [])
    if (unpaired(f)) out.push({ at: `durability.factors[${f.id}]`, message });
  return out;
}

/**
 * Recorded reactions dated after the scenario's `recordEnds`: `list` and every heading print "record ends" on that
 * date, and calibrate weighs the reactions as the record of those actors, so one dated later either belongs to
 * another moment (omit it) or the record ends later than the file says (move `recordEnds`).
 */
export function reactionsAfterRecordEnds(s: Scenario): AuditFinding[] {
  const ends = s.recordEnds;
  if (ends === undefined) return [];
  return s.record
    .filter((r) => compareDates(r.date, ends) > 0)
    .map((r) => ({
      at: `record[${r.id}]`,
      message: `dated ${r.date}, after recordEnds ${ends}: omit it (omit: { record: [${r.id}] }) or move recordEnds`,
    }));
}
