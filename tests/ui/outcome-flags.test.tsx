// The outcome screen's terms carry the flags the tabling line above them gives: a term the last text keeps from the
// tabled document it descends from (the document last tabled, the same option) keeps that document's flag
// (documentTermFlag); one the negotiation moved is the engine's, unflagged. From the data: 28-point-path ends on a
// text that keeps some of its flagged terms (the report's test checks every shipped scenario).
import { afterEach, describe, expect, it } from 'vitest';
import { documentTermFlagText } from '../../src/domain/flags.ts';
import { optionOf } from '../../src/domain/lookup.ts';
import { runOutcome } from '../../src/engine/game.ts';
import { runHeadless } from '../../src/engine/headless.ts';
import { playState } from '../../src/ui/state/app.ts';
import { startGame } from '../../src/ui/state/play.ts';
import { openPlay } from '../../src/ui/state/play-view.ts';
import { explore, scenario } from './render.tsx';

let unmount = () => {};
afterEach(() => unmount());

describe("the outcome screen's terms", () => {
  it('should flag each term the last text keeps from its tabled document as that document does, and no other', async () => {
    const id = '28-point-path';
    const s = scenario(id);
    const transcript = runHeadless(s, { seed: 1 }).snapshot.context.transcript;
    const terms = runOutcome(transcript)!.terms;
    const tabled = transcript.findLast((e) => e.kind === 'tabled')!;
    const doc = s.documents.find((d) => d.id === tabled.document)!;
    const expected = s.issues.map((x) => {
      const kept = optionOf(s, x.index, terms[x.id]!) === doc.package[x.index];
      return {
        x,
        option: x.options[optionOf(s, x.index, terms[x.id]!)]!.label,
        flag: kept ? documentTermFlagText(doc, x.index) : '',
      };
    });
    // some terms keep a flag and some do not, or the test proves nothing
    expect(expected.some((e) => e.flag)).toBe(true);
    const game = startGame(s, { seed: 1 });
    const ui = await explore(
      id,
      { columns: 200, rows: 80 },
      { initial: playState(s, openPlay(game, s.id, 0)) },
    );
    unmount = ui.unmount;
    await ui.press('r');
    await ui.waitFor('The last text on the table');
    const lines = ui.lines();
    for (const e of expected) {
      const row = lines.find((l) => l.slice(2).startsWith(`${e.x.label} `));
      expect(row, e.x.id).toBeDefined();
      expect(row!.trimEnd().endsWith(`${e.option}${e.flag}`), `${e.x.id}: ${row}`).toBe(true);
    }
  });
});
