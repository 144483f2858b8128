// What the explorer needs from the command line that starts it: where a scenario came from (a session names it)
// and a way to write a file (a session, an after-action report). Writing lives in src/cli (atomic writes), which the UI may not import.
import { createContext, useContext } from 'react';
import type { Scenario } from '../domain/types.ts';

export interface PlayHost {
  /** a shipped id or an absolute path, as a session file names its scenario */
  readonly sourceOf: (scenario: Scenario) => string;
  /** writes `text` to `file` atomically (sessions, reports); throws an Error with a one-line message */
  readonly save: (file: string, text: string) => void;
}

/** Without a command line (tests): shipped ids, and no saving. */
export const NO_HOST: PlayHost = {
  sourceOf: (scenario) => scenario.id,
  save: () => {
    throw new Error('saving needs peacesim tui');
  },
};

export const PlayHostContext = createContext<PlayHost>(NO_HOST);

export function usePlayHost(): PlayHost {
  return useContext(PlayHostContext);
}
