import type { Command } from 'commander';
import { outcomeSpaceSize } from '../../domain/utility.ts';
import { loadScenario } from '../../scenario/load.ts';
import { type Io, palette } from '../io.ts';
import { resolveScenarioPath, shippedIds } from '../scenarios.ts';

export function registerList(program: Command, io: Io): void {
  program
    .command('list')
    .description('list the shipped scenarios with their titles and summaries')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const rows = shippedIds().map((id) => {
        const result = loadScenario(resolveScenarioPath(id));
        return result.ok
          ? {
              id,
              title: result.scenario.title,
              summary: result.scenario.summary,
              date: result.scenario.date,
              recordEnds: result.scenario.recordEnds ?? null,
              actors: result.scenario.actors.length,
              issues: result.scenario.issues.length,
              packages: outcomeSpaceSize(result.scenario).toString(),
            }
          : {
              id,
              title: '(does not load: run peacesim validate)',
              summary: '',
              date: '',
              recordEnds: null,
              actors: 0,
              issues: 0,
              packages: '0',
            };
      });
      if (opts.json) {
        io.out(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const p = palette(io);
      for (const r of rows) {
        io.out(`${p.bold(r.id)}  ${r.title}\n`);
        if (r.summary)
          io.out(
            `  ${p.dim(`situation of ${r.date}${r.recordEnds ? ` · record ends ${r.recordEnds}` : ''} · ${r.actors} actors, ${r.issues} issues, ${BigInt(r.packages).toLocaleString('en-US')} packages`)}\n  ${r.summary}\n`,
          );
        io.out('\n');
      }
    });
}
