// Names for where a person reads the command line's text: labels, never ids (ids stay in --json and CSV).
import { withBasis } from '../domain/basis.ts';
import type { Scenario } from '../domain/types.ts';
import type { PlannedInject } from '../engine/headless.ts';
import { optionLabel } from '../report/format.ts';
import { AD_HOC_WORDS, actorName, issueLabel, possessive } from '../report/words.ts';

export { actorName, issueLabel };

/** "North (stylised Russia)" → "North": a name short enough for a table's column. */
export function shortName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '');
}

/** An actor's short name, by id. */
export function actorShort(scenario: Scenario, id: string): string {
  return shortName(actorName(scenario, id));
}

/** A document's title, by id. */
export function documentTitle(scenario: Scenario, id: string): string {
  return scenario.documents.find((d) => d.id === id)?.title ?? id;
}

/**
 * Planned injects in words, by their events' titles: "The coalition of the willing is announced in round 2"; an
 * ad-hoc one by what it does: "an ad-hoc inject (a document tabled) in round 3".
 */
export function injectsWords(scenario: Scenario, injects: readonly PlannedInject[]): string {
  const what = (i: PlannedInject) =>
    'event' in i
      ? (scenario.events.find((e) => e.id === i.event)?.title ?? i.event)
      : `an ad-hoc inject (${AD_HOC_WORDS[i.effect.kind]})`;
  return injects.map((i) => `${what(i)} in round ${i.round}`).join(', ');
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
  const name = actorShort(scenario, actor ?? '');
  const whose = possessive(name);
  if (kind === 'reservation') return `${whose} value of no deal`;
  if (kind === 'weight' && issue !== undefined) return `${whose} weight on ${issueLabel(scenario, issue)}`;
  return parameter;
}
