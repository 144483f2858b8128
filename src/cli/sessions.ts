// Opening a session file for resume, report and the explorer: read it, parse it, and check that it was saved for
// the scenario as it is now. Every failure is one line naming the file (exit 1).
import type { Scenario } from '../domain/types.ts';
import { checkSession, parseSession, type Session } from '../engine/session.ts';
import { INPUT_LIMITS, readInputFile } from '../scenario/input-file.ts';
import { openScenario } from './scenarios.ts';

export function readSessionFile(file: string): { session: Session; scenario: Scenario } {
  const text = readInputFile(file, INPUT_LIMITS.session);
  const session = parseSession(text, file);
  const scenario = openScenario(session.scenario.source);
  checkSession(scenario, session, file);
  return { session, scenario };
}
