// What the explorer needs from the command line that starts it: where a scenario came from (a session names it),
// a way to write a file (a session, an after-action report), and a recovery copy of the session in progress.
// Writing lives in src/cli (atomic writes), which the UI may not import.
import { createContext, useContext } from 'react';
import type { Scenario } from '../domain/types.ts';

export interface PlayHost {
  /** a shipped id or an absolute path, as a session file names its scenario */
  readonly sourceOf: (scenario: Scenario) => string;
  /** writes `text` to `file` atomically (sessions, reports); throws an Error with a one-line message */
  readonly save: (file: string, text: string) => void;
  /**
   * Keeps a copy of the play session in progress (a session file's `text`) in a recovery file, after every input:
   * `file` is the one it returned for this session before (null for a new session, named after `base`), `saved`
   * says whether the facilitator has saved these inputs too. Returns the recovery file; throws a one-line Error.
   * Absent (tests, no command line): no recovery copy.
   */
  readonly recover?: (file: string | null, base: string, text: string, saved: boolean) => string;
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
