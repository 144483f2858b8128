// How an actor is named: its plain name for headings, labels, column cells and `--json`; inside a sentence, the
// form the scenario gives (`inSentence: the United States`), capitalised when the sentence starts with it.
import type { Scenario } from './types.ts';

/** What names an actor: its name and, when English wants another inside a sentence, that form. */
export interface Named {
  readonly name: string;
  readonly inSentence?: string | undefined;
}

/** An actor's name inside a sentence: "the United States", "Russia" (the name when the scenario gives no form). */
export function nameInSentence(actor: Named): string {
  return actor.inSentence ?? actor.name;
}

/** An actor's name at a sentence's start: "The United States", "Russia". */
export function nameAtStart(actor: Named): string {
  const n = nameInSentence(actor);
  return n.charAt(0).toUpperCase() + n.slice(1);
}

/** {@link nameInSentence} by id (the id itself when no actor has it). */
export function actorInSentence(scenario: Scenario, id: string): string {
  const a = scenario.actors.find((x) => x.id === id);
  return a ? nameInSentence(a) : id;
}

/** {@link nameAtStart} by id (the id itself when no actor has it). */
export function actorAtStart(scenario: Scenario, id: string): string {
  const a = scenario.actors.find((x) => x.id === id);
  return a ? nameAtStart(a) : id;
}
