// Why an actor rejects a package whatever one issue says: read off its verdicts with each of the options
// (the rest of the package as it is), so that what the explorer says is true of every option.
import type { Verdict } from '../../domain/evaluate.ts';

export interface RejectsWhatever {
  /** ids of its red lines that break under every option of the issue */
  readonly redLines: readonly string[];
  /** how far short of no deal the best option leaves it, when every option leaves it short; else null */
  readonly shortBy: number | null;
}

/**
 * Null when the actor accepts the package with some option of the issue. Otherwise what holds under every option:
 * the red lines broken whichever option is chosen, and whether no option lifts it to its value of no deal. Both can
 * be empty: then each option fails for its own reason (a red line on this issue, or the margin).
 */
export function rejectsWhatever(verdicts: readonly Verdict[]): RejectsWhatever | null {
  if (verdicts.length === 0 || verdicts.some((v) => v.accepts)) return null;
  const everywhere = verdicts[0]!.violations
    .map((x) => x.redLine)
    .filter((id) => verdicts.every((v) => v.violations.some((x) => x.redLine === id)));
  const best = Math.max(...verdicts.map((v) => v.margin));
  return { redLines: everywhere, shortBy: best < 0 ? -best : null };
}
