// The after-action report of a run, as a model: header, round-by-round timeline, utility trajectories, turning
// points, the last text against the Nash solution, debrief questions and the sources cited. Pure: scenario +
// transcript → plain data in ids and words, which the markdown and HTML renderers (and a UI) only lay out.
import type { Violation } from '../domain/evaluate.ts';
import type { ActorRole, Scenario } from '../domain/types.ts';
import { type NegotiationSnapshot, stateName } from '../engine/headless.ts';
import type { ResolvedOptions } from '../engine/options.ts';
import type { TermSheet } from '../engine/terms.ts';
import type { ChangeReasonEntry, EffectNote, EntryBody, TranscriptEntry } from '../engine/transcript.ts';
import { debriefQuestions } from './debrief.ts';
import { type EvidenceSection, NOT_COMPUTED } from './evidence.ts';
import { goodwillWords } from './narration.ts';
import { compareWithNash, termLines } from './nash-compare.ts';
import {
  type BlameLine,
  type DurabilityReport,
  finalBlame,
  holdoutRounds,
  signedDurability,
} from './outcome-notes.ts';
import { movedTerms, trajectories } from './trajectory.ts';
import { actorName, issueLabel, listing, n3, optionLabel, strategyLabel } from './words.ts';

/** What the report needs of a run: a finished or unfinished snapshot, reduced to plain data. */
export interface RunState {
  readonly transcript: readonly TranscriptEntry[];
  readonly round: number;
  readonly done: boolean;
  /** the state, e.g. "live.running.responding" or "stalemate" */
  readonly state: string;
  /** people the machine waits for */
  readonly awaiting: readonly { readonly actor: string; readonly move: 'respond' | 'propose' | 'revise' }[];
}

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

export interface ReportMeta {
  readonly options: ResolvedOptions;
  /** where the scenario came from (a shipped id or a path), if known */
  readonly source?: string;
  /** what the outcome rests on and what the record settles (report/evidence.ts), when the caller computed it */
  readonly evidence?: EvidenceSection;
}

export interface ActorSummary {
  readonly id: string;
  readonly name: string;
  readonly role: ActorRole;
  readonly strategy: string;
  /** played by a person (strategy human) */
  readonly person: boolean;
}

/** A red line or rule, as cited. */
export interface Citation {
  readonly id: string;
  readonly text: string;
  readonly sources: readonly string[];
  readonly confirmed: boolean;
  readonly recall: boolean;
}

export interface TermMove {
  readonly issue: string;
  readonly label: string;
  readonly from: string;
  readonly to: string;
  /** why the mediator made the change, in words, with the red line or rule it serves */
  readonly reason?: {
    readonly kind: ChangeReasonEntry['kind'];
    readonly text: string;
    readonly cites?: Citation;
  };
}

export type RoundItem =
  | {
      readonly kind: 'text';
      readonly how: 'opening' | 'event' | 'inject' | 'proposal' | 'revision';
      readonly by: string;
      readonly person: boolean;
      readonly document?: { readonly id: string; readonly title: string; readonly date: string };
      readonly aspiration?: number;
      readonly utility?: number;
      /** the whole text (where it differs from the status quo) when it is the first of the run, else the moves */
      readonly changes: readonly TermMove[];
      readonly first: boolean;
      /** a revision: actors whose objections the mediator could not meet */
      readonly unmet: readonly string[];
    }
  | {
      readonly kind: 'inject';
      readonly trigger: 'scheduled' | 'manual';
      readonly event?: {
        readonly id: string;
        readonly title: string;
        readonly description?: string;
        readonly sources: readonly string[];
        readonly confirmed: boolean;
      };
      readonly effects: readonly string[];
      /** the actors its effects touch */
      readonly actors: readonly string[];
      readonly cites: readonly Citation[];
      /** fired by the engine's blame count: whose count, what it was, and the scenario's threshold */
      readonly blame?: { readonly actor: string; readonly count: number; readonly atLeast?: number };
    }
  | Extract<EntryBody, { kind: 'drift' }>
  | {
      readonly kind: 'verdict';
      readonly actor: string;
      readonly person: boolean;
      readonly accepts: boolean;
      readonly utility: number;
      readonly reservation: number;
      readonly aspiration: number;
      readonly mediator: boolean;
      readonly violations: readonly Citation[];
      /** rejecting a text that keeps its red lines: how far it falls short of what the actor held out for */
      readonly shortfall: number | null;
      readonly belowNoDeal: boolean;
      readonly asks: readonly { readonly issue: string; readonly label: string; readonly cost: number }[];
    }
  | {
      readonly kind: 'walk-out';
      readonly actor: string;
      readonly cause: 'event' | 'strategy';
      readonly event?: string;
      readonly best?: number | null;
      readonly reservation?: number;
      /** a mediator out of patience: the rounds in a row without progress */
      readonly stalled?: number;
    }
  | {
      readonly kind: 'tally';
      readonly agreement: boolean;
      readonly accepting: readonly string[];
      readonly rejecting: readonly string[];
      readonly rules: readonly Citation[];
      /** the engine's count: the one required actor that did not accept a text all the others accepted */
      readonly holdout?: string;
    }
  | {
      readonly kind: 'ratification';
      readonly ratified: boolean;
      readonly failing: readonly string[];
      readonly rules: readonly Citation[];
    };

export interface RoundReport {
  readonly round: number;
  readonly items: readonly RoundItem[];
  /** terms that differ between the text answered the round before and this round's (none in round 1) */
  readonly moved: readonly { readonly issue: string; readonly label: string }[];
}

export interface Trajectory {
  readonly actor: string;
  /** per round: the worth of the round's text to the actor (null: no text on the table yet) */
  readonly utility: readonly (number | null)[];
  /** per round: its value of no deal when it answered (or at the end of the round) */
  readonly noDeal: readonly number[];
  /** per round: its verdict, or null when its consent was not asked */
  readonly accepts: readonly (boolean | null)[];
}

export interface TurningPoint {
  readonly round: number;
  readonly kind: 'flip' | 'moved' | 'inject' | 'walk-out' | 'ratification';
  readonly text: string;
  readonly cites: readonly string[];
}

export type Outcome =
  | { readonly kind: 'signed'; readonly round: number; readonly sentence: string }
  | { readonly kind: 'stalemate'; readonly round: number; readonly sentence: string }
  | { readonly kind: 'collapsed'; readonly round: number; readonly sentence: string }
  | {
      readonly kind: 'unfinished';
      readonly round: number;
      readonly sentence: string;
      readonly waitingFor: readonly string[];
    };

export interface TermLine {
  readonly issue: string;
  readonly label: string;
  readonly value: string;
}

export type Comparison =
  | { readonly kind: 'none'; readonly reason: string }
  | {
      readonly kind: 'nash';
      /** false: the Nash point comes from an ε-Pareto frontier */
      readonly exact: boolean;
      readonly utilities: readonly { readonly actor: string; readonly text: number; readonly nash: number }[];
      readonly differ: readonly {
        readonly issue: string;
        readonly label: string;
        text: string;
        nash: string;
      }[];
      /** under the scenario's values of no deal and red lines as written */
      readonly textIsAgreement: boolean;
    };

export interface SourceLine {
  readonly id: string;
  readonly title: string;
  readonly url?: string;
  readonly publisher?: string;
  readonly date?: string;
}

export interface AfterActionReport {
  readonly scenario: { readonly id: string; readonly title: string; readonly source?: string };
  readonly protocol: string;
  readonly seed: number;
  readonly maxRounds: number;
  readonly rounds: number;
  readonly actors: readonly ActorSummary[];
  readonly outcome: Outcome;
  readonly timeline: readonly RoundReport[];
  readonly trajectories: readonly Trajectory[];
  readonly turningPoints: readonly TurningPoint[];
  /** the agreed text, or the last one on the table; null when none was tabled */
  readonly finalText: { readonly agreed: boolean; readonly terms: readonly TermLine[] } | null;
  readonly comparison: Comparison;
  /** the engine's final blame tally of a stalemate or collapse (most counted first); null otherwise */
  readonly blame: readonly BlameLine[] | null;
  /** per actor, the rounds it was the lone holdout, whatever the outcome (first to stand alone first) */
  readonly holdouts: readonly { readonly actor: string; readonly rounds: readonly number[] }[];
  /** the signed text's estimated durability, an assumption of the scenario; null unless signed with one */
  readonly durability: DurabilityReport | null;
  readonly debrief: readonly string[];
  readonly sources: readonly SourceLine[];
  /** the report's last sections: the record's evidence and what the outcome rests on */
  readonly evidence?: EvidenceSection;
}

// ───────────────────────────── building ─────────────────────────────

function citation(scenario: Scenario, v: Violation): Citation {
  const own = [
    ...scenario.actors.flatMap((a) => a.redLines),
    ...scenario.rules,
    ...scenario.events.flatMap((e) =>
      e.effects.flatMap((x) => (x.kind === 'add-red-line' ? [x.redLine] : [])),
    ),
  ].find((c) => c.id === v.redLine && c.text === v.text);
  return {
    id: v.redLine,
    text: v.text,
    sources: v.sources,
    confirmed: v.confirmed,
    recall: own?.recall ?? false,
  };
}

function reasonOf(scenario: Scenario, r: ChangeReasonEntry): NonNullable<TermMove['reason']> {
  const name = (id: string) => actorName(scenario, id);
  switch (r.kind) {
    case 'red-line':
      return {
        kind: r.kind,
        text: `so that ${name(r.actor)}'s red line holds`,
        cites: citation(scenario, r.redLine),
      };
    case 'rule':
      return {
        kind: r.kind,
        text: 'so that a rule of the scenario holds',
        cites: citation(scenario, r.rule),
      };
    case 'consent':
      return {
        kind: r.kind,
        text: `left at the status quo, so ${name(r.actor)}'s consent is no longer needed`,
      };
    case 'ask':
      return {
        kind: r.kind,
        text: `${name(r.actor)} got less than no deal, and this term cost it most (${n3(r.cost)})`,
      };
    case 'frontier':
      return {
        kind: r.kind,
        text: `a redraft towards the nearest text every required actor prefers to no deal${r.meets.length ? `, meeting what ${listing(r.meets.map(name))} asked for` : ''}`,
      };
  }
}

function effectWords(scenario: Scenario, x: EffectNote): string {
  const who = x.actor ? actorName(scenario, x.actor) : '';
  switch (x.kind) {
    case 'set-reservation':
    case 'shift-reservation':
      return `${who}'s value of no deal: ${n3(x.from ?? 0)} → ${n3(x.to ?? 0)}`;
    case 'set-weight':
      return `${who} now weighs ${issueLabel(scenario, x.issue ?? '')} at ${x.to}`;
    case 'add-red-line':
      return `${who} adds a red line: "${typeof x.redLine === 'object' ? x.redLine.text : (x.redLine ?? '')}"`;
    case 'drop-red-line':
      return `${who} drops its red line ${typeof x.redLine === 'string' ? x.redLine : (x.redLine?.redLine ?? '')}`;
    case 'table':
      return `document ${x.document ?? ''} goes on the table`;
    case 'walk-out':
      return `${who} walks out`;
    case 'goodwill':
      return goodwillWords(who, x.patienceRenewed === true, x.blameForgiven === true);
    default:
      return x.kind;
  }
}

function outcomeOf(scenario: Scenario, run: RunState): Outcome {
  const name = (id: string) => actorName(scenario, id);
  const entries = run.transcript;
  const last = entries.at(-1);
  if (run.done && last?.kind === 'signed') {
    const parties = Object.keys(last.utilities);
    return {
      kind: 'signed',
      round: last.round,
      sentence: `Signed in round ${last.round}: every actor whose consent the text needed accepted it and it was ratified (worth ${parties.map((a) => `${n3(last.utilities[a]!)} to ${name(a)}`).join(', ')}).`,
    };
  }
  if (run.done && last?.kind === 'stalemate') {
    const tally = entries.findLast((e) => e.kind === 'tally');
    const who = tally?.kind === 'tally' && tally.rejecting.length ? tally.rejecting.map(name) : [];
    return {
      kind: 'stalemate',
      round: last.round,
      sentence: `Stalemate: round ${last.round} was the last and no text won every required consent${who.length ? `; the last text was rejected by ${listing(who)}` : ''}.`,
    };
  }
  if (run.done && last?.kind === 'collapsed') {
    const why = last.actors.map((a) => {
      const w = entries.findLast((e) => e.kind === 'walk-out' && e.actor === a);
      if (w?.kind !== 'walk-out') return name(a);
      if (w.cause === 'event') {
        const title = scenario.events.find((x) => x.id === w.event)?.title;
        return `${name(a)} (event: ${title ?? w.event ?? 'an inject'})`;
      }
      if (w.stalled !== undefined)
        return `${name(a)} (out of patience after ${w.stalled} round${w.stalled === 1 ? '' : 's'} without progress)`;
      return `${name(a)} (nothing it could accept at the table was worth its value of no deal)`;
    });
    return {
      kind: 'collapsed',
      round: last.round,
      sentence: `Collapsed in round ${last.round}: ${listing(why)} walked out.`,
    };
  }
  const waiting = run.awaiting.map((w) => w.actor);
  const what = run.awaiting
    .map(
      (w) =>
        `${name(w.actor)} to ${w.move === 'respond' ? 'answer the text' : w.move === 'propose' ? 'propose' : 'revise the text'}`,
    )
    .join(', ');
  return {
    kind: 'unfinished',
    round: run.round,
    waitingFor: waiting,
    sentence: `Unfinished: the session stops in round ${run.round}${what ? `, waiting for ${what} (played by a person)` : ` (state ${run.state})`}.`,
  };
}

/** The threshold of a blame-triggered event, as the scenario states it. */
function blameThreshold(scenario: Scenario, eventId: string | undefined): { atLeast?: number } {
  const t = scenario.events.find((x) => x.id === eventId)?.trigger;
  return t && 'blame' in t ? { atLeast: t.blame.atLeast } : {};
}

function roundItems(
  scenario: Scenario,
  entries: readonly TranscriptEntry[],
  people: Set<string>,
): RoundItem[] {
  const items: RoundItem[] = [];
  const move = (c: {
    issue: string;
    from: string | number;
    to: string | number;
    reason?: ChangeReasonEntry;
  }) => ({
    issue: c.issue,
    label: issueLabel(scenario, c.issue),
    from: optionLabel(scenario, c.issue, c.from),
    to: optionLabel(scenario, c.issue, c.to),
    ...(c.reason ? { reason: reasonOf(scenario, c.reason) } : {}),
  });
  const whole = (sheet: TermSheet): TermMove[] =>
    termLines(scenario, sheet).map((t) => {
      const x = scenario.issues[scenario.issueIndex.get(t.issue)!]!;
      return { issue: t.issue, label: t.label, from: x.options[x.statusQuo]!.label, to: t.value };
    });
  for (const e of entries) {
    switch (e.kind) {
      case 'tabled':
        items.push({
          kind: 'text',
          how: e.trigger,
          by: e.by,
          person: false,
          document: { id: e.document, title: e.title, date: e.date },
          changes: e.terms ? whole(e.terms) : e.changes.map(move),
          first: e.terms !== undefined,
          unmet: [],
        });
        break;
      case 'proposal':
        items.push({
          kind: 'text',
          how: 'proposal',
          by: e.actor,
          person: people.has(e.actor),
          aspiration: e.aspiration,
          utility: e.utility,
          changes: e.terms ? whole(e.terms) : e.changes.map(move),
          first: e.terms !== undefined,
          unmet: [],
        });
        break;
      case 'revised':
        items.push({
          kind: 'text',
          how: 'revision',
          by: e.actor,
          person: e.human === true || people.has(e.actor),
          aspiration: e.aspiration,
          changes: e.terms ? whole(e.terms) : e.changes.map(move),
          first: e.terms !== undefined,
          unmet: e.unmet,
        });
        break;
      case 'inject': {
        const ev = e.event;
        const cites = e.effects.flatMap((x) =>
          x.kind === 'add-red-line' && typeof x.redLine === 'object' ? [citation(scenario, x.redLine)] : [],
        );
        items.push({
          kind: 'inject',
          trigger: e.trigger,
          ...(ev
            ? {
                event: {
                  id: ev.id,
                  title: ev.title,
                  ...(ev.description === undefined ? {} : { description: ev.description }),
                  sources: ev.sources,
                  confirmed: ev.confirmed,
                },
              }
            : {}),
          // a document an event tables shows as the text that follows
          effects: e.effects
            .filter((x) => x.kind !== 'table' || e.trigger === 'manual')
            .map((x) => effectWords(scenario, x)),
          actors: [...new Set(e.effects.flatMap((x) => (x.actor === undefined ? [] : [x.actor])))],
          cites,
          ...(e.blame ? { blame: { ...e.blame, ...blameThreshold(scenario, ev?.id) } } : {}),
        });
        break;
      }
      case 'drift':
        items.push({ kind: 'drift', changes: e.changes });
        break;
      case 'verdict': {
        const keeps = e.violations.length === 0;
        items.push({
          kind: 'verdict',
          actor: e.actor,
          person: e.human === true || people.has(e.actor),
          accepts: e.accepts,
          utility: e.utility,
          reservation: e.reservation,
          aspiration: e.aspiration,
          mediator: e.strategy === 'mediator',
          violations: e.violations.map((v) => citation(scenario, v)),
          shortfall: !e.accepts && keeps ? Math.max(0, e.aspiration - e.utility) : null,
          belowNoDeal: e.utility < e.reservation - 1e-12,
          asks: e.asks.map((a) => ({ issue: a.issue, label: issueLabel(scenario, a.issue), cost: a.cost })),
        });
        break;
      }
      case 'walk-out':
        items.push({
          kind: 'walk-out',
          actor: e.actor,
          cause: e.cause,
          ...(e.event === undefined ? {} : { event: e.event }),
          ...(e.best === undefined ? {} : { best: e.best }),
          ...(e.reservation === undefined ? {} : { reservation: e.reservation }),
          ...(e.stalled === undefined ? {} : { stalled: e.stalled }),
        });
        break;
      case 'tally':
        items.push({
          kind: 'tally',
          agreement: e.agreement,
          accepting: e.accepting,
          rejecting: e.rejecting,
          rules: e.ruleViolations.map((v) => citation(scenario, v)),
          ...(e.holdout === undefined ? {} : { holdout: e.holdout }),
        });
        break;
      case 'ratification':
        items.push({
          kind: 'ratification',
          ratified: e.ratified,
          failing: e.failing,
          rules: e.ruleViolations.map((v) => citation(scenario, v)),
        });
        break;
      default:
        break;
    }
  }
  return items;
}

function turningPoints(
  scenario: Scenario,
  timeline: readonly RoundReport[],
  series: readonly Trajectory[],
): TurningPoint[] {
  const name = (id: string) => actorName(scenario, id);
  const out: TurningPoint[] = [];
  // flips of real verdicts only: a proposer's acceptance of its own text is no change of mind
  for (const t of series) {
    let prev: boolean | null = null;
    for (const r of timeline) {
      const v = r.items.findLast((it) => it.kind === 'verdict' && it.actor === t.actor);
      if (v?.kind !== 'verdict') continue;
      if (prev !== null && v.accepts !== prev)
        out.push({
          round: r.round,
          kind: 'flip',
          text: `${name(t.actor)} turns from ${prev ? 'accepting' : 'rejecting'} to ${v.accepts ? 'accepting' : 'rejecting'} the text.`,
          cites: [],
        });
      prev = v.accepts;
    }
  }
  const most = Math.max(0, ...timeline.map((r) => r.moved.length));
  if (most > 0)
    for (const r of timeline.filter((x) => x.moved.length === most))
      out.push({
        round: r.round,
        kind: 'moved',
        text: `The text moves most: ${most} term${most > 1 ? 's' : ''} change (${listing(r.moved.map((m) => m.label))}).`,
        cites: [],
      });
  for (const r of timeline)
    for (const it of r.items) {
      if (it.kind === 'inject')
        out.push({
          round: r.round,
          kind: 'inject',
          text: it.event
            ? `Event: ${it.event.title}${it.trigger === 'manual' ? ' (injected by the facilitator)' : it.blame ? " (set off by the engine's blame count)" : ''}.`
            : `An inject by the facilitator: ${it.effects.join('; ')}.`,
          cites: it.event?.sources ?? [],
        });
      if (it.kind === 'walk-out')
        out.push({
          round: r.round,
          kind: 'walk-out',
          text: `${name(it.actor)} walks out${it.stalled === undefined ? '' : ', out of patience'}.`,
          cites: [],
        });
      if (it.kind === 'ratification' && !it.ratified)
        out.push({
          round: r.round,
          kind: 'ratification',
          text: `Ratification fails${it.failing.length ? `: ${listing(it.failing.map(name))} no longer accept${it.failing.length > 1 ? '' : 's'}` : ''}.`,
          cites: [],
        });
    }
  const order = ['inject', 'moved', 'flip', 'walk-out', 'ratification'];
  return out.sort((a, b) => a.round - b.round || order.indexOf(a.kind) - order.indexOf(b.kind));
}

/** Every source id the report cites, in the scenario's order; undeclared ids last. */
function citedSources(scenario: Scenario, ids: Set<string>): SourceLine[] {
  const declared = scenario.sources
    .filter((s) => ids.has(s.id))
    .map((s) => ({
      id: s.id,
      title: s.title,
      ...(s.url === undefined ? {} : { url: s.url }),
      ...(s.publisher === undefined ? {} : { publisher: s.publisher }),
      ...(s.date === undefined ? {} : { date: s.date }),
    }));
  const known = new Set(scenario.sources.map((s) => s.id));
  const rest = [...ids]
    .filter((id) => !known.has(id))
    .sort()
    .map((id) => ({ id, title: '(not declared in the scenario)' }));
  return [...declared, ...rest];
}

function sourceIds(
  timeline: readonly RoundReport[],
  points: readonly TurningPoint[],
  durability: DurabilityReport | null,
): Set<string> {
  const ids = new Set<string>();
  const add = (c: { sources: readonly string[] }) => c.sources.forEach((s) => ids.add(s));
  for (const r of timeline)
    for (const it of r.items) {
      if (it.kind === 'text') for (const c of it.changes) if (c.reason?.cites) add(c.reason.cites);
      if (it.kind === 'inject') {
        if (it.event) add(it.event);
        it.cites.forEach(add);
      }
      if (it.kind === 'verdict') it.violations.forEach(add);
      if (it.kind === 'tally' || it.kind === 'ratification') it.rules.forEach(add);
    }
  for (const p of points) p.cites.forEach((s) => ids.add(s));
  if (durability) {
    add({ sources: durability.baseSources });
    for (const f of durability.factors) if (f.holds) add(f);
  }
  return ids;
}

export function afterActionReport(scenario: Scenario, run: RunState, meta: ReportMeta): AfterActionReport {
  const { options } = meta;
  const people = new Set(
    scenario.actors.filter((a) => options.strategies[a.index]!.kind === 'human').map((a) => a.id),
  );
  const rounds = Math.max(run.round, ...run.transcript.map((e) => e.round), 0);
  const traj = trajectories(scenario, run.transcript, rounds);
  const timeline: RoundReport[] = [];
  for (let r = 1; r <= rounds; r++)
    timeline.push({
      round: r,
      items: roundItems(
        scenario,
        run.transcript.filter((e) => e.round === r),
        people,
      ),
      moved: (r === 1
        ? []
        : movedTerms(scenario, traj.answered[r - 2] ?? null, traj.answered[r - 1] ?? null)
      ).map((issue) => ({ issue, label: issueLabel(scenario, issue) })),
    });
  const last = run.transcript.at(-1);
  const finalSheet =
    last && (last.kind === 'signed' || last.kind === 'stalemate' || last.kind === 'collapsed')
      ? last.terms
      : traj.last;
  const points = turningPoints(scenario, timeline, traj.series);
  const actors: ActorSummary[] = scenario.actors.map((a) => ({
    id: a.id,
    name: a.name,
    role: a.role,
    strategy: strategyLabel(options.strategies[a.index]!),
    person: people.has(a.id),
  }));
  const pr = scenario.protocol;
  const outcome = outcomeOf(scenario, run);
  const comparison = compareWithNash(scenario, finalSheet);
  const partial = {
    scenario: {
      id: scenario.id,
      title: scenario.title,
      ...(meta.source === undefined ? {} : { source: meta.source }),
    },
    protocol:
      pr.kind === 'mediated-single-text'
        ? `a single negotiating text, mediated by ${scenario.actors[pr.mediator ?? pr.parties[0]!]!.name}`
        : 'alternating offers',
    seed: options.seed,
    maxRounds: options.maxRounds,
    rounds,
    actors,
    outcome,
    timeline,
    trajectories: traj.series,
    turningPoints: points,
    finalText: finalSheet
      ? { agreed: outcome.kind === 'signed', terms: termLines(scenario, finalSheet) }
      : null,
    comparison,
    blame: finalBlame(run.transcript),
    holdouts: [...holdoutRounds(run.transcript)].map(([actor, rounds]) => ({ actor, rounds })),
    durability: signedDurability(scenario, run.transcript),
  };
  return {
    ...partial,
    debrief: debriefQuestions(partial),
    sources: citedSources(scenario, sourceIds(timeline, points, partial.durability)),
    evidence: meta.evidence ?? NOT_COMPUTED,
  };
}
