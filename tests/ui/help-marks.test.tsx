// The play screen cites sources by their keys ([s52, ushakov-kommersant]): the help must say what they are and
// where a reader finds each, as the run's words do at their end.
import { afterEach, describe, expect, it } from 'vitest';
import { unconfirmedFlag } from '../../src/report/words.ts';
import { explore, KEY } from './render.tsx';

let unmount = () => {};
afterEach(() => unmount());

/** Every page of the help, read as one scrolls it. */
async function wholeHelp(): Promise<string> {
  const ui = await explore('ukraine-peace', { columns: 120, rows: 36 });
  unmount = ui.unmount;
  await ui.press('?');
  await ui.waitFor('What the marks mean');
  let read = ui.frame();
  for (let k = 0; k < 12; k++) {
    await ui.press(KEY.pageDown);
    read += ui.frame();
  }
  return read;
}

describe('the help', () => {
  it('should say what the keys in brackets are and how to look one up', async () => {
    const read = await wholeHelp();
    expect(read).toContain('the keys of its sources: peacesim sources SCENARIO --key s52');
  });

  it('should explain the flag of an unsettled item in the words the explorer and every command write it', async () => {
    const read = await wholeHelp();
    // one flag for a reader who sees the explorer and the CLI, the play screen or the report: the CLI's
    expect(read.replace(/\s+/g, ' ')).toContain(
      `${unconfirmedFlag(false).trim()} the record does not settle this item`,
    );
    expect(read).not.toContain('[unconfirmed]');
  });
});
