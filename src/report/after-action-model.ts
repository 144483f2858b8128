// The after-action report as plain data: what `afterActionReport` (after-action.ts) builds from a run and what the
// markdown and HTML renderers (and a UI) lay out. Its own module, so the parts that build it (debrief questions,
// the Nash comparison, the trajectories) depend on the model and not on the builder.
import type { ActorRole, SourceRef } from '../domain/types.ts';
import type { ResolvedOptions } from '../engine/options.ts';
import type { TranscriptEntry } from '../engine/transcript.ts';
import type { ReasonEntry } from './before-record.ts';
import type { EvidenceSection } from './evidence.ts';
import { n3 } from './format.ts';
import type { Line } from './narration/spans.ts';
import type { NoDealValue } from './no-deal-values.ts';
import type { BlameLine, DurabilityReport } from './outcome-notes.ts';

/** What the report needs of a run: a finished or unfinished snapshot, reduced to plain data. */
export interface RunState {
  readonly transcript: readonly TranscriptEntry[];
  readonly round: number;
  readonly done: boolean;
  /** the state, e.g. "live.running.responding" or "stalemate" */
  readonly state: string;
  /** people the machine waits for */
  readonly awaiting: readonly { readonly actor: string; readonly move: 'respond' | 'propose' | 'revise' }[];
}

export interface ReportMeta {
  readonly options: ResolvedOptions;
  /** where the scenario came from (a shipped id or a path), if known */
  readonly source?: string;
  /** what the outcome rests on and what the record settles (report/evidence.ts), when the caller computed it */
  readonly evidence?: EvidenceSection;
}

export interface ActorSummary {
  readonly id: string;
  readonly name: string;
  /** the name inside a sentence ("the United States"); debrief.ts and words.ts nameInSentence read it */
  readonly inSentence: string;
  readonly role: ActorRole;
  readonly strategy: string;
  /** what the strategy does, in a few words */
  readonly approach: string;
  /** where the strategy comes from: " [reading]", " (chosen for this run; …)" or "" (words.ts strategyGrounds) */
  readonly grounds: string;
  /** played by a person (strategy human) */
  readonly person: boolean;
  /** its value of no deal as the scenario gives it (the run's events may move it: see the trajectories) */
  readonly noDeal: NoDealValue;
}

export interface RoundReport {
  readonly round: number;
  /** the round's transcript entries, as the engine wrote them */
  readonly entries: readonly TranscriptEntry[];
  /** the round told in the report's voice */
  readonly lines: readonly Line[];
  /** terms that differ between the text answered the round before and this round's (none in round 1) */
  readonly moved: readonly { readonly issue: string; readonly label: string }[];
}

export interface Trajectory {
  readonly actor: string;
  /** per round: the worth of the round's text to the actor (null: no text on the table yet) */
  readonly utility: readonly (number | null)[];
  /** per round: its value of no deal when it answered (or at the end of the round) */
  readonly noDeal: readonly number[];
  /** per round: its verdict, or null when its consent was not asked */
  readonly accepts: readonly (boolean | null)[];
}

export interface TurningPoint {
  /** the round it happened in; several when the same thing happened in each (the text moving most, by the same
   * terms), painted as one line over a span ("Rounds 2–26") */
  readonly rounds: readonly number[];
  readonly kind: 'flip' | 'moved' | 'inject' | 'walk-out' | 'ratification';
  readonly text: string;
  readonly cites: readonly string[];
}

export type Outcome =
  | { readonly kind: 'signed'; readonly round: number; readonly sentence: string }
  | { readonly kind: 'stalemate'; readonly round: number; readonly sentence: string }
  | { readonly kind: 'collapsed'; readonly round: number; readonly sentence: string }
  | {
      readonly kind: 'unfinished';
      readonly round: number;
      readonly sentence: string;
      readonly waitingFor: readonly string[];
    };

export interface TermLine {
  readonly issue: string;
  readonly label: string;
  readonly value: string;
  /** the flag the term keeps from the tabled document whose option it is: the term's or the whole text's (last-text-flags.ts) */
  readonly flag?: 'UNCONFIRMED' | 'RECALL';
  /** with a flag, the title of that document: the term is as in it, whoever put it on the table last */
  readonly asIn?: string;
}

export type Comparison =
  | {
      readonly kind: 'none';
      readonly reason: string;
      /** true only when no package is acceptable under the scenario as written (not when none was tabled or the
       * solution could not be computed) */
      readonly noPackage?: true;
    }
  | {
      readonly kind: 'nash';
      /** false: the Nash point comes from an ε-Pareto frontier */
      readonly exact: boolean;
      readonly utilities: readonly { readonly actor: string; readonly text: number; readonly nash: number }[];
      readonly differ: readonly {
        readonly issue: string;
        readonly label: string;
        readonly text: string;
        readonly nash: string;
      }[];
      /** under the scenario's values of no deal and red lines as written */
      readonly textIsAgreement: boolean;
    };

export interface SourceLine {
  readonly id: string;
  readonly title: string;
  readonly url?: string;
  readonly publisher?: string;
  readonly date?: string;
  /** the scenario's note on how far the source can be trusted */
  readonly reliability?: string;
}

/** A declared source as a report or card lists it. */
export function sourceLine(s: SourceRef): SourceLine {
  return {
    id: s.id,
    title: s.title,
    ...(s.url === undefined ? {} : { url: s.url }),
    ...(s.publisher === undefined ? {} : { publisher: s.publisher }),
    ...(s.date === undefined ? {} : { date: s.date }),
    ...(s.reliability === undefined ? {} : { reliability: s.reliability }),
  };
}

export interface AfterActionReport {
  readonly scenario: { readonly id: string; readonly title: string; readonly source?: string };
  readonly protocol: string;
  /** the run option that negotiators anticipate ratification, in words (absent: off) */
  readonly anticipation?: string;
  readonly seed: number;
  readonly maxRounds: number;
  readonly rounds: number;
  readonly actors: readonly ActorSummary[];
  readonly outcome: Outcome;
  readonly timeline: readonly RoundReport[];
  readonly trajectories: readonly Trajectory[];
  readonly turningPoints: readonly TurningPoint[];
  /** the agreed text, or the last one on the table; null when none was tabled */
  readonly finalText: { readonly agreed: boolean; readonly terms: readonly TermLine[] } | null;
  readonly comparison: Comparison;
  /** the engine's final blame tally of a stalemate or collapse (most counted first); null otherwise */
  readonly blame: readonly BlameLine[] | null;
  /** beside the blame list: how many texts each side answered alone, when such texts were counted; else null */
  readonly blameNote: string | null;
  /** per actor, the rounds it was the lone holdout, whatever the outcome (first to stand alone first) */
  readonly holdouts: readonly { readonly actor: string; readonly rounds: readonly number[] }[];
  /** the signed text's estimated durability, an assumption of the scenario; null unless signed with one */
  readonly durability: DurabilityReport | null;
  readonly debrief: readonly string[];
  readonly sources: readonly SourceLine[];
  /** the report's last sections: the record's evidence and what the outcome rests on */
  readonly evidence?: EvidenceSection;
  /**
   * the scenario's reasons for the positions the run is judged by before their earliest source, numbered as the
   * timeline's red lines cite them; listed under what the outcome rests on (empty: none)
   */
  readonly heldEarlier: readonly ReasonEntry[];
}

/** Actor id → name, as the report lists the actors. */
export function actorNames(r: Pick<AfterActionReport, 'actors'>): (id: string) => string {
  const map = new Map(r.actors.map((a) => [a.id, a.name]));
  return (id) => map.get(id) ?? id;
}

/** "Russia: boulware — concedes late; Ukraine: played by a person". */
export function strategiesLine(r: Pick<AfterActionReport, 'actors'>): string {
  return r.actors
    .map((a) => `${a.name}: ${a.person ? a.approach : `${a.strategy} — ${a.approach}${a.grounds}`}`)
    .join('; ');
}

/** The key under the table of utilities by round, in both formats: what each mark and the last column mean. */
export const TRAJECTORY_KEY =
  "Each cell is the worth of the round's text to the actor: ✓ it accepted (a proposer accepts its own text), ✗ it rejected, · its consent was not asked; – no text was on the table. The last column is its value of no deal, first and last round.";

/** The last column: its value of no deal in the first round, and in the last when it moved ("0.550 → 0.470"). */
export function noDealSpan(noDeal: readonly number[]): string {
  const first = noDeal[0] ?? 0;
  const last = noDeal.at(-1) ?? first;
  return noDeal.some((x) => Math.abs(x - first) > 1e-9) ? `${n3(first)} → ${n3(last)}` : n3(first);
}
