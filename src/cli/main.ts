#!/usr/bin/env node
// The binary. `--version` answers before anything else loads; every other command line goes through the
// program, which loads only the module of the command it runs.
const argv = process.argv.slice(2);
// the libraries' production builds (React's is several times faster to draw the first frame); set before any loads
process.env.NODE_ENV ??= 'production';

// `peacesim … | head` closes the pipe early: stop quietly, as other command-line tools do
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

// Ctrl-C: long work (outcomes, sweep) stops itself cleanly through its own listener; anything else stops here,
// with one line, before it has written anything (files are written whole, at the end)
process.on('SIGINT', () => {
  if (process.listenerCount('SIGINT') > 1) return;
  process.stderr.write('peacesim: stopped (Ctrl-C)\n');
  process.exit(130);
});

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  const { VERSION } = await import('./version.ts');
  process.stdout.write(`${VERSION}\n`);
} else {
  const [{ processIo }, { run }, { tuneJit }] = await Promise.all([
    import('./io.ts'),
    import('./program.ts'),
    import('./jit.ts'),
  ]);
  tuneJit();
  process.exitCode = await run(argv, processIo());
}
