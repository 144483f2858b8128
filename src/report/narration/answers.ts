// The answers to a text, in words: each actor's verdict and why (the red lines it crosses, or its worth against
// what the actor holds out for and against no deal, and what it asks to change), a walk-out, the tally and the
// ratification.
import type { TranscriptEntry } from '../../engine/transcript.ts';
import { belowPair } from '../comparison-figures.ts';
import { digitsApart, fixed, n3 } from '../format.ts';
import { listing } from '../words.ts';
import { EPS, holdsOutFor, plural, ratificationWords } from './phrases.ts';
import { type Line, line, type Span, span } from './spans.ts';
import type { Voice } from './voice.ts';

type Entry<K extends TranscriptEntry['kind']> = Extract<TranscriptEntry, { kind: K }>;

/**
 * Whether the text a verdict answers is a document the answering actor tabled, on the table as tabled: the last
 * text before the verdict is that document (`before`: the transcript up to the verdict; none known, none said).
 */
function answersOwnDocument(e: Entry<'verdict'>, before: readonly TranscriptEntry[]): boolean {
  for (let k = before.length - 1; k >= 0; k--) {
    const x = before[k]!;
    if (x.kind === 'tabled') return x.by === e.actor;
    if (x.kind === 'proposal' || x.kind === 'revised') return false;
  }
  return false;
}

export function verdict(v: Voice, e: Entry<'verdict'>, before: readonly TranscriptEntry[] = []): Line[] {
  const who: Span = span(v.whoAtStart(e.actor, e.human), v.person(e.actor, e.human) ? 'person' : undefined);
  const mark = (accepts: boolean) => (v.kind === 'screen' ? (accepts ? '✓ ' : '✗ ') : '');
  // a tabled document is answered by every actor whose consent it needs, its author too, by the numbers of the
  // run: one that holds out for more than its own past text gives it rejects it, and a reader is told it is its own
  const own = !e.accepts && answersOwnDocument(e, before);
  const opening = (accepts: boolean): Span[] => [
    ...(mark(accepts) ? [span(mark(accepts))] : []),
    who,
    span(' '),
    accepts ? span('accepts', 'accepts') : span('rejects', 'rejects'),
    ...(own ? [span(' the text it tabled')] : []),
  ];
  // the text, once the sentence has named it
  const theText = own ? 'it' : 'the text';
  // an actor that walked out answers no to any text: no red line, worth or aspiration is the cause
  if (e.absent) return [line([...opening(false), span(': it has walked out, and answers no to any text.')])];
  // the screen keeps what a term costs the actor to itself
  const costs = v.kind !== 'screen';
  const listed = e.asks.map((a) => `${v.issue(a.issue)}${costs ? ` (${n3(a.cost)})` : ''}`).join(', ');
  // a person who named no terms asked for nothing: what stands in for its asks is the engine's, and said to be
  const asks = !e.asks.length
    ? ''
    : e.asksDefaulted
      ? // only a mediator reads the asks; under alternating offers nobody does, and no mediator is there to take them
        v.scenario.protocol.kind === 'mediated-single-text'
        ? ` It names no terms to change; the mediator takes those that cost it most: ${listed}.`
        : ` It names no terms to change; those that cost it most are recorded as its asks: ${listed}.`
      : ` It asks for changes to ${listed}.`;
  if (v.public && (e.accepts || e.violations.length === 0))
    return [line([...opening(e.accepts), span(e.accepts ? '.' : `.${asks}`)])];
  // the decimals at which the strict comparisons read as they stand: less or more than no deal, short of what it
  // holds out for, by a shortfall above nothing ("no less than" is true of equal figures)
  const fallsShort = e.utility < e.aspiration - EPS;
  const d = digitsApart([
    [e.utility, e.reservation],
    ...(fallsShort ? [[e.utility, e.aspiration] as const, [e.aspiration - e.utility, 0] as const] : []),
  ]);
  const worth = `worth ${fixed(e.utility, d)} to it`;
  const below = e.utility < e.reservation - EPS;
  const noDeal = below
    ? `, less than no deal (${fixed(e.reservation, d)})`
    : ` (no deal: ${fixed(e.reservation, d)})`;
  const short = v.report ? `${fixed(Math.max(0, e.aspiration - e.utility), d)} short of` : 'short of';
  const holds = (aspiration: number) => holdsOutFor(aspiration, d);
  if (e.violations.length && !e.accepts) {
    // a red line is not the whole answer: the verdict also holds the text's worth and the terms asked for (the
    // mediator weighs them when the text is worth less than no deal), so both are said, as --json holds them; a
    // person's worth is its own affair, and the public view keeps every number private
    const besides =
      e.human === true || v.public
        ? ''
        : ` Apart from its red line${e.violations.length > 1 ? 's' : ''}, the text is ${besidesWorth(e, worth, noDeal, short, d)}.`;
    // under the hypothesis that negotiators anticipate ratification, the vote it expects is part of the answer too
    const vote = e.wouldFail?.length && !v.public ? ` Also, the text ${wouldFailWords(e.wouldFail)}.` : '';
    const rest = `${besides}${vote}${asks}`.trim();
    return [
      line([
        ...opening(false),
        span(`: ${theText} crosses its red line${e.violations.length > 1 ? 's' : ''}:`),
      ]),
      ...v.crossedLines(e.actor, e.violations),
      ...(rest ? [{ ...line([span(rest)], 4), after: true as const }] : []),
    ];
  }
  // a person's answer is the person's choice: no aspiration of its own, nothing it holds out for
  if (e.human === true)
    return [
      line([
        ...opening(e.accepts),
        span(`: ${choice(v)} — the text is ${worth}${noDeal}.${e.accepts ? '' : asks}`),
      ]),
    ];
  if (e.accepts) {
    const why =
      e.strategy === 'mediator'
        ? `${v.report ? 'the text' : 'it'} keeps its red lines and is ${worth}, ${thanNoDeal(e, d)}`
        : `${worth}, no less than ${holds(e.aspiration)}${noDeal}`;
    return [line([...opening(true), span(`: ${why}.`)])];
  }
  if (e.wouldFail?.length) {
    const also = e.utility < e.aspiration - EPS ? `; it is also ${short} ${holds(e.aspiration)}` : '';
    return [
      line([...opening(false), span(`: ${theText} ${wouldFailWords(e.wouldFail)}${also}${noDeal}.${asks}`)]),
    ];
  }
  const why = below ? `${worth}${noDeal}` : `${worth}, ${short} ${holds(e.aspiration)}${noDeal}`;
  return [line([...opening(false), span(`: ${why}.${asks}`)])];
}

/**
 * Why the text is unacceptable under the modeller's hypothesis that negotiators anticipate ratification: "would
 * fail <hurdle>: worth U to it, the vote needs T" (the transcript's numbers).
 */
function wouldFailWords(fails: NonNullable<Entry<'verdict'>['wouldFail']>): string {
  return fails
    .map((f) => {
      const [u, t] = belowPair(f.utility, f.threshold);
      return `would fail ${f.label}: worth ${u} to it, the vote needs ${t}`;
    })
    .join('; it ');
}

/** A bot's worth of a text that crosses its red lines, against no deal and (but for a mediator) what it holds out for. */
function besidesWorth(e: Entry<'verdict'>, worth: string, noDeal: string, short: string, d: number): string {
  if (e.utility < e.reservation - EPS) return `${worth}${noDeal}`;
  if (e.strategy === 'mediator') return `${worth}, ${thanNoDeal(e, d)}`;
  if (e.utility < e.aspiration - EPS) return `${worth}, ${short} ${holdsOutFor(e.aspiration, d)}${noDeal}`;
  return `${worth}, no less than ${holdsOutFor(e.aspiration, d)}${noDeal}`;
}

/**
 * A mediator's worth of a text against no deal, which it accepts at no less (the engine's test): "more than no
 * deal" only when it is more.
 */
function thanNoDeal(e: Entry<'verdict'>, d: number): string {
  return `${e.utility > e.reservation + EPS ? 'more than' : 'as much as'} no deal (${fixed(e.reservation, d)})`;
}

/** Who chose a person's answer, as each voice says it. */
function choice(v: Voice): string {
  return v.kind === 'screen' ? "the team's choice" : "a person's choice";
}

/** "at best 0.412 < 0.450", or, with nothing it could accept, "no package keeps its red lines < 0.450". */
function bestBelow(e: Entry<'walk-out'>): string {
  const r = e.reservation ?? 0;
  if (e.best === null || e.best === undefined) return `no package keeps its red lines < ${n3(r)}`;
  const [best, reservation] = belowPair(e.best, r);
  return `at best ${best} < ${reservation}`;
}

export function walkOut(v: Voice, e: Entry<'walk-out'>): Line[] {
  const name = v.nameAtStart(e.actor);
  // under the hypothesis that negotiators anticipate ratification: nothing it could table would it sign
  if (e.wouldFail?.length) {
    const why = `: nothing it could table at this table would clear its own ratification — its best text ${wouldFailWords(e.wouldFail)}.`;
    return v.report
      ? [line([span(`${name} walks out${why}`)])]
      : [line([span(`${name} walks out`, 'reject'), span(why)])];
  }
  if (v.report) {
    const words =
      e.stalled !== undefined
        ? `${name} walks out: ${e.stalled === 1 ? 'a round' : `${e.stalled} rounds in a row`} without progress (no more required actors accepting, no smaller shortfall than before) exhausted its patience.`
        : e.cause === 'event'
          ? `${name} walks out${e.event ? ` (event: ${v.event(e.event)})` : ''}.`
          : `${name} walks out: nothing it could accept at this table is worth its value of no deal (${bestBelow(e)}).`;
    return [line([span(words)])];
  }
  return [line([span(`${name} walks out`, 'reject'), span(walkOutWhy(v, e))])];
}

function walkOutWhy(v: Voice, e: Entry<'walk-out'>): string {
  if (v.run && e.stalled !== undefined)
    return `: ${e.stalled} ${plural(e.stalled, 'round')} without progress (no more required actors accepting, no smaller shortfall than before) exhausted its patience.`;
  if (e.cause === 'strategy') {
    const here = v.run ? 'at this table' : 'here';
    if (v.public) return `: nothing it could accept ${here} is worth more to it than no deal.`;
    return `: nothing it could accept ${here} is worth its value of no deal (${bestBelow(e)}).`;
  }
  return `${e.event ? ` (event: ${v.event(e.event)})` : ''}.`;
}

export function tally(v: Voice, e: Entry<'tally'>): Line[] {
  if (e.agreement)
    return [
      line([span('Agreement', 'accept'), span(`: every required actor accepts (${v.names(e.accepting)}).`)]),
    ];
  const rejecting = e.rejecting.length
    ? `: ${v.names(e.rejecting)} ${e.rejecting.length > 1 ? 'reject' : 'rejects'}`
    : '';
  if (v.report)
    return [
      line([
        span('No agreement', 'strong'),
        span(`${rejecting}${e.ruleViolations.length ? '; the text breaks a rule:' : '.'}`),
      ]),
      ...e.ruleViolations.map((x) => v.citedLine(x)),
      ...(e.holdout === undefined
        ? []
        : [
            line(
              [
                span(
                  `The engine's count: ${v.name(e.holdout)} is this round's lone holdout, the one required actor that did not accept a text every other required actor accepted.`,
                ),
              ],
              4,
            ),
          ]),
    ];
  const rules = e.ruleViolations.length
    ? [
        line([span(`The text breaks the rule${e.ruleViolations.length > 1 ? 's' : ''}:`)], 4),
        ...e.ruleViolations.map((x) => v.citedLine(x)),
      ]
    : [];
  return [line([span('No agreement', 'strong'), span(rejecting ? `${rejecting}.` : '.')]), ...rules];
}

export function ratification(v: Voice, e: Entry<'ratification'>): Line[] {
  if (v.kind !== 'screen') {
    const w = ratificationWords(e.ratified, e.failing, (id) => v.name(id));
    const rules = v.report ? e.ruleViolations.map((x) => v.citedLine(x)) : [];
    return [line([span(w.label, e.ratified ? undefined : 'reject'), span(w.rest)]), ...rules];
  }
  return e.ratified
    ? [
        line([
          span('Ratified at the table', 'accept'),
          span(': every required actor still accepts, as things stand now.'),
        ]),
      ]
    : [
        line([
          span('Ratification at the table fails', 'reject'),
          span(
            `: ${e.failing.length ? `${listing(e.failing.map((id) => v.name(id)))} no longer accept${e.failing.length > 1 ? '' : 's'}` : 'a rule is broken'} as things stand now.`,
          ),
        ]),
      ];
}
