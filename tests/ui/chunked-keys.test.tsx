// Keys that arrive together — a paste, a held key, a slow link, `tmux send-keys j j j` — each count: the explorer
// reads the terminal through KeyStream, which splits a chunk into keys and hands Ink one at a time, and every
// handler runs as of the last render. Here a fake terminal sends whole chunks, as a real one does.
import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { shippedIds } from '../../src/cli/scenarios.ts';
import { App } from '../../src/ui/app.tsx';
import { editField } from '../../src/ui/components/text-field.tsx';
import type { PlayHost } from '../../src/ui/host.ts';
import { KeyStream, splitKeys } from '../../src/ui/key-stream.ts';
import { MONO_THEME } from '../../src/ui/theme.ts';
import { KEY, scenario } from './render.tsx';

/**
 * A terminal's input as the kernel keeps it: what is typed waits until it is read, and until raw mode is on the line
 * discipline has it — an enter (\r) becomes a line feed (\n, ICRNL), which Ink reads as no key any handler takes.
 */
class FakeTerminalIn extends EventEmitter {
  readonly isTTY = true;
  raw = false;
  #reading = false;
  #typed = '';
  setRawMode(on: boolean) {
    this.raw = on;
  }
  resume() {
    this.#reading = true;
    setImmediate(() => this.#deliver());
  }
  pause() {
    this.#reading = false;
  }
  ref() {}
  unref() {}
  /** one chunk, as the terminal would deliver it */
  send(chunk: string) {
    this.#typed += this.raw ? chunk : chunk.replaceAll('\r', '\n');
    this.#deliver();
  }
  #deliver() {
    if (!this.#reading || !this.#typed) return;
    const chunk = this.#typed;
    this.#typed = '';
    this.emit('data', Buffer.from(chunk, 'utf8'));
  }
}

class FakeTerminalOut extends EventEmitter {
  readonly columns = 100;
  readonly rows = 30;
  readonly isTTY = true;
  last = '';
  /** whether the terminal's input was raw as each frame was drawn */
  readonly rawAtFrame: boolean[] = [];
  constructor(
    private readonly input: FakeTerminalIn,
    /** what the user types the moment the first frame is on screen */
    private typeAhead = '',
  ) {
    super();
  }
  write = (frame: string) => {
    this.last = frame;
    this.rawAtFrame.push(this.input.raw);
    const keys = this.typeAhead;
    this.typeAhead = '';
    if (keys) this.input.send(keys);
    return true;
  };
}

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

function terminal(id: string, host?: PlayHost, typeAhead?: string) {
  const input = new FakeTerminalIn();
  const output = new FakeTerminalOut(input, typeAhead);
  const keys = new KeyStream(input);
  const instance = render(
    <App
      scenario={scenario(id)}
      catalog={{ ids: shippedIds(), open: scenario }}
      size={{ columns: 100, rows: 30 }}
      theme={MONO_THEME}
      {...(host ? { host } : {})}
    />,
    {
      stdin: keys as unknown as NodeJS.ReadStream,
      stdout: output as unknown as NodeJS.WriteStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  unmount = () => {
    instance.unmount();
    keys.destroy();
  };
  // without the cursor's inverse video
  const frame = () => stripVTControlCharacters(output.last);
  const waitFor = async (test: (frame: string) => boolean, what: string) => {
    const until = performance.now() + 15_000;
    while (performance.now() < until && !test(frame())) await new Promise((r) => setTimeout(r, 10));
    if (!test(frame())) throw new Error(`timed out waiting for ${what}; the frame was:\n${frame()}`);
    return frame();
  };
  return { input, output, frame, waitFor };
}

describe('splitting a chunk into keys', () => {
  it('should split text into characters and keep escape sequences whole', () => {
    expect(splitKeys('jjj')).toEqual(['j', 'j', 'j']);
    expect(splitKeys(`${KEY.down}${KEY.down}x`)).toEqual([KEY.down, KEY.down, 'x']);
    expect(splitKeys('\u007F'.repeat(3))).toEqual(['\u007F', '\u007F', '\u007F']);
    // pgdn (ESC [ 6 ~), a lone ESC before a letter, ESC ESC [ A (meta + up)
    expect(splitKeys('\u001B[6~\u001Bq')).toEqual(['\u001B[6~', '\u001B', 'q']);
    expect(splitKeys('\u001B\u001B[A')).toEqual(['\u001B\u001B[A']);
    expect(splitKeys('é→ü')).toEqual(['é', '→', 'ü']);
  });

  it('should edit a text field one key at a time, and take a chunk of backspaces or a paste whole', () => {
    const f = { value: 'tutorial.json', cursor: 13 };
    expect(editField(f, '\u007F'.repeat(5), {})).toEqual({ value: 'tutorial', cursor: 8 });
    expect(editField(f, '', { backspace: true })).toEqual({ value: 'tutorial.jso', cursor: 12 });
    expect(editField({ value: '', cursor: 0 }, '/tmp/a b.json\r', {})).toEqual({
      value: '/tmp/a b.json',
      cursor: 13,
    });
    expect(editField(f, 'u', { ctrl: true })).toEqual({ value: '', cursor: 0 });
    expect(editField(f, '', { return: true })).toBeNull();
  });
});

describe('keys that arrive together, in the explorer', () => {
  it('should move the selection three rows on "jjj" sent as one chunk', async () => {
    const t = terminal('ukraine-peace');
    await t.waitFor((f) => f.includes('Documents by date'), 'the overview');
    t.input.send('jjj');
    // by date: Istanbul (Ukraine), Istanbul (Russia), the peace formula, then Putin's terms
    const moved = await t.waitFor((f) => /❯ [✓✗] 2024-06-14/.test(f), 'the fourth document selected');
    expect(moved).not.toMatch(/❯ [✓✗] 2022-/);
  });

  it('should count every key of a chunk across screens, forty backspaces, and a pasted path', async () => {
    const written = new Map<string, string>();
    const host: PlayHost = { sourceOf: (s) => s.id, save: (file, text) => void written.set(file, text) };
    const t = terminal('tutorial-bilateral', host);
    await t.waitFor((f) => f.includes('Documents'), 'the overview');
    // the setup's six fields, the session run to its end and the save prompt: one chunk
    t.input.send(`p${'\r'.repeat(6)}rs`);
    await t.waitFor((f) => f.includes('file: tutorial-bilateral-seed1.session.json'), 'the save prompt');
    t.input.send('\u007F'.repeat(40));
    await t.waitFor((f) => /^file: *$/m.test(f), 'an empty file name');
    t.input.send('/tmp/peacesim pasted/session.json');
    await t.waitFor((f) => f.includes('file: /tmp/peacesim pasted/session.json'), 'the pasted path');
    t.input.send('\r');
    await t.waitFor((f) => f.includes('saved to /tmp/peacesim pasted/session.json'), 'the save');
    expect([...written.keys()]).toEqual(['/tmp/peacesim pasted/session.json']);
    expect(JSON.parse(written.get('/tmp/peacesim pasted/session.json')!).inputs.length).toBeGreaterThan(0);
  });

  it('should have the terminal raw before the first frame is drawn, and hand it back cooked', () => {
    const t = terminal('tutorial-bilateral');
    // Ink's handlers subscribe in React's passive effects, after this frame: a key typed once it is on screen must
    // not meet the line discipline, which turns enter into a line feed (and echoes it)
    expect(t.output.rawAtFrame.length).toBeGreaterThan(0);
    expect(t.output.rawAtFrame).not.toContain(false);
    unmount?.();
    unmount = undefined;
    expect(t.input.raw).toBe(false);
  });

  it('should count the keys typed as the first frame lands, before Ink listens, across screens', async () => {
    // the overview is drawn as React commits; Ink starts reading only in the effects that follow
    const t = terminal('tutorial-bilateral', undefined, `p${'\r'.repeat(6)}rs`);
    await t.waitFor((f) => f.includes('file: tutorial-bilateral-seed1.session.json'), 'the save prompt');
  });
});
