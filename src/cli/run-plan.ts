// What `run`, `outcomes` and `hinges` check and record of a run before it starts: its plan (injects, people's
// moves) and where its scenario came from. Apart from commands/run.ts, which loads zod for --moves files:
// outcomes needs neither zod nor the headless driver.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PeacesimError, UnknownIdError } from '../domain/errors.ts';
import type { Scenario } from '../domain/types.ts';
import { peopleAtTheTable } from '../engine/game.ts';
import type { PlannedEvent } from '../engine/headless.ts';
import { type RunOptions, resolveOptions } from '../engine/options.ts';
import { withFlags } from './core-errors.ts';
import { actorName } from './labels.ts';
import { shippedIds } from './paths.ts';

/** Where the scenario came from, for a session: a shipped id, or an absolute path. */
export function scenarioSource(name: string): string {
  return shippedIds().includes(name) && !existsSync(name) ? name : resolve(name);
}

/** Checks injects (manual events, within the rounds) and that people at the table have moves, before a run. */
export function checkPlan(
  scenario: Scenario,
  options: RunOptions,
  injects: readonly PlannedEvent[],
  moves: boolean,
) {
  checkInjects(scenario, options, injects);
  const humans = peopleAtTheTable(scenario, options);
  if (humans.length && !moves)
    throw new PeacesimError(
      `${humans.map((id) => actorName(scenario, id)).join(', ')} ${humans.length > 1 ? 'are' : 'is'} played by a person (strategy human): a headless run needs the moves (--moves FILE), or a bot (--strategy ${humans[0]}=linear)`,
    );
}

/** Checks the options and `--inject`s of a run (run, outcomes, hinges): manual events, within the rounds. */
export function checkInjects(scenario: Scenario, options: RunOptions, injects: readonly PlannedEvent[]) {
  // the options came from flags: their errors name the flag
  const resolved = withFlags(undefined, () => resolveOptions(scenario, options));
  const manual = scenario.events.filter((e) => 'manual' in e.trigger).map((e) => e.id);
  for (const p of injects) {
    if (!manual.includes(p.event)) {
      if (scenario.events.some((e) => e.id === p.event))
        throw new PeacesimError(
          `--inject ${p.event}@${p.round}: this event fires by itself in its round; inject a manual event: ${manual.join(', ') || '(none)'}`,
          2,
        );
      throw new UnknownIdError('manual event', p.event, manual, '--inject: ');
    }
    if (p.round > resolved.maxRounds)
      throw new PeacesimError(`--inject ${p.event}@${p.round}: the run has ${resolved.maxRounds} rounds`, 2);
  }
}
