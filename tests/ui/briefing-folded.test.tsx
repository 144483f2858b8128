// What a team's private view folds into "+N more" is never a mark unsaid: a red line resting on less than a settled
// statement (applied before its earliest source †, an [assumption], unconfirmed or recall) or one the text breaks is
// shown, or its row says how many of the folded ones are so; the same for the issues' marks (†, [assumption]). From
// the data: which items are marked is `appliedBeforeRecord`'s and the scenario's, which are folded is read off the
// screen, at heights where the lists are cut (80×24 among them, where Russia's † red line in istanbul-2022 fell away).
import { afterEach, describe, expect, it } from 'vitest';
import { brokenConstraints } from '../../src/domain/evaluate.ts';
import { appliedBeforeRecord } from '../../src/domain/on-record.ts';
import type { Actor, Scenario } from '../../src/domain/types.ts';
import { moreWords } from '../../src/ui/components/folded-row.tsx';
import { openPrivateView } from './private-view.tsx';
import { scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

/** Each team's card opened on its first turn, played alone (bots for the rest): a † red line, broken ones, both. */
const CARDS = [
  ['istanbul-2022', 'russia'],
  ['istanbul-2022', 'ukraine'],
  ['june-2024-terms', 'ukraine'],
  ['june-2024-terms', 'us'],
  ['security-triangle', 'coalition'],
  ['ukraine-peace', 'ukraine'],
] as const;
const HEIGHTS = [20, 24, 28];

/** The opening text (each card here is opened on it; checked against the lines the screen shows broken). */
function textOnTable(s: Scenario): readonly number[] {
  const opening = s.documents.find((d) => d.id === s.protocol.opening);
  return opening ? s.issues.map((x) => opening.package[x.index]!) : s.issues.map((x) => x.statusQuo);
}

/** "marked" alone when the row stands for one item, "k marked" for more; nothing about marks when none is. */
function expectCount(row: string, n: number, k: number, word: string) {
  if (k === 0) expect(row).not.toContain(word);
  else expect(row).toContain(n === 1 && word === 'marked' ? 'marked' : `${k} ${word}`);
}

describe('what the private view folds away', () => {
  for (const [id, actor] of CARDS)
    it(`should show or count every marked or broken red line and every marked issue it folds (${id}, ${actor})`, async () => {
      const s = scenario(id);
      const team: Actor = s.actors[s.actorIndex.get(actor)!]!;
      const early = appliedBeforeRecord(s, s.date).filter((e) => e.actor === actor);
      const weakerLine = (r: Actor['redLines'][number]) =>
        r.basis === 'assumption' ||
        !r.confirmed ||
        r.recall ||
        early.some((e) => e.kind === 'redLine' && e.id === r.id);
      const weakerIssue = (i: number) =>
        team.preferences[i]?.basis === 'assumption' ||
        early.some((e) => e.kind === 'preference' && e.id === s.issues[i]!.id);
      const heaviest = s.issues
        .filter((x) => (team.weights[x.index] ?? 0) > 0)
        .sort((a, b) => team.weights[b.index]! - team.weights[a.index]! || a.index - b.index);
      let folded = 0;
      for (const rows of HEIGHTS) {
        const ui = await openPrivateView(id, s, [actor], { columns: 80, rows });
        unmount = ui.unmount;
        const lines = ui.lines();
        // the red lines on screen: each starts on a row behind its mark, the row a prefix of its words
        const starts = lines.flatMap((l) => {
          const m = /^\s+[✓✗] (kept|broken)\s+(.*\S)/.exec(l);
          return m ? [m[2]!] : [];
        });
        const shown = team.redLines.filter((r) =>
          starts.some((t) => r.text.startsWith(t) || t.startsWith(r.text)),
        );
        expect(shown.length, `${rows} rows`).toBe(starts.length);
        const hidden = team.redLines.filter((r) => !shown.includes(r));
        const brokenNow = new Set(brokenConstraints(team.redLines, textOnTable(s)).map((x) => x.redLine));
        // the text on the table is the opening one: the lines shown broken are the ones it breaks
        const shownBroken = lines.flatMap((l) => {
          const m = /^\s+✗ broken\s+(.*\S)/.exec(l);
          return m ? [m[1]!] : [];
        });
        expect(shownBroken.length).toBe(shown.filter((r) => brokenNow.has(r.id)).length);
        const redMore = lines.find((l) => /^\s+\+\d+ more red lines?\b/.test(l));
        if (hidden.length) {
          folded++;
          expect(redMore, `${rows} rows`).toContain(`+${hidden.length} more red line`);
          expectCount(redMore!, hidden.length, hidden.filter(weakerLine).length, 'marked');
          expectCount(redMore!, hidden.length, hidden.filter((r) => brokenNow.has(r.id)).length, 'broken');
        } else expect(redMore, `${rows} rows`).toBeUndefined();
        // the issues on screen: one row each with its weight, heaviest first
        const from = lines.findIndex((l) => l.startsWith('Your issues'));
        const issueRows = lines.slice(from + 1).filter((l) => /^ {2}\S.*\s\d{1,3}% {1,2}\S/.test(l)).length;
        const folding = heaviest.slice(issueRows);
        const issueMore = lines.find((l) => /^\s+\+\d+ more issues?\b/.test(l));
        if (folding.length) {
          folded++;
          expect(issueMore, `${rows} rows`).toContain(`+${folding.length} more issue`);
          expectCount(
            issueMore!,
            folding.length,
            folding.filter((x) => weakerIssue(x.index)).length,
            'marked',
          );
          // "lighter ones" only when every folded issue weighs less than the last shown: weights tie often
          const last = team.weights[heaviest[issueRows - 1]!.index]!;
          const lighter = folding.every((x) => team.weights[x.index]! < last - 1e-9);
          expect(issueMore, `${rows} rows`).not.toContain(lighter ? 'none heavier' : 'lighter ones');
        }
        ui.unmount();
        unmount = undefined;
      }
      // the heights cut the lists, or the test proves nothing
      expect(folded).toBeGreaterThan(0);
    });

  it('should put the red lines the text breaks first, then those on a weaker basis (istanbul-2022, Russia, 80×24)', async () => {
    const s = scenario('istanbul-2022');
    const ui = await openPrivateView('istanbul-2022', s, ['russia'], { columns: 80, rows: 24 });
    unmount = ui.unmount;
    const team = s.actors[s.actorIndex.get('russia')!]!;
    const early = appliedBeforeRecord(s, s.date).filter((e) => e.actor === 'russia' && e.kind === 'redLine');
    // the † red line is not the first in the scenario's order, and the card cannot show them all: it is moved up
    expect(early.length).toBeGreaterThan(0);
    expect(team.redLines.findIndex((r) => r.id === early[0]!.id)).toBeGreaterThan(0);
    const frame = ui.frame().replace(/\s+/g, ' ');
    expect(frame).toMatch(/\+\d+ more red lines? /);
    for (const e of early)
      expect(frame).toContain(team.redLines.find((r) => r.id === e.id)!.text.replace(/\s+/g, ' '));
  });
});

describe('a team without red lines', () => {
  it("should say it holds none rather than leave the heading out (june-2024-terms, the EU's card)", async () => {
    const s = scenario('june-2024-terms');
    const none = s.actors.filter((a) => a.redLines.length === 0);
    expect(none.map((a) => a.id)).toContain('eu');
    for (const a of s.actors.filter((x) => ['eu', 'us'].includes(x.id))) {
      const ui = await openPrivateView('june-2024-terms', s, [a.id], { columns: 80, rows: 24 });
      unmount = ui.unmount;
      expect(
        ui.lines().some((l) => l.startsWith('Your red lines: none')),
        a.id,
      ).toBe(a.redLines.length === 0);
      ui.unmount();
      unmount = undefined;
    }
  });
});

describe("the '+N more' row", () => {
  it('should keep the count of marked and broken items however narrow, dropping the asides first', () => {
    const hidden = [['†', '[assumption]'], [], ['unconfirmed']];
    const whole = moreWords('red line', hidden, { lead: ['1 broken'] }, 200);
    expect(whole).toBe(
      '+3 more red lines (1 broken; 2 marked †, [assumption], unconfirmed; peacesim brief lists them all)',
    );
    for (let width = 10; width < whole.length; width++) {
      const row = moreWords('red line', hidden, { lead: ['1 broken'], asides: ['lighter ones'] }, width);
      expect(row).toContain('+3 more red lines (1 broken; 2 marked');
    }
    expect(moreWords('issue', [[]], { asides: ['lighter ones'] }, 200)).toBe(
      '+1 more issue (lighter ones; peacesim brief lists them all)',
    );
    expect(moreWords('issue', [['†']], {}, 200)).toBe(
      '+1 more issue (marked †; peacesim brief lists them all)',
    );
  });
});
