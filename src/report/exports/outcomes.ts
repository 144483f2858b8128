// What `peacesim outcomes` exports: the summary as a long table and one row per run (docs/export.md).
import { SPREAD_STATS, type Spread, wilson } from '../../analysis/stats.ts';
import type { Scenario } from '../../domain/types.ts';
import { injectText, type PlannedInject } from '../../engine/inject-text.ts';
import type { OutcomeRow } from '../../engine/outcomes.ts';
import type { OutcomesResult } from '../../engine/outcomes-result.ts';
import { type Cell, joinIds, toCsv } from '../csv.ts';
import { drawnBasisCells, drawnBasisColumns } from './basis.ts';

/** The tables `--csv` offers, the first the default. */
export const OUTCOMES_CSV = ['summary', 'runs'] as const;

export const SUMMARY_COLUMNS = [
  'measure',
  'subject',
  'statistic',
  'option',
  'value',
  'count',
  'n',
  'ci_low',
  'ci_high',
  // what the row rests on: the date on every row; the rest on a row whose subject is an actor
  'red_lines_held',
  ...drawnBasisColumns('red_lines_held'),
];

const share = (k: number, of: number) => (of > 0 ? k / of : 0);

/**
 * The summary as a long table: one row per outcome kind, per actor statistic, per issue's modal term. Each row ends
 * with what it rests on: for a row whose subject is an actor, its red lines and bases; for any other, the date.
 */
export function outcomesSummaryCsv(r: OutcomesResult): string {
  const byActor = new Map(r.bases.map((b) => [b.actor, b]));
  const rows: Cell[][] = [];
  const row = (actor: string | null, cells: Cell[]) => {
    const b = actor === null ? null : byActor.get(actor)!;
    const held = b ? joinIds(b.redLines.map((x) => x.redLine)) : null;
    rows.push([...cells, held, ...drawnBasisCells(r.asOf, b, b?.redLines ?? [])]);
  };
  const spreadRows = (measure: string, actor: string | null, s: Spread, n: number) => {
    for (const k of SPREAD_STATS) row(actor, [measure, actor, k, null, s[k], null, n, null, null]);
  };
  // the modeller's hypothesis that negotiators anticipate ratification: a row only when it was on
  if (r.anticipateRatification)
    row(null, ['option', 'anticipate_ratification', 'on', null, 1, null, null, null, null]);
  for (const o of r.outcomes)
    row(null, ['outcome', o.outcome, 'share', null, o.share, o.count, r.draws, o.interval[0], o.interval[1]]);
  feasibilityRows(r, row);
  const { signed, failed } = r;
  if (signed.round)
    for (const k of ['min', 'median', 'max'] as const)
      row(null, ['signing_round', null, k, null, signed.round[k], null, signed.runs, null, null]);
  for (const u of signed.utilities) spreadRows('utility', u.actor, u, signed.runs);
  if (signed.durability) spreadRows('durability', null, signed.durability, signed.runs);
  // statistics over no runs have no row, as everywhere in this table
  const rt = signed.ratification;
  if (rt && signed.runs > 0)
    row(null, [
      'ratification',
      null,
      'needed',
      null,
      share(rt.runs, signed.runs),
      rt.runs,
      signed.runs,
      null,
      null,
    ]);
  if (rt && rt.runs > 0)
    row(null, [
      'ratification',
      null,
      'cleared',
      null,
      rt.share,
      rt.cleared,
      rt.runs,
      rt.interval[0],
      rt.interval[1],
    ]);
  for (const t of signed.terms)
    row(null, ['term', t.issue, 'mode', t.mode, t.share, t.count, signed.runs, null, null]);
  injectRows(r, row);
  for (const h of failed.holdouts) {
    row(h.actor, [
      'holdout',
      h.actor,
      'share',
      null,
      h.share,
      h.runs,
      failed.runs,
      h.interval[0],
      h.interval[1],
    ]);
    row(h.actor, ['holdout', h.actor, 'rounds', null, h.rounds, null, failed.runs, null, null]);
    // those rounds by the reason of the actor's rejection: the reason in `value`, its rounds of all its rounds
    for (const [reason, rounds] of Object.entries(h.reasons))
      row(h.actor, ['holdout', h.actor, 'rounds_by_reason', reason, rounds, null, h.rounds, null, null]);
    // the texts it answered with no other actor answering them, and of those the rounds counted against it
    row(h.actor, [
      'holdout',
      h.actor,
      'answered_alone',
      null,
      h.answeredAlone,
      null,
      failed.runs,
      null,
      null,
    ]);
    row(h.actor, [
      'holdout',
      h.actor,
      'answered_alone_counted',
      null,
      h.answeredAloneCounted,
      null,
      h.answeredAlone,
      null,
      null,
    ]);
  }
  for (const w of r.walkOuts)
    row(w.actor, [
      'walk_out',
      w.actor,
      'share',
      null,
      w.share,
      w.runs,
      r.draws,
      w.interval[0],
      w.interval[1],
    ]);
  return toCsv(SUMMARY_COLUMNS, rows);
}

/**
 * Each `--inject` over the draws (subject: the inject as the flag writes it): the draws where it fired, was passed
 * over with nothing to do (in all, and by why in `option`) or was not reached, each of all the draws; and the draws
 * that signed among those where it fired (n: those draws), a share that is not the inject's effect.
 */
function injectRows(r: OutcomesResult, row: (actor: string | null, cells: Cell[]) => void): void {
  for (const i of r.injects) {
    const d = i.draws;
    const subject = injectText(i);
    const of = (statistic: string, option: string | null, count: number, ci: boolean) => {
      const [lo, hi] = ci ? wilson(count, r.draws) : [null, null];
      row(null, ['inject', subject, statistic, option, share(count, r.draws), count, r.draws, lo, hi]);
    };
    of('fired', null, d.fired, true);
    of('passed_over', null, d.passedOver, true);
    for (const x of d.reasons) of('passed_over_by_reason', x.reason, x.count, false);
    of('not_reached', null, d.notReached, true);
    const w = d.signedWhereFired;
    if (d.fired > 0)
      row(null, ['inject', subject, 'signed_where_fired', null, w.share, w.runs, d.fired, ...w.interval]);
  }
}

/**
 * Whether any run could sign (engine/signable.ts): the exact counts, the verdict (1: no run can sign), the parties'
 * red lines an event of these runs can drop (the event in `value`) and the members of each conflict (its number in
 * `value`); no rows when the outcome space is beyond exact counting.
 */
function feasibilityRows(r: OutcomesResult, row: (actor: string | null, cells: Cell[]) => void): void {
  const f = r.feasibility;
  if (!f) return;
  const fact = (statistic: string, value: number) =>
    row(null, ['feasibility', null, statistic, null, value, null, null, null, null]);
  fact('packages_at_start', f.feasibleAtStart);
  if (f.drops.length) fact('packages_after_drops', f.feasibleAfterDrops);
  fact('no_run_can_sign', f.noRunCanSign ? 1 : 0);
  for (const d of f.drops)
    row(d.actor, ['feasibility', d.actor, 'droppable_red_line', d.redLine, d.by, null, null, null, null]);
  for (const o of f.openers ?? [])
    row(null, ['feasibility', null, 'opening_set', o.by.join(' + '), o.feasible, null, null, null, null]);
  f.conflicts.forEach((c, k) => {
    for (const m of c.members)
      row(m.actor, [
        'feasibility',
        m.actor,
        m.kind === 'rule' ? 'conflict_rule' : 'conflict_red_line',
        m.id,
        k + 1,
        null,
        null,
        null,
        null,
      ]);
  });
}

/**
 * The columns of `--csv runs`: one row per draw; `anticipate` (negotiators anticipate ratification) adds a column
 * that says so on every row; `--inject`s add a last column, `injects`, that says what became of each in the draw.
 */
export function runColumns(
  scenario: Scenario,
  anticipate = false,
  injects: readonly PlannedInject[] = [],
): string[] {
  const ids = scenario.actors.map((a) => a.id);
  return [
    'draw',
    'engine_seed',
    'outcome',
    'round',
    ...ids.map((a) => `u_${a}`),
    'durability',
    // only a scenario that states ratification hurdles has the column
    ...(scenario.ratifications.length ? ['ratified'] : []),
    ...ids.map((a) => `reservation_${a}`),
    ...ids.map((a) => `holdouts_${a}`),
    // the texts each answered with no other actor answering them, and of those the rounds counted as its lone
    // holdout: the draw's part of --json's answeredAlone and answeredAloneCounted (which sum the runs without a deal)
    ...ids.map((a) => `answered_alone_${a}`),
    ...ids.map((a) => `answered_alone_counted_${a}`),
    'walked_out',
    ...(anticipate ? ['anticipate_ratification'] : []),
    ...(injects.length ? ['injects'] : []),
  ];
}

/** What became of each inject in a draw: "walk-out:eu@3=fired;drop-red-line:ukraine/x@2=red-line-dropped:event:e". */
function injectCell(injects: readonly PlannedInject[], fates: readonly string[]): string {
  return joinIds(injects.map((p, k) => `${injectText(p)}=${fates[k]!}`));
}

/** One draw's run under runColumns. */
export function runRow(
  scenario: Scenario,
  r: OutcomeRow,
  anticipate = false,
  injects: readonly PlannedInject[] = [],
): Cell[] {
  return [
    r.draw,
    r.engineSeed,
    r.outcome,
    r.round,
    ...scenario.actors.map((a) => r.utilities?.[a.id] ?? null),
    r.durability,
    ...(scenario.ratifications.length ? [r.ratified] : []),
    ...r.reservations,
    ...r.holdouts,
    ...r.soleAnswers,
    ...r.soleHoldouts,
    joinIds(r.walkedOut),
    ...(anticipate ? [true] : []),
    ...(injects.length ? [injectCell(injects, r.injects)] : []),
  ];
}
