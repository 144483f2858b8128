// The after-action report of a run, as a model (after-action-model.ts): header, round-by-round timeline told in
// the narration's report voice, utility trajectories, turning points, the last text against the Nash solution,
// debrief questions and the sources cited. Pure: scenario + transcript → plain data, which the markdown and HTML
// painters (and a UI) only lay out.

import { actorAtStart, actorInSentence, nameInSentence } from '../domain/actor-names.ts';
import type { Scenario } from '../domain/types.ts';
import { runOutcome } from '../engine/game.ts';
import { type NegotiationSnapshot, stateName } from '../engine/machine.ts';
import type { TermSheet } from '../engine/terms.ts';
import type { TranscriptEntry } from '../engine/transcript.ts';
import {
  type ActorSummary,
  type AfterActionReport,
  type ReportMeta,
  type RoundReport,
  type RunState,
  type SourceLine,
  sourceLine,
  type TermLine,
  type Trajectory,
  type TurningPoint,
} from './after-action-model.ts';
import { debriefQuestions } from './debrief.ts';
import { NOT_COMPUTED } from './evidence.ts';
import { holdoutWhy, walkOutCause } from './holdout-why.ts';
import { lastTextFlags } from './last-text-flags.ts';
import { Narration } from './narration/narration.ts';
import { injectedBy } from './narration/phrases.ts';
import type { Line } from './narration/spans.ts';
import { compareWithNash, termLines } from './nash-compare.ts';
import { noDealValue } from './no-deal-values.ts';
import { type DurabilityReport, finalBlame, holdoutRounds, signedDurability } from './outcome-notes.ts';
import { anticipationWords } from './ratification.ts';
import { soleAnswerNote } from './sole-answers.ts';
import { movedTerms, trajectories } from './trajectory.ts';
import {
  issueLabel,
  listing,
  protocolWords,
  strategyGrounds,
  strategyLabel,
  strategyWords,
} from './words.ts';

/** `text` closed with a full stop, unless it already ends a sentence (a quoted red line keeps its own). */
const sentence = (text: string) => (/[.!?]["”]?$/.test(text) ? text : `${text}.`);

export function runStateOf(scenario: Scenario, snapshot: NegotiationSnapshot): RunState {
  const ctx = snapshot.context;
  return {
    transcript: ctx.transcript,
    round: ctx.round,
    done: snapshot.status === 'done',
    state: stateName(snapshot),
    awaiting: ctx.awaiting.map((w) => ({ actor: scenario.actors[w.actor]!.id, move: w.move })),
  };
}

function turningPoints(
  scenario: Scenario,
  narration: Narration,
  timeline: readonly RoundReport[],
  series: readonly Trajectory[],
): TurningPoint[] {
  // each turning point's sentence starts with the actor
  const name = (id: string) => actorAtStart(scenario, id);
  const out: TurningPoint[] = [];
  // flips of answers only: a proposer's acceptance of its own text (a ✓ in the utility table) is no change of mind,
  // so the sentence names the answer it turns from, which the table shows in that round
  for (const t of series) {
    let prev: { readonly accepts: boolean; readonly round: number } | null = null;
    for (const r of timeline) {
      // an answer after a walk-out is no change of mind: the walk-out is its own turning point
      const v = r.entries.findLast((e) => e.kind === 'verdict' && e.actor === t.actor && !e.absent);
      if (v?.kind !== 'verdict') continue;
      if (prev !== null && v.accepts !== prev.accepts)
        out.push({
          rounds: [r.round],
          kind: 'flip',
          text: `${name(t.actor)} ${v.accepts ? 'accepts' : 'rejects'} the text after ${prev.accepts ? 'accepting' : 'rejecting'} the last one it answered (round ${prev.round}).`,
          cites: [],
        });
      prev = { accepts: v.accepts, round: r.round };
    }
  }
  // the rounds the text moves most, one point for each set of terms moved: a text that moves the same term every
  // round (an alternating split of one surplus) is one line over the span, not a line a round
  const most = Math.max(0, ...timeline.map((r) => r.moved.length));
  const byTerms = new Map<string, number[]>();
  if (most > 0)
    for (const r of timeline.filter((x) => x.moved.length === most)) {
      const terms = listing(r.moved.map((m) => m.label));
      byTerms.set(terms, [...(byTerms.get(terms) ?? []), r.round]);
    }
  for (const [terms, rounds] of byTerms)
    out.push({
      rounds,
      kind: 'moved',
      text: `The text moves most: ${most === 1 ? '1 term changes' : `${most} terms change`}${rounds.length > 1 ? ' in each' : ''} (${terms}).`,
      cites: [],
    });
  for (const r of timeline)
    for (const e of r.entries) {
      if (e.kind === 'inject') {
        const ev = e.event;
        const effects = e.effects
          .filter((x) => x.kind !== 'table' || e.trigger === 'manual')
          .map((x) => narration.effect(x, e.phase));
        out.push({
          rounds: [r.round],
          kind: 'inject',
          text: ev
            ? `Event: ${ev.title}${e.trigger === 'manual' ? `, injected ${injectedBy(e.by)}` : e.blame ? " (set off by the engine's blame count)" : ''}.`
            : sentence(`An inject ${injectedBy(e.by)}: ${effects.join('; ')}`),
          cites: ev?.sources ?? [],
        });
      }
      // an ad-hoc walk-out is told by its inject's line just above ("An inject by …: X walks out.")
      if (e.kind === 'walk-out' && !(e.cause === 'event' && e.event === undefined))
        out.push({
          rounds: [r.round],
          kind: 'walk-out',
          text: `${name(e.actor)} walks out${e.stalled === undefined ? '' : ', out of patience'}.`,
          cites: [],
        });
      if (e.kind === 'ratification' && !e.ratified)
        out.push({
          rounds: [r.round],
          kind: 'ratification',
          text: `Ratification at the table fails${e.failing.length ? `: ${listing(e.failing.map(name))} no longer accept${e.failing.length > 1 ? '' : 's'}` : ''}.`,
          cites: [],
        });
    }
  const order = ['inject', 'moved', 'flip', 'walk-out', 'ratification'];
  return out.sort((a, b) => a.rounds[0]! - b.rounds[0]! || order.indexOf(a.kind) - order.indexOf(b.kind));
}

/** Every source id the report cites, in the scenario's order; undeclared ids last. */
function citedSources(scenario: Scenario, ids: Set<string>): SourceLine[] {
  const declared = scenario.sources.filter((s) => ids.has(s.id)).map(sourceLine);
  const known = new Set(scenario.sources.map((s) => s.id));
  const rest = [...ids]
    .filter((id) => !known.has(id))
    .sort()
    .map((id) => ({ id, title: '(not declared in the scenario)' }));
  return [...declared, ...rest];
}

/** The source ids of every citation in the timeline, the turning points and the durability estimate. */
function sourceIds(
  lines: readonly Line[],
  points: readonly TurningPoint[],
  durability: DurabilityReport | null,
): Set<string> {
  const ids = new Set<string>();
  for (const l of lines)
    for (const s of l.spans) if (s.style === 'sources') s.ids.forEach((id) => ids.add(id));
  for (const p of points) p.cites.forEach((s) => ids.add(s));
  if (durability) {
    durability.baseSources.forEach((s) => ids.add(s));
    for (const f of durability.factors) if (f.holds) f.sources.forEach((s) => ids.add(s));
  }
  return ids;
}

export function afterActionReport(scenario: Scenario, run: RunState, meta: ReportMeta): AfterActionReport {
  const { options } = meta;
  const people = scenario.actors
    .filter((a) => options.strategies[a.index]!.kind === 'human')
    .map((a) => a.id);
  const narration = new Narration(scenario, { voice: 'report', people });
  const rounds = Math.max(run.round, ...run.transcript.map((e) => e.round), 0);
  const traj = trajectories(scenario, run.transcript, rounds);
  const timeline: RoundReport[] = [];
  for (let r = 1; r <= rounds; r++) {
    const entries = run.transcript.filter((e) => e.round === r);
    timeline.push({
      round: r,
      entries,
      lines: narration.round(run.transcript, r),
      moved: (r === 1
        ? []
        : movedTerms(scenario, traj.answered[r - 2] ?? null, traj.answered[r - 1] ?? null)
      ).map((issue) => ({ issue, label: issueLabel(scenario, issue) })),
    });
  }
  const finalSheet = runOutcome(run.transcript)?.terms ?? traj.last;
  const points = turningPoints(scenario, narration, timeline, traj.series);
  const actors: ActorSummary[] = scenario.actors.map((a) => ({
    id: a.id,
    name: a.name,
    inSentence: nameInSentence(a),
    role: a.role,
    strategy: strategyLabel(options.strategies[a.index]!),
    approach: strategyWords(options.strategies[a.index]!),
    grounds: strategyGrounds(a.strategy, options.strategies[a.index]!),
    person: people.includes(a.id),
    noDeal: noDealValue(a),
  }));
  const outcome = narration.reportOutcome(run);
  const blame = finalBlame(run.transcript);
  const partial = {
    scenario: {
      id: scenario.id,
      title: scenario.title,
      ...(meta.source === undefined ? {} : { source: meta.source }),
    },
    protocol: protocolWords(scenario, false, options.maxRounds),
    ...(options.anticipateRatification ? { anticipation: anticipationWords(scenario) } : {}),
    seed: options.seed,
    maxRounds: options.maxRounds,
    rounds,
    actors,
    outcome,
    timeline,
    trajectories: traj.series,
    turningPoints: points,
    finalText: finalSheet
      ? { agreed: outcome.kind === 'signed', terms: flaggedTermLines(scenario, run.transcript, finalSheet) }
      : null,
    comparison: compareWithNash(scenario, finalSheet),
    blame: blame
      ? blame.map((b) => ({
          ...b,
          why: holdoutWhy(run.transcript, b),
          left: walkOutCause(run.transcript, b.actor),
        }))
      : null,
    blameNote: blame && soleAnswerNote(run.transcript, blame, (id) => actorInSentence(scenario, id)),
    holdouts: [...holdoutRounds(run.transcript)].map(([actor, rounds]) => ({ actor, rounds })),
    durability: signedDurability(scenario, run.transcript),
  };
  const lines = timeline.flatMap((r) => r.lines);
  return {
    ...partial,
    debrief: debriefQuestions(partial, (from, to) =>
      movedTerms(scenario, traj.answered[from - 1] ?? null, traj.answered[to - 1] ?? null).map((issue) => ({
        label: issueLabel(scenario, issue),
      })),
    ),
    sources: citedSources(scenario, sourceIds(lines, points, partial.durability)),
    evidence: meta.evidence ?? NOT_COMPUTED,
    heldEarlier: narration.reasons(),
  };
}

/** The last text's terms, each that keeps a tabled document's option with that document's flag and title. */
function flaggedTermLines(
  scenario: Scenario,
  transcript: readonly TranscriptEntry[],
  sheet: TermSheet,
): TermLine[] {
  const flags = lastTextFlags(scenario, transcript, sheet);
  return termLines(scenario, sheet).map((t) => {
    const kept = flags.get(t.issue);
    return kept ? { ...t, flag: kept.flag, asIn: kept.asIn } : t;
  });
}
