// Which of a list of an actor's red lines are versions of one contested fact: the scenario keeps the words as a stated
// red line and the modeller's stricter inference from them as a reading of its own (docs/scenarios.md, "Contested
// datings"), and a text can break both, a briefing card can list both. Read from the data alone, never from the words: a reading is a version of a
// stated red line of the same actor when every source it cites is one the stated line cites too and the two
// conditions read a common issue. The aside on the later of the two says so, with the span of the epoch that holds
// the reading when one does.
import type { Violation } from '../domain/evaluate.ts';
import type { ActorEpoch, Constraint, Scenario } from '../domain/types.ts';

/** The red line a violation names, as the scenario writes it: top level, in an epoch or added by an event. */
function constraintOf(s: Scenario, actor: string, v: Violation): Constraint | undefined {
  const a = s.actors.find((x) => x.id === actor);
  if (!a) return undefined;
  const same = (c: Constraint) => c.id === v.redLine && c.text === v.text;
  const events = s.events.flatMap((e) =>
    e.effects.flatMap((x) => (x.kind === 'add-red-line' && x.actor === a.index ? [x.redLine] : [])),
  );
  return [...a.redLines, ...a.epochs.flatMap((e) => e.addRedLines), ...events].find(same);
}

/** The epoch that adds the red line, if it is not the actor's top level. */
function epochOf(s: Scenario, actor: string, v: Violation): ActorEpoch | undefined {
  const a = s.actors.find((x) => x.id === actor);
  return a?.epochs.find((e) => e.addRedLines.some((c) => c.id === v.redLine && c.text === v.text));
}

/** Whether `reading` is a reading of the statements `stated` cites: its sources among them, a common issue. */
function readsTheSame(s: Scenario, actor: string, reading: Violation, stated: Violation): boolean {
  if (reading.basis !== 'reading' || stated.basis !== 'stated' || reading.sources.length === 0) return false;
  if (!reading.sources.every((k) => stated.sources.includes(k))) return false;
  const a = constraintOf(s, actor, reading);
  const b = constraintOf(s, actor, stated);
  return a !== undefined && b !== undefined && a.scope.some((i) => b.scope.includes(i));
}

/** ", in force until 2025-12-23" (from, until or both, as the epoch writes them), or "" at the top level. */
function spanWords(e: ActorEpoch | undefined): string {
  if (!e || (e.from === undefined && e.until === undefined)) return '';
  const from = e.from === undefined ? '' : ` from ${e.from}`;
  const until = e.until === undefined ? '' : ` until ${e.until}`;
  return `, in force${from}${until}`;
}

/** How a bulleted list names the earlier of two versions: by its place, as it has no number. */
export const aboveRef = (): string => 'a red line above';

/**
 * For each of a list of an actor's red lines (broken ones, or a card's; in their order), the aside that says it is a version of an earlier one
 * of the list — "a reading of the same statements as red line 1, in force until 2025-12-23" — or null. `ref` names
 * the earlier item by its index ("red line 1" in a numbered list, "a red line above" in a bulleted one).
 */
export function versionAsides(
  s: Scenario,
  actor: string,
  violations: readonly Violation[],
  ref: (earlier: number) => string,
): (string | null)[] {
  return violations.map((v, k) => {
    for (let j = 0; j < k; j++) {
      const u = violations[j]!;
      const [reading, stated] = readsTheSame(s, actor, v, u)
        ? [v, u]
        : readsTheSame(s, actor, u, v)
          ? [u, v]
          : [null, null];
      if (!reading || !stated) continue;
      const same = reading.sources.length === stated.sources.length;
      const span = spanWords(epochOf(s, actor, reading));
      if (reading === v)
        return `a reading of ${same ? `the same statements as ${ref(j)}` : `statements that ${ref(j)} rests on`}${span}`;
      return `stated; ${ref(j)} is a reading of ${same ? 'the same statements' : 'statements this one rests on'}${span}`;
    }
    return null;
  });
}
