// The building blocks every sourced, grounded item of the scenario format shares: provenance, the basis of a
// modelling choice, a hypothesis' pairing, the rationale of a number.
import { z } from 'zod';
import { BASIS_KINDS } from '../domain/types.ts';
import { Id } from './schema-condition.ts';

export const Unit = z.number().min(0).max(1);
export const SourceRefs = z.array(Id);

/** Provenance shared by every sourced item. `confirmed: false` marks what the record does not settle. */
export const provenance = {
  sources: SourceRefs.optional(),
  confirmed: z.boolean().optional().describe('false when the record does not settle this item (UNCONFIRMED)'),
  recall: z
    .boolean()
    .optional()
    .describe('true for items commonly reported but not verified in the sources (RECALL)'),
  note: z.string().optional(),
};

const BasisKind = z
  .enum(BASIS_KINDS)
  .describe(
    "what this rests on: stated (the actor said so; give sources and statement), reading (an inference from sources; give sources and rationale), assumption (the modeller's; give rationale). Omitted: an assumption",
  );

/** The basis of a modelling choice. Cross-checks: `stated` needs sources and a statement, `reading` needs sources. */
export const grounds = {
  basis: BasisKind.optional(),
  statement: z
    .string()
    .min(1)
    .optional()
    .describe('stated: the words it rests on (a short quote or paraphrase)'),
};

/** A hypothesis names its equal-and-opposite item, or says why it has none. */
export const pairing = {
  counterpart: Id.optional().describe(
    'the id of the equal-and-opposite hypothesis (a drift "<actor>-drift", an event, a durability factor), which names this one back',
  ),
  oneSided: z.string().min(1).optional().describe('the stated reason this hypothesis has no counterpart'),
};

/**
 * Why a position holds before the earliest of its sources: a document is judged by the positions of its date, and
 * each must rest on what was on the record then (anachronism.ts warns of one that does not and says nothing).
 */
export const dated = {
  heldEarlier: z
    .string()
    .min(1)
    .optional()
    .describe(
      'why this position applies to documents dated before its earliest source (e.g. held throughout, as a text of the time shows)',
    ),
};

export const Rationale = z.string().min(1);

export const Assumption = {
  rationale: Rationale.describe('why this number: the reasoning from the sources, or the assumption'),
  sources: SourceRefs.optional(),
  ...grounds,
};
