// Plain words shared by the reports: names, lists, strategies, flags (numbers and options: format.ts). No markup:
// the renderers escape.

import { nameInSentence } from '../domain/actor-names.ts';
import { basisMark } from '../domain/basis.ts';
import { firstTurn, proposerOf } from '../domain/protocol.ts';
import type { Actor, ActorStrategy, Scenario, Strategy, StrategyKind } from '../domain/types.ts';
import type { AdHocEffect } from '../engine/events.ts';

// the flags of what the record leaves unsettled are the domain's, so that an analysis's labels (hinges) word them as
// every report does; the reports import them from here
export {
  documentHeading,
  documentTermFlag,
  documentTermFlagText,
  unconfirmedFlag,
} from '../domain/flags.ts';

/** A name's possessive: "Russia's", "United States'". */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** "a", "a and b", "a, b and c" (or "a, b or c"). */
export function listing(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** An actor's plain name, for headings, labels, column cells and `--json`: "United States". */
export function actorName(scenario: Scenario, id: string): string {
  return scenario.actors.find((a) => a.id === id)?.name ?? id;
}

export function issueLabel(scenario: Scenario, id: string): string {
  return scenario.issues.find((x) => x.id === id)?.label ?? id;
}

/** What each strategy does, in a few words, for people who do not know the names. */
export const STRATEGY_WORDS: Readonly<Record<Exclude<StrategyKind, 'human'>, string>> = {
  boulware: 'concedes late',
  linear: 'concedes at a steady pace',
  conceder: 'concedes early',
  'tit-for-tat': "mirrors the others' concessions",
  hardliner: 'holds out for the best it could get in any agreement',
  zeuthen: 'concedes when it has less to lose (Zeuthen)',
};

/** "concedes late", or "played by a person". */
export function strategyWords(s: Strategy): string {
  return s.kind === 'human' ? 'played by a person' : STRATEGY_WORDS[s.kind];
}

/** "boulware (e 0.2)", "linear", "human". */
export function strategyLabel(s: Strategy): string {
  const params = Object.entries(s.params)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `${s.kind}${params ? ` (${params})` : ''}`;
}

/**
 * Where a run's strategy comes from, after its name: the scenario's, marked by its basis (" [reading]"; nothing
 * when stated); the engine's default where the scenario gives none (" (the scenario gives none: the engine's
 * default) [assumption]"); or one chosen for this run (" (chosen for this run; the scenario's: boulware
 * [reading])"). A person's play says so itself: nothing.
 */
export function strategyGrounds(scenarios: ActorStrategy, used: Strategy): string {
  if (used.kind === 'human') return '';
  const mark = basisMark(scenarios.basis);
  const marked = mark ? ` ${mark}` : '';
  if (strategyLabel(used) !== strategyLabel(scenarios))
    return ` (chosen for this run; the scenario's: ${strategyLabel(scenarios)}${scenarios.given ? marked : ", the engine's default"})`;
  return scenarios.given ? marked : " (the scenario gives none: the engine's default) [assumption]";
}

/** What an actor's verdict on a text is worth when the text moves nothing it controls: its consent is not needed. */
const CONSENT_NOT_NEEDED = 'consent not needed: the text moves none of its issues';

/** " (consent not needed: the text moves none of its issues)" after the verdict of an actor the text does not need, or "". */
export function consentAside(required: boolean): string {
  return required ? '' : ` (${CONSENT_NOT_NEEDED})`;
}

/**
 * A red line the scenario withholds on a reading (or assumption) of its own, as `show` and the explorer's actors name
 * it: "withheld [reading]: No ceasefire … — read as not holding on the scenario's date; `peacesim hinges` restores it".
 */
export function withheldWords(w: Actor['withheldRedLines'][number]): string {
  const m = basisMark(w.basis);
  return `withheld${m ? ` ${m}` : ''}: ${w.redLine.text.replace(/[.\s]+$/, '')} — ${w.basis === 'reading' ? 'read as not holding' : 'assumed not to hold'} on the scenario's date; \`peacesim hinges\` restores it`;
}

/** A red line's or rule's flags as the sources report words them. */
export function provenanceFlag(confirmed: boolean, recall: boolean): string {
  if (recall) return 'RECALL';
  return confirmed ? '' : 'UNCONFIRMED';
}

/**
 * Who proposes when under alternating offers: the list order of the parties is the protocol here (the party that
 * proposes first may gain by it), so it is said, not left to the scenario file: "alternating offers: South proposes
 * in round 2, North in round 3, and so on (…)". Round 1 holds the opening document when there is one (an event
 * that tables a document takes a round's turn too: the rule is said, not a forecast).
 */
function turnWords(scenario: Scenario, maxRounds: number): string {
  const first = firstTurn(scenario);
  const n = scenario.protocol.parties.length;
  const turns = Array.from({ length: Math.min(n, maxRounds - first + 1) }, (_, k) => first + k);
  if (turns.length === 0) return 'alternating offers';
  const name = (round: number) => nameInSentence(scenario.actors[proposerOf(scenario, round)]!);
  const [lead, ...rest] = turns;
  const more = rest.map((r) => `${name(r)} in round ${r}`);
  const inTurn = maxRounds >= first + n ? ', and so on' : '';
  const opening = first === 2 ? '; round 1 holds the opening text' : '';
  return `alternating offers: ${name(lead!)} proposes in round ${lead}${more.map((m) => `, ${m}`).join('')}${inTurn} (turns in the order of the scenario's parties${opening})`;
}

/**
 * The negotiation protocol, for wherever a person reads it (the id stays in --json): "a single negotiating text,
 * mediated by the United States" or "alternating offers: North proposes in round 1, South in round 2, and so on
 * (…)"; `brief` for a heading: "single text, mediated by …" or "alternating offers, South proposes first, after the opening text".
 */
export function protocolWords(
  scenario: Scenario,
  brief = false,
  maxRounds = scenario.protocol.maxRounds,
): string {
  const pr = scenario.protocol;
  if (pr.kind !== 'mediated-single-text')
    return brief
      ? // after the opening text, when round 1 holds one (its tabler is not the first proposer, which read as a contradiction)
        `alternating offers, ${nameInSentence(scenario.actors[proposerOf(scenario, firstTurn(scenario))]!)} proposes first${firstTurn(scenario) === 2 ? ', after the opening text' : ''}`
      : turnWords(scenario, maxRounds);
  const mediator = nameInSentence(scenario.actors[pr.mediator ?? pr.parties[0]!]!);
  return `${brief ? 'single text' : 'a single negotiating text'}, mediated by ${mediator}`;
}

/** An ad-hoc effect's kind in words. */
export const AD_HOC_WORDS: Readonly<Record<AdHocEffect['kind'], string>> = {
  'set-reservation': 'a value of no deal set',
  'shift-reservation': 'a value of no deal shifted',
  'set-weight': 'a weight changed',
  'drop-red-line': 'a red line dropped',
  table: 'a document tabled',
  'walk-out': 'a walk-out',
  goodwill: 'a goodwill gesture',
};

/**
 * The closing count of verdicts, for calibrate and the explorer's evidence screen. A verdict settled by numbers given
 * without a range (`unranged` of `settled`) rests on those numbers — in divide-the-surplus, all the modeller's — so
 * "0 depend on the modeller's numbers" alone would read as if it rested on none: `depends` counts those that turn on
 * where the numbers fall within their ranges.
 */
export function settledCountWords(settled: number, unranged: number, depends: number, short = false): string {
  const fixed = unranged
    ? ` (${unranged} of them by numbers given without a range: ${unranged === 1 ? 'it rests' : 'they rest'} on those numbers, with nothing to vary)`
    : '';
  // short: the explorer's one line at 80 columns (the default scenario's count and record just fit)
  const where = short ? 'the ranges' : "where the modeller's numbers fall within their ranges";
  return `${settled} verdict${settled === 1 ? '' : 's'} settled${fixed}, ${depends} depend${depends === 1 ? 's' : ''} on ${where}`;
}
