// Renders the explorer with ink-testing-library at a fixed size, and types keys the way a terminal sends them,
// yielding a macrotask after each (Ink flushes a lone ESC on setImmediate).
import { render } from 'ink-testing-library';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { App } from '../../src/ui/app.tsx';
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

export async function explore(id: string, size = { columns: 100, rows: 30 }) {
  const ui = render(
    <App
      scenario={scenario(id)}
      catalog={{ ids: shippedIds(), open: scenario }}
      size={size}
      theme={MONO_THEME}
    />,
  );
  // let the first frame's effects (the key handlers subscribing to stdin) run before anything is typed
  await new Promise((resolve) => setTimeout(resolve, 20));
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      ui.stdin.write(k);
      await tick();
      await tick();
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
    for (let t = 0; t < 500 && !frame().includes(text); t++) await new Promise((r) => setTimeout(r, 10));
    return frame();
  };
  return { ...ui, press, frame, lines, waitFor };
}
