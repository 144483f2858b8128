// The modeller's assumption that negotiators anticipate ratification, in the analyses that judge texts (whatif,
// concessions, sweep), on small random scenarios with random hurdles: with no actor holding a hurdle it changes
// nothing; with it, every acceptance they count is of a text that clears each hurdle of the actor's it meets — read
// by the test's own oracle (the hurdle conditions on option ids and values, the utility against the threshold), not
// by the domain's failedHurdles that the analyses share.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concessions } from '../../src/analysis/concessions.ts';
import { drawOf, type SweepSample, sweepPart } from '../../src/analysis/sweep.ts';
import { type ChangeRequest, whatIf } from '../../src/analysis/whatif.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import type { Package, Scenario } from '../../src/domain/types.ts';
import { utility } from '../../src/domain/utility.ts';
import type { ConditionInput } from '../../src/scenario/schema.ts';
import { arbCase, type Case, meets, SEED } from './ratified-arbitraries.ts';

/** Half the cases without red lines or rules, with no reservation and thresholds inside the utilities' range. */
function binding({ scenario }: Case, open: boolean, tenth: number): Scenario {
  if (!open) return scenario;
  return {
    ...scenario,
    rules: [],
    actors: scenario.actors.map((a) => ({ ...a, redLines: [], reservation: { ...a.reservation, value: 0 } })),
    ratifications: scenario.ratifications.map((r, k) => ({
      ...r,
      threshold: { ...r.threshold, value: ((tenth + 3 * k) % 9) / 10 + 0.1 },
    })),
  };
}

/** Does the text clear every hurdle of actor `a` it meets? By the oracle: conditions on ids, utility ≥ threshold. */
function clearsOwn(s: Scenario, c: Case, a: number, pkg: Package): boolean {
  return s.ratifications.every(
    (r, k) =>
      r.actor !== a ||
      !meets(s, c.conditions[k]!, pkg) ||
      utility(s.actors[a]!, s.offsets, pkg) >= r.threshold.value - 1e-12,
  );
}

/** Up to three changes to a document, each an issue once and one of its options, as `--set` names them. */
function changesOf(s: Scenario, picks: readonly (readonly [number, number])[]): ChangeRequest[] {
  const seen = new Set<number>();
  return picks.flatMap(([i0, o0]) => {
    const issue = s.issues[i0 % s.issues.length]!;
    if (seen.has(issue.index)) return [];
    seen.add(issue.index);
    const option = issue.options[o0 % issue.options.length]!;
    return [{ issue: issue.id, value: issue.kind === 'numeric' ? String(option.value) : option.id }];
  });
}

/** The issues a condition of the format reads. */
function issuesRead(c: ConditionInput): string[] {
  if (c.issue !== undefined) return [c.issue];
  return [...(c.any ?? []), ...(c.all ?? []), ...(c.not ? [c.not] : [])].flatMap(issuesRead);
}

// every draw inside one tuple: the case's generator values are replayed when cloned, so nothing is chained on them
const arbJudged = fc
  .tuple(
    arbCase,
    fc.boolean(),
    fc.integer({ min: 1, max: 9 }),
    fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
    fc.nat(),
  )
  .map(([c, open, tenth, picks, k]) => {
    const s = binding(c, open, tenth);
    return { c, s, changes: changesOf(s, picks), doc: s.documents[k % Math.max(1, s.documents.length)] };
  });

/** A document to judge, and hurdles on issues the compiled scenario keeps (the oracle reads those). */
const judgeable = ({ c, doc }: { c: Case; doc: unknown }) =>
  doc !== undefined && c.conditions.flatMap(issuesRead).every((id) => c.scenario.issueIndex.has(id));

/** An agreement under the assumption, by the oracle: every required actor accepts and clears its own hurdles. */
function agreedClearing(s: Scenario, c: Case, pkg: Int32Array): boolean {
  const e = evaluatePackage(s, pkg);
  return e.agreement && e.required.every((id) => clearsOwn(s, c, s.actorIndex.get(id)!, pkg));
}

/** The fewest changes (1 or 2) that make the text an agreement under the assumption, and how many such sets. */
function smallestByBruteForce(s: Scenario, c: Case, base: Int32Array): [number | null, number] {
  for (const k of [1, 2]) {
    let count = 0;
    const visit = (from: number, depth: number, pkg: Int32Array) => {
      if (depth === k) {
        if (agreedClearing(s, c, pkg)) count++;
        return;
      }
      for (let i = from; i < s.issues.length; i++)
        for (let o = 0; o < s.issues[i]!.options.length; o++) {
          if (o === base[i]) continue;
          const next = Int32Array.from(pkg);
          next[i] = o;
          visit(i + 1, depth + 1, next);
        }
    };
    visit(0, 0, base);
    if (count > 0) return [k, count];
  }
  return [null, 0];
}

const withoutHurdles = (s: Scenario): Scenario => ({ ...s, ratifications: [] });

describe('whatif, concessions and sweep when negotiators anticipate ratification', () => {
  it('should change nothing where no actor holds a hurdle', () => {
    fc.assert(
      fc.property(arbJudged, (x) => {
        fc.pre(judgeable(x));
        const s = withoutHurdles(x.s);
        const doc = x.doc!.id;
        const changes = x.changes;
        const { anticipate: on, ...withIt } = whatIf(s, doc, changes, { anticipate: true });
        const { anticipate: off, ...without } = whatIf(s, doc, changes);
        expect([on, off]).toEqual([true, false]);
        expect(withIt).toEqual(without);
        const c1 = concessions(s, doc, { max: 2, limit: 5, anticipate: true });
        const c0 = concessions(s, doc, { max: 2, limit: 5 });
        expect({ ...c1, anticipate: false }).toEqual(c0);
        const options = { samples: 6, seed: 3 };
        const { documents: tallied } = sweepPart(s, { ...options, anticipateRatification: true }, 0, 6);
        // the count of votes lost is there, and zero; every other tally is that of the sweep without it
        for (const t of tallied) expect(t.wouldFail?.every((x) => x === 0)).toBe(true);
        expect(tallied.map(({ wouldFail: _, ...t }) => t)).toEqual(sweepPart(s, options, 0, 6).documents);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('should count as accepted only texts that clear every hurdle of the actor they meet', () => {
    let bound = 0;
    fc.assert(
      fc.property(arbJudged, ({ c, s, changes, doc: d }) => {
        fc.pre(judgeable({ c, doc: d }));
        const doc = d!.id;
        const w = whatIf(s, doc, changes, { anticipate: true });
        const plain = whatIf(s, doc, changes);
        w.verdicts.forEach((v, a) => {
          // accepted under the assumption: accepted without it, and clearing its hurdles there
          expect(v.after.accepts).toBe(plain.verdicts[a]!.after.accepts && clearsOwn(s, c, a, w.after));
          expect(v.before.accepts).toBe(plain.verdicts[a]!.before.accepts && clearsOwn(s, c, a, w.before));
          if (plain.verdicts[a]!.after.accepts && !v.after.accepts) bound++;
        });

        const r = concessions(s, doc, { max: 2, limit: 5, anticipate: true });
        // the smallest sets and their number, by brute force over every text one or two changes away
        const [size, count] = smallestByBruteForce(s, c, d!.package);
        if (!r.alreadyAgreement) expect([r.size, r.count]).toEqual([size, count]);
        for (const x of r.solutions)
          for (const a of x.required) expect(clearsOwn(s, c, a, x.package)).toBe(true);
        for (const x of r.closest)
          for (const a of x.required)
            if (!x.rejecting.includes(a)) expect(clearsOwn(s, c, a, x.package)).toBe(true);

        const options = { samples: 5, seed: 7, documents: [doc] };
        const on: SweepSample[] = [];
        const off: SweepSample[] = [];
        const part = sweepPart(s, { ...options, anticipateRatification: true }, 0, 5, (x) => on.push(x));
        sweepPart(s, options, 0, 5, (x) => off.push(x));
        const pkg = d!.package;
        on.forEach((x, j) => {
          const a = s.actors.findIndex((y) => y.id === x.actor);
          const drawn = drawOf(s, undefined, options.seed, x.sample);
          const clears = clearsOwn(drawn, c, a, pkg);
          expect(x.accepts).toBe(off[j]!.accepts && clears);
          expect((x.wouldFail ?? []).length === 0).toBe(clears);
        });
        // the tally counts what the samples say
        s.actors.forEach((_, a) =>
          expect(part.documents[0]!.accepts[a]).toBe(
            on.filter((x, j) => j % s.actors.length === a && x.accepts).length,
          ),
        );
      }),
      { seed: SEED, numRuns: 60 },
    );
    // the assumption bound somewhere: a text accepted without it was refused with it
    expect(bound).toBeGreaterThan(0);
  });
});
