// What a strategy sees and what it may do. Strategies are pure functions of a View (and a seeded Rng).
import type { Violation } from '../domain/evaluate.ts';
import type { HurdleCheck } from '../domain/ratification.ts';
import type { Scenario, Strategy } from '../domain/types.ts';

/** An answer given in an earlier round. */
export interface PastAnswer {
  readonly actor: number;
  readonly accepts: boolean;
  /** the utility the actor held out for that round */
  readonly aspiration: number;
  /** the text's utility to it, and its value of no deal, as it answered */
  readonly utility: number;
  readonly reservation: number;
  /** the issues it asked to have changed (a rejection), costliest first */
  readonly asks: readonly number[];
}

/** A text that was on the table in an earlier round, and how it was answered. */
export interface PastRound {
  readonly round: number;
  readonly text: readonly number[];
  /** the actor whose proposal or revision it was; null for a tabled document */
  readonly author: number | null;
  /** the aspiration behind a proposal or revision (null for a document) */
  readonly authorAspiration: number | null;
  readonly answers: readonly PastAnswer[];
}

export interface View {
  /**
   * The scenario as it stands: weights, red lines and reservations (`actor.reservation.value`) as events
   * have modified them. Agents know every actor's preferences (complete information), not their strategies.
   */
  readonly scenario: Scenario;
  readonly self: number;
  readonly strategy: Strategy;
  readonly round: number;
  readonly maxRounds: number;
  /** the text on the table: one option index per issue (shared by the views of a round: never written to) */
  readonly text: Int32Array;
  /** earlier rounds, oldest first */
  readonly history: readonly PastRound[];
  /** the modeller's hypothesis that negotiators anticipate ratification is on (agents/anticipate.ts) */
  readonly anticipate?: boolean;
}

/** An issue the actor asks to have changed: those that cost it most, largest first. */
interface Ask {
  readonly issue: number;
  readonly cost: number;
}

export type Response =
  | { readonly type: 'accept'; readonly utility: number; readonly aspiration: number }
  | {
      readonly type: 'reject';
      readonly utility: number;
      readonly aspiration: number;
      /** its own red lines the text breaks */
      readonly violations: readonly Violation[];
      readonly asks: readonly Ask[];
      /** its ratification hurdles the text meets and would not clear (only when it anticipates them) */
      readonly wouldFail?: readonly HurdleCheck[];
    }
  | {
      readonly type: 'walk-out';
      readonly utility: number;
      readonly aspiration: number;
      /** the most it could get at this table under its red lines (null: nothing satisfies them) */
      readonly best: number | null;
      /** anticipating ratification: no text it could table clears its own hurdles; those its best text fails */
      readonly wouldFail?: readonly HurdleCheck[];
    };

export interface Proposal {
  readonly type: 'propose';
  readonly pkg: readonly number[];
  readonly aspiration: number;
}

/** Why the mediator changed a term. */
export type ChangeReason =
  | { readonly kind: 'red-line'; readonly actor: number; readonly violation: Violation }
  | { readonly kind: 'rule'; readonly violation: Violation }
  | { readonly kind: 'consent'; readonly actor: number }
  | { readonly kind: 'ask'; readonly actor: number; readonly cost: number }
  /** a redraft to the nearest acceptable package that meets the demands of these actors */
  | { readonly kind: 'frontier'; readonly meets: readonly number[] };

export interface TermChange {
  readonly issue: number;
  readonly from: number;
  readonly to: number;
  readonly reason: ChangeReason;
}

export interface Revision {
  readonly type: 'revise';
  readonly changes: readonly TermChange[];
  readonly aspiration: number;
  /** objections it could not meet (no admissible change): actor indices */
  readonly unmet: readonly number[];
  /** it keeps the text because every change it could make would undo one of its own or table a text again */
  readonly nothingNew: boolean;
}
