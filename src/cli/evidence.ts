// The evidence sections the CLI adds to what it prints: "The outcome rests on:" (a run per labelled choice) and
// what the scenario's record settles (an LP per actor). Both are computed here, where the solver may be loaded.
import { calibrateScenario, pointFit } from '../analysis/calibrate.ts';
import type { Centre } from '../analysis/hinges.ts';
import { loadLp } from '../analysis/lp.ts';
import { calibratedCentres } from '../analysis/record-prior.ts';
import type { Scenario } from '../domain/types.ts';
import type { PlannedInject } from '../engine/headless.ts';
import { restsOn } from '../engine/hinges.ts';
import type { RunOptions } from '../engine/options.ts';
import type { TranscriptEntry } from '../engine/transcript.ts';
import { type EvidenceSection, type RestsOnSection, recordEvidence } from '../report/evidence.ts';

/** Centres of the calibrated regions of the actors whose numbers contradict the record (none: no solver loaded). */
export async function centresFor(scenario: Scenario): Promise<Map<number, Centre>> {
  const outside = scenario.actors.some((a) => {
    const fit = pointFit(scenario, a.index);
    return !fit.inBox || fit.contradicts.length > 0;
  });
  return outside ? calibratedCentres(await loadLp(), scenario) : new Map();
}

/** What the run's outcome rests on; not computed when people played (their moves answered the texts they saw). */
export async function restsOnFor(
  scenario: Scenario,
  run: RunOptions,
  injects: readonly PlannedInject[],
  people: boolean,
): Promise<RestsOnSection> {
  if (people)
    return {
      computed: false,
      why: 'not computed: people played in this run, and a reversed choice would change the texts they answered.',
    };
  return { computed: true, ...restsOn(scenario, { run, injects, centres: await centresFor(scenario) }) };
}

export async function evidenceFor(
  scenario: Scenario,
  run: RunOptions,
  injects: readonly PlannedInject[],
  people: boolean,
): Promise<EvidenceSection> {
  const record = scenario.record.length
    ? recordEvidence(scenario, calibrateScenario(await loadLp(), scenario))
    : null;
  return { record, restsOn: await restsOnFor(scenario, run, injects, people) };
}

/**
 * The evidence of a saved session's report: its manual injects are planned again at the rounds they fired; a
 * session that people played, that is unfinished, or that took an ad-hoc inject is not run again.
 */
export async function sessionEvidence(
  scenario: Scenario,
  run: RunOptions,
  transcript: readonly TranscriptEntry[],
  state: { done: boolean; people: boolean },
): Promise<EvidenceSection> {
  const manual = transcript.flatMap((e) => (e.kind === 'inject' && e.trigger === 'manual' ? [e] : []));
  const adHoc = manual.some((e) => e.event === undefined);
  const injects = manual.flatMap((e) => (e.event ? [{ event: e.event.id, round: e.round }] : []));
  const record = scenario.record.length
    ? recordEvidence(scenario, calibrateScenario(await loadLp(), scenario))
    : null;
  if (!state.done)
    return {
      record,
      restsOn: { computed: false, why: 'not computed: the session has not ended, so it has no outcome yet.' },
    };
  if (adHoc)
    return {
      record,
      restsOn: {
        computed: false,
        why: 'not computed: an ad-hoc inject of this session is not a scenario event to plan again.',
      },
    };
  return { record, restsOn: await restsOnFor(scenario, run, injects, state.people) };
}
