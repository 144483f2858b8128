// Why an actor rejected a text, read off its verdict's own numbers — the reason a lone holdout stood alone. Shared
// by the run's words (report/holdout-why.ts) and by `outcomes`, which counts the rounds of each reason.
import type { TranscriptEntry } from './transcript.ts';

type Verdict = Extract<TranscriptEntry, { kind: 'verdict' }>;

/** Utilities closer than this are equal (as the run's words compare them). */
const EPS = 1e-12;

export const REJECTION_KINDS = [
  'red-line',
  'below-no-deal',
  'would-fail',
  'holds-out',
  'person',
  'absent',
] as const;
export type RejectionKind = (typeof REJECTION_KINDS)[number];

/** The reason of one rejection, by the numbers of the verdict. */
export function rejectionKind(v: Verdict): RejectionKind {
  if (v.absent) return 'absent';
  if (v.violations.length) return 'red-line';
  if (v.human) return 'person';
  if (v.wouldFail?.length) return 'would-fail';
  return v.utility < v.reservation - EPS ? 'below-no-deal' : 'holds-out';
}

/**
 * The verdict that made an actor the lone holdout of a round, for every round a tally named one: its last answer
 * before that round's tally (actor id → the verdicts, in round order).
 */
export function holdoutVerdicts(entries: readonly TranscriptEntry[]): Map<string, Verdict[]> {
  const out = new Map<string, Verdict[]>();
  const last = new Map<string, Verdict>();
  for (const e of entries) {
    if (e.kind === 'verdict') last.set(e.actor, e);
    else if (e.kind === 'tally' && e.holdout) {
      const v = last.get(e.holdout);
      if (v?.round !== e.round) continue;
      const list = out.get(e.holdout) ?? [];
      list.push(v);
      out.set(e.holdout, list);
    }
  }
  return out;
}
