// Atomic writes under kills: a writer process is killed at random points (fixed seed) while it rewrites a large
// file. The target must always be absent or whole; a SIGKILL may leave `.FILE.PID.tmp`, which the next write
// to the same target removes; SIGINT and SIGTERM leave none and still end the writer by that signal.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { staleTemporaries, writeFileAtomic } from '../../src/cli/files.ts';
import { ROOT } from '../helpers.ts';

const SEED = 909;
const FILES = pathToFileURL(resolve(ROOT, 'dist/src/cli/files.js')).href;
const dir = mkdtempSync(join(tmpdir(), 'peacesim-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 8 MB and a trailer naming the write: a whole file ends with its own number and has the exact length */
const BODY = 8 * 1024 * 1024;
const content = (i: number) => `${'x'.repeat(BODY)}|${i}\n`;
const whole = (text: string) => {
  const m = /\|(\d+)\n$/.exec(text);
  return m !== null && text === content(Number(m[1]));
};

/** A process that rewrites `target` again and again, letting the event loop turn between writes (as a command does). */
function writer(target: string): ChildProcess {
  const script = `
    import { writeFileAtomic } from ${JSON.stringify(FILES)};
    let i = 0;
    const step = () => {
      writeFileAtomic(${JSON.stringify(target)}, 'x'.repeat(${BODY}) + '|' + i + '\\n');
      if (i++ === 0) process.stdout.write('ready\\n');
      setImmediate(step);
    };
    step();`;
  return spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const ready = (child: ChildProcess) =>
  new Promise<void>((done, fail) => {
    child.stdout!.on('data', () => done());
    child.on('exit', (code) => fail(new Error(`the writer exited (${code}) before its first write`)));
  });
const exited = (child: ChildProcess) =>
  new Promise<NodeJS.Signals | null>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done(child.signalCode);
    else child.on('exit', (_code, signal) => done(signal));
  });
/**
 * A signal while the writer is inside a write: wait until its temporary file exists, freeze the writer (SIGSTOP)
 * and look again — it may have renamed the file meanwhile; if the file is still there, send the signal and let
 * the writer go on (SIGCONT), so that it meets the signal mid-write. False if the window was never caught (the
 * signal is sent anyway).
 */
async function signalMidWrite(child: ChildProcess, target: string, signal: NodeJS.Signals): Promise<boolean> {
  for (let tries = 0; tries < 2000; tries++) {
    if (temporaries(target).length > 0) {
      child.kill('SIGSTOP');
      const inside = temporaries(target).length > 0;
      if (inside) child.kill(signal);
      child.kill('SIGCONT');
      if (inside) return true;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  child.kill(signal);
  return false;
}

/** the pid of a process that has ended */
async function deadProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await exited(child);
  return child.pid!;
}
const temporaries = (target: string) => {
  const name = target.split('/').pop()!;
  return readdirSync(dir).filter((f) => f.startsWith(`.${name}.`) && f.endsWith('.tmp'));
};

describe('atomic writes killed at random points', () => {
  it('should leave the target whole after every SIGKILL, and the next write should remove the orphans', async () => {
    const target = join(dir, 'killed.csv');
    let orphans = 0;
    let caught = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 300 }), fc.boolean(), async (delay, midWrite) => {
        const child = writer(target);
        await ready(child);
        await new Promise((r) => setTimeout(r, delay));
        if (midWrite && (await signalMidWrite(child, target, 'SIGKILL'))) caught++;
        else child.kill('SIGKILL');
        expect(await exited(child)).toBe('SIGKILL');
        expect(whole(readFileSync(target, 'utf8'))).toBe(true);
        orphans += temporaries(target).length;
      }),
      { seed: SEED, numRuns: 8 },
    );
    // every kill caught inside a write left its temporary file (the next writer's first write removed it)
    expect(caught).toBeGreaterThan(0);
    expect(orphans).toBeGreaterThanOrEqual(caught);
    writeFileAtomic(target, content(0));
    expect(temporaries(target)).toEqual([]);
  }, 300_000);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`should end the writer by ${signal} with the target whole and no temporary file`, async () => {
      const target = join(dir, `${signal}.csv`);
      let caught = 0;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 300 }), async (delay) => {
          const child = writer(target);
          await ready(child);
          await new Promise((r) => setTimeout(r, delay));
          if (await signalMidWrite(child, target, signal)) caught++;
          expect(await exited(child)).toBe(signal);
          expect(whole(readFileSync(target, 'utf8'))).toBe(true);
          expect(temporaries(target)).toEqual([]);
        }),
        { seed: SEED, numRuns: 5 },
      );
      expect(caught).toBeGreaterThan(0);
    }, 300_000);
  }
});

describe('stale temporary files', () => {
  it('should recognise by name the temporary files of dead processes for the same target only', async () => {
    const target = join(dir, 'out.csv');
    const deadPid = await deadProcess();
    const names = [
      `.out.csv.${deadPid}.tmp`, // a dead writer of this target: stale
      `.out.csv.${process.ppid}.tmp`, // a running process: maybe writing now, kept
      `.out.csv.5.${deadPid}.tmp`, // the temporary file of another target (out.csv.5)
      `.out.csv.notapid.tmp`,
    ];
    for (const n of names) writeFileSync(join(dir, n), 'partial');
    expect(staleTemporaries(target)).toEqual([join(dir, names[0]!)]);
    writeFileAtomic(target, 'a,b\n');
    expect(existsSync(join(dir, names[0]!))).toBe(false);
    for (const n of names.slice(1)) expect(existsSync(join(dir, n))).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('a,b\n');
  });

  it('should leave a folder that has a temporary name alone and still write', async () => {
    const target = join(dir, 'odd.csv');
    mkdirSync(join(dir, `.odd.csv.${await deadProcess()}.tmp`));
    writeFileAtomic(target, 'x');
    expect(readFileSync(target, 'utf8')).toBe('x');
  });
});
