// The durability estimate where users look: analyze (text, JSON, CSV), whatif and show — every number checked
// against durabilityOf on the same package, never against a copied string.
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario, shippedIds } from '../../src/cli/scenarios.ts';
import { durabilityOf } from '../../src/domain/durability.ts';
import type { Scenario } from '../../src/domain/types.ts';

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** Package terms as the JSON writes them (option ids, numbers for numeric issues) back to option indices. */
function indices(s: Scenario, terms: Record<string, string | number>): number[] {
  return s.issues.map((x) => {
    const o = x.options.findIndex((opt) => (x.kind === 'numeric' ? opt.value : opt.id) === terms[x.id]);
    expect(o).toBeGreaterThanOrEqual(0);
    return o;
  });
}

/** What the JSON holds: the estimate as durabilityOf gives it, or null. */
const asJson = (d: ReturnType<typeof durabilityOf>) => JSON.parse(JSON.stringify(d));

describe('analyze: durability of documents and solutions', () => {
  for (const id of shippedIds())
    it(`should equal durabilityOf on every package of ${id}`, async () => {
      const s = openScenario(id);
      const r = await cli('analyze', id, '--json');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      expect(j.documents).toHaveLength(s.documents.length);
      for (const d of s.documents) {
        const got = j.documents.find((x: { id: string }) => x.id === d.id).durability;
        expect(got).toEqual(asJson(durabilityOf(s, d.package)));
        if (!s.durability) expect(got).toBeNull();
      }
      for (const sol of Object.values(j.solutions) as ({
        package: Record<string, string | number>;
        durability: unknown;
      } | null)[]) {
        if (sol === null) continue;
        expect(sol.durability).toEqual(asJson(durabilityOf(s, indices(s, sol.package))));
      }
    });

  it('should have no estimate for the tutorial, which states no durability section', async () => {
    expect(openScenario('tutorial-bilateral').durability).toBeUndefined();
    const j = JSON.parse((await cli('analyze', 'tutorial-bilateral', '--json')).out);
    for (const d of j.documents) expect(d.durability).toBeNull();
    for (const sol of Object.values(j.solutions))
      expect((sol as { durability: unknown }).durability).toBeNull();
    const text = (await cli('analyze', 'tutorial-bilateral')).out;
    expect(text).not.toContain('durability');
  });

  it('should print each estimate in the text, with its factors and labelled as an assumption', async () => {
    const s = openScenario('ukraine-peace');
    const text = (await cli('analyze', 'ukraine-peace')).out;
    expect(text).toContain('an assumption of the scenario, not a forecast');
    for (const d of s.documents) {
      const est = durabilityOf(s, d.package)!;
      // the document by its title and its handle; the factors by their labels, never their ids
      const block = text.slice(text.indexOf(`  ${d.title} (`));
      expect(block.split('\n')[0]).toContain(`--document ${d.id})`);
      const line = block.split('\n')[1]!;
      expect(line).toMatch(
        new RegExp(`^ {4}durability ${est.value.toFixed(2)} \\(base ${est.base.toFixed(2)}`),
      );
      for (const f of est.factors) {
        const label = s.durability!.factors.find((x) => x.id === f.id)!.label;
        expect(line.includes(` ${label} `)).toBe(f.holds && f.shift !== 0);
      }
    }
  });
});

describe('whatif: durability before and after', () => {
  it('should show the estimate move and the factor a single change switches on', async () => {
    const s = openScenario('ukraine-peace');
    const doc = s.documents.find((d) => d.id === 'us-final-offer-2025')!;
    const issue = s.issueIndex.get('monitoring')!;
    const after = [...doc.package];
    after[issue] = s.issues[issue]!.options.findIndex((o) => o.id === 'us-led');
    const d0 = durabilityOf(s, doc.package)!;
    const d1 = durabilityOf(s, after)!;
    const switched = d1.factors.filter((f, k) => f.holds !== d0.factors[k]!.holds);
    // the one factor with no mirror (every side proposes monitoring): paired factors switch in pairs and cancel
    expect(switched.map((f) => f.id)).toEqual(['monitoring']);

    const argv = ['whatif', 'ukraine-peace', '--document', doc.id, '--set', 'monitoring=us-led'];
    const j = JSON.parse((await cli(...argv, '--json')).out);
    expect(j.durability.before).toEqual(asJson(d0));
    expect(j.durability.after).toEqual(asJson(d1));
    expect(j.durability.switched).toEqual(
      switched.map((f) => ({
        id: f.id,
        label: s.durability!.factors.find((x) => x.id === f.id)!.label,
        shift: f.shift,
        basis: f.basis,
        before: false,
        after: true,
      })),
    );
    const text = (await cli(...argv)).out;
    expect(text).toContain(`Durability: ${d0.value.toFixed(2)} → ${d1.value.toFixed(2)}`);
    const label = s.durability!.factors.find((f) => f.id === 'monitoring')!.label;
    expect(text).toContain(`switched on   +0.05  ${label}`);
  });

  it('should say unchanged when no factor switches, and null for a scenario without a section', async () => {
    const s = openScenario('ukraine-peace');
    const same = await cli(
      'whatif',
      'ukraine-peace',
      '--document',
      'us-28-point-plan',
      '--set',
      'army-cap=700k',
    );
    const d = durabilityOf(s, s.documents.find((x) => x.id === 'us-28-point-plan')!.package)!;
    expect(same.out).toContain(`Durability: ${d.value.toFixed(2)} (unchanged)`);
    const tut = [
      'whatif',
      'tutorial-bilateral',
      '--document',
      'mediator-text',
      '--set',
      'guarantee=art5-like',
    ];
    expect(JSON.parse((await cli(...tut, '--json')).out).durability).toBeNull();
    expect((await cli(...tut)).out).not.toContain('Durability');
  });
});

describe('show: one durability line per document', () => {
  it('should follow each document’s verdicts with its estimate, only when the scenario states one', async () => {
    const s = openScenario('ukraine-peace');
    const lines = (await cli('show', 'ukraine-peace')).out.split('\n');
    for (const d of s.documents) {
      const at = lines.findIndex((l) => l.startsWith(`  ${d.title} (`));
      expect(lines[at + 1]).toMatch(/^ {4}(no )?agreement: /);
      // after the line on what the verdicts judge and the lines of its contested terms, if any
      const must =
        at +
        2 +
        lines
          .slice(at + 2)
          .findIndex((l) => !l.startsWith('    contested term: ') && !l.startsWith('    judged on '));
      expect(lines[must]).toMatch(/^ {4}must accept: /);
      // after the rules the text breaks, if any
      const rules = lines.slice(must + 1).findIndex((l) => !l.startsWith('    breaks a rule: '));
      expect(lines[must + 1 + rules]).toBe(
        `    estimated durability ${durabilityOf(s, d.package)!.value.toFixed(2)} if signed — an assumption of the scenario, not a forecast`,
      );
    }
    expect((await cli('show', 'tutorial-bilateral')).out).not.toContain('durability');
  });
});
