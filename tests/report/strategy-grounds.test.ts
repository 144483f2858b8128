// A run's strategies are the scenario's readings or assumptions, or the analyst's choice: the header of `run` and
// the after-action report say which, for every actor of every shipped scenario, read from the data.
import { describe, expect, it } from 'vitest';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { basisMark } from '../../src/domain/basis.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { strategyLabel } from '../../src/report/words.ts';
import { cliOk } from '../cli-in-process.ts';

/** The header's strategies line, unwrapped. */
async function strategiesLine(...argv: string[]): Promise<string> {
  const out = await cliOk('run', ...argv, '--rounds', '1');
  const from = out.indexOf('strategies: ');
  // up to the line of the values of no deal that follows it (or, before that line, the hypotheses or a blank line)
  const ends = [
    out.indexOf('\n\n', from),
    out.indexOf('\nvalues of no deal, as the scenario gives them', from),
    out.indexOf('\nhypotheses the scenario turns on', from),
  ];
  const to = Math.min(...ends.filter((x) => x >= 0));
  return out.slice(from + 'strategies: '.length, to).replace(/\n/g, ' ');
}

/** Each actor's entry of the line, in the scenario's order (names never contain "; "). */
function entries(s: Scenario, line: string): string[] {
  return s.actors.map((a, k) => {
    const from = line.indexOf(`${a.name}: `);
    const next = s.actors[k + 1];
    const to = next ? line.indexOf(`; ${next.name}: `) : line.length;
    expect(from, `${a.name} in "${line}"`).toBeGreaterThanOrEqual(0);
    return line.slice(from, to);
  });
}

describe('the strategies a run uses say where they come from', () => {
  it.each(shippedIds())(
    '%s: each scenario strategy carries its basis, the default says it is one',
    async (id) => {
      const s = openScenario(id);
      const line = await strategiesLine(id);
      entries(s, line).forEach((entry, k) => {
        const st = s.actors[k]!.strategy;
        expect(entry).toContain(`: ${strategyLabel(st)} — `);
        if (!st.given)
          expect(entry).toContain("(the scenario gives none: the engine's default) [assumption]");
        else if (basisMark(st.basis)) expect(entry.endsWith(` ${basisMark(st.basis)}`), entry).toBe(true);
        else expect(entry).not.toMatch(/\[(reading|assumption)\]/);
        expect(entry).not.toContain('chosen for this run');
      });
    },
  );

  it('a strategy set with --strategy is the run’s choice, and the scenario’s is named beside it', async () => {
    const s = openScenario('ukraine-peace');
    const russia = s.actors.find((a) => a.id === 'russia')!;
    const other = russia.strategy.kind === 'conceder' ? 'linear' : 'conceder';
    const [first, ...rest] = entries(
      s,
      await strategiesLine('ukraine-peace', '--strategy', `russia=${other}`),
    );
    expect(first).toContain(`Russia: ${other} — `);
    expect(first).toContain(
      `(chosen for this run; the scenario's: ${strategyLabel(russia.strategy)} ${basisMark(russia.strategy.basis)})`,
    );
    for (const entry of rest) expect(entry).not.toContain('chosen for this run');
  });

  it('outcomes names the same grounds in its header, for every draw alike', async () => {
    const s = openScenario('tutorial-bilateral');
    const out = (await cliOk('outcomes', 'tutorial-bilateral', '-n', '2', '--rounds', '2')).replace(
      /\n/g,
      ' ',
    );
    for (const a of s.actors)
      expect(out).toContain(
        `${a.name.split(' (')[0]} ${strategyLabel(a.strategy)} ${basisMark(a.strategy.basis)}`,
      );
  });
});
