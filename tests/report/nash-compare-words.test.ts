// The report's paragraph on the Nash solution says on how many terms it differs from the text compared, as the
// comparison counts them — and, when it differs on none, that it is that text ("on 0 terms" said nothing).
import { describe, expect, it } from 'vitest';
import { analyzeAcceptable } from '../../src/analysis/acceptable.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { statusQuoPackage } from '../../src/domain/utility.ts';
import { termSheet } from '../../src/engine/terms.ts';
import { compareWithNash, comparisonIntro } from '../../src/report/nash-compare.ts';

describe('the Nash comparison in words', () => {
  it('should count the terms that differ, and call the Nash text itself by name', () => {
    const s = openScenario('tutorial-bilateral');
    const nash = analyzeAcceptable(s).solutions.nash!;
    const same = compareWithNash(s, termSheet(s, nash.pkg));
    if (same.kind !== 'nash') throw new Error(same.kind);
    expect(same.differ).toHaveLength(0);
    for (const agreed of [true, false]) {
      const words = comparisonIntro(same, agreed);
      expect(words).toContain(`It is ${agreed ? 'the agreed text' : 'the last text on the table'} itself.`);
      expect(words).not.toMatch(/on 0 terms/);
    }
    const other = compareWithNash(s, termSheet(s, statusQuoPackage(s)));
    if (other.kind !== 'nash') throw new Error(other.kind);
    const n = other.differ.length;
    expect(n).toBeGreaterThan(0);
    expect(comparisonIntro(other, true)).toContain(
      `differs from the agreed text on ${n} term${n === 1 ? '' : 's'}.`,
    );
  });
});
