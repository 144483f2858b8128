// Outcome robustness: draw the scenario's uncertain weights and reservations as `sweep` does, run the negotiation
// headless on each draw, and count what comes of it. Frequencies over the modeller's ranges, not real-world probabilities.

import { drawRng, ENGINE_STREAM } from '../analysis/draws.ts';
import type { RecordPrior } from '../analysis/record-prior.ts';
import { type Spread, spread, wilson } from '../analysis/stats.ts';
import {
  type DrawBasis,
  drawBasis,
  drawOf,
  priorReport,
  startingPositions,
  thresholdParameters,
  uncertainParameters,
} from '../analysis/sweep.ts';
import { redLineOf, type Violation } from '../domain/evaluate.ts';
import { optionOf } from '../domain/lookup.ts';
import type { Scenario, Strategy } from '../domain/types.ts';
import { endOfRun } from './batch.ts';
import type { NegotiationContext } from './context.ts';
import { runOutcome } from './game.ts';
import type { PlannedInject } from './headless.ts';
import { holdoutVerdicts, REJECTION_KINDS, type RejectionKind, rejectionKind } from './holdout-kind.ts';
import { MAX_SEED, type RunOptions, resolveOptions } from './options.ts';
import { type Signability, signability } from './signable.ts';
import type { TermSheet, TermValue } from './terms.ts';
import type { TranscriptEntry } from './transcript.ts';

export const OUTCOME_KINDS = ['signed', 'stalemate', 'collapsed'] as const;
type OutcomeKind = (typeof OUTCOME_KINDS)[number];

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
  readonly walkedOut: readonly string[];
}

interface OutcomeShare {
  readonly outcome: OutcomeKind;
  readonly count: number;
  readonly share: number;
  /** Wilson 95% interval of the share */
  readonly interval: readonly [number, number];
}

interface TermMode {
  readonly issue: string;
  /** the most frequent signed value (ties: the earlier option) */
  readonly mode: TermValue;
  readonly count: number;
  readonly share: number;
  /** every value signed, most frequent first */
  readonly values: readonly { readonly value: TermValue; readonly count: number }[];
}

/** Rounds as the lone holdout by the reason the actor's verdict gives (holdout-kind.ts); zero counts left out. */
type HoldoutReasons = Readonly<Partial<Record<RejectionKind, number>>>;

interface HoldoutTally {
  readonly actor: string;
  /** failed runs in which the actor was the lone holdout at least once */
  readonly runs: number;
  readonly share: number;
  readonly interval: readonly [number, number];
  /** rounds as the lone holdout, summed over the failed runs */
  readonly rounds: number;
  /** those rounds by the reason of its rejection: its red lines crossed, worth less than no deal, holding out … */
  readonly reasons: HoldoutReasons;
}

interface WalkOutTally {
  readonly actor: string;
  /** runs (of any outcome) in which the actor walked out */
  readonly runs: number;
  readonly share: number;
  readonly interval: readonly [number, number];
}

/** What one actor's figures rest on, the same in every draw: its reservation, its red lines, its ranges. */
interface ActorBases extends DrawBasis {
  readonly actor: string;
  /** every red line it holds at the start of a run (events may add or drop some), with text, sources and basis */
  readonly redLines: readonly Violation[];
}

export interface OutcomesResult {
  readonly scenario: string;
  readonly title: string;
  readonly seed: number;
  readonly draws: number;
  /** the date of the positions every run starts from: the --as-of date, or the scenario's (its top-level positions) */
  readonly asOf: string;
  readonly maxRounds: number;
  readonly strategies: Readonly<Record<string, Strategy>>;
  /** the modeller's hypothesis that negotiators anticipate ratification was on (absent: off) */
  readonly anticipateRatification?: true;
  readonly injects: readonly PlannedInject[];
  /** the uncertain parameters drawn (as in sweep) */
  readonly parameters: readonly string[];
  /** under `--prior record`: the reactions the draws reproduce, and those set aside as conflicting */
  readonly prior?: 'record';
  readonly reactions?: readonly string[];
  readonly setAside?: readonly string[];
  readonly outcomes: readonly OutcomeShare[];
  /**
   * whether any run could sign at all, by the parties' red lines and the rules (signable.ts): the same for every
   * draw, counted once; null when the outcome space is beyond exact counting
   */
  readonly feasibility: Signability | null;
  readonly signed: {
    readonly runs: number;
    readonly round: { readonly min: number; readonly median: number; readonly max: number } | null;
    readonly utilities: readonly ({ readonly actor: string } & Spread)[];
    /** null without a durability section or without a signed run */
    readonly durability: Spread | null;
    /**
     * signed runs whose terms meet a ratification hurdle, and how many of them clear every hurdle they meet under
     * the draw's thresholds; null when the scenario states no hurdle
     */
    readonly ratification: {
      readonly runs: number;
      readonly cleared: number;
      /** cleared / runs */
      readonly share: number;
      readonly interval: readonly [number, number];
    } | null;
    readonly terms: readonly TermMode[];
  };
  readonly failed: { readonly runs: number; readonly holdouts: readonly HoldoutTally[] };
  readonly walkOuts: readonly WalkOutTally[];
  /** per actor in scenario order: what its figures rest on */
  readonly bases: readonly ActorBases[];
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
  const ctx = endOfRun(drawn, { ...options.run, seed: engineSeed }, injects);
  // the CLI refuses people at the table; a run that waits for one is a bug, not an outcome
  if (!ctx) throw new Error(`draw ${index}: the run waits for a person`);
  const ended = runOutcome(ctx.transcript);
  if (!ended) throw new Error(`draw ${index}: the run did not end`);
  const holdouts = new Array<number>(n).fill(0);
  for (const m of ctx.blameMarks) if (m.cause === 'holdout') holdouts[m.actor]!++;
  const holdoutReasons = holdoutReasonsOf(scenario, ctx.transcript, ctx.blameMarks);
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
    walkedOut: ctx.walkedOut.map((a) => scenario.actors[a]!.id),
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

/** The sum of reason counts, each kind in REJECTION_KINDS order (zero counts left out). */
function addReasons(into: Partial<Record<RejectionKind, number>>, more: HoldoutReasons): void {
  for (const k of REJECTION_KINDS) if (more[k]) into[k] = (into[k] ?? 0) + more[k]!;
}

function orderedReasons(r: HoldoutReasons): HoldoutReasons {
  return Object.fromEntries(REJECTION_KINDS.flatMap((k) => (r[k] ? [[k, r[k]!]] : [])));
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

/** Runs every draw in one pass; `onRun` sees each run's row as it is made. */
export function runOutcomes(
  scenario: Scenario,
  options: OutcomesOptions,
  onRun?: (run: OutcomeRun) => void,
): OutcomesResult {
  return outcomesResult(scenario, options, outcomesPart(scenario, options, 0, options.draws, onRun));
}

/** The summary of every draw's run, from the tally of all of them. */
export function outcomesResult(file: Scenario, options: OutcomesOptions, part: OutcomesPart): OutcomesResult {
  // the strategies, red lines, ranges and bases the runs started from
  const scenario = startingPositions(file, options.asOf);
  const resolved = resolveOptions(scenario, options.run);
  const injects = options.injects ?? [];
  const n = scenario.actors.length;
  const counts: Record<OutcomeKind, number> = { signed: 0, stalemate: 0, collapsed: 0 };
  const rounds: number[] = [];
  const utilities: number[][] = scenario.actors.map(() => []);
  const durability: number[] = [];
  let subject = 0;
  let cleared = 0;
  const holdoutRuns = new Array<number>(n).fill(0);
  const holdoutRounds = new Array<number>(n).fill(0);
  const holdoutReasons: Partial<Record<RejectionKind, number>>[] = scenario.actors.map(() => ({}));
  const walkOuts = new Array<number>(n).fill(0);
  for (const row of part.rows) {
    counts[row.outcome]++;
    for (const id of row.walkedOut) walkOuts[scenario.actors.findIndex((a) => a.id === id)]!++;
    if (row.outcome === 'signed' && row.utilities) {
      rounds.push(row.round);
      scenario.actors.forEach((a, i) => utilities[i]!.push(row.utilities![a.id]!));
      if (row.durability !== null) durability.push(row.durability);
      if (row.ratified !== null) {
        subject++;
        if (row.ratified) cleared++;
      }
    } else {
      row.holdouts.forEach((h, a) => {
        if (h > 0) holdoutRuns[a]!++;
        holdoutRounds[a]! += h;
        addReasons(holdoutReasons[a]!, row.holdoutReasons[a] ?? {});
      });
    }
  }
  const terms = part.terms.map((pairs) => new Map(pairs));

  const total = options.draws;
  const failed = total - counts.signed;
  const share = (k: number, of: number) => (of > 0 ? k / of : 0);
  const roundSpread = spread(rounds);
  return {
    scenario: scenario.id,
    title: scenario.title,
    seed: options.seed,
    draws: total,
    asOf: options.asOf ?? scenario.date,
    maxRounds: resolved.maxRounds,
    strategies: Object.fromEntries(scenario.actors.map((a) => [a.id, resolved.strategies[a.index]!])),
    ...(resolved.anticipateRatification ? { anticipateRatification: true } : {}),
    injects,
    // a record prior draws the actors from the record's region and leaves the thresholds as written
    parameters: [...uncertainParameters(scenario), ...(options.prior ? [] : thresholdParameters(scenario))],
    ...priorReport(options.prior),
    outcomes: OUTCOME_KINDS.map((o) => ({
      outcome: o,
      count: counts[o],
      share: share(counts[o], total),
      interval: wilson(counts[o], total),
    })),
    feasibility: signability(scenario, resolved.maxRounds, injects),
    signed: {
      runs: counts.signed,
      round: roundSpread ? { min: roundSpread.min, median: roundSpread.median, max: roundSpread.max } : null,
      utilities: scenario.actors.flatMap((a, i) => {
        const s = spread(utilities[i]!);
        return s ? [{ actor: a.id, ...s }] : [];
      }),
      durability: spread(durability),
      ratification: scenario.ratifications.length
        ? { runs: subject, cleared, share: share(cleared, subject), interval: wilson(cleared, subject) }
        : null,
      terms: counts.signed
        ? scenario.issues.map((_, i) => termMode(scenario, i, terms[i]!, counts.signed))
        : [],
    },
    failed: {
      runs: failed,
      holdouts: scenario.actors.map((a, i) => ({
        actor: a.id,
        runs: holdoutRuns[i]!,
        share: share(holdoutRuns[i]!, failed),
        interval: wilson(holdoutRuns[i]!, failed),
        rounds: holdoutRounds[i]!,
        reasons: orderedReasons(holdoutReasons[i]!),
      })),
    },
    walkOuts: scenario.actors.map((a, i) => ({
      actor: a.id,
      runs: walkOuts[i]!,
      share: share(walkOuts[i]!, total),
      interval: wilson(walkOuts[i]!, total),
    })),
    bases: scenario.actors.map((a) => ({
      actor: a.id,
      ...drawBasis(scenario, a),
      redLines: a.redLines.map(redLineOf),
    })),
  };
}

function termMode(
  scenario: Scenario,
  issue: number,
  counts: ReadonlyMap<TermValue, number>,
  signed: number,
): TermMode {
  // most frequent first; ties in the issue's option order, so the result does not depend on run order
  const values = [...counts]
    .map(([value, count]) => ({ value, count, at: optionOf(scenario, issue, value) }))
    .sort((a, b) => b.count - a.count || a.at - b.at)
    .map(({ value, count }) => ({ value, count }));
  const top = values[0]!;
  return {
    issue: scenario.issues[issue]!.id,
    mode: top.value,
    count: top.count,
    share: top.count / signed,
    values,
  };
}
