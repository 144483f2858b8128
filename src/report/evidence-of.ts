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
import type { InjectEvent, NegotiationEvent } from '../engine/events.ts';
import { restsOn } from '../engine/hinges.ts';
import type { PlannedInject } from '../engine/inject-text.ts';
import type { RunOptions } from '../engine/options.ts';
import { type LateBy, replaySessionPlan, type SessionReplay } from '../engine/session-plan.ts';
import type { TranscriptEntry } from '../engine/transcript.ts';
import {
  type AnalysisEvidence,
  type EvidenceSection,
  outcomeWords,
  type RestsOnSection,
  recordEvidence,
} from './evidence.ts';
import { AD_HOC_WORDS } from './words.ts';

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

const PEOPLE: RestsOnSection = {
  computed: false,
  why: 'not computed: people played in this run, and a reversed choice would change the texts they answered.',
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
  if (people) return PEOPLE;
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

/** When in its round an inject came, if not at its start. */
const LATE_WORDS: Readonly<Record<LateBy, string>> = {
  verdicts: "after the round's verdicts",
  tally: "after the round's tally",
  agreement: "after the round's agreement",
  'paused-table': 'while the talks were paused, so its text was held for the next round',
};

/** An inject in words: "the inject US pressure on Ukraine", "the ad-hoc inject (a document tabled)". */
function injectWords(scenario: Scenario, input: InjectEvent): string {
  if ('effect' in input) return `the ad-hoc inject (${AD_HOC_WORDS[input.effect.kind]})`;
  return `the inject ${scenario.events.find((e) => e.id === input.event)?.title ?? input.event}`;
}

/** Why planning a session's injects again at their rounds does not replay it, in words. */
function notReplayed(scenario: Scenario, r: Extract<SessionReplay, { replays: false }>): string {
  const lead =
    'not computed: planned again at the start of their rounds, the injects of this session do not replay it';
  const late = r.late
    ? `: ${injectWords(scenario, r.late.input)} of round ${r.late.round} came ${LATE_WORDS[r.late.by]}`
    : '';
  if (r.replayed === null) return `${lead}${late}; the engine refuses the plan (${r.refused}).`;
  const ends =
    r.replayed === r.outcome
      ? `departs from the session in round ${r.round}`
      : `ends ${outcomeWords(r.replayed)} where the session ended ${outcomeWords(r.outcome)}`;
  return `${lead}${late}${late ? ', and' : ':'} the replay ${ends}.`;
}

/**
 * What a saved session's outcome rests on: its manual injects — scenario events and ad-hoc ones — are planned again
 * at the rounds they fired, and the search runs on that plan once it replays the session. A session that people
 * played, that is unfinished, or that the plan does not replay is not run again; the section says why.
 */
export async function sessionRestsOn(
  scenario: Scenario,
  run: RunOptions,
  played: { readonly inputs: readonly NegotiationEvent[]; readonly transcript: readonly TranscriptEntry[] },
  state: { done: boolean; people: boolean },
): Promise<RestsOnSection> {
  if (!state.done) return NOT_ENDED;
  if (state.people) return PEOPLE;
  const replay = replaySessionPlan(scenario, run, played.inputs, played.transcript);
  if (!replay.replays) return { computed: false, why: notReplayed(scenario, replay) };
  return restsOnFor(scenario, run, replay.plan, false);
}

/** The evidence of a saved session's report: what the record settles, and what the outcome rests on. */
export async function sessionEvidence(
  scenario: Scenario,
  run: RunOptions,
  played: { readonly inputs: readonly NegotiationEvent[]; readonly transcript: readonly TranscriptEntry[] },
  state: { done: boolean; people: boolean },
): Promise<EvidenceSection> {
  const record = scenario.record.length
    ? recordEvidence(scenario, calibrateScenario(await loadLp(), scenario))
    : null;
  return { record, restsOn: await sessionRestsOn(scenario, run, played, state) };
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
