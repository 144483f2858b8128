import type { Command } from 'commander';
import type { NegotiationEvent } from '../../engine/events.ts';
import { drive } from '../../engine/headless.ts';
import { replaySession, sessionOptions } from '../../engine/session.ts';
import { checkExportFlags } from '../export-flags.ts';
import type { Io } from '../io.ts';
import { readSessionFile } from '../sessions.ts';
import { readMoves, report } from './run.ts';

export function registerResume(program: Command, io: Io): void {
  program
    .command('resume')
    .description('replay a saved session and print it; an unfinished one runs on (with --moves for people)')
    .argument('<file>', 'a session file written by peacesim run --save')
    .option('--moves <file>', 'more moves for the actors played by people (JSON; see docs/run.md)')
    .option('--json', 'print the run as JSON (deterministic)')
    .option('--csv', 'print CSV: one row per verdict (round × actor)')
    .option('--out <file>', 'write the --csv or --json output to this file (atomically) instead of stdout')
    .option('--save <file>', 'save the session again (with any new inputs)')
    .action(
      (
        file: string,
        opts: { moves?: string; json?: boolean; csv?: boolean; out?: string; save?: string },
      ) => {
        checkExportFlags(opts);
        const { session, scenario } = readSessionFile(file);
        const options = sessionOptions(session);
        const actor = replaySession(scenario, session);
        const inputs: NegotiationEvent[] = [...session.inputs];
        const waitingFor = drive(
          scenario,
          options,
          actor,
          opts.moves ? { moves: readMoves(opts.moves) } : {},
          inputs,
        );
        const snapshot = actor.getSnapshot();
        actor.stop();
        report(
          io,
          { scenario, options, result: { snapshot, inputs, waitingFor } },
          { ...opts, source: session.scenario.source },
        );
      },
    );
}
