// The mediator's revision, one rule at a time, on a crafted table whose numbers are easy to follow: P wants a high
// cap and to keep its land (a red line against ceding it), Q wants a low cap and the land; E controls the aid and
// dislikes it; the mediator M only cares about the aid. No package is worth no deal to both P and Q, so the
// frontier of acceptable packages is empty and no redraft hides what the local rules do.
import { describe, expect, it } from 'vitest';
import { type MediatorInput, revise } from '../../src/agents/mediator.ts';
import type { PastAnswer, View } from '../../src/agents/types.ts';
import { createRng } from '../../src/domain/rng.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { memoryFiles } from '../helpers.ts';

const TABLE = [
  'id: table',
  'title: Table',
  'summary: A crafted mediated table.',
  'date: 2025-01-01',
  'issues:',
  '  - { id: cap, kind: numeric, label: Cap, unit: troops, range: [1, 5], candidates: [1, 2, 3, 4, 5], statusQuo: 5 }',
  '  - { id: land, label: Land, options: [{ id: keep, label: Keep }, { id: split, label: Split }, { id: cede, label: Cede }], statusQuo: keep }',
  '  - { id: aid, label: Aid, controlledBy: [e], options: [{ id: none, label: None }, { id: some, label: Some }], statusQuo: none }',
  'actors:',
  '  - { id: m, name: M, preferences: { aid: { weight: 1, values: { none: 0.5, some: 0.6 }, rationale: r } }, reservation: { value: 0, rationale: r } }',
  '  - id: p',
  '    name: P',
  '    preferences:',
  '      cap: { weight: 2, curve: [[1, 0], [5, 1]], rationale: r }',
  '      land: { weight: 1, values: { keep: 1, split: 0.5, cede: 0 }, rationale: r }',
  '    redLines: [{ id: no-cession, text: No ceding land., rule: { issue: land, not_in: [cede] } }]',
  '    reservation: { value: 0.6, rationale: r }',
  '  - id: q',
  '    name: Q',
  '    preferences:',
  '      cap: { weight: 2, curve: [[1, 1], [5, 0]], rationale: r }',
  '      land: { weight: 1, values: { keep: 0, split: 0.5, cede: 1 }, rationale: r }',
  '    reservation: { value: 0.6, rationale: r }',
  '  - { id: e, name: E, preferences: { aid: { weight: 1, values: { none: 1, some: 0 }, rationale: r } }, reservation: { value: 0.5, rationale: r } }',
  'protocol: { kind: mediated-single-text, mediator: m, parties: [p, q], maxRounds: 10 }',
].join('\n');

const table: Scenario = loadScenarioFile('/mem/table.yaml', memoryFiles({ '/mem/table.yaml': TABLE }));
const idx = (id: string) => table.actorIndex.get(id)!;
const issue = (id: string) => table.issueIndex.get(id)!;
/** A package from terms (issue → option index), the rest at the status quo. */
const pkg = (terms: Record<string, number>) =>
  Int32Array.from(table.issues, (x) => terms[x.id] ?? x.statusQuo);
const CAP = (v: number) => table.issues[issue('cap')]!.options.findIndex((o) => o.value === v);
const LAND = (id: string) => table.issues[issue('land')]!.options.findIndex((o) => o.id === id);

/** An answer to the last text: rejecting, with the utility and value of no deal it stated, and its asks. */
function rejection(actor: string, utility: number, asks: string[], aspiration = 0.9): PastAnswer {
  return { actor: idx(actor), accepts: false, aspiration, utility, reservation: 0.6, asks: asks.map(issue) };
}

function viewOf(text: Int32Array, answers: PastAnswer[]): View {
  return {
    scenario: table,
    self: idx('m'),
    strategy: { kind: 'linear', params: {} },
    round: 2,
    maxRounds: 10,
    text,
    history: [{ round: 1, text: [...text], author: idx('m'), authorAspiration: 0, answers }],
  };
}

function revised(text: Int32Array, answers: PastAnswer[], input: Partial<MediatorInput> = {}) {
  return revise(viewOf(text, answers), createRng(1), {
    rejected: answers.filter((a) => !a.accepts).map((a) => a.actor),
    aspiration: 0,
    ...input,
  });
}

describe('the mediator’s revision', () => {
  it('should repair the red line of a party that rejected, at the least cost to the others, and say whose', () => {
    // P's red line is broken: the land is ceded
    const r = revised(pkg({ cap: CAP(3), land: LAND('cede') }), [rejection('p', 0.25, ['land'])]);
    expect(r.changes).toEqual([
      {
        issue: issue('land'),
        from: LAND('cede'),
        to: LAND('split'), // keeps the red line and costs Q less than keep
        reason: expect.objectContaining({ kind: 'red-line', actor: idx('p') }),
      },
    ]);
  });

  it('should move a term a party asked for one step its way when the text was worth less than no deal to it', () => {
    // cap 5 is worth 0.333 to Q (no deal 0.6); it asks for the cap: 5 → 4, one step
    const r = revised(pkg({ cap: CAP(5), land: LAND('split') }), [rejection('q', 0.333, ['cap'])]);
    expect(r.changes).toEqual([
      {
        issue: issue('cap'),
        from: CAP(5),
        to: CAP(4),
        reason: { kind: 'ask', actor: idx('q'), cost: 2 / 3 },
      },
    ]);
    expect(r.nothingNew).toBe(false);
  });

  it('should move only terms the party asked for', () => {
    // Q asks only for the land; ceding it breaks P's red line, so nothing can be done for Q
    const r = revised(pkg({ cap: CAP(5), land: LAND('split') }), [rejection('q', 0.333, ['land'])]);
    expect(r.changes).toEqual([]);
    expect(r.unmet).toEqual([idx('q')]);
  });

  it('should leave a party that holds out for more than no deal to the clock', () => {
    // cap 2 is worth 0.667 to Q, more than no deal: it rejects for more, and nothing moves for it
    const r = revised(pkg({ cap: CAP(2), land: LAND('split') }), [rejection('q', 0.667, ['cap'])]);
    expect(r.changes).toEqual([]);
    expect(r.nothingNew).toBe(false);
  });

  it('should leave a non-party’s issues at the status quo when it rejects them, so its consent is not needed', () => {
    const r = revised(pkg({ cap: CAP(4), land: LAND('split'), aid: 1 }), [
      { ...rejection('e', 0, ['aid']), reservation: 0.5 },
    ]);
    expect(r.changes).toEqual([
      { issue: issue('aid'), from: 1, to: 0, reason: { kind: 'consent', actor: idx('e') } },
    ]);
  });

  it('should never move a term back to a value it moved it away from, and say it has nothing new', () => {
    // it moved the cap away from 4 before, with nothing new since: Q's ask cannot be met again that way
    const r = revised(pkg({ cap: CAP(5), land: LAND('split') }), [rejection('q', 0.333, ['cap'])], {
      memory: { tabled: [], abandoned: [[issue('cap'), CAP(4)]] },
    });
    expect(r.changes).toEqual([]);
    expect(r.nothingNew).toBe(true);
  });

  it('should never table a text again, and say it has nothing new', () => {
    const again = pkg({ cap: CAP(4), land: LAND('split') });
    const r = revised(pkg({ cap: CAP(5), land: LAND('split') }), [rejection('q', 0.333, ['cap'])], {
      memory: { tabled: [[...again]], abandoned: [] },
    });
    expect(r.changes).toEqual([]);
    expect(r.nothingNew).toBe(true);
  });

  it('should not say “nothing new” when nothing was held back', () => {
    const r = revised(pkg({ cap: CAP(3), land: LAND('split') }), [rejection('q', 0.5, ['land'])], {
      memory: { tabled: [], abandoned: [[issue('cap'), CAP(2)]] },
    });
    // Q's only ask breaks P's red line: no change at all, but not for going round in circles
    expect(r.changes).toEqual([]);
    expect(r.nothingNew).toBe(false);
  });
});
