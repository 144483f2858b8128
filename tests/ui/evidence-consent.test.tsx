// A verdict whose consent the text does not need says so on the evidence screen, in show's and sweep's words
// ("(consent not needed: the text moves none of its issues)"): the EU's on the Istanbul texts blocks nothing. Who
// must consent comes from the domain (consentOf), for every shipped scenario.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { calibrateScenario } from '../../src/analysis/calibrate.ts';
import { type Lp, loadLp } from '../../src/analysis/lp.ts';
import { shippedIds } from '../../src/cli/scenarios.ts';
import { consentOf } from '../../src/domain/consent.ts';
import { consentAside } from '../../src/report/words.ts';
import { viewOf } from '../../src/ui/state/evidence.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});
let lp: Lp;
beforeAll(async () => {
  lp = await loadLp();
});

const flat = (t: string) => t.replace(/\s+/g, ' ');

describe('the evidence screen and consent a text does not need', () => {
  for (const id of shippedIds())
    it(`${id}: marks each actor whose consent a document does not need, and no other`, () => {
      const s = scenario(id);
      const view = viewOf(s, calibrateScenario(lp, s));
      for (const d of view.documents) {
        const doc = s.documents.find((x) => x.id === d.id)!;
        const needed = consentOf(s, doc.package).map((c) => c.actor);
        for (const r of d.rows) expect(r.required, `${d.id} ${r.actor}`).toBe(needed.includes(r.actor));
      }
    });

  it("says so on the screen, under the verdict, at 120×40 and 80×24 (ukraine-peace's Istanbul texts)", async () => {
    const s = scenario('ukraine-peace');
    const view = viewOf(s, calibrateScenario(lp, s));
    const at = view.documents.findIndex((d) => d.rows.some((r) => !r.required));
    expect(at).toBeGreaterThanOrEqual(0);
    const d = view.documents[at]!;
    for (const size of [
      { columns: 120, rows: 40 },
      { columns: 80, rows: 24 },
    ]) {
      const ui = await explore('ukraine-peace', size);
      await ui.press('e');
      await ui.waitFor('settled / depends');
      await ui.press(...Array.from({ length: at }, () => KEY.down));
      const lines = ui.lines();
      const from = lines.findIndex((l) => l.startsWith(d.rows[0]!.name.split(' ')[0]!));
      const rows = flat(lines.slice(from).join(' '));
      expect(rows.split(flat(consentAside(false).trim())).length - 1, `${size.columns}`).toBe(
        d.rows.filter((r) => !r.required).length,
      );
      ui.unmount();
    }
  }, 60_000);
});
