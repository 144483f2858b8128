// Labels, never ids, where a person reads: the text of show, analyze, whatif, concessions, sweep and outcomes
// names actors, issues, options, red lines, rules, events and durability factors in words. Ids stay in --json and
// CSV; a document's id appears only as the handle to type, after "--document".
import { describe, expect, it } from 'vitest';
import { actorPhrase, injectsWords } from '../../src/cli/labels.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import type { Scenario } from '../../src/domain/types.ts';
import type { AdHocEffect } from '../../src/engine/events.ts';
import { cli } from '../helpers.ts';

/** Ids that are also words the program's own sentences use ("walk-outs: none", "red line"). */
const COMMON = new Set(['none', 'line']);

const WORDS = new Set([
  'title',
  'summary',
  'description',
  'name',
  'label',
  'text',
  'note',
  'rationale',
  'author',
  // why a position held before its sources: the scenario's words, which show prints as written
  'heldEarlier',
]);

/** Every piece of prose the scenario holds: an id that is also a word of these cannot be told apart. */
function prose(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) prose(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' && WORDS.has(k)) out.push(v);
      else if (typeof v === 'object') prose(v, out);
    }
  return out;
}

/** The scenario's ids a reader could mistake for nothing else (not also a word of its prose). */
function ids(s: Scenario): string[] {
  const all = [
    ...s.actors.map((a) => a.id),
    ...s.actors.flatMap((a) => a.redLines.map((r) => r.id)),
    ...s.issues.map((x) => x.id),
    ...s.issues.flatMap((x) => (x.kind === 'discrete' ? x.options.map((o) => o.id) : [])),
    ...s.rules.map((r) => r.id),
    ...s.events.map((e) => e.id),
    ...(s.durability?.factors.map((f) => f.id) ?? []),
  ];
  const text = prose(s).join('\n');
  return [...new Set(all)].filter(
    (id) => !COMMON.has(id) && !new RegExp(`(^|[^\\w-])${escapeRegex(id)}($|[^\\w-])`).test(text),
  );
}

const escapeRegex = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ids that appear in `out` as words, a document's handle after "--document" apart. */
function idsIn(out: string, s: Scenario): string[] {
  const text = out.replace(/--document [\w-]+/g, '');
  return ids(s).filter((id) => new RegExp(`(^|[^\\w-])${escapeRegex(id)}($|[^\\w-])`).test(text));
}

describe('labels, never ids, in the text of the commands', () => {
  for (const id of ['tutorial-bilateral', 'ukraine-peace']) {
    const s = openScenario(id);
    const doc = s.documents[0]!;
    const issue = s.issues.find((x) => x.options.length > 1)!;
    const other = issue.options.find((_, k) => k !== doc.package[issue.index])!;
    const value = issue.kind === 'numeric' ? String(other.value) : other.id;
    const commands = [
      ['show', id],
      ['analyze', id],
      ['whatif', id, '--document', doc.id, '--set', `${issue.id}=${value}`],
      ['concessions', id, '--document', doc.id, '--max', '1'],
      ['sweep', id, '-n', '20'],
      ['outcomes', id, '-n', '3'],
    ];
    for (const args of commands)
      it(`should name nothing by its id: ${args.join(' ')}`, () => {
        const r = cli(args);
        expect(r.code, r.stderr).toBe(0);
        expect(idsIn(r.stdout, s)).toEqual([]);
      });
  }
});

describe('planned injects in words', () => {
  it('should name an event by its title and an ad-hoc inject by what it does, as an assumption', () => {
    const s = openScenario('ukraine-peace');
    const coalition = s.events.find((e) => e.id === 'coalition-announced')!;
    const plan = s.documents.find((d) => d.id === 'us-28-point-plan')!;
    expect(
      injectsWords(s, [
        { event: 'coalition-announced', round: 2 },
        { effect: { kind: 'table', document: 'us-28-point-plan' }, round: 3 },
      ]),
    ).toBe(
      `${coalition.title} in round 2, ${plan.title} tabled in round 3 (ad hoc: the analyst's assumption)`,
    );
  });

  it('should word every ad-hoc kind with the same construction for every actor', () => {
    const s = openScenario('ukraine-peace');
    for (const a of s.actors) {
      const name = actorPhrase(s, a.id);
      const own = name.endsWith('s') ? `${name}'` : `${name}'s`;
      const words = (effect: AdHocEffect) => injectsWords(s, [{ effect, round: 1 }]);
      expect(words({ kind: 'shift-reservation', actor: a.id, delta: -0.1 })).toBe(
        `${own} value of no deal shifted by -0.1 in round 1 (ad hoc: the analyst's assumption)`,
      );
      expect(words({ kind: 'walk-out', actor: a.id })).toContain(`a walk-out of ${name} in round 1`);
      expect(words({ kind: 'goodwill', actor: a.id })).toContain(`${own} gesture, counted as goodwill`);
    }
  });
});
