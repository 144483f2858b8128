// The reports' evidence paragraph: its first sentence ends with a colon only when a list of documents follows it.
// The counts and the list come from calibrate's own report.
import { describe, expect, it } from 'vitest';
import { calibrateScenario } from '../../src/analysis/calibrate.ts';
import { loadLp } from '../../src/analysis/lp.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { evidenceMarkdown, NOT_COMPUTED, recordEvidence } from '../../src/report/evidence.ts';

describe('the evidence paragraph of the reports', () => {
  for (const id of ['istanbul-2022', 'tutorial-bilateral'])
    it(`should end its count with a colon only when documents are listed (${id})`, async () => {
      const s = openScenario(id);
      const c = calibrateScenario(await loadLp(), s);
      const record = recordEvidence(s, c)!;
      const listed = record.documents.filter((d) =>
        d.verdicts.some((v) => v.verdict === 'depends' || v.decidedBy === 'record'),
      );
      const lines = evidenceMarkdown({ ...NOT_COMPUTED, record });
      const head = lines.find((l) => l.includes('recorded reaction'))!;
      const items = lines.slice(lines.indexOf(head) + 1).filter((l) => l.startsWith('- '));
      const next = lines.indexOf(head) + 1;
      expect(head.endsWith(':')).toBe(listed.length > 0);
      expect(head.endsWith('.')).toBe(listed.length === 0);
      expect(lines[next]?.startsWith('- ') ?? false).toBe(listed.length > 0);
      expect(items.length).toBeGreaterThanOrEqual(listed.length);
    });
});
