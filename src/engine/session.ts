// Sessions: a run saved as the scenario's identity (id, where it came from, a hash of its compiled data), the
// seed, the options and every input event. Resuming replays the inputs on a fresh machine: the run is
// deterministic, so the replay reaches the same snapshot, transcript and all.
import { createHash } from 'node:crypto';
import { createActor } from 'xstate';
import { z } from 'zod';
import { PeacesimError } from '../domain/errors.ts';
import type { Scenario } from '../domain/types.ts';
import type { NegotiationEvent } from './events.ts';
import { createNegotiationMachine } from './machine.ts';
import { DEFAULT_SEED, type RunOptions } from './options.ts';

const SESSION_FORMAT = 1;

export interface Session {
  readonly format: 1;
  readonly scenario: { readonly id: string; readonly source: string; readonly hash: string };
  readonly seed: number;
  readonly options: Omit<RunOptions, 'seed'>;
  readonly inputs: readonly NegotiationEvent[];
}

/** JSON with sorted keys, typed arrays as arrays, maps as objects: the same data always gives the same text. */
function canonicalJson(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    if (v instanceof Map) return norm(Object.fromEntries([...v.entries()].map(([k, x]) => [String(k), x])));
    if (Array.isArray(v)) return v.map(norm);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined) out[k] = norm(x);
      }
      return out;
    }
    return v;
  };
  return JSON.stringify(norm(value));
}

/** sha256 of the compiled scenario's data (where it was loaded from left out). */
export function scenarioHash(scenario: Scenario): string {
  const { file: _file, ...data } = scenario;
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}

export function createSession(
  scenario: Scenario,
  source: string,
  options: RunOptions,
  inputs: readonly NegotiationEvent[],
): Session {
  const { seed, ...rest } = options;
  return {
    format: SESSION_FORMAT,
    scenario: { id: scenario.id, source, hash: scenarioHash(scenario) },
    seed: seed ?? DEFAULT_SEED,
    options: rest,
    inputs: [...inputs],
  };
}

export function sessionText(session: Session): string {
  return `${JSON.stringify(session, null, 2)}\n`;
}

export function sessionOptions(session: Session): RunOptions {
  return { ...session.options, seed: session.seed };
}

const SessionSchema = z.strictObject({
  format: z.literal(SESSION_FORMAT),
  scenario: z.strictObject({
    id: z.string().min(1),
    source: z.string().min(1),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  seed: z.number().int(),
  options: z.strictObject({
    maxRounds: z.number().int().min(1).optional(),
    strategies: z
      .record(
        z.string(),
        z.strictObject({ kind: z.string(), params: z.record(z.string(), z.number()).optional() }),
      )
      .optional(),
  }),
  inputs: z.array(z.looseObject({ type: z.enum(['STEP', 'INJECT', 'HUMAN_MOVE', 'PAUSE', 'RESUME']) })),
});

/** Reads a session file's text; a malformed one is a one-line error naming the file. */
export function parseSession(text: string, file: string): Session {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new PeacesimError(`${file}: not a session file (invalid JSON: ${(e as Error).message})`);
  }
  const parsed = SessionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PeacesimError(
      `${file}: not a peacesim session (format ${SESSION_FORMAT}): ${issue.path.join('.') || 'the file'}: ${issue.message}`,
    );
  }
  return parsed.data as unknown as Session;
}

/** Refuses a session saved for another version of the scenario. */
export function checkSession(scenario: Scenario, session: Session, file: string): void {
  const hash = scenarioHash(scenario);
  if (session.scenario.id !== scenario.id || session.scenario.hash !== hash)
    throw new PeacesimError(
      `${file}: saved for ${session.scenario.id === scenario.id ? 'another version of' : 'a different'} scenario "${session.scenario.id}" (hash ${session.scenario.hash.slice(0, 12)}…, now ${hash.slice(0, 12)}…); start a new run with peacesim run`,
    );
}

/** A started actor with the session's inputs replayed. */
export function replaySession(scenario: Scenario, session: Session) {
  const actor = createActor(createNegotiationMachine(scenario, sessionOptions(session))).start();
  for (const event of session.inputs) actor.send(event);
  return actor;
}
