// Starts the explorer in the terminal: the alternate screen (so quitting restores what was there), Ink's
// render, and the wait for q or ctrl-c. The command line checks for a terminal before it imports this.
import { render } from 'ink';
import type { Scenario } from '../domain/types.ts';
import { App } from './app.tsx';
import type { Catalog } from './screens/picker.tsx';

const ENTER_ALT_SCREEN = '\u001B[?1049h';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';

export async function runExplorer(scenario: Scenario, catalog: Catalog): Promise<void> {
  const out = process.stdout;
  out.write(ENTER_ALT_SCREEN);
  const leave = () => out.write(LEAVE_ALT_SCREEN);
  process.once('exit', leave);
  try {
    const app = render(<App scenario={scenario} catalog={catalog} />);
    await app.waitUntilExit();
  } finally {
    process.off('exit', leave);
    leave();
  }
}
