// The shipped scenarios, run with their own strategies: the behaviour the engine is designed to show.
import { describe, expect, it } from 'vitest';
import { holds } from '../../src/domain/condition.ts';
import { evaluatePackage } from '../../src/domain/evaluate.ts';
import { stateName } from '../../src/engine/machine.ts';
import { applyTermPatches, packageOf, termSheet } from '../../src/engine/terms.ts';
import { entries, runToEnd, shipped } from './helpers.ts';

describe('blame-and-pressure: whoever stands alone twice faces US pressure', () => {
  const s = shipped('blame-and-pressure');

  it('should fire nothing by default: the one lone holdout is Europe, a hardliner, whom no event presses', () => {
    const t = runToEnd(s).snapshot.context.transcript;
    expect(entries(t, 'tally').flatMap((e) => (e.holdout ? [e.holdout] : []))).toEqual([
      'europe',
      'europe',
      'europe',
      'europe',
    ]);
    expect(entries(t, 'inject').filter((e) => e.blame)).toEqual([]);
  });

  it('should press Ukraine, then Russia, each once its count reaches 2, and sign a deal with its durability', () => {
    // Europe and Russia concede early, Ukraine late: Ukraine stands alone first, Russia later
    const options = {
      maxRounds: 16,
      strategies: {
        europe: { kind: 'conceder' },
        ukraine: { kind: 'boulware' },
        russia: { kind: 'conceder' },
      },
    };
    const { snapshot } = runToEnd(s, options);
    const t = snapshot.context.transcript;
    const holdouts = entries(t, 'tally').flatMap((e) => (e.holdout ? [[e.round, e.holdout]] : []));
    expect(holdouts.slice(0, 2)).toEqual([
      [3, 'ukraine'],
      [4, 'ukraine'],
    ]);
    const fired = entries(t, 'inject').filter((e) => e.blame);
    expect(fired.map((e) => [e.round, e.event?.id, e.blame])).toEqual([
      [5, 'us-presses-ukraine-when-blamed', { actor: 'ukraine', count: 2 }],
      [12, 'us-presses-russia-when-blamed', { actor: 'russia', count: 2 }],
    ]);
    expect(stateName(snapshot)).toBe('signed');
    const signed = entries(t, 'signed')[0]!;
    expect(signed.durability?.value).toBeCloseTo(0.7, 12);
    expect(signed.durability?.factors.length).toBe(s.durability?.factors.length);
  });
});

describe('ukraine-peace: the US mediates a single text from its 28-point plan', () => {
  const s = shipped('ukraine-peace');
  it('should carry no blame-triggered event: that hypothesis is switched on only in blame-and-pressure', () => {
    expect(s.events.filter((e) => 'blame' in e.trigger)).toEqual([]);
  });
  const { snapshot } = runToEnd(s);
  const t = snapshot.context.transcript;

  it('should open with the 28-point plan, which Ukraine and Europe reject on their red lines, with sources', () => {
    expect(t[0]).toMatchObject({
      kind: 'tabled',
      round: 1,
      document: 'us-28-point-plan',
      by: 'us',
      trigger: 'opening',
    });
    const r1 = entries(t, 'verdict').filter((v) => v.round === 1);
    expect(r1.find((v) => v.actor === 'russia')?.accepts).toBe(true);
    const ukraine = r1.find((v) => v.actor === 'ukraine')!;
    expect(ukraine.accepts).toBe(false);
    expect(ukraine.violations.map((v) => v.redLine)).toEqual(['no-withdrawal']);
    expect(ukraine.violations[0]!.sources.length).toBeGreaterThan(0);
    const europe = r1.find((v) => v.actor === 'europe')!;
    expect(europe.violations.map((v) => v.redLine).sort()).toEqual([
      'nato-decides-its-members',
      'no-recognition-of-annexation',
    ]);
  });

  it('should have the mediator repair those red lines first, saying whose red line each change serves', () => {
    const revision = entries(t, 'revised').find((e) => e.round === 2)!;
    const serves = revision.changes
      .filter((c) => c.reason?.kind === 'red-line')
      .map((c) => (c.reason?.kind === 'red-line' ? `${c.reason.actor}:${c.reason.redLine.redLine}` : ''));
    expect(serves).toEqual(
      expect.arrayContaining([
        'ukraine:no-withdrawal',
        'europe:nato-decides-its-members',
        'europe:no-recognition-of-annexation',
      ]),
    );
    const r2 = entries(t, 'verdict').filter((v) => v.round === 2);
    for (const v of r2) expect(v.violations).toEqual([]);
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

  it('should end without a signature while Europe, a hardliner, holds out for its best acceptable terms', () => {
    expect(stateName(snapshot)).toBe('stalemate');
    expect(snapshot.context.round).toBe(12);
    const last = entries(t, 'tally').at(-1)!;
    expect(last.rejecting).toEqual(['europe']);
    const europe = entries(t, 'verdict').filter((v) => v.actor === 'europe' && v.round === 12)[0]!;
    expect(europe.utility).toBeGreaterThan(europe.reservation);
    expect(europe.utility).toBeLessThan(europe.aspiration);
  });

  it('should keep a text once it can offer nothing new, and say so, rather than swing between sides', () => {
    const revisions = entries(t, 'revised');
    const kept = revisions.filter((e) => e.nothingNew);
    expect(kept.length).toBeGreaterThan(0);
    for (const e of kept) expect(e.changes).toEqual([]);
    // the army cap is never moved back to a value the mediator moved it away from
    const caps = revisions.flatMap((e) => e.changes.filter((c) => c.issue === 'army-cap'));
    const left = new Set<unknown>();
    for (const c of caps) {
      expect(left.has(c.to)).toBe(false);
      left.add(c.from);
    }
  });

  it('should reach a ratified agreement when Europe concedes over time instead', () => {
    const run = runToEnd(s, { strategies: { europe: { kind: 'linear' } } });
    expect(stateName(run.snapshot)).toBe('signed');
    const ctx = run.snapshot.context;
    expect(evaluatePackage(s, ctx.text, ctx.reservations).agreement).toBe(true);
    // Russia's value of no deal drifts up 0.005 a round (Boulware: it can wait)
    expect(ctx.reservations[0]).toBeCloseTo(0.58 + 0.005 * (ctx.round - 1), 9);
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
    expect(pressed.snapshot.context.reservations[1]).toBeCloseTo(0.35, 12);
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

  it('should show the 20-point text trading Ukraine’s red line for two of Russia’s', () => {
    const r2 = entries(t, 'verdict').filter((v) => v.round === 2 && v.actor === 'ukraine')[0]!;
    expect(r2.violations.map((v) => v.redLine)).toEqual(['no-withdrawal']);
    const r3 = entries(t, 'verdict').filter((v) => v.round === 3 && v.actor === 'russia')[0]!;
    expect(r3.violations.map((v) => v.redLine).sort()).toEqual(['no-foreign-troops', 'no-nato']);
  });

  it('should have the mediator revise from round 4, first repairing Russia’s red lines', () => {
    const r4 = entries(t, 'revised').find((e) => e.round === 4)!;
    const first = r4.changes.filter((c) => c.reason?.kind === 'red-line');
    expect(first.map((c) => c.issue).sort()).toEqual(['foreign-troops', 'nato']);
    expect(entries(t, 'verdict').filter((v) => v.round === 4 && v.actor === 'russia')[0]!.violations).toEqual(
      [],
    );
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
