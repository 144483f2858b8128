// What happens to the table, in words: events and a facilitator's injects with what each effect does, and the
// drift of the values of no deal.

import type { Scenario } from '../../domain/types.ts';
import type { EffectNote, EventNote, TranscriptEntry } from '../../engine/transcript.ts';
import { capitalise, n3 } from '../format.ts';
import { possessive, provenanceFlag } from '../words.ts';
import { driftMoves, goodwillWords, injectedBy, plural, publicShift } from './phrases.ts';
import { basis, type Flag, flag, type Line, line, type Span, say, sources, span } from './spans.ts';
import type { Voice } from './voice.ts';

type Entry<K extends TranscriptEntry['kind']> = Extract<TranscriptEntry, { kind: K }>;

/** The red line an effect drops, by its text. */
function dropped(v: Voice, x: EffectNote): string {
  const id = typeof x.redLine === 'string' ? x.redLine : (x.redLine?.redLine ?? '');
  return v.redLineText(x.actor ?? '', id);
}

/**
 * What an effect did, as the report words it (the timeline, and a facilitator's inject among the turning points);
 * `phase`: the one the inject fired in — a text goes on the table at once while tabling, else at the next round.
 */
export function effectWords(v: Voice, x: EffectNote, phase: TranscriptEntry['phase'] = 'tabling'): string {
  const who = x.actor ? v.name(x.actor) : '';
  switch (x.kind) {
    case 'set-reservation':
    case 'shift-reservation':
      return `${possessive(who)} value of no deal: ${n3(x.from ?? 0)} → ${n3(x.to ?? 0)}`;
    case 'set-weight':
      return `${who} now weighs ${v.issue(x.issue ?? '')} at ${x.to}`;
    case 'add-red-line':
      return `${who} adds a red line: ${typeof x.redLine === 'object' ? x.redLine.text : (x.redLine ?? '')}`;
    case 'drop-red-line':
      return `${who} drops its red line: ${dropped(v, x)}`;
    case 'table':
      return `${v.document(x.document ?? '')} goes on the table${phase === 'tabling' ? '' : ' at the next round'}`;
    case 'walk-out':
      return `${who} walks out`;
    case 'goodwill':
      return goodwillWords(who, x.patienceRenewed === true, x.blameForgiven === true);
    default:
      return x.kind;
  }
}

/** What an inject does in the run and on the screen, or nothing when the entry that follows tells it; `phase`: the
 * one it fired in (a text goes on the table at once while tabling, else at the next round — the machine's rule). */
function effect(v: Voice, x: EffectNote, phase: Entry<'inject'>['phase']): Span[] {
  const who = x.actor ? v.nameAtStart(x.actor) : '';
  switch (x.kind) {
    case 'set-reservation':
    case 'shift-reservation':
      if (v.public) return [span(publicShift(who, x.from ?? 0, x.to ?? 0))];
      return [span(`${possessive(who)} value of no deal: ${n3(x.from ?? 0)} → ${n3(x.to ?? 0)}`)];
    case 'set-weight':
      if (v.public) return [span(`${who} changes the weight it gives ${v.issue(x.issue ?? '')}`)];
      return [span(`${who} now weighs ${v.issue(x.issue ?? '')} at ${x.to}`)];
    case 'add-red-line': {
      const rl = x.redLine;
      if (typeof rl !== 'object') return [span(`${who} adds a red line: ${rl}`)];
      return v.run
        ? [span(`${who} adds a red line: `), ...v.citation(rl)]
        : [span(`${who} adds a red line: ${rl.text}`)];
    }
    case 'drop-red-line':
      return [span(`${who} drops its red line: ${dropped(v, x)}`)];
    case 'table':
      return [
        span(
          `${v.document(x.document ?? '')} goes on the table ${phase === 'tabling' ? 'now' : `at ${v.run ? 'the start of ' : ''}the next round`}`,
        ),
      ];
    case 'walk-out':
      // told by the walk-out entry that follows, in every voice (once, not twice)
      return [];
    case 'goodwill':
      return [span(goodwillWords(who, x.patienceRenewed === true, x.blameForgiven === true, !v.run))];
    default:
      return [];
  }
}

/** Why a blame-triggered event fired, worded as the scenario's hypothesis. */
function blameTrigger(v: Voice, e: Entry<'inject'>): Line[] {
  const b = e.blame;
  if (!b) return [];
  if (v.report) {
    const t = v.scenario.events.find((x) => x.id === e.event?.id)?.trigger;
    const threshold = t && 'blame' in t ? ` (the scenario sets the trigger at ${t.blame.atLeast})` : '';
    return [
      say(
        `Why it fires: the engine's count for ${v.name(b.actor)} (one for each round as the lone holdout, one for a walk-out) reached ${b.count}${threshold}. That this event follows is a hypothesis of the scenario.`,
        undefined,
        4,
      ),
    ];
  }
  if (!v.run) return [];
  return [
    say(
      `(fires because ${v.name(b.actor)} has been blamed ${b.count} ${plural(b.count, 'time')}: a hypothesis of the scenario)`,
      'dim',
      4,
    ),
  ];
}

/**
 * What an event rests on: an event is a modelling choice like a red line, so its basis (the scenario's, by its id) is
 * said with its sources, and its flag — unconfirmed, or recall (commonly reported, not verified) — after them.
 */
function eventGrounds(scenario: Scenario, ev: EventNote): Span[] {
  const own = scenario.events.find((x) => x.id === ev.id);
  // (a transcript saved before events recorded `confirmed` is not flagged for lacking it)
  const f = (provenanceFlag(ev.confirmed !== false, own?.recall ?? false) || null) as Flag | null;
  return [...basis(own?.basis), ...sources(ev.sources), ...flag(f)];
}

/**
 * An event named as the screen's transcript names it when it fires, its title, description and grounds: the
 * inject list shows the selected event so before it fires ("Reported US pressure on Kyiv … [reading] [s19, …]
 * (unconfirmed)").
 */
export function eventNamed(scenario: Scenario, ev: EventNote): Span[] {
  return [
    span(ev.title),
    ...(ev.description ? [span(` — ${ev.description}`, 'aside')] : []),
    ...eventGrounds(scenario, ev),
  ];
}

export function inject(v: Voice, e: Entry<'inject'>): Line[] {
  const ev = e.event;
  const grounds = ev ? eventGrounds(v.scenario, ev) : [];
  // a document an event tables is shown by the tabling line that follows; a walk-out by the walk-out line
  const shown = e.effects.filter(
    (x) => (x.kind !== 'table' || e.trigger === 'manual') && x.kind !== 'walk-out',
  );
  if (v.report) {
    const words = ev
      ? `${e.trigger === 'manual' ? `Event, injected ${injectedBy(e.by)}` : 'Event'}: ${ev.title}${ev.description ? ` — ${ev.description}` : ''}`
      : `Inject ${injectedBy(e.by)}${shown.length ? ':' : '.'}`; // a walk-out alone is told by the line that follows
    return [
      line([span(words), ...grounds]),
      ...blameTrigger(v, e),
      ...shown.map((x) => say(capitalise(effectWords(v, x, e.phase)), undefined, 4)),
      ...e.effects.flatMap((x) =>
        x.kind === 'add-red-line' && typeof x.redLine === 'object'
          ? [line([span('red line: '), ...v.citation(x.redLine)], 4)]
          : [],
      ),
    ];
  }
  const effects = shown.map((x) => effect(v, x, e.phase)).filter((spans) => spans.some((s) => s.text.trim()));
  const first = ev
    ? line([
        span('Event', 'alert'),
        span(': '),
        ...eventNamed(v.scenario, ev),
        ...(!v.run && e.trigger === 'manual' ? [span(` (injected ${injectedBy(e.by)})`, 'aside')] : []),
      ])
    : v.run
      ? // `run --inject` (the analyst's) or a facilitator's in a resumed session: the text says what it is, not whose
        line([
          span('Ad-hoc inject', 'alert'),
          span(' — an assumption put in by hand, not an event of the scenario:'),
        ])
      : line([span('Inject', 'alert'), span(` ${injectedBy(e.by)}${effects.length ? ':' : '.'}`)]);
  return [first, ...blameTrigger(v, e), ...effects.map((spans) => line(spans, 4))];
}

export function drift(v: Voice, e: Entry<'drift'>): Line[] {
  // values of no deal are private, and so is how they move
  if (v.public) return [];
  // a drift is a hypothesis like an event: each actor's move carries the basis the scenario gives it (a bare number
  // is the modeller's assumption)
  const s = v.scenario;
  const moves = driftMoves(e.changes, (id) => v.name(id));
  return [
    line([
      span('Values of no deal drift: ', 'dim'),
      ...e.changes.flatMap((c, k) => [
        ...(k ? [span(', ', 'dim')] : []),
        span(moves[k]!, 'dim'),
        ...basis(
          s.actors[s.actorIndex.get(c.actor) ?? -1]?.reservation.driftHypothesis?.basis ?? 'assumption',
        ),
      ]),
      span('.', 'dim'),
    ]),
  ];
}
