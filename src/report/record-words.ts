// A recorded reaction as a person reads it: whose, which reaction, to which text, when — worded from the scenario,
// so that every text output, screen and report names it the same way. Its id stays where programs read (--json, CSV)
// and in `peacesim sources --key`.
import { nameInSentence } from '../domain/actor-names.ts';
import type { RecordedReaction, Scenario } from '../domain/types.ts';
import { dateWords } from './date-words.ts';
import { possessive } from './words.ts';

/**
 * "Russia's rejection of Ukraine's position at Istanbul (15 Apr 2022)"; a name that ends in a parenthesis, where
 * a possessive would not read, takes "by": "the acceptance by North (stylised Russia) of North's opening demands".
 */
export function recordedReactionWords(s: Scenario, r: RecordedReaction): string {
  const a = s.actors[r.actor];
  const who = a ? nameInSentence(a) : String(r.actor);
  const what = r.reaction === 'accept' ? 'acceptance' : 'rejection';
  // a title's leading article is lower case inside the sentence: "Ukraine's rejection of the US "final offer""
  const doc = (s.documents.find((d) => d.id === r.document)?.title ?? r.document).replace(
    /^The (?=\S)/,
    'the ',
  );
  const when = `(${dateWords(r.date)})`;
  if (who.endsWith(')')) return `the ${what} by ${who} of ${doc} ${when}`;
  return `${possessive(who)} ${what} of ${doc} ${when}`;
}

/** The words of the recorded reaction with this id; the id itself when the scenario records none by it. */
export function recordedReactionWordsById(s: Scenario, id: string): string {
  const r = s.record.find((x) => x.id === id);
  return r ? recordedReactionWords(s, r) : id;
}
