// `peacesim calibrate`: the scenario's record of reactions as evidence on each actor's preferences. For every
// actor, the region of weights and reservations within the scenario's own ranges that reproduces its recorded
// reactions (calibrate-region.ts); the conflicts of a record that no such preference reproduces; and, for every
// document and actor, whether the record decides the verdict or the modeller's numbers do.
import { consentOf } from '../domain/consent.ts';
import { brokenConstraints, verdictOf } from '../domain/evaluate.ts';
import { requireDocument } from '../domain/lookup.ts';
import { epochsInForce, positionsAsOf } from '../domain/positions.ts';
import type { Actor, Package, RecordedReaction, Scenario } from '../domain/types.ts';
import {
  boxRanges,
  conflicts,
  type Interval,
  type Judgement,
  openRegion,
  type PreferenceBox,
  type ReactionConstraint,
  type Region,
  type RegionVerdict,
  type ReservationRef,
  regionRanges,
  regionVerdict,
  type WeightRef,
} from './calibrate-region.ts';
import type { Lp } from './lp.ts';

interface RecordReport {
  readonly id: string;
  readonly actor: string;
  readonly document: string;
  readonly reaction: 'accept' | 'reject';
  readonly date: string;
  readonly sources: readonly string[];
  readonly basis: RecordedReaction['basis'];
}

interface ConflictReport {
  readonly id: string;
  readonly actor: string;
  readonly document: string;
  readonly reaction: 'accept' | 'reject';
  readonly sources: readonly string[];
  /** which irreducible set it belongs to (numbered from 1 per scenario): the set cannot hold together */
  readonly set: number;
  /** red-line: an accept of a text that breaks the actor's red line; preferences: no weights in range fit */
  readonly cause: 'red-line' | 'preferences';
  /** cause red-line: the red lines the accepted text breaks */
  readonly redLines: readonly string[];
}

interface ActorCalibration {
  /** the recorded reactions that constrain its preferences (rejects explained by a red line do not) */
  readonly constraining: readonly string[];
  /** of those, the ones that narrow the ranges: the ranges alone do not already give their reaction */
  readonly narrowing: readonly string[];
  /** rejects explained by a red line in force at the reaction's date: they say nothing about preferences */
  readonly explainedByRedLine: readonly string[];
  /** its record holds together; when false the region is of the reactions left after setting aside `conflicts` */
  readonly consistent: boolean;
  readonly setAside: readonly string[];
  /**
   * a reaction or document judged by dated weights against an uncertain reservation was relaxed (see
   * calibrate-region.ts): its accepts and rejects hold; a depends may be one the exact region would settle
   */
  readonly relaxed: boolean;
  /** issue id → range of the normalised weight over the region */
  readonly weights: Readonly<Record<string, Interval>>;
  readonly reservation: Interval;
  /** the scenario's own numbers are in range and reproduce every recorded reaction */
  readonly pointInside: boolean;
  /** recorded reactions the scenario's own numbers do not reproduce */
  readonly contradicts: readonly string[];
}

export interface DocumentVerdict {
  readonly verdict: RegionVerdict;
  /**
   * what settles an accepts or rejects: a red line broken; the record (without it the verdict would depend on
   * the numbers); or the scenario's ranges alone. Null for depends: the modeller's numbers decide.
   */
  readonly decidedBy: 'red-line' | 'record' | 'ranges' | null;
  /** utility − reservation over the region */
  readonly margin: Interval;
  /** red lines in force at the document's date that it breaks: the actor rejects it whatever its weights */
  readonly redLines: readonly string[];
  /** whether the text needs the actor's consent (domain/consent.ts): false when it moves none of its issues */
  readonly required: boolean;
}

export interface CalibrationReport {
  readonly scenario: { readonly id: string; readonly title: string };
  readonly consistent: boolean;
  readonly record: readonly RecordReport[];
  readonly conflicts: readonly ConflictReport[];
  readonly actors: Readonly<Record<string, ActorCalibration>>;
  readonly documents: readonly {
    readonly id: string;
    readonly date: string;
    readonly verdicts: Readonly<Record<string, DocumentVerdict>>;
  }[];
}

/** The actor's region is a point: the scenario gives none of its weights nor its value of no deal a range. */
export function givenWithoutRange(c: ActorCalibration): boolean {
  const point = ([lo, hi]: readonly [number, number]) => hi - lo < 1e-12;
  return point(c.reservation) && Object.values(c.weights).every(point);
}

/** The weighted issues of an actor at the top level: the coordinates of its region. */
function weightedIssues(actor: Actor): number[] {
  return actor.preferences.flatMap((p, i) => (p ? [i] : []));
}

/**
 * The unknowns of an actor's preferences: the top-level weights and reservation (in their ranges, or fixed), and
 * each dated position that gives a weight or reservation a range of its own. A dated position that gives a number
 * without a range fixes it on its dates (as `positionsAsOf` does for every analysis).
 */
export class Unknowns {
  readonly slots: readonly number[];
  readonly extraWeights: Interval[] = [];
  readonly extraReservations: Interval[] = [];
  /** "epoch/issue" and "epoch" → index of the extra unknown */
  readonly weightKeys = new Map<string, number>();
  readonly reservationKeys = new Map<string, number>();

  constructor(
    private readonly scenario: Scenario,
    private readonly actor: number,
  ) {
    const top = scenario.actors[actor]!;
    this.slots = weightedIssues(top);
    for (const e of top.epochs) {
      for (const o of e.preferences)
        if (o.weightRange)
          this.register(this.weightKeys, this.extraWeights, `${e.id}/${o.issue}`, o.weightRange);
      if (e.reservation?.range)
        this.register(this.reservationKeys, this.extraReservations, e.id, e.reservation.range);
    }
  }

  get box(): PreferenceBox {
    const a = this.scenario.actors[this.actor]!;
    return {
      weights: this.slots.map((i) => {
        const p = a.preferences[i]!;
        return p.weightRange
          ? ([p.weightRange[0], p.weightRange[1]] as const)
          : ([p.rawWeight, p.rawWeight] as const);
      }),
      reservation: a.reservation.range ?? [a.reservation.value, a.reservation.value],
      extraWeights: this.extraWeights,
      extraReservations: this.extraReservations,
    };
  }

  /** How a package is judged on a date: each weighted issue's value and weight, and the reservation. */
  judge(pkg: Package, date: string): Judgement {
    const top = this.scenario.actors[this.actor]!;
    const dated = positionsAsOf(this.scenario, date).actors[this.actor]!;
    const epochs = epochsInForce(top, date);
    const terms: Judgement['terms'][number][] = [];
    dated.preferences.forEach((p, i) => {
      if (!p) return;
      let weight: WeightRef = this.slots.includes(i)
        ? { kind: 'slot', index: this.slots.indexOf(i) }
        : { kind: 'raw', weight: p.rawWeight };
      for (const e of epochs)
        for (const o of e.preferences) {
          if (o.issue !== i) continue;
          if (o.weightRange) weight = { kind: 'extra', index: this.weightKeys.get(`${e.id}/${i}`)! };
          else if (o.rawWeight !== undefined) weight = { kind: 'raw', weight: o.rawWeight };
        }
      terms.push({ value: p.values[pkg[i]!]!, weight });
    });
    let reservation: ReservationRef = top.reservation.range
      ? { kind: 'shared' }
      : { kind: 'fixed', value: top.reservation.value };
    for (const e of epochs) {
      const o = e.reservation;
      if (o?.range) reservation = { kind: 'extra', index: this.reservationKeys.get(e.id)! };
      else if (o?.value !== undefined) reservation = { kind: 'fixed', value: o.value };
    }
    return { terms, reservation };
  }

  private register(keys: Map<string, number>, list: Interval[], key: string, range: Interval): void {
    keys.set(key, list.push([range[0], range[1]]) - 1);
  }
}

/** One actor's region, with what it rests on. */
export interface ActorRegion {
  readonly actor: number;
  readonly unknowns: Unknowns;
  readonly region: Region;
  /** the scenario's ranges alone, without the record */
  readonly box: Region;
  readonly calibration: ActorCalibration;
  /** the irreducible sets set aside (reaction ids), with their cause */
  readonly conflictSets: readonly { ids: string[]; cause: 'red-line' | 'preferences'; redLines: string[] }[];
}

const docPackage = (s: Scenario, id: string) => requireDocument(s, id).package;

/** Builds the region of one actor from its record; the caller disposes `region` and `box`. Null without weights. */
/**
 * Whether a verdict "settled by the record" for this actor rests on a reading: some of the actor's recorded
 * reactions were inferred (a counter-proposal, a walk-out), not said.
 */
export function settledOnReadings(c: CalibrationReport, actor: string): boolean {
  return c.record.some((e) => e.actor === actor && e.basis === 'reading');
}

/**
 * Does the scenario's own point fit an actor's record: its numbers within their ranges, and the recorded
 * reactions it does not reproduce (the domain's verdicts on each reaction's date). No LP needed.
 */
export function pointFit(scenario: Scenario, actor: number): { inBox: boolean; contradicts: string[] } {
  const a = scenario.actors[actor]!;
  const contradicts = scenario.record
    .filter((r) => r.actor === actor)
    .filter((entry) => {
      const dated = positionsAsOf(scenario, entry.date);
      return (
        verdictOf(dated, dated.actors[actor]!, docPackage(scenario, entry.document)).accepts !==
        (entry.reaction === 'accept')
      );
    })
    .map((r) => r.id);
  const inBox =
    a.preferences.every(
      (p) => !p?.weightRange || (p.rawWeight >= p.weightRange[0] && p.rawWeight <= p.weightRange[1]),
    ) &&
    (!a.reservation.range ||
      (a.reservation.value >= a.reservation.range[0] && a.reservation.value <= a.reservation.range[1]));
  return { inBox, contradicts };
}

export function calibrateActor(lp: Lp, scenario: Scenario, actor: number): ActorRegion | null {
  const unknowns = new Unknowns(scenario, actor);
  if (unknowns.slots.length === 0) return null;
  const entries = scenario.record.filter((r) => r.actor === actor);
  const explained: string[] = [];
  const sets: ActorRegion['conflictSets'][number][] = [];
  const constraining: { entry: RecordedReaction; constraint: ReactionConstraint }[] = [];
  for (const entry of entries) {
    const pkg = docPackage(scenario, entry.document);
    const dated = positionsAsOf(scenario, entry.date);
    const at = dated.actors[actor]!;
    const broken = brokenConstraints(at.redLines, pkg).map((v) => v.redLine);
    if (broken.length > 0) {
      if (entry.reaction === 'reject') explained.push(entry.id);
      else sets.push({ ids: [entry.id], cause: 'red-line', redLines: broken });
      continue;
    }
    constraining.push({
      entry,
      constraint: { accept: entry.reaction === 'accept', judged: unknowns.judge(pkg, entry.date) },
    });
  }
  const box = unknowns.box;
  // a reaction the ranges alone already give (North accepting its own opening) narrows nothing
  const ranges0 = openRegion(lp, box, []);
  const narrowing = constraining
    .filter(
      (c) =>
        regionVerdict(ranges0, c.constraint.judged)?.verdict !==
        (c.constraint.accept ? 'accepts' : 'rejects'),
    )
    .map((c) => c.entry.id);
  const all = openRegion(
    lp,
    box,
    constraining.map((c) => c.constraint),
  );
  const found = conflicts(all);
  all.dispose();
  for (const set of found.sets)
    sets.push({ ids: set.map((j) => constraining[j]!.entry.id), cause: 'preferences', redLines: [] });
  const kept = constraining.filter((_, j) => found.active[j]);
  const region = openRegion(
    lp,
    box,
    kept.map((c) => c.constraint),
  );
  // with no reaction to weigh, the region is the box: its ranges in closed form, and no second model for it
  const ranges = kept.length ? regionRanges(region)! : boxRanges(box);
  if (!kept.length) ranges0.dispose();
  const { inBox, contradicts } = pointFit(scenario, actor);
  return {
    actor,
    unknowns,
    region,
    box: kept.length ? ranges0 : region,
    conflictSets: sets,
    calibration: {
      constraining: constraining.map((c) => c.entry.id),
      narrowing,
      explainedByRedLine: explained,
      consistent: sets.length === 0,
      setAside: sets.flatMap((x) => x.ids),
      relaxed: region.relaxed,
      weights: Object.fromEntries(unknowns.slots.map((i, k) => [scenario.issues[i]!.id, ranges.weights[k]!])),
      reservation: ranges.reservation,
      pointInside: inBox && contradicts.length === 0,
      contradicts,
    },
  };
}

/** Frees an actor's models (its region may be its box). */
export function disposeActor(r: ActorRegion | null): void {
  r?.region.dispose();
  if (r && r.box !== r.region) r.box.dispose();
}

/** The verdict of an actor on a document over its region, judged by its positions on the document's date. */
function documentVerdict(
  scenario: Scenario,
  r: ActorRegion,
  document: number,
  required: boolean,
): DocumentVerdict {
  const doc = scenario.documents[document]!;
  const at = positionsAsOf(scenario, doc.date).actors[r.actor]!;
  const redLines = brokenConstraints(at.redLines, doc.package).map((v) => v.redLine);
  const judged = r.unknowns.judge(doc.package, doc.date);
  const v = regionVerdict(r.region, judged)!;
  if (redLines.length)
    return { verdict: 'rejects', decidedBy: 'red-line', margin: v.margin, redLines, required };
  if (v.verdict === 'depends')
    return { verdict: v.verdict, decidedBy: null, margin: v.margin, redLines, required };
  const alone = r.box === r.region ? v.verdict : regionVerdict(r.box, judged)!.verdict;
  return {
    verdict: v.verdict,
    decidedBy: alone === v.verdict ? 'ranges' : 'record',
    margin: v.margin,
    redLines,
    required,
  };
}

export function calibrateScenario(lp: Lp, scenario: Scenario): CalibrationReport {
  const regions = scenario.actors.map((a) => calibrateActor(lp, scenario, a.index));
  try {
    const actorId = (a: number) => scenario.actors[a]!.id;
    const byId = new Map(scenario.record.map((r) => [r.id, r]));
    const conflictList: ConflictReport[] = [];
    let set = 0;
    for (const r of regions)
      for (const s of r?.conflictSets ?? []) {
        set++;
        for (const id of s.ids) {
          const e = byId.get(id)!;
          conflictList.push({
            id,
            actor: actorId(e.actor),
            document: e.document,
            reaction: e.reaction,
            sources: e.sources,
            set,
            cause: s.cause,
            redLines: s.redLines,
          });
        }
      }
    const present = regions.filter((r): r is ActorRegion => r !== null);
    return {
      scenario: { id: scenario.id, title: scenario.title },
      consistent: conflictList.length === 0,
      record: scenario.record.map((e) => ({
        id: e.id,
        actor: actorId(e.actor),
        document: e.document,
        reaction: e.reaction,
        date: e.date,
        sources: e.sources,
        basis: e.basis,
      })),
      conflicts: conflictList,
      actors: Object.fromEntries(present.map((r) => [actorId(r.actor), r.calibration])),
      documents: scenario.documents.map((d, k) => {
        // a verdict the text does not need blocks nothing: the text says so under it, --json as `required`
        const needed = new Set(consentOf(scenario, d.package).map((c) => c.actor));
        return {
          id: d.id,
          date: d.date,
          verdicts: Object.fromEntries(
            present.map((r) => [
              actorId(r.actor),
              documentVerdict(scenario, r, k, needed.has(actorId(r.actor))),
            ]),
          ),
        };
      }),
    };
  } finally {
    for (const r of regions) disposeActor(r);
  }
}
