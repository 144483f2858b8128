// Every shipped scenario says what each modelling choice rests on (issue 7): a basis on every red line, rule,
// preference, reservation, drift, strategy, epoch, event, durability factor and record entry; sources for every
// stated or read one; the default turns on no one-sided hypothesis without its counterpart or a stated reason; and no
// shipped scenario turns on a hypothesis that acts on an actor without its counterpart.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDates } from '../../src/domain/dates.ts';
import type { Scenario } from '../../src/domain/types.ts';
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

  it("pairs blame-and-pressure's drifts: Russia's and Ukraine's equal, both on, each naming the other", () => {
    const s = load('blame-and-pressure.yaml');
    const reservation = (id: string) => s.actors[s.actorIndex.get(id)!]!.reservation;
    const [russia, ukraine] = [reservation('russia'), reservation('ukraine')];
    expect(russia.drift).toBeGreaterThan(0);
    expect(ukraine.drift).toBe(russia.drift);
    expect([russia.driftHypothesis?.counterpart, ukraine.driftHypothesis?.counterpart]).toEqual([
      'ukraine-drift',
      'russia-drift',
    ]);
    expect([russia.driftHypothesis?.oneSided, ukraine.driftHypothesis?.oneSided]).toEqual([
      undefined,
      undefined,
    ]);
    expect([russia.driftHypothesis?.basis, ukraine.driftHypothesis?.basis]).toEqual(['reading', 'reading']);
    expect(unpairedHypotheses(s)).toEqual([]);
  });
});

/**
 * The hypotheses a plain run turns on that give a `oneSided` reason, with the actors each acts on: a drift acts on
 * its actor, an event on the actors its effects name, a durability factor on none (it moves the estimated
 * durability of a signed text, never an actor's values, red lines or moves).
 */
function oneSidedDefaults(s: Scenario): { at: string; actsOn: string[] }[] {
  const out: { at: string; actsOn: string[] }[] = [];
  for (const a of s.actors)
    if (a.reservation.drift !== 0 && a.reservation.driftHypothesis?.oneSided !== undefined)
      out.push({ at: `actors[${a.id}].reservation.drift`, actsOn: [a.id] });
  for (const e of s.events)
    if (onByDefault(e) && e.oneSided !== undefined)
      out.push({
        at: `events[${e.id}]`,
        actsOn: e.effects.flatMap((x) => ('actor' in x ? [s.actors[x.actor]!.id] : [])),
      });
  for (const f of s.durability?.factors ?? [])
    if (f.oneSided !== undefined) out.push({ at: `durability.factors[${f.id}]`, actsOn: [] });
  return out;
}

// The rule: a hypothesis on by default that acts on an actor (a party or any other) has its counterpart, also on;
// `oneSided` excuses only what acts on no actor — today, durability factors alone.
describe('no one-sided hypothesis acts on an actor by default', () => {
  it.each(files)('%s turns on no hypothesis with a oneSided reason that acts on an actor', (file) => {
    expect(oneSidedDefaults(load(file)).filter((h) => h.actsOn.length > 0)).toEqual([]);
  });

  it('finds the one-sided hypotheses the rule still allows on by default: durability factors, acting on no actor', () => {
    const allowed = files.flatMap((f) => oneSidedDefaults(load(f)).map((h) => h.at));
    expect(allowed.length).toBeGreaterThan(0);
    for (const at of allowed) expect(at).toMatch(/^durability\.factors\[/);
  });

  it('finds a drift on by default that gives a oneSided reason instead of its counterpart', () => {
    const file = resolve(ROOT, 'scenarios', 'blame-and-pressure.yaml');
    const text = readFileSync(file, 'utf8');
    // Russia's drift alone, excused as the file once excused it; Ukraine's off
    const planted = text
      .replace(
        '        counterpart: ukraine-drift\n',
        '        oneSided: the claim is made of Russia alone\n',
      )
      .replace('        counterpart: russia-drift\n', '')
      .replace(/(- id: ukraine\n {4}reservation:\n {6}drift:\n {8}value: )0\.005/, (_, head) => `${head}0`);
    expect(planted).not.toBe(text);
    const r = loadScenario(file, (f) => (f === file ? planted : readTextFile(f)));
    expect(r.ok, r.ok ? '' : r.errors.map((e) => e.message).join('; ')).toBe(true);
    if (!r.ok) return;
    expect(oneSidedDefaults(r.scenario)).toContainEqual({
      at: 'actors[russia].reservation.drift',
      actsOn: ['russia'],
    });
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
