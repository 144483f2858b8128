import { type Spread, spread, wilson } from '../analysis/stats.ts';
import {
  type DrawBasis,
  drawBasis,
  priorReport,
  startingPositions,
  thresholdParameters,
  uncertainParameters,
} from '../analysis/sweep.ts';
import { redLineOf, type Violation } from '../domain/evaluate.ts';
import { optionOf } from '../domain/lookup.ts';
import type { Scenario, Strategy } from '../domain/types.ts';
import { REJECTION_KINDS, type RejectionKind } from './holdout-kind.ts';
import { type FateTally, tallyFates } from './inject-fate.ts';
import { injectJson } from './inject-text.ts';
import { resolveOptions } from './options.ts';
import {
  type HoldoutReasons,
  OUTCOME_KINDS,
  type OutcomeKind,
  type OutcomeRun,
  type OutcomesOptions,
  type OutcomesPart,
  outcomesPart,
} from './outcomes.ts';
import { type Signability, signability } from './signable.ts';
import type { TermValue } from './terms.ts';

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
  /** texts it answered with no other actor answering them, summed over the failed runs */
  readonly answeredAlone: number;
  /** of those, the rounds counted as its lone holdout */
  readonly answeredAloneCounted: number;
}

interface WalkOutTally {
  readonly actor: string;
  /** runs (of any outcome) in which the actor walked out */
  readonly runs: number;
  readonly share: number;
  readonly interval: readonly [number, number];
}

/** One planned inject over the draws: the counts add up to the draws (inject-fate.ts says each fate). */
interface InjectDraws extends Omit<FateTally, 'firedSigned'> {
  /** the draws where it fired that signed, of those where it fired: not its effect (those draws differ too) */
  readonly signedWhereFired: {
    readonly runs: number;
    readonly share: number;
    readonly interval: readonly [number, number];
  };
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
  /** each planned inject, and in how many draws it fired, was passed over (by why) or was not reached */
  readonly injects: readonly (ReturnType<typeof injectJson> & { readonly draws: InjectDraws })[];
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

/** The sum of reason counts, each kind in REJECTION_KINDS order (zero counts left out). */
function addReasons(into: Partial<Record<RejectionKind, number>>, more: HoldoutReasons): void {
  for (const k of REJECTION_KINDS) if (more[k]) into[k] = (into[k] ?? 0) + more[k]!;
}

function orderedReasons(r: HoldoutReasons): HoldoutReasons {
  return Object.fromEntries(REJECTION_KINDS.flatMap((k) => (r[k] ? [[k, r[k]!]] : [])));
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
  const soleAnswers = new Array<number>(n).fill(0);
  const soleHoldouts = new Array<number>(n).fill(0);
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
        soleAnswers[a]! += row.soleAnswers[a] ?? 0;
        soleHoldouts[a]! += row.soleHoldouts[a] ?? 0;
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
    injects: injects.map((p, k) => {
      const { firedSigned, ...t } = tallyFates(part.rows, k);
      const signedWhereFired = {
        runs: firedSigned,
        share: share(firedSigned, t.fired),
        interval: wilson(firedSigned, t.fired),
      };
      return { ...injectJson(p), draws: { ...t, signedWhereFired } };
    }),
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
        answeredAlone: soleAnswers[i]!,
        answeredAloneCounted: soleHoldouts[i]!,
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
