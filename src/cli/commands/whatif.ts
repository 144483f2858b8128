import { type Command, InvalidArgumentError } from 'commander';
import {
  type ChangeRequest,
  type Movement,
  type Recompile,
  type VerdictChange,
  valuesToAdd,
  type WhatIfResult,
  whatIf,
} from '../../analysis/whatif.ts';
import type { Verdict, Violation } from '../../domain/evaluate.ts';
import type { Scenario } from '../../domain/types.ts';
import { HELD_EARLIER_HEADING, positionNote, reasonEntryLines } from '../../report/before-record.ts';
import { belowPair } from '../../report/comparison-figures.ts';
import { contestedTermWords } from '../../report/contested-terms.ts';
import { DURABILITY_CAVEAT } from '../../report/durability.ts';
import { whatIfCsv, whatIfJson } from '../../report/exports/whatif.ts';
import { changeFigures, n2, n3, optionLabelAt, padCells, shift2, signed } from '../../report/format.ts';
import { saysNo, whatIfBeforeRecord, wonOver } from '../../report/named-before-record.ts';
import {
  anticipatedVoteWords,
  anticipationWords,
  bodies,
  hurdleName,
  hurdleSentence,
  RATIFICATION_CAVEAT,
  type RatificationLike,
} from '../../report/ratification.ts';
import { documentHeading, documentTermFlagText, issueLabel } from '../../report/words.ts';
import { AS_OF_HELP, BASIS_LEGEND, documentJudgedBy, mark, parseAsOf } from '../as-of.ts';
import { withFlags } from '../core-errors.ts';
import { DOCUMENT_FLAG_HELP, givenDocument } from '../document-flag.ts';
import { checkExportFlags } from '../export-flags.ts';
import { writeFileAtomic } from '../files.ts';
import { ANTICIPATE_FLAG, ANTICIPATE_JUDGE_HELP, NO_ANTICIPATE_FLAG, NO_ANTICIPATE_HELP } from '../flags.ts';
import { type Io, type Palette, palette } from '../io.ts';
import { actorName, actorShort } from '../labels.ts';
import { openScenarioAsync } from '../open-scenario.ts';
import { resolveScenarioPath } from '../paths.ts';
import { redLineItems, redLinesHead, violationText } from '../red-line-items.ts';

/** `--set ISSUE=VALUE`, collected. */
export function collectSet(text: string, previous: ChangeRequest[] = []): ChangeRequest[] {
  const at = text.indexOf('=');
  if (at <= 0 || at === text.length - 1)
    throw new InvalidArgumentError('expected ISSUE=VALUE, e.g. --set army-cap=800000');
  return [...previous, { issue: text.slice(0, at).trim(), value: text.slice(at + 1).trim() }];
}

/**
 * Why an actor rejects, as lines, or none when it accepts: `lead` ("  Ukraine: ") and its red lines, each an item on
 * a line of its own under `indent` (redLineItems: its note after it, its aside in `aside`'s paint), and, when
 * negotiators anticipate ratification, the vote of its body on the line after them, and its worth below no deal when
 * it is; else `lead` and its worth below no deal, after the vote when there is one.
 */
export function reasonLines(
  s: Scenario,
  v: Verdict,
  lead: string,
  indent: string,
  note: (x: Violation) => string = () => '',
  aside: (text: string) => string = (t) => t,
): string[] {
  if (v.accepts) return [];
  const vote = v.wouldFail?.length ? anticipatedVoteWords(s, v.wouldFail) : '';
  const below = v.utility < v.reservation - 1e-12;
  if (v.violations.length)
    return [
      `${lead}${redLinesHead(v.violations.length)}`,
      ...redLineItems(s, v.actor, v.violations, note, aside).map((x) => `${indent}${x}`),
      ...(vote ? [`${indent}also, ${vote}`] : []),
      // a red line is never traded off, but dropping it alone would not win the actor over: say so, as run does
      ...(below
        ? [`${indent}also, apart from its red line${v.violations.length > 1 ? 's' : ''}, ${worthBelow(s, v)}`]
        : []),
    ];
  // worth no less than no deal: the vote is the whole reason
  if (vote && !below) return [`${lead}${vote}`];
  return [`${lead}${vote ? `${vote}; also, ${worthBelow(s, v)}` : worthBelow(s, v)}`];
}

/** An actor's worth below no deal, and the issues that cost it most. */
function worthBelow(s: Scenario, v: Verdict): string {
  const costs = v.costs
    .slice(0, 3)
    .map((c) => `${issueLabel(s, c.issue)}${mark(c.basis)} (${n3(c.cost)})`)
    .join(', ');
  const [u, r] = belowPair(v.utility, v.reservation);
  return `utility ${u} < reservation ${r}${mark(v.reservationBasis)}${costs ? `; costliest: ${costs}` : ''}`;
}

function verdictWord(v: Verdict): string {
  return v.accepts ? 'accepts' : 'rejects';
}

function movementLine(
  s: Scenario,
  m: Movement,
  p: Palette,
  after: RatificationLike | null,
  note: (actor: string, x: Violation) => string,
): string {
  const who = (id: string) => actorName(s, id);
  switch (m.kind) {
    case 'agreement':
      return `agreement: ${m.before ? 'yes' : 'no'} → ${m.after ? p.green('yes') : p.red('no')}`;
    case 'verdict':
      return `${who(m.actor)}: ${m.before}s → ${m.after === 'accept' ? p.green('accepts') : p.red('rejects')}`;
    case 'required':
      return `${who(m.actor)}: ${m.after ? 'now required (it controls an issue the text moves)' : 'no longer required'}`;
    case 'red-line-broken':
      return `${who(m.actor)}: ${p.red('breaks')} a red line: ${violationText(m)}${note(m.actor, m)}`;
    case 'red-line-cleared':
      return `${who(m.actor)}: ${p.green('clears')} a red line: ${violationText(m)}${note(m.actor, m)}`;
    case 'rule-broken':
      return `a rule ${p.red('broken')}: ${violationText(m)}`;
    case 'rule-cleared':
      return `a rule ${p.green('cleared')}: ${violationText(m)}`;
    case 'utility': {
      // figures that add up as printed (m.delta is after − before)
      const [before, after, change] = changeFigures(m.before, m.after);
      return `${who(m.actor)}: utility ${before} → ${after} (${change})`;
    }
    case 'vote-failed':
      return `${who(m.actor)}: its body would now vote the text down (anticipated): ${hurdleSentence(s, m)}`;
    case 'vote-cleared': {
      // the changed text clears the hurdle, or goes to that body no more
      const now = after?.hurdles.find((h) => h.id === m.id);
      return `${who(m.actor)}: its body would ${p.green('no longer')} vote the text down (anticipated): ${now ? hurdleSentence(s, now) : `the text no longer goes to ${hurdleName(s, m)}`}`;
    }
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
  for (const f of d.switched)
    out.push(
      `  ${f.after ? 'switched on ' : 'switched off'}  ${shift2(f.shift)}  ${f.label}${mark(f.basis)}`,
    );
  return out;
}

/** The hurdles the text meets before and after, each with its verdict by the numbers; nothing when it meets none. */
function ratificationLines(r: WhatIfResult, p: Palette): string[] {
  const { before, after } = r.ratification;
  if (!before && !after) return [];
  const state = (x: RatificationLike | null) =>
    x === null
      ? 'none needed: it would take effect when signed'
      : x.clears
        ? `would clear ${bodies(x)}`
        : // only the bodies it falls short of: a text meeting two hurdles may clear one
          `would fall short of ${bodies({ ...x, hurdles: x.hurdles.filter((h) => !h.clears) })}`;
  const head =
    state(before) === state(after)
      ? `${state(after)} (unchanged)`
      : `${state(before)} → ${p.bold(state(after))}`;
  const out = [`${p.bold('Ratification')}: ${head} ${p.dim(`— ${RATIFICATION_CAVEAT}`)}`];
  for (const h of after?.hurdles ?? []) out.push(`  subject to ${hurdleSentence(r.scenario, h)}`);
  return out;
}

export function printWhatIf(r: WhatIfResult, io: Io): void {
  const s = r.scenario;
  const p = palette(io);
  const line = (t = '') => io.out(`${t}\n`);
  line(`${p.bold(`What if — ${documentHeading(r.document)}`)} ${p.dim(`(${s.title})`)}`);
  line(p.dim(`  ${documentJudgedBy(s, r.document.date, r.asOf)} · ${BASIS_LEGEND}`));
  if (r.anticipate) line(p.dim(`  ${anticipationWords(s, true)}`));
  if (r.changes.length === 0) line(p.dim('  no changes: the document as tabled'));
  for (const c of r.changes) {
    const issue = s.issues[c.issue]!;
    const same = c.from === c.to ? p.dim(' (as in the document)') : '';
    // the term it replaces is the document's, flagged when the record does not settle it; the one set is the user's
    line(
      `  ${issue.label}: ${optionLabelAt(s, c.issue, c.from)}${documentTermFlagText(r.document, c.issue)} → ${p.bold(optionLabelAt(s, c.issue, c.to))}${same}`,
    );
  }
  line();

  const name = (id: string) => actorShort(s, id);
  const aw = Math.max(5, ...r.verdicts.map((v) => name(v.actor).length));
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
        `  ${padCells(name(v.actor), aw)}  ${padCells(n3(v.after.utility), 15)}  ${padCells(signed(v.after.margin), 17)}  ${word}${p.dim(`, unchanged${reqText}`)}`,
      );
      return;
    }
    const util = `${n3(v.before.utility)} → ${n3(v.after.utility)}`;
    const margin = `${signed(v.before.margin)} → ${signed(v.after.margin)}`;
    const word = v.after.accepts ? p.green('accepts') : p.red('rejects');
    const verdict = v.flipped ? `${verdictWord(v.before)} → ${p.bold(word)}` : `${word} (still)`;
    line(
      `  ${padCells(name(v.actor), aw)}  ${padCells(util, 15)}  ${padCells(margin, 17)}  ${verdict}${p.dim(reqText)}`,
    );
  };
  r.verdicts.forEach(row);
  line();
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  line(
    `${p.bold('Agreement')}: ${r.agreement.before === r.agreement.after ? `${yes(r.agreement.after)} (unchanged)` : `${yes(r.agreement.before)} → ${r.agreement.after ? p.green('yes') : p.red('no')}`}`,
  );
  if (r.rules.after.length) line(`  rules broken: ${r.rules.after.map((x) => violationText(x)).join('; ')}`);
  // a verdict that rests on one version of a contested term names the other, read against the text as changed; a
  // term the changes set is the user's, and its variant no longer applies
  for (const c of r.contested) line(`  ${p.dim(contestedTermWords(s, c))}`);

  durabilityLines(r, p).forEach((t) => line(t));
  ratificationLines(r, p).forEach((t) => line(t));

  // a red line it names that the date's positions apply before its earliest source says so, as run's do
  const marks = whatIfBeforeRecord(r);
  const note = (actor: string, x: Violation) => {
    const e = marks.of(actor, x.redLine);
    return e ? p.dim(`; ${positionNote(e, marks.numbered)}`) : '';
  };
  line();
  line(p.bold('What moved'));
  if (r.moved.length === 0) line(p.dim('  nothing: every verdict, utility, red line and rule is as before'));
  for (const m of r.moved) line(`  • ${movementLine(s, m, p, r.ratification.after, note)}`);

  const rejecting = saysNo(r);
  if (rejecting.length) {
    line();
    line(p.bold('Who says no, and why'));
    for (const v of rejecting)
      for (const l of reasonLines(
        s,
        v.after,
        `  ${actorName(s, v.actor)}: `,
        '    ',
        (x) => note(v.actor, x),
        p.dim,
      ))
        line(l);
  }
  const won = wonOver(r);
  if (won.length) {
    line();
    line(p.bold('Won over'));
    for (const v of won)
      for (const l of reasonLines(
        s,
        v.before,
        `  ${actorName(s, v.actor)}: before, `,
        '    ',
        (x) => note(v.actor, x),
        p.dim,
      ))
        line(l);
  }
  if (marks.listed.length) {
    line();
    line(p.bold(HELD_EARLIER_HEADING));
    for (const l of reasonEntryLines(marks.listed)) line(`  ${p.dim(l)}`);
  }
}

/**
 * How to recompile the scenario with numeric values that are not options yet, when the changes name any: the
 * compiler (yaml, zod) is loaded only then, and a cached scenario answers every other what-if.
 */
async function recompilerFor(
  nameOrPath: string,
  scenario: Scenario,
  changes: readonly ChangeRequest[],
): Promise<Recompile | undefined> {
  let needed = false;
  try {
    needed = valuesToAdd(scenario, changes).size > 0;
  } catch {
    // a change the scenario refuses: whatIf reports it, in the order of its checks
  }
  if (!needed) return undefined;
  const path = resolveScenarioPath(nameOrPath);
  const { loadScenarioFile } = await import('../../scenario/load.ts');
  return (extraValues) => loadScenarioFile(path, undefined, { extraValues });
}

export function registerWhatIf(program: Command, io: Io): void {
  program
    .command('whatif')
    .description(
      'change terms of a tabled document and see every verdict, utility, red line and rule that moves, and each contested term the changes leave (another report of what the text says) with the verdicts it would move',
    )
    .argument('<scenario>', 'a scenario file or shipped scenario id')
    .option('--document <ID>', DOCUMENT_FLAG_HELP)
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
    .option(ANTICIPATE_FLAG, ANTICIPATE_JUDGE_HELP)
    .option(NO_ANTICIPATE_FLAG, NO_ANTICIPATE_HELP)
    .action(
      async (
        name: string,
        opts: {
          document?: string;
          set: ChangeRequest[];
          json?: boolean;
          csv?: boolean;
          out?: string;
          asOf?: string;
          anticipateRatification?: boolean;
        },
      ) => {
        checkExportFlags(opts);
        const scenario = await openScenarioAsync(name);
        const recompile = await recompilerFor(name, scenario, opts.set);
        const r = withFlags(undefined, () =>
          whatIf(scenario, givenDocument(scenario, opts.document, 'whatif'), opts.set, {
            recompile,
            ...(opts.asOf === undefined ? {} : { asOf: opts.asOf }),
            // the flag over the scenario's default
            anticipate: opts.anticipateRatification ?? scenario.protocol.anticipateRatification === true,
          }),
        );
        if (opts.csv || opts.json) {
          const text = opts.csv ? whatIfCsv(r) : `${JSON.stringify(whatIfJson(r), null, 2)}\n`;
          if (opts.out) writeFileAtomic(opts.out, text);
          else io.out(text);
        } else printWhatIf(r, io);
      },
    );
}
