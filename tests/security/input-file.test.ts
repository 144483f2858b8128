// Only regular files are read, never more than the limit, and every failure is one worded line with exit 1 —
// in-process and through the built binary, with a time limit on each run (before the fix, `include: /dev/zero`
// grew to 16 GB and an include of a FIFO blocked forever).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPartial } from '../../src/cli/partial-read.ts';
import {
  INPUT_LIMITS,
  InputFileError,
  type ReadLimit,
  readInputFile,
} from '../../src/scenario/input-file.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { formatError } from '../../src/scenario/located.ts';
import { BIN, ROOT } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'peacesim-input-'));
const fifo = join(dir, 'pipe.yaml');
const socket = join(dir, 'socket.yaml');
const hasFifo = spawnSync('mkfifo', [fifo]).status === 0;
let server: Server | undefined;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((done) => server!.listen(socket, done));
});
afterAll(() => {
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const scenarioLimit: ReadLimit = INPUT_LIMITS.scenario;
function problemOf(file: string, limit = scenarioLimit): { problem: string; message: string } {
  try {
    readInputFile(file, limit);
  } catch (e) {
    expect(e).toBeInstanceOf(InputFileError);
    return { problem: (e as InputFileError).problem, message: (e as Error).message };
  }
  return { problem: 'none', message: '' };
}

/** The built binary, killed after `ms`: a run that does not finish is a hang, reported as such. */
function binary(args: string[], ms = 20_000) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    input: '',
    timeout: ms,
    killSignal: 'SIGKILL',
  });
  return { code: r.status, hung: r.signal === 'SIGKILL', stdout: r.stdout, stderr: r.stderr };
}

describe('readInputFile', () => {
  it('should read a regular file as UTF-8', () => {
    const f = join(dir, 'ok.yaml');
    writeFileSync(f, '\ufeffid: é\n');
    expect(readInputFile(f, scenarioLimit)).toBe('id: é\n');
  });

  it('should refuse a character device without reading it (stat says size 0)', () => {
    expect(problemOf('/dev/zero')).toEqual({
      problem: 'not-a-file',
      message: '/dev/zero: is a character device, not a scenario file; give a regular file',
    });
  });

  it.skipIf(!hasFifo)('should refuse a FIFO at once instead of waiting for a writer', () => {
    expect(problemOf(fifo).message).toBe(
      `${fifo}: is a named pipe (FIFO), not a scenario file; give a regular file`,
    );
  });

  it('should refuse a socket and a folder', () => {
    expect(problemOf(socket).problem).toBe('not-a-file');
    expect(problemOf(socket).message).toMatch(/socket/);
    const folder = join(dir, 'folder.yaml');
    mkdirSync(folder);
    expect(problemOf(folder).message).toBe(
      `${folder}: is a folder, not a scenario file; give a regular file`,
    );
  });

  it('should word a missing file and a missing folder for a person', () => {
    expect(problemOf(join(dir, 'nope.yaml'))).toEqual({
      problem: 'missing',
      message: `${join(dir, 'nope.yaml')}: no such file; check the name and the folder`,
    });
    const f = join(dir, 'ok.yaml');
    writeFileSync(f, 'x');
    expect(problemOf(join(f, 'below.yaml')).message).toMatch(/a part of the path is not a folder/);
  });

  it('should refuse a file over the limit', () => {
    const f = join(dir, 'big.yaml');
    writeFileSync(f, 'x'.repeat(scenarioLimit.maxBytes + 1));
    expect(problemOf(f)).toEqual({
      problem: 'too-large',
      message: `${f}: is larger than 2,048 KiB, the limit for a scenario file; is it the right file?`,
    });
    writeFileSync(f, 'x'.repeat(scenarioLimit.maxBytes));
    expect(readInputFile(f, scenarioLimit)).toHaveLength(scenarioLimit.maxBytes);
  });

  it.skipIf(process.platform !== 'linux')(
    'should count the bytes it reads, not the size stat reports',
    () => {
      // /proc files are regular files whose stat size is 0, whatever they hold
      const limit = { maxBytes: 8, what: 'a test file' };
      expect(problemOf('/proc/self/status', limit).problem).toBe('too-large');
    },
  );

  it('should quote a file name that holds control characters', () => {
    const m = problemOf(join(dir, 'x\u001b]0;pwned\u0007\n.yaml')).message;
    expect(m).toContain('"');
    for (const c of ['\u001b', '\u0007', '\n']) expect(m).not.toContain(c);
  });
});

describe('the loader on devices, FIFOs and folders', () => {
  it('should point at the include that names a device, in one line', () => {
    const file = join(dir, 'inc-zero.yaml');
    writeFileSync(file, 'id: x\ninclude: /dev/zero\n');
    const r = loadScenario(file);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map(formatError)).toEqual([
        `${file}:2:10: include: included file /dev/zero: is a character device, not a scenario file; give a regular file`,
      ]);
  });

  it.skipIf(!hasFifo)('should refuse an include of a FIFO instead of blocking', () => {
    const file = join(dir, 'inc-fifo.yaml');
    writeFileSync(file, 'include: pipe.yaml\n');
    const r = loadScenario(file);
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([
      'included file pipe.yaml: is a named pipe (FIFO), not a scenario file; give a regular file',
    ]);
  });
});

describe('partial results of a sharded run (merge)', () => {
  const failure = (file: string) => {
    try {
      readPartial(file);
    } catch (e) {
      return (e as Error).message;
    }
    return 'read';
  };

  it('should read them through the shared reader: devices refused, missing files worded', () => {
    expect(failure('/dev/zero')).toBe(
      '/dev/zero: is a character device, not a partial result file; give a regular file',
    );
    expect(failure(join(dir, 'no-part.json'))).toMatch(/no-part\.json: no such file; check the name/);
  });

  it('should keep a JSON error on one line, without the control characters of the file', () => {
    const f = join(dir, 'bad-part.json');
    writeFileSync(f, '\u001b]0;pwned\u0007\n\u001b[2J{');
    const m = failure(f);
    expect(m).toMatch(/bad-part\.json: not a partial result \(invalid JSON: /);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this test is about
    expect(m).not.toMatch(/[\u0000-\u001f]/);
  });

  it('should clean every string of the file as it is parsed', () => {
    const f = join(dir, 'esc-part.json');
    const part = {
      format: 'peacesim-partial/4',
      command: 'sweep',
      scenario: { id: 'x\u202e', source: 'tutorial\u001b]0;pwned\u0007-bilateral', hash: 'a'.repeat(64) },
      seed: 1,
      options: { samples: 2, documents: ['d\u001b[2J'] },
      shard: { index: 0, count: 1, from: 0, to: 2 },
      part: { from: 0, to: 2, documents: [] },
    };
    writeFileSync(f, JSON.stringify(part));
    const read = readPartial(f);
    expect(read.scenario).toMatchObject({ id: 'x', source: 'tutorial-bilateral' });
    expect(read.options.documents).toEqual(['d']);
  });
});

describe('the binary on the reproductions of the issue', () => {
  const oneLine = (r: ReturnType<typeof binary>, pattern: RegExp) => {
    expect(r.hung).toBe(false);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(pattern);
    expect(r.stderr).not.toMatch(/ at |internal error|Error:/);
  };

  it('should refuse validate /dev/zero in one line, exit 1', () => {
    oneLine(binary(['validate', '/dev/zero']), /^\/dev\/zero:1:1: is a character device/);
  });

  it('should refuse include: /dev/zero in one line, exit 1', () => {
    const file = join(dir, 'bin-zero.yaml');
    writeFileSync(file, 'include: /dev/zero\nid: x\n');
    oneLine(binary(['show', file]), /include: included file \/dev\/zero: is a character device/);
  });

  it.skipIf(!hasFifo)(
    'should refuse an include of a FIFO, and a FIFO as scenario, session or moves file',
    () => {
      const file = join(dir, 'bin-fifo.yaml');
      writeFileSync(file, 'include: pipe.yaml\nid: x\n');
      oneLine(binary(['validate', file]), /include: included file pipe\.yaml: is a named pipe/);
      oneLine(binary(['analyze', fifo]), /is a named pipe \(FIFO\), not a scenario file/);
      oneLine(
        binary(['resume', fifo]),
        /^peacesim: .*pipe\.yaml: is a named pipe \(FIFO\), not a session file/,
      );
      oneLine(binary(['report', fifo]), /not a session file/);
      oneLine(
        binary(['run', 'tutorial-bilateral', '--moves', fifo]),
        /^peacesim: .*pipe\.yaml: is a named pipe \(FIFO\), not a moves file/,
      );
      oneLine(binary(['import', 'genius', fifo, '/dev/zero', '/dev/null']), /not a GENIUS XML file/);
      oneLine(binary(['merge', fifo, '/dev/zero']), /is a named pipe \(FIFO\), not a partial result file/);
    },
  );

  it('should word a folder and a missing session file for a person', () => {
    oneLine(binary(['resume', dir]), /^peacesim: .*: is a folder, not a session file; give a regular file$/);
    oneLine(binary(['report', join(dir, 'nope.json')]), /: no such file; check the name and the folder$/);
  });
});
