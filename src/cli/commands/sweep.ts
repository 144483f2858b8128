import type { Command } from 'commander';
import { type SweepSample, sweep } from '../../analysis/sweep.ts';
import { writeFileAtomic } from '../files.ts';
import { collect, intFlag } from '../flags.ts';
import { type Io, palette } from '../io.ts';
import { openScenario } from '../scenarios.ts';

const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)}%`;

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
    .option(
      '--csv <file>',
      'also write every sample (sample, document, actor, utility, reservation, accepts) as CSV; - for stdout',
    )
    .option('--json', 'print JSON')
    .action(
      (
        name: string,
        opts: { document?: string[]; samples: number; seed: number; csv?: string; json?: boolean },
      ) => {
        const scenario = openScenario(name);
        const rows: string[] = [];
        const onSample = opts.csv
          ? (s: SweepSample) => {
              rows.push(
                `${s.sample},${s.document},${s.actor},${s.utility.toFixed(6)},${s.reservation.toFixed(6)},${s.accepts}`,
              );
            }
          : undefined;
        const result = sweep(
          scenario,
          { samples: opts.samples, seed: opts.seed, documents: opts.document ?? [] },
          onSample,
        );
        if (opts.csv) {
          const csv = `sample,document,actor,utility,reservation,accepts\n${rows.join('\n')}\n`;
          if (opts.csv === '-') {
            io.out(csv);
            return;
          }
          writeFileAtomic(opts.csv, csv);
        }
        if (opts.json) {
          io.out(`${JSON.stringify(result, null, 2)}\n`);
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
        for (const d of result.documents) {
          io.out(`\n${p.cyan(d.id)}  agreement in ${pct(d.agreementRate).trim()} of samples\n`);
          for (const a of d.actors) {
            const why = a.redLinesBroken.length ? p.red(`  red line: ${a.redLinesBroken.join(', ')}`) : '';
            io.out(
              `  ${a.actor.padEnd(12)} accepts ${pct(a.acceptRate)}  utility ${a.meanUtility.toFixed(3)} [${a.minUtility.toFixed(3)}, ${a.maxUtility.toFixed(3)}]${why}\n`,
            );
          }
        }
        if (opts.csv) io.out(p.dim(`\nevery sample written to ${opts.csv}\n`));
      },
    );
}
