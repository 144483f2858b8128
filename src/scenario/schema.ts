// The scenario format: the single source of truth for what a scenario file may say.
// The JSON Schema (`peacesim schema`) and the TypeScript input types are generated from it.
import { z } from 'zod';
import { STRATEGY_KINDS } from '../domain/types.ts';

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'an id is lower-case letters, digits, ".", "_" or "-", e.g. "army-cap"');

const IsoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD, e.g. "2025-11-20"');

const Unit = z.number().min(0).max(1);
const SourceRefs = z.array(Id);

/** Provenance shared by every sourced item. `confirmed: false` marks what the record does not settle. */
const provenance = {
  sources: SourceRefs.optional(),
  confirmed: z.boolean().optional().describe('false when the record does not settle this item (UNCONFIRMED)'),
  recall: z
    .boolean()
    .optional()
    .describe('true for items commonly reported but not verified in the sources (RECALL)'),
  note: z.string().optional(),
};

export const TermValue = z.union([Id, z.number()]);

/**
 * The constraint language. One object per condition; exactly one of `issue`, `all`, `any`, `not`, `if`.
 * `{issue, is}` `{issue, in}` `{issue, not_in}` `{issue, lt|lte|gt|gte}` `{all: [...]}` `{any: [...]}` `{not: c}`
 * `{if: c, then: c, else?: c}`. A red line or rule is broken when its condition is false.
 */
export const Condition = z
  .strictObject({
    issue: Id.optional(),
    is: TermValue.optional(),
    in: z.array(TermValue).optional(),
    not_in: z.array(TermValue).optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    get all() {
      return z.array(Condition).optional();
    },
    get any() {
      return z.array(Condition).optional();
    },
    get not() {
      return Condition.optional();
    },
    get if() {
      return Condition.optional();
    },
    // biome-ignore lint/suspicious/noThenProperty: `then` is a key of the scenario format, never awaited
    get then() {
      return Condition.optional();
    },
    get else() {
      return Condition.optional();
    },
  })
  .superRefine((c, ctx) => {
    const heads = (['issue', 'all', 'any', 'not', 'if'] as const).filter((k) => c[k] !== undefined);
    if (heads.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `a condition needs exactly one of issue, all, any, not, if (found ${heads.length ? heads.join(', ') : 'none'})`,
      });
      return;
    }
    if (c.issue !== undefined) {
      const ops = (['is', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte'] as const).filter(
        (k) => c[k] !== undefined,
      );
      if (ops.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: `condition on "${c.issue}" needs one of is, in, not_in, lt, lte, gt, gte`,
        });
      }
      if (ops.some((k) => k === 'is' || k === 'in' || k === 'not_in') && ops.length > 1) {
        ctx.addIssue({
          code: 'custom',
          message: `condition on "${c.issue}": use only one of is, in, not_in`,
        });
      }
    }
    if ((c.if === undefined) !== (c.then === undefined)) {
      ctx.addIssue({ code: 'custom', message: '"if" and "then" go together' });
    }
    if (c.else !== undefined && c.if === undefined) {
      ctx.addIssue({ code: 'custom', message: '"else" needs "if" and "then"' });
    }
  });
export type ConditionInput = z.infer<typeof Condition>;

export const Source = z.strictObject({
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

export const DiscreteIssue = z.strictObject({
  ...issueCommon,
  kind: z.literal('discrete').optional(),
  options: z.array(OptionDef).min(1),
  statusQuo: Id.describe('the option that holds with no deal'),
});

export const NumericIssue = z.strictObject({
  ...issueCommon,
  kind: z.literal('numeric'),
  unit: z.string().min(1),
  range: z.tuple([z.number(), z.number()]).describe('[min, max]'),
  candidates: z.array(Candidate).min(1).describe('the values search considers'),
  statusQuo: z.number(),
});

export const Issue = z.union([NumericIssue, DiscreteIssue]);

const Assumption = {
  rationale: z.string().min(1).describe('why this number: every preference is an assumption'),
  sources: SourceRefs.optional(),
};

export const Preference = z.strictObject({
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
});

export const RedLine = z.strictObject({
  id: Id,
  text: z.string().min(1),
  rule: Condition.describe('what must hold; the red line is broken when it does not'),
  ...provenance,
});

export const Reservation = z.strictObject({
  value: Unit.describe('the utility of no deal (BATNA)'),
  drift: z.number().min(-1).max(1).optional().describe('change per round'),
  range: z.tuple([Unit, Unit]).optional().describe('uncertainty, for sweeps'),
  ...Assumption,
});

export const StrategyKind = z.enum(STRATEGY_KINDS);

export const Strategy = z.strictObject({
  kind: StrategyKind,
  params: z.record(z.string(), z.number()).optional(),
  rationale: z.string().optional(),
});

export const ActorRole = z.enum(['party', 'mediator', 'stakeholder']);

export const Actor = z.strictObject({
  id: Id,
  name: z.string().min(1),
  role: ActorRole.optional().describe('derived from protocol when omitted; must agree with it when given'),
  description: z.string().optional(),
  preferences: z.record(Id, Preference),
  redLines: z.array(RedLine).optional(),
  reservation: Reservation,
  strategy: Strategy.optional(),
});

export const Rule = z.strictObject({
  id: Id,
  text: z.string().min(1),
  rule: Condition,
  ...provenance,
});

export const TermDetail = z.strictObject({
  value: TermValue,
  variants: z
    .array(z.strictObject({ value: TermValue, ...provenance }))
    .optional()
    .describe('other versions of this term on the record, each with its source'),
  ...provenance,
});

export const Point = z.strictObject({
  n: z.union([z.number().int(), z.string()]),
  text: z.string().min(1),
  issues: z.array(Id).optional(),
  ...provenance,
});

export const Document = z.strictObject({
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

export const Effect = z.discriminatedUnion('kind', [
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

export const Trigger = z.union([
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

export const Event = z.strictObject({
  id: Id,
  title: z.string().min(1),
  description: z.string().optional(),
  trigger: Trigger,
  effects: z.array(Effect).min(1),
  ...provenance,
});

export const Protocol = z.strictObject({
  kind: z.enum(['mediated-single-text', 'alternating-offers']),
  mediator: Id.nullable()
    .transform((v) => v ?? undefined)
    .optional()
    .describe('the mediating actor; null drops the mediator of an included base'),
  parties: z.array(Id).min(1).describe('the actors whose acceptance every agreement needs'),
  opening: Id.optional().describe('the document on the table at round 1'),
  maxRounds: z.number().int().min(1).max(1000),
});

export const DurabilityFactor = z.strictObject({
  id: Id,
  label: z.string().min(1),
  when: Condition.describe('the factor applies when this holds of the signed package'),
  shift: z.number().min(-1).max(1).describe('added to the base when the factor applies; an assumption'),
  rationale: z.string().min(1).describe('why this factor and this size'),
  ...provenance,
});

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

const OmitLists = z.strictObject({
  sources: z.array(Id).optional(),
  issues: z.array(Id).optional(),
  actors: z.array(Id).optional(),
  rules: z.array(Id).optional(),
  documents: z.array(Id).optional(),
  events: z.array(Id).optional(),
  durabilityFactors: z.array(Id).optional(),
  redLines: z
    .array(
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9._-]*:[a-z0-9][a-z0-9._-]*$/, 'a red line is named "actor-id:red-line-id"'),
    )
    .optional(),
});

/** What a loaded file may contain before includes are merged (every part optional in a fragment). */
export const IncludeFields = {
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
  date: IsoDate.describe('the date of the situation the scenario models'),
  description: z.string().optional(),
  sources: z.array(Source).default([]),
  issues: z.array(Issue).min(1),
  actors: z.array(Actor).min(2),
  rules: z.array(Rule).default([]),
  documents: z.array(Document).default([]),
  events: z.array(Event).default([]),
  durability: Durability.optional(),
  protocol: Protocol,
});

export type ScenarioInput = z.infer<typeof Scenario>;
export type IssueInput = z.infer<typeof Issue>;
export type ActorInput = z.infer<typeof Actor>;
export type DocumentInput = z.infer<typeof Document>;
export type EventInput = z.infer<typeof Event>;
export type EffectInput = z.infer<typeof Effect>;
export type PreferenceInput = z.infer<typeof Preference>;
export type RedLineInput = z.infer<typeof RedLine>;
export type TermDetailInput = z.infer<typeof TermDetail>;
export type DurabilityInput = z.infer<typeof Durability>;

/** The JSON Schema of the format, for editors. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
