// The issue overlay on a screen too small for its top part: its notes' scroll box, squeezed, measured two heights
// in turn and React stopped the explorer ("Maximum update depth exceeded", an internal error). Every option of the
// tallest issue, up and down, at 80×24 — the overlay stays on screen.
import { afterEach, describe, expect, it } from 'vitest';
import { SMALL } from './panes.ts';
import { explore, KEY } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

describe('the issue overlay at 80×24', () => {
  it('should survive moving through every option of a tall issue (28-point-path, Donetsk region)', async () => {
    const ui = await explore('28-point-path', SMALL);
    unmount = ui.unmount;
    await ui.press(KEY.enter);
    await ui.waitFor('Verdicts');
    await ui.press(KEY.down, 'i');
    await ui.waitFor('● in the sandbox');
    for (const key of [...Array(6).fill(KEY.up), ...Array(8).fill(KEY.down)]) {
      await ui.press(key);
      expect(ui.frame()).toContain('option · value');
    }
  }, 60_000);
});
