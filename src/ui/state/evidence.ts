// What the evidence screen shows, as plain data: per document, each actor's verdict as the record and the ranges
// settle it (or not), and the smallest sets of readings and assumptions that would flip it.

import {
  type CalibrationReport,
  calibrateScenario,
  givenWithoutRange,
  settledOnReadings,
} from '../../analysis/calibrate.ts';
import type { HingeItem } from '../../analysis/hinge-items.ts';
import { documentHinges } from '../../analysis/hinges.ts';
import type { Lp } from '../../analysis/lp.ts';
import { actorAtStart } from '../../domain/actor-names.ts';
import { consentOf } from '../../domain/consent.ts';
import { positionsAsOf } from '../../domain/positions.ts';
import type { BasisKind, Scenario } from '../../domain/types.ts';
import { outcomeName, type RestsOnSection } from '../../report/evidence.ts';
import { documentHeading, settledCountWords, unconfirmedFlag } from '../../report/words.ts';
import { basisText } from '../words.ts';

interface EvidenceRow {
  readonly actor: string;
  readonly name: string;
  /** the name at a sentence's start ("The United States"), for the line above its flips */
  readonly atStart: string;
  readonly verdict: 'accepts' | 'rejects' | 'depends';
  /** who settles it, in words */
  readonly settledBy: string;
  readonly margin: readonly [number, number];
  /** the verdict at the model's own numbers: what the sets in `flips` reverse */
  readonly accepts: boolean;
  /** what would flip it: each a set of marked items, in words */
  readonly flips: readonly string[];
  /** whether the text needs its consent (a party, or the text moves an issue it controls) */
  readonly required: boolean;
}

/**
 * The line above a verdict's flips. They reverse the verdict at the model's own numbers, which a verdict that
 * depends on the model (or one the record settles against them) does not show: then it is said.
 */
export function flipsHead(r: EvidenceRow): string {
  const atModel = r.accepts ? 'accepts' : 'rejects';
  const said = r.verdict === atModel ? '' : ` (${atModel} at the model's numbers)`;
  return `${r.atStart}${said} would ${r.accepts ? 'reject' : 'accept'} if:`;
}

interface EvidenceDocument {
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly settled: number;
  readonly depends: number;
  readonly agreement: boolean;
  /** sets that would flip the agreement, in words */
  readonly agreementFlips: readonly string[];
  readonly rows: readonly EvidenceRow[];
}

export interface EvidenceView {
  /** one line: the record and what it settles */
  readonly summary: string;
  readonly documents: readonly EvidenceDocument[];
}

const SETTLED_BY: Readonly<Record<string, string>> = {
  'red-line': 'a red line',
  record: 'the record',
  ranges: 'the ranges alone',
};
/** With no range at all, what settles a verdict is the modeller's numbers themselves, not a range of them (as calibrate says). */
const UNRANGED = "the scenario's numbers (given without a range)";

/** How solid a basis is: a stated red line settles a rejection more firmly than a reading of one, a reading than an assumption. */
const SOLID: Readonly<Record<BasisKind, number>> = { stated: 0, reading: 1, assumption: 2 };

/**
 * The marks of what a rejection by red lines rests on: any one of them broken is enough, so the most solid of them
 * (stated before a reading, confirmed before not) — " [reading]" when every one is a reading, as calibrate marks each
 * red line it names. Unmarked, "by a red line" read as settled by the actor's word when only the modeller's reading
 * of it was.
 */
function redLineMarks(scenario: Scenario, date: string, actor: string, ids: readonly string[]): string {
  const a = positionsAsOf(scenario, date).actors[scenario.actorIndex.get(actor)!];
  const lines = (a?.redLines ?? []).filter((r) => ids.includes(r.id));
  const best = [...lines].sort(
    (x, y) => SOLID[x.basis] - SOLID[y.basis] || Number(y.confirmed) - Number(x.confirmed),
  )[0];
  return best ? `${basisText(best.basis)}${unconfirmedFlag(best.confirmed)}` : '';
}

/** Calibration (LP) and every document's hinges, in one view. Pure given the loaded solver. */
export function evidenceView(lp: Lp, scenario: Scenario): EvidenceView {
  return viewOf(scenario, calibrateScenario(lp, scenario));
}

export function viewOf(scenario: Scenario, c: CalibrationReport): EvidenceView {
  const items = new Map<string, HingeItem>();
  const hinges = documentHinges(scenario, new Map(), items);
  const words = (ids: readonly string[]) =>
    ids.map((id) => `[${items.get(id)!.basis}] ${items.get(id)!.label}`).join(' + ');
  const name = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
  let settled = 0;
  let depends = 0;
  // settled by numbers given without a range: they rest on the modeller's numbers too, as calibrate counts them
  let unranged = 0;
  const documents = c.documents.map((d, k) => {
    const h = hinges[k]!;
    const required = new Set(consentOf(scenario, scenario.documents[k]!.package).map((x) => x.actor));
    const rows = Object.entries(d.verdicts).map(([actor, v]) => ({
      actor,
      name: name(actor),
      atStart: actorAtStart(scenario, actor),
      verdict: v.verdict,
      settledBy: v.decidedBy
        ? v.decidedBy === 'ranges' && c.actors[actor] && givenWithoutRange(c.actors[actor])
          ? UNRANGED
          : v.decidedBy === 'red-line'
            ? `${SETTLED_BY['red-line']!}${redLineMarks(scenario, scenario.documents[k]!.date, actor, v.redLines)}`
            : `${SETTLED_BY[v.decidedBy]!}${v.decidedBy === 'record' && settledOnReadings(c, actor) ? ' [reading]' : ''}`
        : "the modeller's numbers",
      margin: v.margin,
      accepts: h.verdicts[actor]!.accepts,
      flips: (h.verdicts[actor]?.hinges ?? []).map(words),
      required: required.has(actor),
    }));
    const s = rows.filter((r) => r.verdict !== 'depends').length;
    settled += s;
    unranged += rows.filter((r) => r.settledBy === UNRANGED).length;
    depends += rows.length - s;
    return {
      id: d.id,
      // (unconfirmed) with it: the row and the whole title under the list say so, as calibrate and hinges do
      title: documentHeading(scenario.documents[k]!),
      date: d.date,
      settled: s,
      depends: rows.length - s,
      agreement: h.agreement,
      agreementFlips: h.agreementHinges.map(words),
      rows,
    };
  });
  const recorded = c.record.length;
  const record =
    recorded === 0
      ? Object.values(c.actors).every(givenWithoutRange)
        ? "no recorded reactions and no ranges: the scenario's numbers settle what is settled"
        : 'no recorded reactions: the ranges alone settle what is settled'
      : `${recorded} recorded reaction${recorded === 1 ? '' : 's'}, ${c.consistent ? 'consistent' : 'some in conflict (peacesim calibrate)'}`;
  // by date, as the overview and the timeline list them (the sort is stable: same-day texts keep the file's order)
  const byDate = [...documents].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    summary: `${settledCountWords(settled, unranged, depends, true)} · ${record}`,
    documents: byDate,
  };
}

/**
 * The default run's outcome and what it rests on, in one line (`peacesim run` and `show` list it in full): the
 * readings and assumptions whose reversal alone changes it, or that none does.
 */
export function restsOnLine(r: RestsOnSection): string {
  if (!r.computed) return `Default run: what its outcome rests on is ${r.why}`;
  const ends = outcomeName(r.outcome);
  if (r.items.length === 0)
    return r.tried === 0
      ? `Default run: ${ends} · no reading or assumption here has a reversal to try`
      : `Default run: ${ends} · no reading or assumption alone changes it (${r.tried} tried)`;
  // the count first: the line is cut at the screen's width
  const n = r.items.length;
  const which = r.items.map((x) => `[${x.basis}] ${x.label}`).join('; ');
  return `Default run: ${ends} · ${n === 1 ? 'one reading or assumption alone changes it' : `${n} readings or assumptions alone change it`}: ${which}`;
}
