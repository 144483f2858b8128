// The inputs the negotiation machine takes, as zod schemas: the machine's event types are inferred from them, and a
// session file's inputs are checked against them at the border, so nothing malformed ever reaches a guard.
import { z } from 'zod';

const id = z.string().min(1);
const unit = z.number().min(0).max(1);

/** A term of a person's text: the option id, or the number of a numeric issue. */
const TermValueSchema = z.union([z.string(), z.number().finite()]);

/** Issue id → option id (or number): the terms a person changes. */
const Terms = z.record(id, TermValueSchema).readonly();

/** An effect a facilitator fires by hand; ids as in the scenario file. (Red lines are added by scenario events.) */
const AdHocEffectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('set-reservation'), actor: id, value: unit }).readonly(),
  z
    .strictObject({ kind: z.literal('shift-reservation'), actor: id, delta: z.number().min(-1).max(1) })
    .readonly(),
  z
    .strictObject({ kind: z.literal('set-weight'), actor: id, issue: id, weight: z.number().min(0).finite() })
    .readonly(),
  z.strictObject({ kind: z.literal('drop-red-line'), actor: id, redLine: id }).readonly(),
  z.strictObject({ kind: z.literal('table'), document: id }).readonly(),
  z.strictObject({ kind: z.literal('walk-out'), actor: id }).readonly(),
  z.strictObject({ kind: z.literal('goodwill'), actor: id }).readonly(),
]);
export type AdHocEffect = z.output<typeof AdHocEffectSchema>;

/** A move of an actor played by a person. */
export const HumanMoveSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('accept') }).readonly(),
  z.strictObject({ type: z.literal('reject'), asks: z.array(id).readonly().optional() }).readonly(),
  z.strictObject({ type: z.literal('propose'), terms: Terms }).readonly(),
  z.strictObject({ type: z.literal('revise'), terms: Terms }).readonly(),
]);
export type HumanMove = z.output<typeof HumanMoveSchema>;

/**
 * Who put an inject in: the facilitator at the play screen, or the analyst on the command line (`run --inject`).
 * A session saved before the field existed has none: its injects were fired by hand, by someone it does not name.
 */
const INJECT_ORIGINS = ['facilitator', 'analyst'] as const;
export type InjectOrigin = (typeof INJECT_ORIGINS)[number];

/** INJECT names a manual scenario event or carries one ad-hoc effect: exactly one of the two; `by`: who fired it. */
const InjectSchema = z
  .strictObject({
    type: z.literal('INJECT'),
    event: id.optional(),
    effect: AdHocEffectSchema.optional(),
    by: z
      .enum(INJECT_ORIGINS, {
        error: () => `who fired the inject: give "facilitator" or "analyst", or leave "by" out`,
      })
      .optional(),
  })
  .check((ctx) => {
    if ((ctx.value.event === undefined) === (ctx.value.effect === undefined))
      ctx.issues.push({
        code: 'custom',
        message: 'an INJECT names either a manual "event" or an ad-hoc "effect", not both or neither',
        input: ctx.value,
      });
  })
  .transform((v): InjectEvent => {
    const by = v.by === undefined ? {} : { by: v.by };
    return v.effect === undefined
      ? { type: v.type, event: v.event!, ...by }
      : { type: v.type, effect: v.effect, ...by };
  });
export type InjectEvent =
  | { readonly type: 'INJECT'; readonly event: string; readonly by?: InjectOrigin }
  | { readonly type: 'INJECT'; readonly effect: AdHocEffect; readonly by?: InjectOrigin };

export const NegotiationEventSchema = z.discriminatedUnion('type', [
  /** advance one phase */
  z.strictObject({ type: z.literal('STEP') }).readonly(),
  InjectSchema,
  z.strictObject({ type: z.literal('HUMAN_MOVE'), actor: id, move: HumanMoveSchema }).readonly(),
  z.strictObject({ type: z.literal('PAUSE') }).readonly(),
  z.strictObject({ type: z.literal('RESUME') }).readonly(),
]);
export type NegotiationEvent = z.output<typeof NegotiationEventSchema>;
