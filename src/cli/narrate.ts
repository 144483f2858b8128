// The transcript of a run in plain words, round by round: what was tabled, each actor's verdict and why (with
// red-line text and sources), what the mediator changed and why, injects, and the outcome with the final terms.
import type { Violation } from '../domain/evaluate.ts';
import type { Scenario } from '../domain/types.ts';
import type { ResolvedOptions } from '../engine/options.ts';
import { optionOf, type TermSheet, type TermValue } from '../engine/terms.ts';
import type {
  BlameCount,
  ChangeReasonEntry,
  DurabilityNote,
  TermChangeEntry,
  TranscriptEntry,
} from '../engine/transcript.ts';
import type { Palette } from './io.ts';

const n3 = (x: number) => x.toFixed(3);
const n2 = (x: number) => x.toFixed(2);
const signed2 = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x).toFixed(2)}`;
const rounds = (list: readonly number[]) => `round${list.length > 1 ? 's' : ''} ${list.join(', ')}`;

export class Narrator {
  readonly #s: Scenario;
  readonly #p: Palette;
  constructor(scenario: Scenario, palette: Palette) {
    this.#s = scenario;
    this.#p = palette;
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

  redLine(v: Violation): string {
    const src = v.sources.length ? ` [${v.sources.join(', ')}]` : '';
    return `"${v.text}"${src}${v.confirmed ? '' : this.#p.yellow(' (unconfirmed)')}`;
  }

  header(options: ResolvedOptions): string[] {
    const s = this.#s;
    const pr = s.protocol;
    const kind =
      pr.kind === 'mediated-single-text'
        ? `a single negotiating text, mediated by ${this.name(s.actors[pr.mediator ?? pr.parties[0]!]!.id)}`
        : 'alternating offers';
    const strategies = s.actors
      .map((a) => {
        const st = options.strategies[a.index]!;
        const params = Object.entries(st.params)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
        return `${a.name} ${st.kind}${params ? ` (${params})` : ''}`;
      })
      .join(', ');
    return [
      this.#p.bold(s.title),
      this.#p.dim(
        `${kind}; parties ${this.names(pr.parties.map((a) => s.actors[a]!.id))}; up to ${options.maxRounds} rounds; seed ${options.seed}`,
      ),
      this.#p.dim(`strategies: ${strategies}`),
    ];
  }

  change(c: TermChangeEntry): string {
    const head = `${this.issue(c.issue)}: ${this.option(c.issue, c.from)} → ${this.#p.cyan(this.option(c.issue, c.to))}`;
    return c.reason ? `${head} — ${this.reason(c.reason)}` : head;
  }

  reason(r: ChangeReasonEntry): string {
    switch (r.kind) {
      case 'red-line':
        return `so that ${this.name(r.actor)}'s red line holds: ${this.redLine(r.redLine)}`;
      case 'rule':
        return `so that the rule holds: ${this.redLine(r.rule)}`;
      case 'consent':
        return `left at the status quo, so ${this.name(r.actor)}'s consent is no longer needed`;
      case 'ask':
        return `${this.name(r.actor)} gets less than no deal and this term costs it most (${n3(r.cost)})`;
      case 'frontier':
        return `to reach the nearest text that every required actor prefers to no deal${r.meets.length ? ` and that gives ${this.names(r.meets)} what ${r.meets.length > 1 ? 'they' : 'it'} asked for` : ''}`;
    }
  }

  terms(sheet: TermSheet, onlyMoved: boolean): string[] {
    return this.#s.issues
      .filter((x) => !onlyMoved || this.option(x.id, sheet[x.id]!) !== x.options[x.statusQuo]!.label)
      .map((x) => `${this.issue(x.id)}: ${this.option(x.id, sheet[x.id]!)}`);
  }

  /** The lines of one entry (indented under its round). */
  entry(e: TranscriptEntry): string[] {
    const p = this.#p;
    const changes = (list: readonly TermChangeEntry[]) => list.map((c) => `    ${this.change(c)}`);
    switch (e.kind) {
      case 'tabled': {
        const how =
          e.trigger === 'opening'
            ? 'opens with'
            : e.trigger === 'event'
              ? 'tables (a scheduled event)'
              : 'tables (an inject)';
        const lines = [`  ${this.name(e.by)} ${how} "${e.title}" (${e.date}, document ${e.document}).`];
        if (e.terms)
          return [
            ...lines,
            '    Its terms, where they differ from the status quo:',
            ...this.terms(e.terms, true).map((t) => `      ${t}`),
          ];
        return [
          ...lines,
          ...(e.changes.length
            ? ['    It changes:', ...changes(e.changes).map((l) => `  ${l}`)]
            : ['    It changes nothing.']),
        ];
      }
      case 'proposal': {
        const lines = [
          e.human
            ? `  ${this.name(e.actor)} (played by a person) proposes a text worth ${n3(e.utility)} to it:`
            : `  ${this.name(e.actor)} proposes a text worth ${n3(e.utility)} to it (it holds out for ${n3(e.aspiration)}):`,
        ];
        if (e.terms) return [...lines, ...this.terms(e.terms, true).map((t) => `    ${t}`)];
        return [...lines, ...(e.changes.length ? changes(e.changes) : ['    the same text as before.'])];
      }
      case 'revised': {
        if (e.changes.length === 0)
          return [
            `  ${this.name(e.actor)} keeps the text${e.unmet.length ? `: it finds no change for ${this.names(e.unmet)} that breaks no red line, leaves nobody below no deal and keeps its own aspiration (${n3(e.aspiration)})` : ''}.`,
          ];
        const local = e.changes.filter((c) => c.reason?.kind !== 'frontier');
        const redraft = e.changes.filter((c) => c.reason?.kind === 'frontier');
        const who = `${this.name(e.actor)}${e.human ? ' (played by a person)' : ''}`;
        const lines = local.length ? [`  ${who} revises the text:`, ...changes(local)] : [];
        if (redraft.length) {
          const why = this.reason(redraft[0]!.reason!);
          const indent = local.length ? '      ' : '    ';
          lines.push(
            local.length ? `    and, ${why}:` : `  ${who} revises the text, ${why}:`,
            ...redraft.map((c) => `${indent}${this.change({ issue: c.issue, from: c.from, to: c.to })}`),
          );
        }
        return lines;
      }
      case 'verdict': {
        const who = `${this.name(e.actor)}${e.human ? ' (played by a person)' : ''}`;
        if (e.accepts) {
          const why =
            e.strategy === 'mediator'
              ? `it keeps its red lines and is worth ${n3(e.utility)} to it, more than no deal (${n3(e.reservation)})`
              : `worth ${n3(e.utility)} to it, no less than the ${n3(e.aspiration)} it holds out for (no deal: ${n3(e.reservation)})`;
          return [`  ${who} ${p.green('accepts')}: ${why}.`];
        }
        if (e.violations.length)
          return [
            `  ${who} ${p.red('rejects')}: the text crosses its red line${e.violations.length > 1 ? 's' : ''}:`,
            ...e.violations.map((v) => `    ${this.redLine(v)}`),
          ];
        const below = e.utility < e.reservation - 1e-12;
        const why = below
          ? `worth ${n3(e.utility)} to it, less than no deal (${n3(e.reservation)})`
          : `worth ${n3(e.utility)} to it, short of the ${n3(e.aspiration)} it holds out for (no deal: ${n3(e.reservation)})`;
        const asks = e.asks.length
          ? ` It asks for changes to ${e.asks.map((a) => `${this.issue(a.issue)} (${n3(a.cost)})`).join(', ')}.`
          : '';
        return [`  ${who} ${p.red('rejects')}: ${why}.${asks}`];
      }
      case 'walk-out':
        if (e.stalled !== undefined)
          return [
            `  ${p.red(`${this.name(e.actor)} walks out`)}: ${e.stalled} round${e.stalled === 1 ? '' : 's'} without progress (no more required actors accepting, no smaller shortfall than before) exhausted its patience.`,
          ];
        return e.cause === 'strategy'
          ? [
              `  ${p.red(`${this.name(e.actor)} walks out`)}: nothing it could accept at this table is worth its value of no deal (${e.best === null || e.best === undefined ? 'no package keeps its red lines' : `at best ${n3(e.best)}`} < ${n3(e.reservation ?? 0)}).`,
            ]
          : [`  ${p.red(`${this.name(e.actor)} walks out`)}${e.event ? ` (event ${e.event})` : ''}.`];
      case 'inject': {
        const ev = e.event;
        const head = ev
          ? `  ${p.yellow('Event')}: ${ev.title}${ev.description ? ` — ${ev.description}` : ''}${ev.sources.length ? ` [${ev.sources.join(', ')}]` : ''}${ev.confirmed ? '' : p.yellow(' (unconfirmed)')}`
          : `  ${p.yellow('Inject')} by the facilitator:`;
        const why = e.blame
          ? [
              `    ${p.dim(`(fires because ${this.name(e.blame.actor)} has been blamed ${e.blame.count} time${e.blame.count === 1 ? '' : 's'}: a hypothesis of the scenario)`)}`,
            ]
          : [];
        // a document an event tables is shown by the tabling line that follows
        const shown = e.effects.filter((x) => x.kind !== 'table' || e.trigger === 'manual');
        return [head, ...why, ...shown.map((x) => `    ${this.effect(x)}`).filter((l) => l.trim())];
      }
      case 'drift':
        return [
          `  ${p.dim(`Values of no deal drift: ${e.changes.map((c) => `${this.name(c.actor)} ${n3(c.from)} → ${n3(c.to)}`).join(', ')}.`)}`,
        ];
      case 'tally': {
        const rules = e.ruleViolations.length
          ? [
              `    The text breaks the rule${e.ruleViolations.length > 1 ? 's' : ''}: ${e.ruleViolations.map((v) => this.redLine(v)).join('; ')}`,
            ]
          : [];
        if (e.agreement)
          return [`  ${p.green('Agreement')}: every required actor accepts (${this.names(e.accepting)}).`];
        return [
          `  ${p.bold('No agreement')}${e.rejecting.length ? `: ${this.names(e.rejecting)} ${e.rejecting.length > 1 ? 'reject' : 'rejects'}` : ''}.`,
          ...rules,
        ];
      }
      case 'agreement':
        return [];
      case 'ratification':
        return e.ratified
          ? [
              `  Ratified: under the values of no deal and red lines as they stand now, every required actor still accepts.`,
            ]
          : [
              `  ${p.red('Ratification fails')}: ${e.failing.length ? `${this.names(e.failing)} no longer accept${e.failing.length > 1 ? '' : 's'}` : 'a rule is broken'} under the values of no deal and red lines as they stand now.`,
            ];
      case 'signed':
      case 'stalemate':
      case 'collapsed':
        return [];
    }
  }

  effect(x: {
    kind: string;
    actor?: string;
    from?: number;
    to?: number;
    issue?: string;
    redLine?: Violation | string;
    document?: string;
  }): string {
    const who = x.actor ? this.name(x.actor) : '';
    switch (x.kind) {
      case 'set-reservation':
      case 'shift-reservation':
        return `${who}'s value of no deal: ${n3(x.from ?? 0)} → ${n3(x.to ?? 0)}`;
      case 'set-weight':
        return `${who} now weighs ${this.issue(x.issue ?? '')} at ${x.to}`;
      case 'add-red-line':
        return `${who} adds a red line: ${typeof x.redLine === 'object' ? this.redLine(x.redLine) : x.redLine}`;
      case 'drop-red-line':
        return `${who} drops its red line ${typeof x.redLine === 'string' ? x.redLine : (x.redLine?.redLine ?? '')}`;
      case 'table':
        return `document ${x.document} goes on the table (at once while tabling, else at the start of the next round)`;
      default:
        return '';
    }
  }

  /** One line: the estimated durability and the factors that moved it, as the scenario's assumption. */
  durability(d: DurabilityNote): string {
    const moved = d.factors.filter((f) => f.holds && f.shift !== 0);
    const parts = [`base ${n2(d.base)}`, ...moved.map((f) => `${f.label} ${signed2(f.shift)}`)];
    return `  Estimated durability ${n2(d.value)} — an assumption of the scenario, not a forecast: ${parts.join('; ')}.`;
  }

  /** One neutral line: who stood alone, and who walked out, as the engine counts blame. */
  blame(list: readonly BlameCount[]): string {
    const head =
      '  Blame as the engine counts it (lone holdout on a text all other required actors accepted, or a walk-out)';
    if (list.length === 0) return `${head}: nobody.`;
    const holdouts = [...new Set(list.flatMap((b) => b.holdouts))].sort((a, b) => a - b);
    const who = list
      .map((b) => {
        const walked = b.walkOut === null ? '' : `, walked out in round ${b.walkOut}`;
        return `${this.name(b.actor)} (${b.count}${walked})`;
      })
      .join('; ');
    return `${head}: ${holdouts.length ? `lone holdout in ${rounds(holdouts)}: ` : ''}${who}.`;
  }

  /** The whole transcript, round by round, then the outcome and the final terms. */
  transcript(entries: readonly TranscriptEntry[]): string[] {
    const out: string[] = [];
    let round = -1;
    for (const e of entries) {
      if (e.round !== round && e.round > 0) {
        round = e.round;
        out.push('', this.#p.bold(`Round ${round}`));
      }
      out.push(...this.entry(e));
    }
    return out;
  }

  outcome(entries: readonly TranscriptEntry[], waitingFor: string | null): string[] {
    const p = this.#p;
    const last = entries.at(-1);
    const utilities = (u: Readonly<Record<string, number>>) =>
      `    ${Object.entries(u)
        .map(([a, v]) => `${this.name(a)} ${n3(v)}`)
        .join(', ')}`;
    if (last?.kind === 'signed')
      return [
        '',
        p.green(p.bold(`Outcome: signed in round ${last.round}.`)),
        ...(last.durability ? [this.durability(last.durability)] : []),
        '  The agreed terms (where they differ from the status quo):',
        ...this.terms(last.terms, true).map((t) => `    ${t}`),
        '  Worth to each actor:',
        utilities(last.utilities),
      ];
    if (last?.kind === 'stalemate')
      return [
        '',
        p.bold(
          `Outcome: stalemate — round ${last.round} was the last and no text won every required consent.`,
        ),
        ...(last.blame ? [this.blame(last.blame)] : []),
        '  The last text on the table (where it differs from the status quo):',
        ...this.terms(last.terms, true).map((t) => `    ${t}`),
      ];
    if (last?.kind === 'collapsed')
      return [
        '',
        p.red(
          p.bold(
            `Outcome: the talks collapse in round ${last.round}: ${this.names(last.actors)} walked out.`,
          ),
        ),
        ...(last.blame ? [this.blame(last.blame)] : []),
      ];
    if (waitingFor)
      return [
        '',
        p.yellow(
          `The run stops in round ${last?.round ?? 0}: it waits for ${this.name(waitingFor)}, played by a person.`,
        ),
      ];
    return [];
  }
}
