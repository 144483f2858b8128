// --anticipate-ratification end to end on a hand-built scenario where it changes the outcome: without it the
// parties sign a text West's parliament would reject; with it West refuses that text for that reason, and says so
// in words that are true of the run's --json numbers. Every output says when the option is on, and none when off.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { n3 } from '../../src/report/format.ts';
import { cli } from '../helpers.ts';

const FIXTURE = 'tests/fixtures/format/anticipated.yaml';
const FLAG = '--anticipate-ratification';
const flat = (text: string) => text.replace(/\s+/g, ' ');

function json(args: string[]) {
  const r = cli(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

interface Verdict {
  kind: 'verdict';
  actor: string;
  accepts: boolean;
  utility: number;
  aspiration: number;
  reservation: number;
  wouldFail?: { kind: string; hurdle: string; label: string; utility: number; threshold: number }[];
}

describe('run --anticipate-ratification on a scenario where it binds', () => {
  it('should sign, without it, a text that fails the vote; with it, not sign one, and say why by the JSON numbers', () => {
    const off = json(['run', FIXTURE, '--json']);
    expect(off.outcome).toBe('signed');
    expect(off.ratification.clears).toBe(false);
    expect(off).not.toHaveProperty('anticipateRatification');

    const on = json(['run', FIXTURE, FLAG, '--json']);
    expect(on.anticipateRatification).toBe(true);
    expect(on.outcome).not.toBe('signed');
    const refusals = (on.transcript as Verdict[]).filter((e) => e.kind === 'verdict' && e.wouldFail);
    expect(refusals.length).toBeGreaterThan(0);
    const text = cli(['run', FIXTURE, FLAG]);
    expect(text.code, text.stderr).toBe(0);
    const words = flat(text.stdout);
    for (const v of refusals) {
      const [f] = v.wouldFail!;
      expect(f).toMatchObject({
        kind: 'ratification',
        hurdle: 'west-parliament',
        label: "West's parliament",
      });
      expect(v.accepts).toBe(false);
      expect(f!.utility).toBe(v.utility);
      expect(f!.utility).toBeLessThan(f!.threshold);
      // the reason in words, with the numbers of the verdict beside it
      const also =
        v.utility < v.aspiration ? `; it is also short of the ${n3(v.aspiration)} it holds out for` : '';
      expect(words).toContain(
        `West rejects: the text would fail West's parliament: worth ${n3(f!.utility)} to it, the vote needs ${n3(f!.threshold)}${also} (no deal: ${n3(v.reservation)}).`,
      );
    }
    // one of them is a text West would otherwise have taken: worth what it held out for, and more than no deal
    expect(refusals.some((v) => v.utility >= v.aspiration && v.utility >= v.reservation)).toBe(true);
    // the header says the option is on, and whose assumption it is; the run without it says nothing of it
    expect(words).toContain(
      "negotiators anticipate ratification: each actor facing a hurdle (West's parliament, which needs the text to be worth 0.650 to West) rejects, and does not propose, a text that meets the hurdle and would fail it",
    );
    expect(words).toContain("the modeller's assumption");
    expect(cli(['run', FIXTURE]).stdout).not.toContain('anticipate');
    expect(words).not.toContain('west-parliament');
  });

  it('should add a would_fail column to the CSV only when on, naming the hurdles of each refusal', () => {
    const off = cli(['run', FIXTURE, '--csv']).stdout.split('\n');
    expect(off[0]).not.toContain('would_fail');
    const on = cli(['run', FIXTURE, FLAG, '--csv']).stdout.trim().split('\n');
    expect(on[0]!.split(',').at(-1)).toBe('would_fail');
    expect(on.slice(1).filter((row) => row.endsWith(',west-parliament')).length).toBeGreaterThan(0);
    // the other columns are those of the run without the option
    expect(on[0]).toBe(`${off[0]},would_fail`);
  });

  it('should say so in outcomes: a field in --json, a header line, a CSV row', () => {
    const args = ['outcomes', FIXTURE, '-n', '20', '--workers', '1'];
    expect(json([...args, '--json'])).not.toHaveProperty('anticipateRatification');
    const on = json([...args, FLAG, '--json']);
    expect(on.anticipateRatification).toBe(true);
    // every signed run clears the vote: the actor that faces it would not sign one that fails it
    expect(on.signed.ratification.cleared).toBe(on.signed.ratification.runs);
    expect(flat(cli([...args, FLAG]).stdout)).toContain('negotiators anticipate ratification:');
    expect(cli([...args, FLAG, '--csv']).stdout).toContain('option,anticipate_ratification,on,,1');
    expect(cli([...args, '--csv']).stdout).not.toContain('anticipate_ratification');
    const runs = cli([...args, FLAG, '--csv', 'runs'])
      .stdout.trim()
      .split('\n');
    expect(runs[0]!.split(',').at(-1)).toBe('anticipate_ratification');
    expect(runs.slice(1).every((row) => row.endsWith(',true'))).toBe(true);
    expect(cli([...args, '--csv', 'runs']).stdout).not.toContain('anticipate_ratification');
  });

  it('should keep the option in a saved session: resume and the report say it is on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'peacesim-anticipate-'));
    try {
      const file = join(dir, 'session.json');
      expect(cli(['run', FIXTURE, FLAG, '--save', file]).code).toBe(0);
      expect(flat(cli(['resume', file]).stdout)).toContain('negotiators anticipate ratification:');
      const report = flat(cli(['report', file]).stdout);
      expect(report).toContain('- Negotiators anticipate ratification: each actor facing a hurdle');
      expect(report).toContain("West rejects: the text would fail West's parliament");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should count in analyze, when asked, the packages both parties accept and those clearing the vote', () => {
    expect(json(['analyze', FIXTURE, '--json'])).not.toHaveProperty('anticipated');
    const { anticipated } = json(['analyze', FIXTURE, FLAG, '--json']);
    // West's parliament rules some out: the text both sign without anticipating it is among them
    expect(anticipated.clearing).toBeLessThan(anticipated.accepted);
    expect(anticipated.clearing).toBeGreaterThan(0);
    const words = flat(cli(['analyze', FIXTURE, FLAG]).stdout);
    expect(words).toContain(
      `anticipated ${anticipated.accepted} packages every party accepts (its red lines and the rules kept, worth its value of no deal); ${anticipated.clearing} of them clear every hurdle they meet`,
    );
    expect(flat(cli(['analyze', FIXTURE]).stdout)).not.toContain('if negotiators anticipate ratification');
  });

  it("should take the scenario's protocol.anticipateRatification as every run's default, which a flag overrides", () => {
    const dir = mkdtempSync(join(tmpdir(), 'peacesim-anticipate-'));
    try {
      const file = join(dir, 'default-on.yaml');
      const text = readFileSync(FIXTURE, 'utf8').replace(
        '  maxRounds: 6',
        '  maxRounds: 6\n  anticipateRatification: true',
      );
      expect(text).toContain('anticipateRatification: true');
      writeFileSync(file, text);
      const on = json(['run', file, '--json']);
      expect(on.anticipateRatification).toBe(true);
      expect(on.transcript).toEqual(json(['run', FIXTURE, FLAG, '--json']).transcript);
      const off = json(['run', file, '--no-anticipate-ratification', '--json']);
      expect(off).not.toHaveProperty('anticipateRatification');
      expect(off.transcript).toEqual(json(['run', FIXTURE, '--json']).transcript);
      expect(json(['analyze', file, '--json']).anticipated).toEqual(
        json(['analyze', FIXTURE, FLAG, '--json']).anticipated,
      );
      expect(json(['outcomes', file, '-n', '5', '--workers', '1', '--json']).anticipateRatification).toBe(
        true,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("should seek the hinges of the run as it was played: with the option, the run's outcome and a line saying so", () => {
    const off = json(['hinges', FIXTURE, '--json']);
    expect(off).not.toHaveProperty('anticipateRatification');
    expect(off.outcome.outcome).toBe('signed-unratified');
    const on = json(['hinges', FIXTURE, FLAG, '--json']);
    expect(on.anticipateRatification).toBe(true);
    expect(on.outcome.outcome).toBe(json(['run', FIXTURE, FLAG, '--json']).outcome);
    expect(cli(['hinges', FIXTURE, FLAG]).stdout).toContain(
      "negotiators anticipate ratification (the modeller's assumption)",
    );
  });
});
