// The hypotheses every run of a scenario has on — drifts of the values of no deal, and events fired by a round or by
// blame that act on an actor (docs/scenario-format.md: "Hypotheses come in pairs") — as data (show --json) and in
// one line with each one's basis, for the header of a command that runs the negotiation many times and says what it
// varies. The line is built from the data, so the words and the JSON cannot part.
import { nameInSentence } from '../domain/actor-names.ts';
import { basisMark } from '../domain/basis.ts';
import type { BasisKind, Scenario } from '../domain/types.ts';
import { onByDefault } from '../scenario/audit.ts';
import { signed } from './format.ts';
import { possessive } from './words.ts';

/** A drift of an actor's value of no deal: its id, the change a round and the basis of the hypothesis. */
interface DriftOn {
  readonly actor: string;
  readonly perRound: number;
  readonly basis: BasisKind;
}

/** An event every run fires, by a round or by an actor's blame count, that acts on an actor. */
interface EventOn {
  readonly id: string;
  readonly title: string;
  readonly trigger:
    | { readonly round: number }
    | { readonly blame: { readonly actor: string; readonly atLeast: number } };
  readonly basis: BasisKind;
  readonly confirmed: boolean;
}

export interface HypothesesOn {
  readonly drifts: readonly DriftOn[];
  readonly events: readonly EventOn[];
}

/** The hypotheses every run has on, with ids (none on: both lists empty). */
export function hypothesesOn(s: Scenario): HypothesesOn {
  const drifts = s.actors
    .filter((a) => a.reservation.drift !== 0)
    .map((a) => ({
      actor: a.id,
      perRound: a.reservation.drift,
      basis: a.reservation.driftHypothesis?.basis ?? 'assumption',
    }));
  const events = s.events
    .filter((e) => onByDefault(e) && e.effects.some((x) => 'actor' in x))
    .flatMap((e): EventOn[] => {
      const t = e.trigger;
      const trigger =
        'blame' in t
          ? { blame: { actor: s.actors[t.blame.actor]!.id, atLeast: t.blame.atLeast } }
          : 'round' in t
            ? { round: t.round }
            : null;
      return trigger ? [{ id: e.id, title: e.title, trigger, basis: e.basis, confirmed: e.confirmed }] : [];
    });
  return { drifts, events };
}

const marked = (text: string, basis: BasisKind) => (basisMark(basis) ? `${text} ${basisMark(basis)}` : text);

/** "hypotheses the scenario turns on in every run: Russia's value of no deal +0.005 a round [reading], …", or null when none is on. */
export function hypothesesOnWords(s: Scenario): string | null {
  const on = hypothesesOn(s);
  const actor = (id: string) => s.actors[s.actorIndex.get(id)!]!;
  const drifts = on.drifts.map((d) =>
    marked(
      `${possessive(nameInSentence(actor(d.actor)))} value of no deal ${signed(d.perRound)} a round`,
      d.basis,
    ),
  );
  const events = on.events.map((e) => {
    const t = e.trigger;
    const when =
      'blame' in t
        ? `when ${nameInSentence(actor(t.blame.actor))} is blamed ${t.blame.atLeast} ${t.blame.atLeast === 1 ? 'time' : 'times'}`
        : `in round ${t.round}`;
    return `${marked(`"${e.title}" ${when}`, e.basis)}${e.confirmed ? '' : ' (unconfirmed)'}`;
  });
  const all = [...drifts, ...events];
  return all.length ? `hypotheses the scenario turns on in every run: ${all.join('; ')}` : null;
}
