// Outcome robustness: draw the scenario's uncertain weights and reservations as `sweep` does, run the negotiation
// headless on each draw, and count what comes of it. Frequencies over stated ranges, not real-world probabilities.

import { type Spread, spread, wilson } from '../analysis/stats.ts';
import { drawScenario, uncertainParameters } from '../analysis/sweep.ts';
import { createRng } from '../domain/rng.ts';
import type { Scenario, Strategy } from '../domain/types.ts';
import { type PlannedInject, runHeadless, stateName } from './headless.ts';
import { type RunOptions, resolveOptions } from './options.ts';
import { optionOf, type TermSheet, type TermValue } from './terms.ts';

export const OUTCOME_KINDS = ['signed', 'stalemate', 'collapsed'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export interface OutcomesOptions {
  readonly draws: number;
  /** the master seed: it fixes every draw and every run's engine seed */
  readonly seed: number;
  /** rounds and strategy overrides, as for `run` (the seed is per draw) */
  readonly run?: Omit<RunOptions, 'seed'>;
  readonly injects?: readonly PlannedInject[];
  /** draw k of another prior (`--prior record`); default: the ranges, drawn in sequence as `sweep` draws them */
  readonly draw?: (k: number) => Scenario;
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
  readonly terms: TermSheet | null;
  /** the drawn value of no deal at the start, per actor in scenario order */
  readonly reservations: readonly number[];
  /** rounds as the lone holdout, per actor in scenario order */
  readonly holdouts: readonly number[];
  readonly walkedOut: readonly string[];
}

export interface OutcomeShare {
  readonly outcome: OutcomeKind;
  readonly count: number;
  readonly share: number;
  /** Wilson 95% interval of the share */
  readonly interval: readonly [number, number];
}

export interface TermMode {
  readonly issue: string;
  /** the most frequent signed value (ties: the earlier option) */
  readonly mode: TermValue;
  readonly count: number;
  readonly share: number;
  /** every value signed, most frequent first */
  readonly values: readonly { readonly value: TermValue; readonly count: number }[];
}

export interface HoldoutTally {
  readonly actor: string;
  /** failed runs in which the actor was the lone holdout at least once */
  readonly runs: number;
  readonly share: number;
  readonly interval: readonly [number, number];
  /** rounds as the lone holdout, summed over the failed runs */
  readonly rounds: number;
}

export interface WalkOutTally {
  readonly actor: string;
  /** runs (of any outcome) in which the actor walked out */
  readonly runs: number;
  readonly share: number;
  readonly interval: readonly [number, number];
}

export interface OutcomesResult {
  readonly scenario: string;
  readonly title: string;
  readonly seed: number;
  readonly draws: number;
  readonly maxRounds: number;
  readonly strategies: Readonly<Record<string, Strategy>>;
  readonly injects: readonly PlannedInject[];
  /** the uncertain parameters drawn (as in sweep) */
  readonly parameters: readonly string[];
  readonly outcomes: readonly OutcomeShare[];
  readonly signed: {
    readonly runs: number;
    readonly round: { readonly min: number; readonly median: number; readonly max: number } | null;
    readonly utilities: readonly ({ readonly actor: string } & Spread)[];
    /** null without a durability section or without a signed run */
    readonly durability: Spread | null;
    readonly terms: readonly TermMode[];
  };
  readonly failed: { readonly runs: number; readonly holdouts: readonly HoldoutTally[] };
  readonly walkOuts: readonly WalkOutTally[];
}

/**
 * The engine seed of each draw comes from its own stream, so the draws of the parameters stay those of
 * `sweep` with the same seed (draw k here is sample k there). The constant only separates the two streams.
 */
const SEED_STREAM = 0x0c0e5eed;
export const engineSeedStream = (seed: number) => createRng(seed ^ SEED_STREAM);

/** Runs every draw; `onRun` sees each run's row as it is made (the result keeps only the aggregates). */
export function runOutcomes(
  scenario: Scenario,
  options: OutcomesOptions,
  onRun?: (run: OutcomeRun) => void,
): OutcomesResult {
  const resolved = resolveOptions(scenario, options.run);
  const injects = options.injects ?? [];
  const draws = createRng(options.seed);
  const seeds = engineSeedStream(options.seed);
  const n = scenario.actors.length;
  const counts: Record<OutcomeKind, number> = { signed: 0, stalemate: 0, collapsed: 0 };
  const rounds: number[] = [];
  const utilities: number[][] = scenario.actors.map(() => []);
  const durability: number[] = [];
  const terms = scenario.issues.map(() => new Map<TermValue, number>());
  const holdoutRuns = new Array<number>(n).fill(0);
  const holdoutRounds = new Array<number>(n).fill(0);
  const walkOuts = new Array<number>(n).fill(0);

  for (let k = 0; k < options.draws; k++) {
    const drawn = options.draw ? options.draw(k) : drawScenario(scenario, draws);
    const engineSeed = seeds.int(0, 2 ** 31 - 1);
    const r = runHeadless(drawn, { ...options.run, seed: engineSeed }, { injects });
    // the CLI refuses people at the table; a run that waits for one is a bug, not an outcome
    if (r.waitingFor) throw new Error(`draw ${k}: the run waits for a person (${r.waitingFor})`);
    const ctx = r.snapshot.context;
    const outcome = stateName(r.snapshot) as OutcomeKind;
    if (!OUTCOME_KINDS.includes(outcome)) throw new Error(`draw ${k}: the run ended in ${outcome}`);
    counts[outcome]++;
    const holdouts = new Array<number>(n).fill(0);
    for (const m of ctx.blameMarks) if (m.cause === 'holdout') holdouts[m.actor]!++;
    ctx.walkedOut.forEach((a) => walkOuts[a]!++);
    const signed = ctx.transcript.findLast((e) => e.kind === 'signed');
    const deal = outcome === 'signed' && signed?.kind === 'signed' ? signed : null;
    if (deal) {
      rounds.push(deal.round);
      scenario.actors.forEach((a, i) => utilities[i]!.push(deal.utilities[a.id]!));
      if (deal.durability) durability.push(deal.durability.value);
      scenario.issues.forEach((x, i) => {
        const v = deal.terms[x.id]!;
        terms[i]!.set(v, (terms[i]!.get(v) ?? 0) + 1);
      });
    } else {
      holdouts.forEach((h, a) => {
        if (h > 0) holdoutRuns[a]!++;
        holdoutRounds[a]! += h;
      });
    }
    onRun?.({
      draw: k,
      engineSeed,
      outcome,
      round: deal ? deal.round : ctx.round,
      utilities: deal ? deal.utilities : null,
      durability: deal?.durability?.value ?? null,
      terms: deal ? deal.terms : null,
      reservations: drawn.actors.map((a) => a.reservation.value),
      holdouts,
      walkedOut: ctx.walkedOut.map((a) => scenario.actors[a]!.id),
    });
  }

  const total = options.draws;
  const failed = total - counts.signed;
  const share = (k: number, of: number) => (of > 0 ? k / of : 0);
  const roundSpread = spread(rounds);
  return {
    scenario: scenario.id,
    title: scenario.title,
    seed: options.seed,
    draws: total,
    maxRounds: resolved.maxRounds,
    strategies: Object.fromEntries(scenario.actors.map((a) => [a.id, resolved.strategies[a.index]!])),
    injects,
    parameters: uncertainParameters(scenario),
    outcomes: OUTCOME_KINDS.map((o) => ({
      outcome: o,
      count: counts[o],
      share: share(counts[o], total),
      interval: wilson(counts[o], total),
    })),
    signed: {
      runs: counts.signed,
      round: roundSpread ? { min: roundSpread.min, median: roundSpread.median, max: roundSpread.max } : null,
      utilities: scenario.actors.flatMap((a, i) => {
        const s = spread(utilities[i]!);
        return s ? [{ actor: a.id, ...s }] : [];
      }),
      durability: spread(durability),
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
      })),
    },
    walkOuts: scenario.actors.map((a, i) => ({
      actor: a.id,
      runs: walkOuts[i]!,
      share: share(walkOuts[i]!, total),
      interval: wilson(walkOuts[i]!, total),
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
