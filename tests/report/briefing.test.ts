// peacesim brief: private briefing cards; a card shows its own actor's assumptions and only public facts of others.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { appliedBeforeRecord } from '../../src/domain/on-record.ts';
import { briefing } from '../../src/report/briefing.ts';
import { htmlErrors } from './html-check.ts';

async function cli(argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const dir = mkdtempSync(join(tmpdir(), 'peacesim-brief-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('peacesim brief', () => {
  it("should give russia's card its red lines with sources and flags, and none of ukraine's weights or reservation", async () => {
    const s = openScenario('ukraine-peace');
    const russia = s.actors.find((a) => a.id === 'russia')!;
    const ukraine = s.actors.find((a) => a.id === 'ukraine')!;
    const r = await cli(['brief', 'ukraine-peace', '--actor', 'russia']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## Russia — private briefing');
    expect(r.stdout).not.toContain('## Ukraine — private briefing');
    for (const c of russia.redLines)
      expect(r.stdout).toContain(c.text.replace(/\s+/g, ' ').trim().slice(0, 30));
    // each red line marked with its basis when it is not stated (the default scenario gives none yet: assumption)
    // in the scenario's words, not in quotation marks (they are not the actor's)
    expect(r.stdout).toMatch(
      /### Your red lines\n\n- [^"].+[^"]( \\\[(reading|assumption)\\\])? \(sources: /,
    );
    if (russia.redLines.some((c) => !c.confirmed && !c.recall)) expect(r.stdout).toContain('**UNCONFIRMED**');
    // the others' red lines are public; their preferences are not
    expect(r.stdout).toContain("### The others' public red lines");
    for (const c of ukraine.redLines)
      expect(r.stdout).toContain(c.text.replace(/\s+/g, ' ').trim().slice(0, 30));
    const card = briefing(s, 'russia').cards[0]!;
    expect(card.issues.map((x) => x.weight)).toEqual(
      [...card.issues.map((x) => x.weight)].sort((a, b) => b - a),
    );
    for (const p of ukraine.preferences) if (p) expect(r.stdout).not.toContain(p.rationale.slice(0, 40));
    expect(r.stdout).not.toContain(ukraine.reservation.rationale.slice(0, 40));
    // no number of the card model leaks another actor's data
    const json = JSON.stringify(card);
    expect(json).not.toContain(ukraine.reservation.rationale);
    expect(card.others.every((o) => Object.keys(o).sort().join() === 'id,name,redLines')).toBe(true);
  });

  it('should say whether the actor accepts each tabled document and why, and end with questions and sources', async () => {
    const r = await cli(['brief', 'tutorial-bilateral', '--actor', 'south']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `- **North's opening demands** (2024-06-14, tabled by North (stylised Russia)): you would reject it: it crosses your red lines:`,
    );
    expect(r.stdout).toMatch(
      /\*\*A mediator's compromise text\*\* \*\*UNCONFIRMED\*\* \(2025-03-01, tabled by North \(stylised Russia\)\): you would reject it: worth 0\.425 to you, less than no deal \(0\.450\)/,
    );
    expect(r.stdout).toContain(
      '### Your value of no deal\n\n0.450 (plausible range 0.350–0.500); it does not drift.',
    );
    expect(r.stdout).toMatch(/### Questions to prepare\n\n1\. .+\?\n2\. .+\?\n3\. .+\?\n/);
    expect(r.stdout).toContain(
      '- North (stylised Russia):\n  - Ukraine must renounce NATO membership. \\[assumption\\] (sources: putin-2024)',
    );
    expect(r.stdout).not.toContain('0.550'); // north's value of no deal
  });

  it('should print one card per actor, deterministic, and write HTML cards separated by page breaks', async () => {
    const a = await cli(['brief', 'tutorial-bilateral']);
    const b = await cli(['brief', 'tutorial-bilateral']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.match(/— private briefing/g)).toHaveLength(2);
    const out = join(dir, 'cards.html');
    expect((await cli(['brief', 'tutorial-bilateral', '--out', out])).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(htmlErrors(html)).toEqual([]);
    expect(html.match(/<section class="card"/g)).toHaveLength(2);
    expect(html).toContain('break-after: page');
    expect(html).toContain('<a href="#card-north-src-putin-2024">putin-2024</a>');
    expect(html).toContain('<li id="card-north-src-putin-2024">');
  });

  it("should mark each item stated only after the card's date, as appliedBeforeRecord finds it, and list each reason once", async () => {
    const s = openScenario('istanbul-2022');
    const applied = appliedBeforeRecord(s, s.date);
    expect(applied.length).toBeGreaterThan(0);
    for (const card of briefing(s).cards) {
      const actor = s.actors.find((a) => a.id === card.actor.id)!;
      const expected = (kind: 'redLine' | 'preference', id: string) =>
        applied.find((x) => x.actor === actor.id && x.kind === kind && x.id === id);
      for (const x of card.issues) {
        const e = expected('preference', x.id);
        expect(x.beforeRecord?.earliest, `${actor.id} ${x.id}`).toEqual(e?.earliest);
        expect(x.beforeRecord === undefined).toBe(e === undefined);
        if (e?.heldEarlier !== undefined)
          expect(card.heldEarlier[x.beforeRecord!.reason! - 1]).toBe(e.heldEarlier);
      }
      for (const r of card.redLines) {
        const e = expected('redLine', r.id);
        expect(r.beforeRecord === undefined, `${actor.id} ${r.id}`).toBe(e === undefined);
        if (e?.heldEarlier !== undefined)
          expect(card.heldEarlier[r.beforeRecord!.reason! - 1]).toBe(e.heldEarlier);
      }
      expect(new Set(card.heldEarlier).size).toBe(card.heldEarlier.length);
    }
    const md = (await cli(['brief', 'istanbul-2022', '--actor', 'russia'])).stdout;
    expect(md).toContain('### Stated only later');
    expect(md).toContain(
      "on the record only from 2024-03-01 (s90), after this card's date (2022-04-15): applied here for reason",
    );
    // nothing to mark where every position is on the record of the card's date
    const bilateral = (await cli(['brief', 'tutorial-bilateral'])).stdout;
    expect(bilateral).not.toContain('Stated only later');
    expect(bilateral).not.toContain('on the record only from');
  });

  it('should exit 1 naming the valid actors for an unknown one, 2 for a bad --format', async () => {
    const r = await cli(['brief', 'tutorial-bilateral', '--actor', 'nort']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown actor "nort" \(did you mean "north"\?\); valid actors: north, south/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect((await cli(['brief', 'tutorial-bilateral', '--format', 'doc'])).code).toBe(2);
    expect((await cli(['brief', 'no-such-scenario'])).code).toBe(1);
  });
});
