// The machine's context: plain JSON only (numbers, strings, arrays, objects), so a snapshot persists as is.
// Actors and issues are indices into the scenario, which the machine closes over; the transcript uses ids.
// Also what every phase does to a context: append to the transcript, draw from the seeded generator.

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

/** Frozen deep, as every context after it (the caches of effective.ts trust only frozen lists). */
export function initialContext(scenario: Scenario, options: ResolvedOptions): NegotiationContext {
  return freezeData({
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
  });
}

/**
 * The fields a step replaces whole and never edits in place: the lists it appends to (this round's answers are
 * also emptied), the generator's state and the text on the table.
 */
type Whole = 'transcript' | 'history' | 'answers' | 'rng' | 'text';

/** The lists a step edits in place (an item written, pushed or removed): per-actor values and short logs. */
type Edited =
  | 'reservations'
  | 'weightEdits'
  | 'redLineEdits'
  | 'walkedOut'
  | 'awaiting'
  | 'blame'
  | 'blameMarks'
  | 'blameFired';
const EDITED: readonly Edited[] = [
  'reservations',
  'weightEdits',
  'redLineEdits',
  'walkedOut',
  'awaiting',
  'blame',
  'blameMarks',
  'blameFired',
];

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A context being stepped, its type without the fields it replaces whole: those are in the draft too, but read
 * only with `whole` and written only with `replace` or `append`. The lists are frozen arrays: a recipe's first `append` to one makes a copy of its
 * own, which its later appends grow, and which is frozen when the recipe ends. The other fields are written
 * directly; a list edited in place is edited through `edit`, which makes the copy (the type keeps the lists
 * read-only, so the compiler holds every phase to this).
 */
export type ContextDraft = Writable<Omit<NegotiationContext, Whole>>;

const WHOLE: readonly Whole[] = ['transcript', 'history', 'answers', 'rng', 'text'];
type List = 'transcript' | 'history' | 'answers';

/**
 * The step under way: its draft, the lists it has grown and those it has copied to edit. A draft lives for one
 * recipe; a step inside a recipe (none does today) would keep its own, and the outer one is restored after it.
 */
interface Step {
  readonly draft: ContextDraft;
  /**
   * The lists this recipe has appended to: arrays of its own, not yet frozen, which later appends grow in place
   * (a copy per append made a step's appends cost the square of the transcript's length). Frozen when the recipe
   * ends; nothing outside this module sees them before.
   */
  readonly grown: { transcript: boolean; history: boolean; answers: boolean };
  /** the lists of EDITED this recipe has copied to edit in place */
  readonly edited: Edited[];
}
let step: Step | null = null;

function stepOf(draft: ContextDraft): Step {
  if (step?.draft !== draft) throw new Error('a context draft used outside its own step');
  return step;
}

/** The draft with the fields its type leaves out: they are in it, written only through this module. */
const all = (draft: ContextDraft) => draft as unknown as Writable<NegotiationContext>;

/** A whole field as it stands in the draft. */
export function whole<K extends Whole>(draft: ContextDraft, key: K): NegotiationContext[K] {
  return all(draft)[key];
}

export function replace<K extends Whole>(draft: ContextDraft, key: K, value: NegotiationContext[K]): void {
  const s = stepOf(draft);
  all(draft)[key] = value;
  if (key !== 'rng' && key !== 'text') s.grown[key as List] = false;
}

/**
 * A step on the context: the recipe edits a draft, replaces whole fields with `replace`/`append` and edits the
 * short lists through `edit`. Every step on a context goes through here.
 *
 * The draft is a shallow copy of the context, not immer's proxy: a context has one level of fields, the lists in
 * it are replaced (`replace`, `append`) or copied before they are edited (`edit`), and drafting through proxies
 * cost a sixth of an `outcomes` draw (docs/performance.md). What immer's `produce` gave is kept: the context before
 * is never changed, and the one after is frozen deep, sharing every list the step did not change (the engine's
 * caches know a state by its lists' identity: effective.ts, memory.ts). Writing into anything else in place (an
 * item of a list, a term sheet) throws, as it is frozen.
 */
export function produceContext(
  ctx: NegotiationContext,
  recipe: (draft: ContextDraft) => void,
): NegotiationContext {
  const draft: ContextDraft = { ...ctx };
  const outer = step;
  const mine: Step = { draft, grown: { transcript: false, history: false, answers: false }, edited: [] };
  step = mine;
  try {
    recipe(draft);
  } finally {
    step = outer;
  }
  const next = all(draft);
  for (const key of WHOLE) {
    const value = next[key];
    if (value === ctx[key]) continue;
    // a grown list's items were frozen as they were appended: only the list is left
    if (key !== 'rng' && key !== 'text' && mine.grown[key]) Object.freeze(value);
    else freezeData(value);
  }
  // what the recipe made or assigned anew: the edited lists, and the mediator's record
  for (const key of EDITED) if (next[key] !== ctx[key]) freezeData(next[key]);
  if (next.progress !== ctx.progress) freezeData(next.progress);
  return Object.freeze(next);
}

/** A list of the draft to edit in place: a copy of its own, made at the first `edit` of the recipe. */
export function edit<K extends Edited>(draft: ContextDraft, key: K): Writable<NegotiationContext[K]> {
  const s = stepOf(draft);
  if (!s.edited.includes(key)) {
    (draft as Record<Edited, unknown>)[key] = [...draft[key]];
    s.edited.push(key);
  }
  return draft[key] as Writable<NegotiationContext[K]>;
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
  if (Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) {
      const v: unknown = value[k];
      if (typeof v === 'object' && v !== null) freezeData(v);
    }
  } else {
    // for…in, not Object.values, which allocates a list per node (2% of what a draw allocated)
    for (const k in value) {
      const v: unknown = value[k];
      if (typeof v === 'object' && v !== null) freezeData(v);
    }
  }
  return value;
}

/**
 * Whether appended items (transcript entries, past rounds, answers) are frozen deep. Off only while a batch run
 * makes its steps (`unguardedItems`): its contexts are read by the run alone and then summarised, and freezing
 * each entry cost 3–7% of an `outcomes` draw (docs/performance.md). Freezing is a guard, never a cause: no step
 * writes into an entry, which every other run — the machine's, the headless driver's, the tests' — proves by
 * throwing if one did, and tests/engine/batch.test.ts holds a batch run's end equal to the machine's.
 */
let freezeItems = true;

/** Runs `f` with appended items left unfrozen (the lists themselves are still frozen as every recipe ends). */
export function unguardedItems<T>(f: () => T): T {
  const was = freezeItems;
  freezeItems = false;
  try {
    return f();
  } finally {
    freezeItems = was;
  }
}

/** Appends an item to a list; the item is frozen deep (outside a batch run), the list when the recipe ends. */
export function append<K extends List>(
  draft: ContextDraft,
  key: K,
  item: NegotiationContext[K][number],
): void {
  const s = stepOf(draft);
  const list = all(draft)[key] as NegotiationContext[K][number][];
  const kept = freezeItems ? freezeData(item) : item;
  if (s.grown[key]) list.push(kept);
  else {
    all(draft)[key] = [...list, kept] as NegotiationContext[K];
    s.grown[key] = true;
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
