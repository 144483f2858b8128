// The command line: one commander program, one module per command. `run` never throws and returns the exit code.
import { Command, CommanderError } from 'commander';
import { didYouMean, PeacesimError } from '../domain/errors.ts';
import { oneLine, quote, textOf } from '../domain/text.ts';
import { ScenarioError } from '../scenario/load.ts';
import { registerAnalyze } from './commands/analyze.ts';
import { registerBrief } from './commands/brief.ts';
import { registerConcessions } from './commands/concessions.ts';
import { registerImport } from './commands/import.ts';
import { registerList } from './commands/list.ts';
import { registerOutcomes } from './commands/outcomes.ts';
import { registerReport } from './commands/report.ts';
import { registerResume } from './commands/resume.ts';
import { registerRun } from './commands/run.ts';
import { registerSchema } from './commands/schema.ts';
import { registerSources } from './commands/sources.ts';
import { registerStart } from './commands/start.ts';
import { registerSummary } from './commands/summary.ts';
import { registerSweep } from './commands/sweep.ts';
import { registerTimeline } from './commands/timeline.ts';
import { registerTui } from './commands/tui.ts';
import { registerValidate } from './commands/validate.ts';
import { registerWhatIf } from './commands/whatif.ts';
import type { Io } from './io.ts';
import { resolveScenarioPath, shippedIds } from './scenarios.ts';
import { VERSION } from './version.ts';

export function buildProgram(io: Io): Command {
  const program = new Command('peacesim')
    .description(
      'A negotiation simulator of the Russia–Ukraine peace process: sourced positions, red lines, exact analysis.',
    )
    .version(VERSION, '-v, --version')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  registerSummary(program, io);
  registerList(program, io);
  registerValidate(program, io);
  registerSchema(program, io);
  registerAnalyze(program, io);
  registerSources(program, io);
  registerTimeline(program, io);
  registerSweep(program, io);
  registerOutcomes(program, io);
  registerWhatIf(program, io);
  registerConcessions(program, io);
  registerImport(program, io);
  registerRun(program, io);
  registerResume(program, io);
  registerReport(program, io);
  registerBrief(program, io);
  registerTui(program, io);
  registerStart(program, io, async (argv, cmd) => setExitCode(cmd, await run(argv, io)));
  const configure = (cmd: Command): void => {
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
    cmd.showSuggestionAfterError(true);
    cmd.commands.forEach(configure);
  };
  program.commands.forEach(configure);
  return program;
}

/** Runs one command line; returns 0, 1 (bad input) or 2 (usage). */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const program = buildProgram(io);
  const first = argv[0];
  if (first !== undefined && !first.startsWith('-') && !isCommand(program, first) && !isScenarioName(first)) {
    const names = program.commands.map((c) => c.name());
    io.err(
      `peacesim: ${quote(first)} is neither a command nor a scenario${didYouMean(first, [...names, ...shippedIds()])}; commands: ${names.join(', ')} (peacesim --help)\n`,
    );
    return 2;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCodes.get(program) ?? 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return 0;
      // commander has printed its own one-line message already
      return 2;
    }
    if (e instanceof PeacesimError) {
      // one line per error, whatever a message quoted (a scenario's errors are one line each already)
      io.err(`peacesim: ${e instanceof ScenarioError ? e.message : oneLine(e.message)}\n`);
      return e.exitCode;
    }
    io.err(`peacesim: internal error: ${oneLine(textOf((e as Error)?.message ?? e))} (please report this)\n`);
    return 1;
  }
}

function isCommand(program: Command, name: string): boolean {
  return name === 'help' || program.commands.some((c) => c.name() === name || c.aliases().includes(name));
}

function isScenarioName(name: string): boolean {
  try {
    resolveScenarioPath(name);
    return true;
  } catch {
    return false;
  }
}

/** Commands report a non-zero exit without throwing (e.g. validate found errors) through this. */
const exitCodes = new WeakMap<Command, number>();
export function setExitCode(cmd: Command, code: number): void {
  let root = cmd;
  while (root.parent) root = root.parent;
  exitCodes.set(root, Math.max(exitCodes.get(root) ?? 0, code));
}
