// What `outcomes` says of each `--inject` under its table: in how many runs it fired, in how many it was passed
// over with nothing to do (and why, as each run's transcript says), in how many the talks ended before its round —
// the same words for every actor. The table's shares stay over every run, with or without the inject having fired;
// the line says so, and gives the signing share among the runs where it fired as what it is (not its effect).
import type { Scenario } from '../domain/types.ts';
import type { InjectFate } from '../engine/inject-fate.ts';
import { injectText, type PlannedInject } from '../engine/inject-text.ts';
import type { OutcomesResult } from '../engine/outcomes-result.ts';
import type { Palette } from './io.ts';
import { actorPhrase } from './labels.ts';
import { sharePercent } from './share.ts';

const runs = (k: number) => `${k} run${k === 1 ? '' : 's'}`;

/**
 * Why an inject had nothing to do in a run, in words: "Ukraine no longer held the red line no-withdrawal: an event
 * of the scenario (…) had dropped it". The red line by its id, as the header's words for the inject name it.
 */
function passedOverWords(scenario: Scenario, p: PlannedInject, fate: InjectFate): string {
  if ('event' in p) return fate;
  const e = p.effect;
  const who = 'actor' in e ? actorPhrase(scenario, e.actor) : '';
  const redLine = e.kind === 'drop-red-line' ? e.redLine : '';
  const [, kind, cause, id] = fate.split(':');
  // an event by its title, as the header names the injected ones
  const event = `an event of the scenario (${scenario.events.find((x) => x.id === id)?.title ?? id})`;
  if (kind === 'walked-out') {
    const left = `${who} had already walked out`;
    if (cause === 'no-deal')
      return `${left} as a bot: nothing it could accept at the table was worth its value of no deal`;
    if (cause === 'patience') return `${left} as the mediator, its patience exhausted`;
    if (cause === 'ratification')
      return `${left}: anticipating ratification, nothing it could table would clear its own`;
    if (cause === 'event') return `${left}, with ${event}`;
    return `${left}, with an earlier inject of the run`;
  }
  if (kind === 'red-line-dropped')
    return `${who} no longer held the red line ${redLine}: ${cause === 'event' ? event : 'an earlier inject of the run'} had dropped it`;
  return `${who} did not hold the red line ${redLine} in round ${p.round}`;
}

/** One block per planned inject; none without injects. */
export function injectFateLines(scenario: Scenario, r: OutcomesResult, p: Palette): string[] {
  if (r.injects.length === 0) return [];
  const out = [
    '',
    `${p.bold('injects')} — the shares above are over all ${runs(r.draws)}, those where an inject fired and those where it did not:`,
  ];
  for (const i of r.injects) {
    const d = i.draws;
    const flag = `--inject ${injectText(i)}`;
    out.push(
      `  ${flag} ${d.fired === r.draws ? `fired in all ${runs(r.draws)}` : `fired in ${d.fired} of ${runs(r.draws)}`}`,
    );
    if (d.passedOver) out.push(`    passed over in ${d.passedOver}, with nothing to do:`);
    for (const x of d.reasons) out.push(`      in ${x.count}, ${passedOverWords(scenario, i, x.reason)}`);
    if (d.notReached)
      out.push(`    not reached in ${d.notReached}: the talks had ended before round ${i.round}`);
    const w = d.signedWhereFired;
    if (d.fired > 0 && d.fired < r.draws)
      out.push(
        p.dim(
          `    signed in ${w.runs} of the ${runs(d.fired)} where it fired (${sharePercent(w.share)} [${sharePercent(w.interval[0])}, ${sharePercent(w.interval[1])}]); those runs differ in their draws as well, so this is no measure of what the inject did`,
        ),
      );
  }
  return out;
}
