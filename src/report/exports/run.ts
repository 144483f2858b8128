// What `peacesim run` and `resume` export: the run as JSON (settings, outcome, the whole transcript) and one CSV
// row per verdict (docs/run.md, docs/export.md).
import type { Violation } from '../../domain/evaluate.ts';
import { drewFrom } from '../../domain/rng.ts';
import type { Scenario } from '../../domain/types.ts';
import { scenarioHash } from '../../engine/canonical.ts';
import { runOutcome } from '../../engine/game.ts';
import type { HeadlessRun } from '../../engine/headless.ts';
import { injectJson, injectText, type PlannedInject } from '../../engine/inject-text.ts';
import type { ResolvedOptions } from '../../engine/options.ts';
import type { TermChangeEntry, TranscriptEntry } from '../../engine/transcript.ts';
import { beforeRecordFlag, runBeforeRecord } from '../before-record.ts';
import { type Cell, joinIds, toCsv } from '../csv.ts';
import { noDealValue } from '../no-deal-values.ts';

/** The run as `--json` prints it. */
export function runJson(scenario: Scenario, resolved: ResolvedOptions, result: HeadlessRun) {
  return {
    scenario: { id: scenario.id, title: scenario.title, hash: scenarioHash(scenario) },
    seed: resolved.seed,
    // whether anything drew from the seeded generator: false, and every seed gives this run
    seedUsed: drewFrom(resolved.seed, result.snapshot.context.rng),
    maxRounds: resolved.maxRounds,
    strategies: Object.fromEntries(scenario.actors.map((a) => [a.id, resolved.strategies[a.index]])),
    // what each verdict's `reservation` starts from, with its range and basis (events and drifts move it)
    valuesOfNoDeal: Object.fromEntries(scenario.actors.map((a) => [a.id, noDealValue(a)])),
    // the modeller's hypothesis that negotiators anticipate ratification: present only when on
    ...(resolved.anticipateRatification ? { anticipateRatification: true } : {}),
    outcome: runOutcome(result.snapshot.context.transcript)?.kind ?? 'waiting',
    // signed subject to ratification: the hurdles the terms meet and whether they clear them; null otherwise
    ratification: runOutcome(result.snapshot.context.transcript)?.ratification ?? null,
    rounds: result.snapshot.context.round,
    waitingFor: result.waitingFor,
    // what was fired by hand (--inject, or a facilitator): present only when something was
    ...injectsOf(result),
    transcript: markedTranscript(scenario, result.snapshot.context.transcript),
  };
}

/**
 * The inputs that fired a manual event or an ad-hoc effect, each at the round its manual `inject` entry logs (one
 * per INJECT input the machine took, in order), as `--inject` plans them.
 */
export function firedByHand(result: HeadlessRun): PlannedInject[] {
  const inputs = result.inputs.filter((e) => e.type === 'INJECT');
  const rounds = result.snapshot.context.transcript.flatMap((e) =>
    e.kind === 'inject' && e.trigger === 'manual' ? [e.round] : [],
  );
  return inputs.map((input, k) => ({
    ...('event' in input ? { event: input.event } : { effect: input.effect }),
    round: rounds[k]!,
  }));
}

/** What was fired by hand, as --json lists it (an ad-hoc effect with its basis); nothing when nothing was. */
function injectsOf(result: HeadlessRun) {
  const fired = firedByHand(result);
  // who fired each (the facilitator, the analyst): absent for an input saved before inputs recorded it
  const by = result.inputs.flatMap((e) => (e.type === 'INJECT' ? [e.by] : []));
  return fired.length
    ? { injects: fired.map((p, k) => ({ ...injectJson(p), ...(by[k] ? { by: by[k] } : {}) })) }
    : {};
}

/**
 * The transcript with each red line it cites that the run applies before its earliest source marked, as the text
 * marks it (the same function decides) — a red line a verdict crosses, and one a redraft moves a term for
 * (`changes[].reason.redLine`, and `undone[].reason.redLine` of a move a later one took back):
 * `appliedBeforeRecord` — that source and its date (null when none of its sources carries a date), the number of
 * the scenario's reason as the text cites it and its words (null when it gives none).
 */
function markedTranscript(scenario: Scenario, transcript: readonly TranscriptEntry[]) {
  const before = runBeforeRecord(scenario);
  const marked = <V extends Violation>(actor: string, v: V) => {
    const x = before.redLine(actor, v);
    return x ? { ...v, appliedBeforeRecord: beforeRecordFlag(x, before.numbered) } : v;
  };
  const change = (c: TermChangeEntry) =>
    c.reason?.kind === 'red-line'
      ? { ...c, reason: { ...c.reason, redLine: marked(c.reason.actor, c.reason.redLine) } }
      : c;
  return transcript.map((e) => {
    switch (e.kind) {
      case 'verdict':
        return { ...e, violations: e.violations.map((v) => marked(e.actor, v)) };
      case 'tabled':
      case 'proposal':
        return { ...e, changes: e.changes.map(change) };
      case 'revised':
        // the moves a later move took back are told with their reasons too (why a text it keeps stayed the same)
        return {
          ...e,
          changes: e.changes.map(change),
          ...(e.undone ? { undone: e.undone.map(change) } : {}),
        };
      default:
        return e;
    }
  });
}

/**
 * One row per verdict in the transcript: who said what to the text on the table, round by round; of the red lines
 * an answer says the text crosses, those the run applies before their earliest source (as its text and --json mark
 * them). With `anticipate` (negotiators anticipate ratification) a column names the hurdles each answer says the
 * text would fail. With injects fired by hand (`fired`: firedByHand, in order), a last column `inject` and one row
 * per such inject where the transcript logs it: its round and seq, the actor its effect names, and the inject as
 * `--inject` writes it (`walk-out:eu@3`, `us-walks-away@7`), the verdict's columns empty.
 */
export function runCsv(
  scenario: Scenario,
  transcript: readonly TranscriptEntry[],
  anticipate = false,
  fired: readonly PlannedInject[] = [],
): string {
  const before = runBeforeRecord(scenario);
  const rows: Cell[][] = [];
  const injectColumn = fired.length > 0;
  let k = 0;
  for (const e of transcript) {
    if (e.kind === 'inject' && e.trigger === 'manual' && injectColumn) {
      const p = fired[k++]!;
      const actor = 'effect' in p && 'actor' in p.effect ? p.effect.actor : null;
      rows.push([e.round, e.seq, actor, ...Array<Cell>(anticipate ? 12 : 11).fill(null), injectText(p)]);
    }
    if (e.kind === 'verdict')
      rows.push([
        e.round,
        e.seq,
        e.actor,
        e.strategy,
        e.human === true,
        e.accepts,
        e.utility,
        e.reservation,
        e.aspiration,
        joinIds(e.violations.map((v) => v.redLine)),
        joinIds(e.asks.map((a) => a.issue)),
        // a walked-out actor's no is not a rejection of the text, nor a person's unnamed asks theirs (--json marks both)
        e.absent === true,
        e.asksDefaulted === true,
        joinIds(e.violations.filter((v) => before.redLine(e.actor, v)).map((v) => v.redLine)),
        ...(anticipate ? [joinIds((e.wouldFail ?? []).map((f) => f.hurdle))] : []),
        ...(injectColumn ? [null] : []),
      ]);
  }
  return toCsv(
    [
      'round',
      'seq',
      'actor',
      'strategy',
      'human',
      'accepts',
      'utility',
      'reservation',
      'aspiration',
      'red_lines',
      'asks',
      'absent',
      'asks_defaulted',
      'red_lines_before_record',
      ...(anticipate ? ['would_fail'] : []),
      ...(injectColumn ? ['inject'] : []),
    ],
    rows,
  );
}
