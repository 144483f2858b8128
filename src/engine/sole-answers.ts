// The texts one actor answered with no other actor answering them: under alternating offers, the other party's
// proposals (its proposer accepts by tabling it), so a rejection by the one actor answering is a lone holdout.
// Read off the transcript (verdicts, walk-outs, tallies), for the run's words and outcomes' counts alike.
import type { TranscriptEntry } from './transcript.ts';

export interface SoleAnswers {
  /** the rounds in which this actor was the only one to answer the text */
  readonly rounds: readonly number[];
  /** of those, the rounds the tally counted it the lone holdout */
  readonly holdouts: readonly number[];
}

/** Per actor id, the texts it answered with no other actor answering them, in the order actors first did so. */
export function soleAnswers(entries: readonly TranscriptEntry[]): Map<string, SoleAnswers> {
  const out = new Map<string, { rounds: number[]; holdouts: number[] }>();
  let answering: string[] = [];
  for (const e of entries) {
    if (e.kind === 'tabled' || e.kind === 'proposal' || e.kind === 'revised') answering = [];
    else if (e.kind === 'verdict' || (e.kind === 'walk-out' && e.round > 0)) answering.push(e.actor);
    else if (e.kind === 'tally') {
      const [only] = answering;
      if (answering.length === 1 && only !== undefined) {
        const x = out.get(only) ?? { rounds: [], holdouts: [] };
        x.rounds.push(e.round);
        if (e.holdout === only) x.holdouts.push(e.round);
        out.set(only, x);
      }
      answering = [];
    }
  }
  return out;
}
