// whatif's sentences against its own --json, over random changes to random documents of two scenarios (a fast-check
// property with a fixed seed): the agreement line, each row's verdict words, exactly who "says no" (the required
// actors rejecting after) with the reason --json holds, and exactly who was "won over".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actorName, actorShort } from '../../src/cli/labels.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { cliOk as cli } from '../cli-in-process.ts';

const SEED = 20261207;

interface Verdict {
  utility: number;
  reservation: number;
  accepts: boolean;
  violations: { text: string }[];
}
interface Change {
  required: { before: boolean; after: boolean };
  before: Verdict;
  after: Verdict;
  changed: boolean;
}
interface WhatIfJson {
  agreement: { before: boolean; after: boolean };
  verdicts: Record<string, Change>;
}

/** The lines under a bold heading, up to the next blank line. */
function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const at = lines.indexOf(heading);
  if (at < 0) return [];
  const end = lines.indexOf('', at);
  return lines.slice(at + 1, end < 0 ? undefined : end);
}

describe('whatif, in words, against --json', () => {
  for (const id of ['tutorial-bilateral', 'security-triangle'])
    it(`should say of every change what --json says: ${id}`, async () => {
      const s = openScenario(id);
      const change = fc
        .integer({ min: 0, max: s.issues.length - 1 })
        .chain((i) =>
          fc
            .constantFrom(
              ...s.issues[i]!.options.map((o) => (s.issues[i]!.kind === 'numeric' ? o.value! : o.id)),
            )
            .map((v) => `${s.issues[i]!.id}=${v}`),
        );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...s.documents.map((d) => d.id)),
          fc.uniqueArray(change, { minLength: 1, maxLength: 3, selector: (c) => c.split('=')[0] }),
          async (doc, sets) => {
            const argv = ['whatif', id, '--document', doc, ...sets.flatMap((x) => ['--set', x])];
            const json = JSON.parse(await cli(...argv, '--json')) as WhatIfJson;
            const text = await cli(...argv);
            const yes = (b: boolean) => (b ? 'yes' : 'no');
            const { before, after } = json.agreement;
            expect(text).toContain(
              `Agreement: ${before === after ? `${yes(after)} (unchanged)` : `${yes(before)} → ${yes(after)}`}`,
            );
            const entries = Object.entries(json.verdicts);
            // each row's verdict words
            for (const [a, v] of entries) {
              const row = text.split('\n').find((l) => l.startsWith(`  ${actorShort(s, a)} `))!;
              const word = (x: Verdict) => (x.accepts ? 'accepts' : 'rejects');
              if (!v.changed) expect(row).toContain(`${word(v.after)}, unchanged`);
              else if (v.before.accepts !== v.after.accepts)
                expect(row).toContain(`${word(v.before)} → ${word(v.after)}`);
              else expect(row).toContain(`${word(v.after)} (still)`);
            }
            // who says no: exactly the required actors rejecting after, each with its reason
            const no = section(text, 'Who says no, and why');
            const rejecting = entries.filter(([, v]) => v.required.after && !v.after.accepts);
            expect(no.filter((l) => !l.startsWith('    ')).length).toBe(rejecting.length);
            const said = no.join(' ').replace(/\s+/g, ' ');
            for (const [a, v] of rejecting) {
              expect(said).toContain(`${actorName(s, a)}: `);
              if (v.after.violations.length)
                for (const x of v.after.violations) expect(said).toContain(x.text);
              else {
                const m = new RegExp(
                  `${actorName(s, a).replace(/[()]/g, '\\$&')}: utility ([\\d.]+) < reservation ([\\d.]+)`,
                ).exec(said)!;
                expect(m, said).not.toBeNull();
                expect(Number(m[1])).toBeLessThan(Number(m[2]));
              }
            }
            // won over: exactly the actors whose verdict turned to accept
            const won = section(text, 'Won over').filter((l) => !l.startsWith('    '));
            const flipped = entries.filter(([, v]) => !v.before.accepts && v.after.accepts);
            expect(won.length).toBe(flipped.length);
            for (const [a] of flipped) expect(won.join(' ')).toContain(`${actorName(s, a)}: before, `);
          },
        ),
        { seed: SEED, numRuns: id === 'tutorial-bilateral' ? 60 : 25 },
      );
    });
});
