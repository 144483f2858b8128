// Two recorded variants of one term of one document are no choice one can make: neither hinge search plays such a
// set, counts it as tried, or names it. The counts are checked against an independent recount of the pairs.
import { describe, expect, it } from 'vitest';
import type { HingeItem } from '../../src/analysis/hinge-items.ts';
import { verdictHinges } from '../../src/analysis/hinges.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { outcomeHinges } from '../../src/engine/hinges.ts';

/** The term an item reads as a variant, or null. */
const termOf = (x: HingeItem) =>
  x.change.kind === 'variant' ? `${x.change.document}|${x.change.issue}` : null;

/**
 * The pairs a search must try, counted directly from the items: those that read no term two ways and hold no
 * hinge of one item (a superset of a hinge is not minimal).
 */
function readablePairs(items: readonly HingeItem[], singles: ReadonlySet<string> = new Set()): number {
  let n = 0;
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const a = termOf(items[i]!);
      if (singles.has(items[i]!.id) || singles.has(items[j]!.id)) continue;
      if (a === null || a !== termOf(items[j]!)) n++;
    }
  return n;
}

const rival = (ids: readonly string[], items: readonly HingeItem[]) => {
  const terms = ids.map((id) => termOf(items.find((x) => x.id === id)!)).filter((t) => t !== null);
  return new Set(terms).size < terms.length;
};

describe('two variants of one term are never read together', () => {
  it('should leave them out of the run search of istanbul-2022, which has such a pair', () => {
    const s = openScenario('istanbul-2022');
    const h = outcomeHinges(s, { maxSize: 2 });
    // the shipped scenario holds at least one rival pair, or the test proves nothing
    expect(readablePairs(h.items)).toBeLessThan((h.items.length * (h.items.length - 1)) / 2);
    const singles = new Set(h.hinges.filter((x) => x.items.length === 1).map((x) => x.items[0]!));
    expect(h.sizes.find((c) => c.size === 2)!.candidates).toBe(readablePairs(h.items, singles));
    for (const x of h.hinges) expect(rival(x.items, h.items)).toBe(false);
  });

  it("should leave them out of each verdict's search on the document that has them", () => {
    const s = openScenario('istanbul-2022');
    for (const doc of s.documents)
      for (const a of s.actors) {
        const v = verdictHinges(s, a.index, doc, undefined, { maxSize: 2 });
        const two = v.sizes.find((c) => c.size === 2);
        if (!two) continue;
        const singles = new Set(v.hinges.filter((x) => x.length === 1).map((x) => x[0]!));
        expect(two.candidates).toBe(readablePairs(v.items, singles));
        for (const x of v.hinges) expect(rival(x, v.items)).toBe(false);
      }
  });
});
