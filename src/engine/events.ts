// The events the negotiation machine accepts (discriminated on `type`). Plain JSON: a session stores them.
import type { TermValue } from './terms.ts';

/** An effect a facilitator fires by hand; ids as in the scenario file. (Red lines are added by scenario events.) */
export type AdHocEffect =
  | { readonly kind: 'set-reservation'; readonly actor: string; readonly value: number }
  | { readonly kind: 'shift-reservation'; readonly actor: string; readonly delta: number }
  | { readonly kind: 'set-weight'; readonly actor: string; readonly issue: string; readonly weight: number }
  | { readonly kind: 'drop-red-line'; readonly actor: string; readonly redLine: string }
  | { readonly kind: 'table'; readonly document: string }
  | { readonly kind: 'walk-out'; readonly actor: string }
  | { readonly kind: 'goodwill'; readonly actor: string };

/** A move of an actor played by a person. Terms: issue id → option id (or number), changes to the text. */
export type HumanMove =
  | { readonly type: 'accept' }
  | { readonly type: 'reject'; readonly asks?: readonly string[] }
  | { readonly type: 'propose'; readonly terms: Readonly<Record<string, TermValue>> }
  | { readonly type: 'revise'; readonly terms: Readonly<Record<string, TermValue>> };

export type InjectEvent =
  | { readonly type: 'INJECT'; readonly event: string }
  | { readonly type: 'INJECT'; readonly effect: AdHocEffect };

export type NegotiationEvent =
  /** advance one phase */
  | { readonly type: 'STEP' }
  | InjectEvent
  | { readonly type: 'HUMAN_MOVE'; readonly actor: string; readonly move: HumanMove }
  | { readonly type: 'PAUSE' }
  | { readonly type: 'RESUME' };
