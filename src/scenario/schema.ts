// The scenario format: the single source of truth for what a scenario file may say.
// The JSON Schema (`peacesim schema`) and the TypeScript input types are generated from it.
import { z } from 'zod';
import { STRATEGY_KINDS } from '../domain/types.ts';
import {
  Assumption,
  dated,
  grounds,
  pairing,
  provenance,
  Rationale,
  SourceRefs,
  Unit,
} from './schema-common.ts';
import { Condition, Id, IsoDate, TermValue } from './schema-condition.ts';
import { Durability, Ratification, RecordEntry } from './schema-judged.ts';

export type { ConditionInput } from './schema-condition.ts';

const Source = z.strictObject({
  id: Id,
  title: z.string().min(1),
  url: z.string().optional(),
  publisher: z.string().optional(),
  date: IsoDate.optional(),
  reliability: z.string().optional().describe('a note on how far this source can be trusted, and why'),
});

const OptionDef = z.strictObject({
  id: Id,
  label: z.string().min(1),
  description: z.string().optional(),
});

const Candidate = z.union([z.number(), z.strictObject({ value: z.number(), label: z.string() })]);

const issueCommon = {
  id: Id,
  label: z.string().min(1),
  description: z.string().optional(),
  group: z.string().optional().describe('a heading to group issues under, e.g. "territory"'),
  controlledBy: z
    .array(Id)
    .optional()
    .describe('actors whose consent is needed to move this issue off its status quo'),
  ...provenance,
};

const DiscreteIssue = z.strictObject({
  ...issueCommon,
  kind: z.literal('discrete').optional(),
  options: z.array(OptionDef).min(1),
  statusQuo: Id.describe('the option that holds with no deal'),
});

const NumericIssue = z.strictObject({
  ...issueCommon,
  kind: z.literal('numeric'),
  unit: z.string().min(1),
  range: z.tuple([z.number(), z.number()]).describe('[min, max]'),
  candidates: z.array(Candidate).min(1).describe('the values search considers'),
  statusQuo: z.number(),
});

export const Issue = z.union([NumericIssue, DiscreteIssue]);

const Preference = z.strictObject({
  weight: z.number().min(0),
  weightRange: z
    .tuple([z.number().min(0), z.number().min(0)])
    .optional()
    .describe('uncertainty, for sweeps'),
  values: z.record(Id, Unit).optional().describe('discrete issues: option id → value in [0, 1]'),
  curve: z
    .array(z.tuple([z.number(), Unit]))
    .min(1)
    .optional()
    .describe('numeric issues: piecewise-linear [value, utility] points, ascending by value'),
  ...Assumption,
  ...dated,
});

const RedLine = z.strictObject({
  id: Id,
  text: z.string().min(1),
  rule: Condition.describe('what must hold; the red line is broken when it does not'),
  rationale: Rationale.optional().describe('reading or assumption: the reasoning'),
  ...grounds,
  ...provenance,
  ...dated,
});

/**
 * Why a red line is withheld: the model's reading (or assumption) that it did not hold on the scenario's date.
 * `peacesim hinges` reverses it by restoring the red line.
 */
const Withholding = z.strictObject({
  basis: z
    .enum(['reading', 'assumption'])
    .describe('withholding a red line is never stated: a reading or an assumption'),
  rationale: Rationale.describe('why the red line is read as not holding on this date'),
  sources: SourceRefs.optional(),
});

const WithheldRedLine = RedLine.extend({
  withheld: Withholding,
}).describe('a red line the scenario does not apply, on the reading in `withheld`; hinges restores it');

const DriftValue = z.number().min(-1).max(1);

const Drift = z
  .strictObject({
    value: DriftValue.describe('change per round'),
    rationale: Rationale.optional(),
    ...grounds,
    ...pairing,
    ...provenance,
  })
  .describe('a drift with its basis; its id, for counterparts, is "<actor>-drift"');

const Reservation = z.strictObject({
  value: Unit.describe('the utility of no deal (BATNA)'),
  drift: z
    .union([DriftValue, Drift])
    .optional()
    .describe('change per round: a number (an assumption) or { value, basis, … }'),
  range: z.tuple([Unit, Unit]).optional().describe('uncertainty, for sweeps'),
  ...Assumption,
});

const StrategyKind = z.enum(STRATEGY_KINDS);

const Strategy = z.strictObject({
  kind: StrategyKind,
  params: z.record(z.string(), z.number()).optional(),
  rationale: z.string().optional(),
  sources: SourceRefs.optional(),
  ...grounds,
});

const ActorRole = z.enum(['party', 'mediator', 'stakeholder']);

const Actor = z.strictObject({
  id: Id,
  name: z.string().min(1),
  inSentence: z
    .string()
    .min(1)
    .optional()
    .describe(
      'the name as it reads inside a sentence ("the United States"); capitalised at a sentence\'s start; the name when omitted',
    ),
  role: ActorRole.optional().describe('derived from protocol when omitted; must agree with it when given'),
  description: z.string().optional(),
  preferences: z.record(Id, Preference),
  redLines: z.array(RedLine).optional(),
  withheldRedLines: z
    .array(WithheldRedLine)
    .optional()
    .describe(
      'red lines not applied, each on a reading or assumption of its own (written by a labelled omit)',
    ),
  reservation: Reservation,
  strategy: Strategy.optional(),
  get epochs() {
    return z
      .array(Epoch)
      .optional()
      .describe("dated overrides of the positions above, which are the actor's on the scenario's date");
  },
});

const EpochPreference = z
  .strictObject({
    weight: z.number().min(0).optional(),
    weightRange: z.tuple([z.number().min(0), z.number().min(0)]).optional(),
    values: z.record(Id, Unit).optional().describe('merged option by option into the values in force'),
    curve: z
      .array(z.tuple([z.number(), Unit]))
      .min(1)
      .optional()
      .describe('numeric issues: replaces the curve in force'),
    rationale: Rationale.optional(),
    sources: SourceRefs.optional(),
    ...grounds,
    ...dated,
  })
  .describe('a partial preference: any of weight / values (or curve); the rest stays as in force');

const EpochReservation = z.strictObject({
  value: Unit.optional(),
  drift: z.union([DriftValue, Drift]).optional(),
  range: z.tuple([Unit, Unit]).optional(),
  rationale: Rationale.optional(),
  sources: SourceRefs.optional(),
  ...grounds,
});

const Epoch = z
  .strictObject({
    id: Id,
    from: IsoDate.optional().describe('the first date it holds (inclusive)'),
    until: IsoDate.optional().describe('the date it stops holding (exclusive)'),
    label: z.string().min(1).describe('what distinguishes this span, in a phrase'),
    rationale: Rationale.optional(),
    ...grounds,
    ...provenance,
    ...dated,
    preferences: z.record(Id, EpochPreference).optional(),
    reservation: EpochReservation.optional(),
    redLines: z
      .strictObject({
        drop: z.array(Id).optional().describe('ids of red lines that do not hold in this span'),
        add: z
          .array(RedLine)
          .optional()
          .describe('red lines that hold in this span (an existing id is replaced)'),
      })
      .optional(),
    strategy: Strategy.optional(),
  })
  .describe(
    "an actor's positions over [from, until): applied, in file order, to documents dated in the span",
  );

const Rule = z.strictObject({
  id: Id,
  text: z.string().min(1),
  rule: Condition,
  rationale: Rationale.optional(),
  ...grounds,
  ...provenance,
});

const TermDetail = z.strictObject({
  value: TermValue,
  variants: z
    .array(z.strictObject({ value: TermValue, ...provenance }))
    .optional()
    .describe('other versions of this term on the record, each with its source'),
  ...provenance,
});

const Point = z.strictObject({
  n: z.union([z.number().int(), z.string()]),
  text: z.string().min(1),
  issues: z.array(Id).optional(),
  ...provenance,
});

const Document = z.strictObject({
  id: Id,
  title: z.string().min(1),
  date: IsoDate,
  tabledBy: Id.describe('the actor that tabled it'),
  author: z.string().optional().describe('who drafted it, in words'),
  summary: z.string().optional(),
  terms: z
    .record(Id, z.union([TermValue, TermDetail]))
    .describe('a partial package; missing issues stay at status quo'),
  points: z.array(Point).optional().describe("the document's own numbered points, mapped to issues"),
  ...provenance,
});

const Effect = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('set-reservation'), actor: Id, value: Unit }),
  z.strictObject({ kind: z.literal('shift-reservation'), actor: Id, delta: z.number().min(-1).max(1) }),
  z.strictObject({ kind: z.literal('set-weight'), actor: Id, issue: Id, weight: z.number().min(0) }),
  z.strictObject({ kind: z.literal('add-red-line'), actor: Id, redLine: RedLine }),
  z.strictObject({ kind: z.literal('drop-red-line'), actor: Id, redLine: Id }),
  z.strictObject({ kind: z.literal('table'), document: Id }),
  z.strictObject({ kind: z.literal('walk-out'), actor: Id }),
  z
    .strictObject({ kind: z.literal('goodwill'), actor: Id })
    .describe(
      "a gesture by the actor that concedes nothing on the table: the mediator's patience renews, one round of the actor's blame is forgiven",
    ),
]);

const Trigger = z.union([
  z.strictObject({ round: z.number().int().min(1) }),
  z.strictObject({ manual: z.literal(true) }),
  z
    .strictObject({
      blame: z.strictObject({
        actor: Id,
        atLeast: z.number().int().min(1).describe('lone holdouts and walk-outs counted against the actor'),
      }),
    })
    .describe('fires once, at the start of the round after the actor has been blamed this many times'),
]);

const Event = z.strictObject({
  id: Id,
  title: z.string().min(1),
  description: z.string().optional(),
  trigger: Trigger,
  effects: z.array(Effect).min(1),
  rationale: Rationale.optional(),
  ...grounds,
  ...pairing,
  ...provenance,
});

const Protocol = z.strictObject({
  kind: z.enum(['mediated-single-text', 'alternating-offers']),
  mediator: Id.nullable()
    .transform((v) => v ?? undefined)
    .optional()
    .describe('the mediating actor; null drops the mediator of an included base'),
  parties: z.array(Id).min(1).describe('the actors whose acceptance every agreement needs'),
  opening: Id.optional().describe('the document on the table at round 1'),
  maxRounds: z.number().int().min(1).max(1000),
  anticipateRatification: z
    .boolean()
    .optional()
    .describe(
      "the modeller's assumption that negotiators anticipate ratification, as every run's default (run --anticipate-ratification or --no-anticipate-ratification overrides it); absent: false",
    ),
});

const RedLineName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*:[a-z0-9][a-z0-9._-]*$/, 'a red line is named "actor-id:red-line-id"');

const OmitLists = z.strictObject({
  sources: z.array(Id).optional(),
  issues: z.array(Id).optional(),
  actors: z.array(Id).optional(),
  rules: z.array(Id).optional(),
  documents: z.array(Id).optional(),
  events: z.array(Id).optional(),
  durabilityFactors: z.array(Id).optional(),
  record: z.array(Id).optional(),
  ratification: z.array(Id).optional(),
  epochs: z
    .array(
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9._-]*:[a-z0-9][a-z0-9._-]*$/, 'an epoch is named "actor-id:epoch-id"'),
    )
    .optional(),
  redLines: z
    .array(
      z.union([
        RedLineName,
        z
          .strictObject({ id: RedLineName, ...Withholding.shape })
          .describe(
            "a red line withheld on a reading or assumption: not applied, but kept for hinges to restore (the actor's withheldRedLines)",
          ),
      ]),
    )
    .optional(),
});

/** What a loaded file may contain before includes are merged (every part optional in a fragment). */
const IncludeFields = {
  include: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe('files to build on, relative to this one'),
  omit: OmitLists.optional().describe('ids to drop from what was included'),
};

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(1).optional().describe('the format version'),
  ...IncludeFields,
  id: Id,
  title: z.string().min(1),
  summary: z.string().min(1),
  date: IsoDate.describe(
    "the date of the situation the scenario models: the actors' top-level positions are theirs on this date",
  ),
  recordEnds: IsoDate.optional().describe('where the record the scenario covers ends'),
  description: z.string().optional(),
  sources: z.array(Source).default([]),
  issues: z.array(Issue).min(1),
  actors: z.array(Actor).min(2),
  rules: z.array(Rule).default([]),
  documents: z.array(Document).default([]),
  events: z.array(Event).default([]),
  record: z.array(RecordEntry).optional().describe('documented reactions to the documents (issue 11)'),
  durability: Durability.optional(),
  ratification: z
    .array(Ratification)
    .optional()
    .describe('ratification hurdles: signed texts that take effect only if a domestic body approves them'),
  protocol: Protocol,
});

export type ScenarioInput = z.infer<typeof Scenario>;
export type IssueInput = z.infer<typeof Issue>;
export type ActorInput = z.infer<typeof Actor>;
export type EventInput = z.infer<typeof Event>;
export type EffectInput = z.infer<typeof Effect>;
export type PreferenceInput = z.infer<typeof Preference>;
export type RedLineInput = z.infer<typeof RedLine>;
export type TermDetailInput = z.infer<typeof TermDetail>;
export type DurabilityInput = z.infer<typeof Durability>;
export type EpochInput = z.infer<typeof Epoch>;
export type DriftInput = z.infer<typeof Drift>;
export type StrategyInput = z.infer<typeof Strategy>;
export type RecordEntryInput = z.infer<typeof RecordEntry>;
export type RatificationInput = z.infer<typeof Ratification>;

/** The JSON Schema of the format, for editors. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
