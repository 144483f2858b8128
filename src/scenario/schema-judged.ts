// The parts of the scenario format that judge a signed text or the actors behind it: durability, the record of
// reactions (evidence about preferences) and ratification hurdles.
import { z } from 'zod';
import { Assumption, grounds, pairing, provenance, Rationale, SourceRefs, Unit } from './schema-common.ts';
import { Condition, Id, IsoDate } from './schema-condition.ts';

const DurabilityFactor = z.strictObject({
  id: Id,
  label: z.string().min(1),
  when: Condition.describe('the factor applies when this holds of the signed package'),
  shift: z.number().min(-1).max(1).describe('added to the base when the factor applies; an assumption'),
  rationale: z.string().min(1).describe('why this factor and this size'),
  ...grounds,
  ...pairing,
  ...provenance,
});

export const RecordEntry = z
  .strictObject({
    id: Id,
    actor: Id.describe('who reacted'),
    document: Id.describe('to which document'),
    reaction: z.enum(['accept', 'reject']),
    date: IsoDate.describe('when; the reaction is judged with the positions in force on this date'),
    basis: z
      .enum(['stated', 'reading'])
      .describe('stated: the actor said so; reading: inferred (a counter-proposal, a walk-out …)'),
    statement: z.string().min(1).optional().describe('stated: the words'),
    rationale: Rationale.optional().describe('reading: the inference'),
    sources: z.array(Id).min(1),
    confirmed: provenance.confirmed,
    recall: provenance.recall,
    note: provenance.note,
  })
  .describe("a documented reaction of an actor to a document: evidence about the actor's preferences");

export const Durability = z
  .strictObject({
    base: Unit.describe('the durability of a deal before any factor; an assumption'),
    rationale: z.string().min(1),
    sources: SourceRefs.optional(),
    factors: z.array(DurabilityFactor).default([]),
  })
  .describe(
    'how likely a signed deal is to hold: base + the shifts of the factors that apply, clamped to [0, 1]',
  );

const RatificationThreshold = z
  .strictObject({
    value: Unit.describe("the actor's utility for the text that the body's approval needs"),
    range: z.tuple([Unit, Unit]).optional().describe('uncertainty, for sweeps and outcome runs'),
    ...Assumption,
  })
  .describe(
    "what the body requires: a text it ratifies is worth at least this much to the actor (the win-set); unless a source gives the number, the modeller's assumption",
  );

export const Ratification = z
  .strictObject({
    id: Id,
    actor: Id.describe('the actor whose domestic body ratifies'),
    label: z.string().min(1).describe('the body and its procedure, in a phrase: "a referendum in Ukraine"'),
    text: z.string().min(1).describe('what the body decides, in a sentence'),
    when: Condition.describe('the hurdle applies to a signed text that meets this condition'),
    from: IsoDate.optional().describe(
      "the first date the hurdle holds (inclusive), resting on its sources: a text dated earlier meets no such hurdle; omit it when the hurdle holds at every date. No later than the scenario's date",
    ),
    threshold: RatificationThreshold,
    rationale: Rationale.optional().describe('reading or assumption: the reasoning'),
    ...grounds,
    ...provenance,
  })
  .describe(
    'a ratification hurdle (two-level game): a signed text that meets `when` takes effect only if the body approves it',
  );
