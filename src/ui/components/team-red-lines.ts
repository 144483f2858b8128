// A team's red lines as the play screen's card and its term editor show them: the scenario's words, the basis mark,
// the record's flag, the aside of a second version of one contested fact, and the † note of one the scenario applies
// before its earliest source — the same marks `peacesim brief` gives.
import { redLineOf } from '../../domain/evaluate.ts';
import { type AppliedBeforeRecord, appliedBeforeRecord } from '../../domain/on-record.ts';
import type { Actor, Scenario } from '../../domain/types.ts';
import { aboveRef, versionAsides } from '../../report/red-line-versions.ts';
import type { Span } from '../layout.ts';
import type { Theme } from '../theme.ts';
import { basisText, beforeRecordSpans } from '../words.ts';

/**
 * One of a team's red lines as its card and its term editor show it: {@link ownRedLineSpans}, then the † note when
 * the scenario applies it before its earliest source (`early`: the team's red lines so applied).
 */
export function teamRedLineSpans(
  r: Actor['redLines'][number],
  theme: Theme,
  aside: string | null,
  early: readonly AppliedBeforeRecord[],
): Span[] {
  return [
    ...ownRedLineSpans(r, theme.warn, aside),
    ...beforeRecordSpans(
      early.find((e) => e.kind === 'redLine' && e.id === r.id),
      theme,
      'peacesim brief',
    ),
  ];
}

/** The team's red lines the scenario applies before their earliest source, on the scenario's date. */
export function earlyRedLines(scenario: Scenario, actor: Actor): AppliedBeforeRecord[] {
  return appliedBeforeRecord(scenario, scenario.date).filter(
    (e) => e.actor === actor.id && e.kind === 'redLine',
  );
}

/**
 * One of a team's red lines: its words, its basis mark, and, when it is the later of two versions of one contested
 * fact in the list shown, the aside that says so (as the cards of `peacesim brief` say it).
 */
export function ownRedLineSpans(
  r: Actor['redLines'][number],
  warn: string | undefined,
  aside: string | null = null,
): Span[] {
  return [
    { text: r.text },
    ...(basisText(r.basis) ? [{ text: basisText(r.basis), color: warn, give: 'never' as const }] : []),
    // the record's flag in the words `peacesim brief` gives it: a recall is commonly reported, not merely unsettled
    ...(r.recall || !r.confirmed
      ? [{ text: r.recall ? ' (recall)' : ' (unconfirmed)', color: warn, give: 'never' as const }]
      : []),
    ...(aside ? [{ text: ` (${aside})`, dim: true, give: 'first' as const }] : []),
  ];
}

/** For each of the red lines in the order shown, the aside of a second version of one contested fact, or null. */
export function redLineAsides(
  scenario: Scenario,
  actor: Actor,
  shown: readonly Actor['redLines'][number][],
): (string | null)[] {
  return versionAsides(scenario, actor.id, shown.map(redLineOf), aboveRef);
}
