// The hypotheses every run of a scenario has on — drifts of the values of no deal, and events fired by a round or by
// blame that act on an actor (docs/scenario-format.md: "Hypotheses come in pairs") — in one line with each one's
// basis, for the header of a command that runs the negotiation many times and says what it varies.
import { nameInSentence } from '../domain/actor-names.ts';
import { basisMark } from '../domain/basis.ts';
import type { Scenario } from '../domain/types.ts';
import { onByDefault } from '../scenario/audit.ts';
import { signed } from './format.ts';
import { possessive } from './words.ts';

const marked = (text: string, basis: Parameters<typeof basisMark>[0]) =>
  basisMark(basis) ? `${text} ${basisMark(basis)}` : text;

/** "hypotheses the scenario turns on in every run: Russia's value of no deal +0.005 a round [reading], …", or null when none is on. */
export function hypothesesOnWords(s: Scenario): string | null {
  const drifts = s.actors
    .filter((a) => a.reservation.drift !== 0)
    .map((a) =>
      marked(
        `${possessive(nameInSentence(a))} value of no deal ${signed(a.reservation.drift)} a round`,
        a.reservation.driftHypothesis?.basis ?? 'assumption',
      ),
    );
  const events = s.events
    .filter((e) => onByDefault(e) && e.effects.some((x) => 'actor' in x))
    .map((e) => {
      const t = e.trigger;
      const when =
        'blame' in t
          ? `when ${nameInSentence(s.actors[t.blame.actor]!)} is blamed ${t.blame.atLeast} ${t.blame.atLeast === 1 ? 'time' : 'times'}`
          : 'round' in t
            ? `in round ${t.round}`
            : '';
      return `${marked(`"${e.title}" ${when}`, e.basis)}${e.confirmed ? '' : ' (unconfirmed)'}`;
    });
  const all = [...drifts, ...events];
  return all.length ? `hypotheses the scenario turns on in every run: ${all.join('; ')}` : null;
}
