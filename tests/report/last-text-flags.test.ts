// The last text's terms carry the flags the tabling lines give them: a term the text keeps from the tabled document
// it descends from (the document last tabled, the same option) keeps that document's flag (documentTermFlag); a term
// the negotiation moved is the engine's, unflagged. Checked on the run of every shipped scenario, from the data.
import { describe, expect, it } from 'vitest';
import { shippedIds } from '../../src/cli/scenarios.ts';
import { documentTermFlag } from '../../src/domain/flags.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import { afterActionReport, runStateOf } from '../../src/report/after-action.ts';
import { afterActionMarkdown } from '../../src/report/after-action-md.ts';
import { shipped } from '../engine/helpers.ts';

describe("the last text's terms", () => {
  it('should keep the flag of the tabled document a term is unchanged from, and no other', () => {
    let flagged = 0;
    for (const id of shippedIds()) {
      const s = shipped(id);
      const result = runHeadless(s, { seed: 1 });
      const report = afterActionReport(s, runStateOf(s, result.snapshot), {
        options: resolveOptions(s, { seed: 1 }),
      });
      if (!report.finalText) continue;
      const tabled = result.snapshot.context.transcript.findLast((e) => e.kind === 'tabled');
      const doc = tabled && s.documents.find((d) => d.id === tabled.document);
      const markdown = afterActionMarkdown(report);
      for (const t of report.finalText.terms) {
        const x = s.issues[s.issueIndex.get(t.issue)!]!;
        const option = x.options.findIndex((o) => o.label === t.value);
        expect(option, `${id} ${t.issue}`).toBeGreaterThanOrEqual(0);
        const kept = doc !== undefined && doc.package[x.index] === option;
        const expected = kept ? documentTermFlag(doc, x.index) : null;
        expect(t.flag ?? null, `${id} ${t.issue}`).toBe(expected);
        if (expected) flagged++;
        // the report's list says it as the tabling line does
        const line = markdown.split('\n').find((l) => l.startsWith(`- ${x.label}: ${t.value}`));
        expect(line, `${id} ${t.issue}`).toBeDefined();
        expect(line!.endsWith(` **${expected}**`), `${id}: ${line}`).toBe(expected !== null);
      }
    }
    // some terms keep a flag, or the test proves nothing
    expect(flagged).toBeGreaterThan(0);
  });
});
