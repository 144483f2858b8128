import type { Command } from 'commander';
import { peopleAtTheTable } from '../../engine/game.ts';
import { playOn } from '../../engine/headless.ts';
import { sessionOptions } from '../../engine/session.ts';
import { sessionRestsOn } from '../../report/evidence-of.ts';
import { withFlags } from '../core-errors.ts';
import { checkExportFlags } from '../export-flags.ts';
import type { Io } from '../io.ts';
import { readMoves } from '../moves.ts';
import { readSessionFile } from '../sessions.ts';
import { report } from './run.ts';

export function registerResume(program: Command, io: Io): void {
  program
    .command('resume')
    .description('replay a saved session and print it; an unfinished one runs on (with --moves for people)')
    .argument(
      '<file>',
      'a session file (written by peacesim run --save, or by s on the play screen of peacesim tui)',
    )
    .option('--moves <file>', 'more moves for the actors played by people (JSON; see docs/run.md)')
    .option('--json', 'print the run as JSON (deterministic)')
    .option('--csv', 'print CSV: one row per verdict (round × actor), and one per inject fired by hand')
    .option('--out <file>', 'write the --csv or --json output to this file (atomically) instead of stdout')
    .option('--save <file>', 'save the session again (with any new inputs)')
    .action(
      async (
        file: string,
        opts: { moves?: string; json?: boolean; csv?: boolean; out?: string; save?: string },
      ) => {
        checkExportFlags(opts);
        const { session, scenario, game } = readSessionFile(file);
        const options = sessionOptions(session);
        const moves = opts.moves;
        const result = withFlags(moves, () => playOn(game, moves ? { moves: readMoves(moves) } : {}));
        const restsOn = opts.csv
          ? undefined
          : await sessionRestsOn(
              scenario,
              options,
              { inputs: result.inputs, transcript: result.snapshot.context.transcript },
              {
                done: result.snapshot.status === 'done',
                people: peopleAtTheTable(scenario, options).length > 0,
              },
            );
        await report(
          io,
          { scenario, options, result },
          {
            ...opts,
            source: session.scenario.source,
            // without new moves the file holds the session where it stops
            ...(moves ? {} : { saved: file }),
            ...(restsOn ? { restsOn } : {}),
          },
        );
      },
    );
}
