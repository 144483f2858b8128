// Verdicts in plain words: what the explorer says about an actor's verdict, a document, a number.

import { actorInSentence } from '../domain/actor-names.ts';
import { basisMark } from '../domain/basis.ts';
import type { Evaluation, Verdict, Violation } from '../domain/evaluate.ts';
import type { AppliedBeforeRecord } from '../domain/on-record.ts';
import type { BasisKind, Constraint, Scenario } from '../domain/types.ts';
import { count, digitsApart, fixed, n2, n3, signed } from '../report/format.ts';
import { anticipatedVoteWords } from '../report/ratification.ts';
import { aboveRef, versionAsides } from '../report/red-line-versions.ts';
import { listing, unconfirmedFlag } from '../report/words.ts';
import type { Span } from './layout.ts';
import { GLYPH, type Theme } from './theme.ts';

/** Two and three decimals with a true minus sign, and a signed change, as every output writes them. */
export { n2 as fix2, n3 as fix3 };

/** A distance from no deal at two decimals, or at as many more as it takes not to round it to nothing: a text
 * 0.0025 short of no deal (the CLI's −0.003) never reads "0.00 short of no deal". */
export function gap(x: number): string {
  return fixed(x, digitsApart([[x, 0]], 2));
}

/** A margin over no deal with its sign, as `gap`: a margin below zero never reads "+0.00" (the CLI's −0.003). */
export function signedGap(x: number): string {
  return signed(x, digitsApart([[x, 0]], 2));
}

/** A utility beside a value of no deal: two decimals, or more where two would make them read alike ("0.50 no
 * deal 0.50" for the CLI's 0.497 against 0.500). */
export function beside(utility: number, reservation: number): readonly [string, string] {
  const d = digitsApart([[utility, reservation]], 2);
  return [fixed(utility, d), fixed(reservation, d)];
}

function issueLabel(scenario: Scenario, id: string): string {
  const i = scenario.issueIndex.get(id);
  return i === undefined ? id : scenario.issues[i]!.label;
}

/** The scenario's dates for a heading: the situation, and where the record ends (given way first when short). */
export function situationParts(scenario: Scenario): string[] {
  const parts = [`situation of ${scenario.date}`];
  if (scenario.recordEnds) parts.push(`record ends ${scenario.recordEnds}`);
  return parts;
}

function sourcesText(sources: readonly string[]): string {
  return sources.length ? ` [${sources.join(', ')}]` : '';
}

/** " [reading]", " [assumption]", or "" for a stated item. */
export function basisText(basis: BasisKind): string {
  const m = basisMark(basis);
  return m ? ` ${m}` : '';
}

function redLineText(v: Violation): string {
  return `${v.text}${basisText(v.basis)}${sourcesText(v.sources)}${unconfirmedFlag(v.confirmed)}`;
}

/** One line per reason: red lines broken, or how far below no deal and which issues cost the actor most. */
export function reasonLines(scenario: Scenario, v: Verdict): string[] {
  if (v.violations.length) return v.violations.map((x) => `red line: ${redLineText(x)}`);
  // kept its red lines and beat no deal, but its body would vote the text down (negotiators anticipate it)
  if (!v.accepts && v.margin >= -1e-12 && v.wouldFail?.length)
    return [anticipatedVoteWords(scenario, v.wouldFail)];
  if (!v.accepts) {
    const costs = v.costs.slice(0, 3).map((c) => `${issueLabel(scenario, c.issue)}${basisText(c.basis)}`);
    return [
      `${gap(-v.margin)} short of what no deal is worth to it${basisText(v.reservationBasis)}${costs.length ? `; costs it most: ${costs.join(', ')}` : ''}`,
    ];
  }
  return [`${gap(v.margin)} better than no deal`];
}

/** "North (stylised Russia)" → "North": names short enough for a column or a list. */
export function shortName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '');
}

/** A name as a narrow column heading: "United States" → "US"; a long single word cut to nine letters. */
export function columnName(name: string): string {
  const plain = shortName(name);
  if (plain.length <= 9) return plain;
  const words = plain.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  return words.length > 1 ? words.map((w) => w[0]).join('') : plain.slice(0, 9);
}

/** "Ukraine, the European Union" — the required actors that reject (short names, as a sentence names them). */
export function rejecters(scenario: Scenario, ev: Evaluation): string[] {
  return ev.verdicts
    .filter((v) => !v.accepts && ev.required.includes(v.actor))
    .map((v) => shortName(actorInSentence(scenario, v.actor)));
}

/** One line on whether a package is an agreement, and what blocks it. */
export function agreementLine(scenario: Scenario, ev: Evaluation): string {
  const spare = scenario.actors.filter((a) => !ev.required.includes(a.id)).map((a) => shortName(a.name));
  const aside = spare.length ? ` · ${spare.join(', ')}: consent not needed` : '';
  if (ev.agreement) return `every actor whose consent is needed accepts${aside}`;
  const parts: string[] = [];
  const no = rejecters(scenario, ev);
  if (no.length) parts.push(`rejected by ${listing(no)}`);
  if (ev.ruleViolations.length) parts.push(`breaks ${count(ev.ruleViolations.length, 'rule')}`);
  return `${parts.join('; ')}${aside}`;
}

export { capitalise } from '../report/format.ts';
export { count as plural };

/** A red line (or rule) as styled text: its words, its sources dim, (unconfirmed) marked. */
export function redLineSpans(r: Violation | Constraint, theme: Theme, prefix?: Span): Span[] {
  return [
    ...(prefix ? [{ ...prefix, give: 'never' as const }] : []),
    { text: r.text },
    ...(basisMark(r.basis) ? [{ text: basisText(r.basis), color: theme.warn, give: 'never' as const }] : []),
    { text: sourcesText(r.sources), dim: true, give: 'last' as const },
    ...(r.confirmed ? [] : [{ text: unconfirmedFlag(false), color: theme.warn, give: 'never' as const }]),
  ];
}

/**
 * The mark of a red line applied before its earliest source, with that source and the scenario's reason — or, where
 * the reason's paragraph has no room (`reasonIn`: the command that prints it), where to read it.
 */
export function beforeRecordSpans(
  e: AppliedBeforeRecord | undefined,
  theme: Theme,
  reasonIn?: string,
): Span[] {
  if (!e) return [];
  const source = e.earliest ? `${e.earliest.source}, ${e.earliest.date}` : 'no source of it dated';
  const reason =
    e.heldEarlier === undefined
      ? 'no reason given'
      : reasonIn === undefined
        ? `held earlier: ${e.heldEarlier}`
        : `the reason: ${reasonIn}`;
  return [
    { text: ` ${GLYPH.before} `, color: theme.warn, give: 'never' as const },
    { text: `before its earliest source (${source})`, dim: true, give: 'never' as const },
    { text: `; ${reason}`, dim: true, give: 'first' as const },
  ];
}

/** Why an actor rejects, one styled reason each: the red lines broken (and how short of no deal, if it is), or how
 * short of no deal and what costs most. */
export function reasonSpans(
  scenario: Scenario,
  v: Verdict,
  theme: Theme,
  before: readonly AppliedBeforeRecord[] = [],
): Span[][] {
  if (v.violations.length) {
    // two versions of one contested fact (the words stated, the modeller's stricter reading of them) read as one
    // position contradicting itself unless the later says what it is, as every command's list of red lines does
    const asides = versionAsides(scenario, v.actor, v.violations, aboveRef);
    const lines = v.violations.map((x, k) => [
      ...redLineSpans(x, theme, { text: 'red line: ', color: theme.reject, bold: true }),
      ...(asides[k] ? [{ text: ` (${asides[k]})`, dim: true, give: 'never' as const }] : []),
      ...beforeRecordSpans(
        before.find((e) => e.actor === v.actor && e.kind === 'redLine' && e.id === x.redLine),
        theme,
      ),
    ]);
    // keeping its red lines alone would not win it over: the package is also worth less than no deal
    if (v.margin < 0)
      lines.push([
        { text: `and ${gap(-v.margin)} short of no deal`, color: theme.reject },
        ...(basisMark(v.reservationBasis)
          ? [{ text: basisText(v.reservationBasis), color: theme.warn, give: 'never' as const }]
          : []),
      ]);
    return lines;
  }
  if (v.accepts) return [];
  const costs = v.costs.slice(0, 3).map((c) => `${issueLabel(scenario, c.issue)}${basisText(c.basis)}`);
  return [
    [
      { text: `${gap(-v.margin)} short of no deal`, color: theme.reject, bold: true, give: 'never' as const },
      ...(basisMark(v.reservationBasis)
        ? [{ text: basisText(v.reservationBasis), color: theme.warn, give: 'never' as const }]
        : []),
      // what costs it most is an aside to the number: it gives way first
      ...(costs.length ? [{ text: `; costs it most: ${costs.join(', ')}`, give: 'first' as const }] : []),
    ],
  ];
}
