// The sources a text for the terminal cites, listed once at its end: the keys in brackets ([s52, geneva-round-2026])
// stay short where they are cited, and the reader finds each one here, with what the scenario says of it.
import type { Scenario } from '../domain/types.ts';
import { citedKeys, scenarioWord } from './sources.ts';

/**
 * The "Sources cited" list for a text (`run`, `resume`): each key the text cites once, in order of first citing, with
 * the source's title, outlet, date and reliability note as the scenario gives them; [] when the text cites none.
 */
export function sourcesCitedLines(s: Scenario, scenarioArg: string, text: string): string[] {
  const keys = citedKeys(s, text);
  if (!keys.length) return [];
  const byId = new Map(s.sources.map((x) => [x.id, x]));
  const first = keys[0]!;
  return [
    'Sources cited',
    `  A key in brackets above, such as [${first}], names one of these; peacesim sources ${scenarioWord(scenarioArg)} --key ${first} shows where to find it and what else in the scenario rests on it. A red line or rule is given in the scenario's words, not the actor's: a summary, never a quotation ([reading]: inferred from its sources; [assumption]: the modeller's; unmarked: stated by the actor).`,
    ...keys.map((k) => {
      const src = byId.get(k)!;
      const meta = [src.publisher, src.date].filter((x): x is string => Boolean(x));
      const reliability = src.reliability ? ` Reliability: ${src.reliability}` : '';
      return `  [${k}] ${src.title}${meta.length ? ` — ${meta.join(', ')}` : ''}.${reliability}`;
    }),
  ];
}
