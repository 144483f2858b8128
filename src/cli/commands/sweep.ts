import type { Command } from 'commander';
import { type SweepResult, type SweepSample, sweep } from '../../analysis/sweep.ts';
import { type Cell, checkExportFlags, joinIds, optionalCsvKind, toCsv } from '../../report/csv.ts';
import { writeFileAtomic } from '../files.ts';
import { collect, intFlag } from '../flags.ts';
import { type Io, palette } from '../io.ts';
import { choosePrior, PRIOR_HELP, type PriorKind, parsePrior } from '../prior.ts';
import { openScenario } from '../scenarios.ts';

const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)}%`;

export const SWEEP_CSV = ['summary', 'draws'] as const;
export const DRAW_COLUMNS = ['sample', 'document', 'actor', 'utility', 'reservation', 'accepts'];

/** One row per document × actor: how often it accepts, and the spread of its utility. */
export function sweepSummaryCsv(result: SweepResult): string {
  return toCsv(
    [
      'document',
      'agreement_rate',
      'actor',
      'accept_rate',
      'mean_utility',
      'min_utility',
      'max_utility',
      'red_lines',
    ],
    result.documents.flatMap((d) =>
      d.actors.map((a) => [
        d.id,
        d.agreementRate,
        a.actor,
        a.acceptRate,
        a.meanUtility,
        a.minUtility,
        a.maxUtility,
        joinIds(a.redLinesBroken),
      ]),
    ),
  );
}

// Before `--csv` named an export, it took a file name; say how to get the old behaviour.
const MOVED = '; to write every draw to a file: --csv draws --out FILE';

export function registerSweep(program: Command, io: Io): void {
  program
    .command('sweep')
    .description(
      'Monte Carlo over the uncertain weights and reservations: how often each actor accepts each document',
    )
    .argument('<scenario>', 'a scenario file or shipped scenario id')
    .option('-d, --document <id>', 'a document to sweep (repeatable; default: all)', collect)
    .option('-n, --samples <n>', 'number of samples', intFlag(1, 10_000_000), 10_000)
    .option('-s, --seed <n>', 'random seed: the same seed gives the same numbers', intFlag(0, 2 ** 31 - 1), 1)
    .option('--prior <kind>', PRIOR_HELP, parsePrior, 'ranges')
    .option(
      '--csv [table]',
      'print CSV: summary (default; one row per document × actor) or draws (every sample × document × actor)',
    )
    .option('--json', 'print JSON')
    .option('--out <file>', 'write the --csv or --json output to this file (atomically) instead of stdout')
    .action(
      async (
        name: string,
        opts: {
          document?: string[];
          samples: number;
          seed: number;
          prior: PriorKind;
          csv?: string | true;
          json?: boolean;
          out?: string;
        },
      ) => {
        checkExportFlags(opts);
        const csv = optionalCsvKind(opts.csv, SWEEP_CSV, MOVED);
        const scenario = openScenario(name);
        const draws: Cell[][] = [];
        const onSample =
          csv === 'draws'
            ? (s: SweepSample) => {
                draws.push([s.sample, s.document, s.actor, s.utility, s.reservation, s.accepts]);
              }
            : undefined;
        const prior = await choosePrior(scenario, opts.prior, opts.seed);
        const result = sweep(
          scenario,
          {
            samples: opts.samples,
            seed: opts.seed,
            documents: opts.document ?? [],
            ...(prior.draw ? { draw: prior.draw } : {}),
          },
          onSample,
        );
        if (csv || opts.json) {
          const text =
            csv === 'draws'
              ? toCsv(DRAW_COLUMNS, draws)
              : csv === 'summary'
                ? sweepSummaryCsv(result)
                : `${JSON.stringify(prior.json ? { ...result, ...prior.json } : result, null, 2)}\n`;
          if (opts.out) writeFileAtomic(opts.out, text);
          else io.out(text);
          return;
        }
        const p = palette(io);
        io.out(
          `${p.bold(scenario.title)} — ${result.samples.toLocaleString('en-US')} samples, seed ${result.seed}\n`,
        );
        io.out(
          result.parameters.length
            ? p.dim(`uncertain: ${result.parameters.join(', ')}\n`)
            : p.yellow('this scenario gives no uncertainty ranges: every sample is the same\n'),
        );
        if (prior.line) io.out(p.dim(`${prior.line}\n`));
        for (const d of result.documents) {
          io.out(`\n${p.cyan(d.id)}  agreement in ${pct(d.agreementRate).trim()} of samples\n`);
          for (const a of d.actors) {
            const why = a.redLinesBroken.length ? p.red(`  red line: ${a.redLinesBroken.join(', ')}`) : '';
            io.out(
              `  ${a.actor.padEnd(12)} accepts ${pct(a.acceptRate)}  utility ${a.meanUtility.toFixed(3)} [${a.minUtility.toFixed(3)}, ${a.maxUtility.toFixed(3)}]${why}\n`,
            );
          }
        }
      },
    );
}
