// Who is speaking, to whom: the run's full sentences, the play screen's shorter lines (optionally the public view
// of the teams), or the after-action report's. A voice also knows the scenario, so it names actors, issues and
// options and cites red lines the same way in every part of the narration.

import { actorAtStart, actorInSentence } from '../../domain/actor-names.ts';
import type { Violation } from '../../domain/evaluate.ts';
import { inQuotes } from '../../domain/text.ts';
import type { Scenario } from '../../domain/types.ts';
import type { TermValue } from '../../engine/terms.ts';
import { positionNote, type RunBeforeRecord, runBeforeRecord } from '../before-record.ts';
import { capitalise, optionLabel } from '../format.ts';
import { aboveRef, versionAsides } from '../red-line-versions.ts';
import { issueLabel, listing, provenanceFlag } from '../words.ts';
import { PERSON } from './phrases.ts';
import {
  BULLET,
  basis,
  type Flag,
  flag as flagSpan,
  type Line,
  line,
  paraphrase,
  type Span,
  sources,
  span,
} from './spans.ts';

export type VoiceKind = 'run' | 'screen' | 'report';

export interface NarrationOptions {
  /** 'run' (default): the full sentences of `peacesim run`; 'screen': the play screen's; 'report': the report's */
  readonly voice?: VoiceKind;
  /** actor ids the teams play (the screen marks them) */
  readonly teams?: readonly string[];
  /** actor ids people play, by their strategy (the report marks them) */
  readonly people?: readonly string[];
  /** the teams' view: no actor's utility, aspiration, value of no deal, weights or costs */
  readonly public?: boolean;
}

export class Voice {
  readonly scenario: Scenario;
  readonly kind: VoiceKind;
  /** the teams' view */
  readonly public: boolean;
  readonly #teams: ReadonlySet<string>;
  readonly #people: ReadonlySet<string>;
  #before: RunBeforeRecord | undefined;

  constructor(scenario: Scenario, options: NarrationOptions = {}) {
    this.scenario = scenario;
    this.kind = options.voice ?? 'run';
    this.public = options.public ?? false;
    this.#teams = new Set(options.teams ?? []);
    this.#people = new Set(options.people ?? []);
  }

  get run(): boolean {
    return this.kind === 'run';
  }

  get report(): boolean {
    return this.kind === 'report';
  }

  /** An actor's name inside a sentence ("the United States"). */
  name(id: string): string {
    return actorInSentence(this.scenario, id);
  }

  /** An actor's name at a sentence's start ("The United States"). */
  nameAtStart(id: string): string {
    return actorAtStart(this.scenario, id);
  }

  names(ids: readonly string[]): string {
    return listing(ids.map((id) => this.name(id)));
  }

  issue(id: string): string {
    return issueLabel(this.scenario, id);
  }

  option(issueId: string, value: TermValue): string {
    return optionLabel(this.scenario, issueId, value);
  }

  /** A red line of an actor (its own, or one an event gives it) by its text, which is the scenario's words. */
  redLineText(actor: string, id: string): string {
    const s = this.scenario;
    const a = s.actorIndex.get(actor);
    const added = s.events.flatMap((e) =>
      e.effects.flatMap((x) => (x.kind === 'add-red-line' && x.actor === a ? [x.redLine] : [])),
    );
    const c = [...(a === undefined ? [] : s.actors[a]!.redLines), ...added].find((x) => x.id === id);
    return c ? c.text : id;
  }

  document(id: string): string {
    const d = this.scenario.documents.find((x) => x.id === id);
    return d ? inQuotes(d.title) : id;
  }

  event(id: string): string {
    return this.scenario.events.find((x) => x.id === id)?.title ?? id;
  }

  /** Whether a person moves for the actor: the run reads it off the entry, the screen off the teams. */
  person(actor: string, human: boolean | undefined): boolean {
    if (this.kind === 'screen') return this.#teams.has(actor);
    return human === true || (this.report && this.#people.has(actor));
  }

  /** An actor's name inside a sentence, marked when a person plays it. */
  who(actor: string, human?: boolean): string {
    if (!this.person(actor, human)) return this.name(actor);
    return `${this.name(actor)}${this.kind === 'screen' ? ' (team)' : PERSON}`;
  }

  /** {@link who} at a sentence's start. */
  whoAtStart(actor: string, human?: boolean): string {
    return capitalise(this.who(actor, human));
  }

  /**
   * A red line or rule as cited: its text (the scenario's words, not in quotation marks), what it rests on when it
   * is a reading or an assumption, its sources, and a flag when the record does not settle it.
   */
  citation(v: Violation): Span[] {
    return [paraphrase(v.text), ...basis(v.basis), ...sources(v.sources), ...flagSpan(this.#flag(v))];
  }

  /** A red line or rule cited as an item of a list under the sentence that names it. */
  citedLine(v: Violation): Line {
    return line([BULLET, ...this.citation(v)], 4);
  }

  /** The positions of the run's date applied before their earliest source, found once, when first asked. */
  get beforeRecord(): RunBeforeRecord {
    this.#before ??= runBeforeRecord(this.scenario);
    return this.#before;
  }

  /**
   * A red line an actor's verdict cites, as an item of the list under it: as `citedLine`, and when the actor's
   * position is applied before its earliest source, that note with the number of the scenario's reason; and when
   * it is a version of one contested fact with an earlier item (report/red-line-versions.ts), the aside that says so.
   */
  crossedLine(actor: string, v: Violation, version: string | null = null): Line {
    const aside = version ? [span(` (${version})`, 'aside')] : [];
    return line([BULLET, ...this.citation(v), ...aside, ...this.beforeRecordNote(actor, v)], 4);
  }

  /** The red lines an actor's verdict crosses, one item each, in their order (crossedLine). */
  crossedLines(actor: string, violations: readonly Violation[]): Line[] {
    const asides = versionAsides(this.scenario, actor, violations, aboveRef);
    return violations.map((x, k) => this.crossedLine(actor, x, asides[k] ?? null));
  }

  /**
   * The note that follows an actor's red line wherever the run cites it (a verdict that crosses it, a redraft that
   * moves a term so that it holds) when the run applies it before its earliest source: "; applied before its
   * earliest source (s90, 2024-03-01; reason 1)", with the number of the scenario's reason; nothing otherwise.
   */
  beforeRecordNote(actor: string, v: Violation): Span[] {
    const e = this.beforeRecord.redLine(actor, v);
    if (!e) return [];
    const numbered = this.beforeRecord.numbered;
    return [
      { text: `; ${positionNote(e, numbered)}`, style: 'before', reason: numbered.numberOf(e) ?? null },
    ];
  }

  #flag(v: Violation): Flag | null {
    // the report also says which red lines are only commonly reported (recall), as the sources report does
    if (!this.report) return v.confirmed ? null : 'UNCONFIRMED';
    const own = [
      ...this.scenario.actors.flatMap((a) => a.redLines),
      ...this.scenario.rules,
      ...this.scenario.events.flatMap((e) =>
        e.effects.flatMap((x) => (x.kind === 'add-red-line' ? [x.redLine] : [])),
      ),
    ].find((c) => c.id === v.redLine && c.text === v.text);
    return (provenanceFlag(v.confirmed, own?.recall ?? false) || null) as Flag | null;
  }
}
