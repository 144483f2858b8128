// What `run`, `outcomes` and `hinges` check and record of a run before it starts: its plan (injects, people's
// moves) and where its scenario came from. Apart from commands/run.ts, which loads zod for --moves files:
// outcomes needs neither zod nor the headless driver.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { actorInSentence, nameInSentence } from '../domain/actor-names.ts';
import { PeacesimError, UnknownIdError } from '../domain/errors.ts';
import type { Scenario } from '../domain/types.ts';
import type { AdHocEffect } from '../engine/events.ts';
import { peopleAtTheTable } from '../engine/game.ts';
import { injectText, type PlannedEvent, type PlannedInject } from '../engine/inject-text.ts';
import { type RunOptions, resolveOptions } from '../engine/options.ts';
import { capitalise } from '../report/format.ts';
import { listing } from '../report/words.ts';
import { withFlags } from './core-errors.ts';
import { shippedIds } from './paths.ts';

/** Where the scenario came from, for a session: a shipped id, or an absolute path. */
export function scenarioSource(name: string): string {
  return shippedIds().includes(name) && !existsSync(name) ? name : resolve(name);
}

/** Checks injects (manual events and ad-hoc effects, within the rounds) and that people at the table have moves, before a run. */
export function checkPlan(
  scenario: Scenario,
  options: RunOptions,
  injects: readonly PlannedInject[],
  moves: boolean,
) {
  checkInjects(scenario, options, injects);
  const humans = peopleAtTheTable(scenario, options);
  if (humans.length && !moves)
    throw new PeacesimError(
      `${capitalise(listing(humans.map((id) => actorInSentence(scenario, id))))} ${humans.length > 1 ? 'are' : 'is'} played by a person (strategy human): a headless run needs the moves (--moves FILE), or a bot (--strategy ${humans[0]}=linear)`,
    );
}

/** Checks the options and `--inject`s of a run (run, outcomes, hinges): ids the scenario has, within the rounds. */
export function checkInjects(scenario: Scenario, options: RunOptions, injects: readonly PlannedInject[]) {
  // the options came from flags: their errors name the flag
  const resolved = withFlags(undefined, () => resolveOptions(scenario, options));
  const manual = scenario.events.filter((e) => 'manual' in e.trigger).map((e) => e.id);
  for (const p of injects) {
    if ('event' in p) checkEvent(scenario, manual, p);
    else checkEffect(scenario, p);
    if (p.round > resolved.maxRounds)
      throw new PeacesimError(`--inject ${injectText(p)}: the run has ${resolved.maxRounds} rounds`, 2);
  }
}

function checkEvent(scenario: Scenario, manual: readonly string[], p: PlannedEvent) {
  if (manual.includes(p.event)) return;
  // with no manual event to name, what can still be injected: an ad-hoc effect
  const adHoc = 'an ad-hoc effect, KIND:TARGET@ROUND (docs/run.md)';
  if (scenario.events.some((e) => e.id === p.event))
    throw new PeacesimError(
      `--inject ${p.event}@${p.round}: this event fires by itself in its round; ${manual.length ? `inject a manual event: ${manual.join(', ')}` : `the scenario has no manual event; inject ${adHoc}`}`,
      2,
    );
  if (!manual.length)
    throw new PeacesimError(
      `--inject ${p.event}@${p.round}: unknown manual event "${p.event}" — the scenario has none; inject ${adHoc}`,
      1,
    );
  throw new UnknownIdError('manual event', p.event, manual, '--inject: ');
}

/**
 * The red lines an actor may hold in some round of some run: its own, those its dated positions add, and those a
 * scenario event gives it. Whether it holds one in the round of a drop is known only then (the run refuses it).
 */
function redLinesOf(scenario: Scenario, actor: number): string[] {
  const a = scenario.actors[actor]!;
  const ids = [
    ...a.redLines.map((r) => r.id),
    ...a.epochs.flatMap((e) => e.addRedLines.map((r) => r.id)),
    ...scenario.events.flatMap((e) =>
      e.effects.flatMap((f) => (f.kind === 'add-red-line' && f.actor === actor ? [f.redLine.id] : [])),
    ),
  ];
  return [...new Set(ids)];
}

/** An ad-hoc effect's ids, checked against the scenario: exit 2 naming the flag and the valid ids. */
function checkEffect(scenario: Scenario, p: PlannedInject & { readonly effect: AdHocEffect }) {
  const e = p.effect;
  const at = `--inject ${injectText(p)}: `;
  const unknown = (what: string, id: string, valid: readonly string[]) =>
    new PeacesimError(new UnknownIdError(what, id, valid, at).message, 2);
  if (e.kind === 'table') {
    if (!scenario.documents.some((d) => d.id === e.document))
      throw unknown(
        'document',
        e.document,
        scenario.documents.map((d) => d.id),
      );
    return;
  }
  const actor = scenario.actorIndex.get(e.actor);
  if (actor === undefined)
    throw unknown(
      'actor',
      e.actor,
      scenario.actors.map((a) => a.id),
    );
  if (e.kind === 'set-weight') {
    const issue = scenario.issueIndex.get(e.issue);
    if (issue === undefined)
      throw unknown(
        'issue',
        e.issue,
        scenario.issues.map((i) => i.id),
      );
    // the engine would weigh an issue the actor has no values for: its other weights shrink and nothing else moves
    const a = scenario.actors[actor]!;
    const weighed = scenario.issues.filter((_, i) => a.preferences[i]).map((i) => i.id);
    if (!a.preferences[issue])
      throw new PeacesimError(
        `${at}${nameInSentence(a)} has no preference on ${e.issue} in the scenario, so a weight there would only shrink its other weights; set one of the issues it weighs: ${weighed.join(', ')}`,
        2,
      );
  }
  if (e.kind === 'drop-red-line') {
    const held = redLinesOf(scenario, actor);
    if (!held.includes(e.redLine)) throw unknown('red line', e.redLine, held);
  }
}
