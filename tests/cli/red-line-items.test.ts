// An actor's broken red lines as text (src/cli/red-line-items.ts): one item a line, "– " for one and numbered for
// two or more, each with its basis mark and source keys; and the aside on the later of two versions of one contested
// fact, read from the data (report/red-line-versions.ts): a reading whose every source the stated line cites, the two
// conditions on a common issue.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { whatIf } from '../../src/analysis/whatif.ts';
import { redLineItems, redLinesHead } from '../../src/cli/red-line-items.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { wrapLine } from '../../src/cli/wrap-line.ts';
import type { Violation } from '../../src/domain/evaluate.ts';
import type { BasisKind, Constraint, Scenario } from '../../src/domain/types.ts';

const SEED = 20261206;

const violation = (
  redLine: string,
  text: string,
  sources: string[],
  basis: BasisKind = 'stated',
  confirmed = true,
): Violation => ({ redLine, text, sources, basis, confirmed });

/** tutorial-bilateral with South's red lines replaced by `lines` (each a copy of its first, renamed and re-sourced). */
function withLines(
  lines: { id: string; text: string; sources: string[]; basis: BasisKind; scope?: number[] }[],
) {
  const s = openScenario('tutorial-bilateral');
  const south = s.actors.find((a) => a.id === 'south')!;
  const model = south.redLines[0]!;
  const redLines: Constraint[] = lines.map((l) => ({ ...model, ...l, scope: l.scope ?? model.scope }));
  const scenario: Scenario = {
    ...s,
    actors: s.actors.map((a) => (a === south ? { ...a, redLines } : a)),
  };
  return {
    scenario,
    as: (k: number) => violation(lines[k]!.id, lines[k]!.text, lines[k]!.sources, lines[k]!.basis),
  };
}

describe('redLineItems', () => {
  it('gives one red line as one item, "– ", with its mark and its sources', () => {
    const s = openScenario('tutorial-bilateral');
    const v = violation(
      'no-cession',
      'No cession of territory it holds.',
      ['kyiv-rejects-2024'],
      'assumption',
    );
    expect(redLinesHead(1)).toBe('red line:');
    const items = redLineItems(s, 'south', [v]);
    expect(items).toEqual(['– No cession of territory it holds. [assumption] [kyiv-rejects-2024]']);
    // wrapped, it hangs under its text, as after "• " or "1. ", its mark and sources with the word they follow
    expect(wrapLine(`    ${items[0]}`, 40).split('\n')).toEqual([
      '    – No cession of territory it holds.',
      '      [assumption] [kyiv-rejects-2024]',
    ]);
  });

  it('numbers two or more, each with its own mark, sources and note, and says when one is unconfirmed', () => {
    const s = openScenario('tutorial-bilateral');
    const vs = [
      violation('a', 'First line.', ['s1', 's2']),
      violation('b', 'Second line.', [], 'reading', false),
    ];
    expect(redLinesHead(2)).toBe('red lines:');
    expect(redLineItems(s, 'south', vs, (x) => (x.redLine === 'a' ? '; a note' : ''))).toEqual([
      '1. First line. [s1, s2]; a note',
      '2. Second line. [reading] (unconfirmed)',
    ]);
  });

  it("says on the 28-point plan that Kyiv's second withdrawal line is a reading of the statements of its first", () => {
    const s = openScenario('ukraine-peace');
    const ukraine = whatIf(s, 'us-28-point-plan', []).verdicts.find((v) => v.actor === 'ukraine')!;
    const vs = ukraine.after.violations;
    expect(vs.map((x) => x.redLine)).toEqual(['no-withdrawal', 'no-withdrawal-at-all']);
    const items = redLineItems(s, 'ukraine', vs, undefined, (t) => `<${t}>`);
    expect(items[0]).toBe(`1. ${vs[0]!.text} [${vs[0]!.sources.join(', ')}]`);
    expect(items[1]).toBe(
      `2. ${vs[1]!.text} [reading] [${vs[1]!.sources.join(', ')}]< (a reading of statements that red line 1 rests on, in force until 2025-12-23)>`,
    );
  });

  it('gives no span where both are at the top level (june-2024-terms)', () => {
    const s = openScenario('june-2024-terms');
    const ukraine = s.actors.find((a) => a.id === 'ukraine')!;
    const pair = ['withdrawal-only-by-referendum', 'no-withdrawal-at-all'].map((id) => {
      const c = ukraine.redLines.find((x) => x.id === id)!;
      return violation(c.id, c.text, [...c.sources], c.basis);
    });
    expect(redLineItems(s, 'ukraine', pair)[1]).toMatch(
      / \(a reading of statements that red line 1 rests on\)$/,
    );
  });

  it('words the aside by which comes first, and whether the reading cites all the statements or some', () => {
    const { scenario, as } = withLines([
      { id: 'words', text: 'The words.', sources: ['k1', 'k2'], basis: 'stated' },
      { id: 'strict', text: 'The strict reading.', sources: ['k1', 'k2'], basis: 'reading' },
      { id: 'other', text: 'Another reading.', sources: ['k1'], basis: 'reading' },
    ]);
    expect(redLineItems(scenario, 'south', [as(0), as(1)])[1]).toMatch(
      /\(a reading of the same statements as red line 1\)$/,
    );
    expect(redLineItems(scenario, 'south', [as(1), as(0)])[1]).toMatch(
      /\(stated; red line 1 is a reading of the same statements\)$/,
    );
    expect(redLineItems(scenario, 'south', [as(2), as(0)])[1]).toMatch(
      /\(stated; red line 1 is a reading of statements this one rests on\)$/,
    );
    // each of two readings names the stated line, by its number
    const three = redLineItems(scenario, 'south', [as(0), as(1), as(2)]);
    expect(three[1]).toContain('(a reading of the same statements as red line 1)');
    expect(three[2]).toContain('(a reading of statements that red line 1 rests on)');
  });

  it('says nothing where the data does not tie them: a source of its own, no common issue, two stated, unknown ids', () => {
    const s = openScenario('tutorial-bilateral');
    const issues = s.actors.find((a) => a.id === 'south')!.redLines[0]!.scope;
    const elsewhere = s.issues.map((_, i) => i).filter((i) => !issues.includes(i));
    const { scenario, as } = withLines([
      { id: 'words', text: 'The words.', sources: ['k1', 'k2'], basis: 'stated' },
      { id: 'own', text: 'A reading of more.', sources: ['k1', 'k3'], basis: 'reading' },
      { id: 'apart', text: 'A reading elsewhere.', sources: ['k1'], basis: 'reading', scope: elsewhere },
      { id: 'stated', text: 'More words.', sources: ['k1'], basis: 'stated' },
      { id: 'guess', text: 'An assumption.', sources: ['k1'], basis: 'assumption' },
    ]);
    for (const k of [1, 2, 3, 4])
      expect(redLineItems(scenario, 'south', [as(0), as(k)])[1]).not.toContain('(');
    // the same words under ids the scenario does not have
    const stray = [
      violation('x', 'The words.', ['k1']),
      violation('y', 'The strict reading.', ['k1'], 'reading'),
    ];
    expect(redLineItems(scenario, 'south', stray)[1]).not.toContain('(');
  });
});

describe('redLineItems, over random sets of red lines', () => {
  const word = fc.constantFrom('no', 'land', 'troops', 'guarantee', 'cap', 'vote', 'withdrawal', 'Kyiv', '—');
  const basis = fc.constantFrom<BasisKind>('stated', 'reading', 'assumption');
  const line = fc.record({
    words: fc.array(word, { minLength: 1, maxLength: 25 }),
    basis,
    sources: fc.integer({ min: 0, max: 9 }),
    confirmed: fc.boolean(),
  });
  const mark = (b: BasisKind) => (b === 'stated' ? '' : `[${b}]`);
  const count = (text: string, part: string) => text.split(part).length - 1;

  it('gives each red line once, in order — its text, its mark and each source key — wrapped at any width', () => {
    // the shipped pair among them now and then, so that the asides are wrapped and counted too
    const s = openScenario('ukraine-peace');
    const pair = whatIf(s, 'us-28-point-plan', []).verdicts.find((v) => v.actor === 'ukraine')!.after
      .violations;
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.integer({ min: 40, max: 160 }),
        (lines, withPair, width) => {
          const made = lines.map((l, k) =>
            violation(
              `line-${k}`,
              `Line ${String.fromCharCode(65 + k)}: ${l.words.join(' ')}.`,
              Array.from({ length: l.sources }, (_, j) => `src-${k}-${j}`),
              l.basis,
              l.confirmed,
            ),
          );
          const vs = withPair ? [...made, ...pair] : made;
          const items = redLineItems(s, 'ukraine', vs);
          expect(items).toHaveLength(vs.length);
          // as printed: each item a line four columns in, wrapped, then read back flat
          const printed = items.map((x) => wrapLine(`    ${x}`, width));
          vs.forEach((v, k) => {
            const flat = printed[k]!.replace(/\s+/g, ' ').trim();
            expect(flat.startsWith(vs.length > 1 ? `${k + 1}. ` : '– '), flat).toBe(true);
            expect(count(flat, v.text), flat).toBe(1);
            // the mark right after the text, the sources right after the mark
            const after = flat.slice(flat.indexOf(v.text) + v.text.length);
            const head = `${mark(v.basis) ? ` ${mark(v.basis)}` : ''}${v.sources.length ? ` [${v.sources.join(', ')}]` : ''}`;
            expect(after.startsWith(head), after).toBe(true);
            if (mark(v.basis)) expect(count(flat, mark(v.basis))).toBe(1);
            for (const key of v.sources) expect(count(flat, `${key},`) + count(flat, `${key}]`), key).toBe(1);
            expect(count(flat, '(unconfirmed)')).toBe(v.confirmed ? 0 : 1);
          });
          // in the order given, every line's text before the next one's
          const all = printed.join('\n').replace(/\s+/g, ' ');
          const at = vs.map((v) => all.indexOf(v.text));
          expect(at).toEqual([...at].sort((a, b) => a - b));
          // no line over the width: no word here is wider than the narrowest room
          for (const l of printed.join('\n').split('\n')) expect(l.length, l).toBeLessThanOrEqual(width);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});
