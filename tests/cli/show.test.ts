// show, the first thing a student reads: who must accept a text and why, and every actor's verdict on each
// document — one whose consent a text does not need is marked so, never left out.

import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { nameInSentence } from '../../src/domain/actor-names.ts';
import { consentOf } from '../../src/domain/consent.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import { listing } from '../../src/report/words.ts';
import { cli } from '../helpers.ts';

/** The lines of one document's block in show's text (from its title to the next title). */
function block(out: string, title: string): string[] {
  const lines = out.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`  ${title} (`));
  expect(at, `no block for ${title}`).toBeGreaterThan(0);
  const end = lines.slice(at + 1).findIndex((l) => /^ {2}\S/.test(l) || l === '');
  return lines.slice(at, end < 0 ? undefined : at + 1 + end);
}

/** A list of whom, split where it parts them: "; ", "; and " or " and " outside parentheses. */
function topLevelParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (depth === 0)
      for (const sep of ['; and ', '; ', ' and '])
        if (text.startsWith(sep, i)) {
          parts.push(text.slice(from, i));
          from = i + sep.length;
          i = from - 1;
          break;
        }
  }
  parts.push(text.slice(from));
  return parts;
}

describe('peacesim show', () => {
  it('should say who must accept a text, and why, in one line', () => {
    const out = cli(['show', 'ukraine-peace']).stdout;
    expect(out).toContain(
      "Who must accept a text: the parties, Russia and Ukraine, always; the United States if it moves Security guarantee for Ukraine, US backstop, Sanctions on Russia or Russia's economic return; the European Union if it moves",
    );
    expect(cli(['show', 'tutorial-bilateral']).stdout).toContain(
      'Who must accept a text: the parties, North (stylised Russia) and South (stylised Ukraine), always.',
    );
  });

  for (const id of shippedIds())
    it(`should give every actor's verdict on every document of ${id}, and whose consent it needs`, () => {
      const s = openScenario(id);
      const out = cli(['show', id]).stdout;
      for (const d of s.documents) {
        const lines = block(out, d.title);
        // judged by the positions of its date, as show judges it
        const ev = evaluatePackage(positionsAsOf(s, d.date), d.package);
        for (const v of ev.verdicts) {
          const name = nameInSentence(s.actors.find((a) => a.id === v.actor)!);
          const needed = ev.required.includes(v.actor);
          const said = `${name} ${v.accepts ? 'accepts' : 'rejects'}${needed ? '' : ' (consent not needed: the text moves none of its issues)'}`;
          expect(lines[1], `${d.id}: ${name}`).toContain(said);
        }
        const must = lines.find((l) => l.startsWith('    must accept: '))!;
        for (const c of consentOf(s, d.package))
          expect(must).toContain(nameInSentence(s.actors.find((a) => a.id === c.actor)!));
      }
    });

  for (const id of shippedIds())
    it(`should say of each document of ${id} whose consent it needs, one part per actor, each with the issues it controls`, () => {
      const s = openScenario(id);
      const out = cli(['show', id]).stdout;
      const name = (a: string) => nameInSentence(s.actors.find((x) => x.id === a)!);
      const label = (i: string) => s.issues.find((x) => x.id === i)!.label;
      for (const d of s.documents) {
        const must = block(out, d.title)
          .find((l) => l.startsWith('    must accept: '))!
          .slice('    must accept: '.length);
        const consent = consentOf(s, d.package);
        const parties = consent.filter((c) => c.party).map((c) => name(c.actor));
        const others = consent.filter((c) => !c.party);
        const parts = topLevelParts(must);
        expect(parts, `${d.id}: ${must}`).toHaveLength((parties.length ? 1 : 0) + others.length);
        if (parties.length) expect(parts[0]).toBe(`the parties (${listing(parties)})`);
        others.forEach((c, k) =>
          expect(parts[k + (parties.length ? 1 : 0)]).toBe(
            `${name(c.actor)} (the text moves ${listing(c.moved.map(label))}, which ${name(c.actor)} controls)`,
          ),
        );
      }
    });

  it("should show the US verdict on Russia's Alaska asks, and why its consent is not needed", () => {
    const s = openScenario('ukraine-peace');
    const d = s.documents.find((x) => x.id === 'alaska-2025-russia')!;
    const ev = evaluatePackage(positionsAsOf(s, d.date), d.package);
    expect(ev.required).not.toContain('us');
    const us = ev.verdicts.find((v) => v.actor === 'us')!;
    const lines = block(cli(['show', 'ukraine-peace']).stdout, d.title);
    expect(lines[1]).toContain(
      `the United States ${us.accepts ? 'accepts' : 'rejects'} (consent not needed: the text moves none of its issues)`,
    );
    // after the verdicts and the contested terms' lines (the Alaska asks' Luhansk term is contested)
    expect(lines.find((l) => l.startsWith('    must accept:'))).toBe(
      '    must accept: the parties (Russia and Ukraine) and the coalition of the willing (the text moves Foreign troops in Ukraine, which the coalition of the willing controls)',
    );
  });
});
