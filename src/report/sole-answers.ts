// The engine counts an actor the lone holdout when it rejects a text every other required actor accepted. Under
// alternating offers the only other required actor is the proposer, whose acceptance is its own proposal: each
// rejection by the one actor answering counts. The blame lists then differ by how many texts each side answered,
// not by how each answered — so the words beside them say, for every side, how many texts it answered alone and
// how many of those were counted against it. Read off the transcript (engine/sole-answers.ts): the run's --json.
import { soleAnswers } from '../engine/sole-answers.ts';
import type { BlameCount, TranscriptEntry } from '../engine/transcript.ts';
import { count } from './format.ts';

/**
 * When some of the counted lone holdouts were texts one actor answered alone: the same rule for every side, with
 * how many texts each answered alone and how many of them the count (`blame`, after any forgiveness) holds
 * against it. Null when no counted round was one.
 */
export function soleAnswerNote(
  entries: readonly TranscriptEntry[],
  blame: readonly Pick<BlameCount, 'actor' | 'holdouts'>[],
  name: (id: string) => string,
): string | null {
  const sole = soleAnswers(entries);
  const counted = (actor: string) => {
    const rounds = new Set(sole.get(actor)?.rounds ?? []);
    return (blame.find((b) => b.actor === actor)?.holdouts ?? []).filter((r) => rounds.has(r)).length;
  };
  if (![...sole.keys()].some((a) => counted(a) > 0)) return null;
  const each = [...sole].map(
    ([actor, x]) =>
      `${name(actor)} answered ${count(x.rounds.length, 'text')} alone, ${counted(actor)} of them counted`,
  );
  return `A text that only one actor answered (another party's proposal, which its proposer accepts by tabling it) makes that actor the lone holdout when it rejects it and the text keeps the rules: ${each.join('; ')}.`;
}
