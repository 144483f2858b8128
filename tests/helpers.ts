// Test helpers: in-memory scenario files and the built CLI.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { ReadText } from '../src/scenario/include.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = resolve(ROOT, 'dist/src/cli/main.js');

/** A reader over a map of absolute paths → text, for loader tests without touching the disk. */
export function memoryFiles(files: Record<string, string>): ReadText {
  return (file) => {
    const text = files[file];
    if (text === undefined) {
      const e = new Error('no such file') as NodeJS.ErrnoException;
      e.code = 'ENOENT';
      throw e;
    }
    return text;
  };
}

export function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    input: '',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
