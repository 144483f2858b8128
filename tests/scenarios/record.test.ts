// The documented record, encoded: each test states one fact from the sources (its source ids in the name) and
// checks that the shipped scenarios reproduce it — who accepts or rejects, and which red line or rule breaks.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Evaluation,
  evaluateDocument,
  evaluatePackage,
  findDocument,
} from '../../src/domain/evaluate.ts';
import type { Scenario } from '../../src/domain/types.ts';
import { loadScenario, loadScenarioFile } from '../../src/scenario/load.ts';
import { formatError } from '../../src/scenario/located.ts';
import { ROOT } from '../helpers.ts';

const load = (id: string) => loadScenarioFile(resolve(ROOT, 'scenarios', `${id}.yaml`));
const main = load('ukraine-peace');

function verdict(ev: Evaluation, actor: string) {
  const v = ev.verdicts.find((x) => x.actor === actor);
  if (!v) throw new Error(`no actor ${actor}`);
  return v;
}

/** The ids of the red lines of `actor` that document `doc` breaks. */
function broken(s: Scenario, doc: string, actor: string): string[] {
  return verdict(evaluateDocument(s, doc), actor).violations.map((v) => v.redLine);
}

/** A document's package with some issues changed: `{ donetsk: 'contact-line', 'army-cap': 85000 }`. */
function variantOf(s: Scenario, doc: string, changes: Record<string, string | number>): Int32Array {
  const pkg = Int32Array.from(findDocument(s, doc)!.package);
  for (const [issueId, value] of Object.entries(changes)) {
    const i = s.issueIndex.get(issueId)!;
    const o = s.issues[i]!.options.findIndex((x) =>
      typeof value === 'number' ? x.value === value : x.id === value,
    );
    if (o < 0) throw new Error(`no option ${value} on ${issueId}`);
    pkg[i] = o;
  }
  return pkg;
}

describe('the shipped scenarios', () => {
  const files = readdirSync(resolve(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

  it('should include the default and the five scenarios of the sourced data', () => {
    for (const id of [
      'ukraine-peace',
      'istanbul-2022',
      'june-2024-terms',
      'security-triangle',
      '28-point-path',
    ]) {
      expect(files).toContain(`${id}.yaml`);
    }
    expect(files).toContain('divide-the-surplus.yaml');
  });

  it.each(files)('should load %s without errors', (file) => {
    const r = loadScenario(resolve(ROOT, 'scenarios', file));
    expect(r.ok ? [] : r.errors.map(formatError)).toEqual([]);
  });

  it('should keep the teaching scenarios built on the default, not copied from it', () => {
    for (const id of ['istanbul-2022', 'june-2024-terms', 'security-triangle', '28-point-path']) {
      const s = load(id);
      // every issue and document of a teaching scenario is the default's, with the same options
      for (const issue of s.issues) {
        const base = main.issues[main.issueIndex.get(issue.id)!]!;
        expect(issue.label).toBe(base.label);
        if (base.kind === 'discrete')
          expect(issue.options.map((o) => o.id)).toEqual(base.options.map((o) => o.id));
      }
      for (const d of s.documents) expect(main.documents.map((x) => x.id)).toContain(d.id);
      expect(s.fixedIssues.length).toBeGreaterThan(0);
    }
  });
});

describe('the record in ukraine-peace', () => {
  it('Ukraine rejects Putin’s June 2024 terms: no withdrawal from territory it holds (s52, s53, s125)', () => {
    const v = verdict(evaluateDocument(main, 'putin-june-2024'), 'ukraine');
    expect(v.accepts).toBe(false);
    expect(v.violations.map((x) => x.redLine)).toEqual(
      expect.arrayContaining(['no-withdrawal', 'no-legal-recognition']),
    );
  });

  it('Ukraine rejects Russia’s Istanbul 2022 cap of 85,000 troops: army-floor (s88, s92)', () => {
    expect(broken(main, 'istanbul-2022-russia', 'ukraine')).toContain('army-floor');
    // the cap alone is enough: the 20-point text with 85,000 instead of 800,000 breaks exactly that red line
    const capped = evaluatePackage(main, variantOf(main, 'us-ukraine-20-point', { 'army-cap': 85000 }));
    expect(verdict(capped, 'ukraine').violations.map((x) => x.redLine)).toEqual(['army-floor']);
    // while Ukraine's own 2022 figure passes it
    const own = evaluatePackage(main, variantOf(main, 'us-ukraine-20-point', { 'army-cap': 250000 }));
    expect(verdict(own, 'ukraine').violations).toEqual([]);
  });

  it('Russia rejects the coalition of the willing’s reassurance force: no foreign troops (s61, s104)', () => {
    const v = verdict(evaluateDocument(main, 'coalition-reassurance-force'), 'russia');
    expect(v.accepts).toBe(false);
    expect(v.violations.map((x) => x.redLine)).toContain('no-foreign-troops');
  });

  it('Ukraine rejects the original 28-point plan as written: withdrawal from its part of Donetsk (s3, s5, s118)', () => {
    const ev = evaluateDocument(main, 'us-28-point-plan');
    expect(verdict(ev, 'ukraine').accepts).toBe(false);
    expect(broken(main, 'us-28-point-plan', 'ukraine')).toEqual(['no-withdrawal']);
    expect(ev.agreement).toBe(false);
    // keeping the line in Donetsk clears every Ukrainian red line
    const kept = evaluatePackage(main, variantOf(main, 'us-28-point-plan', { donetsk: 'contact-line' }));
    expect(verdict(kept, 'ukraine').violations).toEqual([]);
  });

  it('the 28-point plan breaks none of Russia’s red lines — Putin: it “could form the basis” (s120)', () => {
    const v = verdict(evaluateDocument(main, 'us-28-point-plan'), 'russia');
    expect(v.violations).toEqual([]);
    expect(v.accepts).toBe(true);
  });

  it('Russia rejects the E3 counter-proposal: Ukraine keeps its NATO path (s37, s40, s45)', () => {
    const v = verdict(evaluateDocument(main, 'e3-counterproposal'), 'russia');
    expect(v.accepts).toBe(false);
    expect(v.violations.map((x) => x.redLine)).toContain('no-nato');
  });

  it('the 20-point text breaks none of Ukraine’s red lines — Zelensky presented it (s27, s29, s35)', () => {
    const v = verdict(evaluateDocument(main, 'us-ukraine-20-point'), 'ukraine');
    expect(v.violations).toEqual([]);
    expect(v.accepts).toBe(true);
  });

  it('the revisions clear Ukraine’s red line: 28 points → Geneva → 20 points (s3, s21, s29)', () => {
    expect(broken(main, 'us-28-point-plan', 'ukraine')).toEqual(['no-withdrawal']);
    expect(broken(main, 'geneva-framework', 'ukraine')).toEqual(['no-withdrawal']); // territory bracketed (s21)
    expect(broken(main, 'us-ukraine-20-point', 'ukraine')).toEqual([]);
    // …and open Russia's: the 20-point text drops the renunciation of NATO (s29, s35)
    expect(broken(main, 'us-28-point-plan', 'russia')).toEqual([]);
    expect(broken(main, 'us-ukraine-20-point', 'russia')).toContain('no-nato');
  });

  it('Ukraine rejects both routes of Russia’s 2025 memorandum: withdrawal and legal recognition (s104, s106, s124)', () => {
    for (const doc of ['russia-memorandum-2025', 'russia-memorandum-2025-route-2']) {
      expect(broken(main, doc, 'ukraine')).toEqual(
        expect.arrayContaining(['no-withdrawal', 'no-legal-recognition']),
      );
    }
    // the two routes differ only in the ceasefire sequencing
    const r1 = findDocument(main, 'russia-memorandum-2025')!.package;
    const r2 = findDocument(main, 'russia-memorandum-2025-route-2')!.package;
    const differ = main.issues.filter((i) => r1[i.index] !== r2[i.index]).map((i) => i.id);
    expect(differ).toEqual(['ceasefire']);
  });

  it('Ukraine refuses to cede Donetsk after Alaska (s115, s118)', () => {
    expect(broken(main, 'alaska-2025-russia', 'ukraine')).toContain('no-withdrawal');
  });

  it('Russia rejects Ukraine’s peace formula — Lavrov: “unrealistic” (s123, s137)', () => {
    expect(broken(main, 'ukraine-peace-formula', 'russia')).toContain('keep-annexed-regions');
  });

  it('the US rejects a return to pre-2014 borders, an “unrealistic objective” (s61, s62)', () => {
    expect(broken(main, 'ukraine-peace-formula', 'us')).toEqual(['no-pre-2014-borders']);
  });

  it('no US troops in Ukraine (Hegseth, s61): a package with US troops breaks the US red line', () => {
    const pkg = variantOf(main, 'coalition-reassurance-force', { 'us-backstop': 'us-troops' });
    expect(verdict(evaluatePackage(main, pkg), 'us').violations.map((x) => x.redLine)).toEqual([
      'no-us-troops',
    ]);
    expect(broken(main, 'coalition-reassurance-force', 'us')).toEqual([]);
  });

  it('the coalition force needs a US backstop (s72, s74); Hegseth’s shape offers none (s61)', () => {
    const rules = (ev: Evaluation) => ev.ruleViolations.map((r) => r.redLine);
    expect(rules(evaluateDocument(main, 'coalition-reassurance-force'))).toEqual([]);
    const noBackstop = variantOf(main, 'coalition-reassurance-force', { 'us-backstop': 'none' });
    expect(rules(evaluatePackage(main, noBackstop))).toEqual(['coalition-needs-us-backstop']);
    expect(rules(evaluateDocument(main, 'hegseth-2025'))).toContain('coalition-needs-us-backstop');
  });

  it('permanent neutrality excludes a NATO path (s83, s95)', () => {
    const pkg = variantOf(main, 'us-ukraine-20-point', { neutrality: 'permanent' });
    expect(evaluatePackage(main, pkg).ruleViolations.map((r) => r.redLine)).toContain(
      'neutrality-excludes-nato',
    );
  });

  it('Europe countered the 28-point plan: its NATO bar and recognition (s36, s37, s40)', () => {
    expect(broken(main, 'us-28-point-plan', 'europe')).toEqual([
      'nato-decides-its-members',
      'no-recognition-of-annexation',
    ]);
    expect(verdict(evaluateDocument(main, 'e3-counterproposal'), 'europe').accepts).toBe(true);
  });

  it('each side’s own maximal texts break none of its own red lines (s52, s104, s117, s123)', () => {
    for (const doc of [
      'putin-june-2024',
      'russia-memorandum-2025',
      'russia-memorandum-2025-route-2',
      'alaska-2025-russia',
    ])
      expect(broken(main, doc, 'russia')).toEqual([]);
    for (const doc of ['ukraine-peace-formula', 'istanbul-2022-ukraine', 'us-ukraine-20-point'])
      expect(broken(main, doc, 'ukraine')).toEqual([]);
  });

  it('needs Europe’s consent to lift sanctions or move the frozen assets (the EU holds them)', () => {
    expect(evaluateDocument(main, 'us-28-point-plan').required).toEqual(
      expect.arrayContaining(['russia', 'ukraine', 'us', 'europe']),
    );
    // Alaska moves nothing Europe or the US controls (issues it does not address stay at the status quo)
    expect(evaluateDocument(main, 'alaska-2025-russia').required).not.toContain('us');
  });
});

describe('contested facts keep every version with its source', () => {
  const term = (doc: string, issue: string) => {
    const d = findDocument(main, doc)!;
    return d.terms.find((t) => t.issue === main.issueIndex.get(issue))!;
  };
  const value = (issue: string, option: number) =>
    main.issues[main.issueIndex.get(issue)!]!.options[option]!.value;

  it('Istanbul 2022: 85,000 against 250,000, with the 50,000, 75,000 and 100,000 reports (s88, s92, s99, s97)', () => {
    const ru = term('istanbul-2022-russia', 'army-cap');
    expect(value('army-cap', ru.option)).toBe(85000);
    expect(ru.sources).toEqual(expect.arrayContaining(['s88', 's92']));
    const variants = Object.fromEntries(ru.variants.map((v) => [value('army-cap', v.option), v]));
    expect(
      Object.keys(variants)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([50000, 75000, 100000]);
    expect(variants[50000]!.sources).toContain('s99');
    expect(variants[75000]!).toMatchObject({ confirmed: false, sources: ['roberts-2025'] });
    expect(variants[100000]!).toMatchObject({ confirmed: false, sources: ['s97'] });
    expect(value('army-cap', term('istanbul-2022-ukraine', 'army-cap').option)).toBe(250000);
  });

  it('the unpublished Geneva text is flagged unconfirmed (UNCONFIRMED in the research notes)', () => {
    expect(findDocument(main, 'geneva-framework')!.confirmed).toBe(false);
    expect(term('geneva-framework', 'amnesty').confirmed).toBe(true); // reported dropped (s20)
    expect(term('geneva-framework', 'sanctions').confirmed).toBe(false); // carried over, not reported
  });

  it('the UN Security Council endorsement of Russia’s memorandum is a RECALL item', () => {
    const p = findDocument(main, 'russia-memorandum-2025')!.points.find((x) => x.n === 'III-unsc')!;
    expect(p).toMatchObject({ recall: true, confirmed: false });
  });
});

describe('the teaching scenarios', () => {
  it('istanbul-2022: Ukraine rejects the Russian cap, Russia rejects a guarantee it cannot veto (s88, s89, s90)', () => {
    const s = load('istanbul-2022');
    expect(s.actors.map((a) => a.id)).toEqual(['russia', 'ukraine']);
    expect(s.protocol.mediator).toBeUndefined();
    expect(broken(s, 'istanbul-2022-russia', 'ukraine')).toContain('army-floor');
    expect(broken(s, 'istanbul-2022-ukraine', 'russia')).toEqual(['guarantor-veto']);
  });

  it('june-2024-terms: Putin’s terms break Ukraine’s red lines, the formula breaks Russia’s (s52, s55, s137)', () => {
    const s = load('june-2024-terms');
    expect(s.protocol.opening).toBe('putin-june-2024');
    expect(broken(s, 'putin-june-2024', 'ukraine')).toEqual(
      expect.arrayContaining(['no-withdrawal', 'no-legal-recognition']),
    );
    expect(broken(s, 'ukraine-peace-formula', 'russia')).toContain('keep-annexed-regions');
  });

  it('security-triangle: the force needs a backstop, the US sends no troops, Russia takes no foreign troops (s61, s72, s104)', () => {
    const s = load('security-triangle');
    const coalition = evaluateDocument(s, 'coalition-reassurance-force');
    expect(coalition.ruleViolations).toEqual([]);
    expect(verdict(coalition, 'russia').violations.map((x) => x.redLine)).toContain('no-foreign-troops');
    // the red line reads foreign troops alone, so no package with the reassurance force can satisfy it
    const ft = s.issueIndex.get('foreign-troops')!;
    const force = s.issues[ft]!.options.findIndex((o) => o.id === 'reassurance-force');
    const russia = s.actors[s.actorIndex.get('russia')!]!;
    expect(russia.redLines.find((r) => r.id === 'no-foreign-troops')!.scope).toEqual([ft]);
    const pkg = Int32Array.from(findDocument(s, 'coalition-reassurance-force')!.package);
    pkg[ft] = force;
    expect(verdict(evaluatePackage(s, pkg), 'russia').accepts).toBe(false);
  });

  it('28-point-path: the mediator tables Geneva in round 2 and the 20-point text in round 3 (s20, s27)', () => {
    const s = load('28-point-path');
    expect(s.protocol).toMatchObject({ kind: 'mediated-single-text', opening: 'us-28-point-plan' });
    const tabled = s.events
      .filter((e) => 'round' in e.trigger)
      .map((e) => [
        (e.trigger as { round: number }).round,
        e.effects.map((x) => ('document' in x ? x.document : '')),
      ]);
    expect(tabled).toEqual([
      [2, ['geneva-framework']],
      [3, ['us-ukraine-20-point']],
    ]);
    expect(broken(s, 'us-28-point-plan', 'ukraine')).toEqual(['no-withdrawal']);
    expect(broken(s, 'us-ukraine-20-point', 'ukraine')).toEqual([]);
  });

  it('divide-the-surplus: the Nash split over the grid is (1 + d1 − d2)/2 = 0.55', () => {
    const s = load('divide-the-surplus');
    const [a, b] = s.actors;
    expect([a!.reservation.value, b!.reservation.value]).toEqual([0.2, 0.1]);
    let best = -1;
    let arg = -1;
    s.issues[0]!.options.forEach((o, k) => {
      const [ua, ub] = evaluatePackage(s, [k]).verdicts.map((v) => v.utility);
      expect(ua! + ub!).toBeCloseTo(1, 12);
      const product = (ua! - 0.2) * (ub! - 0.1);
      if (ua! >= 0.2 && ub! >= 0.1 && product > best) {
        best = product;
        arg = o.value!;
      }
    });
    expect(arg).toBeCloseTo(0.55, 12);
    expect(s.issues[0]!.options).toHaveLength(101);
  });
});
