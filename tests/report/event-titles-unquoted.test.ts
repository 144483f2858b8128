// An event's title is the modeller's label for what happened, not anyone's words: the report (its timeline, its
// outcome and its debrief questions) never puts one in quotation marks, which would read as a quotation. Checked on
// every golden session's report, against the event titles of its own scenario.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nestedQuotes } from '../../src/domain/text.ts';
import { GOLDEN_CASES } from './golden/cases.ts';
import { GOLDEN_DIR, goldenScenario } from './golden/frozen.ts';

describe('event titles in the after-action report', () => {
  it('should be tested on sessions whose scenario has events', () => {
    expect(GOLDEN_CASES.some((c) => goldenScenario(c.scenario).events.length > 0)).toBe(true);
  });
  for (const c of GOLDEN_CASES)
    it(`${c.name}: no event title in quotation marks`, () => {
      const titles = goldenScenario(c.scenario).events.map((e) => nestedQuotes(e.title));
      for (const suffix of ['report.md', 'report.html']) {
        const text = readFileSync(join(GOLDEN_DIR, 'out', `${c.name}.${suffix}`), 'utf8')
          .replaceAll('&quot;', '"')
          .replaceAll('&#39;', "'");
        for (const t of titles) expect(text, `${c.name}.${suffix}`).not.toContain(`"${t}"`);
      }
    });
});
