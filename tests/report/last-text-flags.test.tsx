// The last text's terms carry the flags of the tabled document they are as in: a term the text keeps from the
// tabled document it descends from (the document last tabled, the same option) keeps that document's flag — the
// term's own, or the whole text's when the record does not settle the text at all — and the words name the
// document, since the term may have been moved away and back by someone else; a term the negotiation moved is the
// engine's, unflagged. Checked on the runs of every shipped scenario, from the data — the report's list and the run's
// closing one — and on the play screen's outcome.
import { afterEach, describe, expect, it } from 'vitest';
import { shippedIds } from '../../src/cli/scenarios.ts';
import { keptFlagsNote } from '../../src/domain/flags.ts';
import { optionOf } from '../../src/domain/lookup.ts';
import type { NegotiationDocument, Scenario } from '../../src/domain/types.ts';
import { runOutcome } from '../../src/engine/game.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';
import { afterActionReport, runStateOf } from '../../src/report/after-action.ts';
import { afterActionMarkdown } from '../../src/report/after-action-md.ts';
import { lastTextFlags } from '../../src/report/last-text-flags.ts';
import { Narration } from '../../src/report/narration/narration.ts';
import { lineText } from '../../src/report/narration/spans.ts';
import { context, outcomeOf, runToTurn, startGame } from '../../src/ui/state/play.ts';
import { shipped } from '../engine/helpers.ts';
import { renderOutcome } from '../ui/outcome-frame.tsx';

/** What the record says of a document's term, read from the data: its flag away from the document, or null. */
function expectedFlag(doc: NegotiationDocument, issue: number): 'UNCONFIRMED' | 'RECALL' | null {
  const stated = doc.terms.find((t) => t.issue === issue);
  if (!stated) return null;
  if (!doc.confirmed) return 'UNCONFIRMED';
  return stated.recall ? 'RECALL' : stated.confirmed ? null : 'UNCONFIRMED';
}

/** Whether a text after the last tabling moved the issue away from the document's option (the text may come back). */
function movedAway(
  s: Scenario,
  transcript: readonly TranscriptEntry[],
  doc: NegotiationDocument,
  issue: string,
) {
  const from = transcript.findLastIndex((e) => e.kind === 'tabled');
  const x = s.issues[s.issueIndex.get(issue)!]!;
  return transcript
    .slice(from + 1)
    .some(
      (e) =>
        (e.kind === 'proposal' || e.kind === 'revised') &&
        e.changes.some((c) => c.issue === issue && optionOf(s, x.index, c.from) === doc.package[x.index]),
    );
}

const SEEDS = [1, 2, 3];

describe("the last text's terms", () => {
  let unmount: (() => void) | undefined;
  afterEach(() => {
    unmount?.();
    unmount = undefined;
  });

  it('should keep the flag of the tabled document a term is as in, and name that document', () => {
    let flagged = 0;
    let whole = 0;
    let backAgain = 0;
    for (const id of shippedIds())
      for (const seed of SEEDS) {
        const s = shipped(id);
        const result = runHeadless(s, { seed });
        const report = afterActionReport(s, runStateOf(s, result.snapshot), {
          options: resolveOptions(s, { seed }),
        });
        if (!report.finalText) continue;
        const transcript = result.snapshot.context.transcript;
        const tabled = transcript.findLast((e) => e.kind === 'tabled');
        const doc = tabled && s.documents.find((d) => d.id === tabled.document);
        const markdown = afterActionMarkdown(report);
        // the run's own closing list (peacesim run), unwrapped
        const told = new Narration(s).outcome(transcript, null).map((l) => lineText(l).trim());
        // every term of the last text, the status quo's too (the outcome screen lists them all)
        const sheet = runOutcome(transcript)!.terms;
        const flags = lastTextFlags(s, transcript, sheet);
        for (const x of s.issues) {
          const kept = doc !== undefined && optionOf(s, x.index, sheet[x.id]!) === doc.package[x.index];
          const expected = kept ? expectedFlag(doc, x.index) : null;
          expect(flags.get(x.id) ?? null, `${id} ${seed} ${x.id}`).toEqual(
            expected ? { flag: expected, asIn: doc!.title } : null,
          );
          if (expected && movedAway(s, transcript, doc!, x.id)) backAgain++;
        }
        for (const t of report.finalText.terms) {
          const x = s.issues[s.issueIndex.get(t.issue)!]!;
          const option = x.options.findIndex((o) => o.label === t.value);
          expect(option, `${id} ${t.issue}`).toBeGreaterThanOrEqual(0);
          const kept = doc !== undefined && doc.package[x.index] === option;
          const expected = kept ? expectedFlag(doc, x.index) : null;
          expect(t.flag ?? null, `${id} ${seed} ${t.issue}`).toBe(expected);
          expect(t.asIn ?? null, `${id} ${seed} ${t.issue}`).toBe(expected ? doc!.title : null);
          if (expected) {
            expect(told, `${id} ${seed}`).toContain(keptFlagsNote(doc!.title));
            // the report names the document once, under its list
            expect(markdown.split('\n'), `${id} ${seed}`).toContain(keptFlagsNote(doc!.title));
            flagged++;
            if (!doc!.confirmed) whole++;
          }
          // the report's list says it with the document it is as in
          const line = markdown.split('\n').find((l) => l.startsWith(`- ${x.label}: ${t.value}`));
          expect(line, `${id} ${t.issue}`).toBeDefined();
          expect(line!.endsWith(` **${expected}**`), `${id}: ${line}`).toBe(expected !== null);
          // and the run's, flagged as the text's tabling line flags ("(unconfirmed)")
          const said = told.find((l) => l.startsWith(`${x.label}: ${t.value}`));
          expect(said, `${id} ${t.issue}`).toBe(
            `${x.label}: ${t.value}${expected ? ` (${expected.toLowerCase()})` : ''}`,
          );
        }
      }
    // the test proves something: terms keep a term's flag, terms keep a wholly unconfirmed text's flag (the
    // tutorial's mediator text), and a term moved away from the document's option and back keeps it
    expect(flagged).toBeGreaterThan(0);
    expect(whole).toBeGreaterThan(0);
    expect(backAgain).toBeGreaterThan(0);
  });

  it("should flag on the outcome screen a status-quo term the document states, as in it (the tutorial's opening)", () => {
    // the tutorial opens with a mediator's text the record does not settle at all; its territory term is the
    // status quo, which the run moves away from and back (seed 1): the outcome screen lists status-quo terms too
    const s = shipped('tutorial-bilateral');
    const doc = s.documents.find((d) => d.id === 'mediator-text')!;
    expect(doc.confirmed).toBe(false);
    const game = runToTurn(startGame(s, { seed: 1 }));
    const outcome = outcomeOf(game)!;
    const transcript = context(game).transcript;
    expect(transcript.findLast((e) => e.kind === 'tabled')?.document).toBe(doc.id);
    const ui = renderOutcome(s, outcome, transcript, false);
    unmount = ui.unmount;
    const frame = ui.lastFrame() ?? '';
    // which document the flags are of is said once, under the heading
    expect(frame.replace(/\s+/g, ' ')).toContain(keptFlagsNote(doc.title));
    let statusQuo = 0;
    for (const x of s.issues) {
      const o = optionOf(s, x.index, outcome.terms[x.id]!);
      const row = frame.split('\n').find((l) => l.includes(x.label));
      expect(row, x.id).toBeDefined();
      const flagged = o === doc.package[x.index] && doc.terms.some((t) => t.issue === x.index);
      expect(row!.includes(' (unconfirmed)'), `${x.id}: ${row}`).toBe(flagged);
      if (flagged && o === x.statusQuo) statusQuo++;
    }
    expect(statusQuo).toBeGreaterThan(0);
  });
});
