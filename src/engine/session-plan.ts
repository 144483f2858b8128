// A saved session's manual injects as a plan: each at the start of the round it fired in, as `run --inject` plans
// a scenario event — a manual event by its id, a facilitator's ad-hoc inject with the effect its input carries.
// What the session's outcome rests on is searched over runs of that plan, so the plan must first replay the
// session itself. An inject fired later in its round (after the verdicts, the tally or the agreement), or while
// the talks were paused with a text to table (which then waits for the next round), is not one the plan makes
// again; this module finds where the replay departs and which inject did not come at its round's start.
import type { Scenario } from '../domain/types.ts';
import { canonicalJson } from './canonical.ts';
import type { InjectEvent, NegotiationEvent } from './events.ts';
import { PlanError, runHeadless } from './headless.ts';
import { type RunEnd, runEnd } from './hinges.ts';
import type { PlannedInject } from './inject-text.ts';
import type { RunOptions } from './options.ts';
import type { TranscriptEntry } from './transcript.ts';

type InjectEntry = Extract<TranscriptEntry, { kind: 'inject' }>;

interface ManualInject {
  readonly input: InjectEvent;
  readonly entry: InjectEntry;
  /** its place in the transcript */
  readonly at: number;
}

/** The session's manual injects: every INJECT input the machine took logged one manual `inject` entry, in order. */
function manualInjects(
  inputs: readonly NegotiationEvent[],
  transcript: readonly TranscriptEntry[],
): ManualInject[] {
  const fired = inputs.filter((e): e is InjectEvent => e.type === 'INJECT');
  const entries = transcript.flatMap((e, at) =>
    e.kind === 'inject' && e.trigger === 'manual' ? [{ entry: e, at }] : [],
  );
  if (fired.length !== entries.length)
    throw new Error(
      `a session with ${fired.length} INJECT inputs logged ${entries.length} manual injects in its transcript`,
    );
  return entries.map((x, k) => ({ ...x, input: fired[k]! }));
}

/** What came before an inject in its round, when it did not come at the round's start. */
export type LateBy = 'verdicts' | 'tally' | 'agreement' | 'paused-table';

const AFTER: Partial<Record<TranscriptEntry['phase'], LateBy>> = {
  responding: 'verdicts',
  tallying: 'tally',
  agreed: 'agreement',
  ratifying: 'agreement',
};

/** Why an inject did not come at the start of its round's tabling, or null if it did. */
function lateBy(transcript: readonly TranscriptEntry[], m: ManualInject): LateBy | null {
  const own = AFTER[m.entry.phase];
  if (own) return own;
  // paused: the phase the talks were paused in is that of the round's last entry before it
  const before = transcript
    .slice(0, m.at)
    .findLast((e) => e.round === m.entry.round && AFTER[e.phase] !== undefined);
  if (before) return AFTER[before.phase]!;
  // a text tabled while paused waits for the next round; planned at the round's start it goes on the table at once
  if (m.entry.phase === 'paused' && m.entry.effects.some((f) => f.kind === 'table')) return 'paused-table';
  return null;
}

export type SessionReplay =
  | { readonly replays: true; readonly plan: readonly PlannedInject[] }
  | {
      readonly replays: false;
      readonly plan: readonly PlannedInject[];
      /** the first inject that did not come at its round's start, at or before the departure (null: none) */
      readonly late: { readonly input: InjectEvent; readonly round: number; readonly by: LateBy } | null;
      /** the round of the first transcript entry where the replay differs from the session */
      readonly round: number;
      readonly outcome: RunEnd;
      /** how the replay ends; null when the engine refused the plan (`refused` says why) */
      readonly replayed: RunEnd | null;
      readonly refused?: string;
    };

/** A transcript entry as the plan would log it: an inject while paused at a round's start is one at its start. */
const asPlanned = (e: TranscriptEntry) =>
  canonicalJson(e.phase === 'paused' ? { ...e, phase: 'tabling' } : e);

/**
 * The session's manual injects planned again at their rounds, and whether that plan replays the session — the
 * same transcript, entry for entry (an inject sent while paused at a round's start logs the phase `paused` where
 * the plan logs `tabling`; nothing else may differ). For a finished session of bots.
 */
export function replaySessionPlan(
  scenario: Scenario,
  options: RunOptions,
  inputs: readonly NegotiationEvent[],
  transcript: readonly TranscriptEntry[],
): SessionReplay {
  const manual = manualInjects(inputs, transcript);
  const plan = manual.map(({ input, entry }): PlannedInject => {
    // the origin goes with it, so that the replay logs the entries the session logged
    const by = input.by === undefined ? {} : { by: input.by };
    return 'event' in input
      ? { event: input.event, round: entry.round, ...by }
      : { effect: input.effect, round: entry.round, ...by };
  });
  let replay: readonly TranscriptEntry[] = [];
  let refused: string | undefined;
  try {
    replay = runHeadless(scenario, options, { injects: plan }).snapshot.context.transcript;
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    refused = e.message;
  }
  const n = Math.max(transcript.length, replay.length);
  let k = 0;
  while (k < n && transcript[k] && replay[k] && asPlanned(transcript[k]!) === canonicalJson(replay[k]!)) k++;
  if (refused === undefined && k === n) return { replays: true, plan };
  const round = (transcript[k] ?? replay[k] ?? transcript.at(-1))?.round ?? 0;
  const first = manual.flatMap((m) => {
    const by = lateBy(transcript, m);
    return by ? [{ input: m.input, round: m.entry.round, by }] : [];
  })[0];
  return {
    replays: false,
    plan,
    late: first && first.round <= round ? first : null,
    round,
    outcome: runEnd(transcript),
    replayed: refused === undefined ? runEnd(replay) : null,
    ...(refused === undefined ? {} : { refused }),
  };
}
