// A negotiation's transcript told in words, once, as lines of styled spans: what was tabled, the terms that moved
// and why (with red-line text and sources), each verdict and its reasons, injects, drift, the outcome. The CLI
// paints the spans in ANSI (cli/narrate.ts), the play screen in Ink (ui/transcript-words.ts).
// Two voices: 'run', the full sentences of `peacesim run`, and 'screen', the play screen's shorter lines with
// ✓/✗ and team marks. The public view (what the teams may see) keeps every public fact — verdicts, red lines with
// their sources, asks, events — and drops every private number: utilities, aspirations, values of no deal, costs,
// drift.
import type { Violation } from '../domain/evaluate.ts';
import type { Scenario } from '../domain/types.ts';
import { runOutcome } from '../engine/game.ts';
import type { ResolvedOptions } from '../engine/options.ts';
import type { TermSheet, TermValue } from '../engine/terms.ts';
import type {
  BlameCount,
  ChangeReasonEntry,
  DurabilityNote,
  EffectNote,
  TermChangeEntry,
  TranscriptEntry,
} from '../engine/transcript.ts';
import { DURABILITY_CAVEAT, movingFactors, n2, shift2 } from './durability.ts';
import { actorName, issueLabel, listing, n3, optionLabel, strategyLabel } from './words.ts';

/**
 * What a span is, not how it looks: each renderer decides. On the screen, `term` and `aside` are bold and dim and
 * verdict words are bold too; in the run's text they are plain and verdict words are coloured only.
 */
export type Style =
  /** the scenario's title */
  | 'title'
  /** "Round 3" */
  | 'heading'
  /** bold everywhere: "No agreement", a stalemate */
  | 'strong'
  /** an issue's label, a document's title */
  | 'term'
  /** dates, sources, descriptions, asides */
  | 'aside'
  /** what is said in passing: drift, blame-trigger notes, the run's settings */
  | 'dim'
  /** the option a term moved to */
  | 'changed'
  | 'accept'
  | 'reject'
  /** "(unconfirmed)" */
  | 'warn'
  /** "Event", "Inject", a run that waits for a person */
  | 'alert'
  /** the outcome lines of a signed and of a collapsed negotiation */
  | 'signed'
  | 'collapsed';

export interface Span {
  readonly text: string;
  readonly style?: Style;
}

export interface Line {
  /** columns of indentation (wrapped lines keep it) */
  readonly indent: number;
  readonly spans: readonly Span[];
}

export type Voice = 'run' | 'screen';

export interface NarrationOptions {
  /** 'run' (default): the full sentences of `peacesim run`; 'screen': the play screen's shorter lines */
  readonly voice?: Voice;
  /** actor ids the teams play (the screen marks them) */
  readonly teams?: readonly string[];
  /** the teams' view: no actor's utility, aspiration, value of no deal, weights or costs */
  readonly public?: boolean;
}

const span = (text: string, style?: Style): Span => (style ? { text, style } : { text });
const line = (spans: readonly Span[], indent = 2): Line => ({ indent, spans });
/** a line of one span */
const say = (text: string, style?: Style, indent = 2): Line => line([span(text, style)], indent);
const plural = (k: number, word: string) => `${word}${k === 1 ? '' : 's'}`;
const PERSON = ' (played by a person)';
const lastRound = (round: number) => `round ${round} was the last and no text won every required consent.`;
/** utilities this close are equal: sums of floats differ in the last bits */
const EPS = 1e-12;

/** "Values of no deal drift: Russia 0.400 → 0.380, …." — also the after-action report's words. */
export function driftWords(
  changes: readonly { readonly actor: string; readonly from: number; readonly to: number }[],
  name: (id: string) => string,
): string {
  return `Values of no deal drift: ${changes.map((c) => `${name(c.actor)} ${n3(c.from)} → ${n3(c.to)}`).join(', ')}.`;
}

/** A ratification as its label and the rest ("Ratification fails", ": Russia no longer accepts …") — also the report's. */
export function ratificationWords(
  ratified: boolean,
  failing: readonly string[],
  name: (id: string) => string,
): { readonly label: string; readonly rest: string } {
  if (ratified)
    return {
      label: 'Ratified',
      rest: ': under the values of no deal and red lines as they stand now, every required actor still accepts.',
    };
  const who = failing.length
    ? `${listing(failing.map(name))} no longer accept${failing.length > 1 ? '' : 's'}`
    : 'a rule is broken';
  return {
    label: 'Ratification fails',
    rest: `: ${who} under the values of no deal and red lines as they stand now.`,
  };
}

/** A value of no deal that moved, without the numbers: a higher one hardens a position, a lower one softens it. */
export function publicShift(who: string, from: number, to: number): string {
  if (Math.abs(to - from) < EPS) return `${who}'s value of no deal is unchanged`;
  return to > from
    ? `${who}'s value of no deal rises: its position hardens`
    : `${who}'s value of no deal falls: its position softens`;
}

/**
 * A goodwill gesture and what it did, without numbers (it moves no value anyone keeps private) — also the
 * after-action report's words. `short`: the play screen's line.
 */
export function goodwillWords(who: string, renewed: boolean, forgiven: boolean, short = false): string {
  const patience = short ? "the mediator's patience renewed" : "the mediator's patience is renewed";
  const blame = short ? 'one round of blame forgiven' : 'one round of blame is forgiven';
  const did = [...(renewed ? [patience] : []), ...(forgiven ? [blame] : [])];
  const head = `${who} makes a goodwill gesture`;
  if (did.length) return `${head}: ${did.join('; ')}`;
  return `${head}: it concedes nothing on the table${short ? '' : ', and there is no patience to renew and no blame to forgive'}`;
}

export class Narration {
  readonly #s: Scenario;
  readonly #run: boolean;
  readonly #teams: ReadonlySet<string>;
  readonly #public: boolean;
  constructor(scenario: Scenario, options: NarrationOptions = {}) {
    this.#s = scenario;
    this.#run = (options.voice ?? 'run') === 'run';
    this.#teams = new Set(options.teams ?? []);
    this.#public = options.public ?? false;
  }

  name(id: string): string {
    return actorName(this.#s, id);
  }

  names(ids: readonly string[]): string {
    return listing(ids.map((id) => this.name(id)));
  }

  issue(id: string): string {
    return issueLabel(this.#s, id);
  }

  option(issueId: string, value: TermValue): string {
    return optionLabel(this.#s, issueId, value);
  }

  /** Whether a person moves for the actor: the run reads it off the entry, the screen off the teams. */
  #person(actor: string, human: boolean | undefined): boolean {
    return this.#run ? human === true : this.#teams.has(actor);
  }

  /** An actor's name, marked when a person plays it. */
  who(actor: string, human?: boolean): string {
    if (!this.#person(actor, human)) return this.name(actor);
    return `${this.name(actor)}${this.#run ? PERSON : ' (team)'}`;
  }

  /** A red line or rule as cited: its text, its sources, and a flag when it is unconfirmed. */
  redLine(v: Violation): Span[] {
    return [
      span(`"${v.text}"`),
      ...(v.sources.length ? [span(` [${v.sources.join(', ')}]`, 'aside')] : []),
      ...(v.confirmed ? [] : [span(' (unconfirmed)', 'warn')]),
    ];
  }

  reason(r: ChangeReasonEntry): Span[] {
    switch (r.kind) {
      case 'red-line':
        return [span(`so that ${this.name(r.actor)}'s red line holds: `), ...this.redLine(r.redLine)];
      case 'rule':
        return [span('so that the rule holds: '), ...this.redLine(r.rule)];
      case 'consent':
        return [span(`left at the status quo, so ${this.name(r.actor)}'s consent is no longer needed`)];
      case 'ask':
        // the ask is a public demand; how much the term costs the actor is not
        if (this.#public) return [span(`as ${this.name(r.actor)} asked`)];
        return [
          span(
            `${this.name(r.actor)} gets less than no deal and asked for this term (it costs it ${n3(r.cost)})`,
          ),
        ];
      case 'frontier':
        return [
          span(
            `to reach the nearest text that every required actor prefers to no deal${r.meets.length ? ` and that gives ${this.names(r.meets)} what ${r.meets.length > 1 ? 'they' : 'it'} asked for` : ''}`,
          ),
        ];
    }
  }

  change(c: TermChangeEntry, indent: number): Line {
    return line(
      [
        span(`${this.issue(c.issue)}: `, 'term'),
        span(`${this.option(c.issue, c.from)} → `),
        span(this.option(c.issue, c.to), 'changed'),
        ...(c.reason ? [span(' — ', 'aside'), ...this.reason(c.reason)] : []),
      ],
      indent,
    );
  }

  /** The terms of a sheet that differ from the status quo. */
  terms(sheet: TermSheet, indent: number): Line[] {
    return this.#s.issues
      .filter(
        (x) => sheet[x.id] !== undefined && this.option(x.id, sheet[x.id]!) !== x.options[x.statusQuo]!.label,
      )
      .map((x) => line([span(`${x.label}: `, 'term'), span(this.option(x.id, sheet[x.id]!))], indent));
  }

  /** What an inject does, or nothing when the entry that follows tells it. */
  effect(x: EffectNote): Span[] {
    const who = x.actor ? this.name(x.actor) : '';
    switch (x.kind) {
      case 'set-reservation':
      case 'shift-reservation':
        if (this.#public) return [span(publicShift(who, x.from ?? 0, x.to ?? 0))];
        return [span(`${who}'s value of no deal: ${n3(x.from ?? 0)} → ${n3(x.to ?? 0)}`)];
      case 'set-weight':
        if (this.#public) return [span(`${who} changes the weight it gives ${this.issue(x.issue ?? '')}`)];
        return [span(`${who} now weighs ${this.issue(x.issue ?? '')} at ${x.to}`)];
      case 'add-red-line': {
        const rl = x.redLine;
        if (typeof rl !== 'object') return [span(`${who} adds a red line: ${rl}`)];
        return this.#run
          ? [span(`${who} adds a red line: `), ...this.redLine(rl)]
          : [span(`${who} adds a red line: ${rl.text}`)];
      }
      case 'drop-red-line':
        return [
          span(
            `${who} drops its red line ${typeof x.redLine === 'string' ? x.redLine : (x.redLine?.redLine ?? '')}`,
          ),
        ];
      case 'table':
        return [
          span(
            `document ${x.document} goes on the table (at once while tabling, else at ${this.#run ? 'the start of ' : ''}the next round)`,
          ),
        ];
      case 'walk-out':
        // the run tells it by the walk-out entry that follows
        return this.#run ? [] : [span(`${who} walks out`)];
      case 'goodwill':
        return [span(goodwillWords(who, x.patienceRenewed === true, x.blameForgiven === true, !this.#run))];
      default:
        return [];
    }
  }

  /** The lines of one entry. */
  entry(e: TranscriptEntry): Line[] {
    const run = this.#run;
    switch (e.kind) {
      case 'tabled': {
        const how =
          e.trigger === 'opening'
            ? 'opens with'
            : e.trigger === 'event'
              ? 'tables (a scheduled event)'
              : 'tables (an inject)';
        const head = line([
          span(`${this.name(e.by)} ${how} `),
          span(`"${e.title}"`, 'term'),
          span(run ? ` (${e.date}, document ${e.document}).` : ` (${e.date})`, 'aside'),
        ]);
        // the run introduces the list and sets it deeper
        const deep = run ? 6 : 4;
        const intro = (text: string) => (run ? [say(text, undefined, 4)] : []);
        if (e.terms)
          return [
            head,
            ...intro('Its terms, where they differ from the status quo:'),
            ...this.terms(e.terms, deep),
          ];
        if (!e.changes.length) return [head, say('It changes nothing.', 'aside', 4)];
        return [head, ...intro('It changes:'), ...e.changes.map((c) => this.change(c, deep))];
      }
      case 'proposal': {
        const who = this.who(e.actor, e.human);
        // a person's proposal has no aspiration of its own (the engine records its worth)
        const head = this.#public
          ? say(`${who} proposes a text:`)
          : line([
              span(`${who} proposes a text worth ${n3(e.utility)} to it`),
              ...(this.#person(e.actor, e.human)
                ? []
                : [span(` (it holds out for ${n3(e.aspiration)})`, 'aside')]),
              ...(run ? [span(':')] : []),
            ]);
        if (e.terms) return [head, ...this.terms(e.terms, 4)];
        return [
          head,
          ...(e.changes.length
            ? e.changes.map((c) => this.change(c, 4))
            : [say(`the same text as before${run ? '.' : ''}`, 'aside', 4)]),
        ];
      }
      case 'revised':
        return this.#revised(e);
      case 'verdict':
        return this.#verdict(e);
      case 'walk-out':
        return [line([span(`${this.name(e.actor)} walks out`, 'reject'), span(this.#walkOut(e))])];
      case 'inject': {
        const ev = e.event;
        const head = ev
          ? line([
              span('Event', 'alert'),
              span(`: ${ev.title}`),
              ...(ev.description ? [span(` — ${ev.description}`, 'aside')] : []),
              ...(ev.sources.length ? [span(` [${ev.sources.join(', ')}]`, 'aside')] : []),
              ...(ev.confirmed ? [] : [span(' (unconfirmed)', 'warn')]),
              ...(!run && e.trigger === 'manual' ? [span(' (injected by the facilitator)', 'aside')] : []),
            ])
          : line([span('Inject', 'alert'), span(' by the facilitator:')]);
        const why =
          run && e.blame
            ? [
                say(
                  `(fires because ${this.name(e.blame.actor)} has been blamed ${e.blame.count} ${plural(e.blame.count, 'time')}: a hypothesis of the scenario)`,
                  'dim',
                  4,
                ),
              ]
            : [];
        // a document an event tables is shown by the tabling line that follows
        const shown = e.effects
          .filter((x) => x.kind !== 'table' || e.trigger === 'manual')
          .map((x) => this.effect(x))
          .filter((spans) => spans.some((s) => s.text.trim()));
        return [head, ...why, ...shown.map((spans) => line(spans, 4))];
      }
      case 'drift':
        // values of no deal are private, and so is how they move
        if (this.#public) return [];
        return [
          say(
            driftWords(e.changes, (id) => this.name(id)),
            'dim',
          ),
        ];
      case 'tally': {
        if (e.agreement)
          return [
            line([
              span('Agreement', 'accept'),
              span(`: every required actor accepts (${this.names(e.accepting)}).`),
            ]),
          ];
        const sep = [span('; ')];
        const rules = e.ruleViolations.length
          ? [
              line(
                [
                  span(`The text breaks the rule${e.ruleViolations.length > 1 ? 's' : ''}: `),
                  ...e.ruleViolations.flatMap((v, k) => [...(k ? sep : []), ...this.redLine(v)]),
                ],
                4,
              ),
            ]
          : [];
        return [
          line([
            span('No agreement', 'strong'),
            span(
              e.rejecting.length
                ? `: ${this.names(e.rejecting)} ${e.rejecting.length > 1 ? 'reject' : 'rejects'}.`
                : '.',
            ),
          ]),
          ...rules,
        ];
      }
      case 'ratification': {
        if (run) {
          const w = ratificationWords(e.ratified, e.failing, (id) => this.name(id));
          return [line([span(w.label, e.ratified ? undefined : 'reject'), span(w.rest)])];
        }
        return e.ratified
          ? [
              line([
                span('Ratified', 'accept'),
                span(': every required actor still accepts, as things stand now.'),
              ]),
            ]
          : [
              line([
                span('Ratification fails', 'reject'),
                span(
                  `: ${e.failing.length ? `${this.names(e.failing)} no longer accept${e.failing.length > 1 ? '' : 's'}` : 'a rule is broken'} as things stand now.`,
                ),
              ]),
            ];
      }
      // the run tells the end once, with the final terms (outcome)
      case 'signed':
        return run ? [] : [say(`Signed in round ${e.round}.`, 'accept', 0)];
      case 'stalemate':
        return run ? [] : [say(`Stalemate: ${lastRound(e.round)}`, 'strong', 0)];
      case 'collapsed':
        return run ? [] : [say(`The ${this.#collapse(e.round, e.actors)}`, 'reject', 0)];
      case 'agreement':
        return [];
    }
  }

  #collapse(round: number, actors: readonly string[]): string {
    return `talks collapse in round ${round}: ${this.names(actors)} walked out.`;
  }

  #revised(e: Extract<TranscriptEntry, { kind: 'revised' }>): Line[] {
    if (e.changes.length === 0) {
      if (e.nothingNew)
        return [
          say(
            `${this.#run ? this.name(e.actor) : this.who(e.actor)} keeps the text: it has nothing new to offer — every change it could make would undo one of its own or bring back a text already tabled, and nothing has happened since.`,
          ),
        ];
      const unmet = e.unmet.length
        ? `: it finds no change for ${this.names(e.unmet)} that ${this.#run ? `breaks no red line, leaves nobody below no deal and keeps its own aspiration (${n3(e.aspiration)})` : 'keeps every red line and its own aspiration'}`
        : '';
      return [say(`${this.#run ? this.name(e.actor) : this.who(e.actor)} keeps the text${unmet}.`)];
    }
    const who = this.who(e.actor, e.human);
    if (!this.#run) return [say(`${who} revises the text:`), ...e.changes.map((c) => this.change(c, 4))];
    // the run tells a redraft to the frontier once, with its reason, after the local changes
    const local = e.changes.filter((c) => c.reason?.kind !== 'frontier');
    const redraft = e.changes.filter((c) => c.reason?.kind === 'frontier');
    const lines = local.length
      ? [say(`${who} revises the text:`), ...local.map((c) => this.change(c, 4))]
      : [];
    if (redraft.length) {
      const why = this.reason(redraft[0]!.reason!);
      lines.push(
        local.length
          ? line([span('and, '), ...why, span(':')], 4)
          : line([span(`${who} revises the text, `), ...why, span(':')]),
        ...redraft.map((c) => this.change({ issue: c.issue, from: c.from, to: c.to }, local.length ? 6 : 4)),
      );
    }
    return lines;
  }

  #verdict(e: Extract<TranscriptEntry, { kind: 'verdict' }>): Line[] {
    const who = this.who(e.actor, e.human);
    const mark = (accepts: boolean) => (this.#run ? '' : accepts ? '✓ ' : '✗ ');
    const verb = (accepts: boolean) => (accepts ? span('accepts', 'accept') : span('rejects', 'reject'));
    // the screen keeps what a term costs the actor to itself
    const asks = e.asks.length
      ? ` It asks for changes to ${e.asks.map((a) => `${this.issue(a.issue)}${this.#run ? ` (${n3(a.cost)})` : ''}`).join(', ')}.`
      : '';
    if (this.#public && (e.accepts || e.violations.length === 0))
      return [line([span(`${mark(e.accepts)}${who} `), verb(e.accepts), span(e.accepts ? '.' : `.${asks}`)])];
    const worth = `worth ${n3(e.utility)} to it`;
    const noDeal = `(no deal: ${n3(e.reservation)})`;
    // a person has no aspiration of its own to hold out for
    const person = !this.#run && e.human === true;
    if (e.accepts) {
      const why =
        e.strategy === 'mediator'
          ? `it keeps its red lines and is ${worth}, more than no deal (${n3(e.reservation)})`
          : person
            ? `${worth} ${noDeal}`
            : `${worth}, no less than the ${n3(e.aspiration)} it holds out for ${noDeal}`;
      return [line([span(`${mark(true)}${who} `), verb(true), span(`: ${why}.`)])];
    }
    if (e.violations.length)
      return [
        line([
          span(`${mark(false)}${who} `),
          verb(false),
          span(`: the text crosses its red line${e.violations.length > 1 ? 's' : ''}:`),
        ]),
        ...e.violations.map((v) => line(this.redLine(v), 4)),
      ];
    const why =
      e.utility < e.reservation - EPS
        ? `${worth}, less than no deal (${n3(e.reservation)})`
        : person
          ? `${worth} ${noDeal}`
          : `${worth}, short of the ${n3(e.aspiration)} it holds out for ${noDeal}`;
    return [line([span(`${mark(false)}${who} `), verb(false), span(`: ${why}.${asks}`)])];
  }

  #walkOut(e: Extract<TranscriptEntry, { kind: 'walk-out' }>): string {
    if (this.#run && e.stalled !== undefined)
      return `: ${e.stalled} ${plural(e.stalled, 'round')} without progress (no more required actors accepting, no smaller shortfall than before) exhausted its patience.`;
    if (e.cause === 'strategy') {
      const here = this.#run ? 'at this table' : 'here';
      if (this.#public) return `: nothing it could accept ${here} is worth more to it than no deal.`;
      const best =
        e.best === null || e.best === undefined ? 'no package keeps its red lines' : `at best ${n3(e.best)}`;
      return `: nothing it could accept ${here} is worth its value of no deal (${best} < ${n3(e.reservation ?? 0)}).`;
    }
    return `${e.event ? ` (event ${e.event})` : ''}.`;
  }

  /** Every entry, under a heading per round (the run leaves a blank line before each). */
  transcript(entries: readonly TranscriptEntry[]): Line[] {
    const out: Line[] = [];
    let round = -1;
    for (const e of entries) {
      if (e.round !== round && e.round > 0) {
        round = e.round;
        if (this.#run) out.push(line([], 0));
        out.push(say(`Round ${round}`, 'heading', 0));
      }
      out.push(...this.entry(e));
    }
    return out;
  }

  /** The run's opening lines: the title, the protocol, the parties, the rounds and seed, the strategies. */
  header(options: ResolvedOptions): Line[] {
    const s = this.#s;
    const pr = s.protocol;
    const kind =
      pr.kind === 'mediated-single-text'
        ? `a single negotiating text, mediated by ${this.name(s.actors[pr.mediator ?? pr.parties[0]!]!.id)}`
        : 'alternating offers';
    const strategies = s.actors
      .map((a) => `${a.name} ${strategyLabel(options.strategies[a.index]!)}`)
      .join(', ');
    const parties = this.names(pr.parties.map((a) => s.actors[a]!.id));
    return [
      say(s.title, 'title', 0),
      say(`${kind}; parties ${parties}; up to ${options.maxRounds} rounds; seed ${options.seed}`, 'dim', 0),
      say(`strategies: ${strategies}`, 'dim', 0),
    ];
  }

  /** The run's last lines: how it ended, with the final terms, or whom it waits for. */
  outcome(entries: readonly TranscriptEntry[], waitingFor: string | null): Line[] {
    const last = runOutcome(entries);
    const blank = line([], 0);
    if (last?.kind === 'signed') {
      const worth = Object.entries(last.utilities ?? {}).map(([a, v]) => `${this.name(a)} ${n3(v)}`);
      return [
        blank,
        say(`Outcome: signed in round ${last.round}.`, 'signed', 0),
        ...(last.durability ? [this.durability(last.durability)] : []),
        say('The agreed terms (where they differ from the status quo):'),
        ...this.terms(last.terms, 4),
        say('Worth to each actor:'),
        say(worth.join(', '), undefined, 4),
      ];
    }
    if (last?.kind === 'stalemate')
      return [
        blank,
        say(`Outcome: stalemate — ${lastRound(last.round)}`, 'strong', 0),
        ...(last.blame ? [this.blame(last.blame)] : []),
        say('The last text on the table (where it differs from the status quo):'),
        ...this.terms(last.terms, 4),
      ];
    if (last?.kind === 'collapsed')
      return [
        blank,
        say(`Outcome: the ${this.#collapse(last.round, last.actors)}`, 'collapsed', 0),
        ...(last.blame ? [this.blame(last.blame)] : []),
      ];
    if (!waitingFor) return [];
    const stop = `The run stops in round ${entries.at(-1)?.round ?? 0}: it waits for ${this.name(waitingFor)}, played by a person.`;
    return [blank, say(stop, 'alert', 0)];
  }

  /** The estimated durability and the factors that moved it, as the scenario's assumption. */
  durability(d: DurabilityNote): Line {
    const parts = [
      `base ${n2(d.base)}`,
      ...movingFactors(d.factors).map((f) => `${f.label} ${shift2(f.shift)}`),
    ];
    return say(`Estimated durability ${n2(d.value)} — ${DURABILITY_CAVEAT}: ${parts.join('; ')}.`);
  }

  /** Who stood alone, and who walked out, as the engine counts blame — neutrally. */
  blame(list: readonly BlameCount[]): Line {
    const head =
      'Blame as the engine counts it (lone holdout on a text all other required actors accepted, or a walk-out)';
    if (list.length === 0) return say(`${head}: nobody.`);
    const holdouts = [...new Set(list.flatMap((b) => b.holdouts))].sort((a, b) => a - b);
    const who = list
      .map(
        (b) =>
          `${this.name(b.actor)} (${b.count}${b.walkOut === null ? '' : `, walked out in round ${b.walkOut}`})`,
      )
      .join('; ');
    const rounds = `${plural(holdouts.length, 'round')} ${holdouts.join(', ')}`;
    return say(`${head}: ${holdouts.length ? `lone holdout in ${rounds}: ` : ''}${who}.`);
  }
}
