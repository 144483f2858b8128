// Partial results of a sharded run (`--shard I/N --out FILE`): the draws of one shard as mergeable statistics,
// with what they must share with the other parts to be merged — the scenario's hash, the seed, the options — and
// `peacesim merge`'s checks that they do. Every refusal is one line naming the file (exit 1). Reading a file (its
// schema, zod) is partial-read.ts: a shard that writes its part never loads it.
import type { SweepPart } from '../analysis/sweep.ts';
import { PeacesimError } from '../domain/errors.ts';
import type { OutcomesPart } from '../engine/outcomes.ts';
import { type Shard, shardRange } from './shard.ts';

// 2: an outcomes row counts its lone-holdout rounds by reason (holdoutReasons)
export const PARTIAL_FORMAT = 'peacesim-partial/2';

export type PartialCommand = 'outcomes' | 'sweep';

export interface Partial {
  readonly format: typeof PARTIAL_FORMAT;
  readonly command: PartialCommand;
  /** `source`: how the scenario was named (merge opens it by that name); `hash`: its compiled content */
  readonly scenario: { readonly id: string; readonly source: string; readonly hash: string };
  readonly seed: number;
  /** every option that changes a draw or its statistics (draws or samples, rounds, strategies, injects, documents) */
  readonly options: Readonly<Record<string, unknown>>;
  /** this part's shard, and its draws [from, to) */
  readonly shard: Shard & { readonly from: number; readonly to: number };
  readonly part: OutcomesPart | SweepPart;
}

export function partialText(p: Partial): string {
  return `${JSON.stringify(p)}\n`;
}

/** Refuses parts whose statistics do not fit the scenario (as many actors, issues and documents). */
export function checkShape(
  file: string,
  p: Partial,
  actors: number,
  issues: number,
  documents: number,
): void {
  const fits =
    'rows' in p.part
      ? p.part.terms.length === issues &&
        p.part.rows.every(
          (r) =>
            r.reservations.length === actors &&
            r.holdouts.length === actors &&
            r.holdoutReasons.length === actors,
        )
      : p.part.documents.length === documents &&
        p.part.documents.every(
          (d) =>
            [d.accepts, d.sums, d.mins, d.maxs, ...(d.wouldFail ? [d.wouldFail] : [])].every(
              (x) => x.length === actors,
            ) &&
            // a part run anticipating ratification counts the votes; one run without it does not
            (d.wouldFail !== undefined) === (p.options.anticipateRatification === true),
        );
  if (!fits)
    throw new PeacesimError(`${file}: its statistics do not fit the scenario's actors, issues or documents`);
}

/** JSON with sorted keys: options compared whatever order they were written in. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

/** "--as-of 2023-01-01" or "no --as-of": the date whose positions a part's draws start from, as its flag. */
function asOfOf(p: Partial): string {
  return p.options.asOf === undefined ? 'no --as-of' : `--as-of ${String(p.options.asOf)}`;
}

/** "--anticipate-ratification" or "no --anticipate-ratification": the assumption a sweep's part was judged by. */
function anticipationOf(p: Partial): string {
  return p.options.anticipateRatification === true
    ? '--anticipate-ratification'
    : 'no --anticipate-ratification';
}

/** The total number of draws of the run a part belongs to. */
function totalDraws(p: Partial): number {
  return Number(p.command === 'outcomes' ? p.options.draws : p.options.samples);
}

/**
 * Checks that the parts are the shards of one run, each once, and returns them in shard order. A part that does not
 * belong is named with the first part it differs from.
 */
export function checkParts(files: readonly string[], parts: readonly Partial[]): Partial[] {
  const first = parts[0]!;
  const f0 = files[0]!;
  const same = (what: string, get: (p: Partial) => unknown, advice: string) =>
    parts.forEach((p, k) => {
      if (canonical(get(p)) !== canonical(get(first)))
        throw new PeacesimError(
          `${files[k]}: ${what} ${canonical(get(p))} differs from ${f0}'s ${canonical(get(first))}; ${advice}`,
        );
    });
  same('command', (p) => p.command, 'merge the parts of one command');
  same('scenario', (p) => p.scenario.hash, 'every part must be run on the same scenario file');
  same('seed', (p) => p.seed, 'every part must be run with the same --seed');
  // named apart from the other options: parts drawn from the positions of different dates are different runs
  parts.forEach((p, k) => {
    if (asOfOf(p) !== asOfOf(first))
      throw new PeacesimError(
        `${files[k]}: run with ${asOfOf(p)}, ${f0} with ${asOfOf(first)}; every part must be run with the same --as-of`,
      );
  });
  // named too: parts judged with and without negotiators anticipating ratification answer different questions
  parts.forEach((p, k) => {
    if (anticipationOf(p) !== anticipationOf(first))
      throw new PeacesimError(
        `${files[k]}: run with ${anticipationOf(p)}, ${f0} with ${anticipationOf(first)}; every part must be run with the same assumption`,
      );
  });
  same('options', (p) => p.options, 'every part must be run with the same options, only --shard differing');
  same('shard count', (p) => p.shard.count, 'every part must be cut into the same number of shards');
  const n = first.shard.count;
  const byIndex = new Map<number, number>();
  parts.forEach((p, k) => {
    const other = byIndex.get(p.shard.index);
    if (other !== undefined)
      throw new PeacesimError(
        files[other] === files[k]
          ? `${files[k]}: given twice; give each shard once`
          : `${files[k]}: shard ${p.shard.index} of ${n} again (it is also ${files[other]}); give each shard once`,
      );
    byIndex.set(p.shard.index, k);
    const [from, to] = shardRange(totalDraws(p), p.shard);
    if (p.shard.from !== from || p.shard.to !== to || p.part.from !== from || p.part.to !== to)
      throw new PeacesimError(
        `${files[k]}: shard ${p.shard.index} of ${n} should hold draws ${from}–${to - 1} but holds ${p.part.from}–${p.part.to - 1}; it was not written by peacesim --shard`,
      );
  });
  const missing = [...Array(n).keys()].filter((i) => !byIndex.has(i));
  if (missing.length)
    throw new PeacesimError(
      `shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${n} ${missing.length > 1 ? 'are' : 'is'} missing (have ${[...byIndex.keys()].sort((a, b) => a - b).join(', ')}); merge every part of the run`,
    );
  return [...Array(n).keys()].map((i) => parts[byIndex.get(i)!]!);
}
