// What-if: change terms of a document and see every verdict, utility, red line and rule that moved.
// Pure: the caller hands in the compiled scenario (and, for numeric values that are not options yet, a way to
// recompile it with them, which keeps the result exact: utilities come from the curve, red lines from their rules).

import { type DurabilityEstimate, durabilityOf } from '../domain/durability.ts';
import { PeacesimError, UnknownIdError } from '../domain/errors.ts';
import {
  evaluatePackage,
  type Reservations,
  requireDocument,
  type Verdict,
  type Violation,
} from '../domain/evaluate.ts';
import { epochIdsOn, positionsAsOf } from '../domain/positions.ts';
import { type HurdleCheck, type RatificationCheck, ratificationOf } from '../domain/ratification.ts';
import type { BasisKind, Issue, NegotiationDocument, Scenario } from '../domain/types.ts';
import { type ContestedTerm, contestedTerms } from './contested.ts';
import { ParameterError } from './limits.ts';

/** One `--set ISSUE=VALUE` as typed: an option id, or a number for a numeric issue. */
export interface ChangeRequest {
  readonly issue: string;
  readonly value: string;
}

/** A resolved change: option indices in the (possibly recompiled) scenario. */
interface ResolvedChange {
  readonly issue: number;
  readonly from: number;
  readonly to: number;
}

export type Recompile = (extraValues: ReadonlyMap<string, readonly number[]>) => Scenario;

export interface VerdictChange {
  readonly actor: string;
  readonly required: { readonly before: boolean; readonly after: boolean };
  readonly before: Verdict;
  readonly after: Verdict;
  readonly utilityDelta: number;
  /** accept ↔ reject */
  readonly flipped: boolean;
  /** anything about this actor's verdict moved: utility, acceptance, red lines, required or not, hurdles failed */
  readonly changed: boolean;
}

export type Movement =
  | { readonly kind: 'agreement'; readonly before: boolean; readonly after: boolean }
  | {
      readonly kind: 'verdict';
      readonly actor: string;
      readonly before: 'accept' | 'reject';
      readonly after: 'accept' | 'reject';
    }
  | { readonly kind: 'required'; readonly actor: string; readonly before: boolean; readonly after: boolean }
  | ({ readonly kind: 'red-line-broken' | 'red-line-cleared'; readonly actor: string } & Violation)
  | ({ readonly kind: 'rule-broken' | 'rule-cleared' } & Violation)
  /** negotiators anticipate ratification: a hurdle of the actor the text now fails, or fails no more */
  | ({ readonly kind: 'vote-failed' | 'vote-cleared' } & HurdleCheck)
  | {
      readonly kind: 'utility';
      readonly actor: string;
      readonly before: number;
      readonly after: number;
      readonly delta: number;
    };

/** A durability factor whose condition the changes switched on or off. */
interface FactorSwitch {
  readonly id: string;
  readonly label: string;
  readonly shift: number;
  /** what the factor rests on */
  readonly basis: BasisKind;
  /** does its condition hold on the document as tabled, and on the changed text */
  readonly before: boolean;
  readonly after: boolean;
}

/** The scenario's durability estimate before and after the changes (its assumptions, not a forecast). */
interface DurabilityChange {
  readonly before: DurabilityEstimate;
  readonly after: DurabilityEstimate;
  /** factors that switched, in scenario order */
  readonly switched: readonly FactorSwitch[];
}

export interface WhatIfResult {
  /** the scenario the result was computed on (recompiled when a numeric value had to become an option) */
  readonly scenario: Scenario;
  readonly document: NegotiationDocument;
  /** the date whose positions judge the text: the document's own, or the caller's `asOf` */
  readonly asOf: string;
  /** the ids of the epochs in force on `asOf` */
  readonly epochs: readonly string[];
  /** negotiators anticipate ratification (the modeller's assumption): a text its body would vote down, an actor rejects */
  readonly anticipate: boolean;
  readonly changes: readonly ResolvedChange[];
  readonly before: Int32Array;
  readonly after: Int32Array;
  readonly agreement: { readonly before: boolean; readonly after: boolean };
  readonly required: { readonly before: readonly string[]; readonly after: readonly string[] };
  readonly verdicts: readonly VerdictChange[];
  readonly rules: { readonly before: readonly Violation[]; readonly after: readonly Violation[] };
  /** exactly what moved, in a stable order: agreement, then per actor (scenario order), then rules */
  readonly moved: readonly Movement[];
  /** null when the scenario states no durability assumptions */
  readonly durability: DurabilityChange | null;
  /** the ratification hurdles the text meets before and after the changes (null: none), each cleared or not */
  readonly ratification: {
    readonly before: RatificationCheck | null;
    readonly after: RatificationCheck | null;
  };
  /**
   * the contested terms of the text as changed: each recorded variant of a term the changes leave, read so against
   * the changed text; a term the changes set says what they say, and its variant no longer applies
   */
  readonly contested: readonly ContestedTerm[];
}

/** Utility differences below this are float noise, not movement. */
const EPS = 1e-12;

/** A number as people type it: 800000, 800_000, 800,000, 800k, 0.8m. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().toLowerCase().replace(/[_,]/g, '');
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)([km]?)$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]) * (m[2] === 'k' ? 1e3 : m[2] === 'm' ? 1e6 : 1);
  return Number.isFinite(n) ? n : undefined;
}

function issueOf(scenario: Scenario, id: string): Issue {
  const i = scenario.issueIndex.get(id);
  if (i === undefined) {
    const fixed = scenario.fixedIssues.includes(id)
      ? ` ("${id}" is omitted from this scenario and fixed at its status quo)`
      : '';
    if (fixed) throw new PeacesimError(`issue "${id}" cannot be changed${fixed}`, 1);
    throw new UnknownIdError(
      'issue',
      id,
      scenario.issues.map((x) => x.id),
    );
  }
  return scenario.issues[i]!;
}

/** The numeric value a request names on a numeric issue, checked against the issue's range. */
function numericValue(issue: Issue, value: string): number {
  const n = parseNumber(value);
  const range = issue.range;
  const within = range
    ? `a number in [${range[0]}, ${range[1]}]${issue.unit ? ` ${issue.unit}` : ''}`
    : 'a number';
  if (n === undefined)
    throw new PeacesimError(
      `${issue.id}=${value}: not a number; give ${within}, e.g. ${issue.options.map((o) => o.id).join(', ')}`,
      1,
    );
  if (range && (n < range[0] || n > range[1]))
    throw new PeacesimError(`${issue.id}=${value}: outside the issue's range; give ${within}`, 1);
  return n;
}

/**
 * Checks every request against the scenario (unknown issue or option → UnknownIdError listing the valid ones) and
 * returns the numeric values that are not yet options of their issue, by issue id.
 */
export function valuesToAdd(scenario: Scenario, requests: readonly ChangeRequest[]): Map<string, number[]> {
  const extra = new Map<string, number[]>();
  const seen = new Set<string>();
  for (const r of requests) {
    const issue = issueOf(scenario, r.issue);
    if (seen.has(issue.id))
      throw new ParameterError('set', `${issue.id}=…`, 'is given twice; set each issue once');
    seen.add(issue.id);
    if (issue.kind === 'numeric') {
      const n = numericValue(issue, r.value);
      if (!issue.options.some((o) => o.value === n)) extra.set(issue.id, [...(extra.get(issue.id) ?? []), n]);
    } else if (!issue.options.some((o) => o.id === r.value)) {
      throw new UnknownIdError(
        `${issue.id} option`,
        r.value,
        issue.options.map((o) => o.id),
      );
    }
  }
  return extra;
}

function resolve(scenario: Scenario, doc: NegotiationDocument, requests: readonly ChangeRequest[]) {
  return requests.map((r): ResolvedChange => {
    const issue = issueOf(scenario, r.issue);
    const to =
      issue.kind === 'numeric'
        ? issue.options.findIndex((o) => o.value === numericValue(issue, r.value))
        : issue.options.findIndex((o) => o.id === r.value);
    if (to < 0)
      throw new PeacesimError(
        `${issue.id}=${r.value} is not an option of the compiled scenario; pass a recompile function to add it`,
        1,
      );
    return { issue: issue.index, from: doc.package[issue.index]!, to };
  });
}

const sameIds = (a: readonly Violation[], b: readonly Violation[]) =>
  a.length === b.length && a.every((v, k) => v.redLine === b[k]!.redLine);

/** The ids of the hurdles a verdict says its body would vote down (negotiators anticipating ratification). */
const failedIds = (v: Verdict) => new Set((v.wouldFail ?? []).map((h) => h.id));
const sameHurdles = (a: Verdict, b: Verdict) =>
  failedIds(a).size === failedIds(b).size && [...failedIds(a)].every((id) => failedIds(b).has(id));

/**
 * Applies the changes to the document and compares every verdict before and after.
 * Numeric values that are not options of their issue need `recompile` (the CLI reloads the scenario file with them
 * as extra options); without it they are an error.
 */
export function whatIf(
  scenario: Scenario,
  documentId: string,
  requests: readonly ChangeRequest[],
  options: {
    readonly recompile?: Recompile;
    readonly reservations?: Reservations;
    readonly asOf?: string;
    /** negotiators anticipate ratification (the modeller's assumption): see evaluatePackage */
    readonly anticipate?: boolean;
  } = {},
): WhatIfResult {
  requireDocument(scenario, documentId);
  const extra = valuesToAdd(scenario, requests);
  let s = scenario;
  if (extra.size > 0) {
    if (!options.recompile) {
      const [id, values] = [...extra][0]!;
      throw new PeacesimError(
        `${id}=${values[0]} is not an option of the compiled scenario; pass a recompile function to add it`,
        1,
      );
    }
    s = options.recompile(extra);
  }
  const doc = requireDocument(s, documentId);
  const changes = resolve(s, doc, requests);
  const before = Int32Array.from(doc.package);
  const after = Int32Array.from(doc.package);
  for (const c of changes) after[c.issue] = c.to;

  // judged by the positions in force on the document's date (or the caller's), like every document
  const asOf = options.asOf ?? doc.date;
  const judged = positionsAsOf(s, asOf);
  const anticipate = options.anticipate === true;
  const e0 = evaluatePackage(judged, before, options.reservations, anticipate);
  const e1 = evaluatePackage(judged, after, options.reservations, anticipate);
  const verdicts = s.actors.map((a): VerdictChange => {
    const v0 = e0.verdicts[a.index]!;
    const v1 = e1.verdicts[a.index]!;
    const required = { before: e0.required.includes(a.id), after: e1.required.includes(a.id) };
    const delta = v1.utility - v0.utility;
    const flipped = v0.accepts !== v1.accepts;
    const changed =
      flipped ||
      Math.abs(delta) > EPS ||
      required.before !== required.after ||
      !sameIds(v0.violations, v1.violations) ||
      !sameHurdles(v0, v1);
    return { actor: a.id, required, before: v0, after: v1, utilityDelta: delta, flipped, changed };
  });

  const moved: Movement[] = [];
  if (e0.agreement !== e1.agreement)
    moved.push({ kind: 'agreement', before: e0.agreement, after: e1.agreement });
  for (const v of verdicts) {
    if (v.flipped)
      moved.push({
        kind: 'verdict',
        actor: v.actor,
        before: v.before.accepts ? 'accept' : 'reject',
        after: v.after.accepts ? 'accept' : 'reject',
      });
    if (v.required.before !== v.required.after)
      moved.push({ kind: 'required', actor: v.actor, ...v.required });
    const was = new Set(v.before.violations.map((x) => x.redLine));
    const is = new Set(v.after.violations.map((x) => x.redLine));
    for (const x of v.after.violations)
      if (!was.has(x.redLine)) moved.push({ kind: 'red-line-broken', actor: v.actor, ...x });
    for (const x of v.before.violations)
      if (!is.has(x.redLine)) moved.push({ kind: 'red-line-cleared', actor: v.actor, ...x });
    const failed = failedIds(v.before);
    const fails = failedIds(v.after);
    for (const h of v.after.wouldFail ?? []) if (!failed.has(h.id)) moved.push({ kind: 'vote-failed', ...h });
    for (const h of v.before.wouldFail ?? [])
      if (!fails.has(h.id)) moved.push({ kind: 'vote-cleared', ...h });
    if (Math.abs(v.utilityDelta) > EPS)
      moved.push({
        kind: 'utility',
        actor: v.actor,
        before: v.before.utility,
        after: v.after.utility,
        delta: v.utilityDelta,
      });
  }
  const wasRule = new Set(e0.ruleViolations.map((x) => x.redLine));
  const isRule = new Set(e1.ruleViolations.map((x) => x.redLine));
  for (const x of e1.ruleViolations) if (!wasRule.has(x.redLine)) moved.push({ kind: 'rule-broken', ...x });
  for (const x of e0.ruleViolations) if (!isRule.has(x.redLine)) moved.push({ kind: 'rule-cleared', ...x });

  return {
    scenario: s,
    document: doc,
    asOf,
    epochs: epochIdsOn(s, asOf),
    anticipate,
    changes,
    before,
    after,
    agreement: { before: e0.agreement, after: e1.agreement },
    required: { before: e0.required, after: e1.required },
    verdicts,
    rules: { before: e0.ruleViolations, after: e1.ruleViolations },
    moved,
    durability: durabilityChange(s, before, after),
    ratification: { before: ratificationOf(judged, before), after: ratificationOf(judged, after) },
    contested: contestedTerms(judged, doc, e1, {
      text: after,
      settled: changes.map((c) => c.issue),
      ...(options.reservations ? { reservations: options.reservations } : {}),
      anticipate,
    }),
  };
}

function durabilityChange(s: Scenario, before: Int32Array, after: Int32Array): DurabilityChange | null {
  const d0 = durabilityOf(s, before);
  const d1 = durabilityOf(s, after);
  if (!d0 || !d1 || !s.durability) return null;
  const switched = s.durability.factors.flatMap((f, k): FactorSwitch[] => {
    const was = d0.factors[k]!.holds;
    const is = d1.factors[k]!.holds;
    return was === is
      ? []
      : [{ id: f.id, label: f.label, shift: f.shift, basis: f.basis, before: was, after: is }];
  });
  return { before: d0, after: d1, switched };
}

/** The value of an option as the JSON output writes it: the number of a numeric issue, else the option id. */
export function optionValue(issue: Issue, option: number): string | number {
  const o = issue.options[option]!;
  return o.value ?? o.id;
}
