// A team's private view says what its card rests on, as the transcript and `peacesim brief` do: a red line the
// scenario applies before its earliest source carries the mark (†) and that source; each issue's weight carries the
// basis the scenario gives the preference; and a team answering the document it tabled is told the text is its own.
// From the data: istanbul-2022 opens with Russia's draft, and which lines are applied early is `appliedBeforeRecord`'s.
import { afterEach, describe, expect, it } from 'vitest';
import { basisMark } from '../../src/domain/basis.ts';
import { appliedBeforeRecord } from '../../src/domain/on-record.ts';
import { ownRedLineSpans } from '../../src/ui/components/team-red-lines.ts';
import { GLYPH } from '../../src/ui/theme.ts';
import { openPrivateView } from './private-view.tsx';
import { scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

/** The private view of the first team to move in istanbul-2022, both sides played by teams. */
async function openingCard() {
  const s = scenario('istanbul-2022');
  const ui = await openPrivateView('istanbul-2022', s, ['russia', 'ukraine'], { columns: 160, rows: 60 });
  unmount = ui.unmount;
  return { s, ui };
}

describe("the private view's marks", () => {
  it('should mark each red line applied before its earliest source with that source, and no other', async () => {
    const { s, ui } = await openingCard();
    const opening = s.documents.find((d) => d.id === s.protocol.opening)!;
    const team = s.actors[opening.tabledBy]!;
    const early = appliedBeforeRecord(s, s.date).filter((e) => e.actor === team.id && e.kind === 'redLine');
    // the opening team holds a red line applied early and others not, or the test proves nothing
    expect(early.length).toBeGreaterThan(0);
    expect(early.length).toBeLessThan(team.redLines.length);
    const frame = ui.frame();
    const lines = ui.lines();
    for (const r of team.redLines) {
      const at = lines.findIndex((l) => l.includes(r.text.slice(0, 30)));
      expect(at, r.id).toBeGreaterThanOrEqual(0);
      // the red line's rows: its own, and those wrapped under it up to the next mark
      const next = lines.findIndex((l, k) => k > at && /^\s+[✓✗] (kept|broken)|Your issues/.test(l));
      const rows = lines.slice(at, next).join(' ').replace(/\s+/g, ' ');
      const e = early.find((x) => x.id === r.id);
      if (e) {
        expect(rows, r.id).toContain(
          `${GLYPH.before} before its earliest source (${e.earliest!.source}, ${e.earliest!.date})`,
        );
      } else expect(rows, r.id).not.toContain(GLYPH.before);
    }
    expect(frame).toContain(team.name);
  });

  it('should mark each preference applied before its earliest source with that source, under its issue, and no other', async () => {
    const { s, ui } = await openingCard();
    const team = s.actors[s.documents.find((d) => d.id === s.protocol.opening)!.tabledBy]!;
    const early = appliedBeforeRecord(s, s.date).filter(
      (e) => e.actor === team.id && e.kind === 'preference',
    );
    const weighed = s.issues.filter((x) => (team.weights[x.index] ?? 0) > 0);
    // the opening team weighs an issue whose preference is applied early and others not, or the test proves nothing
    expect(early.length).toBeGreaterThan(0);
    expect(early.length).toBeLessThan(weighed.length);
    const lines = ui.lines();
    const starts = weighed.map((x) => lines.findIndex((l) => l.trimStart().startsWith(`${x.label} `)));
    expect(starts.every((k) => k >= 0)).toBe(true);
    const end = lines.findIndex(
      (l, k) => k > Math.max(...starts) && /^\s*(\+\d+ more|a accept|e edit)/.test(l),
    );
    weighed.forEach((x, j) => {
      // the issue's rows: its own, and those under it up to the next issue (or the end of the list)
      const next = Math.min(...starts.filter((k) => k > starts[j]!), end < 0 ? lines.length : end);
      const rows = lines.slice(starts[j], next).join(' ').replace(/\s+/g, ' ');
      const e = early.find((p) => p.id === x.id);
      if (e)
        expect(rows, x.id).toContain(
          `${GLYPH.before} before its earliest source (${e.earliest!.source}, ${e.earliest!.date}); the reason: peacesim brief`,
        );
      else expect(rows, x.id).not.toContain(GLYPH.before);
    });
  });

  it("should mark each issue's weight with the basis the scenario gives it", async () => {
    const { s, ui } = await openingCard();
    const team = s.actors[s.documents.find((d) => d.id === s.protocol.opening)!.tabledBy]!;
    const lines = ui.lines();
    const weighed = s.issues.filter((x) => (team.weights[x.index] ?? 0) > 0);
    expect(weighed.length).toBeGreaterThan(0);
    for (const x of weighed) {
      const mark = basisMark(team.preferences[x.index]!.basis);
      const row = lines.find((l) => l.trimStart().startsWith(`${x.label} `));
      expect(row, x.id).toBeDefined();
      expect(row!.trimStart().startsWith(mark ? `${x.label} ${mark}` : `${x.label} `), x.id).toBe(true);
      const weight = `${Math.round(team.weights[x.index]! * 100)}%`;
      expect(row, x.id).toContain(weight);
    }
  });

  it('should mark the margin over no deal, or the shortfall, with the basis of the value of no deal', async () => {
    // istanbul-2022: Russia may accept its own draft; tutorial-bilateral: South's opening text falls short of no deal
    const cases = [
      ['istanbul-2022', 'russia', 'better than no deal'],
      ['tutorial-bilateral', 'south', 'less than no deal'],
    ] as const;
    for (const [id, actor, words] of cases) {
      const s = scenario(id);
      const team = s.actors[s.actorIndex.get(actor)!]!;
      const mark = basisMark(team.reservation.basis);
      // a value of no deal the modeller assumed, or the test proves nothing
      expect(mark, id).not.toBe('');
      const ui = await openPrivateView(id, s, [actor], { columns: 80, rows: 24 });
      unmount = ui.unmount;
      expect(ui.frame().replace(/\s+/g, ' '), id).toMatch(
        new RegExp(`\\d\\.\\d+ ${words} \\[${mark.slice(1, -1)}\\][.:]`),
      );
      ui.unmount();
      unmount = undefined;
    }
  });

  it('should flag a red line the record recalls as recall, as the brief does, and one it does not settle as unconfirmed', () => {
    // no shipped red line is a recall: an unconfirmed one of istanbul-2022, and the same line as a recall
    const s = scenario('istanbul-2022');
    const line = s.actors.flatMap((a) => a.redLines).find((r) => !r.confirmed)!;
    expect(line).toBeDefined();
    const words = (r: typeof line) =>
      ownRedLineSpans(r, undefined)
        .map((x) => x.text)
        .join('');
    expect(words(line)).toContain(`${line.text}`);
    expect(words(line)).toMatch(/ \(unconfirmed\)$/);
    expect(words({ ...line, recall: true })).toMatch(/ \(recall\)$/);
    expect(words({ ...line, confirmed: true })).not.toMatch(/\((unconfirmed|recall)\)/);
  });

  it('should tell the team answering the document it tabled that the text is its own', async () => {
    const { s, ui } = await openingCard();
    const opening = s.documents.find((d) => d.id === s.protocol.opening)!;
    const team = s.actors[opening.tabledBy]!;
    expect(ui.frame()).toContain(`PRIVATE  ${team.name}`);
    expect(ui.frame().replace(/\s+/g, ' ')).toContain(
      'The text on the table is the text you tabled; it is worth',
    );
  });
});
