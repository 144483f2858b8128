// The scenario format's ids, dates and constraint language (red lines, rules, durability factors' `when`).
import { z } from 'zod';

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'an id is lower-case letters, digits, ".", "_" or "-", e.g. "army-cap"');

export const IsoDate = z
  .string({
    // YAML reads a bare year (`date: 2022`) as a number: say how to write it
    error: (issue) =>
      typeof issue.input === 'number'
        ? `a date is text: put the year in quotes ("${issue.input}"), or write YYYY-MM or YYYY-MM-DD`
        : undefined,
  })
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD, e.g. "2025-11-20"');

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
