// Validated, merged, cross-checked input → the compiled domain model. Assumes cross-checks passed.
import { scopeOf } from '../domain/condition.ts';
import type {
  Actor,
  Durability,
  Effect,
  EventTrigger,
  Issue,
  IssueOption,
  NegotiationDocument,
  Ratification,
  RecordedReaction,
  Scenario,
  Term,
} from '../domain/types.ts';
import { compileActor } from './compile-actor.ts';
import { type ConditionContext, compileCondition, compileConstraint } from './compile-condition.ts';
import { groundsOf, pairedOf, provenanceOf, rationaleOf } from './grounds.ts';
import type {
  DurabilityInput,
  EffectInput,
  EventInput,
  IssueInput,
  RatificationInput,
  RecordEntryInput,
  ScenarioInput,
  TermDetailInput,
} from './schema.ts';

function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
}

function termValueOf(t: string | number | TermDetailInput): string | number {
  return typeof t === 'object' ? t.value : t;
}

export interface CompileOptions {
  /** more values to make options of numeric issues (issue id → values), e.g. a what-if's `--set army-cap=700000` */
  readonly extraValues?: ReadonlyMap<string, readonly number[]>;
}

/**
 * Every numeric value a scenario mentions for an issue becomes an option: candidates, status quo, document terms
 * (and any extra values the caller asks for).
 */
function numericValues(
  input: ScenarioInput,
  issue: Extract<IssueInput, { kind: 'numeric' }>,
  extra: readonly number[] = [],
): IssueOption[] {
  const labels = new Map<number, string>();
  const values = new Set<number>([issue.statusQuo, ...extra]);
  for (const c of issue.candidates) {
    if (typeof c === 'number') values.add(c);
    else {
      values.add(c.value);
      labels.set(c.value, c.label);
    }
  }
  for (const doc of input.documents) {
    const t = doc.terms[issue.id];
    if (t === undefined) continue;
    values.add(termValueOf(t) as number);
    if (typeof t === 'object') for (const v of t.variants ?? []) values.add(v.value as number);
  }
  return [...values]
    .sort((a, b) => a - b)
    .map((value) => ({
      id: String(value),
      label: labels.get(value) ?? `${formatNumber(value)} ${issue.unit}`,
      value,
    }));
}

function compileIssue(
  input: ScenarioInput,
  raw: IssueInput,
  index: number,
  actorIndex: Map<string, number>,
  compileOptions: CompileOptions = {},
): Issue {
  const common = {
    id: raw.id,
    index,
    label: raw.label,
    ...(raw.description === undefined ? {} : { description: raw.description }),
    ...(raw.group === undefined ? {} : { group: raw.group }),
    controlledBy: (raw.controlledBy ?? []).map((a) => actorIndex.get(a)!),
    ...provenanceOf(raw),
  };
  if (raw.kind === 'numeric') {
    const options = numericValues(input, raw, compileOptions.extraValues?.get(raw.id));
    return {
      ...common,
      kind: 'numeric',
      unit: raw.unit,
      range: raw.range,
      options,
      statusQuo: options.findIndex((o) => o.value === raw.statusQuo),
    };
  }
  const options = raw.options.map((o) => ({
    id: o.id,
    label: o.label,
    ...(o.description === undefined ? {} : { description: o.description }),
    value: null,
  }));
  return {
    ...common,
    kind: 'discrete',
    options,
    statusQuo: options.findIndex((o) => o.id === raw.statusQuo),
  };
}

/** Option index of a term value on an issue: an option id, or a numeric value. */
function optionIndexOf(issue: Issue, value: string | number): number {
  return issue.kind === 'numeric'
    ? issue.options.findIndex((o) => o.value === Number(value))
    : issue.options.findIndex((o) => o.id === value);
}

function compileEffect(raw: EffectInput, ctx: ConditionContext, actorIndex: Map<string, number>): Effect {
  switch (raw.kind) {
    case 'set-reservation':
      return { kind: raw.kind, actor: actorIndex.get(raw.actor)!, value: raw.value };
    case 'shift-reservation':
      return { kind: raw.kind, actor: actorIndex.get(raw.actor)!, delta: raw.delta };
    case 'set-weight':
      return {
        kind: raw.kind,
        actor: actorIndex.get(raw.actor)!,
        issue: ctx.issueIndex.get(raw.issue)!,
        weight: raw.weight,
      };
    case 'add-red-line':
      return {
        kind: raw.kind,
        actor: actorIndex.get(raw.actor)!,
        redLine: compileConstraint(raw.redLine, ctx),
      };
    case 'drop-red-line':
      return { kind: raw.kind, actor: actorIndex.get(raw.actor)!, redLine: raw.redLine };
    case 'table':
      return { kind: raw.kind, document: raw.document };
    case 'walk-out':
    case 'goodwill':
      return { kind: raw.kind, actor: actorIndex.get(raw.actor)! };
  }
}

function compileTrigger(raw: EventInput['trigger'], actorIndex: Map<string, number>): EventTrigger {
  if ('blame' in raw)
    return { blame: { actor: actorIndex.get(raw.blame.actor)!, atLeast: raw.blame.atLeast } };
  return raw;
}

/** Factors compile like red lines: a condition on an omitted issue is read at that issue's status quo. */
function compileDurability(raw: DurabilityInput, ctx: ConditionContext): Durability {
  return {
    base: raw.base,
    rationale: raw.rationale,
    sources: raw.sources ?? [],
    factors: raw.factors.map((f) => {
      const condition = compileCondition(f.when, ctx);
      return {
        id: f.id,
        label: f.label,
        condition,
        scope: scopeOf(condition),
        shift: f.shift,
        rationale: f.rationale,
        ...groundsOf(f),
        ...pairedOf(f),
        ...provenanceOf(f),
      };
    }),
  };
}

function recordedReaction(raw: RecordEntryInput, actorIndex: Map<string, number>): RecordedReaction {
  return {
    id: raw.id,
    actor: actorIndex.get(raw.actor)!,
    document: raw.document,
    reaction: raw.reaction,
    date: raw.date,
    ...rationaleOf(raw),
    ...groundsOf(raw),
    ...provenanceOf(raw),
  };
}

/** Like a red line: a condition on an omitted issue is read at that issue's status quo. */
function compileRatification(
  raw: RatificationInput,
  ctx: ConditionContext,
  actorIndex: Map<string, number>,
): Ratification {
  const condition = compileCondition(raw.when, ctx);
  const t = raw.threshold;
  return {
    id: raw.id,
    actor: actorIndex.get(raw.actor)!,
    label: raw.label,
    text: raw.text,
    condition,
    scope: scopeOf(condition),
    ...(raw.from === undefined ? {} : { from: raw.from }),
    threshold: {
      value: t.value,
      ...(t.range === undefined ? {} : { range: t.range }),
      rationale: t.rationale,
      sources: t.sources ?? [],
      ...groundsOf(t),
    },
    ...rationaleOf(raw),
    ...groundsOf(raw),
    ...provenanceOf(raw),
  };
}

export function compileScenario(
  input: ScenarioInput,
  fixedIssues: readonly IssueInput[] = [],
  file?: string,
  options: CompileOptions = {},
): Scenario {
  const actorIndex = new Map(input.actors.map((a, i) => [a.id, i]));
  const issueIndex = new Map(input.issues.map((x, i) => [x.id, i]));
  const issues = input.issues.map((raw, i) => compileIssue(input, raw, i, actorIndex, options));
  const offsets = new Int32Array(issues.length + 1);
  issues.forEach((issue, i) => {
    offsets[i + 1] = offsets[i]! + issue.options.length;
  });
  const fixed = new Map<string, IssueOption>();
  for (const raw of fixedIssues) {
    const sq =
      raw.kind === 'numeric'
        ? { id: String(raw.statusQuo), label: String(raw.statusQuo), value: raw.statusQuo }
        : { ...raw.options.find((o) => o.id === raw.statusQuo)!, value: null };
    fixed.set(raw.id, sq);
  }
  const ctx: ConditionContext = { issues, issueIndex, fixed };

  const actors: Actor[] = input.actors.map((raw, index) => compileActor(input, raw, index, ctx, offsets));

  const documents: NegotiationDocument[] = input.documents.map((raw) => {
    const terms: Term[] = [];
    for (const [issueId, t] of Object.entries(raw.terms)) {
      const i = issueIndex.get(issueId);
      if (i === undefined) continue; // a term on an omitted issue: the issue is fixed at status quo
      const issue = issues[i]!;
      const detail = typeof t === 'object' ? t : undefined;
      terms.push({
        issue: i,
        option: optionIndexOf(issue, termValueOf(t)),
        variants: (detail?.variants ?? []).map((v) => ({
          option: optionIndexOf(issue, v.value),
          ...provenanceOf(v),
        })),
        ...provenanceOf(detail ?? {}),
      });
    }
    terms.sort((a, b) => a.issue - b.issue);
    const pkg = Int32Array.from(issues, (issue) => issue.statusQuo);
    for (const t of terms) pkg[t.issue] = t.option;
    return {
      id: raw.id,
      title: raw.title,
      date: raw.date,
      tabledBy: actorIndex.get(raw.tabledBy)!,
      ...(raw.author === undefined ? {} : { author: raw.author }),
      ...(raw.summary === undefined ? {} : { summary: raw.summary }),
      terms,
      points: (raw.points ?? []).map((p) => ({
        n: p.n,
        text: p.text,
        issues: (p.issues ?? []).map((x) => issueIndex.get(x)).filter((x): x is number => x !== undefined),
        ...provenanceOf(p),
      })),
      package: pkg,
      ...provenanceOf(raw),
    };
  });

  return {
    id: input.id,
    title: input.title,
    summary: input.summary,
    date: input.date,
    ...(input.recordEnds === undefined ? {} : { recordEnds: input.recordEnds }),
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(file === undefined ? {} : { file }),
    sources: input.sources.map((s) => ({ ...s })),
    issues,
    fixedIssues: fixedIssues.map((x) => x.id),
    actors,
    rules: input.rules.map((r) => compileConstraint(r, ctx)),
    documents,
    events: input.events.map((raw) => ({
      id: raw.id,
      title: raw.title,
      ...(raw.description === undefined ? {} : { description: raw.description }),
      trigger: compileTrigger(raw.trigger, actorIndex),
      effects: raw.effects.map((e) => compileEffect(e, ctx, actorIndex)),
      ...rationaleOf(raw),
      ...groundsOf(raw),
      ...pairedOf(raw),
      ...provenanceOf(raw),
    })),
    record: (input.record ?? []).map((r) => recordedReaction(r, actorIndex)),
    ...(input.durability === undefined ? {} : { durability: compileDurability(input.durability, ctx) }),
    ratifications: (input.ratification ?? []).map((r) => compileRatification(r, ctx, actorIndex)),
    protocol: {
      kind: input.protocol.kind,
      ...(input.protocol.mediator === undefined
        ? {}
        : { mediator: actorIndex.get(input.protocol.mediator)! }),
      parties: input.protocol.parties.map((p) => actorIndex.get(p)!),
      ...(input.protocol.opening === undefined ? {} : { opening: input.protocol.opening }),
      maxRounds: input.protocol.maxRounds,
      ...(input.protocol.anticipateRatification ? { anticipateRatification: true as const } : {}),
    },
    offsets,
    issueIndex,
    actorIndex,
  };
}
