// sweep's shares read every text as tabled: for each document of every shipped scenario, its --json lists exactly
// the recorded variants of the text's terms (from the scenario's own data) and its text names each in show's words
// under a line saying what the shares read — nothing is read so, since the shares are over draws.
import { describe, expect, it } from 'vitest';
import type { TermVariant } from '../../src/analysis/contested.ts';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { termVariantWords } from '../../src/report/contested-terms.ts';
import { cliOk } from '../cli-in-process.ts';

const flat = (t: string) => t.replace(/\s+/g, ' ');

/** The variants the data records on each document's terms, as "issue=option id" (numeric issues by option id). */
function recorded(s: Scenario, id: string): string[] {
  const d = s.documents.find((x) => x.id === id)!;
  return d.terms.flatMap((t) =>
    t.variants
      .filter((v) => v.option !== t.option)
      .map((v) => `${s.issues[t.issue]!.id}=${s.issues[t.issue]!.options[v.option]!.id}`),
  );
}

interface SweepJson {
  documents: {
    id: string;
    contested: TermVariant[];
  }[];
}

describe('sweep names the contested terms its shares read as tabled', () => {
  it.each(shippedIds())('%s: --json lists the recorded variants, the text names each', async (id) => {
    const s = openScenario(id);
    const json = JSON.parse(await cliOk('sweep', id, '-n', '2', '--json')) as SweepJson;
    const text = flat(await cliOk('sweep', id, '-n', '2'));
    let named = 0;
    for (const d of json.documents) {
      const listed = d.contested.map((c) => {
        const issue = s.issues[s.issueIndex.get(c.issue)!]!;
        const o = issue.options.find((x) =>
          issue.kind === 'numeric' ? x.value === c.variant : x.id === c.variant,
        );
        return `${c.issue}=${o!.id}`;
      });
      expect(listed, d.id).toEqual(recorded(s, d.id));
      for (const c of d.contested) expect(text).toContain(flat(termVariantWords(s, c)));
      named += d.contested.length;
    }
    expect(text.split('contested term: ').length - 1).toBe(named);
    expect(text.split('the shares read the text as tabled').length - 1).toBe(
      json.documents.filter((d) => d.contested.length > 0).length,
    );
  });

  it('should ship a scenario whose sweep names a contested term', async () => {
    const json = JSON.parse(await cliOk('sweep', 'ukraine-peace', '-n', '2', '--json')) as SweepJson;
    expect(json.documents.some((d) => d.contested.length > 0)).toBe(true);
  });
});
