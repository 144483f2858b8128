// A team's private view lists what the text on the table says of each of its issues; when that text is a tabled
// document, each term carries the flag the run's narration and the explorer's term sheet give it
// (documentTermFlag): ukraine-peace opens with the 20-point framework, several of whose terms the record does not
// settle. From the data: which terms are flagged is the document's, never a list in the test.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { documentTermFlagText } from '../../src/domain/flags.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { documentOnTable, startGame, step } from '../../src/ui/state/play.ts';
import { openPrivateView } from './private-view.tsx';
import { scenario } from './render.tsx';

const dir = mkdtempSync(join(tmpdir(), 'peacesim-briefing-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

describe("the briefing's terms of a tabled document", () => {
  it('should flag each term as the document records it, and no other', async () => {
    const s = scenario('ukraine-peace');
    const opening = s.documents.find((d) => d.id === s.protocol.opening)!;
    const ukraine = s.actors[s.actorIndex.get('ukraine')!]!;
    const weighed = s.issues.filter((x) => (ukraine.weights[x.index] ?? 0) > 0);
    const flagged = weighed.filter((x) => documentTermFlagText(opening, x.index) !== '');
    // the opening text flags some of Ukraine's issues and not others, or the test proves nothing
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.length).toBeLessThan(weighed.length);
    const ui = await openPrivateView('ukraine-peace', s, ['ukraine'], { columns: 140, rows: 60 });
    unmount = ui.unmount;
    expect(ui.frame()).toContain('Ukraine team');
    const lines = ui.lines();
    const pkg = opening.package;
    for (const x of weighed) {
      const row = lines.find((l) => l.trimStart().startsWith(`${x.label} `));
      expect(row, x.id).toBeDefined();
      const says = x.options[pkg[x.index]!]!.label;
      const flag = documentTermFlagText(opening, x.index);
      expect(row, x.id).toContain(`${says}${flag}`);
      if (!flag) expect(row, x.id).not.toMatch(/\((?:unconfirmed|recall)\)/);
    }
    // a confirmed text: the worth line carries no flag of the text as a whole
    expect(opening.confirmed).toBe(true);
    expect(ui.frame()).toContain('The text on the table is worth');
  });

  it('should say once that the text on the table is unconfirmed when the record does not settle it at all', async () => {
    // ukraine-peace opened with a text the record does not settle as a whole: the first unconfirmed document
    const base = scenario('ukraine-peace');
    const doc = base.documents.find((d) => !d.confirmed)!;
    const file = join(dir, 'unsettled-opening.yaml');
    writeFileSync(
      file,
      [
        'format: 1',
        `include: ${JSON.stringify(resolve('scenarios/ukraine-peace.yaml'))}`,
        'id: unsettled-opening',
        `protocol: { opening: ${doc.id} }`,
        '',
      ].join('\n'),
    );
    const s = loadScenarioFile(file);
    const ui = await openPrivateView(file, s, ['ukraine'], { columns: 140, rows: 60 });
    unmount = ui.unmount;
    expect(ui.frame()).toContain('The text on the table (unconfirmed) is worth');
    // the title carries the flag, once: no term of the text is flagged on its own (documentTermFlag)
    const issues = ui.frame().slice(ui.frame().indexOf('Your issues'));
    expect(issues).not.toMatch(/\((?:unconfirmed|recall)\)/);
  });

  it("should name no document once a party's or the mediator's text is on the table", () => {
    const s = scenario('ukraine-peace');
    const game = startGame(s, { seed: 1 });
    // bots only: run round by round until someone other than a document wrote the text
    let g = game;
    expect(documentOnTable(g)).toBeUndefined();
    for (let k = 0; k < 200 && g.snapshot.context.author === null; k++) {
      const next = step(g);
      if (next === g) break;
      g = next;
      if (g.snapshot.context.text.length && g.snapshot.context.author === null)
        expect(documentOnTable(g)?.id).toBe(s.protocol.opening);
    }
    expect(g.snapshot.context.author).not.toBeNull();
    expect(documentOnTable(g)).toBeUndefined();
  });
});
