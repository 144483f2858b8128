// Every sentence names an actor as a reader expects: "mediated by the United States", "The coalition of the willing
// rejects" — the scenario's `inSentence` form, capitalised at a sentence's start; headings, table cells and labels
// ("United States: conceder") keep the plain name. Derived from every shipped scenario's actors: the default run,
// its report (debrief questions included) and `show` may not name an actor bare where its in-sentence form differs.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actorAtStart, actorInSentence, nameAtStart, nameInSentence } from '../../src/domain/actor-names.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { scenarioHash } from '../../src/engine/canonical.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { cliOk } from '../cli-in-process.ts';
import { ROOT } from '../helpers.ts';

const files = readdirSync(resolve(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

const literalRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Each place `text` names an actor bare though its in-sentence form adds words before the name ("the "), with a
 * little context: neither a heading (a line opening with '#', or with the name and its role in parentheses), nor a
 * table row ('|'), nor a label ("United States: …", "United States —") counts.
 */
function bareNames(s: Scenario, text: string): string[] {
  // show's actor headings: "United States (mediator) — no deal is worth …"
  const heading = new RegExp(`^\\s*(${s.actors.map((a) => literalRe(a.name)).join('|')}) \\(`);
  const prose = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l) && !l.includes('|'))
    .map((l) => l.replace(heading, '<actor> ('))
    .join(' ')
    .replace(/\s+/g, ' ');
  const out: string[] = [];
  for (const a of s.actors) {
    const inSentence = nameInSentence(a);
    const before = inSentence.slice(0, inSentence.length - a.name.length);
    if (inSentence === a.name || inSentence.toLowerCase() !== (before + a.name).toLowerCase()) continue;
    const re = new RegExp(`\\b${literalRe(a.name)}\\b(?!:| —)`, 'g');
    for (const m of prose.matchAll(re)) {
      const lead = prose.slice(Math.max(0, m.index - before.length), m.index);
      if (lead.toLowerCase() !== before.toLowerCase())
        out.push(prose.slice(Math.max(0, m.index - 40), m.index + a.name.length + 20));
    }
    // and a sentence that starts with the actor capitalises it: never ". the United States …"
    for (const m of prose.matchAll(new RegExp(`(?:^|[.?!] )${literalRe(inSentence)}\\b`, 'g')))
      out.push(prose.slice(Math.max(0, m.index - 20), m.index + inSentence.length + 20));
  }
  return out;
}

describe('the two name functions', () => {
  it('should give the in-sentence form, capitalised at a start, and the name when none is given', () => {
    expect(nameInSentence({ name: 'United States', inSentence: 'the United States' })).toBe(
      'the United States',
    );
    expect(nameAtStart({ name: 'United States', inSentence: 'the United States' })).toBe('The United States');
    expect(
      nameAtStart({ name: 'Coalition of the willing', inSentence: 'the coalition of the willing' }),
    ).toBe('The coalition of the willing');
    expect(nameInSentence({ name: 'Russia' })).toBe('Russia');
    expect(nameAtStart({ name: 'Russia' })).toBe('Russia');
    // a name that starts in lower case is capitalised at a sentence's start, nowhere else
    expect(nameInSentence({ name: 'a' })).toBe('a');
    expect(nameAtStart({ name: 'a' })).toBe('A');
  });

  it('should default to the name in every compiled actor without the field, and look actors up by id', () => {
    const s = loadScenarioFile(resolve(ROOT, 'scenarios/tutorial-bilateral.yaml'));
    for (const a of s.actors) {
      // not copied from the name: a copy would outlive a change of the name (a test renaming an actor, an import)
      expect(a.inSentence).toBeUndefined();
      expect(nameInSentence({ ...a, name: `${a.name}2` })).toBe(`${a.name}2`);
      expect(actorInSentence(s, a.id)).toBe(a.name);
    }
    const u = loadScenarioFile(resolve(ROOT, 'scenarios/ukraine-peace.yaml'));
    const us = u.actors.find((a) => a.id === 'us')!;
    expect(actorAtStart(u, 'us')).toBe(nameAtStart(us));
    expect(actorInSentence(u, 'nobody')).toBe('nobody');
  });

  it("should leave the in-sentence form out of the scenario's hash, so sessions saved without it still open", () => {
    const u = loadScenarioFile(resolve(ROOT, 'scenarios/ukraine-peace.yaml'));
    expect(u.actors.some((a) => a.inSentence !== a.name)).toBe(true);
    const plain = { ...u, actors: u.actors.map((a) => ({ ...a, inSentence: a.name })) };
    expect(scenarioHash(plain)).toBe(scenarioHash(u));
    const renamed = { ...u, actors: u.actors.map((a, k) => (k ? a : { ...a, name: `${a.name}!` })) };
    expect(scenarioHash(renamed)).not.toBe(scenarioHash(u));
  });
});

describe('actors named in sentences as the scenario says', () => {
  it('should find a bare name mid-sentence (the check itself)', () => {
    const u = loadScenarioFile(resolve(ROOT, 'scenarios/ukraine-peace.yaml'));
    expect(bareNames(u, 'mediated by United States.')).toHaveLength(1);
    expect(bareNames(u, 'mediated by the United States. The United\nStates accepts.')).toEqual([]);
    expect(
      bareNames(
        u,
        '## United States\n| United States | 0.5 |\nUnited States: conceder\n  United States (mediator) — x',
      ),
    ).toEqual([]);
    expect(bareNames(u, 'United States accepts.')).toHaveLength(1);
    expect(bareNames(u, 'It rejects. the United States accepts.')).toHaveLength(1);
  });

  for (const file of files)
    it(`${file}: the run, its report and show name no actor bare in a sentence`, async () => {
      const s = loadScenarioFile(resolve(ROOT, 'scenarios', file));
      const session = join(mkdtempSync(join(tmpdir(), 'names-')), 'session.json');
      const run = await cliOk('run', resolve(ROOT, 'scenarios', file), '--save', session);
      const report = await cliOk('report', session);
      const show = await cliOk('show', resolve(ROOT, 'scenarios', file));
      expect(bareNames(s, run), 'run').toEqual([]);
      expect(bareNames(s, report), 'report').toEqual([]);
      expect(bareNames(s, show), 'show').toEqual([]);
    });
});
