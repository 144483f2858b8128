// The transcript: an append-only log of what happened, in ids and plain data, for people and for JSON.

import type { Patch } from 'immer';
import type { Violation } from '../domain/evaluate.ts';
import type { RatificationCheck } from '../domain/ratification.ts';
import type { BasisKind, StrategyKind } from '../domain/types.ts';
import type { InjectOrigin } from './events.ts';
import type { TermSheet, TermValue } from './terms.ts';

export type Phase = 'setup' | 'tabling' | 'responding' | 'tallying' | 'agreed' | 'ratifying' | 'paused';

export type ChangeReasonEntry =
  | { readonly kind: 'red-line'; readonly actor: string; readonly redLine: Violation }
  | { readonly kind: 'rule'; readonly rule: Violation }
  /** the text leaves the actor's issues at the status quo, so its consent is no longer needed */
  | { readonly kind: 'consent'; readonly actor: string }
  | { readonly kind: 'ask'; readonly actor: string; readonly cost: number }
  /** a redraft to the nearest package of the exact frontier that meets these actors' stated demands */
  | { readonly kind: 'frontier'; readonly meets: readonly string[] };

export interface TermChangeEntry {
  readonly issue: string;
  readonly from: TermValue;
  readonly to: TermValue;
  readonly reason?: ChangeReasonEntry;
}

/** A change of the text on the table: the terms that moved, and the immer patches of the term sheet. */
interface TextChange {
  readonly changes: readonly TermChangeEntry[];
  readonly patches: readonly Patch[];
  readonly inverse: readonly Patch[];
  /** the whole term sheet, on the first text of a run only (later ones follow from the patches) */
  readonly terms?: TermSheet;
}

export interface EffectNote {
  readonly kind: string;
  readonly actor?: string;
  readonly from?: number;
  readonly to?: number;
  readonly issue?: string;
  readonly redLine?: Violation | string;
  readonly document?: string;
  /** goodwill: the mediator's patience was renewed (false: no mediator's patience to renew) */
  readonly patienceRenewed?: boolean;
  /** goodwill: one round of the actor's blame as lone holdout was forgiven (false: it had none) */
  readonly blameForgiven?: boolean;
}

export interface EventNote {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** what the event rests on, as the scenario gives it ('assumption' where the file gives none) */
  readonly basis: BasisKind;
  readonly sources: readonly string[];
  readonly confirmed: boolean;
  readonly note?: string;
}

/** A deal's estimated durability under the scenario's assumptions (domain/durability.ts). */
export interface DurabilityNote {
  readonly value: number;
  readonly base: number;
  /** every factor, in scenario order; `holds`: its condition is met by the terms */
  readonly factors: readonly {
    readonly id: string;
    readonly label: string;
    readonly shift: number;
    readonly holds: boolean;
  }[];
}

/** One actor's blame, as the engine counts it: the rounds it was the lone holdout, and its walk-out. */
export interface BlameCount {
  readonly actor: string;
  readonly count: number;
  readonly holdouts: readonly number[];
  /** the round it walked out, or null */
  readonly walkOut: number | null;
}

export type EntryBody =
  | ({
      readonly kind: 'tabled';
      readonly document: string;
      readonly title: string;
      readonly date: string;
      readonly by: string;
      readonly trigger: 'opening' | 'event' | 'inject';
      readonly event?: string;
    } & TextChange)
  | ({
      readonly kind: 'proposal';
      readonly actor: string;
      readonly aspiration: number;
      readonly utility: number;
      /** a person's proposal: its aspiration is only the utility of what it tabled */
      readonly human?: true;
    } & TextChange)
  | ({
      readonly kind: 'revised';
      readonly actor: string;
      readonly aspiration: number;
      /** actors whose objections it could not meet without breaking a red line or its own aspiration */
      readonly unmet: readonly string[];
      /** it keeps the text: every change it could make would undo one of its own changes or table a text
       * again, and nothing has happened since it made them (no event, inject or walk-out) */
      readonly nothingNew?: true;
      /**
       * the moves it made this round that a later move of the same round took back, each with its reason, in the
       * order made (only terms that end where they started; absent when there are none): why a text it keeps
       * stayed the same
       */
      readonly undone?: readonly TermChangeEntry[];
      readonly human?: true;
    } & TextChange)
  | {
      readonly kind: 'verdict';
      readonly actor: string;
      readonly accepts: boolean;
      readonly utility: number;
      readonly reservation: number;
      /** the utility it held out for this round */
      readonly aspiration: number;
      readonly strategy: StrategyKind | 'mediator';
      readonly violations: readonly Violation[];
      readonly asks: readonly { readonly issue: string; readonly cost: number }[];
      readonly human?: true;
      /** the actor had walked out: it answers no to any text, and holds out for nothing (its aspiration is moot) */
      readonly absent?: true;
      /** a person rejected without naming terms: `asks` are the terms that cost it most, which the mediator reads
       * as its asks */
      readonly asksDefaulted?: true;
      /** under the hypothesis that negotiators anticipate ratification: its hurdles the text meets and would fail */
      readonly wouldFail?: readonly WouldFail[];
    }
  | {
      readonly kind: 'walk-out';
      readonly actor: string;
      readonly cause: 'event' | 'strategy';
      readonly event?: string;
      /** strategy walk-outs: the most it could get under its red lines (null: nothing keeps them) */
      readonly best?: number | null;
      readonly reservation?: number;
      /** a mediator out of patience: the rounds in a row without progress */
      readonly stalled?: number;
      /** anticipating ratification: no text it could table clears its hurdles; those its best text would fail */
      readonly wouldFail?: readonly WouldFail[];
    }
  | {
      readonly kind: 'inject';
      readonly trigger: 'scheduled' | 'manual';
      /** a manual inject: who fired it, as its input says (absent in a session saved before inputs said it) */
      readonly by?: InjectOrigin;
      readonly event?: EventNote;
      readonly effects: readonly EffectNote[];
      /** a blame-triggered event: the actor and its blame count when it fired */
      readonly blame?: { readonly actor: string; readonly count: number };
    }
  | {
      readonly kind: 'drift';
      readonly changes: readonly { readonly actor: string; readonly from: number; readonly to: number }[];
    }
  | {
      readonly kind: 'tally';
      readonly agreement: boolean;
      readonly required: readonly string[];
      readonly accepting: readonly string[];
      readonly rejecting: readonly string[];
      readonly ruleViolations: readonly Violation[];
      /** the one required actor that rejected a text every other required actor accepted (rules kept) */
      readonly holdout?: string;
    }
  | {
      readonly kind: 'agreement';
      readonly terms: TermSheet;
      readonly utilities: Readonly<Record<string, number>>;
      readonly durability?: DurabilityNote;
    }
  | {
      readonly kind: 'ratification';
      readonly ratified: boolean;
      /** the required actors whose verdict under the current reservations and red lines is no */
      readonly failing: readonly string[];
      readonly ruleViolations: readonly Violation[];
    }
  | {
      readonly kind: 'signed';
      readonly terms: TermSheet;
      readonly utilities: Readonly<Record<string, number>>;
      readonly durability?: DurabilityNote;
      /** the ratification hurdles the signed terms meet, each cleared or not by the numbers (none: it takes effect) */
      readonly ratification?: RatificationCheck;
    }
  | { readonly kind: 'stalemate'; readonly terms: TermSheet; readonly blame?: readonly BlameCount[] }
  | {
      readonly kind: 'collapsed';
      readonly actors: readonly string[];
      readonly terms: TermSheet;
      readonly blame?: readonly BlameCount[];
    };

/** A reason to reject that the modeller's hypothesis adds: the actor's body would vote the text down. */
export interface WouldFail {
  readonly kind: 'ratification';
  readonly hurdle: string;
  readonly label: string;
  /** the text's worth to the actor, and what the body's approval needs */
  readonly utility: number;
  readonly threshold: number;
}

export type TranscriptEntry = {
  readonly seq: number;
  readonly round: number;
  readonly phase: Phase;
} & EntryBody;
