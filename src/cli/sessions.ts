// Opening a session file for resume, report and the explorer: read it, parse it, check that it was saved for the
// scenario as it is now, and replay it (each input checked by the machine, the transcript against its seal).
// Every failure is one line naming the file (exit 1).
import { readFileSync } from 'node:fs';
import { PeacesimError } from '../domain/errors.ts';
import type { Scenario } from '../domain/types.ts';
import { oneLine } from '../engine/border.ts';
import type { Game } from '../engine/game.ts';
import { checkSession, parseSession, replaySession, type Session } from '../engine/session.ts';
import { openScenario } from './scenarios.ts';

/** The system's reasons a file cannot be read, in words. */
const UNREADABLE: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
};

export function readSessionFile(file: string): { session: Session; scenario: Scenario; game: Game } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = (code && UNREADABLE[code]) ?? code ?? (e as Error).message;
    throw new PeacesimError(
      oneLine(`cannot read ${file}: ${why}; give the path of a saved session (--save FILE)`),
    );
  }
  const session = parseSession(text, file);
  const scenario = openScenario(session.scenario.source);
  checkSession(scenario, session, file);
  return { session, scenario, game: replaySession(scenario, session, file) };
}
