// Every shipped scenario says what each modelling choice rests on (issue 7): a basis on every red line, rule,
// preference, reservation, drift, strategy, epoch, event, durability factor and record entry; sources for every
// stated or read one; and the default turns on no one-sided hypothesis without its counterpart or a stated reason.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDates } from '../../src/domain/dates.ts';
import {
  missingBasis,
  onByDefault,
  reactionsAfterRecordEnds,
  unpairedHypotheses,
} from '../../src/scenario/audit.ts';
import { readTextFile } from '../../src/scenario/include.ts';
import { loadScenario, loadScenarioFile } from '../../src/scenario/load.ts';
import { ROOT } from '../helpers.ts';

const files = readdirSync(resolve(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
const load = (file: string) => loadScenarioFile(resolve(ROOT, 'scenarios', file));
const main = load('ukraine-peace.yaml');

describe('basis on every modelling choice', () => {
  it.each(files)('%s gives a basis everywhere, with sources for every stated or read item', (file) => {
    expect(missingBasis(load(file))).toEqual([]);
  });

  it.each(files)('%s records no reaction after the date its record is said to end', (file) => {
    expect(reactionsAfterRecordEnds(load(file))).toEqual([]);
  });

  it('names a reaction dated after recordEnds, and none on or before it', () => {
    const late = { ...main, recordEnds: '2025-12-24' };
    const found = reactionsAfterRecordEnds(late).map((f) => f.at);
    const expected = main.record
      .filter((r) => compareDates(r.date, '2025-12-24') > 0)
      .map((r) => `record[${r.id}]`);
    expect(expected.length).toBeGreaterThan(0);
    expect(found).toEqual(expected);
    expect(reactionsAfterRecordEnds({ ...main, recordEnds: '2099-01-01' })).toEqual([]);
  });

  it('every stated red line of the default quotes or paraphrases the words it rests on', () => {
    for (const a of main.actors)
      for (const r of a.redLines)
        if (r.basis === 'stated') expect(r.statement, `${a.id}:${r.id}`).toBeTruthy();
        else expect(r.rationale, `${a.id}:${r.id}`).toBeTruthy();
  });

  it('labels the readings the issue found shown as facts (finding 2)', () => {
    const redLine = (actor: string, id: string) =>
      main.actors[main.actorIndex.get(actor)!]!.redLines.find((r) => r.id === id)!;
    expect(redLine('coalition', 'no-recognition-in-law').basis).toBe('reading');
    expect(redLine('coalition', 'nato-decides-its-members').basis).toBe('reading');
    expect(redLine('ukraine', 'army-floor').basis).toBe('assumption');
  });
});

describe('symmetric defaults', () => {
  it('the default turns on no one-sided hypothesis without its counterpart or a stated reason', () => {
    expect(unpairedHypotheses(main)).toEqual([]);
  });

  it('the default fires no event by itself and lets no actor’s value of no deal drift', () => {
    expect(main.events.filter(onByDefault).map((e) => e.id)).toEqual([]);
    for (const a of main.actors) expect(a.reservation.drift, a.id).toBe(0);
  });

  it('pairs each durability factor with its mirror on the same terms, or says why it has none', () => {
    const factors = main.durability!.factors;
    for (const f of factors) {
      if (f.counterpart === undefined) {
        expect(f.oneSided, f.id).toBeTruthy();
        continue;
      }
      const other = factors.find((x) => x.id === f.counterpart)!;
      expect(other.counterpart, f.id).toBe(f.id);
      expect(other.shift, f.id).toBeCloseTo(-f.shift, 12);
      expect(other.condition, f.id).toEqual(f.condition);
    }
  });

  it('pairs the pressure events with equal and opposite sizes (finding 7)', () => {
    const event = (id: string) => main.events.find((e) => e.id === id)!;
    const onUkraine = event('us-pressure-on-ukraine');
    const onRussia = event('us-oil-sanctions-threat');
    expect(onUkraine.counterpart).toBe(onRussia.id);
    expect(onRussia.counterpart).toBe(onUkraine.id);
    const delta = (e: typeof onUkraine) => e.effects.map((x) => ('delta' in x ? x.delta : 0));
    expect(delta(onUkraine)).toEqual(delta(onRussia));
  });

  it('keeps the one-sided hypotheses in the labelled teaching scenario (blame-and-pressure)', () => {
    const s = load('blame-and-pressure.yaml');
    const russia = s.actors[s.actorIndex.get('russia')!]!;
    expect(russia.reservation.drift).toBeGreaterThan(0);
    expect(unpairedHypotheses(s)).toEqual([]); // one-sided, but it says why
  });
});

// A hypothesis on one side is on by default only with its counterpart, also on (the tutorial's drift and inject).
describe('pairs on by default', () => {
  const TUTORIAL = resolve(ROOT, 'scenarios', 'tutorial-bilateral.yaml');
  const text = readFileSync(TUTORIAL, 'utf8');
  const withText = (t: string) => loadScenario(TUTORIAL, (f) => (f === TUTORIAL ? t : readTextFile(f)));
  const messages = (t: string) => {
    const r = withText(t);
    return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
  };

  it("declares the tutorial's drift and inject as each other's counterparts, both on", () => {
    const s = load('tutorial-bilateral.yaml');
    const drift = s.actors[s.actorIndex.get('north')!]!.reservation.driftHypothesis!;
    const inject = s.events.find((e) => e.id === 'pressure-on-south')!;
    expect([drift.counterpart, inject.counterpart]).toEqual(['pressure-on-south', 'north-drift']);
    expect([drift.value !== 0, onByDefault(inject)]).toEqual([true, true]);
    expect(unpairedHypotheses(s)).toEqual([]);
  });

  it('refuses a pair with one side on by default and the other waiting for a person', () => {
    const manual = text.replace('    trigger: { round: 3 }\n', '    trigger: { manual: true }\n');
    expect(manual).not.toBe(text);
    expect(messages(manual)).toEqual([
      'actors[north].reservation.drift.counterpart: "north-drift" is on by default but its counterpart "pressure-on-south" is not (a manual event waits for a person): turn both on, or both off',
    ]);
  });

  it('finds a one-sided default that names no counterpart and gives no reason', () => {
    const planted = text
      .replace('        counterpart: pressure-on-south\n', '')
      .replace('    counterpart: north-drift\n', '');
    const r = withText(planted);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(unpairedHypotheses(r.scenario).map((f) => f.at)).toEqual([
      'actors[north].reservation.drift',
      'events[pressure-on-south]',
    ]);
    // validate warns of both, each at its line
    expect(r.warnings.map((w) => [w.path, w.line > 1])).toEqual([
      ['actors[north].reservation.drift', true],
      ['events[pressure-on-south]', true],
    ]);
    expect(r.warnings[0]!.message).toMatch(/"north-drift" acts on one side and is on by default/);
  });
});
