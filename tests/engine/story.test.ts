// The shipped scenarios, run with their own strategies: the behaviour the engine is designed to show.
import { describe, expect, it } from 'vitest';
import { holds } from '../../src/domain/condition.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { stateName } from '../../src/engine/machine.ts';
import { applyTermPatches, packageOf, termSheet } from '../../src/engine/terms.ts';
import { entries, runToEnd, shipped } from './helpers.ts';

describe('blame-and-pressure: the hypotheses of commentary, switched on', () => {
  const s = shipped('blame-and-pressure');
  const { snapshot } = runToEnd(s);
  const t = snapshot.context.transcript;

  it('should not fire the blame events: with both parties’ red lines in the way, neither is twice the lone holdout', () => {
    const holdouts = entries(t, 'tally').filter((e) => e.holdout);
    expect(holdouts.map((e) => [e.round, e.holdout])).toEqual([[12, 'russia']]);
    expect(entries(t, 'inject')).toEqual([]);
    expect(snapshot.context.blameFired).toEqual([]);
    expect(stateName(snapshot)).toBe('stalemate');
  });

  it('should let Russia’s and Ukraine’s values of no deal drift up 0.005 a round each (the pair of claims it labels)', () => {
    const rounds = snapshot.context.round - 1;
    for (const id of ['russia', 'ukraine']) {
      const k = s.actorIndex.get(id)!;
      expect(s.actors[k]!.reservation.drift, id).toBe(0.005);
      expect(snapshot.context.reservations[k], id).toBeCloseTo(
        s.actors[k]!.reservation.value + 0.005 * rounds,
        9,
      );
    }
    // the others do not drift, and the default lets no one's drift
    for (const a of s.actors.filter((x) => x.id !== 'russia' && x.id !== 'ukraine'))
      expect(snapshot.context.reservations[s.actorIndex.get(a.id)!], a.id).toBe(a.reservation.value);
    const plain = shipped('ukraine-peace');
    expect(runToEnd(plain).snapshot.context.reservations).toEqual(
      plain.actors.map((a) => a.reservation.value),
    );
  });
});

describe('ukraine-peace: the US mediates its 20-point text', () => {
  const s = shipped('ukraine-peace');
  it('should carry no blame-triggered or scheduled event: every hypothesis of the default waits for a person', () => {
    expect(s.events.filter((e) => !('manual' in e.trigger))).toEqual([]);
  });
  const { snapshot } = runToEnd(s);
  const t = snapshot.context.transcript;

  it('should open with the 20-point text, which Russia rejects on three stated red lines, with sources', () => {
    expect(t[0]).toMatchObject({
      kind: 'tabled',
      round: 1,
      document: 'us-ukraine-20-point',
      by: 'us',
      trigger: 'opening',
    });
    const r1 = entries(t, 'verdict').filter((v) => v.round === 1);
    const russia = r1.find((v) => v.actor === 'russia')!;
    expect(russia.accepts).toBe(false);
    expect(russia.violations.map((v) => v.redLine).sort()).toEqual([
      'donbas-withdrawal',
      'no-foreign-troops',
      'no-nato',
    ]);
    for (const v of russia.violations) expect(v.sources.length).toBeGreaterThan(0);
    // the text Kyiv drew up with the US breaks none of Ukraine's or Europe's red lines
    for (const actor of ['ukraine', 'eu', 'coalition'])
      expect(r1.find((v) => v.actor === actor)!.violations).toEqual([]);
  });

  it('should have the mediator repair those red lines first — and meet Russia’s refusal of a referendum ceasefire', () => {
    const revision = entries(t, 'revised').find((e) => e.round === 2)!;
    const serves = revision.changes
      .filter((c) => c.reason?.kind === 'red-line')
      .map((c) => (c.reason?.kind === 'red-line' ? `${c.reason.actor}:${c.reason.redLine.redLine}` : ''));
    expect(serves.sort()).toEqual([
      'russia:donbas-withdrawal',
      'russia:no-foreign-troops',
      'russia:no-nato',
      'ukraine:no-withdrawal',
    ]);
    const r2 = entries(t, 'verdict').filter((v) => v.round === 2);
    expect(r2.find((v) => v.actor === 'russia')!.violations.map((v) => v.redLine)).toEqual([
      'no-ceasefire-for-referendum',
    ]);
    for (const actor of ['ukraine', 'us', 'eu', 'coalition'])
      expect(r2.find((v) => v.actor === actor)!.violations).toEqual([]);
  });

  it('should never table a text that breaks the mediator’s own red lines', () => {
    const us = s.actors.find((a) => a.id === 'us')!;
    const sq = s.issues.map((x) => x.statusQuo);
    let sheet = termSheet(s, sq);
    let revisions = 0;
    for (const e of t) {
      if ('patches' in e) sheet = applyTermPatches(sheet, e.patches);
      if (e.kind !== 'revised') continue;
      revisions++;
      const text = packageOf(s, sheet, sq);
      expect(us.redLines.every((c) => holds(c.condition, text))).toBe(true);
    }
    expect(revisions).toBe(11);
  });

  it('should end in stalemate: in every round a party rejects, and the two parties never both accept', () => {
    expect(stateName(snapshot)).toBe('stalemate');
    expect(snapshot.context.round).toBe(12);
    const tallies = entries(t, 'tally');
    expect(tallies).toHaveLength(12);
    for (const tally of tallies)
      expect(
        tally.rejecting.some((a) => a === 'russia' || a === 'ukraine'),
        `round ${tally.round}`,
      ).toBe(true);
    // the red lines that keep breaking: Russia's refusal of a referendum ceasefire, Ukraine's condition for a withdrawal
    const verdicts = entries(t, 'verdict').filter((v) => v.actor === 'russia' || v.actor === 'ukraine');
    const stated = verdicts.flatMap((v) => v.violations.map((x) => x.redLine));
    expect(stated).toEqual(expect.arrayContaining(['no-ceasefire-for-referendum', 'no-withdrawal']));
  });

  it('should collapse when the US walks away, and let US pressure lower Ukraine’s value of no deal', () => {
    const walk = runToEnd(s, {}, { injects: [{ event: 'us-walks-away', round: 3 }] });
    expect(stateName(walk.snapshot)).toBe('collapsed');
    expect(walk.snapshot.context.transcript.at(-1)).toMatchObject({
      kind: 'collapsed',
      round: 3,
      actors: ['us'],
    });
    const pressed = runToEnd(s, {}, { injects: [{ event: 'us-pressure-on-ukraine', round: 2 }] });
    const inject = entries(pressed.snapshot.context.transcript, 'inject')[0]!;
    expect(inject).toMatchObject({
      round: 2,
      trigger: 'manual',
      event: { id: 'us-pressure-on-ukraine', confirmed: false },
    });
    expect(pressed.snapshot.context.reservations[1]).toBeCloseTo(0.4, 12);
  });
});

describe('28-point-path: 28 → 19 → 20 points', () => {
  const s = shipped('28-point-path');
  const { snapshot } = runToEnd(s);
  const t = snapshot.context.transcript;

  it('should table the three texts on the record in rounds 1, 2 and 3', () => {
    const tabled = entries(t, 'tabled').map((e) => [e.round, e.document, e.trigger]);
    expect(tabled).toEqual([
      [1, 'us-28-point-plan', 'opening'],
      [2, 'geneva-framework', 'event'],
      [3, 'us-ukraine-20-point', 'event'],
    ]);
  });

  it('should show the 20-point text trading Ukraine’s red line for three of Russia’s', () => {
    const r2 = entries(t, 'verdict').filter((v) => v.round === 2 && v.actor === 'ukraine')[0]!;
    expect(r2.violations.map((v) => v.redLine)).toEqual(['no-withdrawal']);
    const r3 = entries(t, 'verdict').filter((v) => v.round === 3 && v.actor === 'russia')[0]!;
    expect(r3.violations.map((v) => v.redLine).sort()).toEqual([
      'donbas-withdrawal',
      'no-foreign-troops',
      'no-nato',
    ]);
    const u3 = entries(t, 'verdict').filter((v) => v.round === 3 && v.actor === 'ukraine')[0]!;
    expect(u3.violations).toEqual([]);
  });

  it('should have the mediator revise from round 4, repairing Russia’s red lines and, for the withdrawal, Ukraine’s', () => {
    const r4 = entries(t, 'revised').find((e) => e.round === 4)!;
    const first = r4.changes.filter((c) => c.reason?.kind === 'red-line');
    expect(first.map((c) => c.issue).sort()).toEqual(['ceasefire', 'donetsk', 'foreign-troops', 'nato']);
    // the ceasefire Ukraine's red line needs for the withdrawal is the one Russia refuses
    expect(
      entries(t, 'verdict')
        .filter((v) => v.round === 4 && v.actor === 'russia')[0]!
        .violations.map((v) => v.redLine),
    ).toEqual(['no-ceasefire-for-referendum']);
  });
});

describe('tutorial-bilateral: alternating offers', () => {
  const s = shipped('tutorial-bilateral');
  const { snapshot } = runToEnd(s);
  const t = snapshot.context.transcript;

  it('should alternate proposers after the opening and sign an agreement both prefer to no deal', () => {
    for (const p of entries(t, 'proposal')) expect(p.actor).toBe(p.round % 2 === 0 ? 'south' : 'north');
    expect(stateName(snapshot)).toBe('signed');
    const ctx = snapshot.context;
    const ev = evaluatePackage(s, ctx.text, ctx.reservations);
    expect(ev.agreement).toBe(true);
  });

  it('should propose nothing that crosses the proposer’s own red lines, and sign a text within both sides’', () => {
    const keeps = (id: string, pkg: readonly number[]) =>
      s.actors.find((a) => a.id === id)!.redLines.every((c) => holds(c.condition, pkg));
    const sq = s.issues.map((x) => x.statusQuo);
    let sheet = termSheet(s, sq);
    for (const e of t) {
      if ('patches' in e) sheet = applyTermPatches(sheet, e.patches);
      if (e.kind === 'proposal') expect(keeps(e.actor, packageOf(s, sheet, sq))).toBe(true);
    }
    expect(keeps('north', snapshot.context.text) && keeps('south', snapshot.context.text)).toBe(true);
  });
});
