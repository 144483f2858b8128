// What `concessions` takes and returns: its options, the sets of changes it finds (with the contested terms each
// leaves) and the closest misses, so that the search (concessions.ts) is the file's one job.
import type { Reservations } from '../domain/evaluate.ts';
import type { HurdleCheck } from '../domain/ratification.ts';
import type { NegotiationDocument } from '../domain/types.ts';
import type { ContestedTerm } from './contested.ts';

export type ConcessionRank = 'nash' | 'tabler';

export interface ConcessionsOptions {
  /** the largest number of changes to try, 1..3 (default 3) */
  readonly max?: number;
  /** how many sets to return, best first (default 10); the count covers them all */
  readonly limit?: number;
  /** nash: the Nash product over the required actors, largest first; tabler: what the tabling actor gives up, least first */
  readonly rank?: ConcessionRank;
  readonly reservations?: Reservations;
  /** judge by the positions in force on this date (default: the document's own date) */
  readonly asOf?: string;
  /**
   * negotiators anticipate ratification (the modeller's assumption): a required actor rejects a text that meets one
   * of its hurdles and would fail it (domain/ratification.ts: failedHurdles)
   */
  readonly anticipate?: boolean;
}

export interface Change {
  readonly issue: number;
  readonly from: number;
  readonly to: number;
}

/** A set found by the search, before its contested terms are read (only the sets returned are). */
export interface FoundSet {
  readonly changes: readonly Change[];
  readonly package: Int32Array;
  /** every actor's utility for the changed package */
  readonly utilities: Float64Array;
  /** actor indices whose acceptance the changed package needs */
  readonly required: readonly number[];
  /** Π over the required actors of (u − r) */
  readonly nash: number;
  /** the tabling actor's utility for the document minus its utility for the changed package */
  readonly tablerLoss: number;
}

/**
 * A set of changes and what it does, with the contested terms of the text as changed: each recorded variant of a
 * term the set leaves, read so against the changed text (a term the set changes is the set's, and its dispute moot).
 */
export interface ConcessionSet extends FoundSet {
  readonly contested: readonly ContestedTerm[];
}

/** A set that does not make an agreement, with how far it is from one. */
export interface NearFound extends FoundSet {
  /** required actors that reject */
  readonly rejecting: readonly number[];
  /** ids of the rules the package breaks */
  readonly rulesBroken: readonly string[];
  /** rejecting actors + broken rules */
  readonly blockers: number;
  /** the smallest margin u − r among the required actors */
  readonly minMargin: number;
  /** negotiators anticipating ratification: the hurdles of required actors the text meets and would fail */
  readonly wouldFail: readonly HurdleCheck[];
}

export interface NearMiss extends NearFound, ConcessionSet {}

export interface ConcessionsResult {
  readonly document: NegotiationDocument;
  /** the date whose positions judge the document and every changed text (positionsAsOf) */
  readonly asOf: string;
  readonly max: number;
  readonly rank: ConcessionRank;
  /** negotiators anticipate ratification (the modeller's assumption) */
  readonly anticipate: boolean;
  /** the document's contested terms as tabled: each recorded variant, read so, and the verdicts it moves */
  readonly contested: readonly ContestedTerm[];
  /** the document is an agreement already: nothing to concede */
  readonly alreadyAgreement: boolean;
  /** the number of changes of the smallest working sets; null when none exists up to `max` */
  readonly size: number | null;
  /** how many minimal sets of that size exist */
  readonly count: number;
  /** the best `limit` of them, ranked */
  readonly solutions: readonly ConcessionSet[];
  /** when no set works: the closest sets (fewest blockers, then largest smallest margin, then fewest changes) */
  readonly closest: readonly NearMiss[];
  readonly stats: {
    /** sets of issues looked at */
    readonly combinations: number;
    /** sets of issues skipped because they cannot work (a broken red line or rule they do not touch, too little gain) */
    readonly prunedCombinations: number;
    /** changed packages evaluated */
    readonly packages: number;
    /** issue options never tried because changing to them can only hurt */
    readonly skippedOptions: number;
  };
}
