#!/usr/bin/env node
import { processIo } from './io.ts';
import { run } from './program.ts';

// `peacesim … | head` closes the pipe early: stop quietly, as other command-line tools do
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

process.exitCode = await run(process.argv.slice(2), processIo());
