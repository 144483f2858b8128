// The explorer's screens as docs/tui.md draws them: the tutorial's overview and sandbox at 80×24, frame for frame.
import { describe, expect, it } from 'vitest';
import { blockAfter, page } from './doc-quotes.ts';
import { explore, KEY } from './ui/render.tsx';

const SIZE = { columns: 80, rows: 24 };
const lines = (frame: string) => frame.split('\n').map((l) => l.trimEnd());
const drawn = (marker: string) =>
  blockAfter(page('docs/tui.md'), marker)
    .map((l) => l.trimEnd())
    .slice(0, -1);

describe('the screens docs/tui.md draws', () => {
  it("should draw the tutorial's overview as the page does", async () => {
    const ui = await explore('tutorial-bilateral', SIZE);
    expect(lines(ui.frame())).toEqual(drawn('selected document stays selected when the order changes.'));
    ui.unmount();
  });

  it('should draw the sandbox with the army cap moved to 250,000 as the page does', async () => {
    const ui = await explore('tutorial-bilateral', SIZE);
    await ui.press(KEY.enter, KEY.down, KEY.down, KEY.right);
    expect(lines(ui.frame())).toEqual(drawn('and redone (r); 0 resets to the document (also undoable).'));
    ui.unmount();
  });
});
