// What a run's outcome rests on: every minimal set (up to 3) of labelled choices whose change alone turns the
// outcome (signed, stalemate, collapsed) into another, found by running the negotiation again with the change
// made — same seed, rounds, strategies the user fixed, and injects. Two rotations of the turns are alternatives:
// no set holds both. Each run costs what `peacesim run` costs, so
// the search takes a budget of runs and says how far it got.

import {
  applyItems,
  conflicting,
  type HingeItem,
  outcomeItems,
  statedCount,
  unrangedCount,
} from '../analysis/hinge-items.ts';
import { minimalHinges, type SizeCount } from '../analysis/hinge-search.ts';
import { type Centre, calibratedItem } from '../analysis/hinges.ts';
import { actorInSentence } from '../domain/actor-names.ts';
import { type AppliedBeforeRecord, appliedBeforeRecord } from '../domain/on-record.ts';
import type { Scenario } from '../domain/types.ts';
import { endOfRun } from './batch.ts';
import { runOutcome } from './game.ts';
import type { PlannedInject } from './inject-text.ts';
import type { RunOptions } from './options.ts';
import type { TranscriptEntry } from './transcript.ts';

/**
 * How a run ends, as the search compares runs: collapsed, stalemate, signed (no ratification hurdle met), or a
 * signed text that meets a hurdle and clears every one it meets (`signed-ratified`) or falls short of one
 * (`signed-unratified`) — whether a signed text takes effect is part of its outcome.
 */
export type RunEnd =
  | 'signed'
  | 'signed-ratified'
  | 'signed-unratified'
  | 'stalemate'
  | 'collapsed'
  | 'waiting';

/**
 * The outcome of one run: the only place this module drives the engine (switching drivers is this one line).
 */
export function playOutcome(
  scenario: Scenario,
  options: RunOptions,
  injects: readonly PlannedInject[],
  strict = false,
): RunEnd {
  const end = endOfRun(scenario, options, injects, strict ? 'refuse' : 'send');
  return end ? runEnd(end.context.transcript) : 'waiting';
}

/** How a transcript ends, as the search compares runs ('waiting': it has not ended). */
export function runEnd(transcript: readonly TranscriptEntry[]): RunEnd {
  const ended = runOutcome(transcript);
  if (!ended) return 'waiting';
  if (ended.kind !== 'signed' || !ended.ratification) return ended.kind;
  return ended.ratification.clears ? 'signed-ratified' : 'signed-unratified';
}

export interface OutcomeHingeOptions {
  readonly run?: RunOptions;
  readonly injects?: readonly PlannedInject[];
  /**
   * the user planned the injects: the run itself refuses one with nothing to do (HeadlessPlan.idle); the runs
   * with a reversed choice still pass over it, as a choice may have made it idle
   */
  readonly strict?: boolean;
  /** actors whose numbers contradict the record, with the centre of what it allows */
  readonly centres?: ReadonlyMap<number, Centre>;
  readonly maxSize?: number;
  /** the most runs to make after the first (default: no limit) */
  readonly budget?: number;
}

interface OutcomeHinge {
  readonly items: readonly string[];
  /** the outcome with the change made */
  readonly outcome: RunEnd;
}

export interface OutcomeHinges {
  readonly outcome: RunEnd;
  readonly hinges: readonly OutcomeHinge[];
  readonly items: readonly HingeItem[];
  readonly sizes: readonly SizeCount[];
  /** runs made for the search (the first run not counted) */
  readonly tried: number;
  readonly complete: boolean;
}

/**
 * The items a run's outcome may rest on: fixed strategies are the user's; the variants of the texts its injects
 * table — a manual event's, or an ad-hoc inject's — are tried like those of its opening; calibrated items where the
 * record says.
 */
export function runItems(scenario: Scenario, options: OutcomeHingeOptions = {}): HingeItem[] {
  const fixed = new Set(Object.keys(options.run?.strategies ?? {}));
  const injects = options.injects ?? [];
  const events = new Set(injects.flatMap((p) => ('event' in p ? [p.event] : [])));
  const documents = new Set(
    injects.flatMap((p) => ('effect' in p && p.effect.kind === 'table' ? [p.effect.document] : [])),
  );
  const items = outcomeItems(scenario, fixed, { events, documents });
  for (const [a, centre] of options.centres ?? []) items.push(calibratedItem(scenario.actors[a]!, centre));
  return items;
}

export function outcomeHinges(scenario: Scenario, options: OutcomeHingeOptions = {}): OutcomeHinges {
  const run = options.run ?? {};
  const injects = options.injects ?? [];
  const outcome = playOutcome(scenario, run, injects, options.strict);
  const items = runItems(scenario, options);
  const flipped = new Map<string, RunEnd>();
  const result = minimalHinges(
    items.length,
    (set) => {
      const chosen = set.map((k) => items[k]!);
      const other = playOutcome(applyItems(scenario, chosen), run, injects);
      if (other === outcome) return false;
      flipped.set(set.join(','), other);
      return true;
    },
    {
      maxSize: options.maxSize ?? 3,
      ...(options.budget === undefined ? {} : { budget: options.budget }),
      // two parties first, or two variants of one term, are no choice one can make: neither played nor counted
      admissible: (set) => !conflicting(set.map((k) => items[k]!)),
    },
  );
  return {
    outcome,
    items,
    hinges: result.hinges.map((h) => ({
      items: h.map((k) => items[k]!.id),
      outcome: flipped.get(h.join(','))!,
    })),
    sizes: result.sizes,
    tried: result.tried,
    complete: result.complete,
  };
}

/** "The outcome rests on": the labelled choices whose reversal alone changes the outcome (hinges of size 1). */
export interface RestsOn {
  readonly outcome: RunEnd;
  readonly items: readonly {
    readonly id: string;
    readonly label: string;
    readonly basis: 'reading' | 'assumption';
    readonly sources: readonly string[];
    /** a rotation of three or more parties' turns: the order it runs, as actor ids, the first proposer first */
    readonly order?: readonly string[];
    /** the outcome with it reversed */
    readonly outcomeIfReversed: RunEnd;
  }[];
  /** labelled choices tried, one run each; `items` empty: none of them alone changes the outcome */
  readonly tried: number;
  /** labelled weights and values of no deal given without a range: not reversed, so not tried */
  readonly unranged: number;
  /** labelled ratification thresholds given without a range: not reversed either */
  readonly unrangedThresholds: number;
  /** choices an actor stated (basis `stated`), never reversed; 0: the outcome rests on none */
  readonly stated: number;
  /** actors whose strategy was chosen for this run (`--strategy`, the play setup): not reversed */
  readonly fixedStrategies: readonly string[];
  /**
   * The positions the run is judged by (those of the scenario's date) that rest on no source dated on or before
   * that date: what actors stated later, which the scenario applies earlier, with its reason when it gives one
   */
  readonly beforeRecord: {
    readonly date: string;
    readonly positions: readonly (AppliedBeforeRecord & {
      readonly actorName: string;
      /** the name as a sentence names it ("the United States") */
      readonly actorInSentence: string;
    })[];
  };
}

export function restsOn(
  scenario: Scenario,
  options: Omit<OutcomeHingeOptions, 'maxSize' | 'budget'> = {},
): RestsOn {
  const h = outcomeHinges(scenario, { ...options, maxSize: 1 });
  const unranged = unrangedCount(scenario);
  const byId = new Map(h.items.map((x) => [x.id, x]));
  return {
    outcome: h.outcome,
    items: h.hinges.map((x) => {
      const item = byId.get(x.items[0]!)!;
      return {
        id: item.id,
        label: item.label,
        basis: item.basis,
        sources: item.sources,
        ...(item.order ? { order: item.order } : {}),
        outcomeIfReversed: x.outcome,
      };
    }),
    tried: h.tried,
    unranged: unranged.preferences,
    unrangedThresholds: unranged.thresholds,
    stated: statedCount(scenario),
    fixedStrategies: Object.keys(options.run?.strategies ?? {}).sort(),
    // a run starts from the top-level positions, which are those of the scenario's date (no epoch covers it)
    beforeRecord: {
      date: scenario.date,
      positions: appliedBeforeRecord(scenario, scenario.date).map((x) => ({
        ...x,
        actorName: scenario.actors.find((a) => a.id === x.actor)?.name ?? x.actor,
        actorInSentence: actorInSentence(scenario, x.actor),
      })),
    },
  };
}
