// The report of `peacesim analyze`: outcome space, feasibility, per-issue ZOPA, every document's verdicts, the
// bargaining solutions and the Pareto frontier — plain data with ids (JSON as is; the command formats it).
import { type DurabilityEstimate, durabilityOf } from '../domain/durability.ts';
import { evaluatePackage, type IssueCost, type Verdict, type Violation } from '../domain/evaluate.ts';
import { type AppliedBeforeRecord, appliedBeforeRecord } from '../domain/on-record.ts';
import { epochIdsOn, positionsAsOf } from '../domain/positions.ts';
import { type RatificationCheck, ratificationOf } from '../domain/ratification.ts';
import type { ActorRole, BasisKind, Package, Scenario } from '../domain/types.ts';
import { utility } from '../domain/utility.ts';
import { analyzeAcceptable, type Point } from './acceptable.ts';
import { type ConflictReport, type ConflictSearchReport, conflictsOf } from './conflict-report.ts';
import { type ContestedTerm, contestedTerms } from './contested.ts';
import { paths } from './dag.ts';
import { feasibilityDag, outcomeSpace } from './feasibility.ts';
import { type RatificationReport, ratificationReport } from './ratification.ts';
import { type RatificationZone, ratificationZone } from './ratification-zone.ts';
import {
  egalitarianMin,
  ksMeasures,
  nashProduct,
  SOLUTION_KINDS,
  type SolutionKind,
  utilitarianSum,
} from './solutions.ts';
import { zopa } from './zopa.ts';

/** issue id → option id (discrete) or value (numeric) */
export type PackageTerms = Record<string, string | number>;

/** a broken red line or rule, as the domain reports it */
type ViolationReport = Violation;

interface VerdictReport {
  readonly utility: number;
  readonly reservation: number;
  /** utility − reservation */
  readonly margin: number;
  readonly accepts: boolean;
  /** is this actor's acceptance needed (a party, or a controller of an issue the package moves)? */
  readonly required: boolean;
  readonly violations: readonly ViolationReport[];
  /**
   * below reservation: the issues that cost it most (weight × (best value − this value)), largest first, each with
   * the basis of the actor's preference on it
   */
  readonly costs: readonly IssueCost[];
  /** the basis of the reservation the utility is compared with */
  readonly reservationBasis: BasisKind;
}

export interface DocumentReport {
  readonly id: string;
  readonly title: string;
  /** false when the record does not settle the text (`confirmed: false` in the scenario) */
  readonly confirmed: boolean;
  /** the date the document was tabled */
  readonly date: string;
  /** the date whose positions judge it: its own date, or the --as-of date */
  readonly asOf: string;
  /** the ids of the epochs in force on `asOf` (none: every actor's top-level positions) */
  readonly epochs: readonly string[];
  readonly tabledBy: string;
  readonly agreement: boolean;
  readonly required: readonly string[];
  readonly ruleViolations: readonly ViolationReport[];
  readonly verdicts: Readonly<Record<string, VerdictReport>>;
  /** the scenario's durability estimate of the text (an assumption of the file); null when it states none */
  readonly durability: DurabilityEstimate | null;
  /** the ratification hurdles the text meets, each cleared or not by the numbers; null when it meets none */
  readonly ratification: RatificationCheck | null;
  /** each recorded variant of its terms, read so, and the verdicts it moves (none: no term is contested) */
  readonly contested: readonly ContestedTerm[];
}

interface PointReport {
  readonly package: PackageTerms;
  /** every actor's utility */
  readonly utilities: Readonly<Record<string, number>>;
  /** the ratification hurdles the package meets, each cleared or not by the numbers; null when it meets none */
  readonly ratification: RatificationCheck | null;
}

export interface SolutionReport extends PointReport {
  /**
   * nash: Π (u_i − r_i); kalaiSmorodinsky: the spread max a_i − min a_i of the normalised gains
   * a_i = (u_i − r_i) / (best_i − r_i); utilitarian: Σ u_i; egalitarian: min (u_i − r_i) — over the parties
   */
  readonly objective: number;
  /** proven optimal */
  readonly exact: boolean;
  /**
   * how many points of the frontier score as well on this solution's measure (within 1e-9): 1, it is unique; more,
   * the package shown is only the first of them by package order (option indices in issue order); null, not counted
   * (the frontier is an ε-frontier)
   */
  readonly tied: number | null;
  /** the scenario's durability estimate of the package (an assumption of the file); null when it states none */
  readonly durability: DurabilityEstimate | null;
}

interface IssueZopaReport {
  readonly issue: string;
  /** per actor: the options (ids, or values for numeric issues) it can live with given its red lines and the rules */
  readonly byActor: Readonly<Record<string, readonly (string | number)[]>>;
  /** the options some feasible package takes (every party's red lines and the rules together) */
  readonly parties: readonly (string | number)[];
}

/** An actor's red lines as the analysis judges by them (on its `asOf` date); show --json adds to it. */
interface ActorReport {
  readonly id: string;
  readonly role: ActorRole;
  readonly redLines: readonly {
    readonly id: string;
    readonly text: string;
    readonly basis: BasisKind;
    readonly sources: readonly string[];
    /** false when the record does not settle it (`confirmed: false` in the scenario) */
    readonly confirmed: boolean;
  }[];
}

export interface AnalysisReport {
  readonly scenario: {
    readonly id: string;
    readonly title: string;
    /** the date of the situation modelled (the actors' top-level positions) */
    readonly date: string;
    /** where the scenario's record ends, when it says */
    readonly recordEnds?: string;
  };
  /** the date whose positions judge the feasibility, ZOPA, solutions and frontier: the scenario's, or --as-of */
  readonly asOf: string;
  /** each actor's role and the red lines in force on `asOf`, with their basis (documents have their own dates) */
  readonly actors: readonly ActorReport[];
  /** the red lines and preferences in force on `asOf` that rest on no source dated on or before it */
  readonly appliedBeforeRecord: readonly AppliedBeforeRecord[];
  readonly parties: readonly string[];
  /** non-party actors whose consent some package needs */
  readonly controllers: readonly string[];
  readonly outcomeSpace: { readonly size: number; readonly issues: number };
  readonly feasible: {
    readonly count: number;
    /** count / outcome space */
    readonly share: number;
    /** the first `limit` feasible packages (streamed enumeration) */
    readonly packages: readonly PackageTerms[];
  };
  /** when nothing is feasible: the minimal sets of red lines and rules that no package meets together */
  readonly conflicts: readonly ConflictReport[];
  readonly conflictSearch: ConflictSearchReport;
  readonly zopa: readonly IssueZopaReport[];
  readonly documents: readonly DocumentReport[];
  readonly solutions: Readonly<Record<SolutionKind, SolutionReport | null>>;
  /** the scenario's ratification hurdles and the packages they apply to; null when it states none */
  readonly ratification: RatificationReport | null;
  /** asked for (--anticipate-ratification): the zone of agreement when negotiators anticipate the hurdles; null
   * when the scenario states none */
  readonly anticipated?: RatificationZone | null;
  readonly pareto: {
    readonly exact: boolean;
    /** 0 when exact; otherwise every acceptable package at least ε above the reservation of every actor it
     * needs has a point within ε of it for every party */
    readonly epsilon: number;
    readonly size: number;
    readonly points: readonly PointReport[];
  };
}

export interface AnalyzeOptions {
  /** how many feasible packages to list (default 0) */
  readonly limit?: number;
  /** work budget of the Pareto DP (default MAX_PARETO_WORK) */
  readonly budget?: number;
  /** judge everything, every document included, by the positions in force on this date */
  readonly asOf?: string;
  /** also count the zone of agreement when negotiators anticipate ratification (ratification-zone.ts) */
  readonly anticipate?: boolean;
}

function optionValue(scenario: Scenario, issue: number, option: number): string | number {
  const x = scenario.issues[issue]!;
  const o = x.options[option]!;
  return x.kind === 'numeric' ? o.value! : o.id;
}

function packageTerms(scenario: Scenario, pkg: Package): PackageTerms {
  const out: PackageTerms = {};
  scenario.issues.forEach((x, i) => {
    out[x.id] = optionValue(scenario, i, pkg[i]!);
  });
  return out;
}

function utilitiesOf(scenario: Scenario, pkg: Package): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of scenario.actors) out[a.id] = utility(a, scenario.offsets, pkg);
  return out;
}

function violationReport(v: Violation): ViolationReport {
  return {
    redLine: v.redLine,
    text: v.text,
    sources: [...v.sources],
    confirmed: v.confirmed,
    basis: v.basis,
  };
}

function verdictReport(v: Verdict, required: boolean): VerdictReport {
  return {
    utility: v.utility,
    reservation: v.reservation,
    margin: v.margin,
    accepts: v.accepts,
    required,
    violations: v.violations.map(violationReport),
    costs: v.costs.map((c) => ({ issue: c.issue, cost: c.cost, basis: c.basis })),
    reservationBasis: v.reservationBasis,
  };
}

/**
 * Every document's verdicts, each judged by the positions in force on its own date — or, with `asOf`, every one on
 * that date.
 */
export function documentReports(
  scenario: Scenario,
  options: { readonly asOf?: string } = {},
): DocumentReport[] {
  return scenario.documents.map((d) => {
    const asOf = options.asOf ?? d.date;
    const judged = positionsAsOf(scenario, asOf);
    const ev = evaluatePackage(judged, d.package);
    const verdicts: Record<string, VerdictReport> = {};
    for (const v of ev.verdicts) verdicts[v.actor] = verdictReport(v, ev.required.includes(v.actor));
    return {
      id: d.id,
      title: d.title,
      confirmed: d.confirmed,
      date: d.date,
      asOf,
      epochs: epochIdsOn(scenario, asOf),
      tabledBy: scenario.actors[d.tabledBy]!.id,
      agreement: ev.agreement,
      required: [...ev.required],
      ruleViolations: ev.ruleViolations.map(violationReport),
      verdicts,
      durability: durabilityOf(scenario, d.package),
      ratification: ratificationOf(judged, d.package),
      contested: contestedTerms(judged, d, ev),
    };
  });
}

function pointReport(scenario: Scenario, p: Point): PointReport {
  return {
    package: packageTerms(scenario, p.pkg),
    utilities: utilitiesOf(scenario, p.pkg),
    ratification: ratificationOf(scenario, p.pkg),
  };
}

export function actorReports(scenario: Scenario): ActorReport[] {
  return scenario.actors.map((a) => ({
    id: a.id,
    role: a.role,
    redLines: a.redLines.map((r) => ({
      id: r.id,
      text: r.text,
      basis: r.basis,
      sources: [...r.sources],
      confirmed: r.confirmed,
    })),
  }));
}

export function analyzeScenario(dated: Scenario, options: AnalyzeOptions = {}): AnalysisReport {
  const asOf = options.asOf ?? dated.date;
  const scenario = positionsAsOf(dated, asOf);
  const size = outcomeSpace(scenario);
  const dag = feasibilityDag(scenario);
  const z = zopa(scenario, dag);
  const ids = (mask: Uint8Array, issue: number) =>
    [...mask.keys()].filter((o) => mask[o] === 1).map((o) => optionValue(scenario, issue, o));
  const acc = analyzeAcceptable(scenario, options.budget === undefined ? {} : { budget: options.budget });
  const r = acc.reservations;
  const best = new Float64Array(r.length).fill(Number.NEGATIVE_INFINITY);
  for (const p of acc.frontier) for (let i = 0; i < r.length; i++) best[i] = Math.max(best[i]!, p.u[i]!);
  const objective: Record<SolutionKind, (u: Float64Array) => number> = {
    nash: (u) => nashProduct(u, r),
    kalaiSmorodinsky: (u) => ksMeasures(u, r, best).spread,
    utilitarian: (u) => utilitarianSum(u),
    egalitarian: (u) => egalitarianMin(u, r),
  };
  const solutions = {} as Record<SolutionKind, SolutionReport | null>;
  for (const kind of SOLUTION_KINDS) {
    const p = acc.solutions[kind];
    solutions[kind] = p
      ? {
          ...pointReport(scenario, p),
          objective: objective[kind](p.u),
          exact: acc.exactSolutions[kind],
          tied: acc.solutionTies?.[kind] ?? null,
          durability: durabilityOf(scenario, p.pkg),
        }
      : null;
  }
  const actorId = (a: number) => scenario.actors[a]!.id;
  const conflicts = conflictsOf(scenario, dag.total);
  return {
    scenario: {
      id: scenario.id,
      title: scenario.title,
      date: scenario.date,
      ...(scenario.recordEnds === undefined ? {} : { recordEnds: scenario.recordEnds }),
    },
    asOf,
    actors: actorReports(scenario),
    appliedBeforeRecord: appliedBeforeRecord(dated, asOf),
    parties: acc.parties.map(actorId),
    controllers: acc.controllers.map(actorId),
    outcomeSpace: { size, issues: scenario.issues.length },
    feasible: {
      count: dag.total,
      share: size > 0 ? dag.total / size : 0,
      packages: [...paths(dag, options.limit ?? 0)].map((p) => packageTerms(scenario, p)),
    },
    conflicts: conflicts.conflicts,
    conflictSearch: conflicts.search,
    zopa: z.map((row) => ({
      issue: scenario.issues[row.issue]!.id,
      byActor: Object.fromEntries(scenario.actors.map((a, k) => [a.id, ids(row.byActor[k]!, row.issue)])),
      parties: ids(row.common, row.issue),
    })),
    documents: documentReports(scenario, options.asOf === undefined ? {} : { asOf: options.asOf }),
    solutions,
    ratification: ratificationReport(
      scenario,
      dag.total,
      acc.frontier.map((p) => p.pkg),
    ),
    ...(options.anticipate ? { anticipated: ratificationZone(scenario) } : {}),
    pareto: {
      exact: acc.exact,
      epsilon: acc.epsilon,
      size: acc.frontier.length,
      points: acc.frontier.map((p) => pointReport(scenario, p)),
    },
  };
}
