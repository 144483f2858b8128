// Opening a session file for resume, report and the explorer: read it, parse it, check that it was saved for the
// scenario as it is now, and replay it (each input checked by the machine, the transcript against its seal).
// Every failure is one line naming the file (exit 1).
import type { Scenario } from '../domain/types.ts';
import type { Game } from '../engine/game.ts';
import { checkSession, parseSession, replaySession, type Session } from '../engine/session.ts';
import { INPUT_LIMITS, readInputFile } from '../scenario/input-file.ts';
import { openScenario } from './scenarios.ts';

export function readSessionFile(file: string): { session: Session; scenario: Scenario; game: Game } {
  const text = readInputFile(file, INPUT_LIMITS.session);
  const session = parseSession(text, file);
  const scenario = openScenario(session.scenario.source);
  checkSession(scenario, session, file);
  return { session, scenario, game: replaySession(scenario, session, file) };
}
