// A recorded reaction where a person reads: the actor's name, the reaction, the document's title and the date —
// never its id, which stays in --json (and `sources --key`). The words are checked against the scenario's data
// and against the --json of the same command; every text output of analyze, calibrate and hinges on every
// shipped scenario is searched for a record id.

import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { nameInSentence } from '../../src/domain/actor-names.ts';
import { dateWords } from '../../src/report/date-words.ts';
import { recordedReactionWords } from '../../src/report/record-words.ts';
import { cliOk } from '../cli-in-process.ts';

const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The ids that occur in the text as whole ids (not as part of a longer id). */
function idsIn(text: string, ids: readonly string[]): string[] {
  const literal = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return ids.filter((id) => new RegExp(`(?<![\\w-])${literal(id)}(?![\\w-])`).test(text));
}

describe('a recorded reaction in words', () => {
  it('should give the date at each of the format’s three precisions', () => {
    expect(dateWords('2022-04-15')).toBe('15 Apr 2022');
    expect(dateWords('2025-12-01')).toBe('1 Dec 2025');
    expect(dateWords('2025-11')).toBe('Nov 2025');
    expect(dateWords('2025')).toBe('2025');
  });

  it('should name the actor, the reaction, the document and the date of every shipped record entry', () => {
    for (const id of shippedIds()) {
      const s = openScenario(id);
      for (const r of s.record) {
        const words = recordedReactionWords(s, r);
        const name = nameInSentence(s.actors[r.actor]!);
        const title = s.documents.find((d) => d.id === r.document)!.title;
        expect(words.startsWith(name) || words.includes(` by ${name} of `)).toBe(true);
        expect(words).toMatch(r.reaction === 'accept' ? /\bacceptance (of|by) / : /\brejection (of|by) /);
        // the title as written, its leading article in lower case inside the sentence
        expect(words).toContain(title.replace(/^The /, 'the '));
        expect(words).not.toMatch(/ of The /);
        expect(words.endsWith(`(${dateWords(r.date)})`)).toBe(true);
        expect(idsIn(words, [r.id])).toEqual([]);
      }
    }
    // the brief's own example, from ukraine-peace's data
    const s = openScenario('ukraine-peace');
    const istanbul = s.record.find((r) => r.id === 'russia-rejects-istanbul-ukraine')!;
    expect(recordedReactionWords(s, istanbul)).toMatch(
      /^Russia's rejection of Ukraine's position at Istanbul .*\(15 Apr 2022\)$/,
    );
  });

  it('should word the conflicts of analyze as --json lists them, without their ids', async () => {
    const file = 'tests/fixtures/evidence/conflict.yaml';
    const s = openScenario(file);
    const json = JSON.parse(await cliOk('analyze', file, '--json'));
    const text = flat(await cliOk('analyze', file));
    const conflicts = json.evidence.record.conflicts as { reactions: string[]; labels: string[] }[];
    expect(conflicts.length).toBeGreaterThan(0);
    for (const c of conflicts) {
      expect(c.labels).toEqual(
        c.reactions.map((id) => recordedReactionWords(s, s.record.find((r) => r.id === id)!)),
      );
      expect(text).toContain(`In conflict, set aside: ${c.labels.join('; ')}`);
    }
    expect(
      idsIn(
        text,
        s.record.map((r) => r.id),
      ),
    ).toEqual([]);
  });

  for (const id of shippedIds())
    it(`should name no record entry by its id in analyze, calibrate or hinges of ${id}`, async () => {
      const s = openScenario(id);
      const ids = s.record.map((r) => r.id);
      for (const command of ['analyze', 'calibrate', 'hinges'])
        expect(idsIn(await cliOk(command, id), ids), `${command} ${id}`).toEqual([]);
    });
});
