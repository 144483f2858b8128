import { type Command, InvalidArgumentError } from 'commander';
import {
  type ChangeRequest,
  type Movement,
  type VerdictChange,
  type WhatIfResult,
  whatIf,
} from '../../analysis/whatif.ts';
import type { Verdict, Violation } from '../../domain/evaluate.ts';
import type { Scenario } from '../../domain/types.ts';
import { DURABILITY_CAVEAT } from '../../report/durability.ts';
import { whatIfCsv, whatIfJson } from '../../report/exports/whatif.ts';
import { n2, n3, optionLabelAt, padCells, shift2, signed } from '../../report/format.ts';
import { issueLabel } from '../../report/words.ts';
import { loadScenarioFile } from '../../scenario/load.ts';
import { AS_OF_HELP, BASIS_LEGEND, mark, parseAsOf } from '../as-of.ts';
import { checkExportFlags } from '../export-flags.ts';
import { writeFileAtomic } from '../files.ts';
import { type Io, type Palette, palette } from '../io.ts';
import { resolveScenarioPath } from '../scenarios.ts';

/** `--set ISSUE=VALUE`, collected. */
export function collectSet(text: string, previous: ChangeRequest[] = []): ChangeRequest[] {
  const at = text.indexOf('=');
  if (at <= 0 || at === text.length - 1)
    throw new InvalidArgumentError('expected ISSUE=VALUE, e.g. --set army-cap=800000');
  return [...previous, { issue: text.slice(0, at).trim(), value: text.slice(at + 1).trim() }];
}

export function violationText(v: Violation): string {
  const src = v.sources.length ? ` [${v.sources.join(', ')}]` : '';
  return `${v.text}${mark(v.basis)}${src}${v.confirmed ? '' : ' (unconfirmed)'}`;
}

/** Why an actor rejects, in one line, or "" when it accepts. */
export function reasonOf(s: Scenario, v: Verdict): string {
  if (v.accepts) return '';
  if (v.violations.length) return v.violations.map((x) => `red line: ${violationText(x)}`).join('; ');
  const costs = v.costs
    .slice(0, 3)
    .map((c) => `${issueLabel(s, c.issue)}${mark(c.basis)} (${signed(-c.cost)})`)
    .join(', ');
  return `utility ${n3(v.utility)} < reservation ${n3(v.reservation)}${mark(v.reservationBasis)}${costs ? `; costliest: ${costs}` : ''}`;
}

function verdictWord(v: Verdict): string {
  return v.accepts ? 'accepts' : 'rejects';
}

function movementLine(m: Movement, p: Palette): string {
  switch (m.kind) {
    case 'agreement':
      return `agreement: ${m.before ? 'yes' : 'no'} → ${m.after ? p.green('yes') : p.red('no')}`;
    case 'verdict':
      return `${m.actor}: ${m.before}s → ${m.after === 'accept' ? p.green('accepts') : p.red('rejects')}`;
    case 'required':
      return `${m.actor}: ${m.after ? 'now required (it controls an issue the text moves)' : 'no longer required'}`;
    case 'red-line-broken':
      return `${m.actor}: ${p.red('breaks')} red line ${m.redLine}: ${violationText(m)}`;
    case 'red-line-cleared':
      return `${m.actor}: ${p.green('clears')} red line ${m.redLine}: ${violationText(m)}`;
    case 'rule-broken':
      return `rule ${m.redLine} ${p.red('broken')}: ${violationText(m)}`;
    case 'rule-cleared':
      return `rule ${m.redLine} ${p.green('cleared')}: ${violationText(m)}`;
    case 'utility':
      return `${m.actor}: utility ${n3(m.before)} → ${n3(m.after)} (${signed(m.delta)})`;
  }
}

/** The estimate before → after and the factors that switched; nothing when the scenario states none. */
function durabilityLines(r: WhatIfResult, p: Palette): string[] {
  const d = r.durability;
  if (!d) return [];
  const same = Math.abs(d.after.value - d.before.value) < 1e-12;
  const value = same
    ? `${n2(d.after.value)} (unchanged)`
    : `${n2(d.before.value)} → ${p.bold(n2(d.after.value))}`;
  const out = [`${p.bold('Durability')}: ${value} ${p.dim(`— ${DURABILITY_CAVEAT}`)}`];
  const w = Math.max(0, ...d.switched.map((f) => f.id.length));
  for (const f of d.switched)
    out.push(
      `  ${f.after ? 'switched on ' : 'switched off'}  ${padCells(f.id, w)}  ${shift2(f.shift)}  ${p.dim(f.label)}${mark(f.basis)}`,
    );
  return out;
}

export function printWhatIf(r: WhatIfResult, io: Io): void {
  const s = r.scenario;
  const p = palette(io);
  const line = (t = '') => io.out(`${t}\n`);
  line(`${p.bold(`What if — ${r.document.id}`)}: ${r.document.title} ${p.dim(`(${s.id})`)}`);
  const by = r.asOf === r.document.date ? `its own date, ${r.asOf}` : `${r.asOf} (--as-of)`;
  line(
    p.dim(
      `  judged by the positions in force on ${by}${r.epochs.length ? `: ${r.epochs.join(', ')}` : ''} · ${BASIS_LEGEND}`,
    ),
  );
  if (r.changes.length === 0) line(p.dim('  no changes: the document as tabled'));
  const w = Math.max(0, ...r.changes.map((c) => s.issues[c.issue]!.id.length));
  for (const c of r.changes) {
    const issue = s.issues[c.issue]!;
    const label = issue.kind === 'discrete' ? p.dim(`  ${issue.options[c.to]!.label}`) : '';
    const same = c.from === c.to ? p.dim(' (as in the document)') : '';
    line(
      `  ${padCells(issue.id, w)}  ${optionLabelAt(s, c.issue, c.from)} → ${p.bold(optionLabelAt(s, c.issue, c.to))}${same}${label}`,
    );
  }
  line();

  const aw = Math.max(5, ...r.verdicts.map((v) => v.actor.length));
  line(p.dim(`  ${padCells('actor', aw)}  ${padCells('utility', 15)}  ${padCells('margin', 17)}  verdict`));
  const row = (v: VerdictChange) => {
    const req = (b: boolean) => (b ? '' : ' (not required)');
    const reqText =
      v.required.before === v.required.after
        ? req(v.required.after)
        : ` (${v.required.before ? 'required' : 'not required'} → ${v.required.after ? 'required' : 'not required'})`;
    if (!v.changed) {
      const word = v.after.accepts ? p.green('accepts') : p.red('rejects');
      line(
        `  ${padCells(v.actor, aw)}  ${padCells(n3(v.after.utility), 15)}  ${padCells(signed(v.after.margin), 17)}  ${word}${p.dim(`, unchanged${reqText}`)}`,
      );
      return;
    }
    const util = `${n3(v.before.utility)} → ${n3(v.after.utility)}`;
    const margin = `${signed(v.before.margin)} → ${signed(v.after.margin)}`;
    const word = v.after.accepts ? p.green('accepts') : p.red('rejects');
    const verdict = v.flipped ? `${verdictWord(v.before)} → ${p.bold(word)}` : `${word} (still)`;
    line(
      `  ${padCells(v.actor, aw)}  ${padCells(util, 15)}  ${padCells(margin, 17)}  ${verdict}${p.dim(reqText)}`,
    );
  };
  r.verdicts.forEach(row);
  line();
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  line(
    `${p.bold('Agreement')}: ${r.agreement.before === r.agreement.after ? `${yes(r.agreement.after)} (unchanged)` : `${yes(r.agreement.before)} → ${r.agreement.after ? p.green('yes') : p.red('no')}`}`,
  );
  if (r.rules.after.length)
    line(`  rules broken: ${r.rules.after.map((x) => `${x.redLine}: ${violationText(x)}`).join('; ')}`);

  durabilityLines(r, p).forEach((t) => line(t));

  line();
  line(p.bold('What moved'));
  if (r.moved.length === 0) line(p.dim('  nothing: every verdict, utility, red line and rule is as before'));
  for (const m of r.moved) line(`  • ${movementLine(m, p)}`);

  const rejecting = r.verdicts.filter((v) => v.required.after && !v.after.accepts);
  if (rejecting.length) {
    line();
    line(p.bold('Who says no, and why'));
    for (const v of rejecting) line(`  ${v.actor}: ${reasonOf(s, v.after)}`);
  }
  const won = r.verdicts.filter((v) => v.flipped && v.after.accepts);
  if (won.length) {
    line();
    line(p.bold('Won over'));
    for (const v of won) line(`  ${v.actor}: before, ${reasonOf(s, v.before)}`);
  }
}

/** Loads the scenario; numeric values that are not options yet come back as options of a recompiled scenario. */
export function scenarioLoader(nameOrPath: string): { scenario: Scenario; recompile: WhatIfRecompile } {
  const path = resolveScenarioPath(nameOrPath);
  return {
    scenario: loadScenarioFile(path),
    recompile: (extraValues) => loadScenarioFile(path, undefined, { extraValues }),
  };
}
type WhatIfRecompile = (extraValues: ReadonlyMap<string, readonly number[]>) => Scenario;

export function registerWhatIf(program: Command, io: Io): void {
  program
    .command('whatif')
    .description(
      'change terms of a tabled document and see every verdict, utility, red line and rule that moves',
    )
    .argument('<scenario>', 'a scenario file or shipped scenario id')
    .requiredOption('--document <ID>', 'the document to start from')
    .option(
      '--set <ISSUE=VALUE>',
      'set an issue to an option id, or a numeric issue to a number (800000, 800k); repeatable',
      collectSet,
      [],
    )
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV: one row per actor, before and after')
    .option('--out <file>', 'write the --csv or --json output to this file (atomically) instead of stdout')
    .option('--as-of <DATE>', AS_OF_HELP, parseAsOf)
    .action(
      (
        name: string,
        opts: {
          document: string;
          set: ChangeRequest[];
          json?: boolean;
          csv?: boolean;
          out?: string;
          asOf?: string;
        },
      ) => {
        checkExportFlags(opts);
        const { scenario, recompile } = scenarioLoader(name);
        const r = whatIf(scenario, opts.document, opts.set, {
          recompile,
          ...(opts.asOf === undefined ? {} : { asOf: opts.asOf }),
        });
        if (opts.csv || opts.json) {
          const text = opts.csv ? whatIfCsv(r) : `${JSON.stringify(whatIfJson(r), null, 2)}\n`;
          if (opts.out) writeFileAtomic(opts.out, text);
          else io.out(text);
        } else printWhatIf(r, io);
      },
    );
}
