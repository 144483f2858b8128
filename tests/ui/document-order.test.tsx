// The overview's document order (o): as in the scenario file, or by date — pure state, then on screen.
import { afterEach, describe, expect, it } from 'vitest';
import {
  activeDocument,
  appReducer,
  initialState,
  selectedDocument,
  shownDocuments,
} from '../../src/ui/state/app.ts';
import { defaultDocumentOrder, documentIndices } from '../../src/ui/state/order.ts';
import { explore, KEY, scenario } from './render.tsx';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

describe('the document order (state)', () => {
  it('should default to by date when the documents span more than one year, else to file order', () => {
    expect(defaultDocumentOrder(scenario('ukraine-peace'))).toBe('date');
    expect(defaultDocumentOrder(scenario('june-2024-terms'))).toBe('date');
    expect(defaultDocumentOrder(scenario('28-point-path'))).toBe('file');
    expect(defaultDocumentOrder(scenario('istanbul-2022'))).toBe('file');
    expect(initialState(scenario('ukraine-peace')).documentOrder).toBe('date');
  });

  it('should sort by date, oldest first, keeping file order for equal dates', () => {
    const s = scenario('ukraine-peace');
    const byDate = documentIndices(s, 'date').map((k) => s.documents[k]!);
    const dates = byDate.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(byDate[0]!.id).toBe('istanbul-2022-ukraine');
    // the two 2025-06-02 memoranda and the two 2025-11-23 texts stay in the order of the file
    const fileRank = (id: string) => s.documents.findIndex((d) => d.id === id);
    for (let k = 1; k < byDate.length; k++)
      if (byDate[k]!.date === byDate[k - 1]!.date)
        expect(fileRank(byDate[k]!.id)).toBeGreaterThan(fileRank(byDate[k - 1]!.id));
    expect(documentIndices(s, 'file')).toEqual(s.documents.map((_, k) => k));
  });

  it('should toggle the order and keep the selected document selected', () => {
    const s = scenario('ukraine-peace');
    let st = initialState(s);
    expect(shownDocuments(st)[0]!.date.startsWith('2022')).toBe(true);
    st = appReducer(st, { type: 'move-document', delta: 3 });
    const selected = selectedDocument(st)!.id;
    st = appReducer(st, { type: 'toggle-document-order' });
    expect(st.documentOrder).toBe('file');
    expect(shownDocuments(st).map((d) => d.id)).toEqual(s.documents.map((d) => d.id));
    expect(selectedDocument(st)!.id).toBe(selected);
    expect(activeDocument(st)).toBe(selected);
    st = appReducer(st, { type: 'toggle-document-order' });
    expect(st.documentOrder).toBe('date');
    expect(selectedDocument(st)!.id).toBe(selected);
    // a new scenario starts in its own default order
    st = appReducer(st, { type: 'open-scenario', scenario: scenario('28-point-path') });
    expect(st.documentOrder).toBe('file');
  });
});

describe('the document order (screen)', () => {
  it('should list by date with the order in the heading, and o switch to file order', async () => {
    const s = scenario('ukraine-peace');
    for (const size of [
      { columns: 80, rows: 24 },
      { columns: 100, rows: 30 },
    ]) {
      const ui = await explore('ukraine-peace', size);
      unmount = ui.unmount;
      // the dates of the document rows on screen, top to bottom
      const dates = () =>
        ui.lines().flatMap((l) => /^[❯ ] [✓✗] (\d{4}-\d\d-\d\d)/.exec(l)?.slice(1, 2) ?? []);
      expect(ui.frame()).toContain('Documents by date');
      expect(dates()[0]).toBe('2022-03-29');
      expect(dates()).toEqual([...dates()].sort());
      await ui.press('o');
      expect(ui.frame()).toContain('Documents as in the file');
      const filed = s.documents.map((d) => d.date).join(' ');
      expect(filed).toContain(dates().join(' '));
      expect(dates()).not.toEqual([...dates()].sort());
      // the selection followed its document: enter opens the 2022 text
      const lines = ui.lines();
      expect(lines.length).toBeLessThanOrEqual(size.rows - 1);
      for (const l of lines) expect(Array.from(l).length).toBeLessThanOrEqual(size.columns);
      expect(lines.find((l) => l.startsWith('❯'))).toContain('2022-03-29');
      await ui.press(KEY.enter);
      expect(ui.frame()).toContain("Ukraine's position at Istanbul");
      ui.unmount();
    }
  });
});
