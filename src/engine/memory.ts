// What the mediator remembers of its own search, read from the transcript: the texts tabled and the values it
// moved terms away from, since the last new information — an event or inject (scheduled, blame-triggered or by
// hand) or a walk-out. Drift is no news: it is in the scenario from the start. With this memory the mediator
// never tables a text again, nor undoes its own change, unless something has happened since.
import type { MediatorMemory } from '../agents/mediator.ts';
import type { Scenario } from '../domain/types.ts';
import { optionOf, packageOf, termHistory } from './terms.ts';
import type { TranscriptEntry } from './transcript.ts';

export function mediatorMemory(
  scenario: Scenario,
  transcript: readonly TranscriptEntry[],
  mediator: number,
): MediatorMemory {
  const since = transcript.findLastIndex((e) => e.kind === 'inject' || e.kind === 'walk-out');
  const sq = scenario.issues.map((x) => x.statusQuo);
  const id = scenario.actors[mediator]!.id;
  const tabled = termHistory(transcript)
    .filter((h) => h.seq > since)
    .map((h) => packageOf(scenario, h.sheet, sq));
  const abandoned: [number, number][] = [];
  for (const e of transcript.slice(since + 1))
    if (e.kind === 'revised' && e.actor === id && e.human !== true)
      for (const c of e.changes) {
        const issue = scenario.issueIndex.get(c.issue)!;
        abandoned.push([issue, optionOf(scenario, issue, c.from)]);
      }
  return { tabled, abandoned };
}
