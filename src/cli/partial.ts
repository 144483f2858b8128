// Partial results of a sharded run (`--shard I/N --out FILE`): the draws of one shard as mergeable statistics,
// with what they must share with the other parts to be merged — the scenario's hash, the seed, the options — and
// `peacesim merge`'s checks that they do. Every refusal is one line naming the file (exit 1). Reading a file (its
// schema, zod) is partial-read.ts: a shard that writes its part never loads it.
import type { SweepPart } from '../analysis/sweep.ts';
import { PeacesimError } from '../domain/errors.ts';
import type { OutcomesPart } from '../engine/outcomes.ts';
import { type Shard, shardRange } from './shard.ts';

// 2: an outcomes row counts its lone-holdout rounds by reason (holdoutReasons)
// 3: an outcomes row says what became of each --inject in its draw (injects: fired, passed over and why, not reached)
// 4: an outcomes row counts the texts each actor answered alone, and how many of them were its lone holdout
export const PARTIAL_FORMAT = 'peacesim-partial/4';
/** What an older format lacks, by format: the one line that refuses it says so. */
export const PARTIAL_LACKS: Readonly<Record<string, string>> = {
  'peacesim-partial/1':
    "its draws do not count the lone holdouts' reasons nor say which injects fired, nor count the texts each actor answered alone",
  'peacesim-partial/2':
    'its draws do not say which injects fired, were passed over or were not reached, nor count the texts each actor answered alone',
  'peacesim-partial/3': 'its draws do not count the texts each actor answered alone',
};

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
            r.holdoutReasons.length === actors &&
            r.soleAnswers.length === actors &&
            r.soleHoldouts.length === actors &&
            r.injects.length === (Array.isArray(p.options.injects) ? p.options.injects.length : 0),
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
    throw new PeacesimError(
      `${file}: its statistics do not fit the scenario's actors, issues or documents, or its injects`,
    );
}

/** JSON with sorted keys: options compared whatever order they were written in. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

/** An option as its flag, for a refusal: the prior by its kind (a part records the whole record's chains). */
function optionWords(key: string, value: unknown): string {
  if (key === 'draws' || key === 'samples') return `-n ${String(value)}`;
  if (key === 'prior') return value === undefined ? '--prior ranges' : '--prior record';
  if (key === 'maxRounds') return value === undefined ? "the scenario's rounds" : `--rounds ${String(value)}`;
  if (key === 'strategies' && value === undefined) return "the scenario's strategies";
  if (key === 'strategies' && value && typeof value === 'object')
    return Object.entries(value as Record<string, { kind?: unknown }>)
      .map(([actor, st]) => `--strategy ${actor}=${String(st.kind)}`)
      .join(' ');
  if (key === 'injects' && Array.isArray(value))
    return value.length
      ? value
          .map(
            (i: { event?: unknown; round?: unknown }) =>
              `--inject ${String(i.event ?? 'an ad-hoc effect')}@${String(i.round)}`,
          )
          .join(' ')
      : 'no --inject';
  if (key === 'documents' && Array.isArray(value))
    return value.length ? value.map((d) => `--document ${String(d)}`).join(' ') : 'every document';
  if (key === 'anticipateRatification')
    return value === undefined
      ? "the scenario's own setting of --anticipate-ratification"
      : value
        ? '--anticipate-ratification'
        : '--no-anticipate-ratification';
  return value === undefined ? `no ${key}` : `${key} ${canonical(value)}`;
}

/**
 * The first option two parts were run with differently, as each part's flags; null when they agree. The options a
 * run's engine takes (rounds, strategies) sit under `run` and are compared one by one as the others are.
 */
function optionsDiffer(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): [string, string] | null {
  const flat = (o: Readonly<Record<string, unknown>>) => {
    const { run, ...rest } = o;
    return { ...rest, ...(run && typeof run === 'object' ? (run as Record<string, unknown>) : {}) };
  };
  const x = flat(a);
  const y = flat(b);
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  for (const key of keys) {
    const u = x[key as keyof typeof x];
    const v = y[key as keyof typeof y];
    if (canonical(u) === canonical(v)) continue;
    const words: [string, string] = [optionWords(key, u), optionWords(key, v)];
    // two values that read alike as flags (a strategy's parameters) are shown whole
    return words[0] === words[1] ? [canonical(u) ?? 'none', canonical(v) ?? 'none'] : words;
  }
  return null;
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
  // named by id, or as another version of the same id, not by two hashes a reader cannot tell apart
  parts.forEach((p, k) => {
    if (p.scenario.hash !== first.scenario.hash)
      throw new PeacesimError(
        p.scenario.id === first.scenario.id
          ? `${files[k]}: run on another version of scenario ${p.scenario.id} than ${f0} (hash ${p.scenario.hash.slice(0, 12)}… against ${first.scenario.hash.slice(0, 12)}…); every part must be run on the same scenario file`
          : `${files[k]}: run on scenario ${p.scenario.id}, ${f0} on ${first.scenario.id}; every part must be run on the same scenario file`,
      );
  });
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
  parts.forEach((p, k) => {
    const differ = optionsDiffer(p.options, first.options);
    if (differ)
      throw new PeacesimError(
        `${files[k]}: run with ${differ[0]}, ${f0} with ${differ[1]}; every part must be run with the same options, only --shard differing`,
      );
  });
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
