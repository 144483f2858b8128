// Outcome robustness: draw the scenario's uncertain weights and reservations as `sweep` does, run the negotiation
// headless on each draw, and count what comes of it. Frequencies over the modeller's ranges, not real-world probabilities.

import { drawRng, ENGINE_STREAM } from '../analysis/draws.ts';
import type { RecordPrior } from '../analysis/record-prior.ts';
import { drawOf } from '../analysis/sweep.ts';
import type { Scenario } from '../domain/types.ts';
import { endOfRun } from './batch.ts';
import type { NegotiationContext } from './context.ts';
import { runOutcome } from './game.ts';
import { PlanError } from './headless.ts';
import { holdoutVerdicts, type RejectionKind, rejectionKind } from './holdout-kind.ts';
import type { InjectFate } from './inject-fate.ts';
import type { PlannedInject } from './inject-text.ts';
import { MAX_SEED, type RunOptions } from './options.ts';
import { soleAnswers } from './sole-answers.ts';
import type { TermSheet, TermValue } from './terms.ts';
import type { TranscriptEntry } from './transcript.ts';

export const OUTCOME_KINDS = ['signed', 'stalemate', 'collapsed'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** Rounds as the lone holdout by the reason the actor's verdict gives (holdout-kind.ts); zero counts left out. */
export type HoldoutReasons = Readonly<Partial<Record<RejectionKind, number>>>;

export interface OutcomesOptions {
  readonly draws: number;
  /** the master seed: it fixes every draw and every run's engine seed */
  readonly seed: number;
  /** rounds and strategy overrides, as for `run` (the seed is per draw) */
  readonly run?: Omit<RunOptions, 'seed'>;
  readonly injects?: readonly PlannedInject[];
  /** `--prior record`: draw from the region the record allows (plain data) */
  readonly prior?: RecordPrior;
  /** `--as-of DATE`: every run starts from the positions in force on this date instead of the scenario's own */
  readonly asOf?: string;
}

/** One draw and its run: what `--csv runs` prints. */
export interface OutcomeRun {
  readonly draw: number;
  readonly engineSeed: number;
  readonly outcome: OutcomeKind;
  /** the round it was signed in, or the round the talks ended in */
  readonly round: number;
  /** signed runs: each actor's utility of the signed terms (actor id → utility) */
  readonly utilities: Readonly<Record<string, number>> | null;
  /** signed runs of a scenario with a durability section */
  readonly durability: number | null;
  /** signed runs whose terms meet a ratification hurdle: do they clear every one (the draw's thresholds); else null */
  readonly ratified: boolean | null;
  readonly terms: TermSheet | null;
  /** the drawn value of no deal at the start, per actor in scenario order */
  readonly reservations: readonly number[];
  /** rounds as the lone holdout, per actor in scenario order */
  readonly holdouts: readonly number[];
  /** the same rounds by the reason of the actor's rejection, per actor (zero counts left out) */
  readonly holdoutReasons: readonly HoldoutReasons[];
  /** texts the actor answered with no other actor answering them (sole-answers.ts), per actor in scenario order */
  readonly soleAnswers: readonly number[];
  /** of those texts, the rounds counted as its lone holdout (as `holdouts` counts them), per actor */
  readonly soleHoldouts: readonly number[];
  readonly walkedOut: readonly string[];
  /** per planned inject (`--inject`), in order: fired, passed over with nothing to do and why, or not reached */
  readonly injects: readonly InjectFate[];
}

/** One draw's run as a partial result keeps it: everything but the signed terms (those are tallied). */
export type OutcomeRow = Omit<OutcomeRun, 'terms'>;

/** The runs of draws [from, to): what a worker or a shard computes, and what merges. JSON as it stands. */
export interface OutcomesPart {
  readonly from: number;
  readonly to: number;
  /** one per draw, in draw order */
  readonly rows: readonly OutcomeRow[];
  /** per issue: every value signed and how often, as [value, count] pairs */
  readonly terms: readonly (readonly (readonly [TermValue, number])[])[];
}

/** Runs `go`, saying in which draw an inject was refused (the draws move what a run reaches). */
function inDraw<T>(index: number, go: () => T): T {
  try {
    return go();
  } catch (e) {
    if (e instanceof PlanError) throw new PlanError(e.item, e.round, `in draw ${index}, ${e.reason}`);
    throw e;
  }
}

/**
 * Draw `index` and its run: a pure function of (scenario, seed, index). The preference draw comes from
 * `drawRng(seed, index)` — the generator sample `index` of `sweep` uses, so the two draw the same parameters —
 * and the engine seed from the draw's own second stream.
 */
export function outcomeRun(scenario: Scenario, options: OutcomesOptions, index: number): OutcomeRun {
  const injects = options.injects ?? [];
  const n = scenario.actors.length;
  const drawn = drawOf(scenario, options.prior, options.seed, index, options.asOf);
  const engineSeed = drawRng(options.seed, index, ENGINE_STREAM).int(0, MAX_SEED);
  // an inject with nothing to do in this draw (the actor gone, the red line dropped) is passed over and counted:
  // the draws differ, and one draw where it is idle says nothing against the others (inject-fate.ts)
  const end = inDraw(index, () =>
    endOfRun(drawn, { ...options.run, seed: engineSeed }, injects, 'pass-over'),
  );
  // the CLI refuses people at the table; a run that waits for one is a bug, not an outcome
  if (!end) throw new Error(`draw ${index}: the run waits for a person`);
  const ctx = end.context;
  const ended = runOutcome(ctx.transcript);
  if (!ended) throw new Error(`draw ${index}: the run did not end`);
  const holdouts = new Array<number>(n).fill(0);
  for (const m of ctx.blameMarks) if (m.cause === 'holdout') holdouts[m.actor]!++;
  const holdoutReasons = holdoutReasonsOf(scenario, ctx.transcript, ctx.blameMarks);
  // under alternating offers the holdout counts follow whose proposals each answered: the texts each answered
  // alone, and how many of those the count holds against it, go with them (the text's note states both)
  const sole = soleAnswers(ctx.transcript);
  const soleRounds = scenario.actors.map((a) => new Set(sole.get(a.id)?.rounds ?? []));
  const soleHoldouts = new Array<number>(n).fill(0);
  for (const m of ctx.blameMarks)
    if (m.cause === 'holdout' && soleRounds[m.actor]!.has(m.round)) soleHoldouts[m.actor]!++;
  const signed = ended.kind === 'signed';
  return {
    draw: index,
    engineSeed,
    outcome: ended.kind,
    round: ended.round,
    utilities: signed ? ended.utilities : null,
    durability: signed ? (ended.durability?.value ?? null) : null,
    ratified: signed && ended.ratification ? ended.ratification.clears : null,
    terms: signed ? ended.terms : null,
    reservations: drawn.actors.map((a) => a.reservation.value),
    holdouts,
    holdoutReasons,
    soleAnswers: soleRounds.map((r) => r.size),
    soleHoldouts,
    walkedOut: ctx.walkedOut.map((a) => scenario.actors[a]!.id),
    injects: end.fates,
  };
}

/** Each actor's rounds as the lone holdout (its blame marks, a forgiven one left out) by the reason of its verdict. */
function holdoutReasonsOf(
  scenario: Scenario,
  transcript: readonly TranscriptEntry[],
  marks: NegotiationContext['blameMarks'],
): HoldoutReasons[] {
  const out: Partial<Record<RejectionKind, number>>[] = scenario.actors.map(() => ({}));
  if (!marks.some((m) => m.cause === 'holdout')) return out;
  const verdicts = holdoutVerdicts(transcript);
  for (const m of marks) {
    if (m.cause !== 'holdout') continue;
    const v = verdicts.get(scenario.actors[m.actor]!.id)?.find((x) => x.round === m.round);
    if (!v) continue;
    const k = rejectionKind(v);
    const tally = out[m.actor]!;
    tally[k] = (tally[k] ?? 0) + 1;
  }
  return out;
}

/** Draws [from, to) and their runs; `onRun` sees each run as it ends. */
export function outcomesPart(
  scenario: Scenario,
  options: OutcomesOptions,
  from: number,
  to: number,
  onRun?: (run: OutcomeRun) => void,
): OutcomesPart {
  const rows: OutcomeRow[] = [];
  const terms = scenario.issues.map(() => new Map<TermValue, number>());
  for (let k = from; k < to; k++) {
    const run = outcomeRun(scenario, options, k);
    onRun?.(run);
    const { terms: sheet, ...row } = run;
    rows.push(row);
    if (sheet)
      scenario.issues.forEach((x, i) => terms[i]!.set(sheet[x.id]!, (terms[i]!.get(sheet[x.id]!) ?? 0) + 1));
  }
  return { from, to, rows, terms: terms.map((m) => [...m]) };
}

/** The parts of one run of outcomes, merged: they must follow each other. */
export function mergeOutcomesParts(parts: readonly OutcomesPart[]): OutcomesPart {
  const [first] = parts;
  if (!first) throw new Error('no outcomes part to merge');
  const terms = first.terms.map(() => new Map<TermValue, number>());
  const rows: OutcomeRow[] = [];
  let to = first.from;
  for (const p of parts) {
    if (p.from !== to) throw new Error(`outcomes parts do not follow each other: ${to} then ${p.from}`);
    rows.push(...p.rows);
    p.terms.forEach((pairs, i) => {
      for (const [v, c] of pairs) terms[i]!.set(v, (terms[i]!.get(v) ?? 0) + c);
    });
    to = p.to;
  }
  return { from: first.from, to, rows, terms: terms.map((m) => [...m]) };
}
