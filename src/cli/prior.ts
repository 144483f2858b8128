// `--prior ranges|record` of sweep and outcomes: what the uncertain preferences are drawn from. The record prior is
// computed here (the LP solver loads asynchronously) and travels with the run's options, as plain data, to every
// worker and into a shard's partial result.
import { InvalidArgumentError } from 'commander';
import { loadLp } from '../analysis/lp.ts';
import { type RecordPrior, recordPrior } from '../analysis/record-prior.ts';
import { PeacesimError } from '../domain/errors.ts';
import type { Scenario } from '../domain/types.ts';

const PRIORS = ['ranges', 'record'] as const;
export type PriorKind = (typeof PRIORS)[number];

export function parsePrior(value: string): PriorKind {
  if (!(PRIORS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected ${PRIORS.join(' or ')}`);
  return value as PriorKind;
}

export const PRIOR_HELP =
  "what to draw the uncertain preferences from: ranges (each uniform in its range) or record (uniform over the preferences within the ranges that reproduce the scenario's record; docs/evidence.md)";

/** The record prior, or nothing for the ranges; a scenario without a record cannot have one. */
export async function choosePrior(scenario: Scenario, kind: PriorKind): Promise<RecordPrior | undefined> {
  if (kind === 'ranges') return undefined;
  if (scenario.record.length === 0)
    throw new PeacesimError(
      `--prior record: ${scenario.id} has no record: section to calibrate by (docs/evidence.md); use --prior ranges`,
    );
  return recordPrior(await loadLp(), scenario);
}

/** The line the text output gives a run under the record prior. */
export function priorWords(reactions: readonly string[], setAside: readonly string[]): string {
  const n = reactions.length;
  const aside = setAside.length
    ? `; ${setAside.length} conflicting reaction${setAside.length === 1 ? '' : 's'} set aside (peacesim calibrate)`
    : '';
  // with no reaction left to constrain, the region is the ranges' box itself: say so rather than 'its 0 reactions'
  if (n === 0)
    return `prior: the record — no reaction of it constrains the ranges${aside}, so the draws are uniform in the ranges, the distribution --prior ranges draws from`;
  return `prior: the record — uniform over the preferences within the ranges that reproduce its ${n} constraining reaction${n === 1 ? '' : 's'}${aside}`;
}

export function priorLine(prior: RecordPrior | undefined): string | null {
  return prior ? priorWords(prior.reactions, prior.setAside) : null;
}
