// A session's transcript in plain words for the play screen, entry by entry: what was tabled, the terms that moved
// and why, each verdict and its reasons, injects, drift, the outcome. The same words as `peacesim run`
// (src/cli/narrate.ts), as styled spans; the UI may not import the CLI, so they are told again here.
// The public view (what the teams may see) keeps every public fact — verdicts, red lines with their sources,
// asks, events — and drops every private number: utilities, aspirations, values of no deal, costs, drift.
import type { Violation } from '../domain/evaluate.ts';
import type { Scenario } from '../domain/types.ts';
import { optionOf, type TermSheet, type TermValue } from '../engine/terms.ts';
import type {
  ChangeReasonEntry,
  EffectNote,
  TermChangeEntry,
  TranscriptEntry,
} from '../engine/transcript.ts';
import type { Span } from './layout.ts';
import type { Theme } from './theme.ts';

export interface Line {
  /** columns of indentation (wrapped lines keep it) */
  readonly indent: number;
  readonly spans: readonly Span[];
}

const n3 = (x: number) => x.toFixed(3);

export interface WordsOptions {
  /** the teams' view: no actor's utility, aspiration, value of no deal, weights or costs */
  readonly public?: boolean;
}

export class TranscriptWords {
  readonly #s: Scenario;
  readonly #t: Theme;
  /** actor ids the teams play */
  readonly #teams: ReadonlySet<string>;
  readonly #public: boolean;
  constructor(scenario: Scenario, theme: Theme, teams: readonly string[] = [], options: WordsOptions = {}) {
    this.#s = scenario;
    this.#t = theme;
    this.#teams = new Set(teams);
    this.#public = options.public ?? false;
  }

  /** An actor's name, marked when a team plays it. */
  who(id: string): string {
    return `${this.name(id)}${this.#teams.has(id) ? ' (team)' : ''}`;
  }

  name(id: string): string {
    return this.#s.actors.find((a) => a.id === id)?.name ?? id;
  }

  names(ids: readonly string[]): string {
    const list = ids.map((id) => this.name(id));
    return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
  }

  issue(id: string): string {
    return this.#s.issues.find((x) => x.id === id)?.label ?? id;
  }

  option(issueId: string, value: TermValue): string {
    const i = this.#s.issueIndex.get(issueId);
    if (i === undefined) return String(value);
    const o = optionOf(this.#s, i, value);
    return o < 0 ? String(value) : this.#s.issues[i]!.options[o]!.label;
  }

  redLine(v: Violation): Span[] {
    return [
      { text: `"${v.text}"` },
      ...(v.sources.length ? [{ text: ` [${v.sources.join(', ')}]`, dim: true }] : []),
      ...(v.confirmed ? [] : [{ text: ' (unconfirmed)', color: this.#t.warn }]),
    ];
  }

  reason(r: ChangeReasonEntry): Span[] {
    switch (r.kind) {
      case 'red-line':
        return [{ text: `so that ${this.name(r.actor)}'s red line holds: ` }, ...this.redLine(r.redLine)];
      case 'rule':
        return [{ text: 'so that the rule holds: ' }, ...this.redLine(r.rule)];
      case 'consent':
        return [{ text: `left at the status quo, so ${this.name(r.actor)}'s consent is no longer needed` }];
      case 'ask':
        // the ask is a public demand; how much the term costs the actor is not
        if (this.#public) return [{ text: `as ${this.name(r.actor)} asked` }];
        return [
          {
            text: `${this.name(r.actor)} gets less than no deal and this term costs it most (${n3(r.cost)})`,
          },
        ];
      case 'frontier':
        return [
          {
            text: `to reach the nearest text that every required actor prefers to no deal${r.meets.length ? ` and that gives ${this.names(r.meets)} what ${r.meets.length > 1 ? 'they' : 'it'} asked for` : ''}`,
          },
        ];
    }
  }

  change(c: TermChangeEntry, indent: number): Line {
    return {
      indent,
      spans: [
        { text: `${this.issue(c.issue)}: `, bold: true },
        { text: `${this.option(c.issue, c.from)} → ` },
        { text: this.option(c.issue, c.to), color: this.#t.changed },
        ...(c.reason ? [{ text: ' — ', dim: true }, ...this.reason(c.reason)] : []),
      ],
    };
  }

  /** The terms of a sheet that differ from the status quo. */
  terms(sheet: TermSheet, indent: number): Line[] {
    return this.#s.issues
      .filter(
        (x) => sheet[x.id] !== undefined && this.option(x.id, sheet[x.id]!) !== x.options[x.statusQuo]!.label,
      )
      .map((x) => ({
        indent,
        spans: [{ text: `${x.label}: `, bold: true }, { text: this.option(x.id, sheet[x.id]!) }],
      }));
  }

  effect(x: EffectNote): string {
    const who = x.actor ? this.name(x.actor) : '';
    switch (x.kind) {
      case 'set-reservation':
      case 'shift-reservation':
        if (this.#public) return publicShift(who, x.from ?? 0, x.to ?? 0);
        return `${who}'s value of no deal: ${n3(x.from ?? 0)} → ${n3(x.to ?? 0)}`;
      case 'set-weight':
        if (this.#public) return `${who} changes the weight it gives ${this.issue(x.issue ?? '')}`;
        return `${who} now weighs ${this.issue(x.issue ?? '')} at ${x.to}`;
      case 'add-red-line':
        return `${who} adds a red line: ${typeof x.redLine === 'object' ? x.redLine.text : x.redLine}`;
      case 'drop-red-line':
        return `${who} drops its red line ${typeof x.redLine === 'string' ? x.redLine : (x.redLine?.redLine ?? '')}`;
      case 'table':
        return `document ${x.document} goes on the table (at once while tabling, else at the next round)`;
      case 'walk-out':
        return `${who} walks out`;
      default:
        return '';
    }
  }

  /** The lines of one entry. */
  entry(e: TranscriptEntry): Line[] {
    const t = this.#t;
    const line = (spans: Span[], indent = 2): Line => ({ indent, spans });
    switch (e.kind) {
      case 'tabled': {
        const how =
          e.trigger === 'opening'
            ? 'opens with'
            : e.trigger === 'event'
              ? 'tables (a scheduled event)'
              : 'tables (an inject)';
        const head = line([
          { text: `${this.name(e.by)} ${how} ` },
          { text: `"${e.title}"`, bold: true },
          { text: ` (${e.date})`, dim: true },
        ]);
        if (e.terms) return [head, ...this.terms(e.terms, 4)];
        return [
          head,
          ...(e.changes.length
            ? e.changes.map((c) => this.change(c, 4))
            : [line([{ text: 'It changes nothing.', dim: true }], 4)]),
        ];
      }
      case 'proposal': {
        // a team's proposal has no aspiration of its own (the engine records its worth)
        const head = this.#public
          ? line([{ text: `${this.who(e.actor)} proposes a text:` }])
          : line([
              { text: `${this.who(e.actor)} proposes a text worth ${n3(e.utility)} to it` },
              ...(this.#teams.has(e.actor)
                ? []
                : [{ text: ` (it holds out for ${n3(e.aspiration)})`, dim: true }]),
            ]);
        if (e.terms) return [head, ...this.terms(e.terms, 4)];
        return [
          head,
          ...(e.changes.length
            ? e.changes.map((c) => this.change(c, 4))
            : [line([{ text: 'the same text as before', dim: true }], 4)]),
        ];
      }
      case 'revised': {
        const who = this.who(e.actor);
        if (e.changes.length === 0)
          return [
            line([
              {
                text: `${who} keeps the text${e.unmet.length ? `: it finds no change for ${this.names(e.unmet)} that keeps every red line and its own aspiration` : ''}.`,
              },
            ]),
          ];
        return [line([{ text: `${who} revises the text:` }]), ...e.changes.map((c) => this.change(c, 4))];
      }
      case 'verdict': {
        const who = this.who(e.actor);
        if (this.#public && (e.accepts || e.violations.length === 0)) return [this.publicVerdict(e)];
        if (e.accepts) {
          const why =
            e.strategy === 'mediator'
              ? `it keeps its red lines and is worth ${n3(e.utility)} to it, more than no deal (${n3(e.reservation)})`
              : e.human
                ? `worth ${n3(e.utility)} to it (no deal: ${n3(e.reservation)})`
                : `worth ${n3(e.utility)} to it, no less than the ${n3(e.aspiration)} it holds out for (no deal: ${n3(e.reservation)})`;
          return [
            line([
              { text: `✓ ${who} ` },
              { text: 'accepts', color: t.accept, bold: true },
              { text: `: ${why}.` },
            ]),
          ];
        }
        if (e.violations.length)
          return [
            line([
              { text: `✗ ${who} ` },
              { text: 'rejects', color: t.reject, bold: true },
              { text: `: the text crosses its red line${e.violations.length > 1 ? 's' : ''}:` },
            ]),
            ...e.violations.map((v) => line(this.redLine(v), 4)),
          ];
        const below = e.utility < e.reservation - 1e-12;
        const why = below
          ? `worth ${n3(e.utility)} to it, less than no deal (${n3(e.reservation)})`
          : e.human
            ? `worth ${n3(e.utility)} to it (no deal: ${n3(e.reservation)})`
            : `worth ${n3(e.utility)} to it, short of the ${n3(e.aspiration)} it holds out for (no deal: ${n3(e.reservation)})`;
        const asks = e.asks.length
          ? ` It asks for changes to ${e.asks.map((a) => this.issue(a.issue)).join(', ')}.`
          : '';
        return [
          line([
            { text: `✗ ${who} ` },
            { text: 'rejects', color: t.reject, bold: true },
            { text: `: ${why}.${asks}` },
          ]),
        ];
      }
      case 'walk-out':
        return [
          line([
            { text: `${this.name(e.actor)} walks out`, color: t.reject, bold: true },
            {
              text:
                e.cause === 'strategy' && this.#public
                  ? ': nothing it could accept here is worth more to it than no deal.'
                  : e.cause === 'strategy'
                    ? `: nothing it could accept here is worth its value of no deal (${e.best === null || e.best === undefined ? 'no package keeps its red lines' : `at best ${n3(e.best)}`} < ${n3(e.reservation ?? 0)}).`
                    : e.event
                      ? ` (event ${e.event}).`
                      : '.',
            },
          ]),
        ];
      case 'inject': {
        const ev = e.event;
        const by = e.trigger === 'manual' ? [{ text: ' (injected by the facilitator)', dim: true }] : [];
        const head = ev
          ? line([
              { text: 'Event', color: t.warn, bold: true },
              { text: `: ${ev.title}` },
              ...(ev.description ? [{ text: ` — ${ev.description}`, dim: true }] : []),
              ...(ev.sources.length ? [{ text: ` [${ev.sources.join(', ')}]`, dim: true }] : []),
              ...(ev.confirmed ? [] : [{ text: ' (unconfirmed)', color: t.warn }]),
              ...by,
            ])
          : line([{ text: 'Inject', color: t.warn, bold: true }, { text: ' by the facilitator:' }]);
        // a document an event tables is shown by the tabling line that follows
        const shown = e.effects
          .filter((x) => x.kind !== 'table' || e.trigger === 'manual')
          .map((x) => this.effect(x))
          .filter((x) => x);
        return [head, ...shown.map((x) => line([{ text: x }], 4))];
      }
      case 'drift':
        // values of no deal are private, and so is how they move
        if (this.#public) return [];
        return [
          line([
            {
              text: `Values of no deal drift: ${e.changes.map((c) => `${this.name(c.actor)} ${n3(c.from)} → ${n3(c.to)}`).join(', ')}.`,
              dim: true,
            },
          ]),
        ];
      case 'tally': {
        const rules = e.ruleViolations.length
          ? [
              line(
                [
                  { text: `The text breaks the rule${e.ruleViolations.length > 1 ? 's' : ''}: ` },
                  ...e.ruleViolations.flatMap((v) => this.redLine(v)),
                ],
                4,
              ),
            ]
          : [];
        if (e.agreement)
          return [
            line([
              { text: 'Agreement', color: t.accept, bold: true },
              { text: `: every required actor accepts (${this.names(e.accepting)}).` },
            ]),
          ];
        return [
          line([
            { text: 'No agreement', bold: true },
            {
              text: e.rejecting.length
                ? `: ${this.names(e.rejecting)} ${e.rejecting.length > 1 ? 'reject' : 'rejects'}.`
                : '.',
            },
          ]),
          ...rules,
        ];
      }
      case 'ratification':
        return e.ratified
          ? [
              line([
                { text: 'Ratified', color: t.accept, bold: true },
                { text: ': every required actor still accepts, as things stand now.' },
              ]),
            ]
          : [
              line([
                { text: 'Ratification fails', color: t.reject, bold: true },
                {
                  text: `: ${e.failing.length ? `${this.names(e.failing)} no longer accept${e.failing.length > 1 ? '' : 's'}` : 'a rule is broken'} as things stand now.`,
                },
              ]),
            ];
      case 'signed':
        return [line([{ text: `Signed in round ${e.round}.`, color: t.accept, bold: true }], 0)];
      case 'stalemate':
        return [
          line(
            [
              {
                text: `Stalemate: round ${e.round} was the last and no text won every required consent.`,
                bold: true,
              },
            ],
            0,
          ),
        ];
      case 'collapsed':
        return [
          line(
            [
              {
                text: `The talks collapse in round ${e.round}: ${this.names(e.actors)} walked out.`,
                color: t.reject,
                bold: true,
              },
            ],
            0,
          ),
        ];
      case 'agreement':
        return [];
    }
  }

  /** A verdict without red lines to cite, in public: accept or reject, and the asks (public demands). */
  publicVerdict(e: Extract<TranscriptEntry, { kind: 'verdict' }>): Line {
    const t = this.#t;
    const asks = e.asks.length
      ? ` It asks for changes to ${e.asks.map((a) => this.issue(a.issue)).join(', ')}.`
      : '';
    return {
      indent: 2,
      spans: e.accepts
        ? [
            { text: `✓ ${this.who(e.actor)} ` },
            { text: 'accepts', color: t.accept, bold: true },
            { text: '.' },
          ]
        : [
            { text: `✗ ${this.who(e.actor)} ` },
            { text: 'rejects', color: t.reject, bold: true },
            { text: `.${asks}` },
          ],
    };
  }

  /** Every entry, under a heading per round. */
  transcript(entries: readonly TranscriptEntry[]): Line[] {
    const out: Line[] = [];
    let round = -1;
    for (const e of entries) {
      if (e.round !== round && e.round > 0) {
        round = e.round;
        out.push({ indent: 0, spans: [{ text: `Round ${round}`, bold: true, color: this.#t.accent }] });
      }
      out.push(...this.entry(e));
    }
    return out;
  }
}

/** A value of no deal that moved, without the numbers: a higher one hardens a position, a lower one softens it. */
export function publicShift(who: string, from: number, to: number): string {
  if (Math.abs(to - from) < 1e-12) return `${who}'s value of no deal is unchanged`;
  return to > from
    ? `${who}'s value of no deal rises: its position hardens`
    : `${who}'s value of no deal falls: its position softens`;
}
