// No output of any command — terminal text, JSON, CSV, markdown, HTML, files written with --out, the explorer's
// screen — carries a control character that came from an input file. Commands run in-process with the terminal
// border off (memoryIo({ border: false })), so what is checked is the cleaning where files are read; the last
// tests run the built binary, border on, on the reproduction.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { render } from 'ink-testing-library';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { formatError } from '../../src/scenario/located.ts';
import { App } from '../../src/ui/app.tsx';
import { NO_HOST } from '../../src/ui/host.ts';
import { MONO_THEME } from '../../src/ui/theme.ts';
import { BIN, ROOT } from '../helpers.ts';

const SEED = 1212;
const dir = mkdtempSync(join(tmpdir(), 'peacesim-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tutorial = parseYaml(
  readFileSync(resolve(ROOT, 'scenarios/tutorial-bilateral.yaml'), 'utf8'),
) as unknown;

/** a control character, DEL, C1, a line separator, a bidi override or isolate (tab and newline allowed) */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this test is about
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the program's own colour codes (Ink paints some)
const SGR = /\u001b\[[0-9;]*m/g;

/** What a stranger puts in a file: escape sequences, C0/C1 controls, bidi overrides, line separators. */
const CONTROLS = [
  '\u001b]0;pwned\u0007',
  '\u001b]8;;javascript:alert(1)\u001b\\',
  '\u001b[2J',
  '\u001b[31m',
  '\u001bc',
  '\u009b2J',
  '\u009d0;x\u009c',
  '\u0085',
  '\u202e',
  '\u2067',
  '\u2028',
  '\r',
  '\u0000',
  '\u0007',
  '\b',
  '\u007f',
];
const control = fc.constantFrom(...CONTROLS);
/** keys whose string values are prose (free text); ids and references to ids get pure controls only */
const PROSE = new Set(
  'title summary description label name text rationale note publisher reliability unit group author url'.split(
    ' ',
  ),
);

/** The tutorial with control sequences put into every string (ids too: cleaned, they match again). */
function hostile(pick: () => string): unknown {
  const walk = (x: unknown, key: string): unknown => {
    if (typeof x === 'string') {
      if (key === 'date' || key === 'kind') return x;
      if (PROSE.has(key)) return `${pick()}${x.slice(0, 3)}${pick()}${x.slice(3)}${pick()}`;
      // in an id a line separator becomes a newline, which no id may hold: everything else vanishes
      return `${x}${pick().replaceAll('\u2028', '')}`;
    }
    if (Array.isArray(x)) return x.map((v) => walk(v, key));
    if (typeof x === 'object' && x !== null)
      return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v, k)]));
    return x;
  };
  return walk(tutorial, '');
}

async function cli(...argv: string[]) {
  const io = memoryIo({ border: false });
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr(), argv: argv.join(' ') };
}

function clean(where: string, text: string): void {
  const m = CONTROL.exec(text);
  if (m) {
    const around = text.slice(Math.max(0, m.index - 40), m.index + 20);
    expect.fail(
      `${where}: control character U+${m[0].charCodeAt(0).toString(16)} near ${JSON.stringify(around)}`,
    );
  }
  expect(text, where).not.toContain('\u001b');
}

describe('no control character from a file reaches any output', () => {
  it('should keep every command, format and file written free of them, whatever the file holds', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.infiniteStream(control), async (stream) => {
        const it = stream[Symbol.iterator]();
        const doc = hostile(() => it.next().value as string);
        const run = join(dir, `case-${n++}`);
        const f = `${run}.yaml`;
        // JSON keeps every character as written: the YAML parser decodes the escapes into raw controls
        writeFileSync(f, n % 2 ? JSON.stringify(doc) : stringify(doc));
        const session = `${run}.session.json`;
        const results = [
          await cli('show', f),
          await cli('validate', f),
          await cli('sources', f),
          await cli('sources', f, '--json'),
          await cli('timeline', f),
          await cli('timeline', f, '--json'),
          await cli('analyze', f),
          await cli('analyze', f, '--json'),
          await cli('analyze', f, '--csv', 'documents'),
          await cli('analyze', f, '--csv', 'frontier', '--out', `${run}.frontier.csv`),
          await cli('whatif', f, '--document', 'mediator-text', '--set', 'alliance=neutral'),
          await cli('whatif', f, '--document', 'mediator-text', '--set', 'alliance=neutral', '--csv'),
          await cli('concessions', f, '--document', 'north-opening'),
          await cli('sweep', f, '-n', '20'),
          await cli('sweep', f, '-n', '20', '--csv', 'summary'),
          await cli('outcomes', f, '-n', '4', '-r', '4'),
          await cli('outcomes', f, '-n', '4', '-r', '4', '--csv', 'runs'),
          await cli('outcomes', f, '-n', '4', '-r', '4', '--shard', '0/1', '--out', `${run}.part.json`),
          await cli('merge', `${run}.part.json`, '--scenario', f),
          await cli('brief', f),
          await cli('brief', f, '--out', `${run}.cards.html`),
          await cli('run', f, '--rounds', '4'),
          await cli('run', f, '--rounds', '4', '--csv', '--out', `${run}.run.csv`),
          await cli('run', f, '--rounds', '4', '--save', session),
          await cli('resume', session),
          await cli('report', session),
          await cli('report', session, '--out', `${run}.report.html`),
          await cli('report', session, '--out', `${run}.report.md`),
        ];
        for (const r of results) {
          expect(r.code, `${r.argv}: ${r.err}`).toBe(0);
          clean(`${r.argv} (stdout)`, r.out);
          clean(`${r.argv} (stderr)`, r.err);
        }
        for (const out of readdirSync(dir).filter(
          (x) => x.startsWith(`case-${n - 1}.`) && !x.endsWith('.yaml'),
        ))
          clean(out, readFileSync(join(dir, out), 'utf8'));
      }),
      { seed: SEED, numRuns: 4 },
    );
  }, 600_000);

  it('should keep located errors on one line when a bad value holds controls and newlines', async () => {
    const doc = structuredClone(tutorial) as { actors: { preferences: Record<string, unknown> }[] };
    doc.actors[0]!.preferences['nope\u001b]0;x\u0007\nforged: line'] = { weight: 1 };
    const f = join(dir, 'bad.yaml');
    writeFileSync(f, JSON.stringify(doc));
    const r = await cli('validate', f);
    expect(r.code).toBe(1);
    const lines = r.err.trimEnd().split('\n');
    // each error is one line that starts with the file; the newline of the key is shown as \n
    for (const l of lines.slice(0, -1)) expect(l.startsWith(`${f}:`)).toBe(true);
    expect(r.err).toContain('nope\\nforged: line');
    clean('validate', r.err);
  });

  it("should show the explorer's screens without them", async () => {
    const f = join(dir, 'tui.yaml');
    writeFileSync(f, JSON.stringify(hostile(() => CONTROLS[0]! + CONTROLS[8]!)));
    const scenario = loadScenarioFile(f);
    const ui = render(
      <App
        scenario={scenario}
        catalog={{ ids: [], open: () => scenario }}
        size={{ columns: 120, rows: 40 }}
        theme={MONO_THEME}
        host={NO_HOST}
      />,
    );
    await new Promise((r) => setTimeout(r, 50));
    const frames: string[] = [ui.lastFrame() ?? ''];
    for (const key of ['\t', '\u001b[B', '\r', '\t', '\t']) {
      ui.stdin.write(key);
      await new Promise((r) => setTimeout(r, 40));
      frames.push(ui.lastFrame() ?? '');
    }
    ui.unmount();
    expect(frames[0]).toContain('Two parties');
    for (const frame of frames) clean('explorer', frame.replace(SGR, ''));
  });
});

describe('the binary, terminal border on', () => {
  it('should print the title of the issue without its escape sequences (the pane was renamed, the screen cleared)', () => {
    const doc = structuredClone(tutorial) as { title: string };
    doc.title = 'T \u001b]0;pwned\u0007\u001b[2J';
    const f = join(dir, 'title.yaml');
    writeFileSync(f, stringify(doc));
    for (const args of [
      ['show', f],
      ['validate', f],
      ['run', f, '--rounds', '2'],
    ]) {
      const r = spawnSync(process.execPath, [BIN, ...args], {
        encoding: 'utf8',
        env: { ...process.env, FORCE_COLOR: '1' },
      });
      expect(r.status).toBe(0);
      for (const bad of ['\u001b]', '\u0007', '\u001b[2J']) expect(r.stdout).not.toContain(bad);
      expect(r.stdout.replace(SGR, '')).toContain('T ');
    }
  });

  it('should keep a path with controls on the command line out of the terminal', () => {
    const r = spawnSync(process.execPath, [BIN, 'validate', 'x\u001b]0;pwned\u0007\n.yaml'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(CONTROL);
    expect(r.stderr.split('\n')[0]).toBe(
      '"x\\u001b]0;pwned\\u0007\\n.yaml":1:1: no such file; check the name and the folder',
    );
  });
});

// formatError is the one place a located error becomes text: the helper the CLI and the explorer share
it('should escape what remains in a located error', () => {
  expect(
    formatError({ file: 'a\nb.yaml', line: 1, col: 2, path: 'x', message: 'bad "\u202e"\nforged' }),
  ).toBe('"a\\nb.yaml":1:2: x: bad "\\u202e"\\nforged');
});
