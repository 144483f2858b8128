// The compiled model: what the analysis, the engine and the UI work on.
// Ids stay strings at the edges; inside, issues, options and actors are indices so hot loops use typed arrays.

/** One option index per issue, in scenario issue order. */
export type Package = ArrayLike<number>;

export interface Provenance {
  readonly sources: readonly string[];
  /** false when the record does not settle the item. */
  readonly confirmed: boolean;
  /** commonly reported but not verified. */
  readonly recall: boolean;
  readonly note?: string;
}

/** What a modelling choice rests on: a sourced statement, a reading of sources, or the modeller's assumption. */
export const BASIS_KINDS = ['stated', 'reading', 'assumption'] as const;
export type BasisKind = (typeof BASIS_KINDS)[number];

/** The basis of a modelling choice (FORMAT: `basis`, `statement`, `rationale` beside `sources`). */
export interface Grounded {
  /** 'assumption' when the file gives none */
  readonly basis: BasisKind;
  /** false when the file omits `basis` (the item then counts as an assumption) */
  readonly basisGiven: boolean;
  /** stated: the words the item rests on */
  readonly statement?: string;
}

/**
 * A hypothesis (a drift, an event acting on actors, a durability factor) names its equal-and-opposite item, or says
 * why it has none.
 */
export interface Paired {
  /** the id of the counterpart hypothesis, which names this one back */
  readonly counterpart?: string;
  /** the stated reason it has no counterpart */
  readonly oneSided?: string;
}

/**
 * A position may apply to documents dated before its earliest source, when the scenario says why (`heldEarlier`):
 * the reason, for whoever reads a verdict it judged (on-record.ts).
 */
interface HeldEarlier {
  readonly heldEarlier?: string;
}

export interface SourceRef {
  readonly id: string;
  readonly title: string;
  readonly url?: string;
  readonly publisher?: string;
  readonly date?: string;
  readonly reliability?: string;
}

export interface IssueOption {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** numeric issues: the value; discrete: null */
  readonly value: number | null;
}

export interface Issue extends Provenance {
  readonly id: string;
  readonly index: number;
  readonly label: string;
  readonly description?: string;
  readonly group?: string;
  readonly kind: 'discrete' | 'numeric';
  readonly unit?: string;
  readonly range?: readonly [number, number];
  readonly options: readonly IssueOption[];
  /** option index */
  readonly statusQuo: number;
  /** actor indices whose consent is needed to move this issue off its status quo */
  readonly controlledBy: readonly number[];
}

/** Compiled condition. Every literal is an allowed-option mask on one issue. */
export type Condition =
  | { readonly kind: 'const'; readonly value: boolean }
  | { readonly kind: 'lit'; readonly issue: number; readonly allowed: Uint8Array }
  | { readonly kind: 'all'; readonly items: readonly Condition[] }
  | { readonly kind: 'any'; readonly items: readonly Condition[] }
  | { readonly kind: 'not'; readonly item: Condition }
  | { readonly kind: 'if'; readonly cond: Condition; readonly yes: Condition; readonly no: Condition };

export interface Constraint extends Provenance, Grounded, HeldEarlier {
  readonly id: string;
  readonly text: string;
  /** the reasoning, for a reading or an assumption */
  readonly rationale?: string;
  readonly condition: Condition;
  /** sorted issue indices the condition reads */
  readonly scope: readonly number[];
}

interface Assumption {
  readonly rationale: string;
  readonly sources: readonly string[];
}

/**
 * A red line the scenario does not apply, on the model's reading (or assumption) that it did not hold on the
 * scenario's date; `hinges` reverses the reading by restoring it.
 */
interface WithheldRedLine {
  readonly redLine: Constraint;
  readonly basis: 'reading' | 'assumption';
  readonly rationale: string;
  readonly sources: readonly string[];
}

export interface IssuePreference extends Assumption, Grounded, HeldEarlier {
  /** raw weight as written (before normalisation) */
  readonly rawWeight: number;
  readonly weightRange?: readonly [number, number];
  /** value in [0, 1] of each option of the issue */
  readonly values: Float64Array;
}

export interface Reservation extends Assumption, Grounded {
  readonly value: number;
  /** change per round (the engine's); 0 when none */
  readonly drift: number;
  readonly range?: readonly [number, number];
  /** the drift as a hypothesis, when the file gives one (its id is `<actor>-drift`) */
  readonly driftHypothesis?: DriftHypothesis;
}

/** A drift of an actor's reservation, as a hypothesis with its basis. */
export interface DriftHypothesis extends Grounded, Paired {
  /** `<actor>-drift`, the name counterparts use */
  readonly id: string;
  readonly value: number;
  readonly rationale?: string;
  readonly sources: readonly string[];
}

export const STRATEGY_KINDS = [
  'boulware',
  'linear',
  'conceder',
  'tit-for-tat',
  'hardliner',
  'zeuthen',
  'human',
] as const;
export type StrategyKind = (typeof STRATEGY_KINDS)[number];

export interface Strategy {
  readonly kind: StrategyKind;
  readonly params: Readonly<Record<string, number>>;
  readonly rationale?: string;
}

/** An actor's default strategy as the scenario gives it, with its basis. */
export interface ActorStrategy extends Strategy, Grounded {
  readonly sources: readonly string[];
  /** false when the file gives no strategy (the engine then uses `linear`) */
  readonly given: boolean;
}

export type ActorRole = 'party' | 'mediator' | 'stakeholder';

export interface Actor {
  readonly id: string;
  readonly index: number;
  readonly name: string;
  /**
   * the name inside a sentence ("the United States"), when English wants another form than the name; read it
   * through domain/actor-names.ts. Left out, not copied from the name: a copy outlives a change of the name.
   */
  readonly inSentence?: string;
  readonly role: ActorRole;
  readonly description?: string;
  /** normalised weights per issue (sum 1) */
  readonly weights: Float64Array;
  /** per issue; undefined where the actor states no preference (weight 0) */
  readonly preferences: readonly (IssuePreference | undefined)[];
  /** contribution of each option to utility: contrib[offsets[i] + option] = weight_i * value_i(option) */
  readonly contrib: Float64Array;
  readonly redLines: readonly Constraint[];
  /** red lines not applied, each on a reading of its own (hinges restores them) */
  readonly withheldRedLines: readonly WithheldRedLine[];
  readonly reservation: Reservation;
  readonly strategy: ActorStrategy;
  /** dated overrides of these positions, in file order (the top level holds on the scenario's date) */
  readonly epochs: readonly ActorEpoch[];
}

/** One issue of an epoch's preference override: only what it gives changes. */
export interface PreferenceOverride extends Partial<Grounded>, HeldEarlier {
  readonly issue: number;
  readonly rawWeight?: number;
  readonly weightRange?: readonly [number, number];
  /** values of the options whose `mask` is 1 (a curve sets every option) */
  readonly values: Float64Array;
  readonly mask: Uint8Array;
  readonly rationale?: string;
  readonly sources?: readonly string[];
}

export interface ReservationOverride extends Partial<Grounded> {
  readonly value?: number;
  readonly drift?: number;
  readonly range?: readonly [number, number];
  readonly rationale?: string;
  readonly sources?: readonly string[];
}

/** An actor's positions over a span of dates: [from, until), either end open. */
export interface ActorEpoch extends Provenance, Grounded {
  readonly id: string;
  readonly label: string;
  /** inclusive, as written (YYYY, YYYY-MM or YYYY-MM-DD) */
  readonly from?: string;
  /** exclusive, as written */
  readonly until?: string;
  readonly rationale?: string;
  readonly preferences: readonly PreferenceOverride[];
  readonly reservation?: ReservationOverride;
  /** red line ids dropped while the epoch holds */
  readonly dropRedLines: readonly string[];
  /** red lines added while it holds (one with the id of an existing red line replaces it); each says why it held
   * earlier in its own words or, when it says nothing, in the epoch's (as do the preference overrides) */
  readonly addRedLines: readonly Constraint[];
  readonly strategy?: ActorStrategy;
}

/** A documented reaction of an actor to a document (issue 11): the record as evidence. */
export interface RecordedReaction extends Provenance, Grounded {
  readonly id: string;
  readonly actor: number;
  readonly document: string;
  readonly reaction: 'accept' | 'reject';
  readonly date: string;
  readonly rationale?: string;
}

export interface Term extends Provenance {
  readonly issue: number;
  readonly option: number;
  readonly variants: readonly (Provenance & { readonly option: number })[];
}

interface DocumentPoint extends Provenance {
  readonly n: number | string;
  readonly text: string;
  readonly issues: readonly number[];
}

export interface NegotiationDocument extends Provenance {
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly tabledBy: number;
  readonly author?: string;
  readonly summary?: string;
  /** only the issues the document addresses */
  readonly terms: readonly Term[];
  readonly points: readonly DocumentPoint[];
  /** the full package: terms, everything else at status quo */
  readonly package: Int32Array;
}

export type Effect =
  | { readonly kind: 'set-reservation'; readonly actor: number; readonly value: number }
  | { readonly kind: 'shift-reservation'; readonly actor: number; readonly delta: number }
  | { readonly kind: 'set-weight'; readonly actor: number; readonly issue: number; readonly weight: number }
  | { readonly kind: 'add-red-line'; readonly actor: number; readonly redLine: Constraint }
  | { readonly kind: 'drop-red-line'; readonly actor: number; readonly redLine: string }
  | { readonly kind: 'table'; readonly document: string }
  | { readonly kind: 'walk-out'; readonly actor: number }
  /** a gesture that concedes nothing on the table: renews the mediator's patience, forgives one round of blame */
  | { readonly kind: 'goodwill'; readonly actor: number };

/**
 * When an event fires: at the start of a round; by hand; or once, at the start of the round after an actor's
 * blame count (lone holdouts and walk-outs, see engine/blame.ts) reaches `atLeast`.
 */
export type EventTrigger =
  | { readonly round: number }
  | { readonly manual: true }
  | { readonly blame: { readonly actor: number; readonly atLeast: number } };

export interface ScenarioEvent extends Provenance, Grounded, Paired {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly rationale?: string;
  readonly trigger: EventTrigger;
  readonly effects: readonly Effect[];
}

/** A term-dependent shift of a deal's estimated durability: applies when its condition holds. */
interface DurabilityFactor extends Provenance, Grounded, Paired {
  readonly id: string;
  readonly label: string;
  readonly condition: Condition;
  /** sorted issue indices the condition reads */
  readonly scope: readonly number[];
  /** added to the base when the condition holds, in [-1, 1] */
  readonly shift: number;
  readonly rationale: string;
}

/** How likely a signed deal is to hold: an assumption of the scenario, never a prediction of the model. */
export interface Durability extends Assumption {
  /** in [0, 1] */
  readonly base: number;
  readonly factors: readonly DurabilityFactor[];
}

/**
 * What a ratifying body requires of a text: that it be worth at least `value` to the actor (the win-set). Unless a
 * source gives the number, the modeller's assumption.
 */
interface RatificationThreshold extends Assumption, Grounded {
  /** in [0, 1] */
  readonly value: number;
  /** uncertainty, for sweeps and outcome runs */
  readonly range?: readonly [number, number];
}

/** A ratification hurdle (two-level game): a signed text that meets `condition` takes effect only if the body approves. */
export interface Ratification extends Provenance, Grounded {
  readonly id: string;
  /** the actor whose body ratifies */
  readonly actor: number;
  /** the body and its procedure, in a phrase */
  readonly label: string;
  /** what the body decides, in a sentence */
  readonly text: string;
  readonly rationale?: string;
  readonly condition: Condition;
  /** sorted issue indices the condition reads */
  readonly scope: readonly number[];
  /** the first date it holds, on its sources (texts dated earlier meet no such hurdle); absent: at every date */
  readonly from?: string;
  readonly threshold: RatificationThreshold;
}

interface Protocol {
  readonly kind: 'mediated-single-text' | 'alternating-offers';
  readonly mediator?: number;
  readonly parties: readonly number[];
  readonly opening?: string;
  readonly maxRounds: number;
  /** every run's default for the modeller's assumption that negotiators anticipate ratification (absent: off) */
  readonly anticipateRatification?: true;
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** the date of the situation modelled: the actors' top-level positions are theirs on this date */
  readonly date: string;
  /** where the scenario's record ends (the last event it covers), when it says */
  readonly recordEnds?: string;
  readonly description?: string;
  /** where it was loaded from, for messages */
  readonly file?: string;
  readonly sources: readonly SourceRef[];
  readonly issues: readonly Issue[];
  /** issues omitted from an included base: fixed at status quo, kept so conditions can name them */
  readonly fixedIssues: readonly string[];
  readonly actors: readonly Actor[];
  readonly rules: readonly Constraint[];
  readonly documents: readonly NegotiationDocument[];
  readonly events: readonly ScenarioEvent[];
  /** documented reactions to the documents, in file order */
  readonly record: readonly RecordedReaction[];
  /** the scenario's durability assumptions, when it states them */
  readonly durability?: Durability;
  /** ratification hurdles, in file order */
  readonly ratifications: readonly Ratification[];
  readonly protocol: Protocol;
  /** offsets[i] = start of issue i's options in each actor's contrib array; offsets[n] = total options */
  readonly offsets: Int32Array;
  readonly issueIndex: ReadonlyMap<string, number>;
  readonly actorIndex: ReadonlyMap<string, number>;
}
