import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('peacesim whatif', () => {
  it('should show the move from rejection to agreement, before → after, with the reason that went away', async () => {
    const argv = [
      'whatif',
      'tutorial-bilateral',
      '--document',
      'mediator-text',
      '--set',
      'guarantee=art5-like',
      '--set',
      'army-cap=700000',
    ];
    const r = await cli(...argv);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Peacetime army cap: 600,000 troops → 700,000 troops');
    expect(r.out).toMatch(/South\s+0\.425 → 0\.617\s+−0\.025 → \+0\.167\s+rejects → accepts/);
    expect(r.out).toMatch(/North\s+0\.688 → 0\.619\s+\+0\.138 → \+0\.069\s+accepts \(still\)/);
    expect(r.out).toContain('Agreement: no → yes');
    // the cost as --json and analyze give it: what the issue costs South, a positive number
    expect(r.out).toContain(
      'South (stylised Ukraine): before, utility 0.425 < reservation 0.450 [assumption]; costliest: Territory [assumption] (0.200)',
    );
    const json = await cli(...argv, '--json');
    const south = (
      JSON.parse(json.out) as {
        verdicts: Record<string, { before: { costs: { issue: string; cost: number }[] } }>;
      }
    ).verdicts.south!;
    expect(south.before.costs[0]).toMatchObject({ issue: 'line' }); // labelled Territory
    expect(r.out).toContain(`Territory [assumption] (${south.before.costs[0]!.cost.toFixed(3)})`);
  });

  it('should show unchanged verdicts compactly and name a newly broken red line with its source', async () => {
    const r = await cli(
      'whatif',
      'tutorial-bilateral',
      '--document',
      'mediator-text',
      '--set',
      'sanctions=lifted',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/North\s+0\.688 → 0\.728/);
    const nato = await cli(
      'whatif',
      'tutorial-bilateral',
      '--document',
      'mediator-text',
      '--set',
      'alliance=nato-path',
    );
    expect(nato.out).toContain(
      'North (stylised Russia): breaks a red line: Ukraine must renounce NATO membership. [assumption] [putin-2024]',
    );
    const none = await cli('whatif', 'tutorial-bilateral', '--document', 'mediator-text');
    expect(none.out).toMatch(/North\s+0\.688\s+\+0\.138\s+accepts, unchanged/);
    expect(none.out).toContain('nothing: every verdict, utility, red line and rule is as before');
  });

  it('should print JSON with before and after for every actor and the list of what moved', async () => {
    const r = await cli(
      'whatif',
      'tutorial-bilateral',
      '--document',
      'mediator-text',
      '--set',
      'guarantee=art5-like',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    // the document's term the change replaces, with its provenance as the scenario records it
    const s = openScenario('tutorial-bilateral');
    const term = s.documents
      .find((d) => d.id === 'mediator-text')!
      .terms.find((t) => t.issue === s.issueIndex.get('guarantee'))!;
    expect(j.changes).toEqual([
      {
        issue: 'guarantee',
        from: 'consultations',
        fromConfirmed: term.confirmed,
        fromRecall: term.recall,
        to: 'art5-like',
      },
    ]);
    expect(j.agreement).toEqual({ before: false, after: true });
    expect(j.verdicts.south.before.accepts).toBe(false);
    expect(j.verdicts.south.after.accepts).toBe(true);
    expect(j.verdicts.south.utilityDelta).toBeCloseTo(2.1 / 12, 12);
    expect(j.moved).toContainEqual({ kind: 'verdict', actor: 'south', before: 'reject', after: 'accept' });
    const num = JSON.parse(
      (
        await cli(
          'whatif',
          'tutorial-bilateral',
          '--document',
          'mediator-text',
          '--set',
          'army-cap=650k',
          '--json',
        )
      ).out,
    );
    const cap = s.documents
      .find((d) => d.id === 'mediator-text')!
      .terms.find((t) => t.issue === s.issueIndex.get('army-cap'))!;
    expect(num.changes).toEqual([
      { issue: 'army-cap', from: 600000, fromConfirmed: cap.confirmed, fromRecall: cap.recall, to: 650000 },
    ]);
  });

  it('should be byte-for-byte deterministic', async () => {
    const args = [
      'whatif',
      'tutorial-bilateral',
      '--document',
      'north-opening',
      '--set',
      'line=freeze',
      '--json',
    ];
    expect((await cli(...args)).out).toBe((await cli(...args)).out);
  });

  it('should list the valid ids for unknown ones (exit 1) and name the flag for a malformed --set (exit 2)', async () => {
    const doc = await cli('whatif', 'tutorial-bilateral', '--document', 'mediator', '--set', 'line=freeze');
    expect(doc.code).toBe(1);
    expect(doc.err).toBe(
      'peacesim: unknown document "mediator" (did you mean "mediator-text"?); valid documents: north-opening, mediator-text\n',
    );
    const issue = await cli(
      'whatif',
      'tutorial-bilateral',
      '--document',
      'mediator-text',
      '--set',
      'lines=freeze',
    );
    expect(issue.code).toBe(1);
    expect(issue.err).toMatch(
      /unknown issue "lines" \(did you mean "line"\?\); valid issues: line, alliance/,
    );
    const option = await cli(
      'whatif',
      'tutorial-bilateral',
      '--document',
      'mediator-text',
      '--set',
      'line=frozen',
    );
    expect(option.code).toBe(1);
    expect(option.err).toMatch(/valid line options: withdraw-2022, freeze, cede-four/);
    const bad = await cli('whatif', 'tutorial-bilateral', '--document', 'mediator-text', '--set', 'line');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/option '--set <ISSUE=VALUE>' argument 'line' is invalid/);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('peacesim whatif: what moved', () => {
  const MINUS = '\u2212';
  const value = (t: string) => Number(t.replace(MINUS, '-').replace('+', ''));
  it('should print each utility change as the difference of the figures beside it, and as --json has it', async () => {
    const argv = [
      'whatif',
      'ukraine-peace',
      '--document',
      'us-ukraine-20-point',
      '--set',
      'donetsk=withdraw-dmz',
    ];
    const r = await cli(...argv);
    expect(r.code).toBe(0);
    const moved = [...r.out.matchAll(/(\S[^:\n]*): utility (\S+) → (\S+) \((\S+)\)/g)];
    expect(moved.length).toBeGreaterThan(1);
    const json = JSON.parse((await cli(...argv, '--json')).out) as {
      moved: { kind: string; actor?: string; before?: number; after?: number }[];
    };
    const utilities = json.moved.filter((m) => m.kind === 'utility');
    expect(moved.length).toBe(utilities.length);
    for (const [, , a = '', b = '', c = ''] of moved) {
      const d = a.length - a.indexOf('.') - 1;
      const at = (t: string) => Math.round(value(t) * 10 ** d);
      expect(at(b) - at(a), `${a} → ${b} (${c})`).toBe(at(c));
    }
  });
});

describe('peacesim whatif: who says no, and why', () => {
  type After = { accepts: boolean; margin: number; violations: unknown[] };
  it('should say, beside the red lines an actor holds against the text, when it is also worth less than no deal', async () => {
    let both = 0;
    for (const doc of ['us-28-point-plan', 'us-ukraine-20-point', 'e3-counterproposal']) {
      const argv = ['whatif', 'ukraine-peace', '--document', doc, '--set', 'army-cap=800k'];
      const r = await cli(...argv);
      expect(r.code).toBe(0);
      const text = r.out.replace(/\n\s+/g, ' ');
      const why = text.slice(text.indexOf('Who says no, and why'));
      const json = JSON.parse((await cli(...argv, '--json')).out) as {
        verdicts: Record<string, { after: After }>;
      };
      const s = openScenario('ukraine-peace');
      for (const [id, { after }] of Object.entries(json.verdicts)) {
        if (after.accepts || after.violations.length === 0) continue;
        const name = s.actors.find((a) => a.id === id)!.name;
        // this actor's reasons: from its name to the next actor's
        const from = why.indexOf(`${name}: red line`);
        if (from < 0) continue; // not required: whatif lists the required actors that say no
        const next = s.actors
          .map((a) => why.indexOf(`${a.name}: `, from + 1))
          .filter((k) => k > from)
          .reduce((a, b) => Math.min(a, b), why.length);
        const own = why.slice(from, next);
        const below = after.margin < -1e-12;
        expect(own.includes('also, apart from its red line'), `${doc}: ${name}`).toBe(below);
        if (below) both++;
      }
    }
    expect(both).toBeGreaterThan(0);
  });
});
