// Every command that states a tabled document's verdicts names its contested terms as show does: analyze, timeline,
// whatif and concessions list in --json exactly the recorded variants of the text's terms (from the scenario's own
// data: each variant whose option differs from the term's), with what reading each so moves (contestedTerms, which
// tests/cli/contested-terms.test.ts checks against the data), and their text prints each in show's words.
import { describe, expect, it } from 'vitest';
import { type ContestedTerm, contestedTerms } from '../../src/analysis/contested.ts';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import type { NegotiationDocument, Scenario } from '../../src/domain/types.ts';
import { contestedTermWords } from '../../src/report/contested-terms.ts';
import { cliOk as cli } from '../cli-in-process.ts';

const flat = (t: string) => t.replace(/\s+/g, ' ');
const mentions = (text: string) => text.split('contested term: ').length - 1;

/** The variants the data records on the text's terms, as (issue id, option) pairs, leaving the issues `settled`. */
function recorded(s: Scenario, d: NegotiationDocument, text: ArrayLike<number>, settled: number[] = []) {
  return d.terms.flatMap((t) =>
    settled.includes(t.issue)
      ? []
      : t.variants
          .filter((v) => v.option !== text[t.issue])
          .map((v) => [s.issues[t.issue]!.id, s.issues[t.issue]!.options[v.option]!.id]),
  );
}

/** The (issue, variant) pairs a --json lists, as option ids (a numeric issue's value mapped back to its option). */
function listed(s: Scenario, contested: readonly ContestedTerm[]) {
  return contested.map((c) => {
    const issue = s.issues[s.issueIndex.get(c.issue)!]!;
    const o = issue.options.find((x) =>
      issue.kind === 'numeric' ? x.value === c.variant : x.id === c.variant,
    );
    return [c.issue, o!.id];
  });
}

/** The scenario's judgement of a text on a date, as the commands judge it. */
function judge(s: Scenario, asOf: string, pkg: ArrayLike<number>, anticipate = false) {
  const judged = positionsAsOf(s, asOf);
  return { judged, ev: evaluatePackage(judged, pkg, undefined, anticipate) };
}

const anticipates = (s: Scenario) => s.protocol.anticipateRatification === true;

describe('contested terms in analyze, timeline, whatif and concessions', () => {
  it('should ship a document whose verdicts rest on one version of a contested term', () => {
    const s = openScenario('ukraine-peace');
    expect(
      s.documents.some((d) => {
        const { judged, ev } = judge(s, d.date, d.package);
        return contestedTerms(judged, d, ev).some((c) => c.moved.length > 0);
      }),
    ).toBe(true);
  });

  for (const id of shippedIds())
    it(`should list and name them on every document: analyze, timeline and whatif on ${id}`, async () => {
      const s = openScenario(id);
      const analyze = JSON.parse(await cli('analyze', id, '--json')).documents as {
        id: string;
        contested: ContestedTerm[];
      }[];
      const analyzeText = flat(await cli('analyze', id));
      const timeline = JSON.parse(await cli('timeline', id, '--json')).entries as {
        document: string;
        contested: ContestedTerm[];
      }[];
      const timelineText = flat(await cli('timeline', id));
      let all = 0;
      for (const d of s.documents) {
        const { judged, ev } = judge(s, d.date, d.package);
        const expected = contestedTerms(judged, d, ev);
        expect(listed(s, expected), d.id).toEqual(recorded(s, d, d.package));
        all += expected.length;
        expect(analyze.find((x) => x.id === d.id)!.contested, `analyze ${d.id}`).toEqual(expected);
        expect(timeline.find((x) => x.document === d.id)!.contested, `timeline ${d.id}`).toEqual(expected);
        // whatif without a change: the text as tabled, judged as the command judges it
        const w = JSON.parse(await cli('whatif', id, '--document', d.id, '--json'));
        const asRead = judge(s, d.date, d.package, anticipates(s));
        expect(w.contested, `whatif ${d.id}`).toEqual(
          contestedTerms(asRead.judged, d, asRead.ev, { anticipate: anticipates(s) }),
        );
        const whatifText = flat(await cli('whatif', id, '--document', d.id));
        expect(mentions(whatifText), `whatif ${d.id}`).toBe(w.contested.length);
        for (const c of expected) {
          const words = flat(contestedTermWords(s, c));
          expect(analyzeText, `analyze ${d.id}`).toContain(words);
          expect(timelineText, `timeline ${d.id}`).toContain(words);
        }
        for (const c of w.contested as ContestedTerm[])
          expect(whatifText, `whatif ${d.id}`).toContain(flat(contestedTermWords(s, c)));
      }
      expect(mentions(analyzeText)).toBe(all);
      expect(mentions(timelineText)).toBe(all);
    });

  for (const id of shippedIds())
    it(`should read them by the positions of --as-of: analyze, whatif and concessions on ${id}`, async () => {
      const s = openScenario(id);
      for (const asOf of ['2022-04-15', s.date]) {
        const analyze = JSON.parse(await cli('analyze', id, '--json', '--as-of', asOf)).documents as {
          id: string;
          contested: ContestedTerm[];
        }[];
        for (const d of s.documents) {
          const { judged, ev } = judge(s, asOf, d.package);
          expect(analyze.find((x) => x.id === d.id)!.contested, `${d.id} ${asOf}`).toEqual(
            contestedTerms(judged, d, ev),
          );
          if (d.terms.every((x) => x.variants.length === 0)) continue;
          const anticipate = anticipates(s);
          const asRead = judge(s, asOf, d.package, anticipate);
          const expected = contestedTerms(asRead.judged, d, asRead.ev, { anticipate });
          for (const cmd of ['whatif', 'concessions']) {
            const argv = [
              cmd,
              id,
              '--document',
              d.id,
              '--as-of',
              asOf,
              ...(cmd === 'concessions' ? ['--max', '1'] : []),
            ];
            expect(JSON.parse(await cli(...argv, '--json')).contested, `${cmd} ${d.id} ${asOf}`).toEqual(
              expected,
            );
          }
        }
      }
    });

  for (const id of shippedIds())
    it(`should list the document's and each set's in concessions on ${id}`, async () => {
      const s = openScenario(id);
      const anticipate = anticipates(s);
      for (const d of s.documents) {
        const argv = ['concessions', id, '--document', d.id, '--max', '2', '--limit', '3'];
        const j = JSON.parse(await cli(...argv, '--json'));
        const text = flat(await cli(...argv));
        const { judged, ev } = judge(s, d.date, d.package, anticipate);
        const asTabled = contestedTerms(judged, d, ev, { anticipate });
        expect(listed(s, j.contested), d.id).toEqual(recorded(s, d, d.package));
        expect(j.contested, d.id).toEqual(asTabled);
        let said = asTabled.length;
        for (const c of asTabled) expect(text, d.id).toContain(flat(contestedTermWords(s, c)));
        for (const x of [...j.solutions, ...j.closest] as {
          changes: { issue: string; to: string | number }[];
          contested: ContestedTerm[];
        }[]) {
          // the set's text: the document with its changes, each a term of the set's own
          const pkg = Int32Array.from(d.package);
          const settled = x.changes.map((c) => {
            const i = s.issueIndex.get(c.issue)!;
            const issue = s.issues[i]!;
            pkg[i] = issue.options.findIndex((o) => (issue.kind === 'numeric' ? o.value : o.id) === c.to);
            return i;
          });
          const set = judge(s, d.date, pkg, anticipate);
          expect(listed(s, x.contested), d.id).toEqual(recorded(s, d, pkg, settled));
          expect(x.contested, d.id).toEqual(
            contestedTerms(set.judged, d, set.ev, { text: pkg, settled, anticipate }),
          );
          // named under the set when reading it so moves a verdict or the agreement of the set
          for (const c of x.contested)
            if (c.moved.length > 0 || c.agreement.asTabled !== c.agreement.readSo) {
              said++;
              expect(text, d.id).toContain(flat(contestedTermWords(s, c)));
            }
        }
        expect(mentions(text), d.id).toBe(said);
      }
    });
});

describe('whatif: a change that sets a contested term', () => {
  // every contested term of every shipped document, set by the user to its recorded variant, and to the tabled option
  const cases = shippedIds().flatMap((id) => {
    const s = openScenario(id);
    return s.documents.flatMap((d) =>
      [
        ...new Set(d.terms.filter((t) => t.variants.some((v) => v.option !== t.option)).map((t) => t.issue)),
      ].map((issue) => ({ id, d, issue })),
    );
  });

  it('should have cases to check', () => expect(cases.length).toBeGreaterThan(0));

  it.each(cases.map((c) => [c.id, c.d.id, c.issue, c] as const))(
    'should say nothing of it, and read the others against the changed text: %s %s, issue %i',
    async (id, docId, issue, c) => {
      const s = openScenario(id);
      const x = s.issues[issue]!;
      const term = c.d.terms.find((t) => t.issue === issue)!;
      const value = (o: number) => String(x.kind === 'numeric' ? x.options[o]!.value : x.options[o]!.id);
      for (const to of [term.variants.find((v) => v.option !== term.option)!.option, term.option]) {
        const argv = ['whatif', id, '--document', docId, '--set', `${x.id}=${value(to)}`];
        const j = JSON.parse(await cli(...argv, '--json'));
        const pkg = Int32Array.from(c.d.package);
        pkg[issue] = to;
        const anticipate = anticipates(s);
        const { judged, ev } = judge(s, c.d.date, pkg, anticipate);
        expect(listed(s, j.contested)).toEqual(recorded(s, c.d, pkg, [issue]));
        expect(j.contested).toEqual(
          contestedTerms(judged, c.d, ev, { text: pkg, settled: [issue], anticipate }),
        );
        expect(j.contested.some((t: ContestedTerm) => t.issue === x.id)).toBe(false);
        const text = flat(await cli(...argv));
        expect(text).not.toContain(`contested term: ${x.label} —`);
        expect(mentions(text)).toBe(j.contested.length);
      }
    },
  );
});
