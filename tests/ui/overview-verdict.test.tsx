// The overview's detail at 80×24: under the selected document's title, who rejects it, who tabled it, (unconfirmed)
// and the ratification hurdles it would meet, whole. The verdict was cut to two rows ("✗ Rejected by Ukraine,
// European Union, Coalition of the willing · tabled by Unite…", "… · tabled by United States ·…" losing the
// (unconfirmed) of the Geneva text). What each must say comes from the domain, not from the screen.

import { afterEach, describe, expect, it } from 'vitest';
import { shippedIds } from '../../src/cli/scenarios.ts';
import { nameInSentence } from '../../src/domain/actor-names.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { positionsAsOf } from '../../src/domain/positions.ts';
import { ratificationOf } from '../../src/domain/ratification.ts';
import { bodies } from '../../src/report/ratification.ts';
import { listing } from '../../src/report/words.ts';
import { defaultDocumentOrder, documentIndices } from '../../src/ui/state/order.ts';
import { shortName } from '../../src/ui/words.ts';
import { flat, leftPane, SMALL } from './panes.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

describe("the overview's detail at 80×24", () => {
  for (const id of shippedIds())
    it(`${id}: every document's verdict, who tabled it, its mark and its hurdles whole`, async () => {
      const s = scenario(id);
      const docs = documentIndices(s, defaultDocumentOrder(s)).map((k) => s.documents[k]!);
      const ui = await explore(id, SMALL);
      unmount = ui.unmount;
      for (const [k, d] of docs.entries()) {
        if (k > 0) await ui.press(KEY.down);
        const lines = ui.lines();
        expect(lines.length).toBeLessThanOrEqual(SMALL.rows);
        // the detail: the left pane from the row under the list
        const pane = leftPane(lines);
        const from = pane.findIndex((l, j) => j > 0 && l.trim() === '' && pane[j - 1]!.trim() !== '');
        const detail = flat(pane.slice(from));
        const judged = positionsAsOf(s, d.date);
        const ev = evaluatePackage(judged, d.package);
        const no = ev.verdicts
          .filter((v) => !v.accepts && ev.required.includes(v.actor))
          .map((v) => shortName(nameInSentence(s.actors[s.actorIndex.get(v.actor)!]!)));
        const where = `${id} ${d.id}`;
        if (no.length) expect(detail, where).toContain(`Rejected by ${listing(no)}`);
        expect(detail, where).toContain(
          `tabled by ${shortName(nameInSentence(s.actors[d.tabledBy]!))}${d.confirmed ? '' : ' · (unconfirmed)'}`,
        );
        const hurdles = ratificationOf(judged, d.package);
        if (hurdles) expect(detail, where).toContain(`if signed, subject to ${bodies(hurdles, judged)}`);
      }
    }, 60_000);
});
