// A hinge that reads a contested term as a recorded variant names both sides of the term, and flags each as every
// list of a text's terms does (domain/flags.ts): the term as tabled by the document's rule (an unconfirmed text
// carries the flag on its title), the variant by its own record — in square brackets, since the label holds both
// sides in parentheses and brackets nested in brackets read badly ("(All of it Russian → Frozen on the line of
// contact [unconfirmed])"). Derived from every shipped scenario's documents,
// and through `hinges --json` on ukraine-peace, whose Istanbul draft tables an unconfirmed Donetsk term.
import { describe, expect, it } from 'vitest';
import { variantItems } from '../../src/analysis/hinge-items.ts';
import { shippedIds } from '../../src/cli/scenarios.ts';
import { documentHeading, documentTermFlag, variantFlagText } from '../../src/domain/flags.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { cliOk } from '../cli-in-process.ts';

/** Every recorded variant that reads a term otherwise, with the label its item must carry. */
function expectedLabels(s: Scenario): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of s.documents)
    for (const t of d.terms) {
      const issue = s.issues[t.issue]!;
      const label = (o: number) => issue.options[o]!.label;
      t.variants.forEach((v, k) => {
        if (v.option === t.option) return;
        // the flags' words as every list of terms gives them, in square brackets here
        const tabledFlag = documentTermFlag(d, t.issue);
        const tabled = `${label(t.option)}${tabledFlag ? ` [${tabledFlag.toLowerCase()}]` : ''}`;
        const variant = `${label(v.option)}${variantFlagText(v, label(v.option)).replace(/^ \((.*)\)$/, ' [$1]')}`;
        out.set(
          `variant:${d.id}:${issue.id}:${k + 1}`,
          `${documentHeading(d)}: ${issue.label} as a recorded variant has it (${tabled} → ${variant})`,
        );
      });
    }
  return out;
}

describe('a hinge on a contested term', () => {
  for (const id of shippedIds())
    it(`${id}: flags the term as tabled and the variant as every list of terms does`, () => {
      const s = loadScenarioFile(`scenarios/${id}.yaml`);
      const items = s.documents.flatMap((d) => variantItems(s, d));
      expect(new Map(items.map((x) => [x.id, x.label]))).toEqual(expectedLabels(s));
    });

  it('ukraine-peace: hinges --json labels an unconfirmed tabled term so, a confirmed one not', async () => {
    const s = loadScenarioFile('scenarios/ukraine-peace.yaml');
    const json = JSON.parse(await cliOk('hinges', 'ukraine-peace', '--json')) as {
      items: Record<string, { label: string }>;
    };
    const expected = expectedLabels(s);
    const variants = Object.entries(json.items).filter(([k]) => k.startsWith('variant:'));
    expect(variants.length).toBeGreaterThan(0);
    for (const [k, x] of variants) expect(x.label, k).toBe(expected.get(k));
    // the data's case: a confirmed text whose tabled term the record does not settle
    const flaggedTabled = variants.filter(([k]) => {
      const [, doc, issue] = k.split(':');
      const d = s.documents.find((x) => x.id === doc)!;
      return documentTermFlag(d, s.issueIndex.get(issue!)!) !== null;
    });
    expect(flaggedTabled.length).toBeGreaterThan(0);
    for (const [k, x] of flaggedTabled) expect(x.label, k).toMatch(/ \[(?:unconfirmed|recall)\] → /);
    // no flag in parentheses inside the label's parentheses (a text's title keeps its own, before them)
    for (const [k, x] of variants)
      expect(x.label.split(' as a recorded variant has it ')[1], k).not.toMatch(/\((?:unconfirmed|recall)\)/);
  });
});
