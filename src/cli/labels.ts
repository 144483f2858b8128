// Names for where a person reads the command line's text: labels, never ids (ids stay in --json and CSV).
import { actorInSentence } from '../domain/actor-names.ts';
import { withBasis } from '../domain/basis.ts';
import type { Scenario } from '../domain/types.ts';
import type { AdHocEffect } from '../engine/events.ts';
import type { PlannedInject } from '../engine/inject-text.ts';
import { optionLabel } from '../report/format.ts';
import { actorName, issueLabel, possessive } from '../report/words.ts';

export { actorName, issueLabel };

/** "North (stylised Russia)" → "North": a name short enough for a table's column. */
export function shortName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '');
}

/** An actor's short name, by id. */
export function actorShort(scenario: Scenario, id: string): string {
  return shortName(actorName(scenario, id));
}

/** An actor's short name as a sentence names it ("the United States"), by id. */
export function actorPhrase(scenario: Scenario, id: string): string {
  return shortName(actorInSentence(scenario, id));
}

/** A document's title, by id. */
function documentTitle(scenario: Scenario, id: string): string {
  return scenario.documents.find((d) => d.id === id)?.title ?? id;
}

/** An ad-hoc effect in words, the same construction for every actor: "Russia's value of no deal shifted by -0.1". */
function adHocWords(scenario: Scenario, e: AdHocEffect): string {
  switch (e.kind) {
    case 'set-reservation':
      return `${possessive(actorPhrase(scenario, e.actor))} value of no deal set to ${e.value}`;
    case 'shift-reservation':
      return `${possessive(actorPhrase(scenario, e.actor))} value of no deal shifted by ${e.delta > 0 ? '+' : ''}${e.delta}`;
    case 'set-weight':
      return `${possessive(actorPhrase(scenario, e.actor))} weight on ${issueLabel(scenario, e.issue)} set to ${e.weight}`;
    case 'drop-red-line':
      return `${possessive(actorPhrase(scenario, e.actor))} red line ${e.redLine} dropped`;
    case 'table':
      return `${documentTitle(scenario, e.document)} tabled`;
    case 'walk-out':
      return `a walk-out of ${actorPhrase(scenario, e.actor)}`;
    case 'goodwill':
      return `${possessive(actorPhrase(scenario, e.actor))} gesture, counted as goodwill`;
  }
}

/**
 * Planned injects in words, by their events' titles: "The coalition of the willing is announced in round 2"; an
 * ad-hoc one by what it does, marked as the assumption it is: "Russia's value of no deal shifted by -0.1 in round
 * 2 (ad hoc: the analyst's assumption)".
 */
export function injectsWords(scenario: Scenario, injects: readonly PlannedInject[]): string {
  return injects
    .map((i) =>
      'event' in i
        ? `${scenario.events.find((e) => e.id === i.event)?.title ?? i.event} in round ${i.round}`
        : `${adHocWords(scenario, i.effect)} in round ${i.round} (ad hoc: the analyst's assumption)`,
    )
    .join(', ');
}

/**
 * A set of dated positions by id, with whose they are and its basis when it is not stated (the lines that list
 * them close with the legend "unmarked: stated"): "Russia: Before Moscow refused a ceasefire for a referendum
 * [reading]".
 */
export function epochLabel(scenario: Scenario, id: string): string {
  for (const a of scenario.actors) {
    const e = a.epochs.find((x) => x.id === id);
    if (e) return withBasis(`${shortName(a.name)}: ${e.label}`, e.basis);
  }
  return id;
}

/** A red line's or a rule's words, by id (an actor's red lines first, then the scenario's rules). */
export function constraintText(scenario: Scenario, id: string): string {
  for (const a of scenario.actors) {
    const r = a.redLines.find((x) => x.id === id);
    if (r) return r.text;
  }
  return scenario.rules.find((x) => x.id === id)?.text ?? id;
}

/** The terms of a package as "Issue: option; …", labels only. */
export function termsText(scenario: Scenario, terms: Readonly<Record<string, string | number>>): string {
  return Object.entries(terms)
    .map(([issue, value]) => `${issueLabel(scenario, issue)}: ${optionLabel(scenario, issue, value)}`)
    .join('; ');
}

/** An uncertain parameter of a sweep ("south.weight.guarantee") in words: "South's weight on Security guarantee". */
export function parameterLabel(scenario: Scenario, parameter: string): string {
  const [actor, kind, issue] = parameter.split('.');
  // "ratification.<id>.threshold": the utility a ratifying body's approval needs
  const hurdle = scenario.ratifications.find(
    (r) => actor === 'ratification' && issue === 'threshold' && r.id === kind,
  );
  if (hurdle) return `the threshold of ${hurdle.label}`;
  const name = actorPhrase(scenario, actor ?? '');
  const whose = possessive(name);
  if (kind === 'reservation') return `${whose} value of no deal`;
  if (kind === 'weight' && issue !== undefined) return `${whose} weight on ${issueLabel(scenario, issue)}`;
  return parameter;
}
