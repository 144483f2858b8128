import type { Command } from 'commander';
import { loadScenario } from '../../scenario/load.ts';
import { formatError } from '../../scenario/located.ts';
import { setExitCode } from '../exit-code.ts';
import { type Io, palette } from '../io.ts';
import { resolveScenarioPath } from '../scenarios.ts';

export function registerValidate(program: Command, io: Io): void {
  program
    .command('validate')
    .description(
      'check scenario files: every mistake, with file:line:column (exit 0 valid, 1 invalid); warns of a position judged before its sources',
    )
    .argument('<files...>', 'scenario files (or shipped scenario ids)')
    .option('--json', 'print JSON: one entry per file with its errors')
    .action((files: string[], opts: { json?: boolean }, cmd: Command) => {
      const p = palette(io);
      const results = files.map((f) => {
        let path = f;
        try {
          path = resolveScenarioPath(f);
        } catch {
          // loadScenario reports the missing file with its name
        }
        const r = loadScenario(path);
        return { file: f, result: r };
      });
      const bad = results.filter((r) => !r.result.ok).length;
      if (opts.json) {
        const out = results.map(({ file, result }) => ({
          file,
          valid: result.ok,
          errors: result.ok ? [] : result.errors,
          warnings: result.ok ? result.warnings : [],
          ...(result.ok ? { id: result.scenario.id } : {}),
        }));
        io.out(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        for (const { file, result } of results) {
          if (result.ok) {
            io.out(`${p.green('ok')}  ${file}  ${p.dim(result.scenario.title)}\n`);
            for (const w of result.warnings) io.err(`${p.yellow('warning')} ${formatError(w)}\n`);
          } else for (const e of result.errors) io.err(`${formatError(e)}\n`);
        }
        if (bad)
          io.err(`${p.red(`${bad} of ${results.length} file${results.length > 1 ? 's' : ''} invalid`)}\n`);
      }
      if (bad) setExitCode(cmd, 1);
    });
}
