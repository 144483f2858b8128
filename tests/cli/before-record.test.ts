// show, timeline and sources say when a position that judges a document is applied before its earliest source, and
// the scenario's reason (heldEarlier) — on a real case of the shipped data: istanbul-2022, whose 2022 texts are judged
// by positions the record gives only from 2024 — and say nothing where every position is on the record in time.
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/program.ts';
import { openScenario } from '../../src/cli/scenarios.ts';
import { appliedBeforeRecord } from '../../src/domain/on-record.ts';

async function cli(...argv: string[]) {
  const io = memoryIo();
  const code = await run(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}
/** The text as one line: wrapping breaks only between words, so this reads it as written. */
const flat = (t: string) => t.replace(/\s+/g, ' ');

const FIXTURE = 'tests/fixtures/format/held-earlier.yaml';
const ISTANBUL = openScenario('istanbul-2022');
const UKRAINE_TEXT = ISTANBUL.documents.find((d) => d.id === 'istanbul-2022-ukraine')!;
const russia = ISTANBUL.actors.find((a) => a.id === 'russia')!;
const reasonOf = (id: string) => russia.redLines.find((r) => r.id === id)!.heldEarlier!;

describe('the shipped case: Istanbul 2022 judged by positions reported from 2024', () => {
  it('timeline --json lists, on each entry, the positions applied before their earliest source, with the reason', async () => {
    const r = await cli('timeline', 'istanbul-2022', '--json');
    expect(r.code).toBe(0);
    const entries = JSON.parse(r.out).entries as {
      document: string;
      date: string;
      appliedBeforeRecord: unknown;
    }[];
    for (const e of entries) expect(e.appliedBeforeRecord).toEqual(appliedBeforeRecord(ISTANBUL, e.date));
    const ukraineText = entries.find((e) => e.document === UKRAINE_TEXT.id)!;
    // Russia's guarantor veto judges the text of March 2022; its earliest source is a report of March 2024
    expect(ukraineText.appliedBeforeRecord).toContainEqual({
      actor: 'russia',
      kind: 'redLine',
      id: 'guarantor-veto',
      earliest: { source: 's90', date: '2024-03-01' },
      heldEarlier: reasonOf('guarantor-veto'),
    });
  });

  it('timeline says it under the table, actor by actor, and gives each reason once, with what it covers', async () => {
    const r = flat((await cli('timeline', 'istanbul-2022')).out);
    expect(r).toContain('Positions applied before their earliest source:');
    const counted = appliedBeforeRecord(ISTANBUL, UKRAINE_TEXT.date).filter((e) => e.actor === 'russia');
    const lines = counted.filter((e) => e.kind === 'redLine').length;
    expect(r).toContain(
      `2022-03-29 ${UKRAINE_TEXT.title}: Russia: ${lines} red line${lines === 1 ? '' : 's'} and ${counted.length - lines} preferences (earliest sources`,
    );
    const reason = reasonOf('guarantor-veto');
    expect(r).toContain("Held earlier — the scenario's reasons (heldEarlier)");
    // the reason once, under the red line it covers, in its words; never in quotation marks
    expect(r.split(reason)).toHaveLength(2);
    expect(r).toMatch(
      new RegExp(
        `\\d+\\. Russia's red line: ${russia.redLines.find((x) => x.id === 'guarantor-veto')!.text} Held earlier: ${reason.replace(/[()]/g, '\\$&')}`,
      ),
    );
    expect(r).not.toContain(`"${reason}`);
  });

  it('show notes a broken red line applied before its sources where it names it, with its reason', async () => {
    const r = flat((await cli('show', 'istanbul-2022')).out);
    // Russia rejects Ukraine's text on the guarantor veto, a red line the record gives from March 2024
    const note =
      /Russia: red line: [^;]*; applied before its earliest source \(s90, 2024-03-01; reason (\d+)\)/.exec(r);
    expect(note).not.toBeNull();
    expect(r.slice(r.indexOf(`${note![1]}. Russia's`))).toContain(
      `Held earlier: ${reasonOf('guarantor-veto')}`,
    );
  });
});

describe('where every position is on the record in time', () => {
  it('show and timeline print no such line', async () => {
    for (const cmd of ['show', 'timeline']) {
      const r = await cli(cmd, 'tutorial-bilateral');
      expect(r.code).toBe(0);
      expect(r.out).not.toMatch(/earliest source|Held earlier/);
    }
    const j = JSON.parse((await cli('timeline', 'tutorial-bilateral', '--json')).out);
    for (const e of j.entries) expect(e.appliedBeforeRecord).toEqual([]);
  });

  it('a document of the shipped data judged only by positions on the record gets none, its neighbours do', async () => {
    const r = flat((await cli('show', 'security-triangle')).out);
    const s = openScenario('security-triangle');
    for (const d of s.documents) {
      const from = r.indexOf(` ${d.title} (${d.date}`);
      expect(from).toBeGreaterThan(0);
      const next = Math.min(
        ...s.documents.map((x) => r.indexOf(` ${x.title} (${x.date}`)).filter((k) => k > from),
        r.indexOf('The default run'),
      );
      const said = r.slice(from, next).includes('applied before their earliest source');
      expect(said, d.id).toBe(appliedBeforeRecord(s, d.date).length > 0);
    }
    expect(s.documents.some((d) => appliedBeforeRecord(s, d.date).length === 0)).toBe(true);
  });
});

describe('a position with no reason', () => {
  it('is counted under its document and named with the reasons', async () => {
    const r = flat((await cli('show', FIXTURE)).out);
    expect(r).toContain('East: 3 red lines and 1 preference');
    expect(r).toContain('1 with no reason given');
    expect(r).toContain("No reason given: East's red line: West may not join the alliance.");
  });
});

describe('sources', () => {
  it('names the positions a source is the earliest of that judge texts dated before it', async () => {
    const r = flat((await cli('sources', 'istanbul-2022', '--key', 's90')).out);
    expect(r).toContain('The earliest source of positions applied to texts dated before it:');
    expect(r).toContain(
      `russia/guarantor-veto (red line) judges istanbul-2022-ukraine and 1 later text — held earlier: ${reasonOf('guarantor-veto')}`,
    );
    const j = JSON.parse((await cli('sources', 'istanbul-2022', '--key', 's90', '--json')).out);
    expect(j.sources[0].appliedEarlier).toContainEqual({
      ref: 'russia/guarantor-veto',
      kind: 'redLine',
      documents: ['istanbul-2022-ukraine', 'istanbul-2022-russia'],
      heldEarlier: reasonOf('guarantor-veto'),
    });
  });
});
