// The explorer's key handlers. One listener on Ink's input (the Keyboard below) hands each key to every handler
// mounted, in the order they mounted. A handler registers as its component commits (a layout effect) and always
// runs as of the last render, so keys that arrive together (a paste, a held key, `tmux send-keys j j j`) each
// reach the screen the key before left behind — Ink's own useInput re-subscribes only after React's passive
// effects, and a key read before then went to the screen that was gone or to none. Input is taken only where raw
// mode works (stdin a TTY: `isRawModeSupported` is undefined on a pipe, so compare with true).
import { type Key, useInput, useStdin } from 'ink';
import {
  createContext,
  createElement,
  type ReactNode,
  useCallback,
  useContext,
  useLayoutEffect,
  useRef,
} from 'react';

export type KeyHandler = (input: string, key: Key) => void;

interface Entry {
  handler: KeyHandler;
  active: boolean;
}

/** The mounted handlers, in the order they mounted (a Set keeps insertion order). */
type Registry = Set<Entry>;

const KeyboardContext = createContext<Registry | null>(null);

/** Wraps the explorer: the one listener on Ink's input. */
export function Keyboard({ children }: { children: ReactNode }) {
  const registry = useRef<Registry>(new Set()).current;
  const { isRawModeSupported } = useStdin();
  const dispatch = useCallback<KeyHandler>(
    (input, key) => {
      // a handler that unmounts during this key (its screen closed) has already left the set
      for (const entry of [...registry]) if (registry.has(entry) && entry.active) entry.handler(input, key);
    },
    [registry],
  );
  useInput(dispatch, { isActive: isRawModeSupported === true });
  return createElement(KeyboardContext.Provider, { value: registry }, children);
}

/** Calls `handler` for each key while `active`. Outside a Keyboard (a component tested alone) it listens itself. */
export function useKeys(handler: KeyHandler, active = true): void {
  const registry = useContext(KeyboardContext);
  const { isRawModeSupported } = useStdin();
  const entry = useRef<Entry>({ handler, active }).current;
  useLayoutEffect(() => {
    entry.handler = handler;
    entry.active = active;
  });
  useLayoutEffect(() => {
    if (!registry) return;
    registry.add(entry);
    return () => {
      registry.delete(entry);
    };
  }, [registry, entry]);
  const alone = useCallback<KeyHandler>(
    (input, key) => {
      if (entry.active) entry.handler(input, key);
    },
    [entry],
  );
  useInput(alone, { isActive: registry === null && isRawModeSupported === true && active });
}
