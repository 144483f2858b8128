// A mediator that keeps the text says why. When each move it made in a round was taken back by a later one of
// the same round, the run's --json lists those moves (`undone`) and the text tells them, each with its reason;
// the moves really do come back to the term on the table.
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import type { TranscriptEntry } from '../../src/engine/transcript.ts';

async function cli(argv: string[]) {
  const io = memoryIo();
  expect(await run(argv, io)).toBe(0);
  return io.stdout();
}

type Revised = Extract<TranscriptEntry, { kind: 'revised' }>;

describe('a mediator that keeps the text', () => {
  it('should tell, from --json, the moves a later move took back, with their reasons', async () => {
    const s = openScenario('ukraine-peace');
    const json = JSON.parse(await cli(['run', 'ukraine-peace', '--json'])) as {
      transcript: TranscriptEntry[];
    };
    const text = (await cli(['run', 'ukraine-peace'])).replace(/\n\s+/g, ' ');
    const kept = json.transcript.filter(
      (e): e is Revised =>
        e.kind === 'revised' && e.changes.length === 0 && !e.nothingNew && e.unmet.length === 0,
    );
    // the default run has such a round (the red lines of Russia and Ukraine on the ceasefire)
    const told = kept.filter((e) => e.undone?.length);
    expect(told.length).toBeGreaterThan(0);
    for (const e of told) {
      const undone = e.undone!;
      // per term, the moves chain and come back where they started
      for (const issue of new Set(undone.map((c) => c.issue))) {
        const moves = undone.filter((c) => c.issue === issue);
        for (let k = 1; k < moves.length; k++) expect(moves[k]!.from).toEqual(moves[k - 1]!.to);
        expect(moves.at(-1)!.to).toEqual(moves[0]!.from);
      }
      const round = text.slice(text.indexOf(`Round ${e.round} `), text.indexOf(`Round ${e.round + 1} `));
      expect(round).toContain(
        'United States keeps the text: each change it made this round, a later one took back:',
      );
      for (const c of undone) {
        const issue = s.issues.find((x) => x.id === c.issue)!;
        expect(round).toContain(`${issue.label}: `);
        expect(c.reason?.kind).toBe('red-line');
        if (c.reason?.kind === 'red-line') expect(round).toContain(c.reason.redLine.text);
      }
    }
  });
});
