// `--prior ranges|record` of sweep and outcomes: what the uncertain preferences are drawn from.
import { InvalidArgumentError } from 'commander';
import { loadLp } from '../analysis/lp.ts';
import { drawFromRecord, recordPrior } from '../analysis/record-prior.ts';
import { PeacesimError } from '../domain/errors.ts';
import type { Scenario } from '../domain/types.ts';

export const PRIORS = ['ranges', 'record'] as const;
export type PriorKind = (typeof PRIORS)[number];

export function parsePrior(value: string): PriorKind {
  if (!(PRIORS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected ${PRIORS.join(' or ')}`);
  return value as PriorKind;
}

export const PRIOR_HELP =
  "what to draw the uncertain preferences from: ranges (each uniform in its range) or record (uniform over the preferences within the ranges that reproduce the scenario's record; docs/evidence.md)";

export interface PriorChoice {
  /** draw k, for `--prior record`; undefined for the ranges */
  readonly draw?: (k: number) => Scenario;
  /** one line for the text output */
  readonly line: string | null;
  /** for --json: the reactions the draws reproduce and those set aside as conflicting */
  readonly json: {
    readonly prior: 'record';
    readonly reactions: readonly string[];
    readonly setAside: readonly string[];
  } | null;
}

export async function choosePrior(scenario: Scenario, kind: PriorKind, seed: number): Promise<PriorChoice> {
  if (kind === 'ranges') return { line: null, json: null };
  if (scenario.record.length === 0)
    throw new PeacesimError(
      `--prior record: ${scenario.id} has no record: section to calibrate by (docs/evidence.md); use --prior ranges`,
    );
  const prior = recordPrior(await loadLp(), scenario);
  const n = prior.reactions.length;
  const aside = prior.setAside.length
    ? `; ${prior.setAside.length} conflicting reaction${prior.setAside.length === 1 ? '' : 's'} set aside (peacesim calibrate)`
    : '';
  return {
    draw: (k) => drawFromRecord(scenario, prior, seed, k),
    line: `prior: the record — uniform over the preferences within the ranges that reproduce its ${n} constraining reaction${n === 1 ? '' : 's'}${aside}`,
    json: { prior: 'record', reactions: prior.reactions, setAside: prior.setAside },
  };
}
