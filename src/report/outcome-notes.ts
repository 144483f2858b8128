// What the after-action report says beside the outcome: the engine's blame count when talks fail, and the
// durability estimate when a text is signed — both read off the transcript and both the scenario's or the
// engine's bookkeeping, never the report's own judgement. Sources come from the scenario's durability section.
import type { BasisKind, Scenario } from '../domain/types.ts';
import { runOutcome } from '../engine/game.ts';
import type { BlameCount, DurabilityNote, TranscriptEntry } from '../engine/transcript.ts';
import { DURABILITY_CAVEAT } from './durability.ts';
import { capitalise, n2, shift2 } from './format.ts';

/**
 * One actor's count as the engine keeps it: the rounds it was the lone holdout, and its walk-out; `why`, what its
 * verdicts in those rounds rest on (holdout-why.ts).
 */
export type BlameLine = BlameCount & {
  readonly why?: string | null;
  /** what made it walk out when it did not choose to (holdout-why.ts, walkOutCause) */
  readonly left?: string | null;
};

export interface DurabilityFactorLine {
  readonly id: string;
  readonly label: string;
  readonly shift: number;
  readonly holds: boolean;
  readonly sources: readonly string[];
  readonly confirmed: boolean;
  readonly recall: boolean;
  /** what the factor rests on (a factor the scenario no longer states counts as an assumption) */
  readonly basis: BasisKind;
}

export interface DurabilityReport {
  readonly value: number;
  readonly base: number;
  readonly baseSources: readonly string[];
  /** every factor, in scenario order */
  readonly factors: readonly DurabilityFactorLine[];
  /** base + shifts fell outside [0, 1] and the value was clamped */
  readonly clamped: boolean;
}

/** The final blame tally of a stalemate or collapse; null for any other end (or a transcript without one). */
export function finalBlame(entries: readonly TranscriptEntry[]): readonly BlameLine[] | null {
  return runOutcome(entries)?.blame ?? null;
}

/** The signed text's estimate with each factor's sources; null unless the run ended signed with one. */
export function signedDurability(
  scenario: Scenario,
  entries: readonly TranscriptEntry[],
): DurabilityReport | null {
  const last = runOutcome(entries);
  if (last?.kind !== 'signed' || !last.durability) return null;
  return durabilityReport(scenario, last.durability);
}

function durabilityReport(scenario: Scenario, d: DurabilityNote): DurabilityReport {
  const own = new Map((scenario.durability?.factors ?? []).map((f) => [f.id, f]));
  const sum = d.base + d.factors.reduce((acc, f) => acc + (f.holds ? f.shift : 0), 0);
  return {
    value: d.value,
    base: d.base,
    baseSources: scenario.durability?.sources ?? [],
    factors: d.factors.map((f) => ({
      id: f.id,
      label: f.label,
      shift: f.shift,
      holds: f.holds,
      sources: own.get(f.id)?.sources ?? [],
      confirmed: own.get(f.id)?.confirmed ?? true,
      recall: own.get(f.id)?.recall ?? false,
      basis: own.get(f.id)?.basis ?? 'assumption',
    })),
    clamped: Math.abs(sum - d.value) > 1e-9,
  };
}

/**
 * Per actor, the rounds the engine counts it as the lone holdout (from the tallies), actors in the order they first
 * stood alone: a goodwill gesture that forgave a round takes the actor's latest counted round off, as the engine
 * does (blame.ts, forgiveHoldout).
 */
export function holdoutRounds(entries: readonly TranscriptEntry[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const e of entries) {
    if (e.kind === 'tally' && e.holdout !== undefined)
      out.set(e.holdout, [...(out.get(e.holdout) ?? []), e.round]);
    if (e.kind === 'inject')
      for (const x of e.effects)
        if (x.kind === 'goodwill' && x.blameForgiven === true && x.actor !== undefined)
          out.set(x.actor, (out.get(x.actor) ?? []).slice(0, -1));
  }
  return new Map([...out].filter(([, rounds]) => rounds.length > 0));
}

/** The fewest rounds two apart that read as "1, 3, 5, …, 11": fewer are named one by one. */
const STRIDE_RUN = 6;

/**
 * "round 3", "rounds 3 and 4", "rounds 3, 4, 6–9 and 11": consecutive rounds as a span; and every second round,
 * as an actor answers under alternating offers, as "rounds 1, 3, 5, …, 31" — never "1–31", which would claim the
 * rounds between.
 */
export function roundList(rounds: readonly number[]): string {
  const spans: string[] = [];
  let strideLast = false;
  for (let k = 0; k < rounds.length; ) {
    let j = k;
    while (j + 1 < rounds.length && rounds[j + 1] === rounds[j]! + 1) j++;
    let s = k;
    while (s + 1 < rounds.length && rounds[s + 1] === rounds[s]! + 2) s++;
    strideLast = false;
    // two in a row read better as "3 and 4" than "3–4"
    if (j - k >= 2) spans.push(`${rounds[k]}–${rounds[j]}`);
    else if (s - k + 1 >= STRIDE_RUN) {
      spans.push(`${rounds[k]}, ${rounds[k + 1]}, ${rounds[k + 2]}, …, ${rounds[s]}`);
      strideLast = true;
      j = s;
    } else for (let i = k; i <= j; i++) spans.push(String(rounds[i]));
    k = j + 1;
  }
  // a list that ends on "…, 31" has said where it ends: no "and" before its last number
  const text =
    spans.length <= 1 || strideLast
      ? spans.join(', ')
      : `${spans.slice(0, -1).join(', ')} and ${spans.at(-1)}`;
  return `round${rounds.length > 1 ? 's' : ''} ${text}`;
}

/** When a turning point happened, to open its line: "Round 3", "Rounds 2–26". */
export const turningPointWhen = (rounds: readonly number[]): string => capitalise(roundList(rounds));

export const BLAME_INTRO =
  "The engine's count, the same rule for every actor: one for each round an actor was the lone holdout on a text every other required actor accepted, and one for a walk-out. It records who stood alone, not who was right.";

/** "Russia: 3 (lone holdout in rounds 3 and 4; walked out in round 7)". */
export function blameLine(b: BlameLine, name: (id: string) => string): string {
  const parts = [
    ...(b.holdouts.length ? [`lone holdout in ${roundList(b.holdouts)}${b.why ? `: ${b.why}` : ''}`] : []),
    ...(b.walkOut === null ? [] : [`walked out in round ${b.walkOut}${b.left ? `: ${b.left}` : ''}`]),
  ];
  return `${name(b.actor)}: ${b.count} (${parts.join('; ')})`;
}

export function durabilityIntro(d: DurabilityReport): string {
  const clamp = d.clamped ? ', kept within 0 and 1' : '';
  return `${n2(d.value)} for the signed text: the scenario's base (${n2(d.base)}) plus the shifts of the factors its terms meet${clamp}. It is ${DURABILITY_CAVEAT}: every number is the scenario file's, to tune or drop.`;
}

/** "monitoring of the line [assumption]: +0.05" — marked when the factor is a reading or an assumption. */
export function factorText(f: DurabilityFactorLine): string {
  return `${f.label}${f.basis === 'stated' ? '' : ` [${f.basis}]`}: ${shift2(f.shift)}`;
}

/** The factors whose condition the signed terms do not meet, in one sentence. */
export function idleFactors(d: DurabilityReport): string {
  // labels hold commas of their own, so semicolons part them
  const idle = d.factors.filter((f) => !f.holds).map((f) => f.label);
  return idle.length ? `Factors of the scenario that these terms do not meet: ${idle.join('; ')}.` : '';
}
