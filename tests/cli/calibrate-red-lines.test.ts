// peacesim calibrate in words against its own --json: a verdict settled by a red line names each red line the
// JSON lists, in the words of the positions in force on the document's date (an epoch may add a red line the
// scenario's top-level positions lack, or word one differently), marked with its basis and, when the record does
// not settle it, "(unconfirmed)", and counted in the noun;
// a range of weights never reads as two equal figures.
import { describe, expect, it } from 'vitest';
import { basisMark } from '../../src/domain/basis.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import { n2, n3 } from '../../src/report/format.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { cliOk as cli } from '../cli-in-process.ts';

interface Verdict {
  readonly decidedBy: string | null;
  readonly redLines: readonly string[];
}

const flat = (t: string) => t.replace(/\s+/g, ' ');
const sentence = (t: string) => t.replace(/[.\s]+$/, '');

describe('peacesim calibrate, red lines in words', () => {
  for (const id of ['ukraine-peace', 'istanbul-2022', 'tutorial-bilateral'])
    it(`should word each red line of a verdict as the positions of the document's date give it: ${id}`, async () => {
      const scenario = loadScenarioFile(`scenarios/${id}.yaml`);
      const json = JSON.parse(await cli('calibrate', id, '--json'));
      const text = flat(await cli('calibrate', id));
      let seen = 0;
      for (const d of json.documents as { id: string; date: string; verdicts: Record<string, Verdict> }[])
        for (const [actor, v] of Object.entries(d.verdicts)) {
          if (v.decidedBy !== 'red-line') continue;
          const at = positionsAsOf(scenario, d.date).actors[scenario.actorIndex.get(actor)!]!;
          const words = v.redLines.map((r) => {
            const line = at.redLines.find((x) => x.id === r)!;
            const mark = basisMark(line.basis);
            return `${sentence(line.text)}${mark ? ` ${mark}` : ''}${line.confirmed ? '' : ' (unconfirmed)'}`;
          });
          const name = scenario.actors.find((a) => a.id === actor)!.name;
          expect(text, `${d.id}/${actor}`).toContain(
            flat(`${name} rejects red line${words.length === 1 ? '' : 's'}: ${words.join('; ')}`),
          );
          seen++;
        }
      expect(seen).toBeGreaterThan(0);
    });

  it('should print a range of weights whose bounds round alike with the digits that tell them apart', async () => {
    const scenario = loadScenarioFile('scenarios/ukraine-peace.yaml');
    const json = JSON.parse(await cli('calibrate', 'ukraine-peace', '--json'));
    const text = flat(await cli('calibrate', 'ukraine-peace'));
    let close = 0;
    for (const a of Object.values(json.actors) as { weights: Record<string, [number, number]> }[])
      for (const [issue, [lo, hi]] of Object.entries(a.weights)) {
        if (hi - lo < 0.005 || n2(lo) !== n2(hi)) continue;
        close++;
        expect(text).toContain(`${scenario.issues.find((x) => x.id === issue)!.label} ${n3(lo)}–${n3(hi)}`);
      }
    expect(close).toBeGreaterThan(0);
    // no range reads as two equal figures
    expect(text).not.toMatch(/(\d\.\d+)–\1(?!\d)/);
  });

  it('should word a conflict set of one reaction as one reaction, from --json', async () => {
    // a fixture: no shipped scenario's record is in conflict since june-2024-terms left out the one reaction that was
    const id = 'tests/fixtures/evidence/one-reaction-conflict.yaml';
    const s = loadScenarioFile(id);
    const json = JSON.parse(await cli('calibrate', id, '--json'));
    const text = flat(await cli('calibrate', id));
    const sets = new Map<number, { actor: string; cause: string }[]>();
    for (const c of json.conflicts as { set: number; actor: string; cause: string }[])
      sets.set(c.set, [...(sets.get(c.set) ?? []), c]);
    let ones = 0;
    for (const members of sets.values()) {
      const first = members[0]!;
      if (first.cause !== 'preferences') continue;
      const name = s.actors.find((a) => a.id === first.actor)!.name;
      const head = `No weights and value of no deal of ${name} within its ranges`;
      if (members.length === 1) ones++;
      expect(text).toContain(
        members.length === 1 ? `${head} reproduce this reaction:` : `${head} fit these together:`,
      );
    }
    expect(ones).toBeGreaterThan(0);
  });

  for (const id of ['divide-the-surplus', 'tutorial-bilateral'])
    it(`should say a verdict is settled by the ranges only where the actor has some range: ${id}`, async () => {
      const s = loadScenarioFile(`scenarios/${id}.yaml`);
      const json = JSON.parse(await cli('calibrate', id, '--json'));
      const text = flat(await cli('calibrate', id));
      type Range = [number, number];
      const actors = json.actors as Record<string, { weights: Record<string, Range>; reservation: Range }>;
      const point = ([lo, hi]: Range) => hi - lo < 1e-12;
      let fixed = 0;
      for (const d of json.documents as { verdicts: Record<string, Verdict & { verdict: string }> }[])
        for (const [actor, v] of Object.entries(d.verdicts)) {
          if (v.decidedBy !== 'ranges') continue;
          const a = actors[actor]!;
          const none = point(a.reservation) && Object.values(a.weights).every(point);
          if (none) fixed++;
          const name = s.actors.find((x) => x.id === actor)!.name;
          const words = none
            ? "settled by the scenario's numbers (given without a range)"
            : 'settled by the ranges alone';
          expect(text).toMatch(
            new RegExp(
              `${name.replace(/[()]/g, '\\$&')} ${v.verdict} margin \\S+ … \\S+ ${words.replace(/[()]/g, '\\$&')}`,
            ),
          );
        }
      // the closing count: a verdict settled by numbers without a range rests on them, so the count of those that
      // depend says on what — where the numbers fall within their ranges — not that the rest rest on none
      const verdicts = (json.documents as { verdicts: Record<string, { verdict: string }> }[]).flatMap((d) =>
        Object.values(d.verdicts),
      );
      const depends = verdicts.filter((v) => v.verdict === 'depends').length;
      const settled = verdicts.length - depends;
      const rest = fixed === 1 ? 'it rests' : 'they rest';
      const unranged = fixed
        ? ` (${fixed} of them by numbers given without a range: ${rest} on those numbers, with nothing to vary)`
        : '';
      expect(text).toContain(
        `${settled} verdict${settled === 1 ? '' : 's'} settled${unranged}, ${depends} depend${depends === 1 ? 's' : ''} on where the modeller's numbers fall within their ranges.`,
      );
      if (!fixed) expect(text).not.toContain('given without a range');
      if (id === 'divide-the-surplus') expect(fixed).toBeGreaterThan(0);
    });
});
