// Golden outputs: every painter of the narration and the reports, on frozen runs of frozen scenarios, byte for byte
// (tests/fixtures/golden/). They were recorded before the narration became one module, to prove that refactor
// changed no word; since then they change only with a deliberate change of words, in its own commit
// (`GOLDEN_UPDATE=1 npx vitest run tests/report/golden.test.ts` rewrites them; the diff is the review).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES, GOLDEN_SCENARIOS } from './golden/cases.ts';
import { GOLDEN_DIR } from './golden/frozen.ts';
import { type Painted, paintBriefing, paintRun } from './golden/paint.ts';

const UPDATING = process.env.GOLDEN_UPDATE === '1';

function matches(base: string, painted: Painted) {
  for (const [suffix, text] of Object.entries(painted)) {
    const file = join(GOLDEN_DIR, 'out', `${base}.${suffix}`);
    if (UPDATING) {
      mkdirSync(join(GOLDEN_DIR, 'out'), { recursive: true });
      writeFileSync(file, text);
    }
    expect(existsSync(file), `${file} is missing`).toBe(true);
    expect(text, file).toBe(readFileSync(file, 'utf8'));
    // a sentence's full stop is never followed by a semicolon ('membership.; West's'): a list of sentences
    // joined as if they were phrases
    expect(text.match(/\.;/g) ?? [], file).toEqual([]);
  }
}

describe('golden outputs of the narration and the reports', () => {
  for (const c of GOLDEN_CASES)
    it(`${c.name}: run words (plain and ANSI), play screen (both views), report (markdown and HTML)`, () => {
      matches(c.name, paintRun(c));
    });
  for (const file of GOLDEN_SCENARIOS)
    it(`${file}: briefing cards (markdown and HTML)`, () => {
      matches(file.replace(/\.yaml$/, ''), paintBriefing(file));
    });
});
