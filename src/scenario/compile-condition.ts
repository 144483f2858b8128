// The constraint language compiled: conditions become trees whose leaves are allowed-option masks; an omitted
// issue is folded in as a constant at its status quo.
import { scopeOf } from '../domain/condition.ts';
import type { Condition, Constraint, Issue, IssueOption } from '../domain/types.ts';
import { groundsOf, heldEarlierOf, provenanceOf, rationaleOf } from './grounds.ts';
import type { ConditionInput, RedLineInput } from './schema.ts';

function literalMatches(raw: ConditionInput, id: string, value: number | null): boolean {
  const eq = (v: string | number) => (value === null ? v === id : Number(v) === value);
  if (raw.is !== undefined && !eq(raw.is)) return false;
  if (raw.in !== undefined && !raw.in.some(eq)) return false;
  if (raw.not_in?.some(eq)) return false;
  if (value !== null) {
    if (raw.lt !== undefined && !(value < raw.lt)) return false;
    if (raw.lte !== undefined && !(value <= raw.lte)) return false;
    if (raw.gt !== undefined && !(value > raw.gt)) return false;
    if (raw.gte !== undefined && !(value >= raw.gte)) return false;
  }
  return true;
}

export interface ConditionContext {
  readonly issues: readonly Issue[];
  readonly issueIndex: ReadonlyMap<string, number>;
  /** issues omitted from the scenario, fixed at their status quo */
  readonly fixed: ReadonlyMap<string, IssueOption>;
}

export function compileCondition(raw: ConditionInput, ctx: ConditionContext): Condition {
  if (raw.issue !== undefined) {
    const fixed = ctx.fixed.get(raw.issue);
    if (fixed) return { kind: 'const', value: literalMatches(raw, fixed.id, fixed.value) };
    const index = ctx.issueIndex.get(raw.issue)!;
    const issue = ctx.issues[index]!;
    const allowed = Uint8Array.from(issue.options, (o) => (literalMatches(raw, o.id, o.value) ? 1 : 0));
    return { kind: 'lit', issue: index, allowed };
  }
  if (raw.all) return { kind: 'all', items: raw.all.map((c) => compileCondition(c, ctx)) };
  if (raw.any) return { kind: 'any', items: raw.any.map((c) => compileCondition(c, ctx)) };
  if (raw.not) return { kind: 'not', item: compileCondition(raw.not, ctx) };
  return {
    kind: 'if',
    cond: compileCondition(raw.if!, ctx),
    yes: compileCondition(raw.then!, ctx),
    no: raw.else ? compileCondition(raw.else, ctx) : { kind: 'const', value: true },
  };
}

/** A red line or a rule. */
export function compileConstraint(raw: RedLineInput, ctx: ConditionContext): Constraint {
  const condition = compileCondition(raw.rule, ctx);
  return {
    id: raw.id,
    text: raw.text,
    condition,
    scope: scopeOf(condition),
    ...rationaleOf(raw),
    ...groundsOf(raw),
    ...provenanceOf(raw),
    ...heldEarlierOf(raw),
  };
}
