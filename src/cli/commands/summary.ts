import type { Command } from 'commander';
import { durabilityOf } from '../../domain/durability.ts';
import { evaluatePackage } from '../../domain/evaluate.ts';
import { outcomeSpaceSize } from '../../domain/utility.ts';
import { humanActors } from '../../engine/headless.ts';
import { DURABILITY_CAVEAT, n2 } from '../../report/durability.ts';
import { RESTS_ON_HEADING, restsOnLines } from '../../report/evidence.ts';
import { restsOnFor } from '../evidence.ts';
import { type Io, palette } from '../io.ts';
import { DEFAULT_SCENARIO, openScenario } from '../scenarios.ts';

export function registerSummary(program: Command, io: Io): void {
  program
    .command('show', { isDefault: true })
    .description(
      `show a scenario: its actors, red lines and every tabled document's verdicts (default: ${DEFAULT_SCENARIO})`,
    )
    .argument('[scenario]', 'a scenario file or shipped scenario id', DEFAULT_SCENARIO)
    .action(async (name: string) => {
      const s = openScenario(name);
      const p = palette(io);
      const line = (t = '') => io.out(`${t}\n`);
      line(p.bold(s.title));
      line(
        p.dim(
          `${s.id} · situation of ${s.date} · ${s.actors.length} actors · ${s.issues.length} issues · ${outcomeSpaceSize(s).toLocaleString('en-US')} possible packages`,
        ),
      );
      line(s.summary);
      line();
      line(p.bold('Actors'));
      for (const a of s.actors) {
        line(
          `  ${p.cyan(a.name)} (${a.role}) — no deal is worth ${a.reservation.value.toFixed(2)} to it; ${a.redLines.length} red line${a.redLines.length === 1 ? '' : 's'}`,
        );
        for (const r of a.redLines)
          line(`    ${p.dim('•')} ${r.text}${r.confirmed ? '' : p.yellow(' [unconfirmed]')}`);
      }
      line();
      line(p.bold('Tabled documents'));
      for (const d of s.documents) {
        const ev = evaluatePackage(s, d.package);
        const verdicts = ev.verdicts
          .filter((v) => ev.required.includes(v.actor))
          .map((v) => `${v.actor} ${v.accepts ? p.green('accepts') : p.red('rejects')}`)
          .join(', ');
        line(`  ${p.cyan(d.id)} ${p.dim(`(${d.date})`)} ${d.title}`);
        line(
          `    ${ev.agreement ? p.green('agreement') : p.red('no agreement')}: ${verdicts}${ev.ruleViolations.length ? `; breaks rule ${ev.ruleViolations.map((r) => r.redLine).join(', ')}` : ''}`,
        );
        // only scenarios that state durability assumptions get the line (durabilityOf is null otherwise)
        const dur = durabilityOf(s, d.package);
        if (dur)
          line(`    ${p.dim(`estimated durability ${n2(dur.value)} if signed — ${DURABILITY_CAVEAT}`)}`);
        for (const v of ev.verdicts) {
          if (!ev.required.includes(v.actor) || v.accepts) continue;
          if (v.violations.length) {
            for (const r of v.violations) {
              line(
                `    ${p.dim(`${v.actor}: red line: ${r.text}${r.sources.length ? ` [${r.sources.join(', ')}]` : ''}`)}`,
              );
            }
          } else {
            const costs = v.costs
              .slice(0, 3)
              .map((c) => c.issue)
              .join(', ');
            line(
              `    ${p.dim(`${v.actor}: utility ${v.utility.toFixed(2)} < ${v.reservation.toFixed(2)} (no deal); costliest: ${costs}`)}`,
            );
          }
        }
      }
      // the default run's outcome, and the readings and assumptions it rests on
      line();
      const rests = await restsOnFor(s, {}, [], humanActors(s, {}).length > 0);
      if (rests.computed) line(p.bold(`The default run (peacesim run): ${rests.outcome}`));
      for (const l of restsOnLines(rests)) line(l === RESTS_ON_HEADING ? p.bold(l) : l);
    });
}
