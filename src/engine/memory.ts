// What the mediator remembers of its own search, read from the transcript: the texts tabled and the values it
// moved terms away from, since the last new information. New information is what the mediator's own texts did not
// bring about: an event or inject (scheduled, blame-triggered or by hand), a walk-out, or an actor answering the
// same text as in the round before in another way (it now accepts it, or now finds it worth less than no deal:
// its value of no deal or its demands moved). With this memory the mediator never tables a text again, nor undoes
// its own change, unless something has happened since.
import type { MediatorMemory } from '../agents/mediator.ts';
import type { Scenario } from '../domain/types.ts';
import { optionOf, packageOf, type TermSheet, termHistory } from './terms.ts';
import type { TranscriptEntry } from './transcript.ts';

type Verdict = Extract<TranscriptEntry, { kind: 'verdict' }>;
type TextOnTable = ReturnType<typeof termHistory>[number];

/** How an actor answered: accepted, refused on a red line, found the text below no deal, or held out for more. */
function answerOf(v: Verdict): string {
  if (v.accepts) return 'accept';
  if (v.violations.length) return 'red-line';
  return v.utility < v.reservation ? 'below-no-deal' : 'holds-out';
}

interface Answers {
  /** the text answered, as its term sheet in JSON */
  readonly text: string;
  readonly answers: Map<string, string>;
  /** the seq of the last answer */
  last: number;
}

/** A sheet's JSON, memoised on the (frozen, shared) sheet: the text answered, compared between rounds. */
const json = new WeakMap<TermSheet, string>();
function jsonOf(sheet: TermSheet): string {
  let out = json.get(sheet);
  if (out === undefined) {
    out = JSON.stringify(sheet);
    json.set(sheet, out);
  }
  return out;
}

/** The seq of the last entry that brought new information, or −1. */
function lastNews(transcript: readonly TranscriptEntry[], texts: readonly TextOnTable[]): number {
  const sheets = new Map(texts.map((h) => [h.seq, jsonOf(h.sheet)]));
  let news = -1;
  let text = '';
  let previous: Answers | null = null;
  let current: Answers | null = null;
  for (const e of transcript) {
    if (e.kind === 'inject' || e.kind === 'walk-out') news = e.seq;
    text = sheets.get(e.seq) ?? text;
    if (e.kind === 'verdict') {
      current ??= { text, answers: new Map(), last: e.seq };
      current.answers.set(e.actor, answerOf(e));
      current.last = e.seq;
    }
    if (e.kind !== 'tally' || !current) continue;
    // the same text answered otherwise than the round before: something moved that the text did not
    const was = previous?.text === current.text ? previous.answers : null;
    for (const [actor, answer] of current.answers)
      if (was?.has(actor) && was.get(actor) !== answer) news = Math.max(news, current.last);
    previous = current;
    current = null;
  }
  return news;
}

export function mediatorMemory(
  scenario: Scenario,
  transcript: readonly TranscriptEntry[],
  mediator: number,
): MediatorMemory {
  const texts = termHistory(transcript);
  const since = lastNews(transcript, texts);
  const sq = scenario.issues.map((x) => x.statusQuo);
  const id = scenario.actors[mediator]!.id;
  const tabled = texts.filter((h) => h.seq > since).map((h) => packageOf(scenario, h.sheet, sq));
  const abandoned: [number, number][] = [];
  for (const e of transcript.slice(since + 1))
    if (e.kind === 'revised' && e.actor === id && e.human !== true)
      for (const c of e.changes) {
        const issue = scenario.issueIndex.get(c.issue)!;
        abandoned.push([issue, optionOf(scenario, issue, c.from)]);
      }
  return { tabled, abandoned };
}
