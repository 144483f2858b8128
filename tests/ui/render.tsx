// Renders the explorer with ink-testing-library at a fixed size, and types keys the way a terminal sends them,
// yielding a macrotask after each (Ink flushes a lone ESC on setImmediate).
import { render } from 'ink-testing-library';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { App } from '../../src/ui/app.tsx';
import type { Clock } from '../../src/ui/hooks/use-clock.ts';
import { NO_HOST, type PlayHost } from '../../src/ui/host.ts';
import type { AppState } from '../../src/ui/state/app.ts';
import { MONO_THEME } from '../../src/ui/theme.ts';

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  esc: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  pageDown: '\u001B[6~',
} as const;

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

const cache = new Map<string, Scenario>();
export function scenario(id: string): Scenario {
  let s = cache.get(id);
  if (!s) {
    s = openScenario(id);
    cache.set(id, s);
  }
  return s;
}

export interface ExploreOptions {
  readonly host?: PlayHost;
  /** open on this state (a play session) */
  readonly initial?: AppState;
  readonly clock?: Clock;
}

export async function explore(id: string, size = { columns: 100, rows: 30 }, options: ExploreOptions = {}) {
  const ui = render(
    <App
      scenario={scenario(id)}
      catalog={{ ids: shippedIds(), open: scenario }}
      size={size}
      theme={MONO_THEME}
      host={options.host ?? NO_HOST}
      {...(options.initial ? { initial: options.initial } : {})}
      {...(options.clock ? { clock: options.clock } : {})}
    />,
  );
  // let the first frame's effects (the key handlers subscribing to stdin) run before anything is typed
  await new Promise((resolve) => setTimeout(resolve, 20));
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      ui.stdin.write(k);
      await tick();
      await tick();
      // a lone ESC is flushed on setImmediate, and a state change renders on React's scheduler: let both land
      // before the next key, so that keys are never read together
      await new Promise((resolve) => setTimeout(resolve, k === KEY.esc ? 30 : 10));
    }
  };
  const frame = () => ui.lastFrame() ?? '';
  /** the frame's lines, right-trimmed */
  const lines = () =>
    frame()
      .split('\n')
      .map((l) => l.trimEnd());
  /** waits (up to 5 s) until the frame shows `text`: for work the explorer defers past the first frame */
  const waitFor = async (text: string) => {
    const until = performance.now() + 15_000; // generous: a loaded CI machine renders slowly
    while (performance.now() < until && !frame().includes(text)) await new Promise((r) => setTimeout(r, 10));
    // a wait that silently ran out would let the test go on checking the wrong screen
    if (!frame().includes(text))
      throw new Error(`timed out waiting for "${text}"; the frame was:\n${frame()}`);
    // the frame is drawn; let the key handlers of the new render subscribe before anything is typed
    await new Promise((r) => setTimeout(r, 30));
    return frame();
  };
  return { ...ui, press, frame, lines, waitFor };
}
