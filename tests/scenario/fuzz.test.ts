// The loader's contract under hostile input, with fixed seeds: a valid scenario with no control character left,
// or located one-line errors; never a throw, never a hang (each case has a time budget, enforced by a watchdog
// that kills the process running it), never an abort. Every shipped scenario is a seed. The long run is
// `npm run fuzz` (fuzz-main.ts).
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/types.ts';
import { CATEGORIES, type Category, caseAt, checkCase, SHIPPED_COUNT } from './fuzz-cases.ts';
import { runFuzz } from './fuzz-runner.ts';

const SEED = 20_261_204;
/** generous: a case takes milliseconds; the machine may be shared */
const CASE_BUDGET_MS = 15_000;

describe('loader under hostile input (fixed seed)', () => {
  it('should meet the contract on every category of case, each within its time budget', async () => {
    const plan = Object.fromEntries(Object.keys(CATEGORIES).map((c) => [c, 80])) as Record<Category, number>;
    const report = await runFuzz(plan, SEED, CASE_BUDGET_MS);
    const shown = report.findings.map(
      (f) =>
        `${f.kind} ${f.category} case ${f.i} (seed ${f.seed}; npm run fuzz -- --replay ${f.category}:${f.seed}:${f.i}): ${f.message}`,
    );
    expect(shown).toEqual([]);
    expect(report.cases).toBe(80 * Object.keys(CATEGORIES).length);
  }, 600_000);

  it('should draw its mutations from every shipped scenario', () => {
    const entries = new Set<string>();
    for (let i = 0; i < 300; i++) entries.add(caseAt('mutated', SEED, i).entry);
    expect(entries.size).toBe(SHIPPED_COUNT);
  });

  it('should generate the hostile characters the contract is about', () => {
    const texts = Array.from({ length: 200 }, (_, i) => caseAt('random', SEED, i).files['/mem/random.yaml']!);
    // ESC, C1, bidi override, NUL and newline all occur among the generated texts
    for (const c of ['\u001b', '\u009b', '\u202e', '\u0000', '\n'])
      expect(texts.some((t) => t.includes(c))).toBe(true);
  });

  it('should catch a loader that breaks the contract (the check can fail)', () => {
    const c = { entry: '/mem/x.yaml', files: { '/mem/x.yaml': 'id: x\n' } };
    const error = { file: '/mem/x.yaml', line: 1, col: 1, path: '' };
    const fake = (message: string) => () => ({ ok: false as const, errors: [{ ...error, message }] });
    expect(checkCase(c, fake('fine'))).toBe(null);
    expect(checkCase(c, fake(''))).toMatch(/empty message/);
    const kept = { issues: [{ id: 'a', label: 'A \u001b]0;pwned\u0007' }] } as unknown as Scenario;
    expect(checkCase(c, () => ({ ok: true as const, scenario: kept, warnings: [] }))).toMatch(
      /control character kept/,
    );
    expect(checkCase(c, () => ({ ok: false as const, errors: [] }))).toMatch(/without an error/);
  });
});
