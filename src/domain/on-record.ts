// When a position came on the record. A document is judged by the positions in force on its date; a position rests
// on the record of that date when one of its sources is dated on or before it. One that does not is applied before
// the record of its date: the scenario may say why it held earlier (`heldEarlier`), and whoever reads a verdict it
// judged should see that it did. The lint of the file (scenario/anachronism.ts) and what the commands show both
// decide it here.
import { compareDates } from './dates.ts';
import { epochsInForce, positionsAsOf } from './positions.ts';
import type { Actor, Scenario } from './types.ts';

/** A source of a position and the date it carries. */
export interface DatedSource {
  readonly source: string;
  readonly date: string;
}

/**
 * Where a position stands against the record of a date: null when one of its sources is dated on or before the date,
 * or when it cites none (an assumption rests on no record); otherwise `{ earliest }`, its earliest dated source —
 * later than the date — or `{}` when none of its sources carries a date. `dateOf` gives a source's date as written.
 */
export function beforeRecord(
  sources: readonly string[],
  dateOf: (source: string) => string | undefined,
  date: string,
): { readonly earliest?: DatedSource } | null {
  if (sources.length === 0) return null;
  let earliest: DatedSource | undefined;
  for (const source of sources) {
    const d = dateOf(source);
    if (d !== undefined && (earliest === undefined || compareDates(d, earliest.date) < 0))
      earliest = { source, date: d };
  }
  if (earliest !== undefined && compareDates(earliest.date, date) <= 0) return null;
  return earliest === undefined ? {} : { earliest };
}

/** A red line or preference in force on a date whose sources are all later than the date (or undated). */
export interface AppliedBeforeRecord {
  /** the actor's id */
  readonly actor: string;
  readonly kind: 'redLine' | 'preference';
  /** the red line's id; for a preference, the issue's */
  readonly id: string;
  /** the epoch that set the position on that date; absent: the actor's top-level position */
  readonly epoch?: string;
  /** its earliest source and that source's date as written; absent when none of its sources carries a date */
  readonly earliest?: DatedSource;
  /** the scenario's reason it held before its sources (`heldEarlier`); absent: it gives none (validate warns) */
  readonly heldEarlier?: string;
}

/** The last epoch in force that set the position (the positions in force come from it), if any did. */
function setBy(
  actor: Actor,
  date: string,
  sets: (e: Actor['epochs'][number]) => boolean,
): string | undefined {
  return epochsInForce(actor, date).findLast(sets)?.id;
}

/**
 * Every red line and preference in force on `date` (the positions `positionsAsOf` gives) that rests on no source
 * dated on or before it: by actor in scenario order, red lines before preferences, preferences in issue order.
 */
export function appliedBeforeRecord(scenario: Scenario, date: string): AppliedBeforeRecord[] {
  const dates = new Map<string, string>();
  for (const s of scenario.sources) if (s.date !== undefined) dates.set(s.id, s.date);
  const dateOf = (id: string) => dates.get(id);
  const out: AppliedBeforeRecord[] = [];
  const add = (
    actor: Actor,
    kind: AppliedBeforeRecord['kind'],
    id: string,
    position: { readonly sources: readonly string[]; readonly heldEarlier?: string },
    epoch: string | undefined,
  ) => {
    const at = beforeRecord(position.sources, dateOf, date);
    if (at === null) return;
    out.push({
      actor: actor.id,
      kind,
      id,
      ...(epoch === undefined ? {} : { epoch }),
      ...at,
      ...(position.heldEarlier === undefined ? {} : { heldEarlier: position.heldEarlier }),
    });
  };
  const judged = positionsAsOf(scenario, date);
  for (const actor of judged.actors) {
    const written = scenario.actors[actor.index]!;
    for (const r of actor.redLines)
      add(
        actor,
        'redLine',
        r.id,
        r,
        setBy(written, date, (e) => e.addRedLines.some((x) => x.id === r.id)),
      );
    actor.preferences.forEach((p, i) => {
      if (!p) return;
      const epoch = setBy(written, date, (e) => e.preferences.some((o) => o.issue === i));
      add(actor, 'preference', scenario.issues[i]!.id, p, epoch);
    });
  }
  return out;
}
