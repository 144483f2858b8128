// Why an actor stood alone in the rounds the engine counts against it, read off its own verdicts (the run's
// --json): the text crossed its red lines, was worth less to it than no deal, or was worth more than no deal but
// short of what it held out for — or a person chose so. A count of lone holdouts alone says who stood alone; with
// the reason beside it, a reader sees whether the actor refused a text the model says it could not take, or one it
// could have taken and held out against.
import {
  holdoutVerdicts,
  REJECTION_KINDS,
  type RejectionKind,
  rejectionKind,
} from '../engine/holdout-kind.ts';
import type { BlameCount, TranscriptEntry } from '../engine/transcript.ts';
import { injectedBy } from './narration/phrases.ts';
import { roundList } from './outcome-notes.ts';

type Verdict = Extract<TranscriptEntry, { kind: 'verdict' }>;

const WHY: Record<RejectionKind, string> = {
  'red-line': 'the text crossed its red lines',
  'below-no-deal': 'the text was worth less to it than no deal',
  // only under the modeller's hypothesis that negotiators anticipate ratification
  'would-fail': 'its own domestic body would vote the text down, by the threshold the scenario assumes',
  'holds-out': 'the text was worth no less than no deal to it yet short of what it held out for',
  person: "a person's choice",
  absent: 'it had walked out',
};

/**
 * "each time the text was worth less to it than no deal", or per reason with its rounds; null when the actor was
 * never the lone holdout (a walk-out alone).
 */
export function holdoutWhy(entries: readonly TranscriptEntry[], b: BlameCount): string | null {
  const verdicts = (holdoutVerdicts(entries).get(b.actor) ?? []).filter((v) => b.holdouts.includes(v.round));
  if (!verdicts.length) return null;
  const groups = new Map<RejectionKind, Verdict[]>();
  for (const v of verdicts) {
    const k = rejectionKind(v);
    groups.set(k, [...(groups.get(k) ?? []), v]);
  }
  // "one of its red lines" when it crossed one each time
  const words = (k: RejectionKind, vs: readonly Verdict[]) =>
    k === 'red-line' && vs.every((v) => v.violations.length === 1)
      ? 'the text crossed one of its red lines'
      : WHY[k];
  const [only, ...more] = [...groups];
  if (only && more.length === 0) return `${only[1].length > 1 ? 'each time ' : ''}${words(...only)}`;
  return [...groups].map(([k, vs]) => `${words(k, vs)} in ${roundList(vs.map((v) => v.round))}`).join(', ');
}

/** A count of rounds for each reason, as `outcomes` sums them: "104 with its red lines crossed, 6 …". */
const COUNTED: Record<RejectionKind, string> = {
  'red-line': 'with its red lines crossed',
  'below-no-deal': 'worth less to it than no deal',
  'would-fail': 'its body would vote the text down',
  'holds-out': 'worth more than no deal, short of what it held out for',
  person: "a person's choice",
  absent: 'it had walked out',
};

/** The rounds of each reason, in REJECTION_KINDS order. */
export function holdoutReasonWords(reasons: Readonly<Partial<Record<RejectionKind, number>>>): string {
  return REJECTION_KINDS.flatMap((k) => (reasons[k] ? [`${reasons[k]} ${COUNTED[k]}`] : [])).join(', ');
}

/** Why each actor that did not accept the last text tallied said no, in a few words (actor id → reason): its last
 * verdict's reason, or — for one that accepted and whose body then voted the text down — that vote. */
export function lastRejectionWords(
  entries: readonly TranscriptEntry[],
  rejecting: readonly string[],
): Map<string, { readonly kind: RejectionKind | 'vote'; readonly words: string }> {
  const tally = entries.findLast((e) => e.kind === 'tally');
  const out = new Map<string, { readonly kind: RejectionKind | 'vote'; readonly words: string }>();
  if (tally?.kind !== 'tally') return out;
  for (const actor of rejecting) {
    const v = entries.findLast((e) => e.kind === 'verdict' && e.actor === actor && e.round === tally.round);
    if (v?.kind !== 'verdict') continue;
    if (v.accepts) out.set(actor, { kind: 'vote', words: 'its body voted the text down' });
    else {
      const kind = rejectionKind(v);
      out.set(actor, {
        kind,
        words: kind === 'red-line' ? crossedWords(v.violations.length) : SAID_NO[kind],
      });
    }
  }
  return out;
}

/** How many of its red lines the text crossed: "its red lines" of one would read as more than the verdict says. */
const crossedWords = (n: number) =>
  n === 1 ? 'it crossed one of its red lines' : `it crossed ${n} of its red lines`;

const SAID_NO: Record<Exclude<RejectionKind, 'red-line'>, string> = {
  'below-no-deal': 'worth less to it than no deal',
  'would-fail': 'its body would vote it down',
  'holds-out': 'short of what it held out for',
  person: "a person's choice",
  absent: 'it had walked out',
};

/**
 * What made an actor walk out, when the engine counts a walk-out it did not choose: "an inject by the facilitator",
 * "event: The US walks away from mediation" (", injected by …" for a manual one); null for a walk-out of its own
 * strategy, or none. A count that charges a walk-out to an actor says who put it in.
 */
export function walkOutCause(entries: readonly TranscriptEntry[], actor: string): string | null {
  const at = entries.findIndex((e) => e.kind === 'walk-out' && e.actor === actor);
  const out = entries[at];
  if (out?.kind !== 'walk-out' || out.cause !== 'event') return null;
  const fired = entries
    .slice(0, at)
    .findLast(
      (e) =>
        e.kind === 'inject' &&
        e.round === out.round &&
        e.effects.some((x) => x.kind === 'walk-out' && x.actor === actor),
    );
  if (fired?.kind !== 'inject') return null;
  const origin = fired.trigger === 'manual' ? injectedBy(fired.by) : null;
  if (!fired.event) return `an inject ${origin ?? ''}`.trim();
  return `event: ${fired.event.title}${origin ? `, injected ${origin}` : ''}`;
}
