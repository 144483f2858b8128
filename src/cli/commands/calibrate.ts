import type { Command } from 'commander';
import {
  type CalibrationReport,
  calibrateScenario,
  type DocumentVerdict,
  givenWithoutRange,
  settledOnReadings,
} from '../../analysis/calibrate.ts';
import { loadLp } from '../../analysis/lp.ts';
import { nameInSentence } from '../../domain/actor-names.ts';
import { positionsAsOf } from '../../domain/positions.ts';
import type { Scenario } from '../../domain/types.ts';

import { capitalise, n2, n3, signed } from '../../report/format.ts';
import { recordedReactionWordsById } from '../../report/record-words.ts';
import { consentAside, documentHeading, settledCountWords, unconfirmedFlag } from '../../report/words.ts';
import { BASIS_LEGEND, mark } from '../as-of.ts';
import { checkExportFlags } from '../export-flags.ts';
import { writeFileAtomic } from '../files.ts';
import { type Io, type Palette, palette } from '../io.ts';
import { openScenarioAsync } from '../open-scenario.ts';
import { DEFAULT_SCENARIO } from '../paths.ts';

/** A range of weights or values of no deal: one figure for a point; three decimals where two would print "0.01–0.01". */
function span([lo, hi]: readonly [number, number]): string {
  if (Math.abs(hi - lo) < 0.005) return n2(lo);
  return n2(lo) === n2(hi) ? `${n3(lo)}–${n3(hi)}` : `${n2(lo)}–${n2(hi)}`;
}

const sentence = (t: string) => t.replace(/[.\s]+$/, '');

/** "red line: A" or "red lines: A; B": the count in the noun. */
const redLinesWords = (texts: readonly string[]) =>
  `red line${texts.length === 1 ? '' : 's'}: ${texts.join('; ')}`;

/**
 * A red line's words as the positions of `date` give them, marked with its basis and, when the record does not
 * settle it, "(unconfirmed)": an epoch in force then may add a red line the top-level positions do not have, or word
 * one differently.
 */
function datedRedLine(s: Scenario, actorId: string, date: string, id: string): string {
  const a = positionsAsOf(s, date).actors[s.actorIndex.get(actorId)!]!;
  const l = a.redLines.find((x) => x.id === id);
  return l ? `${sentence(l.text)}${mark(l.basis)}${unconfirmedFlag(l.confirmed)}` : id;
}

function verdictWords(
  v: DocumentVerdict,
  p: Palette,
  redLineText: (id: string) => string,
  onReadings: boolean,
  fixed: boolean,
): string {
  const margin = `${signed(v.margin[0])} … ${signed(v.margin[1])}`;
  switch (v.decidedBy) {
    case 'red-line':
      return `${p.red('rejects')}  ${redLinesWords(v.redLines.map(redLineText))}`;
    case 'record':
      return `${v.verdict === 'accepts' ? p.green('accepts') : p.red('rejects')}  margin ${margin}  settled by the record${onReadings ? ' [reading]' : ''}`;
    case 'ranges':
      // with no range at all, what settles it is the modeller's numbers themselves, not a range of them
      return `${v.verdict === 'accepts' ? p.green('accepts') : p.red('rejects')}  margin ${margin}  ${fixed ? "settled by the scenario's numbers (given without a range)" : 'settled by the ranges alone'}`;
    default:
      return `${p.yellow('depends')}  margin ${margin}  the modeller's numbers decide`;
  }
}

/** Cells joined by " · " into lines no wider than `width`. */
function wrap(cells: readonly string[], indent: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const c of cells) {
    const next = line ? `${line} · ${c}` : c;
    if (line && indent.length + next.length > width) {
      lines.push(indent + line);
      line = c;
    } else line = next;
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** The report in words: labels where a person reads, every figure from the JSON. */
/** The reactions weighed against the ranges, and how many narrow them (the rest the ranges alone already give). */
function weighedWords(weighed: number, narrowing: number, aside: number): string {
  const head = `${weighed} reaction${weighed === 1 ? '' : 's'} weighed${aside ? `, ${aside} of them set aside as a conflict` : ''}`;
  if (weighed === 0) return head;
  if (narrowing === weighed) return `${head}, ${weighed === 1 ? 'it narrows' : 'all narrow'} the ranges`;
  if (narrowing === 0)
    return `${head}: the ranges alone already give ${weighed === 1 ? 'it, so it narrows' : 'them, so none narrows'} nothing`;
  return `${head}, ${narrowing} of them narrowing the ranges (the ranges alone give the other ${weighed - narrowing})`;
}

export function calibrationText(s: Scenario, r: CalibrationReport, p: Palette): string[] {
  const actor = (id: string) => s.actors.find((a) => a.id === id)!;
  const out: string[] = [];
  out.push(p.bold(`${s.title} — the record as evidence`));
  const recorded = r.record.length;
  if (recorded === 0) {
    out.push(
      "The scenario records no reactions: every verdict below rests on the scenario's numbers and ranges alone (add a record: section, docs/evidence.md).",
    );
  } else if (r.consistent) {
    out.push(
      `${recorded} recorded reaction${recorded === 1 ? '' : 's'}. The record holds together: some weights and values of no deal within the scenario's ranges reproduce every one.`,
    );
  } else {
    const who = [...new Set(r.conflicts.map((c) => nameInSentence(actor(c.actor))))];
    out.push(
      `${recorded} recorded reaction${recorded === 1 ? '' : 's'}. The record does not hold together for ${who.join(' and ')}: see the conflicts below; every other actor is calibrated as usual.`,
    );
  }
  // the marks below: recorded reactions and red lines that are readings or assumptions
  out.push(p.dim(BASIS_LEGEND));
  out.push('', p.bold('Recorded reactions'));
  for (const e of r.record) {
    const calib = r.actors[e.actor];
    const note = calib?.explainedByRedLine.includes(e.id)
      ? p.dim(' — explained by a red line: says nothing about its weights')
      : calib?.contradicts.includes(e.id)
        ? p.yellow(" — the scenario's own numbers do not reproduce it")
        : '';
    const basis = e.basis === 'stated' ? '' : ` [${e.basis}]`;
    out.push(
      `  ${capitalise(recordedReactionWordsById(s, e.id))}${basis} ${p.dim(`[${e.sources.join(', ')}]`)}${note}`,
    );
  }
  if (r.conflicts.length) {
    out.push('', p.bold('Conflicts: reactions that cannot all hold'));
    for (const set of [...new Set(r.conflicts.map((c) => c.set))]) {
      const members = r.conflicts.filter((c) => c.set === set);
      const first = members[0]!;
      const a = actor(first.actor);
      if (first.cause === 'red-line') {
        // judged, as calibrate judges it, by the positions of the reaction's date
        const date = r.record.find((e) => e.id === first.id)!.date;
        const texts = first.redLines.map((id) => datedRedLine(s, first.actor, date, id));
        out.push(
          `  ${capitalise(recordedReactionWordsById(s, first.id))}: the text breaks its ${redLinesWords(texts)} ${p.dim(`[${first.sources.join(', ')}]`)}`,
        );
      } else {
        // a set of one is a reaction no preference within the ranges reproduces, alone
        out.push(
          members.length === 1
            ? `  No weights and value of no deal of ${nameInSentence(a)} within its ranges reproduce this reaction:`
            : `  No weights and value of no deal of ${nameInSentence(a)} within its ranges fit these together:`,
        );
        for (const c of members)
          out.push(
            `    ${capitalise(recordedReactionWordsById(s, c.id))} ${p.dim(`[${c.sources.join(', ')}]`)}`,
          );
      }
    }
    out.push(
      p.dim(
        '  An actor with a conflict is calibrated on its other reactions; drop any one member of a set (a set of one: that reaction) to resolve it.',
      ),
    );
  }
  out.push('', p.bold('Preferences the record allows (normalised weights, value of no deal)'));
  for (const [id, c] of Object.entries(r.actors)) {
    const a = actor(id);
    const fit = c.pointInside
      ? "the scenario's own numbers fit the record"
      : `the scenario's own numbers do not fit the record${c.contradicts.length ? ` (they contradict ${c.contradicts.length} reaction${c.contradicts.length === 1 ? '' : 's'})` : ' (they lie outside its ranges)'}`;
    // the ranges below rest only on the reactions a conflict did not set aside
    const aside = c.constraining.filter((x) => c.setAside.includes(x)).length;
    out.push(
      `  ${p.cyan(a.name)} — ${weighedWords(c.constraining.length, c.narrowing.length, aside)}; ${fit}`,
    );
    const cells = Object.entries(c.weights).map(([issue, range]) => {
      const label = s.issues.find((x) => x.id === issue)!.label;
      return `${label} ${span(range)}`;
    });
    out.push(...wrap(cells, '    ', 100));
    out.push(`    no deal ${span(c.reservation)}`);
  }
  out.push('', p.bold('Verdicts over every preference the record and the ranges allow'));
  let settled = 0;
  let depends = 0;
  // settled by numbers given without a range: the modeller's numbers decide those too, with nothing to vary
  let unrangedCount = 0;
  for (const d of r.documents) {
    const doc = s.documents.find((x) => x.id === d.id)!;
    out.push(`  ${documentHeading(doc)} ${p.dim(`(${d.date})`)}`);
    for (const [id, v] of Object.entries(d.verdicts)) {
      const a = actor(id);
      if (v.verdict === 'depends') depends++;
      else settled++;
      const text = (rl: string) => datedRedLine(s, id, d.date, rl);
      const fixed = r.actors[id] !== undefined && givenWithoutRange(r.actors[id]);
      if (fixed && v.decidedBy === 'ranges') unrangedCount++;
      out.push(`    ${a.name.padEnd(26)} ${verdictWords(v, p, text, settledOnReadings(r, id), fixed)}`);
      // under the verdict, in its column: beside it, the aside pushed what settles it off its row
      // a verdict the text does not need says so, as show and sweep say it: the EU's on the Istanbul texts blocks nothing
      if (!v.required) out.push(`${' '.repeat(31)}${p.dim(consentAside(false).trim())}`);
    }
  }
  out.push(
    '',
    `${settledCountWords(settled, unrangedCount, depends)}. A linear model of preferences: what it can and cannot say is in docs/evidence.md.`,
  );
  return out;
}

export function registerCalibrate(program: Command, io: Io): void {
  program
    .command('calibrate')
    .description(
      "weigh the scenario's preferences against the record: which verdicts the record settles, which depend on the model",
    )
    .argument('[scenario]', 'a scenario file or shipped scenario id', DEFAULT_SCENARIO)
    .option('--json', 'print JSON')
    .option('--out <file>', 'write the --json output to this file (atomically) instead of stdout')
    .action(async (name: string, opts: { json?: boolean; out?: string }) => {
      checkExportFlags(opts);
      const scenario = await openScenarioAsync(name);
      const report = calibrateScenario(await loadLp(), scenario);
      const text = opts.json
        ? `${JSON.stringify(report, null, 2)}\n`
        : `${calibrationText(scenario, report, palette(io)).join('\n')}\n`;
      if (opts.out) writeFileAtomic(opts.out, text);
      else io.out(text);
    });
}
