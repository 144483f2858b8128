// Sessions: a game saved as the scenario's identity (id, where it came from, a hash of its compiled data), the
// seed, the options, every input, the engine version that played them and a hash of the transcript they gave.
// Everything in a file is checked at the border — its shape by zod (the inputs by the engine's own event
// schemas), the options by the same code as the flags, each input by the machine as it is replayed — and a
// replay whose transcript differs from the saved one is reported as such. Every refusal is one line naming the file.
import { z } from 'zod';
import { PeacesimError, UnknownIdError } from '../domain/errors.ts';
import { cleanJsonStrings, oneLine } from '../domain/text.ts';
import type { Scenario } from '../domain/types.ts';
import { checkAtBorder, type Path } from './border.ts';
import { canonicalJson, scenarioHash, sha256 } from './canonical.ts';
import { NegotiationEventSchema } from './events.ts';
import { type Game, RefusedInputError, replay } from './game.ts';
import { DEFAULT_SEED, OptionError, type RunOptions } from './options.ts';
import type { TranscriptEntry } from './transcript.ts';
import { VERSION } from './version.ts';

const SESSION_FORMAT = 2;

/** What a replay must give again: the number of transcript entries and the sha256 of their canonical JSON. */
function transcriptSeal(transcript: readonly TranscriptEntry[]) {
  return { entries: transcript.length, sha256: sha256(canonicalJson(transcript)) };
}

/**
 * sha256 of the seed and options a run was saved with: a changed seed is caught even where it would replay the
 * same transcript (a run that draws nothing), since the file would then claim a seed the run was not played with.
 */
function settingsSeal(seed: number, options: unknown): string {
  return sha256(canonicalJson({ seed, options }));
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 in hex (64 characters 0-9, a-f)');
const id = z.string().min(1);
const common = {
  scenario: z.strictObject({ id, source: id, hash: hex64 }),
  // bounds are the options' (resolveOptions, the code that checks the flags), when the session is replayed
  seed: z.number().int(),
  options: z.strictObject({
    maxRounds: z.number().int().optional(),
    strategies: z
      .record(id, z.strictObject({ kind: id, params: z.record(id, z.number()).optional() }))
      .optional(),
    anticipateRatification: z.boolean().optional(),
  }),
  inputs: z.array(NegotiationEventSchema),
};
const SessionSchema = z.discriminatedUnion(
  'format',
  [
    z.strictObject({
      format: z.literal(SESSION_FORMAT),
      /** the peacesim version that saved it */
      engine: id,
      ...common,
      transcript: z.strictObject({ entries: z.number().int().min(0), sha256: hex64, settings: hex64 }),
    }),
    // the first format: no engine version and no transcript seal (replayed without the divergence check)
    z.strictObject({ format: z.literal(1), ...common }),
  ],
  {
    error: (iss) =>
      iss.code === 'invalid_union'
        ? `expected ${SESSION_FORMAT} or 1, the session formats this peacesim reads`
        : undefined,
  },
);
export type Session = z.output<typeof SessionSchema>;

export function createSession(game: Game, source: string): Session {
  const { seed, ...rest } = game.options;
  return {
    format: SESSION_FORMAT,
    engine: VERSION,
    scenario: { id: game.scenario.id, source, hash: scenarioHash(game.scenario) },
    seed: seed ?? DEFAULT_SEED,
    options: rest,
    inputs: [...game.inputs],
    transcript: {
      ...transcriptSeal(game.snapshot.context.transcript),
      settings: settingsSeal(seed ?? DEFAULT_SEED, rest),
    },
  };
}

export function sessionText(session: Session): string {
  return `${JSON.stringify(session, null, 2)}\n`;
}

export function sessionOptions(session: Session): RunOptions {
  return { ...session.options, seed: session.seed };
}

/** A place in a session file: "input 7: move.terms" (inputs count from 1), "options.maxRounds", "the file". */
function where(path: Path): string {
  if (path.length === 0) return 'the file';
  const [head, k, ...rest] = path;
  if (head === 'inputs' && typeof k === 'number')
    return `input ${k + 1}${rest.length ? `: ${rest.map(String).join('.')}` : ''}`;
  return path.map(String).join('.');
}

/** A session refused: one line, whatever the file put in it. */
const refusal = (message: string) => new PeacesimError(oneLine(message));

const notSession = (file: string, what: string) =>
  refusal(`${file}: not a peacesim session (format ${SESSION_FORMAT}): ${what}`);

/** ":LINE:COLUMN" of the offset a JSON.parse error names ("… at position 700", or the end), or "" when none. */
function jsonPlace(text: string, message: string): string {
  const m = /at position (\d+)/.exec(message);
  // "Unexpected end of JSON input": the file stops short, at its end
  const at = m ? Number(m[1]) : /end of JSON input/.test(message) ? text.length : null;
  if (at === null) return '';
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return `:${line}:${before.length - before.lastIndexOf('\n')}`;
}

/** Reads a session file's text; anything malformed is a one-line error naming the file and the place in it. */
export function parseSession(text: string, file: string): Session {
  let raw: unknown;
  try {
    raw = JSON.parse(text, cleanJsonStrings);
  } catch (e) {
    const message = (e as Error).message;
    throw refusal(
      `${file}${jsonPlace(text, message)}: not a session file (invalid JSON: ${message}); the file was cut short or edited by hand: save the session again (a play session also has a recovery copy, see docs/facilitation.md)`,
    );
  }
  // a format above this peacesim's is a file from a newer one, not a broken file: say which and what to do
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && Number.isInteger(format) && format > SESSION_FORMAT) {
    const engine = (raw as { engine?: unknown }).engine;
    throw refusal(
      `${file}: saved by a newer peacesim (session format ${format}${typeof engine === 'string' ? `, peacesim ${engine}` : ''}); this one (${VERSION}) reads formats 1 to ${SESSION_FORMAT}: open it with that peacesim, or update this one`,
    );
  }
  const checked = checkAtBorder(SessionSchema, raw);
  if (!checked.ok) throw notSession(file, `${where(checked.path)}: ${checked.message}`);
  return checked.data;
}

/** Refuses a session saved for another version of the scenario. */
export function checkSession(scenario: Scenario, session: Session, file: string): void {
  const hash = scenarioHash(scenario);
  if (session.scenario.id === scenario.id && session.scenario.hash === hash) return;
  // what a facilitator can do: the peacesim that saved it still replays it (its shipped scenarios are its own); with
  // the same peacesim, the scenario data changed since (an edited file, a newer checkout); or a new session, headless or on the play screen
  const other = session.format === SESSION_FORMAT && session.engine !== VERSION ? session.engine : null;
  const fresh = 'start a new session (peacesim run, or p in peacesim tui)';
  const remedy = other
    ? `replay it with peacesim ${other}, which saved it, or ${fresh}`
    : session.format === SESSION_FORMAT
      ? `the scenario's data changed since it was saved: replay it with the scenario as it was then, or ${fresh}`
      : fresh;
  throw refusal(
    session.scenario.id === scenario.id
      ? `${file}: saved for another version of scenario "${session.scenario.id}" (hash ${session.scenario.hash.slice(0, 12)}…, now ${hash.slice(0, 12)}…); ${remedy}`
      : // two ids say more than two hashes: the name the session opens now holds another scenario
        `${file}: saved for scenario "${session.scenario.id}", but ${session.scenario.source} now opens scenario "${scenario.id}"; ${remedy}`,
  );
}

/** The field of a session an option error is about. */
function optionField(e: OptionError): string {
  if (e.option === 'seed') return 'seed';
  if (e.option === 'maxRounds') return 'options.maxRounds';
  return `options.strategies.${e.actor}`;
}

/**
 * The game a session's inputs lead to. Options out of bounds, an input the machine refuses (located by its
 * number) and a transcript that differs from the saved one are one-line errors naming the file.
 */
export function replaySession(scenario: Scenario, session: Session, file = 'the session file'): Game {
  const options = sessionOptions(session);
  let game: Game;
  try {
    game = replay(scenario, options, session.inputs);
  } catch (e) {
    if (e instanceof OptionError) throw refusal(`${file}: ${optionField(e)}: ${e.problem}`);
    if (e instanceof UnknownIdError) throw refusal(`${file}: options.strategies: ${e.message}`);
    if (e instanceof RefusedInputError) throw refusal(`${file}: ${e.message}`);
    throw e;
  }
  if (
    session.format === SESSION_FORMAT &&
    session.transcript.settings !== settingsSeal(session.seed, session.options)
  )
    throw refusal(
      `${file}: the seed or the options are not those the run was saved with (the seal's settings differ); the file was changed after it was saved`,
    );
  if (session.format === SESSION_FORMAT) {
    const now = transcriptSeal(game.snapshot.context.transcript);
    if (now.sha256 !== session.transcript.sha256) {
      const what =
        now.entries === session.transcript.entries
          ? `the replay gives a different transcript (${now.entries} entries, as saved)`
          : `the replay gives ${now.entries} transcript entries where the saved run had ${session.transcript.entries}`;
      const why =
        session.engine === VERSION
          ? `saved by this version of peacesim (${VERSION}), so the file was changed after it was saved`
          : `saved by peacesim ${session.engine}, replayed by ${VERSION}: the engine plays these inputs differently now`;
      throw refusal(`${file}: the replay diverges from the saved run: ${what}; ${why}`);
    }
  }
  return game;
}
