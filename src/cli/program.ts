// The command line: one commander program, one module per command. `run` never throws and returns the exit code.
// Start-up is paid per command: `run` imports only the module of the command it runs (the scenario stack, the
// engine or the UI only when that command needs them); `--help` and `--version` import none.
import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import { oneLine, quote, textOf } from '../domain/text.ts';
import { exitCodeOf, setExitCode } from './exit-code.ts';
import type { Io } from './io.ts';
import { VERSION } from './version.ts';
import type { WrappingIo } from './wrap.ts';

// required, not imported: Node then skips scanning the CommonJS package for its named exports (start-up time)
const { Command, CommanderError } = createRequire(import.meta.url)('commander') as typeof Commander;
type Command = Commander.Command;

/** What a command module exports: it adds its command (arguments, options, action) to the program. */
type Register = (program: Command, io: Io) => void;

interface CommandEntry {
  readonly name: string;
  /** the line `peacesim --help` shows (the command's own --help has its full description) */
  readonly summary: string;
  /** imported only when the command runs (or the whole program is built) */
  readonly load: () => Promise<Register>;
}

// To add a command: one entry here, in the order `peacesim --help` lists them; its module stays as it is.
const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'show',
    summary: 'show a scenario: actors, red lines, every tabled document’s verdicts (the default command)',
    load: async () => (await import('./commands/summary.ts')).registerSummary,
  },
  {
    name: 'list',
    summary: 'list the shipped scenarios',
    load: async () => (await import('./commands/list.ts')).registerList,
  },
  {
    name: 'validate',
    summary: 'check scenario files: every mistake, with file:line:column',
    load: async () => (await import('./commands/validate.ts')).registerValidate,
  },
  {
    name: 'schema',
    summary: 'print the JSON Schema of the scenario format',
    load: async () => (await import('./commands/schema.ts')).registerSchema,
  },
  {
    name: 'analyze',
    summary: 'exact analysis: feasible packages, ZOPA, verdicts, bargaining solutions, Pareto frontier',
    load: async () => (await import('./commands/analyze.ts')).registerAnalyze,
  },
  {
    name: 'sources',
    summary: 'every source of a scenario and what rests on it',
    load: async () => (await import('./commands/sources.ts')).registerSources,
  },
  {
    name: 'timeline',
    summary: 'every tabled document in date order, judged by the positions of its date',
    load: async () => (await import('./commands/timeline.ts')).registerTimeline,
  },
  {
    name: 'sweep',
    summary: 'Monte Carlo over the uncertain preferences: how often each actor accepts each document',
    load: async () => (await import('./commands/sweep.ts')).registerSweep,
  },
  {
    name: 'outcomes',
    summary: 'the negotiation run over draws of the uncertain preferences: how often it signs, on what terms',
    load: async () => (await import('./commands/outcomes.ts')).registerOutcomes,
  },
  {
    name: 'merge',
    summary: 'merge the partial results of a sharded outcomes or sweep run',
    load: async () => (await import('./commands/merge.ts')).registerMerge,
  },
  {
    name: 'whatif',
    summary: 'change terms of a tabled document and see every verdict that moves',
    load: async () => (await import('./commands/whatif.ts')).registerWhatIf,
  },
  {
    name: 'concessions',
    summary: 'the smallest sets of term changes that make a document acceptable to all',
    load: async () => (await import('./commands/concessions.ts')).registerConcessions,
  },
  {
    name: 'calibrate',
    summary: 'weigh the preferences against the record: which verdicts it settles, which depend on the model',
    load: async () => (await import('./commands/calibrate.ts')).registerCalibrate,
  },
  {
    name: 'hinges',
    summary: 'the smallest sets of readings and assumptions whose reversal flips an answer',
    load: async () => (await import('./commands/hinges.ts')).registerHinges,
  },
  {
    name: 'import',
    summary: 'convert negotiation files of other tools into peacesim scenarios',
    load: async () => (await import('./commands/import.ts')).registerImport,
  },
  {
    name: 'run',
    summary: 'run a negotiation headless, round by round',
    load: async () => (await import('./commands/run.ts')).registerRun,
  },
  {
    name: 'resume',
    summary: 'replay a saved session; an unfinished one runs on',
    load: async () => (await import('./commands/resume.ts')).registerResume,
  },
  {
    name: 'report',
    summary: 'the after-action report of a saved session',
    load: async () => (await import('./commands/report.ts')).registerReport,
  },
  {
    name: 'brief',
    summary: 'private briefing cards, one per actor',
    load: async () => (await import('./commands/brief.ts')).registerBrief,
  },
  {
    name: 'tui',
    summary: 'explore a scenario interactively, and play facilitated sessions',
    load: async () => (await import('./commands/tui.ts')).registerTui,
  },
  {
    name: 'start',
    summary: 'the explorer on the default scenario in a terminal; run it headless without one',
    load: async () => {
      const { registerStart } = await import('./commands/start.ts');
      return (program, io) =>
        registerStart(program, io, async (argv, cmd) => setExitCode(cmd, await run(argv, io)));
    },
  },
];

export const COMMAND_NAMES: readonly string[] = COMMANDS.map((c) => c.name);
const DEFAULT_COMMAND = 'show';

/**
 * commander's usage errors in peacesim's form: one line, saying which command and where to read how to call it —
 * "peacesim run: unknown option '--jsn' (Did you mean --json?) (peacesim run --help)". commander writes them as
 * "error: …", with a suggestion on a second line.
 */
function usageError(cmd: Command | null): (text: string, write: (text: string) => void) => void {
  return (text, write) => {
    const names: string[] = [];
    for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
    const where = ['peacesim', ...names].join(' ');
    const body = text
      .trim()
      .replace(/^error: /, '')
      .split('\n')
      .map((line) => line.trim())
      .join(' ');
    write(`${where}: ${body} (${where} --help)\n`);
  };
}

function rootProgram(io: Io): Command {
  return new Command('peacesim')
    .description(
      'A negotiation simulator of the Russia–Ukraine peace process: sourced positions, red lines, exact analysis.',
    )
    .version(VERSION, '-v, --version')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: usageError(null),
    })
    .configureHelp({
      // the same list whether the commands' modules are loaded or not
      subcommandTerm: (cmd) => cmd.name(),
      subcommandDescription: (cmd) =>
        COMMANDS.find((c) => c.name === cmd.name())?.summary ?? (cmd.summary() || cmd.description()),
    })
    .exitOverride();
}

/**
 * The program with the given commands registered (all of them by default), every one wired to `raw` through the
 * wrapping Io (wrap.ts): text wrapped to the terminal, JSON, CSV and documents as they are.
 */
export async function buildProgram(raw: Io, names: readonly string[] = COMMAND_NAMES): Promise<Command> {
  const { printsText, wrappingIo } = await import('./wrap.ts');
  const io = wrappingIo(raw);
  const program = rootProgram(io);
  const registers = await Promise.all(COMMANDS.map((c) => (names.includes(c.name) ? c.load() : null)));
  COMMANDS.forEach((c, k) => {
    const register = registers[k];
    if (register) register(program, io);
    // a command not loaded still appears in --help (and is never dispatched to: `run` loads what it runs)
    else program.command(c.name).description(c.summary);
  });
  const configure = (cmd: Command): void => {
    cmd.exitOverride().configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: usageError(cmd),
    });
    cmd.showSuggestionAfterError(true);
    cmd.commands.forEach(configure);
  };
  program.commands.forEach(configure);
  // whether the command about to run prints text (wrapped) or data (as it is)
  program.hook('preAction', async (_program, action) => {
    await io.printText(printsText(action));
  });
  texts.set(program, io);
  return program;
}

/** The command a command line runs, loaded alone; none for the program's own --help and --version. */
function commandOf(argv: readonly string[]): string | null {
  const [first, second] = argv;
  if (first === undefined) return DEFAULT_COMMAND;
  if (['-h', '--help', '-v', '--version'].includes(first)) return null;
  if (first === 'help') return second !== undefined && COMMAND_NAMES.includes(second) ? second : null;
  if (COMMAND_NAMES.includes(first)) return first;
  // a scenario name or an option goes to the default command, as commander dispatches it
  return DEFAULT_COMMAND;
}

/** Runs one command line; returns 0, 1 (bad input) or 2 (usage). */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const first = argv[0];
  if (first !== undefined && !first.startsWith('-') && !isCommand(first) && !(await isScenarioName(first))) {
    const { shippedIds } = await import('./paths.ts');
    const { didYouMean } = await import('../domain/errors.ts');
    // a facilitator who asks to play is pointed at the explorer's play screen, where sessions with teams are run
    const play =
      first === 'play'
        ? '; a session with teams is played in the explorer: peacesim tui SCENARIO, then p'
        : '';
    io.err(
      `peacesim: ${quote(first)} is neither a command nor a scenario${didYouMean(first, [...COMMAND_NAMES, ...shippedIds()])}${play}; commands: ${COMMAND_NAMES.join(', ')} (peacesim --help)\n`,
    );
    return 2;
  }
  let program: Command | null = null;
  try {
    const name = commandOf(argv);
    program = await buildProgram(io, name === null ? [] : [name]);
    await program.parseAsync([...argv], { from: 'user' });
    return exitCodeOf(program);
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
    // imported here: --help and --version never need it
    const { PeacesimError } = await import('../domain/errors.ts');
    if (e instanceof PeacesimError) {
      // one line per error, whatever a message quoted (a scenario's errors are one line each already; its class
      // is not imported here, to keep start-up lazy)
      io.err(`peacesim: ${e.name === 'ScenarioError' ? e.message : oneLine(e.message)}\n`);
      return e.exitCode;
    }
    io.err(`peacesim: internal error: ${oneLine(textOf((e as Error)?.message ?? e))} (please report this)\n`);
    return 1;
  } finally {
    // the last line of a text command's output, held back for wrapping
    if (program) texts.get(program)?.flush();
  }
}

function isCommand(name: string): boolean {
  return name === 'help' || COMMAND_NAMES.includes(name);
}

async function isScenarioName(name: string): Promise<boolean> {
  const { resolveScenarioPath } = await import('./paths.ts');
  try {
    resolveScenarioPath(name);
    return true;
  } catch {
    return false;
  }
}

/** The wrapping Io of each program, flushed when its command ends. */
const texts = new WeakMap<Command, WrappingIo>();
