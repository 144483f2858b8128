// Why an actor stood alone in the rounds the engine counts against it, read off its own verdicts (the run's
// --json): the text crossed its red lines, was worth less to it than no deal, or was worth more than no deal but
// short of what it held out for — or a person chose so. A count of lone holdouts alone says who stood alone; with
// the reason beside it, a reader sees whether the actor refused a text the model says it could not take, or one it
// could have taken and held out against.
import type { BlameCount, TranscriptEntry } from '../engine/transcript.ts';
import { EPS } from './narration/phrases.ts';
import { roundList } from './outcome-notes.ts';

type Verdict = Extract<TranscriptEntry, { kind: 'verdict' }>;

const WHY = {
  'red-line': 'the text crossed its red lines',
  'below-no-deal': 'the text was worth less to it than no deal',
  // only under the modeller's hypothesis that negotiators anticipate ratification
  'would-fail': 'its own domestic body would vote the text down, by the threshold the scenario assumes',
  'holds-out': 'the text was worth no less than no deal to it yet short of what it held out for',
  person: "a person's choice",
  absent: 'it had walked out',
} as const;

/** The reason of one rejection, by the numbers of the verdict. */
export function rejectionKind(v: Verdict): keyof typeof WHY {
  if (v.absent) return 'absent';
  if (v.violations.length) return 'red-line';
  if (v.human) return 'person';
  if (v.wouldFail?.length) return 'would-fail';
  return v.utility < v.reservation - EPS ? 'below-no-deal' : 'holds-out';
}

/** The verdict that made `actor` the lone holdout of each counted round: its last answer before that round's tally. */
function holdoutVerdicts(
  entries: readonly TranscriptEntry[],
  actor: string,
  rounds: readonly number[],
): Verdict[] {
  const out: Verdict[] = [];
  let last: Verdict | null = null;
  for (const e of entries) {
    if (e.kind === 'verdict' && e.actor === actor) last = e;
    else if (e.kind === 'tally' && e.holdout === actor && rounds.includes(e.round) && last?.round === e.round)
      out.push(last);
  }
  return out;
}

/**
 * "each time the text was worth less to it than no deal", or per reason with its rounds; null when the actor was
 * never the lone holdout (a walk-out alone).
 */
export function holdoutWhy(entries: readonly TranscriptEntry[], b: BlameCount): string | null {
  const verdicts = holdoutVerdicts(entries, b.actor, b.holdouts);
  if (!verdicts.length) return null;
  const groups = new Map<keyof typeof WHY, Verdict[]>();
  for (const v of verdicts) {
    const k = rejectionKind(v);
    groups.set(k, [...(groups.get(k) ?? []), v]);
  }
  // "one of its red lines" when it crossed one each time
  const words = (k: keyof typeof WHY, vs: readonly Verdict[]) =>
    k === 'red-line' && vs.every((v) => v.violations.length === 1)
      ? 'the text crossed one of its red lines'
      : WHY[k];
  const [only, ...more] = [...groups];
  if (only && more.length === 0) return `${only[1].length > 1 ? 'each time ' : ''}${words(...only)}`;
  return [...groups].map(([k, vs]) => `${words(k, vs)} in ${roundList(vs.map((v) => v.round))}`).join(', ');
}
