// The machine's context: plain JSON only (numbers, strings, arrays, objects), so a snapshot persists as is.
// Actors and issues are indices into the scenario, which the machine closes over; the transcript uses ids.
// Also what every phase does to a context under immer: append to the transcript, draw from the seeded generator.

import { type Draft, original, produce } from 'immer';
import type { PastAnswer, PastRound } from '../agents/types.ts';
import { createRng, type Rng, rngFromState } from '../domain/rng.ts';
import type { Scenario } from '../domain/types.ts';
import type { ResolvedOptions } from './options.ts';
import type { EntryBody, Phase, TranscriptEntry } from './transcript.ts';

export interface WeightEdit {
  readonly actor: number;
  readonly issue: number;
  /** the raw weight (the actor's weights are normalised again) */
  readonly weight: number;
}

type RedLineEdit =
  /** a red line added by effect `effect` of scenario event `event` */
  | { readonly kind: 'add'; readonly actor: number; readonly event: string; readonly effect: number }
  | { readonly kind: 'drop'; readonly actor: number; readonly redLine: string };

/** Why an actor's blame count rose: it was the lone holdout of a round, or it walked out (a goodwill gesture
 * removes the actor's latest holdout mark, see blame.ts). */
interface BlameMark {
  readonly round: number;
  readonly actor: number;
  readonly cause: 'holdout' | 'walk-out';
}

/** The mediator's record of the talks so far, for its patience. */
export interface Progress {
  /** the most required actors that accepted a text */
  readonly accepting: number;
  /** the least total shortfall of the answers below their aspirations (+1 per actor whose red line broke) */
  readonly shortfall: number;
  /** rounds in a row without a new best */
  readonly stale: number;
  /** a goodwill gesture since the last tally: the next tally counts as progress */
  readonly renewed?: boolean;
}

interface Awaiting {
  readonly actor: number;
  readonly move: 'respond' | 'propose' | 'revise';
}

export interface NegotiationContext {
  /** 0 before the first round */
  readonly round: number;
  readonly maxRounds: number;
  /** the text on the table: an option index per issue (empty before the first round) */
  readonly text: readonly number[];
  /** who wrote the text on the table (null: a tabled document) and what it held out for */
  readonly author: number | null;
  readonly authorAspiration: number | null;
  /** per actor: the value of no deal now (drift and events move it) */
  readonly reservations: readonly number[];
  readonly weightEdits: readonly WeightEdit[];
  readonly redLineEdits: readonly RedLineEdit[];
  /** the seeded generator's state (pure-rand xoroshiro128+) */
  readonly rng: readonly number[];
  readonly walkedOut: readonly number[];
  /** a document injected outside the tabling phase: it goes on the table at the next round */
  readonly queued: string | null;
  /** people whose move the machine waits for */
  readonly awaiting: readonly Awaiting[];
  /** this round's answers so far */
  readonly answers: readonly PastAnswer[];
  /** the outcome of the last tally */
  readonly agreed: boolean;
  /** per actor: rounds as lone holdout plus walk-outs (only a goodwill gesture lowers it, by one holdout) */
  readonly blame: readonly number[];
  readonly blameMarks: readonly BlameMark[];
  /** blame-triggered events that have fired (each fires once) */
  readonly blameFired: readonly string[];
  /** null before the first tally */
  readonly progress: Progress | null;
  /** earlier rounds, for the strategies */
  readonly history: readonly PastRound[];
  readonly transcript: readonly TranscriptEntry[];
}

export function initialContext(scenario: Scenario, options: ResolvedOptions): NegotiationContext {
  return {
    round: 0,
    maxRounds: options.maxRounds,
    text: [],
    author: null,
    authorAspiration: null,
    reservations: scenario.actors.map((a) => a.reservation.value),
    weightEdits: [],
    redLineEdits: [],
    rng: [...createRng(options.seed).state()],
    walkedOut: [],
    queued: null,
    awaiting: [],
    answers: [],
    agreed: false,
    blame: scenario.actors.map(() => 0),
    blameMarks: [],
    blameFired: [],
    progress: null,
    history: [],
    transcript: [],
  };
}

/**
 * The fields a step replaces whole and never edits in place: the lists it appends to (this round's answers are
 * also emptied), the generator's state and the text on the table.
 */
type Whole = 'transcript' | 'history' | 'answers' | 'rng' | 'text';

/**
 * A context under immer, without the fields it replaces whole: those are read with `whole` and written with
 * `replace`, beside the draft. Read through immer's proxy, a list would be drafted (and its items with it) only to
 * be replaced; appended item by item, immer would copy, walk and freeze every earlier transcript entry at every
 * step. The lists are frozen arrays: a recipe's first `append` to one makes a copy of its own, which its later
 * appends grow, and which is frozen when the recipe ends.
 */
export type ContextDraft = Omit<Draft<NegotiationContext>, Whole>;

/**
 * The whole fields a recipe has replaced so far (undefined: not replaced), per draft: a draft lives for one recipe.
 * A class of five fixed fields, and the last draft asked for kept beside the map: every append asks twice, and a
 * map lookup and an object whose keys come one by one cost an outcomes draw 2% (docs/performance.md).
 */
class Replaced {
  transcript: NegotiationContext['transcript'] | undefined = undefined;
  history: NegotiationContext['history'] | undefined = undefined;
  answers: NegotiationContext['answers'] | undefined = undefined;
  rng: NegotiationContext['rng'] | undefined = undefined;
  text: NegotiationContext['text'] | undefined = undefined;
  /**
   * The lists this recipe has appended to: arrays of its own, not yet frozen, which later appends grow in place
   * (a copy per append made a step's appends cost the square of the transcript's length). Frozen when the recipe
   * ends; nothing outside this module sees them before.
   */
  readonly grown = { transcript: false, history: false, answers: false };
}
const replaced = new WeakMap<ContextDraft, Replaced>();
let lastDraft: ContextDraft | null = null;
let lastFields = new Replaced();

function replacedIn(draft: ContextDraft): Replaced | undefined {
  if (draft === lastDraft) return lastFields;
  const fields = replaced.get(draft);
  if (fields) {
    lastDraft = draft;
    lastFields = fields;
  }
  return fields;
}

/** A whole field as it stands in the draft, read without immer's proxy. */
export function whole<K extends Whole>(draft: ContextDraft, key: K): NegotiationContext[K] {
  const value = replacedIn(draft)?.[key];
  if (value !== undefined) return value as NegotiationContext[K];
  return original(draft as Draft<NegotiationContext>)![key] as NegotiationContext[K];
}

function fieldsOf(draft: ContextDraft): Replaced {
  let fields = replacedIn(draft);
  if (!fields) {
    fields = new Replaced();
    replaced.set(draft, fields);
    lastDraft = draft;
    lastFields = fields;
  }
  return fields;
}

export function replace<K extends Whole>(draft: ContextDraft, key: K, value: NegotiationContext[K]): void {
  const fields = fieldsOf(draft);
  (fields as { [F in Whole]: NegotiationContext[F] | undefined })[key] = value;
  if (key !== 'rng' && key !== 'text') fields.grown[key as List] = false;
}

const WHOLE: readonly Whole[] = ['transcript', 'history', 'answers', 'rng', 'text'];
type List = 'transcript' | 'history' | 'answers';
const LISTS: readonly List[] = ['transcript', 'history', 'answers'];

/**
 * A step on the context under immer: the recipe edits the draft and replaces whole fields with `replace`/`append`,
 * which are written into the draft once, when the recipe is done (each write goes through immer's proxy: a step
 * that appends six entries wrote the transcript six times). Every step on a context goes through here.
 */
export function produceContext(
  ctx: NegotiationContext,
  recipe: (draft: ContextDraft) => void,
): NegotiationContext {
  return produce(ctx, (draft) => {
    recipe(draft);
    const fields = replacedIn(draft);
    if (!fields) return;
    for (const key of LISTS) if (fields.grown[key]) Object.freeze(fields[key]);
    for (const key of WHOLE) {
      const value = fields[key];
      if (value !== undefined) (draft as Record<Whole, unknown>)[key] = value;
    }
  });
}

/**
 * Freezes plain data (objects and arrays) deep, as immer freezes what it returns; what is frozen already (a term
 * sheet shared between entries) is not walked again. Immer's own `freeze` asks of every value whether it is a
 * draft, a Map or a class instance, which context data never is: it took a tenth of a draw (docs/performance.md).
 */
function freezeData<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (ArrayBuffer.isView(value)) return value; // a typed array cannot be frozen (nor does immer try)
  Object.freeze(value);
  if (Array.isArray(value)) for (const v of value) freezeData(v);
  else for (const k in value) freezeData(value[k]);
  return value;
}

/** Appends an item to a list; the item is frozen deep, the list when the recipe ends. */
export function append<K extends List>(
  draft: ContextDraft,
  key: K,
  item: NegotiationContext[K][number],
): void {
  const fields = fieldsOf(draft);
  const list: readonly NegotiationContext[K][number][] = whole(draft, key);
  if (fields.grown[key]) (list as NegotiationContext[K][number][]).push(freezeData(item));
  else {
    replace(draft, key, [...list, freezeData(item)] as NegotiationContext[K]);
    fields.grown[key] = true;
  }
}

/** Appends a transcript entry stamped with its sequence number, the round and the phase. */
export function log(draft: ContextDraft, phase: Phase, body: EntryBody): void {
  append(draft, 'transcript', {
    seq: whole(draft, 'transcript').length,
    round: draft.round,
    phase,
    ...body,
  } as TranscriptEntry);
}

/** Runs `use` with the generator restored from the draft, and stores its state back. */
export function withRng<T>(draft: ContextDraft, use: (rng: Rng) => T): T {
  const rng = rngFromState(whole(draft, 'rng'));
  const out = use(rng);
  replace(draft, 'rng', [...rng.state()]);
  return out;
}
