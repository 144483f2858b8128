// The CLI run in-process, as the word tests read it: the command must succeed and print nothing on stderr.
import { expect } from 'vitest';
import { memoryIo } from '../src/cli/io.ts';
import { run } from '../src/cli/program.ts';

/** What `peacesim ARGV…` prints on stdout; it must exit 0 with an empty stderr. */
export async function cliOk(...argv: string[]): Promise<string> {
  const io = memoryIo();
  const code = await run(argv, io);
  expect(io.stderr()).toBe('');
  expect(code).toBe(0);
  return io.stdout();
}
