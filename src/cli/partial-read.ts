// Reading a partial result file for `peacesim merge`: its shape checked by zod, every refusal one line naming the
// file (exit 1). Apart from partial.ts so that the shards, which only write parts, never load zod.
import { z } from 'zod';
import { dayOf } from '../domain/dates.ts';
import { PeacesimError } from '../domain/errors.ts';
import { cleanJsonStrings, oneLine, showPath } from '../domain/text.ts';
import { REJECTION_KINDS } from '../engine/holdout-kind.ts';
import { FATE_PATTERN } from '../engine/inject-fate.ts';
import { INPUT_LIMITS, readInputFile } from '../scenario/input-file.ts';
import { PARTIAL_FORMAT, PARTIAL_LACKS, type Partial } from './partial.ts';

const count = z.number().int().min(0);
const Tally = z.strictObject({
  accepts: z.array(count),
  sums: z.array(z.array(z.number())),
  mins: z.array(z.number().nullable()),
  maxs: z.array(z.number().nullable()),
  agreements: count,
  // negotiators anticipating ratification: per actor, the samples whose text its body would vote down
  wouldFail: z.array(count).optional(),
});
const Row = z.strictObject({
  draw: count,
  engineSeed: count,
  outcome: z.enum(['signed', 'stalemate', 'collapsed']),
  round: count,
  utilities: z.record(z.string(), z.number()).nullable(),
  durability: z.number().nullable(),
  ratified: z.boolean().nullable(),
  reservations: z.array(z.number()),
  holdouts: z.array(count),
  holdoutReasons: z.array(z.partialRecord(z.enum(REJECTION_KINDS), count)),
  soleAnswers: z.array(count),
  soleHoldouts: z.array(count),
  walkedOut: z.array(z.string()),
  injects: z.array(z.string().regex(FATE_PATTERN)),
});
const Term = z.tuple([z.union([z.string(), z.number()]), count]);

const PartialSchema = z.strictObject({
  format: z.literal(PARTIAL_FORMAT),
  command: z.enum(['outcomes', 'sweep']),
  scenario: z.strictObject({
    id: z.string(),
    source: z.string().min(1),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  seed: count,
  options: z.record(z.string(), z.unknown()),
  shard: z.strictObject({ index: count, count: z.number().int().min(1), from: count, to: count }),
  part: z.union([
    z.strictObject({ from: count, to: count, rows: z.array(Row), terms: z.array(z.array(Term)) }),
    z.strictObject({ from: count, to: count, documents: z.array(Tally) }),
  ]),
});

export function readPartial(file: string): Partial {
  let raw: unknown;
  // a partial result may come from another machine: the shared reader (regular files, a size cap), strings cleaned
  const text = readInputFile(file, INPUT_LIMITS.partial);
  try {
    raw = JSON.parse(text, cleanJsonStrings);
  } catch (e) {
    throw new PeacesimError(
      `${showPath(file)}: not a partial result (invalid JSON: ${oneLine((e as Error).message)})`,
    );
  }
  // a part an older peacesim wrote lacks what this one merges: said in one line, with what to do
  const format = raw && typeof raw === 'object' ? (raw as { format?: unknown }).format : undefined;
  if (typeof format === 'string' && format !== PARTIAL_FORMAT && PARTIAL_LACKS[format])
    throw new PeacesimError(
      `${showPath(file)}: a partial result of an older peacesim (${format}): ${PARTIAL_LACKS[format]}; run its shards again with this version (--shard I/N --out FILE)`,
    );
  const parsed = PartialSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PeacesimError(
      `${showPath(file)}: not a peacesim partial result (${PARTIAL_FORMAT}): ${issue.path.join('.') || 'the file'}: ${issue.message}; write one with --shard I/N --out FILE`,
    );
  }
  const partial = parsed.data as Partial;
  // the date merge draws the positions of (--as-of): a calendar date, as the flag's parser accepts
  const asOf = partial.options.asOf;
  if (asOf !== undefined && (typeof asOf !== 'string' || !dayOf(asOf)))
    throw new PeacesimError(
      `${showPath(file)}: its --as-of is no date YYYY, YYYY-MM or YYYY-MM-DD; the file was not written by peacesim`,
    );
  if ((partial.command === 'outcomes') !== 'rows' in partial.part)
    throw new PeacesimError(
      `${showPath(file)}: its statistics are not those of ${partial.command}; the file was not written by peacesim`,
    );
  return partial;
}
