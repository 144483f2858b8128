// Briefing cards: one private card per actor, for the person who plays it. Its own priorities, red lines,
// value of no deal and verdicts on the tabled documents, plus what everyone knows: the others' public red lines.
// A card never carries another actor's weights, values or value of no deal. Pure: scenario → model.
import { nameAtStart, nameInSentence } from '../domain/actor-names.ts';
import { withBasis } from '../domain/basis.ts';
import { verdictOf } from '../domain/evaluate.ts';
import { type AppliedBeforeRecord, appliedBeforeRecord, type DatedSource } from '../domain/on-record.ts';
import { epochsInForce, positionsAsOf } from '../domain/positions.ts';
import { inQuotes, paraphrased } from '../domain/text.ts';
import type { Actor, ActorRole, BasisKind, Constraint, Scenario } from '../domain/types.ts';
import { type SourceLine, sourceLine } from './after-action-model.ts';
import { n3 } from './format.ts';
import { aboveRef, versionAsides } from './red-line-versions.ts';
import { listing } from './words.ts';

export interface CardRedLine {
  readonly id: string;
  readonly text: string;
  readonly sources: readonly string[];
  readonly confirmed: boolean;
  readonly recall: boolean;
  readonly note?: string;
  /** stated, reading or assumption */
  readonly basis: BasisKind;
  /** it rests on no source dated on or before the scenario's date */
  readonly beforeRecord?: BeforeRecordMark;
  /**
   * it is the later of two versions of one contested fact in its list: the aside that says so ("a reading of
   * statements that a red line above rests on, in force until 2025-12-23"; report/red-line-versions.ts)
   */
  readonly version?: string;
}

/**
 * An item of the card stated only after the scenario's date: its earliest source (none when its sources carry no
 * date) and the number of the scenario's reason for applying it earlier in the card's list (none: it gives none).
 */
export interface BeforeRecordMark {
  readonly earliest?: DatedSource;
  readonly reason?: number;
}

interface CardOption {
  readonly label: string;
  readonly value: number;
}

interface CardIssue {
  readonly id: string;
  readonly label: string;
  /** its own normalised weight */
  readonly weight: number;
  readonly best: readonly CardOption[];
  readonly worst: readonly CardOption[];
  readonly rationale: string;
  readonly sources: readonly string[];
  /** the basis of its preference on the issue */
  readonly basis: BasisKind;
  /** its consent is needed to move this issue off the status quo */
  readonly controls: boolean;
  /** its preference rests on no source dated on or before the scenario's date */
  readonly beforeRecord?: BeforeRecordMark;
}

interface CardDocument {
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly tabledBy: string;
  /** who tabled it, as a sentence names it ("tabled by the United States") */
  readonly tabledByInSentence: string;
  /** false: the record does not settle the text (flagged as a red line is) */
  readonly confirmed: boolean;
  readonly accepts: boolean;
  readonly utility: number;
  /** the actor's value of no deal on the document's date, which its verdict compares the utility with */
  readonly noDeal: number;
  /**
   * the actor's dated positions (epochs) in force on the document's date, which it is judged by instead of the
   * card's, each label with its basis mark: "Before the 20-point text, Kyiv's red line in its earlier words"
   */
  readonly judgedBy: readonly string[];
  readonly violations: readonly CardRedLine[];
  /** how many red lines the actor holds on the document's date: with none, there is none for a text to keep */
  readonly redLines: number;
  /** when it falls below no deal: the issues that cost it most */
  readonly costs: readonly { readonly label: string; readonly cost: number }[];
}

export interface BriefingCard {
  readonly actor: {
    readonly id: string;
    readonly name: string;
    /** the name inside a sentence ("the United States") */
    readonly inSentence: string;
    readonly role: ActorRole;
    readonly description?: string;
  };
  readonly position: string;
  readonly issues: readonly CardIssue[];
  /** issues it states no preference on */
  readonly indifferent: readonly string[];
  readonly redLines: readonly CardRedLine[];
  readonly noDeal: {
    readonly value: number;
    readonly drift: number;
    readonly range?: readonly [number, number];
    readonly rationale: string;
    readonly sources: readonly string[];
    readonly basis: BasisKind;
    /** the drift's own basis: a drift is a hypothesis (a bare number in the file: the modeller's assumption) */
    readonly driftBasis: BasisKind;
  };
  readonly documents: readonly CardDocument[];
  readonly others: readonly {
    readonly id: string;
    readonly name: string;
    readonly redLines: readonly CardRedLine[];
  }[];
  readonly questions: readonly string[];
  readonly sources: readonly SourceLine[];
  /** the scenario's reasons (heldEarlier) for the items marked `beforeRecord`, numbered from 1 in this order */
  readonly heldEarlier: readonly string[];
}

export interface Briefing {
  readonly scenario: {
    readonly id: string;
    readonly title: string;
    readonly summary: string;
    /** the date the cards' positions are those of */
    readonly date: string;
  };
  readonly cards: readonly BriefingCard[];
}

const EPS = 1e-9;

function redLine(c: Constraint): CardRedLine {
  return {
    id: c.id,
    text: c.text,
    sources: c.sources,
    confirmed: c.confirmed,
    recall: c.recall,
    ...(c.note === undefined ? {} : { note: c.note }),
    basis: c.basis,
  };
}

/**
 * A list of an actor's red lines, each later version of one contested fact given the aside that says so: a card that
 * lists both the words and the modeller's stricter reading of them must not read as contradicting itself.
 */
function withVersions(scenario: Scenario, actor: string, lines: readonly CardRedLine[]): CardRedLine[] {
  const asides = versionAsides(
    scenario,
    actor,
    lines.map((c) => ({
      redLine: c.id,
      text: c.text,
      sources: c.sources,
      confirmed: c.confirmed,
      basis: c.basis,
    })),
    aboveRef,
  );
  return lines.map((c, k) => {
    const version = asides[k];
    return version ? { ...c, version } : c;
  });
}

/** The card's role line, one run of sentences that names the role once ("You are a party: …"). */
function position(scenario: Scenario, actor: Actor): string {
  const pr = scenario.protocol;
  const controls = scenario.issues.filter((x) => x.controlledBy.includes(actor.index)).map((x) => x.label);
  const parts: string[] = [];
  if (pr.parties.includes(actor.index)) parts.push('You are a party: every agreement needs your consent.');
  else if (pr.mediator === actor.index)
    parts.push(
      pr.kind === 'mediated-single-text'
        ? 'You are the mediator: you table and revise the single negotiating text.'
        : 'You are the mediator of the talks.',
    );
  else parts.push('You are a stakeholder: not a party to the talks.');
  if (controls.length)
    parts.push(`A text that moves ${listing(controls, 'or')} off the status quo needs your consent.`);
  return parts.join(' ');
}

function issues(scenario: Scenario, actor: Actor): CardIssue[] {
  return scenario.issues
    .flatMap((x) => {
      const p = actor.preferences[x.index];
      const w = actor.weights[x.index] ?? 0;
      if (!p || w <= 0) return [];
      const values = [...p.values];
      const hi = Math.max(...values);
      const lo = Math.min(...values);
      const pick = (v: number) =>
        x.options.flatMap((o, k) =>
          Math.abs(values[k]! - v) < EPS ? [{ label: o.label, value: values[k]! }] : [],
        );
      return [
        {
          id: x.id,
          label: x.label,
          weight: w,
          best: pick(hi),
          worst: hi - lo < EPS ? [] : pick(lo),
          rationale: p.rationale,
          sources: p.sources,
          basis: p.basis,
          controls: x.controlledBy.includes(actor.index),
        },
      ];
    })
    .sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label));
}

/** Each document judged by the actor's positions on the document's date. */
function documents(scenario: Scenario, own: Actor): CardDocument[] {
  return scenario.documents.map((d) => {
    const judged = positionsAsOf(scenario, d.date);
    const actor = judged.actors[own.index]!;
    const v = verdictOf(judged, actor, d.package);
    const byId = new Map(actor.redLines.map((c) => [c.id, c]));
    return {
      id: d.id,
      title: d.title,
      date: d.date,
      tabledBy: scenario.actors[d.tabledBy]!.name,
      tabledByInSentence: nameInSentence(scenario.actors[d.tabledBy]!),
      confirmed: d.confirmed,
      accepts: v.accepts,
      utility: v.utility,
      noDeal: actor.reservation.value,
      judgedBy: epochsInForce(own, d.date).map((e) => withBasis(e.label, e.basis)),
      violations: withVersions(
        scenario,
        own.id,
        v.violations.map((x) => {
          const c = byId.get(x.redLine);
          return c
            ? redLine(c)
            : {
                id: x.redLine,
                text: x.text,
                sources: x.sources,
                confirmed: x.confirmed,
                recall: false,
                basis: x.basis,
              };
        }),
      ),
      redLines: actor.redLines.length,
      costs: v.costs.slice(0, 3).map((c) => ({
        label: scenario.issues[scenario.issueIndex.get(c.issue)!]!.label,
        cost: c.cost,
      })),
    };
  });
}

/** Two or three questions to prepare, from the card's own data. */
function questions(
  scenario: Scenario,
  actor: Actor,
  card: Omit<BriefingCard, 'questions' | 'sources' | 'heldEarlier'>,
): string[] {
  const out: string[] = [];
  const top = card.issues[0];
  if (top) {
    const trade = card.issues.at(-1)!;
    // every issue tied at either end, not the first of them by name
    const tied = (w: number) => card.issues.filter((x) => Math.abs(x.weight - w) < 1e-12).map((x) => x.label);
    const most = tied(top.weight);
    const least = tied(trade.weight);
    out.push(
      most.length === card.issues.length
        ? most.length > 1
          ? `You weigh ${listing(most)} equally. Which would you give ground on first, and why?`
          : `${top.label} is what you care about. What is the least you could accept on it, and why?`
        : `${most.length > 1 ? `${listing(most)} matter most to you (equal weights)` : `${top.label} matters most to you`} and ${listing(least)} least${least.length > 1 ? ' (equal weights)' : ''}. What would you give on ${least.length > 1 ? 'the issues you weigh least' : trade.label} to gain on ${most.length > 1 ? 'those you weigh most' : top.label}, and what would you not give?`,
    );
    // a public red line of another actor that bears on the first priority
    const i = scenario.issueIndex.get(top.id)!;
    const other = scenario.actors
      .filter((a) => a.index !== actor.index)
      .flatMap((a) => a.redLines.filter((c) => c.scope.includes(i)).map((c) => ({ a, c })))[0];
    if (other)
      out.push(
        `${nameAtStart(other.a)} has a public red line that bears on ${top.label} ${marked(other.c.text, other.c.basis)}. What could you settle for within it, and what would you ask in return?`,
      );
  }
  const blocked = card.documents.filter((d) => d.violations.length);
  if (blocked.length) {
    // the red line asked about is one the card lists as the actor's now, where a text crosses one: a text judged by
    // the positions of its own date may cross only a red line since reworded or dropped
    const current = new Set(card.redLines.map((c) => `${c.id}\n${c.text}`));
    const isCurrent = (c: CardRedLine) => current.has(`${c.id}\n${c.text}`);
    const d = blocked.find((x) => x.violations.some(isCurrent)) ?? blocked[0]!;
    const named = d.violations.find(isCurrent) ?? d.violations[0]!;
    // one red line is asked about; when the text crosses more, the question says so rather than seem to name all
    const n = d.violations.length;
    const which = n > 1 ? `${n} of your red lines, among them` : 'your red line';
    const when = d.judgedBy.length ? 'By your positions on its date, ' : '';
    out.push(
      `${when}${inQuotes(d.title)}${d.confirmed ? '' : ' (unconfirmed)'} crosses ${which} ${marked(named.text, named.basis)}. Which change to it would you ask for first, and what could you offer in return?`,
    );
  } else if (card.documents.some((d) => !d.accepts))
    out.push(
      'Some tabled texts are worth less to you than no deal. Which of their terms would you ask to change first?',
    );
  const nd = card.noDeal;
  out.push(
    // the drift is the scenario's hypothesis (commentary's claim that time is on a side), never told as a fact
    nd.drift < 0
      ? `Your value of no deal falls by ${n3(-nd.drift)} a round — ${driftHypothesis(nd.driftBasis)}, that time works against holding out. When would you settle, and for what?`
      : nd.drift > 0
        ? `Your value of no deal rises by ${n3(nd.drift)} a round — ${driftHypothesis(nd.driftBasis)}, that time works for you. What would make you settle early?`
        : 'Your value of no deal does not change with time. What would make you walk away, and what would keep you at the table?',
  );
  return out.slice(0, 3);
}

/** "a hypothesis of the scenario [reading]": what a card says a drift is. */
const driftHypothesis = (basis: BasisKind): string => withBasis('a hypothesis of the scenario', basis);

/** A red line named in a question: after a dash, with its basis mark, as the card lists it (a reading is not a statement). */
function marked(text: string, basis: BasisKind): string {
  return paraphrased(withBasis(text.trim().replace(/\.$/, ''), basis));
}

function citedSources(
  scenario: Scenario,
  card: Omit<BriefingCard, 'questions' | 'sources' | 'heldEarlier'>,
): SourceLine[] {
  const ids = new Set<string>([
    ...card.issues.flatMap((x) => x.sources),
    ...card.redLines.flatMap((x) => x.sources),
    ...card.noDeal.sources,
    ...card.documents.flatMap((d) => d.violations.flatMap((x) => x.sources)),
    ...card.others.flatMap((o) => o.redLines.flatMap((x) => x.sources)),
  ]);
  return scenario.sources.filter((s) => ids.has(s.id)).map(sourceLine);
}

/**
 * Marks the card's items that rest on no source of the scenario's date: each gets its earliest source and the number
 * of its reason in the card's list, each reason listed once, in the order the card first meets it.
 */
function beforeRecordMarks(scenario: Scenario) {
  const applied = appliedBeforeRecord(scenario, scenario.date);
  const reasons: string[] = [];
  const markOf = (
    actor: Actor,
    kind: AppliedBeforeRecord['kind'],
    id: string,
  ): BeforeRecordMark | undefined => {
    const x = applied.find((e) => e.actor === actor.id && e.kind === kind && e.id === id);
    if (!x) return undefined;
    let reason: number | undefined;
    if (x.heldEarlier !== undefined) {
      const k = reasons.indexOf(x.heldEarlier);
      reason = k < 0 ? reasons.push(x.heldEarlier) : k + 1;
    }
    return {
      ...(x.earliest === undefined ? {} : { earliest: x.earliest }),
      ...(reason === undefined ? {} : { reason }),
    };
  };
  return { reasons, markOf };
}

function briefingCard(scenario: Scenario, actor: Actor): BriefingCard {
  const r = actor.reservation;
  const { reasons, markOf } = beforeRecordMarks(scenario);
  const marked = <T>(item: T, mark: BeforeRecordMark | undefined): T =>
    mark === undefined ? item : { ...item, beforeRecord: mark };
  const lines = (a: Actor) =>
    withVersions(
      scenario,
      a.id,
      a.redLines.map((c) => marked(redLine(c), markOf(a, 'redLine', c.id))),
    );
  const card = {
    actor: {
      id: actor.id,
      name: actor.name,
      inSentence: nameInSentence(actor),
      role: actor.role,
      ...(actor.description === undefined ? {} : { description: actor.description }),
    },
    position: position(scenario, actor),
    issues: issues(scenario, actor).map((x) => marked(x, markOf(actor, 'preference', x.id))),
    indifferent: scenario.issues.filter((x) => !((actor.weights[x.index] ?? 0) > 0)).map((x) => x.label),
    redLines: lines(actor),
    noDeal: {
      value: r.value,
      drift: r.drift,
      ...(r.range === undefined ? {} : { range: r.range }),
      rationale: r.rationale,
      sources: r.sources,
      basis: r.basis,
      driftBasis: r.driftHypothesis?.basis ?? 'assumption',
    },
    documents: documents(scenario, actor),
    others: scenario.actors
      .filter((a) => a.index !== actor.index && a.redLines.length)
      .map((a) => ({ id: a.id, name: a.name, redLines: lines(a) })),
  };
  return {
    ...card,
    questions: questions(scenario, actor, card),
    sources: citedSources(scenario, card),
    heldEarlier: reasons,
  };
}

/** Every actor's card, or one actor's (the id checked by the caller). */
export function briefing(scenario: Scenario, actorId?: string): Briefing {
  return {
    scenario: { id: scenario.id, title: scenario.title, summary: scenario.summary, date: scenario.date },
    cards: scenario.actors
      .filter((a) => actorId === undefined || a.id === actorId)
      .map((a) => briefingCard(scenario, a)),
  };
}

/** Why the actor could accept a document: it keeps its red lines (or it holds none), and its worth against no deal. */
export function acceptableWords(d: CardDocument, n3: (x: number) => string): string {
  const lines = d.redLines === 0 ? 'you hold no red lines, and it' : 'it keeps your red lines and';
  return `you could accept it: ${lines} is worth ${n3(d.utility)} to you, no less than no deal (${n3(d.noDeal)})`;
}
