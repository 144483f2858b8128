// The recovery copy of a play session: after every input of the session in progress, the explorer's host (the
// command line) writes it to a recovery file — a session file like any other — so that a closed terminal, a
// dropped link or a quit without saving loses nothing.
import { type Dispatch, useEffect, useRef } from 'react';
import { sessionText } from '../../engine/session.ts';
import type { PlayHost } from '../host.ts';
import type { AppAction } from '../state/app.ts';
import { sessionOf } from '../state/play.ts';
import { type PlayView, sessionBase, unsaved } from '../state/play-view.ts';

export function useRecovery(play: PlayView | null, host: PlayHost, dispatch: Dispatch<AppAction>): void {
  const game = play?.game;
  const saved = play ? !unsaved(play) : true;
  // the copy follows the inputs and whether they are saved; the file and the source are read as they stand
  const latest = useRef(play);
  latest.current = play;
  useEffect(() => {
    const view = latest.current;
    if (!view || !game || !host.recover || !game.inputs.length) return;
    // a session opened from its file and not yet moved needs no copy
    if (saved && view.recovery === null) return;
    try {
      const text = sessionText(sessionOf(game, view.source));
      const file = host.recover(view.recovery, sessionBase(game), text, saved);
      if (file !== view.recovery) dispatch({ type: 'play', action: { type: 'recovered', file } });
    } catch (e) {
      const notice = `no recovery copy: ${(e as Error).message}; s saves the session`;
      dispatch({ type: 'play', action: { type: 'notice', notice } });
    }
  }, [game, saved, host, dispatch]);
}
