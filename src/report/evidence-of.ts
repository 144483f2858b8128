// Computing the evidence sections that `run`, `show`, `analyze`, the after-action report and the play screen's
// report print: "The outcome rests on:" (a run per labelled choice) and what the record settles (an LP per actor,
// so asynchronous: the solver loads once). One place, so the play screen's report is `peacesim report`'s.
import { calibrateScenario, pointFit } from '../analysis/calibrate.ts';
import type { HingeItem } from '../analysis/hinge-items.ts';
import { type Centre, documentHinges } from '../analysis/hinges.ts';
import { loadLp } from '../analysis/lp.ts';
import { calibratedCentres } from '../analysis/record-prior.ts';
import type { Scenario } from '../domain/types.ts';
import { canonicalJson, scenarioHash } from '../engine/canonical.ts';
import type { PlannedInject } from '../engine/headless.ts';
import { restsOn } from '../engine/hinges.ts';
import type { RunOptions } from '../engine/options.ts';
import type { TranscriptEntry } from '../engine/transcript.ts';
import {
  type AnalysisEvidence,
  type EvidenceSection,
  type RestsOnSection,
  recordEvidence,
} from './evidence.ts';

/** Centres of the calibrated regions of the actors whose numbers contradict the record (none: no solver loaded). */
async function centresFor(scenario: Scenario): Promise<Map<number, Centre>> {
  const outside = scenario.actors.some((a) => {
    const fit = pointFit(scenario, a.index);
    return !fit.inBox || fit.contradicts.length > 0;
  });
  return outside ? calibratedCentres(await loadLp(), scenario) : new Map();
}

export const NOT_ENDED: RestsOnSection = {
  computed: false,
  why: 'not computed: the session has not ended, so it has no outcome yet.',
};

/** Results of this process, by scenario, options and injects: a run and its resume print the same thing once. */
const known = new Map<string, RestsOnSection>();

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
  const key = `${scenarioHash(scenario)} ${canonicalJson({ run, injects })}`;
  const done = known.get(key);
  if (done) return done;
  const result: RestsOnSection = {
    computed: true,
    ...restsOn(scenario, { run, injects, centres: await centresFor(scenario) }),
  };
  known.set(key, result);
  return result;
}

/**
 * What a saved session's outcome rests on: its manual injects are planned again at the rounds they fired; a
 * session that people played, that is unfinished, or that took an ad-hoc inject is not run again.
 */
export async function sessionRestsOn(
  scenario: Scenario,
  run: RunOptions,
  transcript: readonly TranscriptEntry[],
  state: { done: boolean; people: boolean },
): Promise<RestsOnSection> {
  const manual = transcript.flatMap((e) => (e.kind === 'inject' && e.trigger === 'manual' ? [e] : []));
  if (!state.done)
    return { computed: false, why: 'not computed: the session has not ended, so it has no outcome yet.' };
  if (manual.some((e) => e.event === undefined))
    return {
      computed: false,
      why: 'not computed: an ad-hoc inject of this session is not a scenario event to plan again.',
    };
  const injects = manual.map((e) => ({ event: e.event!.id, round: e.round }));
  return restsOnFor(scenario, run, injects, state.people);
}

/** The evidence of a saved session's report: what the record settles, and what the outcome rests on. */
export async function sessionEvidence(
  scenario: Scenario,
  run: RunOptions,
  transcript: readonly TranscriptEntry[],
  state: { done: boolean; people: boolean },
): Promise<EvidenceSection> {
  const record = scenario.record.length
    ? recordEvidence(scenario, calibrateScenario(await loadLp(), scenario))
    : null;
  return { record, restsOn: await sessionRestsOn(scenario, run, transcript, state) };
}

/** analyze's Evidence section: what the record settles, and every document's verdict and agreement hinges. */
export async function analysisEvidence(scenario: Scenario): Promise<AnalysisEvidence> {
  const lp = scenario.record.length ? await loadLp() : null;
  const record = lp ? recordEvidence(scenario, calibrateScenario(lp, scenario)) : null;
  const met = new Map<string, HingeItem>();
  const documents = documentHinges(scenario, await centresFor(scenario), met);
  const named = new Set(
    documents.flatMap((d) => [
      ...d.agreementHinges.flat(),
      ...Object.values(d.verdicts).flatMap((v) => v.hinges.flat()),
    ]),
  );
  const items = Object.fromEntries(
    [...named].sort().map((id) => {
      const x = met.get(id)!;
      return [id, { label: x.label, basis: x.basis, sources: x.sources }];
    }),
  );
  return { record, documents, items };
}
