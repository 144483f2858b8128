// Contested datings keep every version: where the words of a dated position are stated but its strictness or its
// dating is the model's inference, the inference is a reading of its own, which `peacesim hinges` reverses — Kyiv's
// red line without a referendum exception before 23 Dec 2025 (the 20-point text read out), Moscow's refusal of a ceasefire for a referendum
// before 12 Dec 2025. Each is computed here as the hinge of the verdict it decides, on the shipped scenarios.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verdictHinges } from '../../src/analysis/hinges.ts';
import { findDocument } from '../../src/domain/lookup.ts';
import type { NegotiationDocument, Scenario } from '../../src/domain/types.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';
import { cli, ROOT } from '../helpers.ts';

const load = (file: string) => loadScenarioFile(resolve(ROOT, file));
const main = load('scenarios/ukraine-peace.yaml');
const KYIV_READING = 'epoch:ukraine:ukraine-before-referendum-offer';
const MOSCOW_READING = 'epoch:russia:russia-before-referendum-refusal';

/** The document with some issues set to other options, by id, keeping its own date. */
function withTerms(s: Scenario, id: string, terms: Record<string, string>): NegotiationDocument {
  const doc = findDocument(s, id)!;
  const pkg = Int32Array.from(doc.package);
  for (const [issue, option] of Object.entries(terms)) {
    const i = s.issueIndex.get(issue)!;
    const o = s.issues[i]!.options.findIndex((x) => x.id === option);
    expect(o, `${issue}=${option}`).toBeGreaterThanOrEqual(0);
    pkg[i] = o;
  }
  return { ...doc, package: pkg };
}

/** The document with each issue at the variant its own terms record (the text's other reported wording). */
function recordedVariant(s: Scenario, id: string, issues: readonly string[]): NegotiationDocument {
  const doc = findDocument(s, id)!;
  const pkg = Int32Array.from(doc.package);
  for (const issue of issues) {
    const term = doc.terms.find((t) => t.issue === s.issueIndex.get(issue))!;
    expect(term.variants.length, `${id}: a variant of ${issue}`).toBeGreaterThan(0);
    pkg[term.issue] = term.variants[0]!.option;
  }
  return { ...doc, package: pkg };
}

const hingesOf = (s: Scenario, actor: string, doc: NegotiationDocument) =>
  verdictHinges(s, s.actorIndex.get(actor)!, doc, undefined);

describe("Kyiv's red line before the 20-point text: the words stated, the strictness a reading", () => {
  it('keeps the stated words an unreversible position and makes the strictness the reversible item', () => {
    const ukraine = main.actors[main.actorIndex.get('ukraine')!]!;
    const epoch = (id: string) => ukraine.epochs.find((e) => e.id === id)!;
    expect(epoch('ukraine-before-20-point-text').basis).toBe('stated');
    expect(epoch('ukraine-before-20-point-text').addRedLines.map((r) => [r.id, r.basis])).toEqual([
      ['no-withdrawal', 'stated'],
    ]);
    expect(epoch('ukraine-before-referendum-offer').basis).toBe('reading');
    expect(epoch('ukraine-before-referendum-offer').addRedLines.map((r) => [r.id, r.basis])).toEqual([
      ['no-withdrawal-at-all', 'reading'],
    ]);
    // the two hold over the same span: dropping the reading leaves the stated words to judge its dates
    expect(epoch('ukraine-before-20-point-text').until).toBe(epoch('ukraine-before-referendum-offer').until);
  });

  it('ends the day Kyiv read out the 20-point text: its own text, even as its variant reads (a free economic zone under a referendum ceasefire), is judged by the red line it states, and the reading is no item of it', () => {
    const ukraine = main.actors[main.actorIndex.get('ukraine')!]!;
    const doc = findDocument(main, 'us-ukraine-20-point')!;
    expect(ukraine.epochs.find((e) => e.id === 'ukraine-before-referendum-offer')!.until).toBe(doc.date);
    for (const d of [recordedVariant(main, 'us-ukraine-20-point', ['donetsk', 'ceasefire']), doc]) {
      const v = hingesOf(main, 'ukraine', d);
      expect(v.items.map((x) => x.id)).not.toContain(KYIV_READING);
      expect(v.hinges.flat()).not.toContain(KYIV_READING);
    }
    // the day before, the same variant breaks the reading alone: that is where the reading decides
    const dayBefore = {
      ...recordedVariant(main, 'us-ukraine-20-point', ['donetsk', 'ceasefire']),
      date: '2025-12-22',
    };
    const before = hingesOf(main, 'ukraine', dayBefore);
    expect(before.accepts).toBe(false);
    expect(before.hinges).toContainEqual([KYIV_READING]);
  });

  it('treats the two sides alike: on the 28-point plan with a referendum ceasefire each verdict rests on its own dated reading', () => {
    const doc = withTerms(main, 'us-28-point-plan', { ceasefire: 'referendum-truce' });
    const kyiv = hingesOf(main, 'ukraine', doc);
    const moscow = hingesOf(main, 'russia', doc);
    expect([kyiv.accepts, moscow.accepts]).toEqual([false, true]);
    expect(kyiv.hinges).toContainEqual([KYIV_READING]);
    expect(moscow.hinges).toContainEqual([MOSCOW_READING]);
    // as written (no vote) the plan breaks Kyiv's stated words too, so the reading is no hinge there
    const plain = hingesOf(main, 'ukraine', findDocument(main, 'us-28-point-plan')!);
    expect(plain.accepts).toBe(false);
    expect(plain.hinges.flat()).not.toContain(KYIV_READING);
  });

  it('runs the other reading of each side from the docs examples: the epoch dropped flips that side alone', () => {
    const doc = (s: Scenario) => withTerms(s, 'us-28-point-plan', { ceasefire: 'referendum-truce' });
    const verdicts = (s: Scenario) => ['ukraine', 'russia'].map((a) => hingesOf(s, a, doc(s)).accepts);
    expect(verdicts(main)).toEqual([false, true]);
    expect(verdicts(load('docs/examples/referendum-exception-from-2022.yaml'))).toEqual([true, true]);
    expect(verdicts(load('docs/examples/refusal-held-earlier.yaml'))).toEqual([false, false]);
  });
});

describe('the historical scenarios hold the strictness as a reversible reading', () => {
  it.each(['istanbul-2022', 'june-2024-terms', 'security-triangle'])('%s', (id) => {
    const s = load(`scenarios/${id}.yaml`);
    const ukraine = s.actors[s.actorIndex.get('ukraine')!]!;
    const basis = Object.fromEntries(ukraine.redLines.map((r) => [r.id, r.basis]));
    expect(basis['withdrawal-only-by-referendum']).toBe('stated');
    expect(basis['no-withdrawal-at-all']).toBe('reading');
  });

  it('june-2024-terms: the run signs, and falls short of the referendum, once the reading is reversed with one other choice', () => {
    const r = cli(['hinges', 'june-2024-terms', '--max-size', '2', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      outcome: { outcome: string; hinges: { items: string[]; outcome: string }[] };
    };
    expect(report.outcome.outcome).toBe('stalemate');
    const withReading = report.outcome.hinges.filter((h) =>
      h.items.includes('red-line:ukraine:no-withdrawal-at-all'),
    );
    expect(withReading.length).toBeGreaterThan(0);
    for (const h of withReading) {
      expect(h.items).toHaveLength(2);
      expect(h.outcome).toBe('signed-unratified');
    }
  });
});

// An epoch — or what it adds or overrides — that says the model reads or infers its content is not labelled stated.
describe('no dated position labelled stated says it is a reading', () => {
  const saysItReads = /\b(?:the )?(?:model|modeller)(?:'s)? (?:reads|infers|reading|inference)\b/i;
  const files = readdirSync(resolve(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
  it.each(files)('%s', (file) => {
    const s = load(`scenarios/${file}`);
    const found: string[] = [];
    for (const a of s.actors)
      for (const e of a.epochs) {
        const check = (what: string, basis: string, ...texts: (string | undefined)[]) => {
          if (basis === 'stated' && texts.some((t) => t !== undefined && saysItReads.test(t)))
            found.push(`${a.id}:${e.id}${what}`);
        };
        check('', e.basis, e.rationale, e.note);
        for (const r of e.addRedLines) check(` adds ${r.id}`, r.basis, r.rationale, r.note);
        for (const o of e.preferences)
          check(` sets ${s.issues[o.issue]!.id}`, o.basis ?? e.basis, o.rationale);
        if (e.reservation)
          check(' sets the reservation', e.reservation.basis ?? e.basis, e.reservation.rationale);
      }
    expect(found).toEqual([]);
  });
});
