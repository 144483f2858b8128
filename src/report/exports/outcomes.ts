// What `peacesim outcomes` exports: the summary as a long table and one row per run (docs/export.md).
import { SPREAD_STATS, type Spread } from '../../analysis/stats.ts';
import type { Scenario } from '../../domain/types.ts';
import type { OutcomeRow, OutcomesResult } from '../../engine/outcomes.ts';
import { type Cell, joinIds, toCsv } from '../csv.ts';

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
];

/** The summary as a long table: one row per outcome kind, per actor statistic, per issue's modal term. */
export function outcomesSummaryCsv(r: OutcomesResult): string {
  const rows: Cell[][] = [];
  const spreadRows = (measure: string, subject: string | null, s: Spread, n: number) => {
    for (const k of SPREAD_STATS) rows.push([measure, subject, k, null, s[k], null, n, null, null]);
  };
  for (const o of r.outcomes)
    rows.push(['outcome', o.outcome, 'share', null, o.share, o.count, r.draws, o.interval[0], o.interval[1]]);
  const { signed, failed } = r;
  if (signed.round)
    for (const k of ['min', 'median', 'max'] as const)
      rows.push(['signing_round', null, k, null, signed.round[k], null, signed.runs, null, null]);
  for (const u of signed.utilities) spreadRows('utility', u.actor, u, signed.runs);
  if (signed.durability) spreadRows('durability', null, signed.durability, signed.runs);
  for (const t of signed.terms)
    rows.push(['term', t.issue, 'mode', t.mode, t.share, t.count, signed.runs, null, null]);
  for (const h of failed.holdouts) {
    rows.push([
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
    rows.push(['holdout', h.actor, 'rounds', null, h.rounds, null, failed.runs, null, null]);
  }
  for (const w of r.walkOuts)
    rows.push(['walk_out', w.actor, 'share', null, w.share, w.runs, r.draws, w.interval[0], w.interval[1]]);
  return toCsv(SUMMARY_COLUMNS, rows);
}

/** The columns of `--csv runs`: one row per draw. */
export function runColumns(scenario: Scenario): string[] {
  const ids = scenario.actors.map((a) => a.id);
  return [
    'draw',
    'engine_seed',
    'outcome',
    'round',
    ...ids.map((a) => `u_${a}`),
    'durability',
    ...ids.map((a) => `reservation_${a}`),
    ...ids.map((a) => `holdouts_${a}`),
    'walked_out',
  ];
}

/** One draw's run under runColumns. */
export function runRow(scenario: Scenario, r: OutcomeRow): Cell[] {
  return [
    r.draw,
    r.engineSeed,
    r.outcome,
    r.round,
    ...scenario.actors.map((a) => r.utilities?.[a.id] ?? null),
    r.durability,
    ...r.reservations,
    ...r.holdouts,
    joinIds(r.walkedOut),
  ];
}
