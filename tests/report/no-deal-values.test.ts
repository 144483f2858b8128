// Every verdict of a run compares the text with a value of no deal ("less than no deal (0.580)"). The run's header,
// the report's and `run --json` give each actor's value as the scenario does, with its plausible range and its
// basis, so a reader sees that the number is the modeller's — read here from every shipped scenario's actors.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { resolveOptions } from '../../src/engine/options.ts';
import { afterActionReport, runStateOf } from '../../src/report/after-action.ts';
import { afterActionHtml } from '../../src/report/after-action-html.ts';
import { afterActionMarkdown } from '../../src/report/after-action-md.ts';
import { noDealLine, noDealValue } from '../../src/report/no-deal-values.ts';
import { cliOk } from '../cli-in-process.ts';

const flat = (text: string) => text.replace(/\s+/g, ' ');
const n3 = (x: number) => x.toFixed(3);

/** What the header must say of one actor, its mark left to the caller. */
function expected(a: Scenario['actors'][number]): string {
  const r = a.reservation;
  return `${a.name}: ${n3(r.value)}${r.range ? ` (plausible range ${n3(r.range[0])}–${n3(r.range[1])})` : ''}`;
}

describe('the values of no deal a run compares with', () => {
  for (const id of shippedIds())
    it(`should be listed with their ranges and basis in the run's header, the report and --json on ${id}`, async () => {
      const s = openScenario(id);
      const header = flat((await cliOk('run', id)).split('\nRound 1')[0]!);
      const line = noDealLine(s.actors.map((a) => ({ name: a.name, noDeal: noDealValue(a) })));
      expect(header).toContain(`values of no deal, as the scenario gives them: ${line}`);
      for (const a of s.actors) expect(line).toContain(expected(a));
      const bases = new Set(s.actors.map((a) => a.reservation.basis));
      // shared: said once at the end; mixed: each value marked (a stated one unmarked)
      if (bases.size === 1 && !bases.has('stated'))
        expect(line).toMatch(new RegExp(`— each \\[${[...bases][0]}\\]$`));
      const json = JSON.parse(await cliOk('run', id, '--json')) as {
        valuesOfNoDeal: Record<string, { value: number; range: [number, number] | null; basis: string }>;
      };
      for (const a of s.actors)
        expect(json.valuesOfNoDeal[a.id]).toMatchObject({
          value: a.reservation.value,
          range: a.reservation.range ?? null,
          basis: a.reservation.basis,
        });
      const result = runHeadless(s, { maxRounds: 1 });
      const report = afterActionReport(s, runStateOf(s, result.snapshot), {
        options: resolveOptions(s, { maxRounds: 1 }),
      });
      expect(afterActionMarkdown(report)).toContain(
        `- Values of no deal, as the scenario gives them: ${line.replaceAll('[', '\\[').replaceAll(']', '\\]')}`,
      );
      expect(afterActionHtml(report)).toContain(
        `<th scope="row">Values of no deal, as the scenario gives them</th><td>${line}</td>`,
      );
    });

  it('should mark each value by its own basis when the actors differ, and leave a stated one unmarked', () => {
    const s = openScenario('ukraine-peace');
    const [first, second, ...rest] = s.actors;
    const mixed = [
      { name: first!.name, noDeal: { ...noDealValue(first!), basis: 'stated' as const } },
      { name: second!.name, noDeal: { ...noDealValue(second!), basis: 'reading' as const } },
      ...rest.map((a) => ({ name: a.name, noDeal: { ...noDealValue(a), basis: 'assumption' as const } })),
    ];
    const line = noDealLine(mixed);
    expect(line).not.toContain('each');
    expect(line).toContain(`${expected(first!)}; `);
    expect(line).toContain(`${expected(second!)} [reading]`);
    for (const a of rest) expect(line).toContain(`${expected(a)} [assumption]`);
  });
});
