// Starts the explorer in the terminal: the alternate screen (so quitting restores what was there), Ink's
// render, and the wait for q or ctrl-c. The command line checks for a terminal before it imports this.
import { render } from 'ink';
import type { Scenario } from '../domain/types.ts';
import type { Session } from '../engine/session.ts';
import { App } from './app.tsx';
import type { PlayHost } from './host.ts';
import { KeyStream } from './key-stream.ts';
import type { Catalog } from './screens/picker.tsx';
import { type AppState, playState } from './state/app.ts';
import { startGame } from './state/play.ts';
import { openPlay } from './state/play-view.ts';

const ENTER_ALT_SCREEN = '\u001B[?1049h';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';

/** A saved session to open on, and the file it came from (saves go back there). */
export interface OpenSession {
  readonly session: Session;
  readonly file: string;
}

/** The explorer's state on a replayed session (the time box is off: it is not in the file). */
function sessionState(scenario: Scenario, open: OpenSession): AppState {
  const { session, file } = open;
  const game = startGame(scenario, { ...session.options, seed: session.seed }, session.inputs);
  return playState(scenario, openPlay(game, session.scenario.source, 0, file));
}

export async function runExplorer(
  scenario: Scenario,
  catalog: Catalog,
  host: PlayHost,
  session?: OpenSession,
  asOf?: string,
  anticipate = false,
): Promise<void> {
  const initial = session ? sessionState(scenario, session) : undefined;
  const out = process.stdout;
  out.write(ENTER_ALT_SCREEN);
  const leave = () => out.write(LEAVE_ALT_SCREEN);
  process.once('exit', leave);
  // keys that arrive together reach Ink one at a time (key-stream.ts)
  const keys = new KeyStream(process.stdin);
  try {
    const app = render(
      <App
        scenario={scenario}
        catalog={catalog}
        host={host}
        {...(initial ? { initial } : {})}
        {...(asOf === undefined ? {} : { asOf })}
        {...(anticipate ? { anticipate } : {})}
      />,
      { stdin: keys as unknown as NodeJS.ReadStream },
    );
    await app.waitUntilExit();
  } finally {
    keys.destroy();
    process.off('exit', leave);
    leave();
  }
}
